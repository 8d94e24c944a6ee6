// Builds the demo site the dashboard tests share, into the folder given as the only argument:
// demo extracts (small, with some noise), the whole pipeline twice (two releases: the second adds a month
// and restates one), and the site. Run by global-setup.ts in a
// process of its own, so the other test files run meanwhile; writes ready.json when done, or failed.txt.
import { readFileSync, renameSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { generateDemo } from '../../pipelines/extracts/demo.ts';
import { runPipeline } from '../../pipelines/pipeline.ts';
import { DEMO, type DemoSite } from './demo-site.ts';

const dir = process.argv[2];
if (!dir) throw new Error('usage: build-demo-site.ts DIR');

try {
  const started = performance.now();
  const site: DemoSite = {
    root: dir,
    extracts: join(dir, 'extracts'),
    warehouse: join(dir, 'warehouse.duckdb'),
    out: join(dir, 'published'),
    site: join(dir, 'published', 'site'),
    publicDir: join(dir, 'published', 'public'),
    seconds: 0,
  };
  const summary = await generateDemo({ out: site.extracts, ...DEMO });
  // Two releases, so "What's new" has something to say: the first without the last month; the second adds it
  // and restates the month before (its payments file loses its last 100 rows).
  const last = summary.months.at(-1)!;
  const restated = summary.months.at(-2)!;
  const held = join(dir, 'held-back');
  renameSync(join(site.extracts, last), held);
  await runPipeline({ warehouse: site.warehouse, extracts: site.extracts, out: site.out, site: false });
  renameSync(held, join(site.extracts, last));
  const payments = join(site.extracts, restated, 'payments.csv');
  const lines = readFileSync(payments, 'utf8').trimEnd().split('\n');
  writeFileSync(payments, `${lines.slice(0, -100).join('\n')}\n`);
  await runPipeline({ warehouse: site.warehouse, extracts: site.extracts, out: site.out, site: true });
  site.seconds = Math.round((performance.now() - started) / 100) / 10;
  writeFileSync(join(dir, 'ready.json'), JSON.stringify(site));
} catch (error) {
  writeFileSync(
    join(dir, 'failed.txt'),
    error instanceof Error ? (error.stack ?? error.message) : String(error),
  );
  process.exitCode = 1;
}
