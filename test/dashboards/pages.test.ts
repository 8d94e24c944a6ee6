// The dashboards in a real browser (chromium), on the demo site (demo-site.ts): every page loads with no
// error and asks for nothing outside the site, charts draw, the language switch and the compare page work,
// the council report fits letter paper, and no page has a serious or critical accessibility violation.
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import axe from 'axe-core';
import { csvParse } from 'd3-dsv';
import type { Page } from 'playwright-core';
import { getDocument } from 'pdfjs-dist/legacy/build/pdf.mjs';
import { formatMonth } from '../../dashboards/src/components/i18n.ts';
import { readMetadata } from '../../dashboards/lib/public.ts';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { PAGES } from '../../dashboards/src/components/site.ts';
import { drawAll, onPage, openSite, settled, sitePages, visit, type SiteBrowser } from './browser.ts';
import { demoSite, type DemoSite } from './demo-site.ts';

const ARTIFACTS = join(import.meta.dirname, '..', '..', 'test-artifacts');
/** Letter paper less the 0.5 in margins of style.css, at 96 CSS pixels an inch. */
const LETTER_CONTENT_PX = (8.5 - 2 * 0.5) * 96;

/** One page of each kind, in both languages: the pages whose charts are all drawn and checked. */
const KINDS = [...PAGES.map((p) => p.slug), 'managers/TOR', 'managers/RRD'];
const SAMPLE = ['/', ...KINDS.flatMap((k) => [`/en/${k}`, `/fr/${k}`])];

let demo: DemoSite;
let site: SiteBrowser;
let paths: string[];

/** Runs `f` on every item, `n` at a time. */
async function each<T>(items: readonly T[], n: number, f: (item: T) => Promise<void>): Promise<void> {
  const queue = [...items];
  await Promise.all(
    Array.from({ length: n }, async () => {
      for (let item = queue.shift(); item !== undefined; item = queue.shift()) await f(item);
    }),
  );
}

async function axeViolations(page: Page): Promise<string[]> {
  await page.addScriptTag({ content: axe.source });
  const result = await page.evaluate(async () => {
    const r = await (window as unknown as { axe: typeof axe }).axe.run(document, {
      resultTypes: ['violations'],
    });
    return r.violations.map((v) => ({
      id: v.id,
      impact: v.impact,
      nodes: v.nodes.map((n) => n.target.join(' ')).slice(0, 3),
    }));
  });
  return result
    .filter((v) => v.impact === 'serious' || v.impact === 'critical')
    .map((v) => `${v.id} (${v.impact}): ${v.nodes.join(', ')}`);
}

/** What one visit of a page found. */
interface PageReport {
  errors: string[];
  lang: string;
  asOf: string;
  /** Each kind of page: its charts once all are drawn, and its axe-core violations. */
  charts?: { svg: boolean; marks: number; note: boolean; drawn: string; clashes: string[] }[];
  axe?: string[];
}

const reports = new Map<string, PageReport>();

/** A chart's drawn marks: vega's mark groups' paths and texts (axes' labels included). */
const MARKS = 'svg g[class^="mark-"] path, svg g[class^="mark-"] text';

/**
 * Visits every page once; the sample pages also get every chart drawn and axe run. The others go two at a
 * time; the sample pages one at a time, each in front: a page behind another gets no rendering updates, so
 * a chart slot it lays out meanwhile is never measured and never drawn (seen now and then as empty slots on
 * the overview and compare pages when two pages were open at once).
 */
async function visitAll(): Promise<void> {
  const visitOne = async (path: string) => {
    const { page, errors } = await visit(site, path);
    try {
      const report: PageReport = {
        errors,
        lang: await page.evaluate(() => document.documentElement.lang),
        asOf: (await page.locator('.sa-as-of').first().textContent()) ?? '',
      };
      if (SAMPLE.includes(path)) await drawAndInspect(page, report);
      reports.set(path, report);
    } finally {
      await page.close();
    }
  };
  await each(
    paths.filter((p) => !SAMPLE.includes(p)),
    2,
    visitOne,
  );
  await each(
    paths.filter((p) => SAMPLE.includes(p)),
    1,
    visitOne,
  );
}

