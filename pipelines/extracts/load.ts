// Loading one file's rows (or the held rows retried) into the history: the judgements that need the
// warehouse, then the write. Every row ends loaded, collapsed or quarantined.
import { TABLES, columnNames, keyColumns, type TableName } from './contract.ts';
import { checkReplies, checkReversals } from './cross-row-rules.ts';
import { changesRecorded, recordChanges, refreshCurrent } from './history.ts';
import { deliveredFieldsSql, storedColumnsSql, storedValue } from './typed-columns.ts';
import { reasonCodesSql, reasonMessagesSql, typeOk } from './validate.ts';
import { histTable } from '../warehouse-schema.ts';
import { ident, lit, type Warehouse } from '../warehouse.ts';

/**
 * The checks that need the warehouse, then the write: UNKNOWN_CASE, collapse onto an identical latest
 * version, reversal and reply originals; loads the clean rows and quarantines the rest.
 * `_cand` holds file_id, delivery, line, seq (order for "earlier in the file"), raw, the contract columns as
 * text, row_hash (of that text), reasons and collapsed. Its rows come from one file, or (`severalFiles`) are
 * held rows retried together.
 */
export async function finishCandidates(
  wh: Warehouse,
  table: TableName,
  smCodes: readonly string[],
  severalFiles = false,
): Promise<{ loaded: number; collapsed: number; quarantined: number }> {
  const hist = histTable(table);
  const key = keyColumns(table);
  const keyList = key.map(ident).join(', ');
  const clean = `len(c.reasons) = 0 and not c.collapsed`;

  if (TABLES[table].knownCase) {
    const caseCol = TABLES[table].columns.find((c) => c.name === 'case_id')!;
    await wh.run(`update _cand c set reasons = list_append(reasons, {'r': 'UNKNOWN_CASE', 'm': 'case ' || c.case_id || ' is not (yet) known'})
      from (select distinct case_id from _cand anti join (select case_id from hist_cases where is_current) using (case_id)) u
      where c.case_id = u.case_id and not c.collapsed and ${typeOk(caseCol, 'c.case_id', smCodes)}`);
  }

  // A row whose delivered text hashes as its key's current version's changes nothing (collapsed); the other
  // keys that already have a version get is_current recomputed. Only the keys and hashes of the current
  // versions are read, not every column of them.
  const on = key.map((k) => `c.${ident(k)} = h.${ident(k)}`).join(' and ');
  await wh.run(`create or replace temp table _existing as
    select c.seq, ${key.map((k) => `c.${ident(k)}`).join(', ')}, c.row_hash = h.row_hash as identical,
      null::varchar[] as changed_columns
    from _cand c join ${hist} h on h.is_current and ${on}
    where ${clean}`);
  const existing = (await wh.one<{ identical: number; differing: number }>(
    `select count(*) filter (where identical) as identical, count(*) filter (where not identical) as differing
    from _existing`,
  ))!;
  if (existing.differing > 0 && (await changesRecorded(wh))) {
    // For the incremental models: the columns whose typed value differs from the current version's (a change
    // of text alone, 733 to 733.00, is a new version whose values did not change). Before the first build
    // nothing is recorded, and this second look at the current versions is spared.
    const differing = TABLES[table].columns
      .map(
        (col) =>
          `case when ${storedValue(col, `c.${ident(col.name)}`)} is distinct from h.${ident(col.name)} then ${lit(col.name)} end`,
      )
      .join(', ');
    await wh.run(`update _existing e set changed_columns = x.changed_columns from (
        select c.seq, list_filter([${differing}], x -> x is not null) as changed_columns
        from _cand c join ${hist} h on h.is_current and ${on}
        where c.seq in (select seq from _existing where not identical)) x
      where x.seq = e.seq`);
  }
  if (existing.identical > 0)
    await wh.run(`update _cand c set collapsed = true from _existing e where e.seq = c.seq and e.identical`);

  if (table === 'payments') await checkReversals(wh);
  if (table === 'messages') await checkReplies(wh);

  // Keys to settle after the insert: those with an earlier version, and those loaded twice in one batch
  // (a retry can load one key from two deliveries; in one file, a key's rows collapse onto the first or are
  // all quarantined as KEY_CONFLICT). Every other loaded row is its key's only version.
  const loadedTwice = `select ${keyList} from _cand c where ${clean} group by ${keyList} having count(*) > 1`;
  await wh.run(`create or replace temp table _settle as
    select distinct ${keyList} from _existing where not identical
    ${severalFiles ? `union ${loadedTwice}` : ''}`);
  const cols = columnNames(table).map(ident).join(', ');
  const typed = storedColumnsSql(table, 'c');
  const delivered = deliveredFieldsSql(table, 'c');
  // What changed for the incremental models: the new rows and the versions they replace, with the columns
  // in which the new version differs from the current one (null: the key had none).
  await recordChanges(
    wh,
    table,
    `select ${typed}, e.changed_columns from _cand c left join _existing e on e.seq = c.seq where ${clean}`,
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
      `insert into ${hist} select ${typed}, row_hash, delivery, file_id, line, true, ${delivered} from _cand c where ${clean}`,
    );
  } else {
    await wh.run(`insert into ${hist}
      select ${typed}, row_hash, delivery, file_id, line, (${keyList}) not in (select (${keyList}) from _settle),
        ${delivered}
      from _cand c where ${clean}`);
    await refreshCurrent(wh, table, '_settle');
  }
  await wh.run('drop table _existing; drop table _settle');
  const counts = (await wh.one<{ loaded: number; collapsed: number; quarantined: number }>(`select
      count(*) filter (where len(reasons) = 0 and not collapsed) as loaded,
      count(*) filter (where collapsed) as collapsed,
      count(*) filter (where len(reasons) > 0 and not collapsed) as quarantined
    from _cand`))!;
  // Most files have no row to quarantine; the statement is not run for them.
  if (counts.quarantined > 0)
    await wh.run(
      `insert into quarantine
      select file_id, delivery, $table, line, ${reasonCodesSql('reasons')}, ${reasonMessagesSql('reasons')},
        list_transform(reasons, x -> x.r) = ['UNKNOWN_CASE'], first_seen, last_retried, raw, [${cols}], row_hash
      from _cand where len(reasons) > 0 and not collapsed`,
      { table },
    );
  return counts;
}
