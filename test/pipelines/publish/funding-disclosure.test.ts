// Disclosure control of funding (funding.md "Output"): only complete years are public; milestone counts are
// counts (suppressed when 1–9, else rounded to 5); outcome payments are suppressed when the manager's milestones
// reached in the year, all streams together, are 1–9, else rounded to the nearest 10 × amount_per_milestone,
// half away from zero; the rest is exact. Hand-made internal rows, their public values worked out in the
// comments.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { publicFundingSql } from '../../../pipelines/publish/disclosure.ts';
import { memoryWarehouse } from '../../helpers.ts';
import type { Warehouse } from '../../../pipelines/warehouse.ts';

// [fiscal year, manager, component, amount]; 2024-25 pays $500 a milestone (unit $5,000), 2025-26 $400 ($4,000).
const ROWS: [string, string, string, number][] = [
  // AAA: reached 3 + 4 + 2 = 9 (1–9): every count of 1–9 and the payment suppressed; 0 stays 0; 12 pending → 10
  ['2024-25', 'AAA', 'outcome_milestones_reached_A', 3],
  ['2024-25', 'AAA', 'outcome_milestones_reached_B', 4],
  ['2024-25', 'AAA', 'outcome_milestones_reached_C', 2],
  ['2024-25', 'AAA', 'outcome_milestones_pending_A', 0],
  ['2024-25', 'AAA', 'outcome_milestones_pending_B', 12],
  ['2024-25', 'AAA', 'outcome_milestones_pending_C', 13],
  ['2024-25', 'AAA', 'outcome_payments', 6500],
  // BBB: reached 10 + 0 + 0 = 10: the payment 10 × 500 × 1.5 = 7,500 → 7,500 / 5,000 = 1.5 → 2 → 10,000.00
  // (half away from zero); count 10 → 10
  ['2024-25', 'BBB', 'outcome_milestones_reached_A', 0],
  ['2024-25', 'BBB', 'outcome_milestones_reached_B', 10],
  ['2024-25', 'BBB', 'outcome_milestones_reached_C', 0],
  ['2024-25', 'BBB', 'outcome_payments', 7500],
  // CCC: reached 5 + 5 + 5 = 15, each stream suppressed but the payment not: 12,499.99 → 2.4999… → 10,000.00
  ['2024-25', 'CCC', 'outcome_milestones_reached_A', 5],
  ['2024-25', 'CCC', 'outcome_milestones_reached_B', 5],
  ['2024-25', 'CCC', 'outcome_milestones_reached_C', 5],
  ['2024-25', 'CCC', 'outcome_payments', 12499.99],
  // ON: reached 9 + 10 + 15 = 34: 26,499.99 → 5.2999… → 25,000.00
  ['2024-25', 'ON', 'outcome_milestones_reached_A', 8],
  ['2024-25', 'ON', 'outcome_milestones_reached_B', 19],
  ['2024-25', 'ON', 'outcome_milestones_reached_C', 7],
  ['2024-25', 'ON', 'outcome_payments', 26499.99],
  // 2025-26, $400 a milestone: DDD reached 0: payment 0.00 stays 0.00, not suppressed; EEE reached 20,
  // payment 14,000 → 14,000 / 4,000 = 3.5 → 4 → 16,000.00
  ['2025-26', 'DDD', 'outcome_milestones_reached_C', 0],
  ['2025-26', 'DDD', 'outcome_payments', 0],
  ['2025-26', 'EEE', 'outcome_milestones_reached_C', 20],
  ['2025-26', 'EEE', 'outcome_payments', 14000],
  // exact: allocations (their outcome term too) and cost sharing
  ['2025-26', 'AAA', 'pdf_outcomes', 3.33],
  ['2025-26', 'AAA', 'pdf_allocation', 1234567.89],
  ['2025-26', 'AAA', 'discretionary_provincial', 7],
];

