// buildSite: the Observable Framework site built offline from a public folder (test/fixtures/public-small).
import { cp, mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { extname, join, relative } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { PAGES } from '../../../dashboards/src/components/site.ts';
import { buildSite, type BuildSiteResult } from '../../../pipelines/publish/site.ts';

const FIXTURE = join(import.meta.dirname, '..', '..', 'fixtures', 'public-small');
// A safety net, not a target: a site build takes about 20 s idle, several minutes on a loaded machine.
const BUILD_TIMEOUT = 900_000;

const EXTERNAL = /^\s*(?:https?:)?\/\//i;
const URL_START = String.raw`((?:https?:)?\/\/[^"'\`)\s]+)`;

/**
 * The outside-the-site URLs a built file would make the browser request: resource attributes of
 * HTML tags (not <a href>, which is navigation), CSS @import and url(), and JavaScript imports,
 * fetches and workers. URLs in comments, data: URIs, SVG namespaces and other strings are not requests.
 */
function externalRequests(file: string, text: string): string[] {
  const found: string[] = [];
  const ext = extname(file);
  if (ext === '.html') {
    const tags = /<(link|script|img|iframe|source|video|audio|embed|object|track|input|image|use)\b[^>]*>/gi;
    for (const tag of text.matchAll(tags)) {
      const attrs = /\s(src|href|srcset|poster|data|xlink:href)\s*=\s*(?:"([^"]*)"|'([^']*)'|([^\s>]+))/gi;
      for (const attr of tag[0].matchAll(attrs)) {
        const value = attr[2] ?? attr[3] ?? attr[4] ?? '';
        const urls =
          attr[1]?.toLowerCase() === 'srcset'
            ? value.split(',').map((s) => s.trim().split(/\s+/)[0] ?? '')
            : [value];
        for (const url of urls) if (EXTERNAL.test(url)) found.push(`<${tag[1]} ${attr[1]}="${url}">`);
      }
    }
  }
  if (ext === '.css' || ext === '.html') {
    for (const m of text.matchAll(new RegExp(String.raw`@import\s+(?:url\(\s*)?["']?${URL_START}`, 'gi')))
      found.push(`@import ${m[1]}`);
    for (const m of text.matchAll(new RegExp(String.raw`(?<!@import\s*)url\(\s*["']?${URL_START}`, 'gi')))
      found.push(`url(${m[1]})`);
  }
  if (ext === '.js' || ext === '.html') {
    const code = [
      String.raw`\bfrom\s*["']${URL_START}["']`, // import … from "https://…", export … from
      String.raw`\bimport\s*["']${URL_START}["']`, // import "https://…"
      String.raw`\bimport\(\s*["'\`]${URL_START}`, // import("https://…")
      String.raw`\bfetch\(\s*["'\`]${URL_START}`,
      String.raw`\b(?:Worker|SharedWorker|importScripts)\(\s*["'\`]${URL_START}`,
    ];
    for (const pattern of code)
      for (const m of text.matchAll(new RegExp(pattern, 'g'))) found.push(`${m[0]}`);
  }
  return found;
}

async function filesUnder(dir: string): Promise<string[]> {
  const entries = await readdir(dir, { withFileTypes: true, recursive: true });
  return entries.filter((e) => e.isFile()).map((e) => join(e.parentPath, e.name));
}

/** A data file the site ships, e.g. `data/overview` → the parsed _file/data/overview.<hash>.json. */
async function loaderOutput<T = unknown>(siteDir: string, name: string): Promise<T> {
  const dir = join(siteDir, '_file', ...name.split('/').slice(0, -1));
  const base = name.split('/').at(-1) ?? name;
  const file = (await readdir(dir)).find((f) => f.startsWith(`${base}.`) && f.endsWith('.json'));
  if (!file) throw new Error(`no ${base}.*.json in ${dir}`);
  return JSON.parse(await readFile(join(dir, file), 'utf8')) as T;
}

interface Snapshot {
  snapshot: { measure: string; geo: string; period: string; value: number | null; status: string }[];
  province: {
    periods: string[];
    series: { measure: string; geo: string; program: string; value: (number | null)[] }[];
  };
}

const caseloadAt = (data: Snapshot, geo: string, period: string) =>
  data.snapshot.find((r) => r.measure === 'caseload' && r.geo === geo && r.period === period);

