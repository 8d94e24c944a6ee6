// The model runner: every models/**/*.sql (but checks/ and macros/) is one SELECT materialized as a table, a
// view (staging, or as its header says) or an incremental table of the same name; build steps in TypeScript
// (Step) are given to it and ordered among the models. Dependencies are the tables each model reads, found by
// DuckDB's own parser (json_serialize_sql), so they are never declared by hand. Models run in dependency
// order inside one transaction: a failed build leaves the previous tables in place.
import { createHash } from 'node:crypto';
import { existsSync, readFileSync, readdirSync, statSync } from 'node:fs';
import { basename, join, relative } from 'node:path';
import { ident, lit, type Warehouse } from '../warehouse.ts';

export const MODELS_DIR = join(import.meta.dirname, '..', '..', 'models');

/**
 * An incremental model is stored like a table, but once built it is brought up to date by replacing only
 * the rows whose key a change recorded by ingest bears on. Its header names each extract table it reads and
 * how a changed row of it (every version ingest loaded, replaced or removed since the last build:
 * `changes_<table>`) picks the model's keys; the build derives the rest. Its SQL stays a plain full SELECT; a
 * change of that SQL rebuilds it whole.
 *   -- materialized: incremental
 *   -- unique_key: case_id, benefit_month
 *   -- changes: payments (case_id, benefit_month)
 *   -- changes: cases (case_id) when program, service_manager, members
 *   -- changes: stabilization_assessments (case_id, benefit_month >= strftime(assessed_on, '%Y-%m'))
 *   -- restrict: int_case_months
 * In the parentheses, each key column is equal to the same-named column of the changed row, or `= expr`, or
 * `>= expr` (every key from there on); a key column left out takes every value. `when` counts only the rows
 * whose version differs from the one it replaced in those columns (a new or removed row always counts).
 */
export interface Incremental {
  key: string[];
  changes: ChangeSource[];
  /** A source read with only the changed keys while recomputing (`-- restrict: <source>`), so that the
   *  recomputation reads the changed rows instead of all of them. The source must have the key columns. It
   *  may also be a table read through a view (a staging view's history table): a temporary view of the same
   *  name stands in front of it, and views bind their tables when they are read. A change that does not give
   *  every key column exactly picks the keys of this source (and of the model's own rows) it matches. */
  restrict?: string;
}

/** One `-- changes:` line of an incremental model. */
export interface ChangeSource {
  /** The extract table; its changed rows are in `changes_<table>`. */
  table: string;
  /** How a changed row picks the model's keys, one entry per key column it constrains. */
  keys: { column: string; op: '=' | '>='; expr: string }[];
  /** Columns whose change counts; empty: any change. */
  when: string[];
}

export interface Model {
  name: string;
  path: string;
  sql: string;
  /** `view` for staging models (a cheap filter and cast over history), `table` for the rest;
   *  a header line `-- materialized: view|table|incremental` overrides. */
  materialized: 'view' | 'table' | 'incremental' | 'step';
  incremental?: Incremental;
  /** For a step (not a SQL file): what writes its table. */
  step?: Step;
  /** Labels from a `-- tags: a, b` header line, by which a part of the pipeline picks its models (funding
   *  scenarios rerun those tagged `funding`). */
  tags: string[];
  /** Other models this one reads. */
  deps: string[];
  /** Tables read that are not models (hist_*, seeds, manifest). */
  sources: string[];
}

/**
 * A build step written in TypeScript, for what one SELECT cannot say (the funding allocation's iterative
 * mitigation). It writes the table of its name and nothing else; the runner orders it among the models by
 * the tables it reads, and leaves it out when a model it reads is missing from the folder.
 */
export interface Step {
  name: string;
  /** The tables it reads: models, or tables the build loads before them (seeds). */
  reads: string[];
  tags: string[];
  /** (Re)writes the table; may return a note for the build's log. */
  run: (wh: Warehouse) => Promise<string | void>;
}

export interface ModelTiming {
  name: string;
  /** Rows materialized; null for a view (counting it would run it). */
  rows: number | null;
  /** How it was brought up to date: created whole, or only its changed rows replaced. */
  mode: 'full' | 'incremental';
  seconds: number;
  /** A step's note. */
  detail?: string;
}

