// int_period_months: the months of the period range, from the earliest benefit month in the payments to the
// as-of month (measures.md), with the as-of date.
import { describe, expect, it } from 'vitest';
import { runModel, table } from '../run-model.ts';

const asOf = (month: string) => table`
  as_of_month
  ${month}`;

describe('int_period_months', () => {
  it('runs from the earliest benefit month to the as-of month, across a year end', async () => {
    // Payments from 2023-12 (and later); as of 2024-02: December, January, February. The as-of date is
    // February's last day, the 29th in 2024.
    const rows = await runModel('int_period_months', {
      stg_payments: table`
        payment_id | benefit_month
        P1         | 2024-01
        P2         | 2023-12`,
      as_of_month: asOf('2024-02'),
    });
    expect(rows).toEqual(table`
      month   | month_start | month_end  | as_of_month | as_of
      2023-12 | 2023-12-01  | 2023-12-31 | 2024-02     | 2024-02-29
      2024-01 | 2024-01-01  | 2024-01-31 | 2024-02     | 2024-02-29
      2024-02 | 2024-02-01  | 2024-02-29 | 2024-02     | 2024-02-29`);
  });

  it('is empty without payments, or when the earliest benefit month is after the as-of month', async () => {
    expect(await runModel('int_period_months', { stg_payments: [], as_of_month: asOf('2024-02') })).toEqual(
      [],
    );
    const late = table`
      payment_id | benefit_month
      P1         | 2024-03`;
    expect(await runModel('int_period_months', { stg_payments: late, as_of_month: asOf('2024-02') })).toEqual(
      [],
    );
  });
});
