// The dashboards' benchmark (npm run bench:site -- --scale S): builds the site from a published public
// folder of the demo at that scale and reports the build time (wall and CPU), the site's size, and what
// each page transfers to a browser with an empty cache (chromium, every page). Prints a table and writes
// bench/results/<date>-site-<scale>.json. Demo data and its published outputs are kept in bench/.data/.
import { existsSync, mkdirSync, readFileSync, readdirSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { loadavg } from 'node:os';
import { join, relative, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { chromium } from 'playwright-core';
import { generateDemo } from '../pipelines/extracts/demo.ts';
import { runPipeline } from '../pipelines/pipeline.ts';
import { buildSite } from '../pipelines/publish/site.ts';
import { serveSite } from '../pipelines/publish/serve.ts';

const { values } = parseArgs({
  options: {
    scale: { type: 'string', default: '0.1' },
    months: { type: 'string', default: '36' },
    /** Rebuild the published outputs even when bench/.data has them. */
    republish: { type: 'boolean', default: false },
  },
});
const scale = Number(values.scale);
const months = Number(values.months);
const ROOT = resolve(import.meta.dirname, '..');
const work = join(ROOT, 'bench', '.data', `site-scale-${scale}-m${months}`);
const extracts = join(work, 'extracts');
const out = join(work, 'published');
const publicDir = join(out, 'public');
const site = join(work, 'site');
const BUDGET_BYTES = 1.5e6;

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
const load = loadavg()[0] ?? 0;
const cpuBefore = childCpuSeconds();
const started = performance.now();
const built = await buildSite({ publicDir, outDir: site });
const seconds = (performance.now() - started) / 1000;
const cpuAfter = childCpuSeconds();
const cpuSeconds = cpuBefore === null || cpuAfter === null ? null : cpuAfter - cpuBefore;

// 3. What every page transfers with an empty cache.
process.stderr.write(`measuring ${built.pages} pages in chromium…\n`);
const pages = readdirSync(site, { recursive: true, withFileTypes: true })
  .filter((e) => e.isFile() && e.name.endsWith('.html'))
  .map((e) =>
    `/${relative(site, join(e.parentPath, e.name))}`
      .replace(/(^|\/)index\.html$/, '$1')
      .replace(/\.html$/, ''),
  );
const { server, url } = await serveSite(site, 0);
const browser = await chromium.launch({
  executablePath: '/usr/bin/chromium',
  args: [
    '--headless',
    '--no-sandbox',
    '--disable-gpu',
    '--disable-quic',
    '--no-first-run',
    '--disable-background-networking',
    '--disable-component-update',
    '--disable-sync',
  ],
});
const transfers: { page: string; bytes: number; requests: number }[] = [];
for (const path of pages) {
  const context = await browser.newContext();
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
  transfers.push({ page: path, bytes, requests });
  await context.close();
}
await browser.close();
server.close();
transfers.sort((a, b) => b.bytes - a.bytes);
const largest = transfers[0];

const result = {
  scale,
  months,
  date: new Date().toISOString(),
  loadAverageAtStart: Math.round(load * 100) / 100,
  measuresCsvBytes: statSync(join(publicDir, 'measures.csv')).size,
  build: {
    seconds: Math.round(seconds * 10) / 10,
    cpuSeconds: cpuSeconds === null ? null : Math.round(cpuSeconds * 10) / 10,
  },
  site: { pages: built.pages, bytes: dirBytes(site) },
  largestPages: transfers.slice(0, 5),
  medianPageBytes: transfers[Math.floor(transfers.length / 2)]?.bytes ?? 0,
  overBudget: transfers.filter((t) => t.bytes > BUDGET_BYTES).map((t) => t.page),
};

console.log(
  `\nsite benchmark, scale ${scale}, ${months} months (load average ${result.loadAverageAtStart} at start)`,
);
console.log(`  public measures.csv       ${mb(result.measuresCsvBytes)}`);
console.log(
  `  build                     ${result.build.seconds} s wall, ${result.build.cpuSeconds ?? '?'} s CPU`,
);
console.log(`  site                      ${result.site.pages} pages, ${mb(result.site.bytes)}`);
console.log(
  `  largest page transfer     ${largest ? `${largest.page} ${mb(largest.bytes)} in ${largest.requests} requests` : '—'}`,
);
console.log(`  median page transfer      ${mb(result.medianPageBytes)}`);
console.log(`  pages over ${mb(BUDGET_BYTES)}      ${result.overBudget.length}`);
mkdirSync(join(ROOT, 'bench', 'results'), { recursive: true });
const file = join(ROOT, 'bench', 'results', `${result.date.slice(0, 10)}-site-${scale}.json`);
writeFileSync(file, JSON.stringify(result, null, 2) + '\n');
console.log(`  → ${relative(ROOT, file)}`);
