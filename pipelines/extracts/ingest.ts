// Ingestion (extracts.md): every new or restated delivery, in month order, each as one transaction.
// Every row read ends loaded (into hist_*), collapsed, or quarantined with its reasons, and the counts
// reconcile per file after every delivery.
import { INGEST_ORDER, type TableName } from './contract.ts';
import { recordExtractParameters } from '../funding/extract-parameters.ts';
import { fileOfEachTable, pendingDeliveries, type DeliveryFile, type PendingDelivery } from './deliveries.ts';
import { FileRejection } from './read.ts';
import { readFile, type Staged } from './read-file.ts';
import { finishCandidates } from './load.ts';
import { logLine, newFileId, recordFile, supersede } from './manifest.ts';
import { removeFileVersion } from './restate.ts';
import { holdRowsOfDroppedCases, retryUnknownCases } from './unknown-cases.ts';
import { reconcile } from './reconcile.ts';
import { serviceManagers } from '../reference.ts';
import { pausePoint } from '../pause-point.ts';
import { readAsOfMonth } from '../warehouse-schema.ts';
import type { Warehouse } from '../warehouse.ts';

export interface FileResult {
  delivery: string;
  table: string | null;
  file: string;
  status: 'loaded' | 'restated' | 'rejected' | 'skipped';
  rowsRead: number;
  loaded: number;
  collapsed: number;
  quarantined: number;
  error: string | null;
}

export interface IngestResult {
  deliveries: string[];
  files: FileResult[];
  /** Rows held as UNKNOWN_CASE that loaded when their case arrived. */
  retriedLoaded: number;
  unchanged: number;
  warnings: string[];
  /** One line for each thing under the extracts folder that was not read, and why (deliveries.ts). */
  notices: string[];
  /** The as-of month after this ingest (the `as_of_month` view), null when nothing is in force. */
  asOfMonth: string | null;
  /** Delivery folders later than the as-of month: their `cases` or `payments` file is not in force. */
  behind: string[];
}

export interface IngestOptions {
  extracts: string;
  runId: string;
  log?: (line: string) => void;
  /** Service-manager codes; default: data/reference/service_managers.csv. */
  serviceManagerCodes?: readonly string[];
  /** The clock deliveries are dated against (FUTURE_DELIVERY); default now. */
  now?: Date;
  /** Only these files (`delivery/file`); default every file under `extracts`. */
  only?: ReadonlySet<string>;
}

/** Ingests every delivery with a new or changed file. Re-ingesting unchanged files is a no-op. */
export async function ingest(wh: Warehouse, opts: IngestOptions): Promise<IngestResult> {
  const log = opts.log ?? (() => undefined);
  const smCodes = opts.serviceManagerCodes ?? serviceManagers().map((s) => s.code);
  const { pending, unchanged, notices, latestDelivery } = await pendingDeliveries(
    wh,
    opts.extracts,
    opts.now,
    opts.only,
  );
  for (const n of notices) log(`  ${n}`);
  const parameters = await recordExtractParameters(wh, opts.extracts);
  if (parameters.length > 0)
    log(
      `  funding parameters from the extracts: ${parameters.join(', ')} (in place of data/reference/funding/)`,
    );
  const result: IngestResult = {
    deliveries: [],
    files: [],
    retriedLoaded: 0,
    unchanged,
    warnings: [],
    notices,
    asOfMonth: null,
    behind: [],
  };
  for (const { delivery, byTable, ordered, read } of pending.map(planDelivery)) {
    const started = performance.now();
    const staged = new Map<DeliveryFile, Staged | FileRejection>();
    for (const f of read) staged.set(f, await readFile(wh, f, f.table!, await newFileId(wh), smCodes));
    const fileResults = await wh.transaction(async () => {
      await wh.run(`create or replace temp table _touched_files (file_id integer)`);
      const out: FileResult[] = [];
      for (const f of ordered)
        out.push(await ingestFile(wh, f, staged.get(f), opts.runId, smCodes, result.warnings, byTable));
      const held = await holdRowsOfDroppedCases(wh);
      if (held > 0)
        log(
          `  ${delivery}: a restatement dropped cases; ${held} loaded row(s) of theirs are held as UNKNOWN_CASE`,
        );
      result.retriedLoaded += await retryUnknownCases(wh, delivery);
      await reconcile(wh, delivery);
      pausePoint(`ingest:${delivery}`);
      return out;
    });
    // Counts as they stand after the retries of this delivery: each file's latest version in force.
    const inForce = await wh.db
      .selectFrom('manifest')
      .where('delivery', '=', delivery)
      .where('status', '<>', 'superseded')
      .orderBy('file_id')
      .select(['file', 'loaded', 'quarantined', 'collapsed'])
      .execute();
    const latest = new Map(inForce.map((m) => [m.file, m]));
    for (const fr of fileResults) {
      const now = latest.get(fr.file);
      if (now)
        Object.assign(fr, {
          loaded: Number(now.loaded),
          quarantined: Number(now.quarantined),
          collapsed: Number(now.collapsed),
        });
    }
    result.deliveries.push(delivery);
    result.files.push(...fileResults);
    const sum = fileResults.reduce(
      (a, f) => ({
        read: a.read + f.rowsRead,
        loaded: a.loaded + f.loaded,
        collapsed: a.collapsed + f.collapsed,
        q: a.q + f.quarantined,
      }),
      { read: 0, loaded: 0, collapsed: 0, q: 0 },
    );
    const rejected = fileResults.filter((f) => f.status === 'rejected').length;
    log(
      `${delivery}: ${fileResults.length} file(s), ${sum.read} rows read, ${sum.loaded} loaded, ${sum.collapsed} collapsed, ${sum.q} quarantined` +
        (rejected ? `, ${rejected} file(s) rejected` : '') +
        ` (${((performance.now() - started) / 1000).toFixed(1)} s)`,
    );
    for (const fr of fileResults) {
      if (fr.status === 'rejected') log(`  rejected ${fr.delivery}/${fr.file}: ${fr.error}`);
      if (fr.status === 'restated')
        log(`  restated ${fr.delivery}/${fr.file}: the earlier version's rows were replaced`);
    }
    for (const w of result.warnings.filter((w) => w.startsWith(`${delivery}/`))) log(`  warning ${w}`);
  }
  if (result.deliveries.length > 0) await wh.run('checkpoint');
  result.asOfMonth = await readAsOfMonth(wh.db);
  result.behind = await deliveriesBehind(wh, result.asOfMonth, latestDelivery);
  for (const d of result.behind)
    log(
      `  ${d}: incomplete, its cases or payments file is not in force; the as-of month stays ${result.asOfMonth ?? '(none)'}`,
    );
  return result;
}

