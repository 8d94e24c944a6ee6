import { DuckDBInstance } from '@duckdb/node-api';
const [file, ...sqls] = process.argv.slice(2);
const inst = await DuckDBInstance.create(file!, { access_mode: 'READ_ONLY' });
const con = await inst.connect();
for (const sql of sqls) {
  const t = performance.now();
  const r = await con.runAndReadAll(sql!);
  const rows = r.getRowObjectsJson();
  if (rows.length < 40) console.table(rows);
  console.log(`${((performance.now() - t) / 1000).toFixed(2)} s`);
}