function sqlFiles(dir: string): string[] {
  const out: string[] = [];
  for (const entry of readdirSync(dir).sort()) {
    const p = join(dir, entry);
    if (statSync(p).isDirectory()) out.push(...sqlFiles(p));
    else if (entry.endsWith('.sql')) out.push(p);
  }
  return out;
}

/** The SQL of a model file without its trailing semicolon. */
export const modelSql = (text: string): string => text.trim().replace(/;\s*$/, '');

/** Table names a query reads, minus its own CTEs, from DuckDB's parse tree. */
export async function tablesRead(wh: Warehouse, sql: string, file: string): Promise<string[]> {
  const json = await wh.value<string>(`select json_serialize_sql(${lit(sql)})`);
  const tree = JSON.parse(json) as { error: boolean; error_message?: string; statements?: unknown[] };
  if (tree.error) throw new Error(`${file}: cannot parse: ${tree.error_message}`);
  if (tree.statements?.length !== 1) throw new Error(`${file}: a model must be exactly one SELECT statement`);
  const tables = new Set<string>();
  const ctes = new Set<string>();
  const walk = (node: unknown): void => {
    if (Array.isArray(node)) {
      node.forEach(walk);
      return;
    }
    if (node === null || typeof node !== 'object') return;
    const o = node as Record<string, unknown>;
    if (o.type === 'BASE_TABLE' && typeof o.table_name === 'string') tables.add(o.table_name);
    const cteMap = o.cte_map as { map?: { key: string }[] } | undefined;
    for (const c of cteMap?.map ?? []) ctes.add(c.key);
    Object.values(o).forEach(walk);
  };
  walk(tree.statements);
  return [...tables].filter((t) => !ctes.has(t)).sort();
}

/** Splits on the commas outside parentheses. */
const topLevelItems = (text: string): string[] => {
  const items: string[] = [];
  let depth = 0;
  let item = '';
  for (const ch of text) {
    if (ch === ',' && depth === 0) {
      items.push(item.trim());
      item = '';
      continue;
    }
    if (ch === '(') depth++;
    if (ch === ')') depth--;
    item += ch;
  }
  if (item.trim()) items.push(item.trim());
  return items;
};

/** Parses the text after `-- changes:`: `<table> (<key item>, …) [when <column>, …]`. */
export function changeSource(text: string, file: string): ChangeSource {
  const m = /^(\w+)\s*\((.*)\)\s*(?:when\s+(.+))?$/.exec(text.trim());
  if (!m) {
    throw new Error(
      `${file}: cannot read "-- changes: ${text.trim()}": write <table> (<key column>, …) [when <column>, …]`,
    );
  }
  const keys = topLevelItems(m[2]!).map((item) => {
    const k = /^(\w+)\s*(?:(>=|=)\s*(.+))?$/.exec(item);
    if (!k)
      throw new Error(
        `${file}: -- changes: ${m[1]}: cannot read "${item}": write <column>, <column> = <expr> or <column> >= <expr>`,
      );
    return { column: k[1]!, op: (k[2] ?? '=') as '=' | '>=', expr: k[3] ?? k[1]! };
  });
  const when = m[3] ? m[3].split(',').map((c) => c.trim()) : [];
  return { table: m[1]!, keys, when };
}

const tagsOf = (sql: string): string[] =>
  /^--\s*tags:\s*(.+)$/m
    .exec(sql)?.[1]
    ?.split(',')
    .map((t) => t.trim())
    .filter(Boolean) ?? [];

/** Whether a change source gives every key column with `=`, so its changed rows are keys as they stand. */
const exact = (c: ChangeSource, key: string[]): boolean =>
  key.every((k) => c.keys.some((s) => s.column === k && s.op === '='));

/**
 * Fails, naming the file and the header line, when a change source reads no `changes_<table>`, names a `when`
 * column that table lacks, or gives a key expression that does not bind. Found only at build time, a wrong
 * name would either fail an incremental build with a bare catalog error or, in a `when` list, match no
 * change and keep the model's rows stale without a word.
 */
