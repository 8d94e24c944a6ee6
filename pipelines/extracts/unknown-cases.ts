// Rows whose case is not (yet) known (UNKNOWN_CASE, extracts.md "Order of work"): held in the quarantine and
// retried after every delivery; loaded rows go back there when a restatement drops their case.
import { INGEST_ORDER, TABLES, columnNames, keyColumns } from './contract.ts';
import { storedText } from './typed-columns.ts';
import { finishCandidates } from './load.ts';
import { logLine } from './manifest.ts';
import { recordChanges, refreshCurrent } from './history.ts';
import { histTable } from '../warehouse-schema.ts';
import { ident, type Warehouse } from '../warehouse.ts';

/**
 * A restatement that drops a case (no version of it is left) leaves rows of other tables without a known
 * case. They go back to the quarantine as UNKNOWN_CASE, held and retried like rows that arrived before their
 * case, so the warehouse holds what a fresh load of the same files would. (Their `raw` is rebuilt from the
 * fields as delivered, in the contract's column order: the file's own line is not kept once a row is loaded.
 * The hash of the delivered text goes with them, so a later identical row collapses.)
 */
export async function holdRowsOfDroppedCases(wh: Warehouse): Promise<number> {
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
      const key = keyColumns(table).map(ident).join(', ');
      // The fields as delivered: kept where typing would not give them back, else written from the values.
      const texts = TABLES[table].columns.map(
        (c, i) =>
          `case when delivered_fields is null then ${storedText(c, ident(c.name))} else delivered_fields[${i + 1}] end`,
      );
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
      await wh.run(
        `insert into quarantine
        select file_id, delivery, $table, line, 'UNKNOWN_CASE',
          'UNKNOWN_CASE: case ' || case_id || ' is not (yet) known (a restatement dropped it)', true,
          now()::timestamp, null, concat_ws(',', ${texts.map(field).join(', ')}), [${texts.join(', ')}], row_hash
        from _orphans`,
        { table },
      );
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
export async function retryUnknownCases(wh: Warehouse, delivery: string): Promise<number> {
  let loadedTotal = 0;
  for (const table of INGEST_ORDER) {
    if (!TABLES[table].knownCase) continue;
    const caseIdx = columnNames(table).indexOf('case_id') + 1;
    // The held rows of this table whose case is now known.
    const retryable = `quarantine where table_name = $table and retry and fields[${caseIdx}] in (select case_id from hist_cases where is_current)`;
    const pending = await wh.value<number>(`select count(*) from ${retryable}`, { table });
    if (pending > 0) {
      const cols = columnNames(table)
        .map((c, i) => `fields[${i + 1}] as ${ident(c)}`)
        .join(', ');
      await wh.run(
        `create or replace temp table _cand as
        select file_id, delivery, line, row_number() over (order by delivery, file_id, line) as seq, raw,
          first_seen, now()::timestamp as last_retried,
          ${cols}, row_hash, []::struct(r varchar, m varchar)[] as reasons, false as collapsed
        from ${retryable}`,
        { table },
      );
      await wh.run(
        `delete from quarantine q using _cand c where q.table_name = $table and q.retry
        and q.file_id = c.file_id and q.line = c.line`,
        { table },
      );
      await wh.run(`insert into _touched_files select distinct file_id from _cand`);
      const counts = await finishCandidates(wh, table, [], true);
      // Retried rows found identical to the latest version count as collapsed for the file they came from.
      await wh.run(`update manifest m set collapsed = m.collapsed + x.n
        from (select file_id, count(*) as n from _cand where collapsed group by file_id) x where m.file_id = x.file_id`);
      await wh.run('drop table _cand');
      loadedTotal += counts.loaded;
    }
    await wh.run(
      `update quarantine set last_retried = now()::timestamp where table_name = $table and retry`,
      {
        table,
      },
    );
  }
  if (loadedTotal > 0)
    await logLine(
      wh,
      'retry',
      { delivery, file: null },
      'info',
      `${loadedTotal} UNKNOWN_CASE row(s) loaded on retry`,
    );
  return loadedTotal;
}
