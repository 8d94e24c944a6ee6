// The benchmark (npm run bench -- --scale S): generates demo data at that scale, then times, each in its own
// process, four floors (DuckDB reading every extract file; storing every row typed in a table, and as
// Parquet; judging every row by the contract's row checks), then ingest, build and publish of a full run,
// and a later monthly delivery onto a loaded warehouse. Prints a table and writes
// bench/results/<date>-<scale>.json.
import { spawnSync } from 'node:child_process';
import { existsSync, linkSync, mkdirSync, readdirSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { generateDemo } from '../pipelines/extracts/demo.ts';

const { values } = parseArgs({
  options: {
    scale: { type: 'string', default: '0.1' },
    months: { type: 'string', default: '36' },
    'no-incremental': { type: 'boolean', default: false },
    'no-site': { type: 'boolean', default: false },
  },
});
const scale = Number(values.scale);
const months = Number(values.months);
const ROOT = resolve(import.meta.dirname, '..');
const work = join(ROOT, 'bench', '.data', `scale-${scale}-m${months}`);
const extracts = join(work, 'extracts');

interface Phase {
  seconds: number;
  maxRssMb: number;
  rows?: number;
  files?: number;
  summary?: string;
  settings?: Record<string, unknown>;
}

function phase(label: string, mode: string, args: string[]): Phase {
  process.stderr.write(`  ${label}…\n`);
  const r = spawnSync(
    process.execPath,
    [join(ROOT, 'bin', 'run-ts.js'), join(ROOT, 'bench', 'phase.ts'), mode, ...args],
    {
      cwd: ROOT,
      encoding: 'utf8',
      maxBuffer: 1 << 28,
      stdio: ['ignore', 'pipe', 'inherit'],
    },
  );
  const lines = r.stdout.trim().split('\n');
  const bench = lines.find((l) => l.startsWith('BENCH '));
  if (r.status !== 0 || !bench)
    throw new Error(`${label} failed (exit ${r.status}): ${lines.slice(-3).join(' ')}`);
  const summaryLine = lines.find((l) => l.startsWith('{'));
  const summary = summaryLine ? (JSON.parse(summaryLine) as { summary?: string }).summary : undefined;
  return { ...(JSON.parse(bench.slice(6)) as Phase), summary };
}

function dirBytes(dir: string): number {
  return readdirSync(dir).reduce((a, f) => {
    const p = join(dir, f);
    const s = statSync(p);
    return a + (s.isDirectory() ? dirBytes(p) : s.size);
  }, 0);
}

// 1. Data (kept between runs of the same scale; generating it is not part of any timing).
const marker = join(work, 'generated.json');
let generated: { rows: number; bytes: number; seconds: number };
if (existsSync(marker)) {
  generated = JSON.parse(await import('node:fs').then((fs) => fs.readFileSync(marker, 'utf8')));
} else {
  rmSync(work, { recursive: true, force: true });
  mkdirSync(work, { recursive: true });
  process.stderr.write(`generating demo extracts at scale ${scale}, ${months} months…\n`);
  const t = performance.now();
  const d = await generateDemo({ out: extracts, scale, months });
  generated = {
    rows: Object.values(d.rows).reduce((a, b) => a + b, 0),
    bytes: d.bytes,
    seconds: (performance.now() - t) / 1000,
  };
  writeFileSync(marker, JSON.stringify(generated));
}

// 2. The floor and a full run, each step separately.
const wh = join(work, 'full.duckdb');
const out = join(work, 'published');
rmSync(wh, { force: true });
rmSync(`${wh}.wal`, { force: true });
process.stderr.write(
  `benchmarking scale ${scale} (${generated.rows} rows, ${(generated.bytes / 1e9).toFixed(2)} GB of CSV)\n`,
);
const floor = phase('floor', 'floor', [extracts]);
const typedDb = join(work, 'typed.duckdb');
const typedParquet = join(work, 'typed-parquet');
rmSync(typedDb, { force: true });
rmSync(typedParquet, { recursive: true, force: true });
mkdirSync(typedParquet);
const typedTable = phase('typed-table floor', 'typed-table', [extracts, typedDb]);
const parquet = phase('typed-parquet floor', 'typed-parquet', [extracts, typedParquet]);
const checking = phase('checking floor', 'checking', [extracts]);
const storedBytes = { typedTable: statSync(typedDb).size, typedParquet: dirBytes(typedParquet) };
rmSync(typedDb, { force: true });
rmSync(typedParquet, { recursive: true, force: true });
/** A time against the three floors, as the table prints it and the JSON keeps it. */
const ratios = (seconds: number) => ({
  toReadFloor: seconds / floor.seconds,
  toTypedTableFloor: seconds / typedTable.seconds,
  toTypedParquetFloor: seconds / parquet.seconds,
});
const ratioNote = (seconds: number): string => {
  const r = ratios(seconds);
  return `${r.toReadFloor.toFixed(2)}× read, ${r.toTypedTableFloor.toFixed(2)}× typed table, ${r.toTypedParquetFloor.toFixed(2)}× Parquet`;
};
const ingest = phase('ingest', 'cli', ['--warehouse', wh, 'ingest', '--extracts', extracts]);
const build = phase('build', 'cli', ['--warehouse', wh, 'build']);
const publish = phase('publish', 'cli', [
  '--warehouse',
  wh,
  'publish',
  '--out',
  out,
  ...(values['no-site'] ? ['--no-site'] : []),
]);
const full = ingest.seconds + build.seconds + publish.seconds;

// 3. A later monthly delivery onto a loaded warehouse: load all months but the last, then time `run` with it.
let incremental: Phase | null = null;
let setup: Phase | null = null;
if (!values['no-incremental']) {
  const partial = join(work, 'extracts-partial');
  const wh2 = join(work, 'incremental.duckdb');
  rmSync(partial, { recursive: true, force: true });
  rmSync(wh2, { force: true });
  rmSync(`${wh2}.wal`, { force: true });
  mkdirSync(partial);
  const monthsDirs = readdirSync(extracts).sort();
  // Hard links, not symbolic ones: a delivery that is a symbolic link out of the extracts folder is refused.
  const landMonth = (m: string): void => {
    mkdirSync(join(partial, m));
    for (const f of readdirSync(join(extracts, m))) linkSync(join(extracts, m, f), join(partial, m, f));
  };
  for (const m of monthsDirs.slice(0, -1)) landMonth(m);
  const runOn = (site: boolean): string[] => [
    '--warehouse',
    wh2,
    'run',
    '--extracts',
    partial,
    '--out',
    join(work, 'published-2'),
    ...(site ? [] : ['--no-site']),
  ];
  setup = phase('setup: all months but the last', 'cli', runOn(false));
  landMonth(monthsDirs.at(-1)!);
  incremental = phase('incremental: the last month', 'cli', runOn(!values['no-site']));
}

const result = {
  date: new Date().toISOString(),
  scale,
  months,
  machine: {
    cpus: (await import('node:os')).cpus().length,
    memoryGb: Math.round((await import('node:os')).totalmem() / 2 ** 30),
  },
  data: {
    rows: generated.rows,
    csvBytes: generated.bytes,
    generateSeconds: generated.seconds,
    warehouseBytes: statSync(wh).size,
    siteBytes: existsSync(join(out, 'site')) ? dirBytes(join(out, 'site')) : 0,
  },
  // The DuckDB settings every phase but the read floor runs with (pipelines/warehouse.ts).
  settings: typedTable.settings,
  floor,
  typedTableFloor: { ...typedTable, bytes: storedBytes.typedTable },
  typedParquetFloor: { ...parquet, bytes: storedBytes.typedParquet },
  checkingFloor: { ...checking, toReadFloor: ratios(checking.seconds).toReadFloor },
  ingest: { ...ingest, ...ratios(ingest.seconds) },
  build,
  publish,
  fullRun: {
    seconds: full,
    peakRssMb: Math.max(ingest.maxRssMb, build.maxRssMb, publish.maxRssMb),
    ...ratios(full),
  },
  incremental: incremental && {
    ...incremental,
    ...ratios(incremental.seconds),
    ratioToFullRun: incremental.seconds / full,
    setupSeconds: setup?.seconds,
  },
};

const row = (name: string, secs: number, rss: number, note = ''): string =>
  `${name.padEnd(26)}${secs.toFixed(1).padStart(9)} s${rss.toFixed(0).padStart(9)} MB  ${note}`;
console.log(
  `\nsa-outcomes benchmark — scale ${scale}, ${months} months, ${generated.rows.toLocaleString('en-CA')} rows, ${(generated.bytes / 1e9).toFixed(2)} GB CSV`,
);
console.log(`${'phase'.padEnd(26)}${'time'.padStart(11)}${'peak RSS'.padStart(12)}`);
console.log(
  row(
    'floor (read every file)',
    floor.seconds,
    floor.maxRssMb,
    `${floor.rows?.toLocaleString('en-CA')} rows in ${floor.files} files`,
  ),
);
console.log(
  row(
    'typed-table floor',
    typedTable.seconds,
    typedTable.maxRssMb,
    `${ratios(typedTable.seconds).toReadFloor.toFixed(2)}× the read floor: rows typed into a table, one INSERT per table`,
  ),
);
console.log(
  row(
    'typed-parquet floor',
    parquet.seconds,
    parquet.maxRssMb,
    `${ratios(parquet.seconds).toReadFloor.toFixed(2)}× the read floor: rows typed into Parquet, a file per delivery and table`,
  ),
);
console.log(
  row(
    'checking floor',
    checking.seconds,
    checking.maxRssMb,
    `${ratios(checking.seconds).toReadFloor.toFixed(2)}× the read floor: every row read and judged by the contract's row checks, nothing stored`,
  ),
);
console.log(row('ingest', ingest.seconds, ingest.maxRssMb, ratioNote(ingest.seconds)));
console.log(row('build', build.seconds, build.maxRssMb));
console.log(
  row('publish', publish.seconds, publish.maxRssMb, values['no-site'] ? 'no site' : 'with the site'),
);
console.log(row('full run', full, result.fullRun.peakRssMb, ratioNote(full)));
if (incremental)
  console.log(
    row(
      'next month onto loaded',
      incremental.seconds,
      incremental.maxRssMb,
      `${ratioNote(incremental.seconds)}; ${((incremental.seconds / full) * 100).toFixed(1)}% of the full run`,
    ),
  );
const file = join(ROOT, 'bench', 'results', `${result.date.slice(0, 10)}-${scale}.json`);
mkdirSync(join(ROOT, 'bench', 'results'), { recursive: true });
writeFileSync(file, JSON.stringify(result, null, 2) + '\n');
console.log(`\nwrote ${file.slice(ROOT.length + 1)}`);