async function checkChangeSource(wh: Warehouse, c: ChangeSource, file: string): Promise<void> {
  const line = `${file}: -- changes: ${c.table}`;
  const columns = (
    await wh.all<{ column_name: string }>(
      `select column_name from information_schema.columns where table_schema = 'main' and table_name = ${lit(`changes_${c.table}`)}`,
    )
  ).map((r) => r.column_name);
  if (columns.length === 0) {
    throw new Error(
      `${line}: there is no changes_${c.table}; name an extract table whose changes ingest records`,
    );
  }
  const unknown = c.when.filter((col) => !columns.includes(col));
  if (unknown.length > 0) {
    throw new Error(
      `${line}: when ${unknown.join(', ')}: not a column of ${c.table} (${columns.join(', ')})`,
    );
  }
  try {
    await wh.run(`select * from (${changedRowsSql(c)}) limit 0`);
  } catch (e) {
    throw new Error(`${line}: the key columns do not read: ${(e as Error).message.split('\n')[0]}`);
  }
}

/** (Re)creates the SQL macros of models/macros/. */
export async function loadMacros(wh: Warehouse, modelsDir: string = MODELS_DIR): Promise<void> {
  const macros = join(modelsDir, 'macros');
  if (!existsSync(macros)) return;
  for (const f of readdirSync(macros)
    .filter((f) => f.endsWith('.sql'))
    .sort()) {
    await wh.run(readFileSync(join(macros, f), 'utf8'));
  }
}

/** A model whose SQL is made by code (path: the module that makes it), like measure_rows from the registry. */
export interface GeneratedModel {
  name: string;
  path: string;
  sql: string;
}

/**
 * Loads the models under `dir`, with the `steps` whose models are there, and orders them so each runs after
 * the models and steps it reads. A generated model joins them when one of the models reads it.
 */