/** Draws every chart of a sample page, then records what was drawn and its axe-core violations. */
async function drawAndInspect(page: Page, report: PageReport): Promise<void> {
  await page.bringToFront();
  await drawAll(page);
  // On a busy machine a chart's svg has once been counted before its marks were in it (the overview's
  // three charts, in one run of the whole suite): give the marks two minutes to show, then count
  // whatever is there, so a chart that never gets any is reported below by name.
  await page
    .waitForFunction(
      (marks) => {
        const done = [...document.querySelectorAll('.sa-chart-slot')].every(
          (s) => s.querySelector('.sa-no-data-note') || s.querySelectorAll(marks).length > 0,
        );
        // A slot that came after drawAll (a block that displayed again) is drawn as printing would.
        if (!done) window.dispatchEvent(new Event('beforeprint'));
        return done;
      },
      MARKS,
      { timeout: 120_000, polling: 1000 },
    )
    .catch(() => undefined);
  report.charts = await page.evaluate(
    (marks) =>
      [...document.querySelectorAll('.sa-chart-slot')].map((s) => {
        const svg = s.querySelector('svg');
        return {
          svg: Boolean(svg),
          marks: s.querySelectorAll(marks).length,
          note: Boolean(s.querySelector('.sa-no-data-note')),
          // What was drawn, for a chart without marks: the svg's size, its mark groups and its label.
          drawn: svg
            ? `svg ${svg.getAttribute('width')}×${svg.getAttribute('height')}, ${svg.querySelectorAll('g[class^="mark-"]').length} mark groups, ${svg.getAttribute('aria-label') ?? 'no label'}`
            : `no svg; the slot holds ${s.firstElementChild ? `<${s.firstElementChild.tagName.toLowerCase()} class="${s.firstElementChild.className}">` : 'no element'}: "${(s.textContent ?? '').slice(0, 120)}"`,
          clashes: svg ? clashes(svg) : [],
        };
        /** Labels a reader cannot read: text marks over each other or over an axis's numbers, and a
         *  legend past the chart's right edge. */
        function clashes(svg: SVGSVGElement): string[] {
          const boxes = (sel: string) =>
            [...svg.querySelectorAll(sel)]
              .map((t) => ({ text: t.textContent ?? '', r: t.getBoundingClientRect() }))
              .filter((b) => b.r.width > 0 && b.text.trim() !== '');
          const over = (a: DOMRect, b: DOMRect) =>
            a.left < b.right - 1 && b.left < a.right - 1 && a.top < b.bottom - 1 && b.top < a.bottom - 1;
          const marks = boxes('g.mark-text.role-mark text');
          const axes = boxes('g.role-axis-label text');
          const found: string[] = [];
          marks.forEach((a, i) => {
            for (const b of [...marks.slice(i + 1), ...axes])
              if (over(a.r, b.r)) found.push(`"${a.text}" over "${b.text}"`);
          });
          const right = svg.getBoundingClientRect().right;
          for (const legend of svg.querySelectorAll('g.role-legend'))
            if (legend.getBoundingClientRect().right > right + 1)
              found.push('the legend runs past the right edge');
          return found;
        }
      }),
    MARKS,
  );
  report.axe = await axeViolations(page);
}

/** A page printed to PDF on letter paper, as chromium prints it: the text of each page (pdf.js). */
async function councilReport(path: string): Promise<string[]> {
  let pdf = new Uint8Array();
  await onPage(site, path, async (page) => {
    await page.emulateMedia({ media: 'print' });
    await drawAll(page);
    pdf = new Uint8Array(
      await page.pdf({ format: 'Letter', preferCSSPageSize: true, printBackground: true }),
    );
  });
  mkdirSync(ARTIFACTS, { recursive: true });
  writeFileSync(join(ARTIFACTS, `council-report${path.replace(/\//g, '-')}.pdf`), pdf);
  const doc = await getDocument({ data: pdf.slice(), useSystemFonts: true }).promise;
  const pages: string[] = [];
  for (let n = 1; n <= doc.numPages; n++) {
    const content = await (await doc.getPage(n)).getTextContent();
    // Words only: a line break in the PDF is a space to the reader.
    pages.push(
      content.items
        .map((item) => ('str' in item ? item.str + (item.hasEOL ? ' ' : '') : ''))
        .join('')
        .replace(/\s+/g, ' '),
    );
  }
  return pages;
}

beforeAll(async () => {
  demo = await demoSite();
  site = await openSite(demo.site);
  paths = sitePages(demo.site);
  await visitAll();
}, 900_000);

