// The dashboards' benchmark (npm run bench:site -- --scale S): builds the site from a published public
// folder of the demo at that scale and reports the build time (wall and CPU), the site's size, what
// each page transfers to a browser with an empty cache and how many elements it holds before any
// interaction (chromium, every page), and Lighthouse's scores for one page of each kind. Prints a table
// and writes bench/results/<date>-site-<scale>.json. Demo data and its published outputs are kept in
// bench/.data/. `--site DIR` measures a site built elsewhere (an earlier commit's, say) instead.
import { existsSync, mkdirSync, readFileSync, readdirSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { loadavg } from 'node:os';
import { join, relative, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { generateDemo } from '../pipelines/extracts/demo.ts';
import { runPipeline } from '../pipelines/pipeline.ts';
import { buildSite } from '../pipelines/publish/site.ts';
import { serveSite } from '../pipelines/publish/serve.ts';
import { launchChromium, sitePages } from '../test/dashboards/browser.ts';
import { lighthousePages } from './lighthouse.ts';

const { values } = parseArgs({
  options: {
    scale: { type: 'string', default: '0.1' },
    months: { type: 'string', default: '36' },
    /** Rebuild the published outputs even when bench/.data has them. */
    republish: { type: 'boolean', default: false },
    /** Measure this built site instead of building one (no build time is reported). */
    site: { type: 'string' },
    /** Leave Lighthouse out (it takes about 20 s a page). */
    'no-lighthouse': { type: 'boolean', default: false },
  },
});
const scale = Number(values.scale);
const months = Number(values.months);
const ROOT = resolve(import.meta.dirname, '..');
const work = join(ROOT, 'bench', '.data', `site-scale-${scale}-m${months}`);
const extracts = join(work, 'extracts');
const out = join(work, 'published');
const publicDir = join(out, 'public');
const site = values.site ? resolve(values.site) : join(work, 'site');
/** What one page may transfer with an empty cache. */
const BUDGET_BYTES = 1.5e6;
/** The elements a page may hold before any interaction (issue 15; Lighthouse warns at 800, fails at 1,400). */
const DOM_LIMIT = 5000;
/** One page of each kind, in English, and two French pages: Lighthouse's pages. */
const LIGHTHOUSE_PAGES = [
  '/',
  '/en/',
  '/en/managers/',
  '/en/managers/TOR',
  '/en/intake',
  '/en/stabilization',
  '/en/employment',
  '/en/compare',
  '/en/funding',
  '/en/data-quality',
  '/en/methodology',
  '/en/downloads',
  '/fr/',
  '/fr/managers/TOR',
];
/** The pages held to Lighthouse performance ≥ 90: the overview and a manager's page. */
const PERFORMANCE_PAGES = ['/en/', '/en/managers/TOR'];

/** CPU seconds of this process's waited-for children (Linux: /proc/self/stat cutime + cstime). */
function childCpuSeconds(): number | null {
  try {
    const fields = readFileSync('/proc/self/stat', 'utf8').split(') ')[1]?.split(' ') ?? [];
    // After "pid (comm) ", field 3 is state; cutime and cstime are fields 16 and 17 (indices 13, 14).
    return (Number(fields[13]) + Number(fields[14])) / 100;
  } catch {
    return null;
  }
}

function dirBytes(dir: string): number {
  return readdirSync(dir, { recursive: true, withFileTypes: true })
    .filter((e) => e.isFile())
    .reduce((a, e) => a + statSync(join(e.parentPath, e.name)).size, 0);
}

const mb = (n: number) => `${(n / 1e6).toFixed(2)} MB`;
const load = loadavg()[0] ?? 0;
let build: { seconds: number; cpuSeconds: number | null } | null = null;

if (!values.site) {
  // 1. The published outputs (not timed here: bench/bench.ts times the pipeline).
  if (!existsSync(join(extracts, 'done'))) {
    rmSync(work, { recursive: true, force: true });
    process.stderr.write(`generating demo extracts at scale ${scale}, ${months} months…\n`);
    await generateDemo({ out: extracts, scale, months });
    writeFileSync(join(extracts, 'done'), '');
  }
  if (values.republish || !existsSync(join(publicDir, 'metadata.json'))) {
    process.stderr.write('running the pipeline for the public outputs (no site)…\n');
    rmSync(join(work, 'warehouse.duckdb'), { force: true });
    await runPipeline({ warehouse: join(work, 'warehouse.duckdb'), extracts, out, site: false });
  }

  // 2. The site build.
  process.stderr.write('building the site…\n');
  rmSync(site, { recursive: true, force: true });
  const cpuBefore = childCpuSeconds();
  const started = performance.now();
  await buildSite({ publicDir, outDir: site });
  const seconds = (performance.now() - started) / 1000;
  const cpuAfter = childCpuSeconds();
  build = {
    seconds: Math.round(seconds * 10) / 10,
    cpuSeconds: cpuBefore === null || cpuAfter === null ? null : Math.round((cpuAfter - cpuBefore) * 10) / 10,
  };
}

// 3. What every page transfers with an empty cache, and the elements it holds once it has loaded and
// the browser has been idle for a second (charts drawn when idle count; nothing is clicked or scrolled).
const pages = sitePages(site);
process.stderr.write(`measuring ${pages.length} pages in chromium…\n`);
const { server, url } = await serveSite(site, 0);
const browser = await launchChromium();
const measured: { page: string; bytes: number; requests: number; domElements: number }[] = [];
for (const path of pages) {
  const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
  const page = await context.newPage();
  const cdp = await context.newCDPSession(page);
  await cdp.send('Network.enable');
  let bytes = 0;
  let requests = 0;
  cdp.on('Network.loadingFinished', (e: { encodedDataLength: number }) => {
    bytes += e.encodedDataLength;
    requests++;
  });
  await page.goto(url + path.slice(1), { waitUntil: 'networkidle' });
  await page.waitForTimeout(1000);
  const domElements = await page.evaluate(() => document.getElementsByTagName('*').length);
  measured.push({ page: path, bytes, requests, domElements });
  await context.close();
}
await browser.close();

// 4. Lighthouse, one page at a time.
const lighthouse = values['no-lighthouse']
  ? []
  : (process.stderr.write(`Lighthouse on ${LIGHTHOUSE_PAGES.length} pages…\n`),
    await lighthousePages(url, LIGHTHOUSE_PAGES, PERFORMANCE_PAGES));
server.close();

const byBytes = [...measured].sort((a, b) => b.bytes - a.bytes);
const byElements = [...measured].sort((a, b) => b.domElements - a.domElements);
const result = {
  scale,
  months,
  site: values.site ? site : null,
  date: new Date().toISOString(),
  loadAverageAtStart: Math.round(load * 100) / 100,
  measuresCsvBytes: existsSync(join(publicDir, 'measures.csv'))
    ? statSync(join(publicDir, 'measures.csv')).size
    : null,
  build,
  siteFiles: { pages: pages.length, bytes: dirBytes(site) },
  largestPages: byBytes.slice(0, 5),
  medianPageBytes: byBytes[Math.floor(byBytes.length / 2)]?.bytes ?? 0,
  overBudget: byBytes.filter((t) => t.bytes > BUDGET_BYTES).map((t) => t.page),
  mostElements: byElements.slice(0, 5).map(({ page, domElements }) => ({ page, domElements })),
  overElementLimit: byElements.filter((t) => t.domElements > DOM_LIMIT).map((t) => t.page),
  lighthouse,
  targets: {
    pagesOverElementLimit: byElements.filter((t) => t.domElements > DOM_LIMIT).length,
    accessibilityBelow100: lighthouse.filter((l) => l.accessibility < 100).map((l) => l.page),
    bestPracticesBelow100: lighthouse.filter((l) => l.bestPractices < 100).map((l) => l.page),
    performanceBelow90: lighthouse
      .filter((l) => PERFORMANCE_PAGES.includes(l.page) && l.performance < 90)
      .map((l) => l.page),
  },
};

console.log(
  `\nsite benchmark, scale ${scale}, ${months} months (load average ${result.loadAverageAtStart} at start)`,
);
if (values.site) console.log(`  site                      ${site}`);
if (result.measuresCsvBytes !== null)
  console.log(`  public measures.csv       ${mb(result.measuresCsvBytes)}`);
if (build)
  console.log(`  build                     ${build.seconds} s wall, ${build.cpuSeconds ?? '?'} s CPU`);
console.log(`  site                      ${result.siteFiles.pages} pages, ${mb(result.siteFiles.bytes)}`);
const largest = byBytes[0];
console.log(
  `  largest page transfer     ${largest ? `${largest.page} ${mb(largest.bytes)} in ${largest.requests} requests` : '—'}`,
);
console.log(`  median page transfer      ${mb(result.medianPageBytes)}`);
console.log(`  pages over ${mb(BUDGET_BYTES)}      ${result.overBudget.length}`);
const most = byElements[0];
console.log(`  most elements             ${most ? `${most.page} ${most.domElements}` : '—'}`);
console.log(`  pages over ${DOM_LIMIT} elements  ${result.overElementLimit.length}`);
if (lighthouse.length > 0) {
  console.log('\n  Lighthouse (mobile, simulated throttling)');
  console.log('  page                  perf  a11y  best   seo   TBT ms   LCP ms    CLS  elements  below 100');
  for (const l of lighthouse)
    console.log(
      `  ${l.page.padEnd(20)} ${String(l.performance).padStart(5)} ${String(l.accessibility).padStart(5)} ${String(l.bestPractices).padStart(5)} ${String(l.seo).padStart(5)} ${String(l.totalBlockingTimeMs).padStart(8)} ${String(l.largestContentfulPaintMs).padStart(8)} ${l.cumulativeLayoutShift.toFixed(3).padStart(6)} ${String(l.domElements).padStart(9)}  ${[...(l.runs.length > 1 ? [`runs ${l.runs.join('/')}`] : []), ...l.failedAudits].join(', ')}`,
    );
}
const missed = Object.entries(result.targets).filter(([, v]) => (Array.isArray(v) ? v.length > 0 : v > 0));
console.log(
  missed.length === 0
    ? '\n  every target met'
    : `\n  targets missed: ${missed.map(([k, v]) => `${k} ${JSON.stringify(v)}`).join('; ')}`,
);
mkdirSync(join(ROOT, 'bench', 'results'), { recursive: true });
const file = join(ROOT, 'bench', 'results', `${result.date.slice(0, 10)}-site-${scale}.json`);
writeFileSync(file, JSON.stringify(result, null, 2) + '\n');
console.log(`  → ${relative(ROOT, file)}`);