describe('externalRequests', () => {
  it('finds requests for outside resources', () => {
    expect(
      externalRequests(
        'a.html',
        '<link rel="preconnect" href="https://fonts.gstatic.com" crossorigin>' +
          '<script type=module src=\'//cdn.example.org/x.js\'></script><img srcset="a.png 1x, https://x.org/b.png 2x">',
      ),
    ).toEqual([
      '<link href="https://fonts.gstatic.com">',
      '<script src="//cdn.example.org/x.js">',
      '<img srcset="https://x.org/b.png">',
    ]);
    expect(externalRequests('a.css', '@import url("https://fonts.googleapis.com/css2?family=X");')).toEqual([
      '@import https://fonts.googleapis.com/css2?family=X',
    ]);
    expect(externalRequests('a.css', "@import 'https://x.org/a.css';")).toHaveLength(1);
    expect(externalRequests('a.css', 'a{background:url(http://x.org/a.png)}')).toEqual([
      'url(http://x.org/a.png)',
    ]);
    expect(externalRequests('a.js', 'import{x}from"https://cdn.jsdelivr.net/npm/d3/+esm";')).toHaveLength(1);
    expect(externalRequests('a.js', 'const m = await import("https://esm.sh/x");')).toHaveLength(1);
    expect(externalRequests('a.js', 'fetch(`https://api.example.org/${id}`)')).toHaveLength(1);
  });

  it('ignores links, comments, data URIs and strings that are never requested', () => {
    expect(externalRequests('a.html', '<a href="https://observablehq.com/">Observable</a>')).toEqual([]);
    expect(externalRequests('a.html', '<link rel="stylesheet" href="./_import/style.css">')).toEqual([]);
    expect(
      externalRequests(
        'a.css',
        `:root{--c:url("data:image/svg+xml,%3Csvg xmlns='http://www.w3.org/2000/svg'%3E")}`,
      ),
    ).toEqual([]);
    expect(
      externalRequests(
        'a.js',
        '/*! license: https://github.com/x/y */ const ns="http://www.w3.org/2000/svg"; const editor="https://vega.github.io/editor/"; import {a} from "../_node/vega@6.4.0/index.js";',
      ),
    ).toEqual([]);
  });
});

