// int_stabilization_reviews: per case and month, the latest REVIEW assessment at least 90 days after the
// initial one, compared with the initial (measures.md pct_improved, avg_score_change).
import { describe, expect, it } from 'vitest';
import { oneCase } from '../given-tables.ts';
import { runModel, table, type Rows } from '../run-model.ts';

/** C1 (OW, TOR) assessed initially on 2024-01-01 with scores 2, 2, 2, 2, 2, 2: total 12. */
const reviewsOf = (assessments: Rows) =>
  runModel('int_stabilization_reviews', {
    stg_stabilization_assessments: assessments,
    int_initial_assessments: table`
      case_id | assessment_id | assessed_on | housing | food_security | health | mental_health_addictions | social_support | employment_readiness | total
      C1      | A00           | 2024-01-01  | 2       | 2             | 2      | 2                        | 2              | 2                    | 12`,
    stg_cases: oneCase('C1', 'OW', 'TOR'),
  });

describe('int_stabilization_reviews', () => {
  it('counts a review from 90 days after the initial assessment, compared score by score', async () => {
    // 2024-03-30 is 89 days after 2024-01-01 (30 to January 31, 29 to February 29, 30 to March 30): too early.
    // 2024-03-31 is 90 days after: it counts. Its scores 3, 1, 2, 4, 2, 2 total 14: change 14 − 12 = +2,
    // improved; per domain +1, −1, 0, +2, 0, 0.
    const rows = await reviewsOf(table`
      assessment_id | case_id | assessed_on | kind   | housing | food_security | health | mental_health_addictions | social_support | employment_readiness
      A01           | C1      | 2024-03-30  | REVIEW | 5       | 5             | 5      | 5                        | 5              | 5
      A02           | C1      | 2024-03-31  | REVIEW | 3       | 1             | 2      | 4                        | 2              | 2`);
    expect(rows).toEqual(table`
      case_id | program | service_manager | period  | assessment_id | initial_total | review_total | score_change | improved | housing_change | food_security_change | health_change | mental_health_addictions_change | social_support_change | employment_readiness_change
      C1      | OW      | TOR             | 2024-03 | A02           | 12            | 14           | 2            | true     | 1              | -1                   | 0             | 2                               | 0                     | 0`);
  });

  it('takes the latest review of a month, the greatest id of a day; an equal total is not improved', async () => {
    // April: A11 on the 10th, A12 and A13 on the 20th: A13 (greatest id). Its total 2 × 6 = 12 equals the
    // initial 12: change 0, not improved. May: A14 alone, total 1 × 6 = 6: change −6. INITIAL rows are not reviews.
    const rows = await reviewsOf(table`
      assessment_id | case_id | assessed_on | kind    | housing | food_security | health | mental_health_addictions | social_support | employment_readiness
      A11           | C1      | 2024-04-10  | REVIEW  | 5       | 5             | 5      | 5                        | 5              | 5
      A12           | C1      | 2024-04-20  | REVIEW  | 4       | 4             | 4      | 4                        | 4              | 4
      A13           | C1      | 2024-04-20  | REVIEW  | 2       | 2             | 2      | 2                        | 2              | 2
      A14           | C1      | 2024-05-02  | REVIEW  | 1       | 1             | 1      | 1                        | 1              | 1
      A15           | C1      | 2024-06-02  | INITIAL | 5       | 5             | 5      | 5                        | 5              | 5`);
    expect(rows).toMatchObject(table`
      period  | assessment_id | review_total | score_change | improved
      2024-04 | A13           | 12           | 0            | false
      2024-05 | A14           | 6            | -6           | false`);
  });

  it('has no review for a case without an initial assessment', async () => {
    const rows = await reviewsOf(table`
      assessment_id | case_id | assessed_on | kind   | housing | food_security | health | mental_health_addictions | social_support | employment_readiness
      A21           | C2      | 2024-09-01  | REVIEW | 5       | 5             | 5      | 5                        | 5              | 5`);
    expect(rows).toEqual([]);
  });
});
