// int_initial_assessments: each case's initial assessment, the earliest INITIAL one (measures.md "Life
// stabilization"), with its total.
import { describe, expect, it } from 'vitest';
import { runModel, table } from '../run-model.ts';

describe('int_initial_assessments', () => {
  it('takes the earliest INITIAL assessment, the least id of a day, with the total of its six scores', async () => {
    // C1: A03 (REVIEW) is earliest but not INITIAL; A02 and A01 are both INITIAL on 2024-02-01: A01 (least id).
    // Total 1 + 2 + 3 + 4 + 5 + 1 = 16. A04, a later INITIAL, is not the initial one. C2 has no INITIAL: no row.
    const rows = await runModel('int_initial_assessments', {
      stg_stabilization_assessments: table`
        assessment_id | case_id | assessed_on | kind    | housing | food_security | health | mental_health_addictions | social_support | employment_readiness
        A01           | C1      | 2024-02-01  | INITIAL | 1       | 2             | 3      | 4                        | 5              | 1
        A02           | C1      | 2024-02-01  | INITIAL | 5       | 5             | 5      | 5                        | 5              | 5
        A03           | C1      | 2024-01-15  | REVIEW  | 2       | 2             | 2      | 2                        | 2              | 2
        A04           | C1      | 2024-03-01  | INITIAL | 3       | 3             | 3      | 3                        | 3              | 3
        A05           | C2      | 2024-01-15  | REVIEW  | 2       | 2             | 2      | 2                        | 2              | 2`,
    });
    expect(rows).toEqual(table`
      case_id | assessment_id | assessed_on | housing | food_security | health | mental_health_addictions | social_support | employment_readiness | total
      C1      | A01           | 2024-02-01  | 1       | 2             | 3      | 4                        | 5              | 1                    | 16`);
  });
});
