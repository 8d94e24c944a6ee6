import { DuckDBInstance } from '@duckdb/node-api';
const [file, sql] = process.argv.slice(2);
const inst = await DuckDBInstance.create(file!, { access_mode: 'READ_ONLY' });
const con = await inst.connect();
const r = await con.runAndReadAll(sql!);
console.table(r.getRowObjectsJson());
