// measure_rollup: the one rollup of the marts' manager × program rows to ON and ALL, with the zero rows of
// counts and totals and `pending` from the registry's cohort window (measures.md).
import { describe, expect, it } from 'vitest';
import { runModel, table } from '../run-model.ts';

// Two managers of the reference list; a count (zero rows, no window) and a rate with a 30-day window.
const reference = {
  ref_service_managers: table`
    code
    HAM
    TOR`,
  measure_registry: table`
    measure_id | kind  | cohort_days
    cases      | count | null
    pct_done   | rate  | 30`,
  measure_kinds: table`
    kind  | additive | zero_rows
    count | true     | true
    rate  | true     | false`,
  // The as-of date 2024-03-01 is 30 days after January's end (window passed) and 1 day after February's.
  int_period_months: table`
    month   | month_end  | as_of
    2024-01 | 2024-01-31 | 2024-03-01
    2024-02 | 2024-02-29 | 2024-03-01`,
};

const pick = (rows: Record<string, unknown>[], measure: string) =>
  rows
    .filter((r) => r.measure_id === measure)
    .map((r) => [r.period, r.service_manager, r.program, r.numerator, r.denominator, r.pending].join(' '));

describe('measure_rollup', () => {
  it('adds manager × program rows up to each manager, each program and ON; writes the zeros of counts', async () => {
    // January: one case each in TOR OW, TOR ODSP and HAM OW. TOR ALL = 1 + 1 = 2, HAM ALL = 1, ON OW = 1 + 1
    // = 2, ON ODSP = 1, ON ALL = 3. HAM ODSP has no mart row: its zero row (denominator 0). February has no
    // case at all: the 9 geography × program cells are zero rows. A count has no window: never pending.
    const rows = await runModel('measure_rollup', {
      ...reference,
      measure_rows: table`
        measure_id | period  | service_manager | program | breakdown | numerator
        cases      | 2024-01 | TOR             | OW      | ALL       | 1
        cases      | 2024-01 | TOR             | ODSP    | ALL       | 1
        cases      | 2024-01 | HAM             | OW      | ALL       | 1`,
    });
    expect(pick(rows, 'cases').sort()).toEqual(
      [
        '2024-01 HAM ALL 1.00  false',
        '2024-01 HAM ODSP 0.00 0 false',
        '2024-01 HAM OW 1.00  false',
        '2024-01 ON ALL 3.00  false',
        '2024-01 ON ODSP 1.00  false',
        '2024-01 ON OW 2.00  false',
        '2024-01 TOR ALL 2.00  false',
        '2024-01 TOR ODSP 1.00  false',
        '2024-01 TOR OW 1.00  false',
        ...['HAM', 'ON', 'TOR'].flatMap((g) =>
          ['ALL', 'ODSP', 'OW'].map((p) => `2024-02 ${g} ${p} 0.00 0 false`),
        ),
      ].sort(),
    );
  });

  it('sums numerators and denominators of a rate; pending until its window has passed, not zero-filled', async () => {
    // January 1 of 2 in TOR OW and 3 of 4 in HAM OW: ON OW = ON ALL = 4 of 6. as_of − January's end = 30
    // days, not under 30: final. February 0 of 1 in TOR OW: 1 day after its end, pending. No zero rows.
    const rows = await runModel('measure_rollup', {
      ...reference,
      measure_rows: table`
        measure_id | period  | service_manager | program | breakdown | numerator | denominator
        pct_done   | 2024-01 | TOR             | OW      | ALL       | 1         | 2
        pct_done   | 2024-01 | HAM             | OW      | ALL       | 3         | 4
        pct_done   | 2024-02 | TOR             | OW      | ALL       | 0         | 1`,
    });
    expect(pick(rows, 'pct_done').sort()).toEqual(
      [
        '2024-01 HAM ALL 3.00 4 false',
        '2024-01 HAM OW 3.00 4 false',
        '2024-01 ON ALL 4.00 6 false',
        '2024-01 ON OW 4.00 6 false',
        '2024-01 TOR ALL 1.00 2 false',
        '2024-01 TOR OW 1.00 2 false',
        '2024-02 ON ALL 0.00 1 true',
        '2024-02 ON OW 0.00 1 true',
        '2024-02 TOR ALL 0.00 1 true',
        '2024-02 TOR OW 0.00 1 true',
      ].sort(),
    );
  });
});
