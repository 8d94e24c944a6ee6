// The model runner: every models/**/*.sql (but checks/ and macros/) is one SELECT materialized as a table (or,
// for staging, a view) of the same name. Dependencies are the tables each model reads, found by DuckDB's own parser (json_serialize_sql),
// so they are never declared by hand. Models run in dependency order inside one transaction: a failed
// build leaves the previous tables in place.
import { createHash } from 'node:crypto';
import { readFileSync, readdirSync, statSync } from 'node:fs';
import { basename, join, relative } from 'node:path';
import { ident, lit, type Warehouse } from '../warehouse.ts';

export const MODELS_DIR = join(import.meta.dirname, '..', '..', 'models');

/**
 * An incremental model is stored like a table, but once built it is brought up to date by replacing only
 * the rows whose `key` appears in its `changes` model (a model listing the keys whose inputs changed since
 * the last build). Its SQL stays a plain full SELECT; a change of that SQL rebuilds it whole.
 *   -- materialized: incremental
 *   -- unique_key: case_id, benefit_month
 *   -- changes: chg_case_months
 */
export interface Incremental {
  key: string[];
  changes: string;
  /** A source read with only the changed keys while recomputing (`-- restrict: <source>`), so that the
   *  recomputation reads the changed rows instead of all of them. The source must have the key columns. It
   *  may also be a table read through a view (a staging view's history table): a temporary view of the same
   *  name stands in front of it, and views bind their tables when they are read. */
  restrict?: string;
}

export interface Model {
  name: string;
  path: string;
  sql: string;
  /** `view` for staging models (a cheap filter and cast over history), `table` for the rest;
   *  a header line `-- materialized: view|table|incremental` overrides. */
  materialized: 'view' | 'table' | 'incremental';
  incremental?: Incremental;
  /** Other models this one reads. */
  deps: string[];
  /** Tables read that are not models (hist_*, seeds, manifest). */
  sources: string[];
}

export interface ModelTiming {
  name: string;
  /** Rows materialized; null for a view (counting it would run it). */
  rows: number | null;
  /** How it was brought up to date: created whole, or only its changed rows replaced. */
  mode: 'full' | 'incremental';
  seconds: number;
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

/** A model whose SQL is made by code (path: the module that makes it), like measure_rows from the registry. */
export interface GeneratedModel {
  name: string;
  path: string;
  sql: string;
}

/**
 * Loads the models under `dir` and orders them so each runs after the models it reads. A generated model
 * joins them when one of them reads it.
 */
export async function loadModels(
  wh: Warehouse,
  dir: string = MODELS_DIR,
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
  const names = new Set(sources.map((m) => m.name));
  const models: Model[] = [];
  for (const { name, path, sql } of sources) {
    const read = tables.get(name) ?? (await tablesRead(wh, sql, path));
    const declared = /^--\s*materialized:\s*(view|table|incremental)\b/m.exec(sql)?.[1] as
      Model['materialized'] | undefined;
    const materialized = declared ?? (relative(dir, path).startsWith('staging') ? 'view' : 'table');
    const deps = read.filter((t) => names.has(t) && t !== name);
    let incremental: Incremental | undefined;
    if (materialized === 'incremental') {
      const key = /^--\s*unique_key:\s*(.+)$/m
        .exec(sql)?.[1]
        ?.split(',')
        .map((k) => k.trim());
      const changes = /^--\s*changes:\s*(\w+)/m.exec(sql)?.[1];
      if (!key?.length || !changes || !names.has(changes)) {
        throw new Error(
          `${relative(process.cwd(), path)}: an incremental model needs -- unique_key: and -- changes: <model>`,
        );
      }
      const restrict = /^--\s*restrict:\s*(\w+)/m.exec(sql)?.[1];
      incremental = { key, changes, ...(restrict ? { restrict } : {}) };
      deps.push(changes);
    }
    models.push({
      name,
      path,
      sql,
      materialized,
      incremental,
      deps,
      sources: read.filter((t) => !names.has(t)),
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
 * The keys an incremental model's changes model lists, read once into `_changed_keys` (the changes model may
 * read the very source restricted below, and scans a large table). Replacing rows pays while they are a
 * small part of the table: past `maxShare` of it (a quarter by default), rebuilding whole is faster, and
 * false is returned.
 */
async function readChangedKeys(
  wh: Warehouse,
  m: Model,
  inc: Incremental,
  maxShare: number,
): Promise<boolean> {
  await wh.run(
    `create or replace temp table _changed_keys as select distinct ${inc.key.join(', ')} from ${inc.changes}`,
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

/** Materializes each model as a table, in order, and reports its rows and time. */
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
    try {
      // A model may change from table to view or back: drop whichever exists first.
      const existing = await wh.value<string | undefined>(
        `select table_type from information_schema.tables where table_schema = 'main' and table_name = ${lit(m.name)}`,
      );
      const hash = createHash('sha256').update(m.sql).digest('hex');
      const built = await wh.value<string | undefined>(
        `select sql_sha256 from model_state where model = ${lit(m.name)}`,
      );
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