// Provisional rows (a year with months still to come, or an allocation from such a year): none is public,
// whatever its component; the 12 milestones would otherwise be published as 10.
const PROVISIONAL: [string, string, string, number][] = [
  ['2025-26', 'AAA', 'assistance_total', 300],
  ['2025-26', 'AAA', 'discretionary_cap', 20],
  ['2025-26', 'FFF', 'outcome_milestones_reached_C', 12],
  ['2025-26', 'FFF', 'outcome_payments', 12000],
  ['2026-27', 'AAA', 'pdf_allocation', 1000000],
];

let wh: Warehouse;
let pub: Map<string, { amount: string | null; status: string }>;

beforeAll(async () => {
  wh = await memoryWarehouse();
  await wh.run(
    readFileSync(join(import.meta.dirname, '..', '..', '..', 'models', 'macros', 'rounding.sql'), 'utf8'),
  );
  await wh.run(`create table t_funding as
    select fy as fiscal_year, sm as service_manager, 'OW' as program, component, amount::decimal(20, 2) as amount,
      -- The units mart_outcome_payments.sql declares: its milestones are counts, every other component dollars.
      case when component like 'outcome_milestones_%' then 'count' else 'dollars' end as unit, status
    from (values ${[
      ...ROWS.map(([fy, sm, c, a]) => `('${fy}', '${sm}', '${c}', ${a}, 'complete')`),
      ...PROVISIONAL.map(([fy, sm, c, a]) => `('${fy}', '${sm}', '${c}', ${a}, 'provisional')`),
    ].join(', ')}) t(fy, sm, component, amount, status)`);
  await wh.run(`create table t_params as
    select * from (values ('2024-25', 500.00::decimal(18, 2)), ('2025-26', 400.00::decimal(18, 2)))
      t(fiscal_year, op_amount_per_milestone)`);
  const rows = await wh.all<{ k: string; amount: string | null; status: string }>(
    `select fiscal_year || ' ' || service_manager || ' ' || component as k, amount::varchar as amount, status
     from (${publicFundingSql('t_funding', 't_params')})`,
  );
  pub = new Map(rows.map(({ k, ...r }) => [k, r]));
});

const ok = (amount: string) => ({ amount, status: 'complete' });
const suppressed = { amount: null, status: 'suppressed' };

describe('public funding', () => {
  it('treats milestone counts as counts', () => {
    expect(pub.get('2024-25 AAA outcome_milestones_reached_A')).toEqual(suppressed);
    expect(pub.get('2024-25 AAA outcome_milestones_pending_A')).toEqual(ok('0.00'));
    expect(pub.get('2024-25 AAA outcome_milestones_pending_B')).toEqual(ok('10.00'));
    expect(pub.get('2024-25 AAA outcome_milestones_pending_C')).toEqual(ok('15.00'));
    expect(pub.get('2024-25 BBB outcome_milestones_reached_B')).toEqual(ok('10.00'));
    expect(pub.get('2024-25 CCC outcome_milestones_reached_C')).toEqual(suppressed);
  });

  it('suppresses outcome payments by the milestones reached in all streams, else rounds them', () => {
    expect(pub.get('2024-25 AAA outcome_payments')).toEqual(suppressed);
    expect(pub.get('2024-25 BBB outcome_payments')).toEqual(ok('10000.00'));
    expect(pub.get('2024-25 CCC outcome_payments')).toEqual(ok('10000.00'));
    expect(pub.get('2024-25 ON outcome_payments')).toEqual(ok('25000.00'));
    expect(pub.get('2025-26 DDD outcome_payments')).toEqual(ok('0.00'));
    expect(pub.get('2025-26 EEE outcome_payments')).toEqual(ok('16000.00'));
  });

  it('leaves allocations and cost sharing exact', () => {
    expect(pub.get('2025-26 AAA pdf_outcomes')).toEqual(ok('3.33'));
    expect(pub.get('2025-26 AAA pdf_allocation')).toEqual(ok('1234567.89'));
    expect(pub.get('2025-26 AAA discretionary_provincial')).toEqual(ok('7.00'));
  });

  it('holds complete years only: every provisional row is left out', () => {
    for (const [fy, sm, component] of PROVISIONAL)
      expect(pub.get(`${fy} ${sm} ${component}`)).toBeUndefined();
    expect(pub.size).toBe(ROWS.length);
  });
});
