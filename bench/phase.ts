// One benchmark phase in its own process, so its peak memory is its own: runs an sa-outcomes command
// (or the floor) and prints `BENCH {"seconds", "maxRssMb", …}` as its last line.
import { DuckDBInstance } from '@duckdb/node-api';
import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { main } from '../pipelines/cli.ts';

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
} else if (mode === 'persist') {
  // The persistence floor: DuckDB reading every file as text into one table per extract table on disk, with
  // no validation, versioning or bookkeeping: what merely storing the rows costs.
  const [extracts, dbPath] = args as [string, string];
  const db = await DuckDBInstance.create(dbPath);
  const conn = await db.connect();
  let files = 0;
  for (const month of readdirSync(extracts).sort()) {
    for (const f of readdirSync(join(extracts, month)).sort()) {
      const table = f.replace(/\..*$/, '');
      const source = `read_csv('${join(extracts, month, f)}', all_varchar = true)`;
      await conn.run(`create table if not exists ${table} as select * from ${source} limit 0`);
      await conn.run(`insert into ${table} select * from ${source}`);
      files++;
    }
  }
  await conn.run('checkpoint');
  extra = { files };
} else {
  const code = await main([...args, '--json']);
  if (code !== 0) process.exit(code);
}
const seconds = (performance.now() - start) / 1000;
const maxRssMb = process.resourceUsage().maxRSS / 1024;
process.stdout.write(`\nBENCH ${JSON.stringify({ seconds, maxRssMb, ...extra })}\n`);
