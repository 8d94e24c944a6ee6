// Checks of models/checks/ on hand-made deliveries, with the offending rows worked out by hand.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { build } from '../../pipelines/models/build.ts';
import { CASES_HEADER, PAYMENTS_HEADER, csv, ingestedWarehouse } from '../helpers.ts';

describe('period_starts_near_first_delivery', () => {
  // First delivery 2024-01. 2022-01 is 24 months before it (allowed); 2021-12 is 25 months before, and
  // 1990-01 (a typo) 408: both are reported, one row per benefit month, and the build still publishes.
  it('warns about benefit months more than 24 months before the first delivery', async () => {
    const wh = await ingestedWarehouse({
      '2024-01': {
        'cases.csv': csv(`${CASES_HEADER}
          C1,P1,OW,TOR,2020-06-01,,,SINGLE,1,1980`),
        'payments.csv': csv(`${PAYMENTS_HEADER}
          PA1,C1,2024-01,2024-01-01,SHELTER,390.00,
          PA2,C1,2022-01,2024-01-01,SHELTER,390.00,
          PA3,C1,2021-12,2024-01-01,SHELTER,390.00,
          PA4,C1,1990-01,2024-01-01,SHELTER,390.00,
          PA5,C1,1990-01,2024-01-01,BASIC_NEEDS,343.00,`),
      },
    });
    const b = await build(wh, { runId: 'test' });
    const check = b.checks.find((c) => c.name === 'period_starts_near_first_delivery');
    expect(check).toMatchObject({ severity: 'warning', status: 'fail', failures: 2 });
    expect(b.blockingFailed).toEqual([]);
    const sql = readFileSync(
      join(import.meta.dirname, '..', '..', 'models', 'checks', 'period_starts_near_first_delivery.sql'),
      'utf8',
    );
    expect(await wh.all(`select * from (${sql.trim().replace(/;$/, '')}) order by benefit_month`)).toEqual([
      { benefit_month: '1990-01', first_delivery: '2024-01', payments: 2 },
      { benefit_month: '2021-12', first_delivery: '2024-01', payments: 1 },
    ]);
  });
});
