// Disclosure control (measures.md): primary suppression then rounding, on hand-made internal rows whose
// public values are worked out in the comments.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { publicMeasuresSql } from '../../../pipelines/publish/disclosure.ts';
import { memoryWarehouse } from '../../helpers.ts';
import type { Warehouse } from '../../../pipelines/warehouse.ts';

type Row = {
  id: string;
  kind: string;
  num: number | null;
  den: number | null;
  value: number | null;
  status?: string;
};

// id, kind, internal numerator, denominator, value
const ROWS: Row[] = [
  { id: 'count_0', kind: 'count', num: 0, den: null, value: 0 },
  { id: 'count_1', kind: 'count', num: 1, den: null, value: 1 },
  { id: 'count_9', kind: 'count', num: 9, den: null, value: 9 },
  { id: 'count_10', kind: 'count', num: 10, den: null, value: 10 },
  { id: 'count_12', kind: 'count', num: 12, den: null, value: 12 },
  { id: 'count_13', kind: 'count', num: 13, den: null, value: 13 },
  { id: 'count_12345', kind: 'count', num: 12345, den: null, value: 12345 },
  { id: 'rate_complement', kind: 'rate', num: 95, den: 100, value: 95.0 },
  { id: 'rate_small_num', kind: 'rate', num: 3, den: 100, value: 3.0 },
  { id: 'rate_small_den', kind: 'rate', num: 0, den: 9, value: 0.0 },
  { id: 'rate_zero_num', kind: 'rate', num: 0, den: 40, value: 0.0 },
  { id: 'rate_all', kind: 'rate', num: 40, den: 40, value: 100.0 },
  { id: 'rate_recomputed', kind: 'rate', num: 12, den: 23, value: 52.2 },
  { id: 'rate_half', kind: 'rate', num: 14, den: 79, value: 17.7 },
  { id: 'per100_small_den', kind: 'per100', num: 12, den: 7, value: 171.4 },
  { id: 'per100_small_num', kind: 'per100', num: 7, den: 120, value: 5.8 },
  { id: 'per100_ok', kind: 'per100', num: 12, den: 128, value: 9.4 },
  { id: 'mean_ok', kind: 'mean', num: 123.45, den: 11, value: 11.22 },
  { id: 'mean_small', kind: 'mean', num: 50, den: 9, value: 5.56 },
  { id: 'median_ok', kind: 'median', num: null, den: 10, value: 4.5 },
  { id: 'median_small', kind: 'median', num: null, den: 1, value: 4.0 },
  { id: 'total_down', kind: 'total', num: 12349.99, den: 12, value: 12349.99 },
  { id: 'total_up', kind: 'total', num: 12350.0, den: 13, value: 12350.0 },
  { id: 'total_negative', kind: 'total', num: -12350.0, den: 10, value: -12350.0 },
  { id: 'total_small', kind: 'total', num: 5000.0, den: 9, value: 5000.0 },
  { id: 'total_zero', kind: 'total', num: 0, den: 0, value: 0 },
  { id: 'cohort_pending', kind: 'rate', num: null, den: null, value: null, status: 'pending' },
];

let wh: Warehouse;
let pub: Map<
  string,
  { numerator: number | null; denominator: number | null; value: number | null; status: string }
>;

beforeAll(async () => {
  wh = await memoryWarehouse();
  await wh.run(
    readFileSync(join(import.meta.dirname, '..', '..', '..', 'models', 'macros', 'rounding.sql'), 'utf8'),
  );
  const v = (x: number | null): string => (x === null ? 'null' : String(x));
  await wh.run(
    `create table t_registry as select * from (values ${ROWS.map((r) => `('${r.id}', '${r.kind}')`).join(', ')}) t(measure_id, kind)`,
  );
  await wh.run(`create table t_measures as select measure_id, '2024-01' as period, 'TOR' as service_manager, 'OW' as program,
      'ALL' as breakdown, numerator::decimal(20, 2) as numerator, denominator::bigint as denominator, value::decimal(20, 2) as value, status
    from (values ${ROWS.map((r) => `('${r.id}', ${v(r.num)}, ${v(r.den)}, ${v(r.value)}, '${r.status ?? 'ok'}')`).join(', ')})
      t(measure_id, numerator, denominator, value, status)`);
  const rows = await wh.all<{
    measure_id: string;
    numerator: number | null;
    denominator: number | null;
    value: number | null;
    status: string;
  }>(
    `select measure_id, numerator::double as numerator, denominator::double as denominator, value::double as value, status
     from (${publicMeasuresSql('t_measures', 't_registry')})`,
  );
  pub = new Map(rows.map(({ measure_id, ...r }) => [measure_id, r]));
});

