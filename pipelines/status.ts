// `status` and `quarantine`: what the warehouse holds, read through Kysely.
import { sql } from 'kysely';
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
      sql<number>`sum(rows_read)::bigint`.as('rowsRead'),
      sql<number>`sum(loaded)::bigint`.as('loaded'),
      sql<number>`sum(collapsed)::bigint`.as('collapsed'),
      sql<number>`sum(quarantined)::bigint`.as('quarantined'),
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
  const lastChecked = await db
    .selectFrom('check_results')
    .innerJoin('runs', 'runs.run_id', 'check_results.run_id')
    .select('check_results.run_id')
    .orderBy('runs.started_at', 'desc')
    .limit(1)
    .executeTakeFirst();
  const checks = lastChecked
    ? await db
        .selectFrom('check_results')
        .where('run_id', '=', lastChecked.run_id)
        .select(['check_name', 'severity', 'failures', 'status'])
        .orderBy('check_name')
        .execute()
    : [];
  const quarantine = await db
    .selectFrom(
      sql<{ reason: string }>`(select unnest(string_split(reasons, ';')) as reason from quarantine)`.as('q'),
    )
    .groupBy('reason')
    .select(['reason', sql<number>`count(*)::integer`.as('rows')])
    .orderBy('reason')
    .execute();
  const asOfMonth = deliveries.length ? deliveries[deliveries.length - 1]!.delivery : null;
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
      incomplete: Boolean(d.incomplete),
    })),
    runs: runs.map((r) => ({ ...r, seconds: r.seconds === null ? null : num(r.seconds) })),
    checks: checks.map((c) => ({ ...c, failures: num(c.failures) })),
    quarantine: quarantine.map((q) => ({ reason: q.reason, rows: num(q.rows) })),
    monthsBehind,
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