/**
 * The deliveries later than the as-of month, up to the latest delivery folder on disk: each lacks a
 * `cases` or `payments` file in force (rejected, or never delivered), so it cannot move the as-of month.
 */
async function deliveriesBehind(
  wh: Warehouse,
  asOf: string | null,
  latestDelivery: string | null,
): Promise<string[]> {
  if (latestDelivery === null || (asOf !== null && latestDelivery <= asOf)) return [];
  const rows = await wh.db
    .selectFrom('manifest')
    .where('status', '<>', 'superseded')
    .where('table_name', 'is not', null)
    .where('delivery', '>', asOf ?? '')
    .where('delivery', '<=', latestDelivery)
    .select('delivery')
    .distinct()
    .orderBy('delivery')
    .execute();
  return rows.map((r) => r.delivery);
}

/**
 * A delivery's files in the order they load: its contract tables in INGEST_ORDER, then the files it cannot
 * load (not a contract table, or a second file for one). Only `read` are read.
 */
function planDelivery({ delivery, files, changed }: PendingDelivery): {
  delivery: string;
  byTable: Map<TableName, DeliveryFile>;
  ordered: DeliveryFile[];
  read: DeliveryFile[];
} {
  const byTable = fileOfEachTable(files);
  const read = INGEST_ORDER.flatMap((t) => {
    const f = byTable.get(t);
    return f && changed.includes(f) ? [f] : [];
  });
  const ordered = [...read, ...changed.filter((f) => !f.table || byTable.get(f.table) !== f)];
  return { delivery, byTable, ordered, read };
}

async function ingestFile(
  wh: Warehouse,
  f: DeliveryFile,
  staged: Staged | FileRejection | undefined,
  runId: string,
  smCodes: readonly string[],
  warnings: string[],
  byTable: Map<TableName, DeliveryFile>,
): Promise<FileResult> {
  const base = { delivery: f.delivery, table: f.table, file: f.file };
  const zero = { rowsRead: 0, loaded: 0, collapsed: 0, quarantined: 0 };
  if (!f.table || byTable.get(f.table) !== f) {
    const error = f.table
      ? `UNKNOWN_FILE: ${f.file} duplicates ${byTable.get(f.table)?.file} for table ${f.table}; skipped`
      : `UNKNOWN_FILE: ${f.file} is not a contract table (<table>.csv, .csv.gz or .parquet)`;
    await recordFile(wh, { ...f, table: null }, await newFileId(wh), runId, 'skipped', zero, {
      code: 'UNKNOWN_FILE',
      message: error,
    });
    return { ...base, table: null, status: 'skipped', ...zero, error };
  }
  const table = f.table;
  // The versions of this delivery's table in force: at most one loaded (or restated) file, and the
  // rejected attempts made since.
  const previous = await wh.db
    .selectFrom('manifest')
    .where('delivery', '=', f.delivery)
    .where('table_name', '=', table)
    .where('status', '<>', 'superseded')
    .orderBy('file_id')
    .select(['file_id', 'status'])
    .execute();

  if (!staged) throw new Error(`internal: ${f.file} was not read before ingesting`);
  if (staged instanceof FileRejection) {
    // A rejected re-delivery leaves the loaded version in force untouched (nothing of the new file is
    // loaded); it replaces only an earlier rejected attempt.
    for (const p of previous.filter((p) => p.status === 'rejected')) await supersede(wh, p.file_id);
    await recordFile(wh, f, await newFileId(wh), runId, 'rejected', zero, {
      code: staged.code,
      message: staged.message,
    });
    await logLine(wh, runId, f, 'error', staged.message);
    return { ...base, status: 'rejected', ...zero, error: staged.message };
  }
  for (const w of staged.warnings) {
    warnings.push(`${f.delivery}/${w}`);
    await logLine(wh, runId, f, 'warning', w);
  }

  const restating = previous.some((p) => p.status !== 'rejected');
  for (const p of previous) {
    // Restatement: the delivery's earlier rows of this table are replaced by this file's.
    await removeFileVersion(wh, table, p.file_id);
    await supersede(wh, p.file_id);
    if (p.status !== 'rejected')
      await logLine(wh, runId, f, 'info', `restated: replaces file version ${p.file_id}`);
  }

  await wh.run(`alter table ${staged.table} rename to _cand`);
  const counts = await finishCandidates(wh, table, smCodes);
  await wh.run('drop table _cand');
  const status = restating ? 'restated' : 'loaded';
  const rowsRead = staged.rowsRead;
  await recordFile(wh, f, staged.fileId, runId, status, { rowsRead, ...counts }, null);
  return { ...base, status, rowsRead, ...counts, error: null };
}
