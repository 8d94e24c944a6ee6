// Duplicates within one file (extracts.md): they need nothing but the file, so they are judged as it is read.
import { columnNames, keyColumns, type TableName } from './contract.ts';
import { ident, type Warehouse } from '../warehouse.ts';

/**
 * Exact duplicates collapse onto their first occurrence, then KEY_CONFLICT marks every row of a key that
 * still appears more than once (extracts.md). Only rows whose key repeats (or that have no usable key)
 * can be either, so the window runs on that small subset, not the whole file. `rows` is a file's staged
 * rows, with their line, raw text, field count, contract columns, reasons and collapsed flag.
 */
export async function markDuplicates(
  wh: Warehouse,
  rows: string,
  table: TableName,
  headerFields: number,
): Promise<void> {
  const key = keyColumns(table).map(ident).join(', ');
  const keyPresent = keyColumns(table)
    .map((k) => `${ident(k)} is not null`)
    .join(' and ');
  const content = [
    ...columnNames(table).map(ident),
    `case when nfields <> ${headerFields} then raw end`,
  ].join(', ');
  await wh.run(`create or replace temp table _dups as
    with repeated as (
      select ${key} from ${rows} where nfields = ${headerFields} and ${keyPresent} group by ${key} having count(*) > 1
    ),
    subset as (
      select * from ${rows} semi join repeated using (${key}) where nfields = ${headerFields}
      union all
      select * from ${rows} where nfields <> ${headerFields} or not (${keyPresent})
    ),
    dedup as (
      select line, ${key}, nfields, row_number() over (partition by ${content} order by line) > 1 as collapsed from subset
    )
    select line, collapsed,
      not collapsed and nfields = ${headerFields} and ${keyPresent}
        and count(*) filter (where not collapsed) over (partition by ${key}) > 1 as key_conflict
    from dedup`);
  await wh.run(`update ${rows} c set collapsed = d.collapsed,
      reasons = case when d.key_conflict
        then list_append(c.reasons, {'r': 'KEY_CONFLICT', 'm': 'the key appears more than once in the file with different content'})
        else c.reasons end
    from _dups d where d.line = c.line and (d.collapsed or d.key_conflict)`);
  await wh.run('drop table _dups');
}
