// int_caseload_profile_counts: per month of the period range, manager and program, the caseload, its
// beneficiaries and how many case-months meet each condition of int_case_month_profile. The rollup to ON and
// ALL is measure_rollup's (test/models/marts/measure_rollup.test.ts).
import { describe, expect, it } from 'vitest';
import { runModel, table } from '../run-model.ts';

describe('int_caseload_profile_counts', () => {
  it('counts the case-months of the period range per manager × program', async () => {
    // Period range 2024-01 and 2024-02. In January: C1 (TOR OW, 3 members, earnings 200.00, action plan,
    // assessed and ready, enrolled), C2 (TOR ODSP, 1 member, assessed, nothing else), C3 (HAM OW, 2 members,
    // earnings 50.50, enrolled). C4's December is before the range: not counted. February has no case-month
    // and no row (the rollup model writes the zeros). Earnings of a group with none are null, not 0.
    // One row per manager × program with a case-month: HAM OW (C3), TOR ODSP (C2), TOR OW (C1).
    const rows = await runModel('int_caseload_profile_counts', {
      int_period_months: table`
        month
        2024-01
        2024-02`,
      int_case_month_profile: table`
        case_id | benefit_month | program | service_manager | members | employment_earnings | has_earnings | has_assessment | action_plan | employment_ready | mybenefits_enrolled
        C1      | 2024-01       | OW      | TOR             | 3       | 200.00              | true         | true           | true        | true             | true
        C2      | 2024-01       | ODSP    | TOR             | 1       | null                | false        | true           | false       | false            | false
        C3      | 2024-01       | OW      | HAM             | 2       | 50.50               | true         | false          | false       | false            | true
        C4      | 2023-12       | OW      | TOR             | 1       | 10.00               | true         | true           | true        | true             | true`,
    });
    expect(rows).toEqual(table`
      period  | service_manager | program | caseload | beneficiaries | with_earnings | earnings | with_action_plan | assessed | employment_ready | mybenefits_enrolled
      2024-01 | HAM             | OW      | 1        | 2             | 1             | 50.50    | 0                | 0        | 0                | 1
      2024-01 | TOR             | ODSP    | 1        | 1             | 0             | null     | 0                | 1        | 0                | 0
      2024-01 | TOR             | OW      | 1        | 3             | 1             | 200.00   | 1                | 1        | 1                | 1`);
  });

  it('counts as employment-ready only the case-months that were assessed', async () => {
    // C1 is assessed and ready; C2 has a ready flag but no assessment (int_case_month_profile gives none such,
    // the count does not rely on it): 1 ready of 1 assessed.
    const rows = await runModel('int_caseload_profile_counts', {
      int_period_months: table`
        month
        2024-01`,
      int_case_month_profile: table`
        case_id | benefit_month | program | service_manager | members | has_assessment | employment_ready
        C1      | 2024-01       | OW      | TOR             | 1       | true           | true
        C2      | 2024-01       | OW      | TOR             | 1       | false          | true`,
    });
    expect(rows).toMatchObject(table`
      caseload | assessed | employment_ready
      2        | 1        | 1`);
  });
});
