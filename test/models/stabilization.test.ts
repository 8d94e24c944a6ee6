// Life stabilization measures (measures.md "Life stabilization") on a hand-made delivery, as of 2024-02
// (as_of = 2024-02-29); the period range starts at the earliest benefit month paid, 2023-06.
import { describe, it } from 'vitest';
import {
  ASSESSMENTS_HEADER,
  CASES_HEADER,
  PAYMENTS_HEADER,
  REFERRALS_HEADER,
  csv,
  pending,
  ratio,
} from '../helpers.ts';
import { measuresOfFixture } from './fixture-measures.ts';

const CASES = csv(`${CASES_HEADER}
  Z0,PZ0,OW,HAM,2023-01-01,,,SINGLE,1,1980
  N1,PN1,OW,TOR,2023-12-01,,,SINGLE,1,1980
  N2,PN2,OW,TOR,2023-12-01,,,SINGLE,1,1980
  N3,PN3,OW,TOR,2023-12-10,,,SINGLE,1,1980
  N4,PN4,OW,TOR,2023-12-10,,,SINGLE,1,1980
  N5,PN5,OW,TOR,2024-01-10,,,SINGLE,1,1980
  S1,PS1,OW,HAM,2023-01-01,,,SINGLE,1,1980
  S2,PS2,OW,HAM,2023-01-01,,,SINGLE,1,1980
  S3,PS3,OW,HAM,2023-01-01,,,SINGLE,1,1980
  S4,PS4,OW,HAM,2023-01-01,,,SINGLE,1,1980
  V1,PV1,ODSP,TOR,2022-01-01,,,SINGLE,1,1980
  V2,PV2,ODSP,TOR,2022-01-01,,,SINGLE,1,1980
  V3,PV3,ODSP,TOR,2022-01-01,,,SINGLE,1,1980
  V4,PV4,ODSP,TOR,2022-01-01,,,SINGLE,1,1980
  Y1,PY1,ODSP,HAM,2022-01-01,,,SINGLE,1,1980
  Y2,PY2,ODSP,HAM,2022-01-01,,,SINGLE,1,1980
  Y3,PY3,ODSP,HAM,2022-01-01,,,SINGLE,1,1980
  Y4,PY4,ODSP,HAM,2022-01-01,,,SINGLE,1,1980
  Y5,PY5,ODSP,HAM,2022-01-01,,,SINGLE,1,1980`);

// Z0 sets the period's start (2023-06); S1–S4 are the HAM OW caseload of January 2024.
const PAYMENTS = csv(`${PAYMENTS_HEADER}
  Z0-1,Z0,2023-06,2023-05-28,BASIC_NEEDS,343.00,
  S1-1,S1,2024-01,2023-12-28,BASIC_NEEDS,343.00,
  S2-1,S2,2024-01,2023-12-28,BASIC_NEEDS,343.00,
  S3-1,S3,2024-01,2023-12-28,BASIC_NEEDS,343.00,
  S4-1,S4,2024-01,2023-12-28,BASIC_NEEDS,343.00,`);

