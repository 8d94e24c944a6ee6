// Employment outcome measures (measures.md "Employment outcomes") on hand-made deliveries. The as-of month is
// 2024-02 (as_of = 2024-02-29); the period range starts at the earliest benefit month paid, 2023-01. Every
// expected value is worked out in the comments from the fixture rows.
import { describe, it } from 'vitest';
import { CASES_HEADER, INCOME_HEADER, PAYMENTS_HEADER, csv, pending, ratio } from '../helpers.ts';
import { measuresOfFixture } from './fixture-measures.ts';

// Closures in February 2023, all TOR OW:
//   R1 closed 2023-02-10 OTHER_INCOME; person Q1 opens OW case R1B on 2024-02-10: 365 days later → re-entry
//   R2 closed 2023-02-10 NON_COMPLIANCE; Q2 opens OW case R2B on 2024-02-11: 366 days → not a re-entry
//   R3 DECEASED, R4 MOVED (Q4 opens an OW case a month later, in HAM), R5 TRANSFER_TO_ODSP: excluded reasons
//   R6 closed 2023-02-20 EMPLOYMENT after 365 days (opened 2022-02-20); Q6 opens an ODSP case 9 days later:
//      another program → not a re-entry
//   R7 closed 2023-02-20 OTHER; Q7 opens an OW case in HAM on 2023-05-01: any geography → re-entry
//   R10 closed 2023-02-25 EMPLOYMENT after 31 days (opened 2023-01-25)
// R8 closed 2023-03-05 OTHER: its cohort (W = 365) ends 2023-03-31 + 365 = 2024-03-30 > as_of → pending.
// R9 closed 2023-04-12 DECEASED: the only April closure, an excluded reason → no re-entry row at all.
// K1 TOR OW is the only case in receipt in February 2023.
// Earnings, January 2024, HAM OW, all in receipt:
//   E1 reports 500.00 on 2024-01-10 then 0.00 on 2024-02-05 for 2024-01: the latest (0.00) wins → no earnings
//   E2 reports 0.00 then 100.01 (latest) → earnings 100.01
//   E3 reports 100.00 once → earnings 100.00
//   E4 reports nothing; delivered in TOR in 2024-01 and moved to HAM in 2024-02: the latest version counts
//   E5 reports 300.00 but is paid only a discretionary benefit: not in receipt, not in the group
const CASES_2024_01 = csv(`${CASES_HEADER}
  K1,PK1,OW,TOR,2022-01-01,,,SINGLE,1,1980
  R1,Q1,OW,TOR,2022-06-01,2023-02-10,OTHER_INCOME,SINGLE,1,1980
  R1B,Q1,OW,TOR,2024-02-10,,,SINGLE,1,1980
  R2,Q2,OW,TOR,2022-06-01,2023-02-10,NON_COMPLIANCE,SINGLE,1,1980
  R2B,Q2,OW,TOR,2024-02-11,,,SINGLE,1,1980
  R3,Q3,OW,TOR,2022-06-01,2023-02-15,DECEASED,SINGLE,1,1950
  R4,Q4,OW,TOR,2022-06-01,2023-02-15,MOVED,SINGLE,1,1980
  R4B,Q4,OW,HAM,2023-03-15,,,SINGLE,1,1980
  R5,Q5,OW,TOR,2022-06-01,2023-02-15,TRANSFER_TO_ODSP,SINGLE,1,1980
  R6,Q6,OW,TOR,2022-02-20,2023-02-20,EMPLOYMENT,SINGLE,1,1980
  R6B,Q6,ODSP,TOR,2023-03-01,,,SINGLE,1,1980
  R7,Q7,OW,TOR,2022-06-01,2023-02-20,OTHER,SINGLE,1,1980
  R7B,Q7,OW,HAM,2023-05-01,,,SINGLE,1,1980
  R10,Q10,OW,TOR,2023-01-25,2023-02-25,EMPLOYMENT,SINGLE,1,1980
  R8,Q8,OW,TOR,2022-06-01,2023-03-05,OTHER,SINGLE,1,1980
  R9,Q9,OW,TOR,2022-06-01,2023-04-12,DECEASED,SINGLE,1,1940
  E1,PE1,OW,HAM,2023-01-01,,,SINGLE,1,1980
  E2,PE2,OW,HAM,2023-01-01,,,SINGLE,1,1980
  E3,PE3,OW,HAM,2023-01-01,,,SINGLE,1,1980
  E4,PE4,OW,TOR,2023-01-01,,,SINGLE,1,1980
  E5,PE5,OW,HAM,2023-01-01,,,SINGLE,1,1980`);

const PAYMENTS_2024_01 = csv(`${PAYMENTS_HEADER}
  K1-1,K1,2023-01,2022-12-28,BASIC_NEEDS,343.00,
  K1-2,K1,2023-02,2023-01-28,BASIC_NEEDS,343.00,
  E1-1,E1,2024-01,2023-12-28,BASIC_NEEDS,343.00,
  E2-1,E2,2024-01,2023-12-28,BASIC_NEEDS,343.00,
  E3-1,E3,2024-01,2023-12-28,SHELTER,390.00,
  E4-1,E4,2024-01,2023-12-28,BASIC_NEEDS,343.00,
  E5-1,E5,2024-01,2023-12-28,DISCRETIONARY,50.00,`);

