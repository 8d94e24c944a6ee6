// Reads one extract file into `_cand_<table>` with everything judged that needs nothing but the file: each
// row alone (validate.ts) and against the rest of its file (duplicates.ts). It runs before the delivery's
// transaction: a read error inside it would abort the transaction. Everything that needs the warehouse is
// judged when the rows load (load.ts).
import { TABLES, columnNames, type TableName } from './contract.ts';
import type { DeliveryFile } from './deliveries.ts';
import { markDuplicates } from './duplicates.ts';
import { FileRejection, stageCsv, stageParquet, type Project, type StagedFile } from './read.ts';
import { rowHashSql } from './typed-columns.ts';
import { rowReasonsSql } from './validate.ts';
import { ident, type Warehouse } from '../warehouse.ts';

export interface Staged extends StagedFile {
  fileId: number;
  /** The temporary table holding the file's rows: file_id, delivery, line, seq, raw, nfields, first_seen,
   * last_retried, the contract columns (text), row_hash, reasons and collapsed. */
  table: string;
}

export async function readFile(
  wh: Warehouse,
  f: DeliveryFile,
  table: TableName,
  fileId: number,
  serviceManagers: readonly string[],
): Promise<Staged | FileRejection> {
  const cols = columnNames(table).map(ident).join(', ');
  const project: Project = {
    sql: (staged, headerFields) => `
      select ${fileId} as file_id, $delivery as delivery, line, line as seq, raw, nfields,
        now()::timestamp as first_seen, null::timestamp as last_retried,
        ${cols}, ${rowHashSql(table, ident)} as row_hash,
        ${rowReasonsSql(table, headerFields, serviceManagers)} as reasons,
        false as collapsed
      from ${staged}`,
    params: { delivery: f.delivery },
  };
  const target = `_cand_${table}`;
  try {
    const stage = f.format === 'parquet' ? stageParquet : stageCsv;
    const staged = await stage(wh, f.path, TABLES[table], target, project);
    await markDuplicates(wh, target, table, staged.headerFields);
    return { ...staged, fileId, table: target };
  } catch (e) {
    if (e instanceof FileRejection) return e;
    throw e;
  }
}
