// `status` and `quarantine`: what the warehouse holds, read through Kysely.
import { sql } from 'kysely';
import { lastBuildChecks, readAsOfMonth } from './warehouse-schema.ts';
import type { Warehouse } from './warehouse.ts';

export interface Status {
  asOfMonth: string | null;
  deliveries: {
    delivery: string;
    files: number;
    rowsRead: number;
    loaded: number;
    collapsed: number;
    quarantined: number;
    incomplete: boolean;
  }[];
  runs: {
    run_id: string;
    command: string;
    started_at: string;
    seconds: number | null;
    status: string;
    summary: string | null;
    error: string | null;
  }[];
  checks: { check_name: string; severity: string; failures: number; status: string }[];
  quarantine: { reason: string; rows: number }[];
  /** Whole months between the as-of month and the current month. */
  monthsBehind: number | null;
  /** The last runs with what started them, their attempt, steps and checks. */
  history: RunHistory[];
  months: MonthStatus[];
}

export interface RunHistory {
  run_id: string;
  command: string;
  started_at: string;
  seconds: number | null;
  status: string;
  trigger: string | null;
  attempt: number | null;
  max_attempts: number | null;
  job_id: string | null;
  month: string | null;
  error: string | null;
  steps: { step: string; seconds: number; rows: number | null }[];
  /** Checks of the run's build: passed, warnings (advisory checks not passing), failed (blocking ones). */
  checks: { passed: number; warnings: number; failed: number };
}

/** One month (partition): when it was loaded, built and published, and its last backfill. */
export interface MonthStatus {
  month: string;
  loadedAt: string | null;
  builtAt: string | null;
  publishedAt: string | null;
  /** Loaded after the last build that took it in, or never built. */
  needsBuild: boolean;
  /** A delivery or restatement was loaded after the month's last publish. */
  stale: boolean;
  backfill: { status: string; at: string | null; runId: string | null; error: string | null } | null;
}

const TIME = '%Y-%m-%d %H:%M:%S';

export async function readMonthStatus(wh: Warehouse): Promise<MonthStatus[]> {
  const rows = await wh.db
    .with('loaded', (db) =>
      db
        .selectFrom('manifest')
        .where('status', 'in', ['loaded', 'restated'])
        .groupBy('delivery')
        .select(['delivery as month', sql<string>`max(ingested_at)`.as('loaded_at')]),
    )
    .selectFrom('loaded as l')
    .fullJoin('month_status as s', 's.month', 'l.month')
    .select([
      sql<string>`coalesce(l.month, s.month)`.as('month'),
      sql<string | null>`strftime(l.loaded_at, ${TIME})`.as('loaded_at'),
      sql<string | null>`strftime(s.built_at, ${TIME})`.as('built_at'),
      sql<string | null>`strftime(s.published_at, ${TIME})`.as('published_at'),
      sql<boolean>`l.loaded_at is not null and (s.built_at is null or l.loaded_at > s.built_at)`.as(
        'needs_build',
      ),
      sql<boolean>`coalesce(l.loaded_at > s.published_at, false)`.as('stale'),
      's.backfill_status',
      sql<string | null>`strftime(s.backfill_at, ${TIME})`.as('backfill_at'),
      's.backfill_run_id',
      's.backfill_error',
    ])
    .orderBy('month')
    .execute();
  return rows.map((r) => ({
    month: r.month,
    loadedAt: r.loaded_at,
    builtAt: r.built_at,
    publishedAt: r.published_at,
    needsBuild: Boolean(r.needs_build),
    stale: Boolean(r.stale),
    backfill: r.backfill_status
      ? {
          status: r.backfill_status,
          at: r.backfill_at,
          runId: r.backfill_run_id,
          error: r.backfill_error,
        }
      : null,
  }));
}

export async function readRunHistory(wh: Warehouse, limit = 10): Promise<RunHistory[]> {
  const db = wh.db;
  const runs = await db
    .selectFrom('runs')
    .select([
      'run_id',
      'command',
      sql<string>`strftime(started_at, ${TIME})`.as('started_at'),
      sql<number | null>`date_diff('millisecond', started_at, finished_at) / 1000.0`.as('seconds'),
      'status',
      'trigger',
      'attempt',
      'max_attempts',
      'job_id',
      'month',
      'error',
    ])
    .orderBy('runs.started_at', 'desc')
    .limit(limit)
    .execute();
  if (runs.length === 0) return [];
  const ids = runs.map((r) => r.run_id);
  // The step rows of the pipeline steps; build also records one row per model, not listed here.
  const steps = await db
    .selectFrom('run_steps')
    .where('run_id', 'in', ids)
    .whereRef('step', '=', 'name')
    .select(['run_id', 'step', 'seconds', 'rows'])
    .execute();
  const checks = await db
    .selectFrom('check_results')
    .where('run_id', 'in', ids)
    .groupBy('run_id')
    .select([
      'run_id',
      sql<number>`count(*) filter (where status = 'pass')::integer`.as('passed'),
      sql<number>`count(*) filter (where status <> 'pass' and severity = 'warning')::integer`.as('warnings'),
      sql<number>`count(*) filter (where status <> 'pass' and severity <> 'warning')::integer`.as('failed'),
    ])
    .execute();
  const order = ['ingest', 'build', 'publish'];
  return runs.map((r) => ({
    ...r,
    seconds: r.seconds === null ? null : Number(r.seconds),
    attempt: r.attempt === null ? null : Number(r.attempt),
    max_attempts: r.max_attempts === null ? null : Number(r.max_attempts),
    steps: steps
      .filter((s) => s.run_id === r.run_id)
      .sort((a, b) => order.indexOf(a.step) - order.indexOf(b.step))
      .map((s) => ({
        step: s.step,
        seconds: Number(s.seconds),
        rows: s.rows === null ? null : Number(s.rows),
      })),
    checks: (({ passed, warnings, failed }) => ({
      passed: Number(passed),
      warnings: Number(warnings),
      failed: Number(failed),
    }))(checks.find((c) => c.run_id === r.run_id) ?? { passed: 0, warnings: 0, failed: 0 }),
  }));
}

