// Observable Framework config for the public dashboards (spec/outputs.md, "Dashboards").
// Built offline from the public folder named by SA_PUBLIC_DIR; see pipelines/publish/site.ts.
//
// Every page is built twice, /en/… and /fr/…, from one source under src/[lang]/ (src/components/site.ts
// lists them). Framework gives every page the same <html>, so the language is set here: `head` sets
// <html lang> and the page's <title>, `header` writes the page heading, the as-of month and the link to
// the same page in the other language. Each language is built by its own Framework process, with a
// sidebar in its language (a build of both, as in `observable preview`, has both languages' sections,
// of which the stylesheet shows the page language's: style.css, "Sidebar").
//
// Nothing on a page may load from outside the site: no Google Fonts (globalStylesheets: []), a local
// stylesheet instead of the theme's defaults, and no link to observablehq.com in the footer.
import { managerNames, readMetadata, serviceManagers, type PublicMetadata } from './lib/public.ts';
import { formatMonth, LANGS, otherLang, pick, type Lang } from './src/components/i18n.ts';
import {
  allPaths,
  MANAGER_PAGE,
  managerPath,
  PAGES,
  pageAt,
  SITE_NAME,
  sitePath,
  type PageRef,
} from './src/components/site.ts';

const SHORT_NAME = 'sa-outcomes';

function escapeHtml(s: string): string {
  return s.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
}

// Read when a page is rendered, not when the config is imported (so `observable help` works
// without SA_PUBLIC_DIR), and not memoized (so a long-running preview follows new data).
// A missing or bad public folder fails the build with readMetadata's message.
function stamp(): PublicMetadata {
  return readMetadata();
}

/** The reference data is in git: reading it at import time is safe. */
const MANAGERS = serviceManagers();
const MANAGER_CODES = MANAGERS.map((m) => m.code);
/** A manager's name in the page's language: its official French form where there is one. */
const managerName = (code: string | null, lang: Lang): string => {
  const sm = MANAGERS.find((m) => m.code === code);
  return sm ? pick(managerNames(sm), lang) : (code ?? '');
};

/**
 * The languages this build makes pages for: SA_SITE_LANGS (pipelines/publish/site.ts builds each language
 * in its own process, side by side), else both. Framework builds every page of the sidebar, so the
 * sidebar lists the built languages' pages only.
 */
const BUILT_LANGS = LANGS.filter((lang) => (process.env.SA_SITE_LANGS ?? 'en,fr').split(',').includes(lang));

function pageTitle(ref: PageRef): string {
  return ref.page ? pick(ref.page.title, ref.lang) : managerName(ref.code, ref.lang);
}

function asOf(lang: Lang): string {
  const month = stamp().as_of_month;
  const words = lang === 'fr' ? 'Données en date de' : 'Data as of';
  return `${words} <strong>${escapeHtml(formatMonth(month, lang))}</strong> (<time datetime="${escapeHtml(month)}">${escapeHtml(month)}</time>)`;
}

