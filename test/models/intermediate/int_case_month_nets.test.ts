// int_case_month_nets: the net amount of each payment type and in all, per case and benefit month, with the
// case's latest attributes (measures.md "Net amount"). Full build only; the incremental update is tested in
// test/pipelines/models/incremental.test.ts.
import { describe, expect, it } from 'vitest';
import { runModel, table } from '../run-model.ts';

const cases = table`
  case_id | program | service_manager | members
  C1      | OW      | TOR             | 3
  C2      | ODSP    | HAM             | 1`;

describe('int_case_month_nets', () => {
  it('nets issuances and reversals per type; a type without payments is null', async () => {
    const rows = await runModel('int_case_month_nets', {
      stg_cases: cases,
      // C1 2024-01: BASIC_NEEDS 500.00 − 120.50 reversed = 379.50; SHELTER 300.00; DISCRETIONARY 25.25.
      // Total 379.50 + 300.00 + 25.25 = 704.75. No EMPLOYMENT_BENEFIT or OTHER: null, not 0.
      stg_payments: table`
        payment_id | case_id | benefit_month | payment_type  | amount
        P1         | C1      | 2024-01       | BASIC_NEEDS   | 500.00
        P2         | C1      | 2024-01       | BASIC_NEEDS   | -120.50
        P3         | C1      | 2024-01       | SHELTER       | 300.00
        P4         | C1      | 2024-01       | DISCRETIONARY | 25.25`,
    });
    expect(rows).toEqual(table`
      case_id | benefit_month | basic_needs | shelter | discretionary | employment_benefit | other | total  | program | service_manager | members
      C1      | 2024-01       | 379.50      | 300.00  | 25.25         | null               | null  | 704.75 | OW      | TOR             | 3`);
  });

  it('counts a reversal in the benefit month it reverses, whenever it was issued', async () => {
    const rows = await runModel('int_case_month_nets', {
      stg_cases: cases,
      // The January issuance is reversed by a payment issued in March: January nets 500 − 500 = 0.00 and
      // keeps its row (it had payments); March has no payment of its own and no row.
      stg_payments: table`
        payment_id | case_id | benefit_month | issued_on  | payment_type | amount
        P1         | C1      | 2024-01       | 2024-01-01 | BASIC_NEEDS  | 500.00
        P2         | C1      | 2024-01       | 2024-03-15 | BASIC_NEEDS  | -500.00
        P3         | C1      | 2024-02       | 2024-02-01 | OTHER        | 10.00`,
    });
    expect(rows).toMatchObject(table`
      case_id | benefit_month | basic_needs | other | total
      C1      | 2024-01       | 0.00        | null  | 0.00
      C1      | 2024-02       | null        | 10.00 | 10.00`);
  });

  it('takes program, manager and members from the case; a case without payments has no row', async () => {
    const rows = await runModel('int_case_month_nets', {
      stg_cases: cases,
      // C2 has one payment, C1 none.
      stg_payments: table`
        payment_id | case_id | benefit_month | payment_type | amount
        P1         | C2      | 2024-05       | SHELTER      | 450.00`,
    });
    expect(rows).toMatchObject(table`
      case_id | benefit_month | shelter | total  | program | service_manager | members
      C2      | 2024-05       | 450.00  | 450.00 | ODSP    | HAM             | 1`);
  });
});