const INCOME_2024_01 = csv(`${INCOME_HEADER}
  E1,2024-01,500.00,2024-01-10
  E2,2024-01,0.00,2024-01-15
  E3,2024-01,100.00,2024-01-20
  E5,2024-01,300.00,2024-01-20`);

const CASES_2024_02 = csv(`${CASES_HEADER}
  E4,PE4,OW,HAM,2023-01-01,,,SINGLE,1,1980`);

const INCOME_2024_02 = csv(`${INCOME_HEADER}
  E1,2024-01,0.00,2024-02-05
  E2,2024-01,100.01,2024-02-01`);

const fixture = measuresOfFixture({
  '2024-01': {
    'cases.csv': CASES_2024_01,
    'payments.csv': PAYMENTS_2024_01,
    'income_reports.csv': INCOME_2024_01,
  },
  // No payment changed in 2024-02, but its payments file is delivered (header only): the as-of month is the
  // latest delivery whose cases and payments files are in force (extracts.md "Order of work").
  '2024-02': {
    'cases.csv': CASES_2024_02,
    'payments.csv': csv(PAYMENTS_HEADER),
    'income_reports.csv': INCOME_2024_02,
  },
});

describe('pct_caseload_with_earnings and avg_monthly_earnings', () => {
  // HAM OW caseload in 2024-01: E1, E2, E3, E4 (moved from TOR) = 4; with earnings by the latest report: E2, E3.
  it('uses the latest income report and the case’s latest manager', () =>
    fixture.expectMeasures(
      // 2 / 4 = 50.0 %
      [['pct_caseload_with_earnings', '2024-01', 'HAM', 'OW'], ratio(2, 4, 50)],
      // E4 moved: TOR has no caseload in 2024-01 at all
      [['pct_caseload_with_earnings', '2024-01', 'TOR', 'OW'], undefined],
    ));

  it('averages the earnings of the cases with earnings, rounding half away from zero', () =>
    // (100.01 + 100.00) / 2 = 100.005 → 100.01
    fixture.expectMeasures(
      [['avg_monthly_earnings', '2024-01', 'HAM', 'OW'], ratio(200.01, 2, 100.01)],
      [['avg_monthly_earnings', '2024-01', 'ON', 'ALL'], ratio(200.01, 2, 100.01)],
    ));
});

describe('exits to employment', () => {
  // Closures in 2023-02, TOR OW: R1, R2, R3, R4, R5, R6, R7, R10 = 8; for EMPLOYMENT: R6, R10 = 2.
  it('pct_exits_to_employment: closures of the month closed for employment', () =>
    // 2 / 8 = 25.0 %
    fixture.expectMeasures(
      [['pct_exits_to_employment', '2023-02', 'TOR', 'OW'], ratio(2, 8, 25)],
      [['pct_exits_to_employment', '2023-02', 'ON', 'ALL'], ratio(2, 8, 25)],
    ));

  it('pct_caseload_exiting_to_employment: against the caseload, can exceed 100', () =>
    fixture.expectMeasures(
      // 2 exits / caseload 1 (K1) = 200.0 %
      [['pct_caseload_exiting_to_employment', '2023-02', 'TOR', 'OW'], ratio(2, 1, 200)],
      // March 2023: no caseload (K1 is paid for January and February only) → no row, though R8 closed
      [['pct_caseload_exiting_to_employment', '2023-03', 'TOR', 'OW'], undefined],
      // January 2024, HAM: caseload 4, no exit → 0.0 %
      [['pct_caseload_exiting_to_employment', '2024-01', 'HAM', 'OW'], ratio(0, 4, 0)],
    ));

  it('avg_days_to_employment_exit: days between opening and closing', () =>
    // R6 2022-02-20 → 2023-02-20 = 365 days; R10 2023-01-25 → 2023-02-25 = 31 days; (365 + 31) / 2 = 198.00
    fixture.expectMeasures([['avg_days_to_employment_exit', '2023-02', 'TOR', 'OW'], ratio(396, 2, 198)]));
});

describe('reentry_within_12_months', () => {
  // Cohort 2023-02 (final: 2023-02-28 + 365 = 2024-02-28 ≤ as_of 2024-02-29): R1, R2, R6, R7, R10 = 5
  // (R3 DECEASED, R4 MOVED, R5 TRANSFER_TO_ODSP excluded); re-entered: R1 (365 days), R7 (in HAM) = 2.
  it('counts a same-program re-opening 1 to 365 days later, anywhere, and excludes the listed reasons', () =>
    // 2 / 5 = 40.0 %
    fixture.expectMeasures(
      [['reentry_within_12_months', '2023-02', 'TOR', 'OW'], ratio(2, 5, 40)],
      [['reentry_within_12_months', '2023-02', 'ON', 'ALL'], ratio(2, 5, 40)],
    ));

  it('is pending while the window is open, and absent when the group is empty', () =>
    fixture.expectMeasures(
      [['reentry_within_12_months', '2023-03', 'TOR', 'OW'], pending],
      [['reentry_within_12_months', '2023-04', 'TOR', 'OW'], undefined],
    ));
});
