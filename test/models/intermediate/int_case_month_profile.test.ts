// int_case_month_profile: each case-month in receipt with what the caseload measures ask of it: the latest
// income report of the month, the latest assessment by the month's end, MyBenefits enrolment by the month's end
// (measures.md). Its full build; the incremental update is tested in test/pipelines/models/incremental.test.ts.
import { describe, expect, it } from 'vitest';
import { runModel, table, type Rows } from '../run-model.ts';

/** C1 in receipt in February 2024 (a leap year: the month ends on the 29th) and in March, unless given. */
const profile = (given: Partial<Record<string, Rows>>) =>
  runModel('int_case_month_profile', {
    int_case_months: table`
      case_id | benefit_month | program | service_manager | members
      C1      | 2024-02       | OW      | TOR             | 3
      C1      | 2024-03       | OW      | TOR             | 3`,
    stg_income_reports: [],
    stg_stabilization_assessments: [],
    stg_mybenefits: [],
    ...given,
  });

describe('int_case_month_profile', () => {
  it('keeps the case-month, its attributes and all conditions false when nothing else is known', async () => {
    expect(await profile({})).toEqual(table`
      case_id | benefit_month | program | service_manager | members | employment_earnings | has_earnings | has_assessment | action_plan | employment_ready | mybenefits_enrolled
      C1      | 2024-02       | OW      | TOR             | 3       | null                | false        | false          | false       | false            | false
      C1      | 2024-03       | OW      | TOR             | 3       | null                | false        | false          | false       | false            | false`);
  });

  it('takes the latest income report of the benefit month; earnings of 0 are not earnings', async () => {
    const rows = await profile({
      // February: reported 250.00 on 03-05, corrected to 0.00 on 03-20: the later (0.00) wins, no earnings.
      // March: 120.00, earnings. April's report has no case-month in receipt and adds no row.
      stg_income_reports: table`
        case_id | benefit_month | employment_earnings | reported_on
        C1      | 2024-02       | 250.00              | 2024-03-05
        C1      | 2024-02       | 0.00                | 2024-03-20
        C1      | 2024-03       | 120.00              | 2024-04-02
        C1      | 2024-04       | 999.00              | 2024-05-02`,
    });
    expect(rows).toMatchObject(table`
      benefit_month | employment_earnings | has_earnings
      2024-02       | 0.00                | false
      2024-03       | 120.00              | true`);
  });

  // The assessment columns of each month, given stg_stabilization_assessments.
  for (const { rule, assessments, expected } of [
    {
      rule: 'takes the latest assessment on or before the month end, the greatest id of a day',
      // A01 on 2024-02-29, February's last day: February's. A02 and A03 on 2024-03-10: A03 (greater id) wins
      // March, action plan but not employment-ready. A04 on 2024-04-01 is after March's end: ignored.
      assessments: table`
        assessment_id | case_id | assessed_on | kind    | action_plan | employment_ready
        A01           | C1      | 2024-02-29  | INITIAL | false       | true
        A02           | C1      | 2024-03-10  | REVIEW  | false       | false
        A03           | C1      | 2024-03-10  | REVIEW  | true        | false
        A04           | C1      | 2024-04-01  | REVIEW  | true        | true`,
      expected: table`
        benefit_month | has_assessment | action_plan | employment_ready
        2024-02       | true           | false       | true
        2024-03       | true           | true        | false`,
    },
    {
      rule: 'carries an earlier assessment into later months',
      // One assessment in January, before either month: it is the latest by February's end and by March's.
      assessments: table`
        assessment_id | case_id | assessed_on | kind    | action_plan | employment_ready
        A01           | C1      | 2024-01-15  | INITIAL | true        | true`,
      expected: table`
        benefit_month | has_assessment | action_plan | employment_ready
        2024-02       | true           | true        | true
        2024-03       | true           | true        | true`,
    },
  ]) {
    it(rule, async () => {
      expect(await profile({ stg_stabilization_assessments: assessments })).toMatchObject(expected);
    });
  }

  it('counts MyBenefits enrolment from the month in which it falls, to the last day', async () => {
    // Enrolled on 2024-03-31, March's last day: not by February's end, by March's.
    const rows = await profile({
      stg_mybenefits: table`
        case_id | enrolled_on
        C1      | 2024-03-31`,
    });
    expect(rows).toMatchObject(table`
      benefit_month | mybenefits_enrolled
      2024-02       | false
      2024-03       | true`);
  });
});
