// One benchmark phase in its own process, so its peak memory is its own: runs an sa-outcomes command
// (or a floor) and prints `BENCH {"seconds", "maxRssMb", …}` as its last line.
import { DuckDBInstance } from '@duckdb/node-api';
import { readdirSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';
import { main } from '../pipelines/cli.ts';
import { TABLES, type Column, type TableName } from '../pipelines/extracts/contract.ts';
import { fileOfEachTable, tableFileOf } from '../pipelines/extracts/deliveries.ts';
import { rowReasonsSql } from '../pipelines/extracts/validate.ts';
import { serviceManagers } from '../pipelines/reference.ts';
import { storageType, typedValue } from './typed-storage.ts';
import { Warehouse, ident, lit } from '../pipelines/warehouse.ts';

const [mode, ...args] = process.argv.slice(2);
const start = performance.now();
let extra: Record<string, unknown> = {};

if (mode === 'floor') {
  // The floor: the time DuckDB takes merely to read every extract file (count(*) over read_csv).
  const extracts = args[0]!;
  const db = await DuckDBInstance.create(':memory:');
  const conn = await db.connect();
  let rows = 0;
  let files = 0;
  for (const month of readdirSync(extracts).sort()) {
    for (const f of readdirSync(join(extracts, month)).sort()) {
      const path = join(extracts, month, f);
      const reader = await conn.runAndReadAll(`select count(*)::bigint as n from read_csv('${path}')`);
      rows += Number(reader.getRowObjectsJS()[0]!.n);
      files++;
    }
  }
  extra = { rows, files };
} else if (mode === 'typed-table' || mode === 'typed-parquet') {
  // The storage floors: every row read once and typed (typed-storage.ts), with the warehouse's
  // settings and no validation, versioning or bookkeeping. `typed-table`: one INSERT per extract table over
  // all its files into a DuckDB database on disk. `typed-parquet`: one ZSTD Parquet file per delivery and
  // table. What merely storing the rows typed costs, each way.
  const [extracts, target] = args as [string, string];
  const wh = await Warehouse.open(mode === 'typed-table' ? target : ':memory:');
  const byTable = filesByTable(extracts);
  const typedSelect = async (table: TableName, paths: string[]): Promise<string> =>
    selectColumns(wh, table, paths, (c, present) => (present ? typedValue(c) : `null::${storageType(c)}`));
  let files = 0;
  for (const [table, paths] of byTable) {
    files += paths.length;
    if (mode === 'typed-table') {
      await wh.run(`create table ${table} as ${await typedSelect(table, paths)}`);
    } else {
      for (const path of paths) {
        const file = join(target, `${basename(dirname(path))}-${table}.parquet`);
        await wh.run(
          `copy (${await typedSelect(table, [path])}) to ${lit(file)} (format parquet, compression zstd)`,
        );
      }
    }
  }
  if (mode === 'typed-table') await wh.run('checkpoint');
  const settings = await wh.one(
    `select current_setting('threads') as threads, current_setting('memory_limit') as memory_limit,
       current_setting('preserve_insertion_order') as preserve_insertion_order`,
  );
  await wh.close();
  extra = { files, settings };
} else if (mode === 'checking') {
  // The checking floor: every row read (one statement per table over all its files, as the typed-table
  // floor) and judged by the contract's row checks (validate.ts: types, formats, codes, rules), nothing
  // stored. What the checks extracts.md asks of every row cost on top of reading, as a lower bound: ingest
  // also keeps each row's line and text for the quarantine, and stores the rows.
  const extracts = args[0]!;
  const wh = await Warehouse.open(':memory:');
  const smCodes = serviceManagers().map((s) => s.code);
  let files = 0;
  let clean = 0;
  for (const [table, paths] of filesByTable(extracts)) {
    files += paths.length;
    const fields = TABLES[table].columns.length;
    const rows = await selectColumns(wh, table, paths, (c, present) =>
      present ? ident(c.name) : 'null::varchar',
    );
    clean += await wh.value<number>(`select count(*) filter (where len(reasons) = 0)::bigint from (
      select ${rowReasonsSql(table, fields, smCodes)} as reasons
      from (select ${fields} as nfields, true as quoting_ok, null::varchar as read_problem, * from (${rows})))`);
  }
  await wh.close();
  extra = { files, cleanRows: clean };
} else {
  const code = await main([...args, '--json']);
  if (code !== 0) process.exit(code);
}

/**
 * The CSV files of each extract table, in delivery order, as ingest picks them (deliveries.ts: tableFileOf,
 * fileOfEachTable). The floors read CSV, as the demo writes.
 */
function filesByTable(extracts: string): Map<TableName, string[]> {
  const byTable = new Map<TableName, string[]>();
  for (const month of readdirSync(extracts).sort()) {
    const files = readdirSync(join(extracts, month))
      .sort()
      .map((file) => ({ file, ...(tableFileOf(file) ?? { table: null, format: null }) }));
    for (const [table, f] of fileOfEachTable(files)) {
      if (f.format !== 'csv') continue;
      byTable.set(table, [...(byTable.get(table) ?? []), join(extracts, month, f.file)]);
    }
  }
  return byTable;
}

/** A SELECT of a table's contract columns over all `paths` (DuckDB's CSV reader, every field as text). */
async function selectColumns(
  wh: Warehouse,
  table: TableName,
  paths: string[],
  column: (c: Column, present: boolean) => string,
): Promise<string> {
  const source = `read_csv([${paths.map(lit).join(', ')}], header = true, all_varchar = true, union_by_name = true)`;
  const present = new Set(
    (await wh.all<{ column_name: string }>(`describe select * from ${source}`)).map((r) => r.column_name),
  );
  const columns = TABLES[table].columns.map((c) => `${column(c, present.has(c.name))} as ${ident(c.name)}`);
  return `select ${columns.join(', ')} from ${source}`;
}

const seconds = (performance.now() - start) / 1000;
const maxRssMb = process.resourceUsage().maxRSS / 1024;
process.stdout.write(`\nBENCH ${JSON.stringify({ seconds, maxRssMb, ...extra })}\n`);
