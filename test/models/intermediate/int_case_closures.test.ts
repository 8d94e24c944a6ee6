// int_case_closures: each closed case with the days to the same person's next case of the same program
// (re-entry, measures.md) and of any program (outcome-payment milestones, funding.md).
import { describe, expect, it } from 'vitest';
import { runModel, table } from '../run-model.ts';

describe('int_case_closures', () => {
  it('lists closed cases only, with their close month and days open', async () => {
    // C1: opened 2024-01-10, closed 2024-03-01: 21 + 29 (leap February) + 1 = 51 days open. C2 is open.
    const rows = await runModel('int_case_closures', {
      stg_cases: table`
        case_id | person_id | program | service_manager | opened_on  | closed_on  | close_reason
        C1      | P1        | OW      | TOR             | 2024-01-10 | 2024-03-01 | EMPLOYMENT
        C2      | P2        | OW      | TOR             | 2024-01-10 | null       | null`,
    });
    expect(rows).toEqual(table`
      case_id | person_id | program | service_manager | opened_on  | closed_on  | close_month | close_reason | days_open | days_to_reentry_same_program | days_to_next_case
      C1      | P1        | OW      | TOR             | 2024-01-10 | 2024-03-01 | 2024-03     | EMPLOYMENT   | 51        | null                         | null`);
  });

  it('measures re-entry to the first later case of the same program, the next case to any program', async () => {
    // P1's C1 closed 2024-03-01. Later: C2 (ODSP) opened 2024-03-11, 10 days after; C3 (OW, in another
    // manager) 2024-04-30, 60 days after (30 of March + 30 of April); C4 (OW) 2024-06-01, 92 days after.
    // Re-entry to OW: the least of 60 and 92 = 60. Next case of any program: the least of 10, 60, 92 = 10.
    // C2 closed 2024-04-01: C3 and C4 are OW, not ODSP, so no re-entry; the next case is C3, 29 days after.
    const rows = await runModel('int_case_closures', {
      stg_cases: table`
        case_id | person_id | program | service_manager | opened_on  | closed_on
        C1      | P1        | OW      | TOR             | 2024-01-10 | 2024-03-01
        C2      | P1        | ODSP    | TOR             | 2024-03-11 | 2024-04-01
        C3      | P1        | OW      | HAM             | 2024-04-30 | null
        C4      | P1        | OW      | TOR             | 2024-06-01 | null`,
    });
    expect(rows).toMatchObject(table`
      case_id | days_to_reentry_same_program | days_to_next_case
      C1      | 60                           | 10
      C2      | null                         | 29`);
  });

  it('does not count a case opened on the closing day or before it, or another person’s case', async () => {
    // C2 opens the day C1 closes (0 days: not after it); C3 opened before C1 closed; C4 is P2's.
    const rows = await runModel('int_case_closures', {
      stg_cases: table`
        case_id | person_id | program | service_manager | opened_on  | closed_on
        C1      | P1        | OW      | TOR             | 2024-01-10 | 2024-03-01
        C2      | P1        | OW      | TOR             | 2024-03-01 | null
        C3      | P1        | OW      | TOR             | 2024-02-01 | null
        C4      | P2        | OW      | TOR             | 2024-03-05 | null`,
    });
    expect(rows).toMatchObject(table`
      case_id | days_to_reentry_same_program | days_to_next_case
      C1      | null                         | null`);
  });
});
