// The history of an extract table (hist_<table>, every delivered version): which version of each key is in
// force, and what changed, for the incremental models.
import { columnNames, keyColumns, type TableName } from './contract.ts';
import { changesTable, histTable } from '../warehouse-schema.ts';
import { ident, type Warehouse } from '../warehouse.ts';

/**
 * Notes for the incremental models the versions a load, restatement or change of current version touched
 * (the rows of `rowsSql`: every version involved, old and new, with their `changed_columns`), the same way
 * for every table: each incremental model says in its header which tables and columns it reads (runner.ts).
 */
export async function recordChanges(wh: Warehouse, table: TableName, rowsSql: string): Promise<void> {
  if (!(await changesRecorded(wh))) return;
  const cols = columnNames(table).map(ident).join(', ');
  await wh.run(`insert into ${changesTable(table)} select ${cols}, changed_columns from (${rowsSql})`);
}

/** Whether ingest records changes: before the first build there is nothing to update incrementally. */
export async function changesRecorded(wh: Warehouse): Promise<boolean> {
  return (await wh.db.selectFrom('model_state').select('model').limit(1).executeTakeFirst()) !== undefined;
}

/**
 * Recomputes `is_current` (the version from the latest delivery) for the keys listed in `keysTable`.
 * The staging models read the current versions; ingestion compares new rows with them.
 */
export async function refreshCurrent(wh: Warehouse, table: TableName, keysTable: string): Promise<void> {
  const hist = histTable(table);
  const key = keyColumns(table).map(ident).join(', ');
  const on = keyColumns(table)
    .map((k) => `h.${ident(k)} = l.${ident(k)}`)
    .join(' and ');
  await wh.run(`update ${hist} h set is_current = (h.delivery = l.latest)
    from (select ${key}, max(delivery) as latest from ${hist} semi join ${keysTable} using (${key}) group by ${key}) l
    where ${on} and h.is_current is distinct from (h.delivery = l.latest)`);
}