// Columns: id, case, date, kind, housing, food, health, mental health, social, employment, plan, ready.
const ASSESSMENTS = csv(`${ASSESSMENTS_HEADER}
  N1-A,N1,2023-12-31,INITIAL,2,2,2,2,2,2,N,N
  N2-A,N2,2024-01-01,INITIAL,2,2,2,2,2,2,N,N
  N3-A,N3,2023-12-15,REVIEW,2,2,2,2,2,2,N,N
  N4-A,N4,2023-11-30,INITIAL,2,2,2,2,2,2,N,N
  N4-B,N4,2023-12-20,INITIAL,2,2,2,2,2,2,N,N
  S1-A,S1,2023-10-01,INITIAL,2,2,2,2,2,2,Y,N
  S1-B,S1,2024-01-31,REVIEW,2,2,2,2,2,2,N,Y
  S2-A,S2,2024-01-15,INITIAL,2,2,2,2,2,2,Y,N
  S2-B,S2,2024-02-01,REVIEW,2,2,2,2,2,2,N,Y
  S4-A,S4,2024-01-10,INITIAL,2,2,2,2,2,2,N,N
  S4-B,S4,2024-01-10,REVIEW,2,2,2,2,2,2,Y,Y
  V1-A,V1,2023-10-03,INITIAL,2,2,2,2,2,2,N,N
  V1-B,V1,2024-01-01,REVIEW,3,2,2,2,2,2,N,N
  V2-A,V2,2023-10-04,INITIAL,2,2,2,2,2,2,N,N
  V2-B,V2,2024-01-01,REVIEW,5,5,5,5,5,5,N,N
  V3-A,V3,2023-06-01,INITIAL,2,2,2,2,2,2,N,N
  V3-B,V3,2023-09-01,INITIAL,4,4,4,4,4,4,N,N
  V3-C,V3,2024-01-05,REVIEW,2,2,5,2,2,2,N,N
  V3-D,V3,2024-01-20,REVIEW,2,2,2,2,2,2,N,N
  V4-A,V4,2023-01-01,INITIAL,1,1,1,1,1,1,N,N
  V4-B,V4,2024-01-10,REVIEW,5,1,1,2,1,1,N,N
  Y1-A,Y1,2023-11-05,INITIAL,2,2,2,2,2,2,N,Y
  Y2-A,Y2,2023-11-05,INITIAL,2,2,2,2,2,2,N,Y
  Y3-A,Y3,2023-10-01,INITIAL,2,2,2,2,2,2,N,N
  Y3-B,Y3,2023-11-20,REVIEW,2,2,2,2,2,2,N,Y
  Y4-A,Y4,2023-10-15,INITIAL,2,2,2,2,2,2,N,Y
  Y4-B,Y4,2023-11-10,REVIEW,2,2,2,2,2,2,N,Y
  Y5-A,Y5,2023-12-05,INITIAL,2,2,2,2,2,2,N,Y`);

const REFERRALS = csv(`${REFERRALS_HEADER}
  F1,Y1,EMPLOYMENT_ONTARIO,2024-02-03,Y,SENT,2024-02-03
  F2,Y2,EMPLOYMENT_ONTARIO,2024-02-04,Y,SENT,2024-02-04
  F3,Y2,HOUSING,2023-11-10,Y,SENT,2023-11-10
  F4,Y3,EMPLOYMENT_ONTARIO,2023-11-20,N,SENT,2023-11-20
  F5,Y4,EMPLOYMENT_ONTARIO,2023-11-12,N,SENT,2023-11-12`);

const fixture = measuresOfFixture({
  '2024-02': {
    'cases.csv': CASES,
    'payments.csv': PAYMENTS,
    'stabilization_assessments.csv': ASSESSMENTS,
    'referrals.csv': REFERRALS,
  },
});

describe('pct_new_cases_assessed_30d', () => {
  // Opened in 2023-12, TOR OW: N1 (INITIAL 30 days after opening: yes), N2 (31 days: no), N3 (a REVIEW only:
  // no), N4 (an INITIAL 10 days before opening, and a second INITIAL 10 days after: yes) → 2 / 4 = 50.0 %.
  // The cohort is final: 2023-12-31 + 30 = 2024-01-30 ≤ 2024-02-29.
  it('counts any INITIAL assessment 0 to 30 days after opening', () =>
    fixture.expectMeasures([['pct_new_cases_assessed_30d', '2023-12', 'TOR', 'OW'], ratio(2, 4, 50)]));

  it('is pending for January 2024 (2024-01-31 + 30 = 2024-03-01 > as_of)', () =>
    fixture.expectMeasures([['pct_new_cases_assessed_30d', '2024-01', 'TOR', 'OW'], pending]));
});

describe('pct_caseload_with_action_plan and pct_employment_ready', () => {
  // HAM OW caseload of 2024-01, latest assessment on or before 2024-01-31:
  //   S1: S1-B of 2024-01-31 (the month's last day counts): plan N, ready Y
  //   S2: S2-A of 2024-01-15 (S2-B of 2024-02-01 is after the month): plan Y, ready N
  //   S3: never assessed: no plan, not in the employment-ready group
  //   S4: S4-A and S4-B on the same day: the greater assessment_id, S4-B, wins: plan Y, ready Y
  it('reads the latest assessment as of the month’s end', () =>
    fixture.expectMeasures(
      // plan: S2, S4 → 2 / 4 = 50.0 %
      [['pct_caseload_with_action_plan', '2024-01', 'HAM', 'OW'], ratio(2, 4, 50)],
      // ready: S1, S4 of the assessed S1, S2, S4 → 2 / 3 = 66.7 %
      [['pct_employment_ready', '2024-01', 'HAM', 'OW'], ratio(2, 3, 66.7)],
    ));
});