describe('buildSite', () => {
  let work: string;
  let site: string;
  let result: BuildSiteResult;

  beforeAll(async () => {
    work = await mkdtemp(join(tmpdir(), 'sa-site-test-'));
    site = join(work, 'site');
    result = await buildSite({ publicDir: FIXTURE, outDir: site });
  }, BUILD_TIMEOUT);

  afterAll(async () => {
    if (work) await rm(work, { recursive: true, force: true });
  });

  it('builds the language chooser and every page in English and French, showing the as-of month', async () => {
    const root = await readFile(join(site, 'index.html'), 'utf8');
    expect(root).toContain('<time datetime="2025-03">2025-03</time>');
    expect(root).toContain('March 2025');
    expect(root).toContain('mars 2025');
    expect(root).toMatch(/href="\.\/en\/"[^>]*hreflang="en"/);
    expect(root).toMatch(/href="\.\/fr\/"[^>]*hreflang="fr"/);
    const en = await readFile(join(site, 'en', 'index.html'), 'utf8');
    expect(en).toContain(
      '<title>Province overview | sa-outcomes — Ontario social assistance outcomes</title>',
    );
    expect(en).toContain('<h1>Province overview</h1>');
    expect(en).toContain('document.documentElement.lang = "en"');
    const fr = await readFile(join(site, 'fr', 'index.html'), 'utf8');
    expect(fr).toContain(
      '<title>Aperçu provincial | sa-outcomes — Résultats de l’aide sociale en Ontario</title>',
    );
    expect(fr).toContain('Données en date de <strong>mars 2025</strong>');
    // The language switch links each page to itself in the other language.
    expect(en).toMatch(/<a class="sa-lang-switch" href="\.\.\/fr\/" lang="fr" hreflang="fr">Français<\/a>/);
    const tor = await readFile(join(site, 'fr', 'managers', 'TOR.html'), 'utf8');
    // In French, the manager's French name (data/reference/service_managers.csv, name_fr).
    expect(tor).toContain('<h1>Ville de Toronto</h1>');
    expect(tor).toMatch(/href="\.\.\/\.\.\/en\/managers\/TOR"[^>]*>English<\/a>/);
    const pages = (await filesUnder(site)).filter((f) => f.endsWith('.html')).map((f) => relative(site, f));
    for (const lang of ['en', 'fr']) {
      for (const page of PAGES.map((p) => (p.slug || 'index').replace(/\/$/, '/index')))
        expect(pages).toContain(`${lang}/${page}.html`);
      expect(
        pages.filter((p) => p.startsWith(`${lang}/managers/`) && !p.endsWith('index.html')),
      ).toHaveLength(47);
    }
    expect(result.pages).toBe(pages.length);
    expect(result.bytes).toBeGreaterThan(100_000);
    expect(result.seconds).toBeGreaterThan(0);
  });

  it('requests nothing from outside the site', async () => {
    const files = (await filesUnder(site)).filter((f) => ['.html', '.js', '.css'].includes(extname(f)));
    expect(files.length).toBeGreaterThan(5);
    const found: string[] = [];
    for (const file of files) {
      for (const hit of externalRequests(file, await readFile(file, 'utf8')))
        found.push(`${relative(site, file)}: ${hit}`);
    }
    expect(found).toEqual([]);
    const html = await readFile(join(site, 'index.html'), 'utf8');
    expect(html).not.toMatch(/fonts\.(googleapis|gstatic)\.com/);
    // Nothing came from the CDN: no _npm/ folder, only node_modules bundles under _node/.
    expect(files.some((f) => relative(site, f).startsWith('_npm'))).toBe(false);
  });

  it('bundles vega, vega-lite and vega-embed from node_modules, loaded when a chart is drawn, not with the page', async () => {
    const nodeDir = await readdir(join(site, '_node'));
    for (const name of ['vega', 'vega-lite', 'vega-embed', 'd3-dsv']) {
      expect(nodeDir.some((d) => d.startsWith(`${name}@`))).toBe(true);
    }
    // No page preloads vega: it is most of a page's script, and the words and tables need none of it.
    const html = await readFile(join(site, 'en', 'index.html'), 'utf8');
    expect(html).toMatch(/<link rel="modulepreload" href="\.\.\/_observablehq\/client\./);
    expect(html).not.toMatch(/modulepreload" href="[^"]*_node\/vega/);
    const components = await readdir(join(site, '_import', 'components'));
    const vega = components.find((f) => f.startsWith('vega.'));
    expect(vega).toBeDefined();
    expect(await readFile(join(site, '_import', 'components', vega ?? ''), 'utf8')).toMatch(
      /import\("[^"]*_node\/vega-embed@[\d.]+\/index\.[0-9a-f]{8}\.js"\)/,
    );
  });

  it('writes the page data from the public folder, suppressed cells without a value', async () => {
    const overview = await loaderOutput<Snapshot>(site, 'data/overview');
    const ontario = overview.province.series.find(
      (r) => r.measure === 'caseload' && r.geo === 'ON' && r.program === 'ALL',
    );
    expect(overview.province.periods).toEqual(['2025-01', '2025-02', '2025-03']);
    expect(ontario?.value.at(-1)).toBe(12500);
    expect(caseloadAt(overview, 'TOR', '2025-03')).toMatchObject({ value: 3610, status: 'ok' });
    expect(caseloadAt(overview, 'RRD', '2025-03')).toMatchObject({ status: 'ok' });
    expect(overview.snapshot.filter((r) => r.status === 'suppressed').every((r) => r.value === null)).toBe(
      true,
    );
    // One file per manager, with its own rows and Ontario's only.
    const rrd = await loaderOutput<{
      series: { series: { geo: string; program: string; status: string }[] };
    }>(site, 'data/managers/RRD');
    expect(new Set(rrd.series.series.map((s) => s.geo))).toEqual(new Set(['RRD', 'ON']));
    expect(rrd.series.series.find((s) => s.geo === 'RRD' && s.program === 'ODSP')?.status).toContain('s');
  });

  it(
    'rebuilds from changed public data without reusing cached loader output',
    async () => {
      const changed = join(work, 'public-changed');
      await cp(FIXTURE, changed, { recursive: true });
      const metadata = JSON.parse(await readFile(join(changed, 'metadata.json'), 'utf8')) as {
        as_of_month: string;
      };
      metadata.as_of_month = '2025-02';
      await writeFile(join(changed, 'metadata.json'), JSON.stringify(metadata));
      const csv = await readFile(join(changed, 'measures.csv'), 'utf8');
      await writeFile(
        join(changed, 'measures.csv'),
        csv.replace(
          'caseload,2025-03,ON,ALL,ALL,12500,,12500,ok',
          'caseload,2025-03,ON,ALL,ALL,12345,,12345,ok',
        ),
      );

      const site2 = join(work, 'site2');
      await buildSite({ publicDir: changed, outDir: site2 });
      expect(await readFile(join(site2, 'en', 'index.html'), 'utf8')).toContain(
        '<time datetime="2025-02">2025-02</time>',
      );
      const overview = await loaderOutput<Snapshot>(site2, 'data/overview');
      const ontario = overview.province.series.find(
        (r) => r.measure === 'caseload' && r.geo === 'ON' && r.program === 'ALL',
      );
      expect(ontario?.value.at(-1)).toBe(12345);
    },
    BUILD_TIMEOUT,
  );

  it('refuses a folder that is not a public folder', async () => {
    await expect(buildSite({ publicDir: join(work, 'nowhere'), outDir: join(work, 'x') })).rejects.toThrow(
      /nowhere\/measures\.csv is missing/,
    );
  });

  it(
    'fails with the data loader message and the build output when measures.csv is malformed',
    async () => {
      const broken = join(work, 'public-broken');
      await cp(FIXTURE, broken, { recursive: true });
      await writeFile(join(broken, 'measures.csv'), 'measure,period\ncaseload,2025-03\n');
      const error: unknown = await buildSite({ publicDir: broken, outDir: join(work, 'site3') }).catch(
        (e: unknown) => e,
      );
      expect(error).toBeInstanceOf(Error);
      const message = (error as Error).message;
      expect(message.split('\n')[0]).toMatch(
        /^site build failed \([\w.-]+ exited with 1\): data loader [\w.-]+: .*unexpected header/,
      );
      expect(message).toContain('--- loader output');
    },
    BUILD_TIMEOUT,
  );
});
