// Ingestion (extracts.md): every new or restated delivery, in month order, each as one transaction.
// Every row read ends loaded (into hist_*), collapsed, or quarantined with its reasons, and the counts
// reconcile per file after every delivery.
import { INGEST_ORDER, TABLES, type FileError, type TableName } from './contract.ts';
import { pendingDeliveries, type DeliveryFile, type PendingDelivery } from './deliveries.ts';
import { FileRejection } from './read.ts';
import { ReadAhead, type Staged } from './read-ahead.ts';
import { reasonCodesSql, reasonMessagesSql, typeOk } from './validate.ts';
import { serviceManagers } from '../reference.ts';
import { pausePoint } from '../pause-point.ts';
import { changesTable, histTable, readAsOfMonth } from '../warehouse-schema.ts';
import { ident, lit, type Warehouse } from '../warehouse.ts';

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
  const plans = pending.map(planDelivery);
  // Each delivery's files are read while the one before loads (read-ahead.ts).
  const reader = await ReadAhead.open(wh, smCodes);
  try {
    if (plans.length > 0) await reader.start(plans[0]!.read);
    for (const [i, { delivery, byTable, ordered }] of plans.entries()) {
      const started = performance.now();
      const staged = await reader.take();
      if (i + 1 < plans.length) await reader.start(plans[i + 1]!.read);
      const fileResults = await wh.transaction(async () => {
        await wh.run(`create or replace temp table _touched_files (file_id integer)`);
        await wh.run('drop table if exists _known_cases');
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
      // Counts as they stand after the retries of this delivery.
      for (const fr of fileResults) {
        const now = await wh.db
          .selectFrom('manifest')
          .where('delivery', '=', fr.delivery)
          .where('file', '=', fr.file)
          .where('status', '<>', 'superseded')
          .orderBy('file_id', 'desc')
          .select(['loaded', 'quarantined', 'collapsed'])
          .limit(1)
          .executeTakeFirst();
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
  } finally {
    await reader.close();
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

async function newFileId(wh: Warehouse): Promise<number> {
  return wh.value<number>(`select nextval('file_id_seq')::integer`);
}

async function recordFile(
  wh: Warehouse,
  f: DeliveryFile,
  fileId: number,
  runId: string,
  status: string,
  counts: { rowsRead: number; loaded: number; collapsed: number; quarantined: number },
  error: { code: FileError | 'UNKNOWN_FILE'; message: string } | null,
): Promise<void> {
  await wh.run(`insert into manifest values (${fileId}, ${lit(f.delivery)}, ${f.table ? lit(f.table) : 'null'}, ${lit(f.file)},
    ${lit(f.sha256)}, ${lit(status)}, ${counts.rowsRead}, ${counts.loaded}, ${counts.collapsed}, ${counts.quarantined},
    ${error === null ? 'null' : lit(error.message)}, now()::timestamp, ${lit(runId)}, ${f.size}, ${f.mtimeMs},
    ${error === null ? 'null' : lit(error.code)})`);
}

/**
 * A delivery's files in the order they load: its contract tables in INGEST_ORDER, then the files it cannot
 * load (not a contract table, or a second file for one). Only `read` are read.
 */
function planDelivery({ delivery, files, changed }: PendingDelivery): {
  delivery: string;
  byTable: Map<string, DeliveryFile>;
  ordered: DeliveryFile[];
  read: DeliveryFile[];
} {
  // Two files for one table (cases.csv and cases.parquet): the first in name order is used, the other skipped.
  const byTable = new Map<string, DeliveryFile>();
  for (const f of files) if (f.table && !byTable.has(f.table)) byTable.set(f.table, f);
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
  byTable: Map<string, DeliveryFile>,
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
    for (const p of previous.filter((p) => p.status === 'rejected')) {
      await wh.run(`update manifest set status = 'superseded' where file_id = ${p.file_id}`);
    }
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
    // Restatement: the delivery's earlier rows of this table are replaced by this file's; the keys they
    // held get their current version back from the other deliveries.
    const key = keyCols(table).map(ident).join(', ');
    await wh.run(
      `create or replace temp table _restated_keys as select distinct ${key} from ${histTable(table)} where file_id = ${p.file_id}`,
    );
    await recordChanges(
      wh,
      table,
      `select *, null as changed_columns from ${histTable(table)} semi join _restated_keys using (${key})`,
    );
    await wh.run(`delete from ${histTable(table)} where file_id = ${p.file_id}`);
    await refreshCurrent(wh, table, '_restated_keys');
    // A restated cases file may drop a case: its rows elsewhere are judged once the delivery is in.
    if (table === 'cases')
      await wh.run(`create temp table if not exists _restated_cases (case_id varchar);
        insert into _restated_cases select case_id from _restated_keys`);
    await wh.run(`drop table _restated_keys`);
    await wh.run(`delete from quarantine where file_id = ${p.file_id}`);
    await wh.run(`update manifest set status = 'superseded' where file_id = ${p.file_id}`);
    if (p.status !== 'rejected')
      await logLine(wh, runId, f, 'info', `restated: replaces file version ${p.file_id}`);
  }

  await copyCandidates(wh, table, staged.table, smCodes);
  const counts = await finishCandidates(wh, table, staged.table);
  await wh.run('drop table _cand');
  if (table === 'cases') await wh.run('drop table if exists _known_cases');
  const status = restating ? 'restated' : 'loaded';
  const rowsRead = staged.rowsRead;
  await recordFile(wh, f, staged.fileId, runId, status, { rowsRead, ...counts }, null);
  return { ...base, status, rowsRead, ...counts, error: null };
}

async function logLine(
  wh: Warehouse,
  runId: string,
  f: DeliveryFile,
  level: string,
  message: string,
): Promise<void> {
  await wh.run(
    `insert into ingest_log values (${lit(runId)}, ${lit(f.delivery)}, ${lit(f.file)}, ${lit(level)}, ${lit(message)})`,
  );
}

const keyCols = (t: TableName): string[] => [...TABLES[t].key];
const allCols = (t: TableName): string[] => TABLES[t].columns.map((c) => c.name);

/**
 * Notes for the incremental models the versions a load, restatement or change of current version touched
 * (the rows of `rowsSql`: every version involved, old and new, with their `changed_columns`), the same way
 * for every table: each incremental model says in its header which tables and columns it reads (runner.ts).
 */
async function recordChanges(wh: Warehouse, table: TableName, rowsSql: string): Promise<void> {
  // Before the first build there is nothing to update incrementally: that build is a full one.
  if (!(await wh.db.selectFrom('model_state').select('model').limit(1).executeTakeFirst())) return;
  const cols = allCols(table).map(ident).join(', ');
  await wh.run(`insert into ${changesTable(table)} select ${cols}, changed_columns from (${rowsSql})`);
}

/**
 * Recomputes `is_current` (the version from the latest delivery) for the keys listed in `keysTable`.
 * The staging models read the current versions; ingestion compares new rows with them.
 */
async function refreshCurrent(wh: Warehouse, table: TableName, keysTable: string): Promise<void> {
  const hist = histTable(table);
  const key = keyCols(table).map(ident).join(', ');
  const on = keyCols(table)
    .map((k) => `h.${ident(k)} = l.${ident(k)}`)
    .join(' and ');
  await wh.run(`update ${hist} h set is_current = (h.delivery = l.latest)
    from (select ${key}, max(delivery) as latest from ${hist} semi join ${keysTable} using (${key}) group by ${key}) l
    where ${on} and h.is_current is distinct from (h.delivery = l.latest)`);
}

/**
 * Copies a file's rows, as read, into `_cand` for loading, judging UNKNOWN_CASE on the way: a row of a table
 * whose rows belong to a case (a valid case_id, not collapsed) whose case has no current version. The raw
 * lines stay where they were read: only the quarantined rows need theirs (finishCandidates).
 */
async function copyCandidates(
  wh: Warehouse,
  table: TableName,
  read: string,
  smCodes: readonly string[],
): Promise<void> {
  if (!TABLES[table].knownCase) {
    await wh.run(`create temp table _cand as select * replace (null::varchar as raw) from ${read}`);
    return;
  }
  // The known cases, listed once per delivery after its cases file (ingestFile drops the list when that loads).
  await wh.run(
    `create temp table if not exists _known_cases as select distinct case_id from hist_cases where is_current`,
  );
  const caseCol = TABLES[table].columns.find((c) => c.name === 'case_id')!;
  await wh.run(`create temp table _cand as
    select r.* replace (null::varchar as raw, case
        when k.case_id is null and not r.collapsed and ${typeOk(caseCol, 'r.case_id', smCodes)}
          then list_append(r.reasons, {'r': 'UNKNOWN_CASE', 'm': 'case ' || r.case_id || ' is not (yet) known'})
        else r.reasons end as reasons)
    from ${read} r left join _known_cases k on k.case_id = r.case_id`);
}

/**
 * The checks that need the warehouse, then the write: collapse onto an identical latest version, reversal
 * and reply originals; loads the clean rows and quarantines the rest. (UNKNOWN_CASE is judged as the rows
 * are copied in, copyCandidates; retried rows are those whose case is now known.)
 * `_cand` holds file_id, delivery, line, seq (order for "earlier in the file"), raw, the contract columns,
 * reasons and collapsed. `rawFrom` is the table the rows were read into, when `_cand` holds no raw line
 * (the quarantine takes it from there, by seq).
 */
async function finishCandidates(
  wh: Warehouse,
  table: TableName,
  rawFrom: string | null,
): Promise<{ loaded: number; collapsed: number; quarantined: number }> {
  const hist = histTable(table);
  const key = keyCols(table);
  const keyList = key.map(ident).join(', ');
  const clean = `len(c.reasons) = 0 and not c.collapsed`;

  // One pass over the current versions of the file's keys: a row identical to its key's current version
  // changes nothing (collapsed); the other keys that already have a version get is_current recomputed.
  const differing = allCols(table)
    .map((col) => `case when c.${ident(col)} is distinct from h.${ident(col)} then ${lit(col)} end`)
    .join(', ');
  await wh.run(`create or replace temp table _existing as
    select *, len(changed_columns) = 0 as identical from (
      select c.seq, ${key.map((k) => `c.${ident(k)}`).join(', ')},
        list_filter([${differing}], x -> x is not null) as changed_columns
      from _cand c join ${hist} h on h.is_current and ${key.map((k) => `c.${ident(k)} = h.${ident(k)}`).join(' and ')}
      where ${clean})`);
  await wh.run(`update _cand c set collapsed = true from _existing e where e.seq = c.seq and e.identical`);

  if (table === 'payments') await checkReversals(wh);
  if (table === 'messages') await checkReplies(wh);

  // Keys to settle after the insert: those with an earlier version, and those loaded twice in one batch
  // (a retry can load one key from two deliveries). Every other loaded row is its key's only version.
  await wh.run(`create or replace temp table _settle as
    select ${keyList} from _existing where not identical
    union
    select ${keyList} from _cand c where ${clean} group by ${keyList} having count(*) > 1`);
  const cols = allCols(table).map(ident).join(', ');
  // What changed for the incremental models: the new rows and the versions they replace, with the columns
  // in which the new version differs from the current one (null: the key had none).
  await recordChanges(
    wh,
    table,
    `select c.*, e.changed_columns from _cand c left join _existing e on e.seq = c.seq where ${clean}`,
  );
  const settling = (await wh.value<number>(`select count(*) from _settle`)) > 0;
  if (settling) {
    await recordChanges(
      wh,
      table,
      `with replaced as (
        select ${keyList}, list_distinct(flatten(list(changed_columns))) as changed_columns
        from _existing where not identical group by ${keyList}
      )
      select h.*, r.changed_columns from ${hist} h join replaced r using (${keyList})
      union all
      select h.*, null from ${hist} h semi join (select * from _settle except select ${keyList} from replaced) using (${keyList})`,
    );
  }
  if (!settling) {
    await wh.run(
      `insert into ${hist} select ${cols}, delivery, file_id, line, true from _cand c where ${clean}`,
    );
  } else {
    await wh.run(`insert into ${hist}
      select ${cols}, delivery, file_id, line, (${keyList}) not in (select (${keyList}) from _settle) from _cand c where ${clean}`);
    await refreshCurrent(wh, table, '_settle');
  }
  await wh.run('drop table _existing; drop table _settle');
  await wh.run(`insert into quarantine
    select c.file_id, c.delivery, ${lit(table)}, c.line, ${reasonCodesSql('c.reasons')}, ${reasonMessagesSql('c.reasons')},
      list_transform(c.reasons, x -> x.r) = ['UNKNOWN_CASE'], c.first_seen, c.last_retried,
      ${rawFrom === null ? 'c.raw' : 'r.raw'}, [${allCols(table)
        .map((col) => `c.${ident(col)}`)
        .join(', ')}]
    from _cand c ${rawFrom === null ? '' : `join ${rawFrom} r using (seq)`}
    where len(c.reasons) > 0 and not c.collapsed`);
  const counts = await wh.one<{ loaded: number; collapsed: number; quarantined: number }>(`select
      count(*) filter (where len(reasons) = 0 and not collapsed) as loaded,
      count(*) filter (where collapsed) as collapsed,
      count(*) filter (where len(reasons) > 0 and not collapsed) as quarantined
    from _cand`);
  return counts!;
}

/**
 * Reversals (extracts.md, payments.reverses_payment_id): the original is already loaded or earlier in the
 * file, of the same case, benefit month and type, and the reversals of a payment never add up to more than it.
 */
async function checkReversals(wh: Warehouse): Promise<void> {
  await wh.run(`create or replace temp table _rev_check as
    with rev as (
      select seq, payment_id, case_id, benefit_month, payment_type, amount::decimal(18,2) as amount, reverses_payment_id
      from _cand c where len(c.reasons) = 0 and not c.collapsed and try_cast(amount as decimal(18,2)) < 0
    ),
    file_orig as (
      select seq, payment_id, case_id, benefit_month, payment_type, amount::decimal(18,2) as amount
      from _cand c where len(c.reasons) = 0 and not c.collapsed and payment_id in (select reverses_payment_id from rev)
    ),
    loaded_orig as (
      select payment_id, case_id, benefit_month, payment_type, amount::decimal(18,2) as amount
      from hist_payments where is_current and payment_id in (select reverses_payment_id from rev)
    ),
    -- Reversals already loaded for these originals, except the versions this batch replaces.
    loaded_rev as (
      select reverses_payment_id, sum(amount) as reversed from (
        select payment_id, reverses_payment_id, amount::decimal(18,2) as amount
        from hist_payments where is_current and reverses_payment_id in (select reverses_payment_id from rev))
      where payment_id not in (select payment_id from _cand)
      group by reverses_payment_id
    ),
    matched as (
      select rev.*, coalesce(fo.amount, case when fo.payment_id is null then lo.amount end) as orig_amount,
        coalesce(fo.case_id, lo.case_id) as orig_case, coalesce(fo.benefit_month, lo.benefit_month) as orig_month,
        coalesce(fo.payment_type, lo.payment_type) as orig_type
      from rev
      left join file_orig fo on fo.payment_id = rev.reverses_payment_id and fo.seq < rev.seq
      left join loaded_orig lo on lo.payment_id = rev.reverses_payment_id
    ),
    judged as (
      select *, case
          when orig_amount is null then 'the reversed payment ' || reverses_payment_id || ' is not loaded or earlier in the file'
          when orig_amount <= 0 then 'the reversed payment ' || reverses_payment_id || ' is itself a reversal'
          when orig_case <> case_id or orig_month <> benefit_month or trim(orig_type) <> trim(payment_type)
            then 'the reversed payment ' || reverses_payment_id || ' is of another case, benefit month or payment type'
        end as mismatch
      from matched
    )
    -- Only reversals that match their original count towards its total, in file order.
    select seq, coalesce(mismatch, case
        when orig_amount + coalesce(lr.reversed, 0)
             + sum(amount) over (partition by reverses_payment_id, mismatch is null order by seq rows unbounded preceding) < 0
          then 'the reversals of payment ' || reverses_payment_id || ' add up to more than it' end) as problem
    from judged left join loaded_rev lr using (reverses_payment_id)`);
  await wh.run(`update _cand c set reasons = list_append(c.reasons, {'r': 'RULE_VIOLATION', 'm': r.problem})
    from _rev_check r where r.seq = c.seq and r.problem is not null`);
  await wh.run('drop table _rev_check');
}

/**
 * Replies (extracts.md, messages.in_reply_to): the original is already loaded or earlier in the file,
 * of the same case, sent strictly earlier, and of the other direction.
 */
async function checkReplies(wh: Warehouse): Promise<void> {
  await wh.run(`create or replace temp table _reply_check as
    with rep as (
      select seq, message_id, case_id, sent_at, trim(direction) as direction, in_reply_to
      from _cand c where len(c.reasons) = 0 and not c.collapsed and in_reply_to is not null
    ),
    file_orig as (
      select seq, message_id, case_id, sent_at, trim(direction) as direction
      from _cand c where len(c.reasons) = 0 and not c.collapsed and message_id in (select in_reply_to from rep)
    ),
    loaded_orig as (
      select message_id, case_id, sent_at, trim(direction) as direction from hist_messages
      where is_current and message_id in (select in_reply_to from rep)
    ),
    matched as (
      select rep.*, coalesce(fo.message_id, lo.message_id) as orig_id,
        coalesce(fo.case_id, lo.case_id) as orig_case, coalesce(fo.sent_at, lo.sent_at) as orig_sent,
        coalesce(fo.direction, lo.direction) as orig_direction
      from rep
      left join file_orig fo on fo.message_id = rep.in_reply_to and fo.seq < rep.seq
      left join loaded_orig lo on lo.message_id = rep.in_reply_to and fo.message_id is null
    )
    select seq, case
        when orig_id is null then 'the original message ' || in_reply_to || ' is not loaded or earlier in the file'
        when orig_case <> case_id then 'the original message ' || in_reply_to || ' is of another case'
        when strptime(orig_sent, '%Y-%m-%dT%H:%M:%S') >= strptime(sent_at, '%Y-%m-%dT%H:%M:%S')
          then 'the original message ' || in_reply_to || ' was not sent strictly earlier'
        when orig_direction = direction then 'the original message ' || in_reply_to || ' has the same direction'
      end as problem
    from matched`);
  await wh.run(`update _cand c set reasons = list_append(c.reasons, {'r': 'RULE_VIOLATION', 'm': r.problem})
    from _reply_check r where r.seq = c.seq and r.problem is not null`);
  await wh.run('drop table _reply_check');
}

/**
 * A restatement that drops a case (no version of it is left) leaves rows of other tables without a known
 * case. They go back to the quarantine as UNKNOWN_CASE, held and retried like rows that arrived before their
 * case, so the warehouse holds what a fresh load of the same files would. (Their `raw` is rebuilt from the
 * loaded fields, in the contract's column order: the file's own line is not kept once a row is loaded.)
 */
async function holdRowsOfDroppedCases(wh: Warehouse): Promise<number> {
  const restated = await wh.value<number>(
    `select count(*) from information_schema.tables where table_name = '_restated_cases' and table_type = 'LOCAL TEMPORARY'`,
  );
  if (restated === 0) return 0;
  let held = 0;
  await wh.run(`create or replace temp table _dropped_cases as
    select distinct case_id from _restated_cases anti join (select case_id from hist_cases where is_current) using (case_id)`);
  await wh.run('drop table _restated_cases');
  if ((await wh.value<number>(`select count(*) from _dropped_cases`)) > 0) {
    for (const table of INGEST_ORDER.filter((t) => TABLES[t].knownCase)) {
      const hist = histTable(table);
      const key = keyCols(table).map(ident).join(', ');
      const cols = allCols(table).map(ident);
      // A field holding a comma, quote or line break is quoted, as RFC 4180 writes it.
      const field = (c: string): string =>
        `case when regexp_matches(coalesce(${c}, ''), '[",\n\r]') then '"' || replace(${c}, '"', '""') || '"' else coalesce(${c}, '') end`;
      await wh.run(
        `create or replace temp table _orphans as select * from ${hist} semi join _dropped_cases using (case_id)`,
      );
      const orphans = await wh.value<number>(`select count(*) from _orphans`);
      if (orphans === 0) {
        await wh.run('drop table _orphans');
        continue;
      }
      held += orphans;
      await recordChanges(wh, table, `select *, null as changed_columns from _orphans`);
      await wh.run(`insert into quarantine
        select file_id, delivery, ${lit(table)}, line, 'UNKNOWN_CASE',
          'UNKNOWN_CASE: case ' || case_id || ' is not (yet) known (a restatement dropped it)', true,
          now()::timestamp, null, concat_ws(',', ${cols.map(field).join(', ')}), [${cols.join(', ')}]
        from _orphans`);
      await wh.run(`delete from ${hist} h using _orphans o where h.file_id = o.file_id and h.line = o.line`);
      await wh.run(`insert into _touched_files select distinct file_id from _orphans`);
      await wh.run(`create or replace temp table _orphan_keys as select distinct ${key} from _orphans`);
      await refreshCurrent(wh, table, '_orphan_keys');
      await wh.run('drop table _orphan_keys; drop table _orphans');
    }
  }
  await wh.run('drop table _dropped_cases');
  return held;
}

/**
 * Retries the UNKNOWN_CASE rows held from this and earlier deliveries whose case is now known
 * (extracts.md "Order of work"). Those that pass load as versions of the delivery they came in.
 */
async function retryUnknownCases(wh: Warehouse, delivery: string): Promise<number> {
  let loadedTotal = 0;
  for (const table of INGEST_ORDER) {
    if (!TABLES[table].knownCase) continue;
    const caseIdx = allCols(table).indexOf('case_id') + 1;
    // The held rows of this table whose case is now known.
    const retryable = `quarantine where table_name = ${lit(table)} and retry and fields[${caseIdx}] in (select case_id from hist_cases where is_current)`;
    const pending = await wh.value<number>(`select count(*) from ${retryable}`);
    if (pending > 0) {
      const cols = allCols(table)
        .map((c, i) => `fields[${i + 1}] as ${ident(c)}`)
        .join(', ');
      await wh.run(`create or replace temp table _cand as
        select file_id, delivery, line, row_number() over (order by delivery, file_id, line) as seq, raw,
          first_seen, now()::timestamp as last_retried,
          ${cols}, []::struct(r varchar, m varchar)[] as reasons, false as collapsed
        from ${retryable}`);
      await wh.run(`delete from quarantine q using _cand c where q.table_name = ${lit(table)} and q.retry
        and q.file_id = c.file_id and q.line = c.line`);
      await wh.run(`insert into _touched_files select distinct file_id from _cand`);
      const counts = await finishCandidates(wh, table, null);
      // Retried rows found identical to the latest version count as collapsed for the file they came from.
      await wh.run(`update manifest m set collapsed = m.collapsed + x.n
        from (select file_id, count(*) as n from _cand where collapsed group by file_id) x where m.file_id = x.file_id`);
      await wh.run('drop table _cand');
      loadedTotal += counts.loaded;
    }
    await wh.run(
      `update quarantine set last_retried = now()::timestamp where table_name = ${lit(table)} and retry`,
    );
  }
  if (loadedTotal > 0)
    await wh.run(
      `insert into ingest_log values ('retry', ${lit(delivery)}, null, 'info', ${lit(`${loadedTotal} UNKNOWN_CASE row(s) loaded on retry`)})`,
    );
  return loadedTotal;
}

/**
 * Recounts loaded and quarantined rows from the tables themselves for the files this delivery can have
 * changed (its own, and earlier files whose held rows it loaded on retry or held again: `_touched_files`),
 * then checks rows_read = loaded + collapsed + quarantined for every file in force; a mismatch aborts the
 * delivery. Other files' rows were not touched, so recounting them would only cost time that grows with history.
 */
async function reconcile(wh: Warehouse, delivery: string): Promise<void> {
  const touched = `(select file_id from manifest where delivery = ${lit(delivery)} union select file_id from _touched_files)`;
  const loadedByFile = INGEST_ORDER.map(
    (t) => `select file_id, count(*) as n from ${histTable(t)} where file_id in ${touched} group by file_id`,
  ).join(' union all ');
  await wh.run(`update manifest m set
      loaded = coalesce(l.n, 0),
      quarantined = coalesce(q.n, 0)
    from (select file_id from ${touched}) f
      left join (select file_id, sum(n) as n from (${loadedByFile}) group by file_id) l using (file_id)
      left join (select file_id, count(*) as n from quarantine where file_id in ${touched} group by file_id) q using (file_id)
    where m.file_id = f.file_id and m.status in ('loaded', 'restated')`);
  await wh.run('drop table _touched_files');
  const bad = await wh.db
    .selectFrom('manifest')
    .where('status', 'in', ['loaded', 'restated'])
    .where((eb) =>
      eb('rows_read', '<>', eb(eb('loaded', '+', eb.ref('collapsed')), '+', eb.ref('quarantined'))),
    )
    .select(['delivery', 'file', 'rows_read', 'loaded', 'collapsed', 'quarantined'])
    .execute();
  if (bad.length > 0) {
    const b = bad[0]!;
    throw new Error(
      `reconciliation failed for ${b.delivery}/${b.file}: rows_read ${b.rows_read} <> loaded ${b.loaded} + collapsed ${b.collapsed} + quarantined ${b.quarantined} (and ${bad.length - 1} more file(s)); nothing of this delivery was kept`,
    );
  }
}
