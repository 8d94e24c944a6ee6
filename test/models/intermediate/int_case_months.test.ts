// int_case_months: the case-months in receipt, net BASIC_NEEDS + SHELTER > 0 (measures.md "In receipt").
import { describe, expect, it } from 'vitest';
import { runModel, table } from '../run-model.ts';

describe('int_case_months', () => {
  it('is in receipt when net BASIC_NEEDS + SHELTER is above zero, a type without payments counting 0', async () => {
    const rows = await runModel('int_case_months', {
      // C1: 500.00 + nothing = 500.00 > 0, in receipt. C2: nothing + 0.01 = 0.01 > 0, in receipt.
      // C3: 500.00 − 500.00 = 0.00, not. C4: 100.00 + (−150.00) = −50.00, not.
      // C5: no BASIC_NEEDS or SHELTER, only 900.00 DISCRETIONARY: 0, not.
      int_case_month_nets: table`
        case_id | benefit_month | basic_needs | shelter | discretionary | program | service_manager | members
        C1      | 2024-01       | 500.00      | null    | null          | OW      | TOR             | 2
        C2      | 2024-01       | null        | 0.01    | null          | ODSP    | HAM             | 1
        C3      | 2024-01       | 500.00      | -500.00 | null          | OW      | TOR             | 1
        C4      | 2024-01       | 100.00      | -150.00 | null          | OW      | TOR             | 1
        C5      | 2024-01       | null        | null    | 900.00        | OW      | TOR             | 1`,
    });
    expect(rows).toEqual(table`
      case_id | benefit_month | program | service_manager | members
      C1      | 2024-01       | OW      | TOR             | 2
      C2      | 2024-01       | ODSP    | HAM             | 1`);
  });
});
