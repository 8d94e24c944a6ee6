// int_review_outcomes: each eligibility review with its case's program and manager, whether it was completed
// 0 to 60 days after selection, and whether it found a change or an overpayment (measures.md).
import { describe, expect, it } from 'vitest';
import { cohortWindow, oneCase } from '../given-tables.ts';
import { runModel, table } from '../run-model.ts';

describe('int_review_outcomes', () => {
  it('completes within 60 days from 0 to 60 days after selection; finds what its outcome says', async () => {
    // Selected 2024-01-10. V1 completed day 0. V2 on day 60 (21 to January 31, 29 to February 29, 10 to
    // March 10). V3 on day 61. V4 not completed: no outcome, so neither found nor not found (null).
    // Found a change: every outcome but NO_CHANGE; an overpayment: OVERPAYMENT or INELIGIBLE.
    const rows = await runModel('int_review_outcomes', {
      measure_registry: cohortWindow('pct_reviews_completed_60d', 60),
      stg_eligibility_reviews: table`
        review_id | case_id | risk_tier | selected_on | completed_on | outcome      | adjustment_amount
        V1        | C1      | HIGH      | 2024-01-10  | 2024-01-10   | NO_CHANGE    | 0.00
        V2        | C1      | HIGH      | 2024-01-10  | 2024-03-10   | UNDERPAYMENT | 50.00
        V3        | C1      | HIGH      | 2024-01-10  | 2024-03-11   | INELIGIBLE   | 900.00
        V4        | C1      | HIGH      | 2024-01-10  | null         | null         | null
        V5        | C1      | LOW       | 2024-01-10  | 2024-01-20   | OVERPAYMENT  | 120.00`,
      stg_cases: oneCase('C1', 'OW', 'TOR'),
    });
    expect(rows).toEqual(table`
      review_id | case_id | program | service_manager | risk_tier | selected_on | selected_month | completed_on | completed_month | completed_60d | outcome      | found_change | found_overpayment | adjustment_amount
      V1        | C1      | OW      | TOR             | HIGH      | 2024-01-10  | 2024-01        | 2024-01-10   | 2024-01         | true          | NO_CHANGE    | false        | false             | 0.00
      V2        | C1      | OW      | TOR             | HIGH      | 2024-01-10  | 2024-01        | 2024-03-10   | 2024-03         | true          | UNDERPAYMENT | true         | false             | 50.00
      V3        | C1      | OW      | TOR             | HIGH      | 2024-01-10  | 2024-01        | 2024-03-11   | 2024-03         | false         | INELIGIBLE   | true         | true              | 900.00
      V4        | C1      | OW      | TOR             | HIGH      | 2024-01-10  | 2024-01        | null         | null            | false         | null         | null         | null              | null
      V5        | C1      | OW      | TOR             | LOW       | 2024-01-10  | 2024-01        | 2024-01-20   | 2024-01         | true          | OVERPAYMENT  | true         | true              | 120.00`);
  });
});
