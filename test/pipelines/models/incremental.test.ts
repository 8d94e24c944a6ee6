// Incremental models must give exactly what a full build gives: the warehouse built delivery by delivery
// (with late reversals, moved and restated cases, retried unknown cases and a restated file) is compared
// row for row with one built from scratch on the same files.
import { cpSync, mkdirSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { generateDemo } from '../../../pipelines/extracts/demo.ts';
import { build } from '../../../pipelines/models/build.ts';
import type { Warehouse } from '../../../pipelines/warehouse.ts';
import { ingestDir, memoryWarehouse, tempDir } from '../../helpers.ts';

const rows = async (wh: Warehouse, table: string): Promise<string[]> =>
  (await wh.all<{ r: string }>(`select (${table})::varchar as r from ${table}`)).map((x) => x.r).sort();

let incremental: Warehouse;
let full: Warehouse;
const timings: string[][] = [];

beforeAll(async () => {
  const root = tempDir('sa-incr-');
  const demo = join(root, 'demo');
  await generateDemo({ out: demo, scale: 0.002, months: 6, start: '2024-01', seed: 3, noise: 0.02 });
  const extracts = join(root, 'extracts');
  mkdirSync(extracts);
  incremental = await memoryWarehouse();
  for (const month of readdirSync(demo).sort()) {
    cpSync(join(demo, month), join(extracts, month), { recursive: true });
    await ingestDir(incremental, extracts);
    // Every later build takes the incremental path, however large the change (the tiny data is all change).
    const b = await build(incremental, { runId: month, maxChangeShare: Infinity });
    timings.push(b.models.filter((m) => m.mode === 'incremental').map((m) => m.name));
  }
  // Restate a past month's payments: drop the last rows and change one amount.
  const path = join(extracts, '2024-03', 'payments.csv');
  const lines = readFileSync(path, 'utf8').trim().split('\n');
  const changed = lines.slice(0, -20).map((l, i) => (i === 5 ? l.replace(/,(\d+)\.(\d\d),/, ',1.$2,') : l));
  writeFileSync(path, changed.join('\n') + '\n');
  await ingestDir(incremental, extracts);
  await build(incremental, { runId: 'restated', maxChangeShare: Infinity });

  full = await memoryWarehouse();
  await ingestDir(full, extracts);
  await build(full, { runId: 'full' });
}, 300_000);

describe('incremental models', () => {
  it('were really updated in place after the first build', async () => {
    expect(timings[0]).toEqual([]);
    for (const t of timings.slice(1))
      expect(t).toEqual(['int_case_month_nets', 'int_case_months', 'int_case_month_profile']);
    expect(
      await incremental.value(`select count(*) from model_state where model = 'int_case_month_nets'`),
    ).toBe(1);
    expect(await incremental.value(`select count(*) from changed_payments`)).toBe(0);
    expect(await incremental.value(`select count(*) from changed_case_details`)).toBe(0);
  });

  for (const table of ['int_case_month_nets', 'int_case_months', 'int_case_month_profile', 'measures']) {
    it(`${table}: the same rows as a full build`, async () => {
      const a = await rows(incremental, table);
      const b = await rows(full, table);
      expect(a.length).toBeGreaterThan(100);
      expect(a).toEqual(b);
    });
  }
});
