// The model runner: dependencies from the SQL itself, dependency order, one transaction, checks.
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadModels, runModels, tablesRead, topoSort, type Model } from '../../../pipelines/models/runner.ts';
import { build } from '../../../pipelines/models/build.ts';
import { runChecks } from '../../../pipelines/models/checks.ts';
import { memoryWarehouse, tempDir } from '../../helpers.ts';

function modelsDir(files: Record<string, string>): string {
  const dir = tempDir('sa-models-');
  for (const [path, sql] of Object.entries(files)) {
    mkdirSync(join(dir, path, '..'), { recursive: true });
    writeFileSync(join(dir, path), sql);
  }
  return dir;
}

describe('tablesRead', () => {
  it('finds the tables a query reads, in joins and subqueries, but not its CTEs', async () => {
    const wh = await memoryWarehouse();
    const sql = `with a as (select * from foo), b as (select * from a join bar using (x))
      select * from b where y in (select y from baz) union all select * from qux`;
    expect(await tablesRead(wh, sql, 'x.sql')).toEqual(['bar', 'baz', 'foo', 'qux']);
  });
  it('refuses a file that is not one statement', async () => {
    const wh = await memoryWarehouse();
    await expect(tablesRead(wh, 'select 1; select 2', 'two.sql')).rejects.toThrow(/exactly one SELECT/);
    await expect(tablesRead(wh, 'selec 1', 'bad.sql')).rejects.toThrow(/bad.sql: cannot parse/);
  });
});

describe('ordering', () => {
  const m = (name: string, deps: string[]): Model => ({
    name,
    path: `${name}.sql`,
    sql: '',
    materialized: 'table',
    deps,
    sources: [],
  });
  it('runs each model after the models it reads', () => {
    const order = topoSort([
      m('mart_b', ['int_a']),
      m('int_a', ['stg_x']),
      m('stg_x', []),
      m('mart_a', ['stg_x']),
    ]).map((x) => x.name);
    expect(order).toEqual(['stg_x', 'int_a', 'mart_a', 'mart_b']);
  });
  it('names the models of a cycle', () => {
    expect(() => topoSort([m('a', ['b']), m('b', ['a']), m('c', [])])).toThrow(/cycle: a, b/);
  });
});

describe('running', () => {
  it('materializes staging models as views and the others as tables, with their rows', async () => {
    const wh = await memoryWarehouse();
    const dir = modelsDir({
      'staging/stg_numbers.sql': '-- grain: one row per number\nselect range as n from range(5);',
      'marts/mart_even.sql': 'select n from stg_numbers where n % 2 = 0',
      'marts/mart_odd.sql': '-- materialized: view\nselect n from stg_numbers where n % 2 = 1',
    });
    const models = await loadModels(wh, dir);
    expect(models.map((x) => [x.name, x.materialized, x.deps])).toEqual([
      ['stg_numbers', 'view', []],
      ['mart_even', 'table', ['stg_numbers']],
      ['mart_odd', 'view', ['stg_numbers']],
    ]);
    const timings = await runModels(wh, models);
    expect(timings.map((t) => [t.name, t.rows])).toEqual([
      ['stg_numbers', null],
      ['mart_even', 3],
      ['mart_odd', null],
    ]);
    expect(
      await wh.all(`select table_name, table_type from information_schema.tables order by table_name`),
    ).toEqual(
      expect.arrayContaining([
        { table_name: 'mart_even', table_type: 'BASE TABLE' },
        { table_name: 'mart_odd', table_type: 'VIEW' },
        { table_name: 'stg_numbers', table_type: 'VIEW' },
      ]),
    );
    // A model that changes from view to table is replaced cleanly.
    const again = modelsDir({
      'staging/stg_numbers.sql': '-- materialized: table\nselect range as n from range(2)',
    });
    await runModels(wh, await loadModels(wh, again));
    expect(
      await wh.value(`select table_type from information_schema.tables where table_name = 'stg_numbers'`),
    ).toBe('BASE TABLE');
  });

  it('a failing model leaves every table of the previous build in place', async () => {
    const wh = await memoryWarehouse();
    const good = modelsDir({ 'a.sql': 'select 1 as x', 'b.sql': 'select x + 1 as y from a' });
    await build(wh, { runId: 'one', modelsDir: good });
    const bad = modelsDir({ 'a.sql': 'select 2 as x', 'b.sql': 'select no_such_column from a' });
    await expect(build(wh, { runId: 'two', modelsDir: bad })).rejects.toThrow(/model b .* failed/);
    expect(await wh.value('select x from a')).toBe(1);
    expect(await wh.value('select y from b')).toBe(2);
  });
});

describe('checks', () => {
  it('passes on zero rows, fails on offending rows, and reads the severity from the header', async () => {
    const wh = await memoryWarehouse();
    const dir = modelsDir({
      'checks/no_rows.sql': '-- no_rows: passes\nselect 1 where false',
      'checks/some_rows.sql': '-- some_rows: fails\n-- severity: blocking\nselect * from range(3)',
      'checks/advice.sql': '-- advice: a warning\n-- severity: warning\nselect 1',
      'checks/broken.sql': 'select * from missing_table',
    });
    const results = await runChecks(wh, dir);
    expect(results.map((r) => [r.name, r.severity, r.status, r.failures])).toEqual([
      ['advice', 'warning', 'fail', 1],
      ['broken', 'blocking', 'error', 0],
      ['no_rows', 'blocking', 'pass', 0],
      ['some_rows', 'blocking', 'fail', 3],
    ]);
  });
});
