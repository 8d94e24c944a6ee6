// The pipeline steps as functions, shared by the CLI and the scheduler: each opens the warehouse, records a
// run in `runs` (with its steps), and returns a summary. A failed step records the error and rethrows.
import { existsSync, readdirSync } from 'node:fs';
import { randomBytes } from 'node:crypto';
import { assertExtractsFolder } from './extracts/deliveries.ts';
import { generateDemo } from './extracts/demo.ts';
import { ingest, type IngestResult } from './extracts/ingest.ts';
import { build, type BuildResult } from './models/build.ts';
import { DEFAULT_OUT, publish, type PublishResult } from './publish/publish.ts';
import { assertWritableOut } from './publish/writable.ts';
import { reserveSpace, type SpaceReserve } from './space-reserve.ts';
import { ensureSchema } from './warehouse-schema.ts';
import { lit, Warehouse, DEFAULT_WAREHOUSE } from './warehouse.ts';

export const DEFAULT_EXTRACTS = 'data/extracts';

export interface PipelineOptions {
  warehouse?: string;
  extracts?: string;
  out?: string;
  site?: boolean;
  /** How many releases to keep (publish.ts); all when absent. */
  keepReleases?: number;
  /** Generate the demo extracts when the extracts folder is empty or absent (the default folder only). */
  demoWhenEmpty?: boolean;
  log?: (line: string) => void;
  /** Who started the run (default: the command line); recorded in `runs`. */
  context?: RunContext;
  /** Fail rather than create a new, empty warehouse (commands that only build on or publish what is there). */
  mustExist?: boolean;
}

/** What started a run: cli, new-delivery, schedule, backfill, or retry (a worker job's later attempt). */
export type Trigger = 'cli' | 'new-delivery' | 'schedule' | 'backfill' | 'retry';

/** Who started a run and, for a worker job, which attempt of which job it is. */
export interface RunContext {
  trigger: Trigger;
  attempt?: number;
  maxAttempts?: number;
  jobId?: string;
  worker?: string;
  /** The month a backfill rebuilds. */
  month?: string;
  /** The run whose success queued this one. */
  causedBy?: string;
}

/** Blocking checks failed: nothing is published, and running again cannot help until the data or models change. */
export class BlockingChecksFailed extends Error {}

const sqlValue = (v: string | number | undefined): string =>
  v === undefined ? 'null' : typeof v === 'number' ? String(v) : lit(v);

export const newRunId = (): string =>
  `${new Date()
    .toISOString()
    .replace(/[-:]/g, '')
    .replace(/\.\d+Z$/, 'Z')}-${randomBytes(2).toString('hex')}`;

/** Opens the warehouse and runs fn as one recorded run. */
export async function withRun<T>(
  command: string,
  opts: PipelineOptions,
  fn: (wh: Warehouse, runId: string) => Promise<T>,
  summarize: (r: T) => string,
): Promise<T> {
  const path = opts.warehouse ?? DEFAULT_WAREHOUSE;
  const wh = await Warehouse.open(path, { mustExist: opts.mustExist });
  const runId = newRunId();
  const c = opts.context ?? { trigger: 'cli' };
  let reserve: SpaceReserve | null = null;
  try {
    reserve = reserveSpace(path);
    await ensureSchema(wh);
    await abandonInterruptedRuns(wh);
    await wh.run(
      `insert into runs (run_id, command, started_at, status, trigger, attempt, max_attempts, job_id, worker, month, caused_by)
       values (${lit(runId)}, ${lit(command)}, now()::timestamp, 'running', ${lit(c.trigger)}, ${sqlValue(c.attempt)},
         ${sqlValue(c.maxAttempts)}, ${sqlValue(c.jobId)}, ${sqlValue(c.worker)}, ${sqlValue(c.month)}, ${sqlValue(c.causedBy)})`,
    );
    try {
      const result = await fn(wh, runId);
      await wh.run(
        `update runs set finished_at = now()::timestamp, status = 'success', summary = ${lit(summarize(result))} where run_id = ${lit(runId)}`,
      );
      return result;
    } catch (e) {
      const msg = (e as Error).message;
      // After a disk-full failure, this update has room only once the reserve is given back.
      reserve.release();
      await wh
        .run(
          `update runs set finished_at = now()::timestamp, status = 'failed', error = ${lit(msg)} where run_id = ${lit(runId)}`,
        )
        .catch(() => undefined);
      throw e;
    }
  } finally {
    reserve?.release();
    await wh.close();
  }
}

