// Generated models (SQL made by code, like measure_rows from the measure registry): one joins the build when a
// model file reads it, after the models it reads and before its readers; otherwise it is left out.
import { describe, expect, it } from 'vitest';
import { measureRowsSql } from '../../../pipelines/measures/measure-rows.ts';
import { MEASURES } from '../../../pipelines/measures/registry.ts';
import { loadModels, runModels } from '../../../pipelines/models/runner.ts';
import { memoryWarehouse, modelsDir } from '../../helpers.ts';

const STACK = { name: 'stack', path: 'test', sql: 'select * from mart_a union all select * from mart_b' };

describe('a generated model', () => {
  it('runs after the models it reads and before the models that read it', async () => {
    const wh = await memoryWarehouse();
    const dir = modelsDir({
      'marts/mart_a.sql': 'select 1 as n',
      'marts/mart_b.sql': 'select 2 as n',
      'marts/total.sql': 'select sum(n) as n from stack',
    });
    const models = await loadModels(wh, dir, [], [STACK]);
    expect(models.map((m) => [m.name, m.deps])).toEqual([
      ['mart_a', []],
      ['mart_b', []],
      ['stack', ['mart_a', 'mart_b']],
      ['total', ['stack']],
    ]);
    await runModels(wh, models);
    expect(await wh.value('select n::integer from total')).toBe(3);
  });

  it('is left out when no model reads it', async () => {
    const wh = await memoryWarehouse();
    const dir = modelsDir({ 'marts/mart_a.sql': 'select 1 as n' });
    expect((await loadModels(wh, dir, [], [STACK])).map((m) => m.name)).toEqual(['mart_a']);
  });
});

describe('measure_rows', () => {
  it('stacks each mart the registry names, once, in name order', () => {
    const sql = measureRowsSql(MEASURES);
    const marts = [...sql.matchAll(/select \* from (\w+)/g)].map((m) => m[1]);
    expect(marts).toEqual([...new Set(MEASURES.map((m) => m.mart))].sort());
    expect(marts).toContain('mart_decision_times');
  });
});