afterAll(async () => {
  await site?.close();
});

describe('the demo site', () => {
  it('has every page in both languages and the language chooser', () => {
    expect(paths).toContain('/');
    for (const lang of ['en', 'fr']) {
      expect(paths.filter((p) => p.startsWith(`/${lang}/managers/`) && !p.endsWith('/'))).toHaveLength(47);
      for (const kind of KINDS) expect(paths).toContain(`/${lang}/${kind}`);
    }
  });

  it('every page loads with no error and requests nothing outside the site', () => {
    expect(reports.size).toBe(paths.length);
    expect([...reports].flatMap(([path, r]) => r.errors.map((e) => `${path}: ${e}`))).toEqual([]);
    expect(site.outside).toEqual([]);
  });

  it('every page is in its language and shows the as-of month', () => {
    for (const [path, r] of reports) {
      const lang = path.startsWith('/fr/') ? 'fr' : 'en';
      expect(r.lang, path).toBe(lang);
      expect(r.asOf, path).toContain(lang === 'fr' ? 'Données en date de' : 'Data as of');
    }
  });

  it('draws every chart of each kind of page, with marks', () => {
    const problems: string[] = [];
    let charts = 0;
    for (const path of SAMPLE) {
      const found = reports.get(path)?.charts ?? [];
      charts += found.filter((c) => c.svg).length;
      for (const [i, c] of found.entries())
        if (!c.note && (!c.svg || c.marks === 0))
          problems.push(`${path}: chart ${i + 1} has no marks (${c.drawn})`);
    }
    expect(problems).toEqual([]);
    expect(charts).toBeGreaterThan(100);
  });

  it('draws no label over another, and no legend past the chart’s edge', () => {
    const problems: string[] = [];
    for (const [path, r] of reports)
      r.charts?.forEach((c, i) => {
        for (const clash of c.clashes) problems.push(`${path}: chart ${i + 1}: ${clash}`);
      });
    expect(problems).toEqual([]);
  });

  it('has no serious or critical accessibility violation (axe-core) on each kind of page', () => {
    expect(
      SAMPLE.flatMap((path) => (reports.get(path)?.axe ?? ['not checked']).map((v) => `${path}: ${v}`)),
    ).toEqual([]);
  });

  it('switches language to the same page and back', async () => {
    await onPage(site, '/en/managers/TOR', async (page) => {
      const heading = await page.locator('h1').textContent();
      expect(heading).toBe('City of Toronto');
      await Promise.all([
        page.waitForURL(/\/fr\/managers\/TOR$/),
        page.getByRole('link', { name: 'Français' }).click(),
      ]);
      await settled(page);
      expect(await page.evaluate(() => document.documentElement.lang)).toBe('fr');
      // The manager's official French name (data/reference/service_managers.csv, name_fr).
      expect(await page.locator('h1').textContent()).toBe('Ville de Toronto');
      await expect(page.title()).resolves.toMatch(/^Ville de Toronto \| sa-outcomes — Résultats/);
      await expect(page.locator('h2').first().textContent()).resolves.toBe('Résumé');
      await Promise.all([
        page.waitForURL(/\/en\/managers\/TOR$/),
        page.getByRole('link', { name: 'English' }).click(),
      ]);
      await settled(page);
      expect(await page.evaluate(() => document.documentElement.lang)).toBe('en');
      // The French sidebar is not on English pages.
      await expect(page.locator('#observablehq-sidebar').textContent()).resolves.not.toContain(
        'Gestionnaires',
      );
    });
  });

  it('compares any measure across managers for any month, and keeps the choice in the address', async () => {
    await onPage(site, '/en/compare', async (page) => {
      await page.getByLabel('Measure', { exact: true }).selectOption('pct_caseload_with_earnings');
      await page.waitForURL(/measure=pct_caseload_with_earnings/);
      await page.getByLabel('Program', { exact: true }).selectOption('OW');
      await page.waitForURL(/program=OW/);
      const month = await page
        .getByLabel('Month', { exact: true })
        .locator('option')
        .nth(3)
        .getAttribute('value');
      await page.getByLabel('Month', { exact: true }).selectOption(month ?? '');
      await page.waitForURL(new RegExp(`month=${month}`));
      await drawAll(page);
      // A chart's table is made when its reader opens it.
      await expect(page.locator('.sa-table').count()).resolves.toBe(0);
      for (const view of await page.locator('details.sa-table-view > summary').all()) await view.click();
      const caption = await page.locator('.sa-table caption').first().textContent();
      expect(caption).toContain('Caseload with employment earnings, Ontario Works, by service manager');
      // Unpublished figures are written out in the table, never as 0.
      const cells = await page.locator('.sa-table td.sa-suppressed').allTextContents();
      expect(cells.length).toBeGreaterThan(0);
      expect(new Set(cells)).toEqual(new Set(['suppressed']));
      // The French page keeps the choices.
      await Promise.all([
        page.waitForURL(/\/fr\/compare\?/),
        page.getByRole('link', { name: 'Français' }).click(),
      ]);
      await settled(page);
      expect(new URL(page.url()).searchParams.get('measure')).toBe('pct_caseload_with_earnings');
      await expect(page.getByLabel('Mesure', { exact: true }).inputValue()).resolves.toBe(
        'pct_caseload_with_earnings',
      );
      await expect(page.getByLabel('Programme', { exact: true }).inputValue()).resolves.toBe('OW');
      await expect(page.getByLabel('Mois', { exact: true }).inputValue()).resolves.toBe(month);
    });
  });

  it('fits a phone: no page of any kind scrolls sideways at 390 px; a wide table scrolls in its own box', async () => {
    const context = await site.browser.newContext({ viewport: { width: 390, height: 844 } });
    try {
      for (const path of KINDS.flatMap((k) => [`/en/${k}`, `/fr/${k}`])) {
        const { page, errors } = await visit(site, path, await context.newPage());
        await drawAll(page);
        const widths = await page.evaluate(() => ({
          page: document.documentElement.scrollWidth,
          // The manager's measure tables (seven columns) are wider than a phone.
          tables: [...document.querySelectorAll('.sa-table-scroll')].map((box) => ({
            scrolls: box.scrollWidth > box.clientWidth,
            focusable: (box as HTMLElement).tabIndex === 0,
            named: box.getAttribute('aria-label') === box.querySelector('caption')?.textContent,
          })),
        }));
        expect({ path, sideways: widths.page > 390 }).toEqual({ path, sideways: false });
        for (const t of widths.tables) expect(t).toMatchObject({ focusable: true, named: true });
        if (path === '/en/managers/TOR') expect(widths.tables.some((t) => t.scrolls)).toBe(true);
        expect(errors).toEqual([]);
        await page.close();
      }
    } finally {
      await context.close();
    }
  });

  it('folds a topic’s breakdowns and managers away, closed, and draws them when a reader opens one', async () => {
    await onPage(site, '/en/stabilization', async (page) => {
      const folds = page.locator('article.sa-measure details.sa-more');
      const count = await folds.count();
      expect(count).toBeGreaterThan(5);
      // Closed, and nothing in them drawn, whatever the reader has scrolled past.
      await page.evaluate(() => window.scrollTo(0, document.body.scrollHeight));
      await page.waitForTimeout(500);
      const closed = await page.evaluate(() =>
        [...document.querySelectorAll<HTMLDetailsElement>('article.sa-measure details.sa-more')].map((d) => ({
          open: d.open,
          drawn: d.querySelectorAll('.sa-chart-slot svg').length,
        })),
      );
      expect(closed.every((d) => !d.open && d.drawn === 0)).toBe(true);
      // A fold with a breakdown names what it holds, opens, and its charts are drawn: Ontario by breakdown
      // value first, then the managers' ranking (a note instead where no manager's figure is published).
      const fold = folds
        .filter({ has: page.locator(':scope > summary', { hasText: /^Ontario by / }) })
        .first();
      await expect(fold.locator(':scope > summary').textContent()).resolves.toMatch(
        /^Ontario by .+, and every service manager$/,
      );
      await fold.locator(':scope > summary').scrollIntoViewIfNeeded();
      await fold.locator(':scope > summary').click();
      await expect(fold.evaluate((d) => (d as HTMLDetailsElement).open)).resolves.toBe(true);
      await fold.locator('.sa-chart-slot').first().locator('svg').waitFor({ timeout: 60_000 });
      await fold
        .locator('.sa-chart-slot')
        .last()
        .locator('svg, .sa-no-data-note')
        .first()
        .waitFor({ timeout: 60_000 });
      const slots = await fold.evaluate((d) =>
        [...d.querySelectorAll('.sa-chart-slot')].map((s) =>
          s.querySelector('svg') ? 'chart' : s.querySelector('.sa-no-data-note') ? 'note' : 'empty',
        ),
      );
      expect(slots.length).toBe(2);
      expect(slots[0]).toBe('chart');
      expect(['chart', 'note']).toContain(slots[1]);
    });
  });

  it('lets every page be zoomed, and puts a skip link to the content first', async () => {
    const html = sitePages(demo.site).map((p) => p.replace(/\/$/, '/index'));
    for (const path of html) {
      const text = readFileSync(join(demo.site, `${path}.html`), 'utf8');
      expect(text, path).toContain('<meta name="viewport" content="width=device-width, initial-scale=1">');
      expect(text, path).not.toContain('maximum-scale');
    }
    await onPage(site, '/fr/managers/RRD', async (page) => {
      await page.keyboard.press('Tab');
      await expect(page.evaluate(() => document.activeElement?.textContent)).resolves.toBe(
        'Aller au contenu',
      );
      await page.keyboard.press('Enter');
      await expect(page.evaluate(() => location.hash)).resolves.toBe('#observablehq-main');
    });
  });

  // The demo runs from April 2023 to September 2024 (demo-site.ts): fiscal year 2023-24 (April 2023 to March
  // 2024) has all 12 months, 2024-25 only 6. So the page shows 2023-24's cost sharing and outcome payments and
  // the 2024-25 allocation computed from it, and no provisional year.
  it('shows on the funding page the latest complete fiscal year and the allocation computed from it', async () => {
    const expected = {
      en: [
        'Cost sharing of assistance, 2023-24 fiscal year',
        'Program delivery funding allocation (Ontario Works), 2024-25 fiscal year',
        'Outcome payments, 2023-24 fiscal year',
      ],
      fr: [
        'Partage des coûts de l’aide, exercice 2023-2024',
        'Allocation du financement de la prestation des programmes (Ontario au travail), exercice 2024-2025',
        'Paiements liés aux résultats, exercice 2023-2024',
      ],
    };
    const lead = {
      en: 'The 2023-24 fiscal year (April 2023 to March 2024) is the latest complete fiscal year',
      fr: 'L’exercice 2023-2024 (d’avril 2023 à mars 2024) est le dernier exercice complet',
    };
    for (const lang of ['en', 'fr'] as const) {
      await onPage(site, `/${lang}/funding`, async (page) => {
        const headings = await page.locator('main h2').allTextContents();
        expect(headings.slice(0, 3)).toEqual(expected[lang]);
        const text = (await page.locator('main').textContent()) ?? '';
        expect(text).toContain(lead[lang]);
        expect(text).not.toMatch(/provisional|provisoire/i);
      });
    }
    // A manager's page says the same in its funding part.
    await onPage(site, '/en/managers/TOR', async (page) => {
      const funding = (await page.locator('section[aria-labelledby="funding"]').textContent()) ?? '';
      expect(funding).toContain(lead.en);
      expect(funding).toContain('City of Toronto, 2023-24 fiscal year');
      expect(funding).not.toMatch(/provisional/i);
    });
  });

  // The demo carries its own funding parameters: the shipped ones with the envelope scaled to its size. At
  // scale 0.003 of the province that is 600,000,000 × 0.003 = 1,800,000 dollars, so the allocation sits beside
  // the demo's assistance as the defaults would beside Ontario's, and the pages say which file it is.
  it('allocates an envelope scaled to the demo, and names the parameters file it came from', async () => {
    const onAllocation = readFileSync(join(demo.publicDir, 'funding.csv'), 'utf8')
      .split('\n')
      .filter((l) => l.startsWith('2024-25,ON,OW,pdf_allocation,'));
    expect(onAllocation).toEqual(['2024-25,ON,OW,pdf_allocation,1800000.00,complete']);
    await onPage(site, '/en/methodology', async (page) => {
      const row = async (label: string): Promise<string> =>
        (
          (await page
            .locator('tr', { has: page.locator('th', { hasText: label }) })
            .first()
            .textContent()) ?? ''
        ).replace(/\s+/g, ' ');
      expect(await row('Program delivery funding: the envelope')).toContain('$1,800,000');
      expect(await row('Parameters file')).toContain('extracts: funding/default.json');
    });
  });

  // The demo is published twice (build-demo-site.ts): September 2024 comes in the second release, which also
  // restates August 2024's payments. The page must say so in words a reader follows, in both languages, and
  // its counts must be changes.csv's.
  it('says on the "What’s new" page what the second release added and revised, as changes.csv lists it', async () => {
    const changes = csvParse(readFileSync(join(demo.publicDir, 'changes.csv'), 'utf8'));
    const count = (change: string): number =>
      changes.filter((r) => r.file === 'measures.csv' && r.change === change).length;
    const newPeriods = new Set(
      changes.filter((r) => r.file === 'measures.csv' && r.change === 'new').map((r) => r.period),
    );
    expect(newPeriods).toEqual(new Set(['2024-09']));
    const revised = changes.filter((r) => r.change === 'revised');
    expect(revised.length).toBeGreaterThan(0);
    // The calendar years of the revised months, as a reader lists them ("2023 and 2024").
    const years = (and: string): string => {
      const list = [
        ...new Set(revised.filter((r) => r.file === 'measures.csv').map((r) => r.period!.slice(0, 4))),
      ].sort();
      return list.length === 1 ? list[0]! : `${list.slice(0, -1).join(', ')} ${and} ${list.at(-1)}`;
    };
    const expected = {
      en: [
        `September 2024 added: ${count('new').toLocaleString('en-CA')} figures.`,
        `${count('revised').toLocaleString('en-CA')} figures for ${years('and')} revised after restated or corrected data`,
        'Deliveries restated since that release: August 2024 (payments).',
      ],
      fr: [
        `Septembre 2024 : ${count('new').toLocaleString('fr-CA')} chiffres ajoutés.`,
        `${count('revised').toLocaleString('fr-CA')} chiffres pour ${years('et')} révisés après des données corrigées`,
        'Livraisons corrigées depuis cette diffusion : août 2024 (payments).',
      ],
    };
    for (const lang of ['en', 'fr'] as const) {
      await onPage(site, `/${lang}/whats-new`, async (page) => {
        const text = ((await page.locator('main').textContent()) ?? '').replace(/\s+/g, ' ');
        for (const sentence of expected[lang]) expect(text, lang).toContain(sentence.replace(/\s+/g, ' '));
        const link = page.locator('main a', { hasText: 'changes.csv' });
        expect(await link.getAttribute('download')).toBe('changes.csv');
        // The revised figures one by one: a row a reader can check against changes.csv.
        const first = revised.find((r) => r.file === 'measures.csv')!;
        const rows = await page.locator('main table tbody tr').count();
        expect(rows).toBe(Math.min(200, count('revised')));
        const cells = await page.locator('main table tbody tr').first().locator('th, td').allTextContents();
        expect(cells[1]).toBe(formatMonth(first.period!, lang));
      });
    }
  });

  it('lists on the downloads page every open-data file, and every column of every file in the page’s language', async () => {
    await onPage(site, '/fr/downloads', async (page) => {
      const files = await page.locator('main table').first().locator('tbody th').allTextContents();
      for (const f of [
        'datapackage.json',
        'data-dictionary.csv',
        'changes.csv',
        'catalogue.json',
        'catalogue.jsonld',
      ])
        expect(files).toContain(f);
      const dictionary = page.locator('main section[aria-labelledby="columns"] table tbody tr');
      const status = dictionary.filter({ has: page.locator('td', { hasText: /^measures\.csv$/ }) }).filter({
        has: page.locator('th', { hasText: /^status$/ }),
      });
      await expect(status.count()).resolves.toBe(1);
      const meaning = (await status.locator('td').nth(2).textContent()) ?? '';
      expect(meaning).toContain('ok : publié');
    });
  });

  // Before any fiscal year is complete, the public funding.csv has no row: the page's own component (as the
  // site built it) says so in words instead of drawing empty charts.
  it('says in words on the funding page when no fiscal year is complete yet', async () => {
    await onPage(site, '/en/funding', async (page) => {
      const moduleUrl = async (name: string): Promise<string> => {
        const href = await page
          .locator(`link[rel="modulepreload"][href*="/components/${name}."]`)
          .getAttribute('href');
        expect(href).toBeTruthy();
        return new URL(href ?? '', page.url()).href;
      };
      const component = await moduleUrl('funding');
      const rows = await moduleUrl('funding-rows');
      // The page's code as a string: vitest would rewrite the import() of a function for Node. Its first
      // section, given funding rows with no complete year, is what the page shows.
      const say = (lang: string): Promise<string> =>
        page.evaluate(
          `Promise.all([import(${JSON.stringify(component)}), import(${JSON.stringify(rows)})]).then(
             ([{ costSharing }, { publishedFunding }]) =>
               costSharing(publishedFunding([], ${JSON.stringify(lang)}), [], { lang: ${JSON.stringify(lang)} }).textContent)`,
        );
      expect(await say('en')).toContain(
        'No fiscal year is complete yet: funding is published once all 12 months of a fiscal year (April to March) are in.',
      );
      expect(await say('fr')).toContain(
        'Aucun exercice n’est encore complet : le financement est publié une fois que les 12 mois d’un exercice (d’avril à mars) sont tous connus.',
      );
    });
  });

  it('sets a manager against its peers only where the comparison means something', async () => {
    /** Each row of the page's measure tables: the measure, the peers' median and the rank, as a reader sees them. */
    type Row = { measure: string; median: string; rank: string };
    const peerCells = async (path: string, rankHeader: string): Promise<Row[]> => {
      let rows: Row[] = [];
      await onPage(site, path, async (page) => {
        rows = await page.evaluate((header) => {
          const tables = [...document.querySelectorAll('table')].filter((t) =>
            [...t.querySelectorAll('thead th')].some((th) => th.textContent === header),
          );
          return tables.flatMap((t) => {
            const heads = [...t.querySelectorAll('thead th')].map((th) => th.textContent ?? '');
            const rank = heads.indexOf(header);
            return [...t.querySelectorAll('tbody tr')].map((tr) => {
              const cells = [...tr.children].map((c) => c.textContent ?? '');
              return { measure: cells[0] ?? '', median: cells[rank - 1] ?? '', rank: cells[rank] ?? '' };
            });
          });
        }, rankHeader);
      });
      return rows;
    };
    for (const code of ['TOR', 'RRD']) {
      const rows = await peerCells(`/en/managers/${code}`, 'Rank among peers');
      expect(rows.length).toBeGreaterThan(20);
      for (const r of rows) {
        const where = `${code} ${r.measure}: median "${r.median}", rank "${r.rank}"`;
        // A rank is among the manager and at least 3 peers: "1 of 1" or "2 of 3" would mean nothing.
        // A tie says so, and a tie with every peer is not a rank.
        const rank = /^(\d+) of (\d+)( \(tied\))?$/.exec(r.rank);
        const tiedWithAll = /^tied with all (\d+) peers$/.exec(r.rank);
        if (rank) {
          expect(Number(rank[2]), where).toBeGreaterThanOrEqual(4);
          expect(Number(rank[1]), where).toBeLessThanOrEqual(Number(rank[2]));
        } else if (tiedWithAll) expect(Number(tiedWithAll[1]), where).toBeGreaterThanOrEqual(3);
        else expect(r.rank, where).toBe('—');
        const median = /\(median of (\d+)\)$/.exec(r.median);
        if (median) expect(Number(median[1]), where).toBeGreaterThanOrEqual(3);
        else
          expect(
            ['—', 'too few peers with a published figure', 'not compared: depends on size'],
            where,
          ).toContain(r.median);
      }
      // Toronto's caseload, about a third of Ontario's, is not set against its peers' caseloads.
      expect(rows.find((r) => r.measure === 'Caseload')).toMatchObject({
        median: 'not compared: depends on size',
        rank: '—',
      });
      if (code === 'TOR') expect(rows.some((r) => /^\d+ of \d+$/.test(r.rank))).toBe(true);
    }
    const fr = await peerCells('/fr/managers/TOR', 'Rang parmi les semblables');
    expect(fr.find((r) => r.measure === 'Nombre de dossiers')?.median).toBe(
      'non comparé : dépend de la taille',
    );
    expect(fr.some((r) => /\(médiane de \d+\)$/.test(r.median))).toBe(true);
  });

  it('prints a manager page as a council report on letter paper', async () => {
    await onPage(site, '/en/managers/HAM', async (page) => {
      await page.emulateMedia({ media: 'print' });
      await drawAll(page);
      await page.setViewportSize({ width: Math.floor(LETTER_CONTENT_PX), height: 1000 });
      const layout = await page.evaluate(() => ({
        width: document.documentElement.scrollWidth,
        // Every box of the page; a chart's SVG counts as a whole (it clips what its labels overhang).
        widest: Math.max(
          ...[...document.querySelectorAll('main *')]
            .filter((e) => !e.parentElement?.closest('svg'))
            .map((e) => e.getBoundingClientRect().right),
        ),
        // Not rendered at all (an element inside a hidden one has no boxes either).
        hidden: ['#observablehq-sidebar', '.sa-lang', '.sa-print', 'details.sa-table-view'].every((s) =>
          [...document.querySelectorAll(s)].every((e) => e.getClientRects().length === 0),
        ),
        page: [...document.styleSheets].some((sheet) =>
          [...sheet.cssRules].some(
            (r) => r instanceof CSSPageRule && r.style.getPropertyValue('size') === 'letter',
          ),
        ),
      }));
      expect(layout.hidden).toBe(true);
      expect(layout.page).toBe(true);
      expect(layout.width).toBeLessThanOrEqual(LETTER_CONTENT_PX);
      expect(layout.widest).toBeLessThanOrEqual(LETTER_CONTENT_PX + 1);
    });
  });

  it('prints a council report a councillor can read: a summary first, numbered pages, no controls, 10 pages at most', async () => {
    const asOfMonth = readMetadata(demo.publicDir).as_of_month;
    for (const [path, name] of [
      ['/en/managers/TOR', 'City of Toronto'],
      ['/en/managers/RRD', 'Rainy River District Social Services Administration Board'],
      ['/fr/managers/RRD', 'Conseil d’administration des services sociaux du district de Rainy River'],
    ] as const) {
      const pages = await councilReport(path);
      expect(pages.length, path).toBeGreaterThanOrEqual(2);
      expect(pages.length, path).toBeLessThanOrEqual(10);
      const fr = path.startsWith('/fr');
      // Every page says whose report it is, as of when, and its number.
      pages.forEach((text, i) => {
        expect(text, `${path} page ${i + 1}`).toContain(
          `${name} · ${fr ? 'Données en date de' : 'Data as of'}`,
        );
        expect(text, `${path} page ${i + 1}`).toContain(`Page ${i + 1} ${fr ? 'sur' : 'of'} ${pages.length}`);
      });
      // Page 1 is the summary in sentences, and the measures' tables start on page 2.
      const first = pages[0]!;
      expect(first).toContain(fr ? 'Résumé' : 'Summary');
      expect(first).toMatch(
        fr ? /\d+ % de ses chiffres mensuels sont publiés/ : /\d+% of its monthly figures are published/,
      );
      // The caseload's sentence: its month is the as-of month, then Ontario's trend (a count is not compared).
      const month = formatMonth(asOfMonth, fr ? 'fr' : 'en');
      expect(first).toContain(fr ? `Nombre de dossiers : ` : 'Caseload: ');
      expect(first).toContain(fr ? ` en ${month}` : ` in ${month}`);
      expect(first).toMatch(
        fr ? /Ontario : en (hausse|baisse) de|Ontario : inchangé/ : /Ontario: (up|down) |Ontario: unchanged/,
      );
      expect(pages[1]).toContain(
        fr ? 'Chaque mesure comparée à l’Ontario' : 'Every measure against Ontario and its peers',
      );
      // Nothing that is only a control on screen.
      const all = pages.join('\n');
      for (const control of [
        '▶',
        'Print',
        'Imprimer',
        'Compare with',
        'Comparer avec',
        'Table view',
        'Tableau des données',
        'Download',
        'Télécharger',
      ])
        expect(all, `${path}: "${control}"`).not.toContain(control);
    }
    // A small manager whose figures are mostly not published says so once, and shows what can be shown.
    const rrd = (await councilReport('/en/managers/RRD'))[0]!;
    expect(rrd.split('This report shows what can be shown').length - 1).toBe(1);
  });

  it('saves screenshots of the overview and a manager page', async () => {
    mkdirSync(ARTIFACTS, { recursive: true });
    for (const [path, name] of [
      ['/en/', 'overview-en.png'],
      ['/fr/managers/TOR', 'manager-TOR-fr.png'],
    ] as const) {
      await onPage(site, path, async (page) => {
        await drawAll(page);
        await page.screenshot({ path: join(ARTIFACTS, name), fullPage: true });
      });
    }
  });
});