describe('pct_improved and avg_score_change', () => {
  // Reviews in 2024-01, TOR ODSP (totals are sums of the six domain scores):
  //   V1: initial 2023-10-03 (12); review 2024-01-01, 90 days later → qualifies: 13, change +1 (housing +1)
  //   V2: initial 2023-10-04; review 2024-01-01 is 89 days later → not in the group
  //   V3: initial = the earliest INITIAL, 2023-06-01 (12), not the later one of 2023-09-01 (24); two reviews in
  //       the month: the latest, 2024-01-20 (12), counts, not 2024-01-05 (15) → change 0, not improved
  //   V4: initial 2023-01-01 (6); review 2024-01-10 (11): change +5 (housing +4, mental health +1)
  // Group V1, V3, V4 = 3; improved V1, V4 = 2.
  it('pct_improved compares the month’s latest qualifying review with the initial assessment', () =>
    fixture.expectMeasures(
      // 2 / 3 = 66.7 %
      [['pct_improved', '2024-01', 'TOR', 'ODSP'], ratio(2, 3, 66.7)],
      // The province adds HAM OW's S1: review 2024-01-31, 122 days after its initial, total 12 as before: not
      // improved (S4's review is on its initial's day, 0 days later: not in the group) → 2 / 4 = 50.0 %
      [['pct_improved', '2024-01', 'ON', 'ALL'], ratio(2, 4, 50)],
    ));

  it('avg_score_change overall and by domain', () =>
    fixture.expectMeasures(
      // total: (1 + 0 + 5) / 3 = 2.00
      [['avg_score_change', '2024-01', 'TOR', 'ODSP'], ratio(6, 3, 2)],
      // housing: (1 + 0 + 4) / 3 = 1.666… → 1.67
      [['avg_score_change', '2024-01', 'TOR', 'ODSP', 'housing'], ratio(5, 3, 1.67)],
      // mental health and addictions: (0 + 0 + 1) / 3 = 0.333… → 0.33
      [['avg_score_change', '2024-01', 'TOR', 'ODSP', 'mental_health_addictions'], ratio(1, 3, 0.33)],
      // health: V3's counted review has health 2, like its initial → (0 + 0 + 0) / 3 = 0.00
      [['avg_score_change', '2024-01', 'TOR', 'ODSP', 'health'], ratio(0, 3, 0)],
    ));
});

describe('ready_referred_to_eo_90d', () => {
  // First employment_ready = Y assessment in 2023-11, HAM ODSP (final: 2023-11-30 + 90 = 2024-02-28 ≤ as_of):
  //   Y1 ready 2023-11-05, EMPLOYMENT_ONTARIO referral 2024-02-03: 90 days → yes
  //   Y2 ready 2023-11-05, EO referral 2024-02-04: 91 days → no (its HOUSING referral does not count)
  //   Y3 not ready 2023-10-01, first ready 2023-11-20, EO referral the same day (0 days) → yes
  // Y4 was first ready on 2023-10-15 (October's cohort; its EO referral 2023-11-12 is 28 days later).
  // Y5 first ready 2023-12-05: December's cohort is pending (2023-12-31 + 90 = 2024-03-30 > as_of).
  it('counts an EO referral 0 to 90 days after the first ready assessment', () =>
    // November: 2 / 3 = 66.7 %; October: 1 / 1 = 100.0 %
    fixture.expectMeasures(
      [['ready_referred_to_eo_90d', '2023-11', 'HAM', 'ODSP'], ratio(2, 3, 66.7)],
      [['ready_referred_to_eo_90d', '2023-10', 'HAM', 'ODSP'], ratio(1, 1, 100)],
      [['ready_referred_to_eo_90d', '2023-12', 'HAM', 'ODSP'], pending],
    ));
});