/** The same page in the other language. */
function switchLink(ref: PageRef, path: string): string {
  const other = otherLang(ref.lang);
  const target = path.replace(/^\/(en|fr)\//, `/${other}/`).replace(/\/index$/, '/');
  const label = other === 'fr' ? 'Français' : 'English';
  return `<a class="sa-lang-switch" href="${escapeHtml(target)}" lang="${other}" hreflang="${other}">${label}</a>`;
}

/** What a page is, in a sentence or two: its summary line, and its description for search engines. */
function pageDescription(ref: PageRef): string {
  return ref.page ? pick(ref.page.summary, ref.lang) : managerDescription(ref);
}

/** A manager page's summary line (HTML): the instruction to print is not itself printed. */
function managerSummary(ref: PageRef): string {
  const print =
    ref.lang === 'fr'
      ? 'Imprimez la page pour obtenir le rapport au conseil.'
      : 'Print the page for the council report.';
  return `${escapeHtml(managerDescription(ref))}<span class="sa-screen-only"> ${escapeHtml(print)}</span>`;
}

function managerDescription(ref: PageRef): string {
  const sm = MANAGERS.find((m) => m.code === ref.code);
  if (!sm) return '';
  const kind = pick(MANAGER_PAGE, ref.lang);
  const region = ref.lang === 'fr' ? `région ${sm.region}` : `${sm.region} region`;
  const what =
    ref.lang === 'fr'
      ? 'Chaque mesure comparée à l’Ontario et aux gestionnaires semblables, les tendances, le financement et l’exhaustivité des données.'
      : 'Every measure against Ontario and its peers, trends, funding and data completeness.';
  return `${kind} · ${sm.type} · ${region}. ${what}`;
}

/** A CSS string literal. */
const cssString = (s: string): string =>
  `"${s
    .replace(/[\\"]/g, (c) => `\\${c}`)
    .replace(/</g, '\\3C ')
    .replace(/\n/g, ' ')}"`;

/**
 * Every printed page says what it is, as of when, and its number: the page's title and the as-of month at
 * the foot on the left, "Page 2 of 9" on the right (CSS page-margin boxes).
 */
function printFooter(ref: PageRef): string {
  const month = formatMonth(stamp().as_of_month, ref.lang);
  const left = `${pageTitle(ref)} · ${ref.lang === 'fr' ? 'Données en date de' : 'Data as of'} ${month}`;
  const of = ref.lang === 'fr' ? ' sur ' : ' of ';
  return `<style>@page { @bottom-left { content: ${cssString(left)}; font-size: 8pt; } @bottom-right { content: "Page " counter(page) ${cssString(of)} counter(pages); font-size: 8pt; } }</style>`;
}

/**
 * Framework's sidebar markup has two accessibility faults: its toggle is a checkbox named only by a
 * title, and its close button is a <label> directly inside a list. Repaired once the page is parsed, when
 * a skip link to the content is also put first on the page (the sidebar's links come before it).
 */
function sidebarRepair(lang: Lang): string {
  const name = lang === 'fr' ? 'Afficher ou masquer le menu' : 'Show or hide the menu';
  const skip = lang === 'fr' ? 'Aller au contenu' : 'Skip to content';
  return `document.addEventListener('DOMContentLoaded', () => {
  document.getElementById('observablehq-sidebar-toggle')?.setAttribute('aria-label', ${JSON.stringify(name)});
  const close = document.getElementById('observablehq-sidebar-close');
  if (close && close.parentElement && close.parentElement.tagName === 'OL') close.parentElement.before(close);
  const skip = Object.assign(document.createElement('a'), { className: 'sa-skip-link', href: '#observablehq-main', textContent: ${JSON.stringify(skip)} });
  document.body.prepend(skip);
});
// The other language's page keeps this page's choices (the compare page keeps them in the address).
document.addEventListener('click', (event) => {
  const link = event.target instanceof Element ? event.target.closest('a.sa-lang-switch') : null;
  if (link) link.search = location.search;
});`;
}

export default {
  root: 'src',
  // The build output; pipelines/publish/site.ts points it at a temporary folder.
  output: process.env.SA_SITE_OUTPUT ?? 'dist',
  // No `title`: each page's <title> is written by `head` in the page's language.
  home: SHORT_NAME,
  // Own stylesheet importing Framework's default + air theme (bundled locally at build time).
  style: 'style.css',
  // The default is Source Serif 4 from fonts.googleapis.com, preloaded on every page.
  globalStylesheets: [],
  search: false,
  pager: false,
  toc: false,
  // TypeScript loaders through tsx's loader hook in one process: the tsx command starts a second
  // process per loader and doubles their start-up time.
  interpreters: { '.ts': ['node', '--import', 'tsx'] },
  pages: BUILT_LANGS.flatMap((lang) => [
    {
      name: pick({ en: 'Dashboards', fr: 'Tableaux de bord' }, lang),
      pages: PAGES.filter((p) => p.slug !== 'managers/').map((p) => ({
        name: pick(p.title, lang),
        path: sitePath(lang, p.slug),
      })),
    },
    {
      // No section link (a link inside the section's <summary> is an interactive element inside another):
      // the list of managers is the section's first page.
      name: pick({ en: 'Service managers', fr: 'Gestionnaires de services' }, lang),
      collapsible: true,
      open: false,
      pages: [
        {
          name: pick({ en: 'All service managers', fr: 'Tous les gestionnaires' }, lang),
          path: sitePath(lang, 'managers/'),
        },
        ...MANAGERS.map((m) => ({ name: managerName(m.code, lang), path: managerPath(lang, m.code) })),
      ],
    },
  ]),
  // The pages under src/[lang]/ (parameterized routes are built only for the paths listed here).
  dynamicPaths: BUILT_LANGS.flatMap((lang) => allPaths(lang, MANAGER_CODES)),
  head: ({ path }: { path: string }) => {
    const ref = pageAt(path);
    // No favicon request (the browser would otherwise ask for /favicon.ico, which the site lacks).
    const icon = '<link rel="icon" href="data:,">';
    // The language chooser is bilingual: English, with the French marked as such.
    if (!ref)
      return `${icon}\n<script>document.documentElement.lang = "en";</script>\n<title>${SHORT_NAME} — ${pick(SITE_NAME, 'en')} · ${pick(SITE_NAME, 'fr')}</title>\n<meta name="description" content="${escapeHtml(`${pick(SITE_NAME, 'en')}: choose English or French. ${pick(SITE_NAME, 'fr')} : choisissez le français ou l’anglais.`)}">`;
    // Set before the body is parsed, so the sidebar shows the right language from the first paint.
    return (
      `${icon}\n<script>document.documentElement.lang = ${JSON.stringify(ref.lang)};</script>\n` +
      `<script>${sidebarRepair(ref.lang)}</script>\n` +
      `${printFooter(ref)}\n` +
      `<title>${escapeHtml(pageTitle(ref))} | ${SHORT_NAME} — ${escapeHtml(pick(SITE_NAME, ref.lang))}</title>\n` +
      `<meta name="description" content="${escapeHtml(pageDescription(ref))}">`
    );
  },
  // Every page shows the as-of month, in the static HTML (readable without JavaScript and in print).
  header: ({ path }: { path: string }) => {
    const ref = pageAt(path);
    if (!ref) {
      return (
        `<div class="sa-header"><h1>${escapeHtml(pick(SITE_NAME, 'en'))} · <span lang="fr">${escapeHtml(pick(SITE_NAME, 'fr'))}</span></h1>` +
        `<p class="sa-as-of">${asOf('en')} · <span lang="fr">${asOf('fr')}</span></p></div>`
      );
    }
    const summary = ref.page ? escapeHtml(pageDescription(ref)) : managerSummary(ref);
    return (
      `<div class="sa-header">` +
      `<p class="sa-site">${escapeHtml(pick(SITE_NAME, ref.lang))}</p>` +
      `<nav class="sa-lang" aria-label="${ref.lang === 'fr' ? 'Langue' : 'Language'}">${switchLink(ref, path)}</nav>` +
      `<h1>${escapeHtml(pageTitle(ref))}</h1>` +
      `<p class="sa-summary">${summary}</p>` +
      `<p class="sa-as-of">${asOf(ref.lang)}</p>` +
      `</div>`
    );
  },
  // No footer: Framework's default links to observablehq.com, and each page fragment costs a parse of
  // its HTML per page at build time; the run stamp is on the methodology and downloads pages.
  footer: null,
};