/**
 * A run still `running` when another starts was cut short: its process was killed or crashed, since the
 * warehouse has one writer and so no other run can be going. What it had not committed was rolled back
 * when the warehouse was opened again.
 */
async function abandonInterruptedRuns(wh: Warehouse): Promise<void> {
  await wh.run(
    `update runs set status = 'abandoned', error = 'its process stopped before the run finished (killed or crashed); what it had not committed was rolled back' where status = 'running'`,
  );
  await wh.run(
    `update month_status set backfill_status = 'failed', backfill_error = 'abandoned: its worker stopped before the rebuild finished' where backfill_status = 'running'`,
  );
}

async function recordStep(
  wh: Warehouse,
  runId: string,
  step: string,
  seconds: number,
  detail: string,
  rows: number,
): Promise<void> {
  await wh.run(
    `insert into run_steps (run_id, step, name, rows, seconds, detail) values (${lit(runId)}, ${lit(step)}, ${lit(step)}, ${rows}, ${seconds}, ${lit(detail)})`,
  );
}

/**
 * Marks every loaded month built or published by this run: the models are computed whole, so one build
 * (or publish) takes in every month loaded before it.
 */
async function recordMonths(wh: Warehouse, runId: string, what: 'built' | 'published'): Promise<void> {
  await wh.run(`insert into month_status (month, ${what}_at, ${what}_run_id)
    select distinct delivery, now()::timestamp, ${lit(runId)} from manifest where status in ('loaded', 'restated')
    on conflict (month) do update set ${what}_at = excluded.${what}_at, ${what}_run_id = excluded.${what}_run_id`);
}

export const ingestSummary = (r: IngestResult): string => {
  const sum = (k: 'rowsRead' | 'loaded' | 'collapsed' | 'quarantined'): number =>
    r.files.reduce((a, f) => a + f[k], 0);
  const rejected = r.files.filter((f) => f.status === 'rejected').length;
  return (
    `ingested ${r.deliveries.length} deliveries, ${r.files.length} files: ${sum('rowsRead')} rows read, ${sum('loaded')} loaded, ` +
    `${sum('collapsed')} collapsed, ${sum('quarantined')} quarantined` +
    (r.retriedLoaded ? `, ${r.retriedLoaded} held rows loaded on retry` : '') +
    (rejected ? `, ${rejected} files rejected` : '') +
    (r.unchanged ? ` (${r.unchanged} files unchanged)` : '')
  );
};

export const buildSummary = (b: BuildResult): string => {
  const rows = b.models.reduce((a, m) => a + (m.rows ?? 0), 0);
  const warnings = b.checks.filter((c) => c.severity === 'warning' && c.status !== 'pass').length;
  return (
    `built ${b.models.length} models (${rows} rows) in ${b.seconds.toFixed(1)} s; checks: ${b.checks.length - b.blockingFailed.length - warnings} passed` +
    (warnings ? `, ${warnings} warnings` : '') +
    (b.blockingFailed.length ? `, ${b.blockingFailed.length} BLOCKING failed` : '')
  );
};

export const publishSummary = (p: PublishResult): string =>
  `published as of ${p.asOfMonth} to ${p.out} (${Object.keys(p.files).length} files` +
  (p.site ? (p.site.reused ? ', site unchanged' : `, site ${p.site.pages} pages`) : ', no site') +
  `) in ${p.seconds.toFixed(1)} s`;

export async function ingestStep(
  wh: Warehouse,
  runId: string,
  extracts: string,
  log: (l: string) => void,
): Promise<IngestResult> {
  const start = performance.now();
  const r = await ingest(wh, { extracts, runId, log });
  const loaded = r.files.reduce((a, f) => a + f.loaded, 0);
  await recordStep(wh, runId, 'ingest', (performance.now() - start) / 1000, ingestSummary(r), loaded);
  return r;
}

/** Builds the models and runs the checks; `full` rebuilds incremental models whole too. */
export async function buildStep(
  wh: Warehouse,
  runId: string,
  log: (l: string) => void,
  full = false,
): Promise<BuildResult> {
  const b = await build(wh, { runId, log, full });
  const rows = b.models.reduce((a, m) => a + (m.rows ?? 0), 0);
  await recordStep(wh, runId, 'build', b.seconds, buildSummary(b), rows);
  if (b.blockingFailed.length === 0) await recordMonths(wh, runId, 'built');
  return b;
}