const suppressed = { numerator: null, denominator: null, value: null, status: 'suppressed' };
const ok = (numerator: number | null, denominator: number | null, value: number | null) => ({
  numerator,
  denominator,
  value,
  status: 'ok',
});

describe('counts', () => {
  it('0 is a real zero (not suppressed: nobody to identify), 1 and 9 are suppressed, 10 stays 10', () => {
    expect(pub.get('count_0')).toEqual(ok(0, null, 0));
    expect(pub.get('count_1')).toEqual(suppressed);
    expect(pub.get('count_9')).toEqual(suppressed);
    expect(pub.get('count_10')).toEqual(ok(10, null, 10));
  });
  it('rounds to the nearest 5: 12 → 10, 13 → 15, 12345 → 12345', () => {
    expect(pub.get('count_12')).toEqual(ok(10, null, 10));
    expect(pub.get('count_13')).toEqual(ok(15, null, 15));
    expect(pub.get('count_12345')).toEqual(ok(12345, null, 12345));
  });
});

describe('rates', () => {
  it('suppresses when the numerator, the denominator or the complement is 1–9', () => {
    expect(pub.get('rate_complement')).toEqual(suppressed); // 100 − 95 = 5
    expect(pub.get('rate_small_num')).toEqual(suppressed); // 3
    expect(pub.get('rate_small_den')).toEqual(suppressed); // 9
  });
  it('keeps 0 of 40 and 40 of 40 (0 is not a small cell)', () => {
    expect(pub.get('rate_zero_num')).toEqual(ok(0, 40, 0));
    expect(pub.get('rate_all')).toEqual(ok(40, 40, 100));
  });
  it('recomputes the value from the rounded figures', () => {
    // 12/23 → 10/25 = 40.0 (the internal 52.2 would give the exact counts back)
    expect(pub.get('rate_recomputed')).toEqual(ok(10, 25, 40));
    // 14/79 → 15/80 = 18.75 → 18.8 (half away from zero)
    expect(pub.get('rate_half')).toEqual(ok(15, 80, 18.8));
  });
});

describe('per 100', () => {
  it('suppresses a small numerator or denominator; rounds both and recomputes', () => {
    expect(pub.get('per100_small_den')).toEqual(suppressed);
    expect(pub.get('per100_small_num')).toEqual(suppressed);
    // 12/128 → 10/130 = 7.692… → 7.7
    expect(pub.get('per100_ok')).toEqual(ok(10, 130, 7.7));
  });
});

describe('means and medians', () => {
  it("blanks a mean's numerator, rounds its denominator, keeps the exact value", () => {
    expect(pub.get('mean_ok')).toEqual(ok(null, 10, 11.22));
    expect(pub.get('mean_small')).toEqual(suppressed);
  });
  it("rounds a median's denominator and keeps its value", () => {
    expect(pub.get('median_ok')).toEqual(ok(null, 10, 4.5));
    expect(pub.get('median_small')).toEqual(suppressed);
  });
});

describe('totals', () => {
  it('rounds money to $100 half away from zero and the case count to 5', () => {
    expect(pub.get('total_down')).toEqual(ok(12300, 10, 12300)); // 12,349.99 → 12,300; 12 → 10
    expect(pub.get('total_up')).toEqual(ok(12400, 15, 12400)); // 12,350.00 → 12,400; 13 → 15
    expect(pub.get('total_negative')).toEqual(ok(-12400, 10, -12400)); // half away from zero
    expect(pub.get('total_small')).toEqual(suppressed); // 9 cases
    expect(pub.get('total_zero')).toEqual(ok(0, 0, 0)); // nothing paid: 0 dollars over 0 cases, published
  });
});

describe('pending cohorts', () => {
  it('pass through as pending', () => {
    expect(pub.get('cohort_pending')).toEqual({
      numerator: null,
      denominator: null,
      value: null,
      status: 'pending',
    });
  });
});
