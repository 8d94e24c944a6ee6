// Observable Framework config for the public dashboards (spec/outputs.md, "Dashboards").
// Built offline from the public folder named by SA_PUBLIC_DIR; see pipelines/publish/site.ts.
// Nothing on a page may load from outside the site: no Google Fonts (globalStylesheets: []),
// a local stylesheet instead of the theme's defaults, and no link to observablehq.com in the footer.
import { readMetadata, type PublicMetadata } from './lib/public.ts';

const TITLE = 'sa-outcomes — Ontario social assistance outcomes';

function escapeHtml(s: string): string {
  return s.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
}

function monthName(month: string): string {
  const [y, m] = month.split('-').map(Number);
  return new Date(Date.UTC(y ?? 1970, (m ?? 1) - 1, 1)).toLocaleDateString('en-CA', {
    month: 'long',
    year: 'numeric',
    timeZone: 'UTC',
  });
}

// Read when a page is rendered, not when the config is imported (so `observable help` works
// without SA_PUBLIC_DIR), and not memoized (so a long-running preview follows new data).
// A missing or bad public folder fails the build with readMetadata's message.
function stamp(): PublicMetadata {
  return readMetadata();
}

export default {
  root: 'src',
  // The build output; pipelines/publish/site.ts points it at a temporary folder.
  output: process.env.SA_SITE_OUTPUT ?? 'dist',
  title: TITLE,
  // Own stylesheet importing Framework's default + air theme (bundled locally at build time).
  style: 'style.css',
  // The default is Source Serif 4 from fonts.googleapis.com, preloaded on every page.
  globalStylesheets: [],
  search: false,
  // No favicon request (the browser would otherwise ask for /favicon.ico, which the site lacks).
  head: '<link rel="icon" href="data:,">',
  pager: false,
  toc: false,
  // pages: discovered from src/*.md (index.md is the home page).
  // Every page shows the as-of month, in the static HTML (readable without JavaScript and in print).
  header: () => {
    const m = stamp();
    return (
      `<p class="sa-as-of">Data as of <strong>${escapeHtml(monthName(m.as_of_month))}</strong> ` +
      `(<time datetime="${escapeHtml(m.as_of_month)}">${escapeHtml(m.as_of_month)}</time>)</p>`
    );
  },
  footer: () => {
    const m = stamp();
    return (
      `sa-outcomes ${escapeHtml(m.version)} · public outputs of run ${escapeHtml(m.run_id)}, ` +
      `generated ${escapeHtml(m.generated_at)} · figures are rounded and small counts suppressed.`
    );
  },
};