export async function loadModels(
  wh: Warehouse,
  dir: string = MODELS_DIR,
  steps: Step[] = [],
  generated: readonly GeneratedModel[] = [],
): Promise<Model[]> {
  const files = sqlFiles(dir).filter((p) => !/^(checks|macros)\//.test(relative(dir, p)));
  const fileModels = files.map((path) => ({
    name: basename(path, '.sql'),
    path,
    sql: modelSql(readFileSync(path, 'utf8')),
  }));
  const tables = new Map<string, string[]>();
  for (const m of fileModels)
    tables.set(m.name, await tablesRead(wh, m.sql, relative(process.cwd(), m.path)));
  const readByFiles = new Set([...tables.values()].flat());
  const sources = [...fileModels, ...generated.filter((g) => readByFiles.has(g.name))];
  const modelNames = new Set(sources.map((m) => m.name));
  const present = [];
  for (const step of steps) {
    const missing = [];
    for (const t of step.reads) if (!modelNames.has(t) && !(await wh.tableExists(t))) missing.push(t);
    if (missing.length === 0) present.push(step);
  }
  const names = new Set([...modelNames, ...present.map((s) => s.name)]);
  const models: Model[] = [];
  for (const { name, path, sql } of sources) {
    const read = tables.get(name) ?? (await tablesRead(wh, sql, path));
    const header = /^--\s*materialized:\s*(.*)$/m.exec(sql)?.[1]?.trim();
    const declared = /^(view|table|incremental)\b/.exec(header ?? '')?.[1] as
      Model['materialized'] | undefined;
    if (header !== undefined && !declared) {
      throw new Error(
        `${relative(process.cwd(), path)}: cannot read "-- materialized: ${header}": write view, table or incremental`,
      );
    }
    const materialized = declared ?? (relative(dir, path).startsWith('staging') ? 'view' : 'table');
    const deps = read.filter((t) => names.has(t) && t !== name);
    let incremental: Incremental | undefined;
    if (materialized === 'incremental') {
      const where = relative(process.cwd(), path);
      const key = /^--\s*unique_key:\s*(.+)$/m
        .exec(sql)?.[1]
        ?.split(',')
        .map((k) => k.trim());
      const changes = [...sql.matchAll(/^--\s*changes:\s*(.*)$/gm)].map((c) => changeSource(c[1]!, where));
      if (!key?.length || changes.length === 0) {
        throw new Error(
          `${where}: an incremental model needs -- unique_key: and at least one -- changes: line`,
        );
      }
      const restrict = /^--\s*restrict:\s*(\w+)/m.exec(sql)?.[1];
      for (const c of changes) {
        const unknown = c.keys.find((k) => !key.includes(k.column));
        if (unknown)
          throw new Error(`${where}: -- changes: ${c.table}: ${unknown.column} is not in unique_key`);
        if (!exact(c, key) && !restrict) {
          throw new Error(
            `${where}: -- changes: ${c.table} does not give every unique_key column with =, so the model needs -- restrict: <source> to find its keys`,
          );
        }
      }
      for (const c of changes) await checkChangeSource(wh, c, where);
      incremental = { key, changes, ...(restrict ? { restrict } : {}) };
    }
    models.push({
      name,
      path,
      sql,
      materialized,
      incremental,
      deps,
      sources: read.filter((t) => !names.has(t)),
      tags: tagsOf(sql),
    });
  }
  for (const step of present) {
    models.push({
      name: step.name,
      path: `${step.name} (step)`,
      sql: '',
      materialized: 'step',
      step,
      deps: step.reads.filter((t) => names.has(t)),
      sources: step.reads.filter((t) => !names.has(t)),
      tags: step.tags,
    });
  }
  return topoSort(models);
}

/** Kahn's algorithm, alphabetical among the ready ones so the order is stable. */
export function topoSort(models: Model[]): Model[] {
  const byName = new Map(models.map((m) => [m.name, m]));
  const done = new Set<string>();
  const ordered: Model[] = [];
  while (ordered.length < models.length) {
    const ready = models.filter(
      (m) => !done.has(m.name) && m.deps.every((d) => done.has(d) || !byName.has(d)),
    );
    if (ready.length === 0) {
      const stuck = models.filter((m) => !done.has(m.name)).map((m) => m.name);
      throw new Error(`models depend on each other in a cycle: ${stuck.join(', ')}`);
    }
    for (const m of ready.sort((a, b) => a.name.localeCompare(b.name))) {
      ordered.push(m);
      done.add(m.name);
    }
  }
  return ordered;
}

/**
 * The changed rows of `changes_<table>` that count for a change source (every row, or those whose version
 * differs in a `when` column from the one it replaced), one row per distinct key part they give: a column per
 * key column named, holding its value (`=`) or lower bound (`>=`).
 */
export function changedRowsSql(c: ChangeSource): string {
  const counted = c.when.length
    ? ` where changed_columns is null or list_has_any(changed_columns, [${c.when.map(lit).join(', ')}])`
    : '';
  return `select distinct ${c.keys.map((k) => `${k.expr} as ${k.column}`).join(', ')} from changes_${c.table}${counted}`;
}

/** The model keys a change source bears on: its changed rows as they stand when they give the whole key,
 *  else the keys of the restricted source and of the model's own rows that they match. */
function changedKeysSql(m: Model, inc: Incremental, c: ChangeSource, catalog: string): string {
  const key = inc.key.join(', ');
  if (exact(c, inc.key)) return `select ${key} from (${changedRowsSql(c)})`;
  const match = (t: string): string =>
    `select ${inc.key.map((k) => `${t}.${k}`).join(', ')} from ${t === 'r' ? `${ident(catalog)}.main.${inc.restrict!}` : m.name} ${t}
      join (${changedRowsSql(c)}) c on ${c.keys.map((k) => `${t}.${k.column} ${k.op} c.${k.column}`).join(' and ')}`;
  return `${match('r')}\n    union\n    ${match('t')}`;
}

/**
 * The keys an incremental model recomputes, read once into `_changed_keys` from every change source it names
 * (the restricted source is read while they are, before the view that restricts it stands in front).
 * Replacing rows pays while they are a small part of the table: past `maxShare` of it (a quarter by default),
 * rebuilding whole is faster, and false is returned.
 */
async function readChangedKeys(
  wh: Warehouse,
  m: Model,
  inc: Incremental,
  maxShare: number,
): Promise<boolean> {
  const catalog = await wh.value<string>('select current_database()');
  await wh.run(
    `create or replace temp table _changed_keys as\n    ${inc.changes.map((c) => changedKeysSql(m, inc, c, catalog)).join('\n    union\n    ')}`,
  );
  const changes = await wh.value<number>(`select count(*) from _changed_keys`);
  const rows = await wh.value<number>(`select count(*) from ${m.name}`);
  if (changes <= rows * maxShare) return true;
  await wh.run('drop table _changed_keys');
  return false;
}

/** Replaces the rows of an incremental model whose key is in `_changed_keys` (readChangedKeys). */
async function updateIncremental(wh: Warehouse, m: Model, inc: Incremental): Promise<void> {
  const key = inc.key.join(', ');
  await wh.run(
    `delete from ${m.name} t using _changed_keys c where ${inc.key.map((k) => `t.${k} = c.${k}`).join(' and ')}`,
  );
  if (inc.restrict) {
    // A temporary view of the same name stands in front of the source (DuckDB looks in temp first),
    // holding only the changed keys; the model's own SQL then reads just those rows.
    const catalog = await wh.value<string>('select current_database()');
    await wh.run(
      `create or replace temp view ${inc.restrict} as select * from ${ident(catalog)}.main.${inc.restrict} semi join _changed_keys using (${key})`,
    );
  }
  // No `finally`: after a failed statement the build's transaction is aborted, and any cleanup statement
  // would fail too, hiding the real error behind "Current transaction is aborted". The rollback that
  // follows a failure removes these temporary objects anyway.
  await wh.run(`insert into ${m.name} select * from (${m.sql}) semi join _changed_keys using (${key})`);
  if (inc.restrict) await wh.run(`drop view if exists temp.main.${inc.restrict}`);
  await wh.run('drop table if exists _changed_keys');
}

/**
 * Brings each model up to date in order (a view, a table, an incremental table's changed rows, or a step's
 * table) and reports its rows and time.
 */
export async function runModels(
  wh: Warehouse,
  models: Model[],
  onModel: (t: ModelTiming) => void = () => undefined,
  maxChangeShare = 0.25,
): Promise<ModelTiming[]> {
  const timings: ModelTiming[] = [];
  for (const m of models) {
    const start = performance.now();
    let mode: ModelTiming['mode'] = 'full';
    if (m.step) {
      // Named like a failed model: the step's own error may be a bare DuckDB one from a query it runs.
      const detail = await m.step.run(wh).catch((e: unknown) => {
        throw new Error(`step ${m.name} failed: ${(e as Error).message.split('\n')[0]}`);
      });
      const rows = await wh.value<number>(`select count(*) from ${m.name}`);
      const t = {
        name: m.name,
        rows,
        mode,
        seconds: (performance.now() - start) / 1000,
        ...(detail ? { detail } : {}),
      };
      timings.push(t);
      onModel(t);
      continue;
    }
    try {
      // A model may change from table to view or back: drop whichever exists first.
      const existing = await wh.value<string | undefined>(
        `select table_type from information_schema.tables where table_schema = 'main' and table_name = ${lit(m.name)}`,
      );
      const hash = createHash('sha256').update(m.sql).digest('hex');
      const built = (
        await wh.db
          .selectFrom('model_state')
          .where('model', '=', m.name)
          .select('sql_sha256')
          .executeTakeFirst()
      )?.sql_sha256;
      if (
        m.incremental &&
        existing === 'BASE TABLE' &&
        built === hash &&
        (await readChangedKeys(wh, m, m.incremental, maxChangeShare))
      ) {
        await updateIncremental(wh, m, m.incremental);
        mode = 'incremental';
      } else {
        if (existing) await wh.run(`drop ${existing === 'VIEW' ? 'view' : 'table'} ${m.name}`);
        await wh.run(`create ${m.materialized === 'view' ? 'view' : 'table'} ${m.name} as ${m.sql}`);
      }
      await wh.run(
        `insert or replace into model_state values (${lit(m.name)}, ${lit(hash)}, now()::timestamp)`,
      );
    } catch (e) {
      throw new Error(
        `model ${m.name} (${relative(process.cwd(), m.path)}) failed: ${(e as Error).message.split('\n')[0]}`,
      );
    }
    const rows = m.materialized !== 'view' ? await wh.value<number>(`select count(*) from ${m.name}`) : null;
    const t = { name: m.name, rows, mode, seconds: (performance.now() - start) / 1000 };
    timings.push(t);
    onModel(t);
  }
  return timings;
}
