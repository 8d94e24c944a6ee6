// Runs one model alone, in the manner of DuckDB's sqllogictest: given rows for the tables it reads, inline,
// and its rows back to compare with expected rows, inline.
//
//   const rows = await runModel('int_case_months', {
//     int_case_month_nets: table`
//       case_id | benefit_month | basic_needs | shelter
//       C1      | 2024-01       | 500.00      | null`,
//   });
//   expect(rows).toEqual(table`
//     case_id | benefit_month | program | service_manager | members
//     C1      | 2024-01       | null    | null            | null`);
//
// The model is the real file of models/, loaded, parsed and run by the runner (pipelines/models/runner.ts)
// with the real macros. Each given table is created with the columns and types of the real table of that
// name (the upstream model, or the warehouse's own table), so casts, decimal sums and date arithmetic behave
// as in production; a column the rows leave out is null. Values are written as DuckDB prints them (`null` is
// NULL) and rows come back the same way, as text, ordered by every column. Compare a subset of the columns
// with `toMatchObject`.
import { afterAll } from 'vitest';
import { loadMacros } from '../../pipelines/models/build.ts';
import { loadModels, runModels, tablesRead, type Model } from '../../pipelines/models/runner.ts';
import { loadSeeds } from '../../pipelines/models/seeds.ts';
import { measureRowsModel } from '../../pipelines/measures/measure-rows.ts';
import { MEASURES } from '../../pipelines/measures/registry.ts';
import { ident, lit, type Warehouse } from '../../pipelines/warehouse.ts';
import { memoryWarehouse } from '../helpers.ts';

/** Rows as text, one object per row; null is SQL NULL. */
export type Rows = Record<string, string | null>[];

/**
 * Rows written as a table: a header line of column names, then one line per row, cells separated by `|`.
 * A cell `null` is NULL. Indentation and blank lines are ignored.
 */
export function table(strings: TemplateStringsArray, ...values: unknown[]): Rows {
  const text = strings.reduce((out, s, i) => out + s + (i < values.length ? String(values[i]) : ''), '');
  const [header, ...lines] = text
    .split('\n')
    .map((l) => l.trim())
    .filter((l) => l !== '');
  if (header === undefined) throw new Error('a table needs a header line of column names');
  const columns = header.split('|').map((c) => c.trim());
  return lines.map((line) => {
    const cells = line.split('|').map((c) => c.trim());
    if (cells.length !== columns.length) {
      throw new Error(`table row "${line}" has ${cells.length} cells for ${columns.length} columns`);
    }
    return Object.fromEntries(columns.map((c, i) => [c, cells[i] === 'null' ? null : cells[i]!]));
  });
}

interface Project {
  wh: Warehouse;
  models: Map<string, Model>;
}

let project: Promise<Project> | undefined;
afterAll(async () => {
  if (project) await (await project).wh.close();
  project = undefined;
});

/**
 * One warehouse per test file with the schema, seeds, macros and every model loaded, as a build has them
 * before it runs the models. Opened once per file: each run happens in a transaction that is rolled back.
 */
function openProject(): Promise<Project> {
  project ??= (async () => {
    const wh = await memoryWarehouse();
    await loadSeeds(wh);
    await loadMacros(wh);
    const models = new Map(
      (await loadModels(wh, undefined, [], [measureRowsModel(MEASURES)])).map((m) => [m.name, m]),
    );
    return { wh, models };
  })();
  return project;
}

/** Creates the models `name` reads, and then itself, as views (no rows), so their columns can be read. */
async function createAsView({ wh, models }: Project, name: string): Promise<void> {
  const model = models.get(name);
  if (!model || (await wh.tableExists(name))) return;
  for (const dep of model.deps) await createAsView({ wh, models }, dep);
  await wh.run(`create view ${ident(name)} as ${model.sql}`);
}

/** The columns and types of the real table `name`: an upstream model, or one of the warehouse's own. */
async function columnsOf(p: Project, name: string): Promise<{ name: string; type: string }[]> {
  await createAsView(p, name);
  const described = await p.wh.all<{ column_name: string; column_type: string }>(`describe ${ident(name)}`);
  return described.map((c) => ({ name: c.column_name, type: c.column_type }));
}

/** Replaces the table `name` with one of the same columns and types holding `rows`. */
async function createGiven(p: Project, name: string, rows: Rows): Promise<void> {
  const columns = await columnsOf(p, name);
  const known = new Set(columns.map((c) => c.name));
  for (const c of Object.keys(rows[0] ?? {})) {
    if (!known.has(c)) {
      throw new Error(
        `given ${name} has a column ${c} that ${name} does not have (it has ${[...known].join(', ')})`,
      );
    }
  }
  const type = await p.wh.value<string>(
    `select table_type from information_schema.tables where table_schema = 'main' and table_name = ${lit(name)}`,
  );
  await p.wh.run(`drop ${type === 'VIEW' ? 'view' : 'table'} ${ident(name)}`);
  await p.wh.run(
    `create table ${ident(name)} (${columns.map((c) => `${ident(c.name)} ${c.type}`).join(', ')})`,
  );
  for (const row of rows) {
    const given = columns.filter((c) => c.name in row);
    const values = given.map((c) => {
      const v = row[c.name];
      return v === null || v === undefined ? 'null' : `cast(${lit(v)} as ${c.type})`;
    });
    try {
      await p.wh.run(
        `insert into ${ident(name)} (${given.map((c) => ident(c.name)).join(', ')}) values (${values.join(', ')})`,
      );
    } catch (e) {
      throw new Error(`given ${name} row ${JSON.stringify(row)}: ${(e as Error).message.split('\n')[0]}`);
    }
  }
}

/**
 * Runs the model `name` alone on the given tables and returns its rows as text, ordered by every column.
 * Every table the model reads must be given (an empty one as `[]`), and nothing else.
 */
export async function runModel(name: string, given: Record<string, Rows>): Promise<Rows> {
  const p = await openProject();
  const model = p.models.get(name);
  if (!model) throw new Error(`there is no model ${name} in models/`);
  // What its SQL reads, parsed as the runner does (an incremental model's changes model is not among them).
  const reads = await tablesRead(p.wh, model.sql, model.path);
  const missing = reads.filter((t) => !(t in given));
  if (missing.length)
    throw new Error(`${name} reads ${missing.join(', ')}: give rows for each ([] for none)`);
  const unread = Object.keys(given).filter((t) => !reads.includes(t));
  if (unread.length)
    throw new Error(`${name} does not read ${unread.join(', ')} (it reads ${reads.join(', ')})`);

  // Upstream views and column types first, outside the transaction, so they are made once per file.
  for (const t of reads) await columnsOf(p, t);
  // The given tables and the model's table last only until the rollback: the next run starts afresh.
  await p.wh.run('begin transaction');
  try {
    for (const t of reads) await createGiven(p, t, given[t]!);
    await runModels(p.wh, [model]);
    const columns = (await columnsOf(p, name)).map((c) => ident(c.name));
    return await p.wh.all<Rows[number]>(
      `select ${columns.map((c) => `${c}::varchar as ${c}`).join(', ')}
       from ${ident(name)} as model order by ${columns.map((c) => `model.${c}`).join(', ')}`,
    );
  } finally {
    await p.wh.run('rollback');
  }
}
