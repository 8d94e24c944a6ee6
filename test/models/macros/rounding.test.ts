// The rounding macros (models/macros/rounding.sql): half away from zero, on both sides of zero, in exact
// integer arithmetic — the cases where binary floating point or half-to-even would give another answer.
import { readFileSync } from 'node:fs';
import { beforeAll, describe, expect, it } from 'vitest';
import { memoryWarehouse } from '../../helpers.ts';
import type { Warehouse } from '../../../pipelines/warehouse.ts';

let wh: Warehouse;
beforeAll(async () => {
  wh = await memoryWarehouse();
  await wh.run(readFileSync('models/macros/rounding.sql', 'utf8'));
});

const value = async (expr: string): Promise<number> =>
  Number((await wh.one<{ v: string }>(`select (${expr})::varchar as v`))?.v);

describe('rounding macros', () => {
  it('pct_1dp: 100 × num / den to 1 decimal, half away from zero', async () => {
    expect(await value('pct_1dp(1, 16)')).toBe(6.3); // 6.25
    expect(await value('pct_1dp(3, 16)')).toBe(18.8); // 18.75 (half-to-even would give 18.8 too)
    expect(await value('pct_1dp(1, 80)')).toBe(1.3); // 1.25 (half-to-even: 1.2)
    expect(await value('pct_1dp(2, 3)')).toBe(66.7);
    expect(await value('pct_1dp(0, 7)')).toBe(0);
  });

  it('mean_2dp: num / den to 2 decimals, half away from zero, negative too', async () => {
    expect(await value('mean_2dp(200.01, 2)')).toBe(100.01); // 100.005
    expect(await value('mean_2dp(-1, 8)')).toBe(-0.13); // -0.125
    expect(await value('mean_2dp(1, 8)')).toBe(0.13); // 0.125 (half-to-even: 0.12)
    expect(await value('mean_2dp(-5, 3)')).toBe(-1.67);
  });

  it('median_1dp: values in tenths; mean of the two middle values when even', async () => {
    expect(await value('median_1dp([10, 13])')).toBe(1.2); // (1.0 + 1.3) / 2 = 1.15 → 1.2
    expect(await value('median_1dp([30, 10, 20])')).toBe(2);
    expect(await value('median_1dp([100, 30, 50, 60])')).toBe(5.5);
    expect(await value('median_1dp([7])')).toBe(0.7);
  });

  it('public rounding: people to 5, money to 100 dollars', async () => {
    expect(await value('round_to_5(12)')).toBe(10);
    expect(await value('round_to_5(13)')).toBe(15);
    expect(await value('round_to_100_dollars(12349.99)')).toBe(12300);
    expect(await value('round_to_100_dollars(12350.00)')).toBe(12400);
    expect(await value('round_to_100_dollars(-12350.00)')).toBe(-12400);
    // A province total beyond DECIMAL(18, 2) (two payments of 9,999,999,999,999,999.99) still rounds:
    // 19,999,999,999,999,999.98 → 20,000,000,000,000,000.00, as text so no double rounds it first.
    expect(
      (await wh.one<{ v: string }>(`select round_to_100_dollars(19999999999999999.98)::varchar as v`))?.v,
    ).toBe('20000000000000000.00');
  });
});
