// The model runner: dependencies from the SQL itself, dependency order, one transaction, checks.
import { describe, expect, it } from 'vitest';
import { loadModels, runModels, tablesRead, topoSort, type Model } from '../../../pipelines/models/runner.ts';
import { build } from '../../../pipelines/models/build.ts';
import { runChecks } from '../../../pipelines/models/checks.ts';
import {
  CASES_HEADER,
  PAYMENTS_HEADER,
  csv,
  ingestDeliveries,
  ingestDir,
  memoryWarehouse,
  modelsDir,
  writeDelivery,
} from '../../helpers.ts';

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
    tags: [],
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

describe('errors', () => {
  it('an incremental model that fails reports its own error, not "Current transaction is aborted"', async () => {
    // src holds one row per key; inc is incremental on src's keys. The second build's changed key makes
    // inc's SELECT fail (a d of 0 is an error, as an overflowing cast would be) inside the build's transaction.
    const dir = modelsDir({
      'intermediate/inc.sql': `-- materialized: incremental
-- unique_key: k
-- changes: src (k)
-- restrict: src
select k, case when d = 0 then error('no d for key ' || k) else 10 // d end as v from src`,
    });
    const wh = await memoryWarehouse();
    await wh.run(
      `create table src (k integer, d integer); insert into src values (1, 1), (2, 2), (3, 5), (4, 10)`,
    );
    await wh.run(`create table changes_src (k integer)`);
    await build(wh, { runId: 'first', modelsDir: dir });
    expect(await wh.value(`select sum(v)::integer from inc`)).toBe(10 + 5 + 2 + 1);
    await wh.run(`update src set d = 0 where k = 2; insert into changes_src values (2)`);
    await expect(build(wh, { runId: 'second', modelsDir: dir })).rejects.toThrow(
      /^model inc \(.*inc\.sql\) failed: .*no d for key 2/,
    );
    // The failed build left the previous rows in place.
    expect(await wh.value(`select sum(v)::integer from inc`)).toBe(18);
  });
});

describe('bad incremental headers', () => {
  const header = (changes: string): Record<string, string> => ({
    'intermediate/inc.sql': `-- materialized: incremental
-- unique_key: case_id
-- changes: ${changes}
select case_id, program from hist_cases`,
  });

  it('a change source with no changes table, a misspelled when column or a key that does not bind names its line', async () => {
    const wh = await memoryWarehouse();
    await expect(loadModels(wh, modelsDir(header('case (case_id)')))).rejects.toThrow(
      /inc\.sql: -- changes: case: there is no changes_case/,
    );
    // Left unchecked, `when progam` would match no change and keep the model's rows stale without a word.
    await expect(loadModels(wh, modelsDir(header('cases (case_id) when progam')))).rejects.toThrow(
      /inc\.sql: -- changes: cases: when progam: not a column of cases/,
    );
    await expect(loadModels(wh, modelsDir(header('cases (case_id = caseid)')))).rejects.toThrow(
      /inc\.sql: -- changes: cases: the key columns do not read: .*caseid/,
    );
    expect((await loadModels(wh, modelsDir(header('cases (case_id) when program'))))[0]!.name).toBe('inc');
  });

  it('a misspelled materialization is an error, not a silent table', async () => {
    const wh = await memoryWarehouse();
    const dir = modelsDir({ 'intermediate/inc.sql': '-- materialized: incremantal\nselect 1 as k' });
    await expect(loadModels(wh, dir)).rejects.toThrow(
      /inc\.sql: cannot read "-- materialized: incremantal": write view, table or incremental/,
    );
  });
});

describe('a failing step', () => {
  it('names the step, as a failing model names its file', async () => {
    const wh = await memoryWarehouse();
    const dir = modelsDir({ 'marts/mart_a.sql': 'select 1 as n' });
    const step = {
      name: 'step_b',
      reads: ['mart_a'],
      tags: [],
      run: async (w: typeof wh) => {
        await w.run('select missing_column from mart_a');
      },
    };
    await expect(runModels(wh, await loadModels(wh, dir, [step]))).rejects.toThrow(
      /^step step_b failed: .*missing_column/,
    );
  });
});

describe('errors in the real models', () => {
  it('an overflowing amount names its model and the cast, not "Current transaction is aborted"', async () => {
    // 9,999,999,999,999,999.99 is the largest money value the warehouse types (DECIMAL(18, 2)). Two of
    // them in one case-month sum to 2e16, which int_case_month_nets cannot hold: the second delivery's
    // build updates that incremental model (1 changed case-month of 9, under the quarter past which it is
    // rebuilt whole) and must fail with that error.
    const cases = [1, 2, 3, 4, 5, 6, 7, 8].map((n) => `C${n},P${n},OW,TOR,2023-06-01,,,SINGLE,1,1980`);
    const { wh, root } = await ingestDeliveries({
      '2024-01': {
        'cases.csv': [CASES_HEADER, ...cases].join('\n') + '\n',
        'payments.csv':
          [
            PAYMENTS_HEADER,
            ...[1, 2, 3, 4, 5, 6, 7, 8].map((n) => `PA${n},C${n},2024-01,2024-01-01,SHELTER,390.00,`),
          ].join('\n') + '\n',
      },
    });
    await build(wh, { runId: 'first' });
    writeDelivery(root, '2024-02', {
      'cases.csv': [CASES_HEADER, ...cases].join('\n') + '\n',
      'payments.csv': csv(`${PAYMENTS_HEADER}
        PB1,C1,2024-02,2024-02-01,SHELTER,9999999999999999.99,
        PB2,C1,2024-02,2024-02-01,BASIC_NEEDS,9999999999999999.99,`),
    });
    await ingestDir(wh, root);
    const failure = build(wh, { runId: 'second' });
    await expect(failure).rejects.toThrow(/^model int_case_month_nets \(.*\) failed: .*DECIMAL\(18,2\)/);
    await expect(failure).rejects.not.toThrow(/transaction is aborted/i);
  });
});