export async function publishStep(
  wh: Warehouse,
  runId: string,
  out: string,
  site: boolean,
  log: (l: string) => void,
  keepReleases?: number,
): Promise<PublishResult> {
  const p = await publish(wh, { out, runId, site, log, keepReleases });
  const rows = Object.values(p.files).reduce((a, f) => a + f.rows, 0);
  await recordStep(wh, runId, 'publish', p.seconds, publishSummary(p), rows);
  await recordMonths(wh, runId, 'published');
  return p;
}

export interface RunResult {
  demoGenerated: boolean;
  ingest: IngestResult;
  build: BuildResult;
  publish: PublishResult;
  /** What an operator must look at although the run published (files rejected, the as-of month held back). */
  attention: string[];
}

/**
 * What an ingest leaves for an operator to act on even though it succeeded: files it rejected, and
 * deliveries past the as-of month (a rejected or missing cases or payments file holds the as-of month back).
 */
export function needsAttention(r: IngestResult): string[] {
  return [
    ...r.files
      .filter((f) => f.status === 'rejected')
      .map((f) => `${f.delivery}/${f.file} rejected: ${f.error ?? ''}`),
    // Every month pays someone: a payments file that loaded nothing (all quarantined, all identical to
    // rows already loaded, or empty) would publish its month as nobody in receipt and nothing paid.
    ...r.files
      .filter((f) => f.table === 'payments' && f.status !== 'rejected' && f.loaded === 0)
      .map(
        (f) =>
          `${f.delivery}/${f.file} loaded no row (${f.rowsRead} read: ${f.collapsed} collapsed, ${f.quarantined} quarantined): ` +
          `its month would show nobody in receipt and nothing paid`,
      ),
    ...r.behind.map(
      (d) =>
        `${d} is incomplete (its cases or payments file is not in force): the as-of month stays ${r.asOfMonth ?? '(none)'}`,
    ),
  ];
}

const isEmptyDir = (dir: string): boolean =>
  !existsSync(dir) || readdirSync(dir).filter((f) => !f.startsWith('.')).length === 0;

/** The main job: ingest new deliveries, build, check, publish. */
export async function runPipeline(opts: PipelineOptions): Promise<RunResult> {
  const log = opts.log ?? (() => undefined);
  const extracts = opts.extracts ?? DEFAULT_EXTRACTS;
  const out = opts.out ?? DEFAULT_OUT;
  // Before anything is ingested: a run that cannot publish in the end stops here, the warehouse untouched.
  assertWritableOut(out);
  let demoGenerated = false;
  if ((opts.demoWhenEmpty ?? extracts === DEFAULT_EXTRACTS) && isEmptyDir(extracts)) {
    log(`${extracts} is empty: generating the demo extracts first (sa-outcomes demo --out ${extracts})`);
    const d = await generateDemo({ out: extracts });
    log(
      `  demo: ${d.months.length} months, ${d.files} files, ${Object.values(d.rows).reduce((a, b) => a + b, 0)} rows`,
    );
    demoGenerated = true;
  }
  // A mistyped folder must not reach the warehouse or the publication: fail before opening either.
  assertExtractsFolder(extracts);
  return withRun(
    'run',
    opts,
    async (wh, runId) => {
      log('ingest');
      const ing = await ingestStep(wh, runId, extracts, log);
      log(ingestSummary(ing));
      log('build');
      const b = await buildStep(wh, runId, log);
      log(buildSummary(b));
      if (b.blockingFailed.length > 0) {
        throw new BlockingChecksFailed(
          `blocking check(s) failed, nothing published (the last published output is unchanged): ${b.blockingFailed.map((c) => c.name).join(', ')}`,
        );
      }
      log('publish');
      const p = await publishStep(wh, runId, out, opts.site ?? true, log, opts.keepReleases);
      return { demoGenerated, ingest: ing, build: b, publish: p, attention: needsAttention(ing) };
    },
    (r) => `${ingestSummary(r.ingest)}; ${buildSummary(r.build)}; ${publishSummary(r.publish)}`,
  );
}