export async function readStatus(wh: Warehouse, now = new Date()): Promise<Status> {
  const db = wh.db;
  const deliveries = await db
    .selectFrom('manifest')
    .where('status', '<>', 'superseded')
    .groupBy('delivery')
    .select([
      'delivery',
      sql<number>`count(*)::integer`.as('files'),
      sql<bigint>`sum(rows_read)::bigint`.as('rowsRead'),
      sql<bigint>`sum(loaded)::bigint`.as('loaded'),
      sql<bigint>`sum(collapsed)::bigint`.as('collapsed'),
      sql<bigint>`sum(quarantined)::bigint`.as('quarantined'),
      sql<boolean>`bool_or(status = 'rejected')`.as('incomplete'),
    ])
    .orderBy('delivery')
    .execute();
  const runs = await db
    .selectFrom('runs')
    .select([
      'run_id',
      'command',
      sql<string>`strftime(started_at, '%Y-%m-%d %H:%M:%S')`.as('started_at'),
      sql<number | null>`date_diff('millisecond', started_at, finished_at) / 1000.0`.as('seconds'),
      'status',
      'summary',
      'error',
    ])
    .orderBy('started_at', 'desc')
    .limit(5)
    .execute();
  const checks = await lastBuildChecks(db).execute();
  const quarantine = await db
    .selectFrom(
      sql<{ reason: string }>`(select unnest(string_split(reasons, ';')) as reason from quarantine)`.as('q'),
    )
    .groupBy('reason')
    .select(['reason', sql<number>`count(*)::integer`.as('rows')])
    .orderBy('reason')
    .execute();
  const asOfMonth = await readAsOfMonth(db);
  let monthsBehind: number | null = null;
  if (asOfMonth) {
    const [y, m] = asOfMonth.split('-').map(Number) as [number, number];
    monthsBehind = now.getUTCFullYear() * 12 + now.getUTCMonth() - (y * 12 + m - 1);
  }
  const num = (v: unknown): number => Number(v ?? 0);
  return {
    asOfMonth,
    deliveries: deliveries.map((d) => ({
      delivery: d.delivery,
      files: num(d.files),
      rowsRead: num(d.rowsRead),
      loaded: num(d.loaded),
      collapsed: num(d.collapsed),
      quarantined: num(d.quarantined),
      // A rejected file, or a delivery past the as-of month (its cases or payments file is not in force).
      incomplete: Boolean(d.incomplete) || asOfMonth === null || d.delivery > asOfMonth,
    })),
    runs: runs.map((r) => ({ ...r, seconds: r.seconds === null ? null : num(r.seconds) })),
    checks: checks.map((c) => ({ ...c, failures: num(c.failures) })),
    quarantine: quarantine.map((q) => ({ reason: q.reason, rows: num(q.rows) })),
    monthsBehind,
    history: await readRunHistory(wh),
    months: await readMonthStatus(wh),
  };
}

export interface QuarantineListing {
  delivery: string;
  table_name: string;
  line: number;
  reasons: string;
  messages: string;
  raw: string | null;
}

export async function listQuarantine(
  wh: Warehouse,
  filter: { file?: string; reason?: string; limit?: number },
): Promise<QuarantineListing[]> {
  let q = wh.db
    .selectFrom('quarantine')
    .select(['delivery', 'table_name', 'line', 'reasons', 'messages', 'raw']);
  if (filter.file) {
    // FILE is a table name, a file name, or delivery/file.
    const [a, b] = filter.file.includes('/') ? filter.file.split('/') : [undefined, filter.file];
    const table = (b ?? '').replace(/\.(csv|csv\.gz|parquet)$/, '');
    if (a) q = q.where('delivery', '=', a);
    q = q.where('table_name', '=', table);
  }
  if (filter.reason) q = q.where(sql<boolean>`list_contains(string_split(reasons, ';'), ${filter.reason})`);
  const rows = await q
    .orderBy('delivery')
    .orderBy('table_name')
    .orderBy('line')
    .limit(filter.limit ?? 1000)
    .execute();
  return rows.map((r) => ({ ...r, line: Number(r.line) }));
}
