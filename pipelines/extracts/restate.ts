// Restatement (extracts.md): a changed file for a delivery already loaded replaces that delivery's rows of
// its table. The keys they held get their current version back from the other deliveries.
import { keyColumns, type TableName } from './contract.ts';
import { recordChanges, refreshCurrent } from './history.ts';
import { histTable } from '../warehouse-schema.ts';
import { ident, type Warehouse } from '../warehouse.ts';

/** Removes what one file version loaded (its history rows and its quarantined rows). */
export async function removeFileVersion(wh: Warehouse, table: TableName, fileId: number): Promise<void> {
  const hist = histTable(table);
  const key = keyColumns(table).map(ident).join(', ');
  await wh.run(
    `create or replace temp table _restated_keys as select distinct ${key} from ${hist} where file_id = ${fileId}`,
  );
  await recordChanges(
    wh,
    table,
    `select *, null as changed_columns from ${hist} semi join _restated_keys using (${key})`,
  );
  await wh.run(`delete from ${hist} where file_id = ${fileId}`);
  await refreshCurrent(wh, table, '_restated_keys');
  // A restated cases file may drop a case: its rows elsewhere are judged once the delivery is in
  // (unknown-cases.ts, holdRowsOfDroppedCases).
  if (table === 'cases')
    await wh.run(`create temp table if not exists _restated_cases (case_id varchar);
      insert into _restated_cases select case_id from _restated_keys`);
  await wh.run(`drop table _restated_keys`);
  await wh.run(`delete from quarantine where file_id = ${fileId}`);
}
