// Referral measures (measures.md "Referrals") on two hand-made deliveries, as of 2024-02 (as_of =
// 2024-02-29); the period range starts at the earliest benefit month paid, 2023-12.
import { describe, it } from 'vitest';
import { CASES_HEADER, PAYMENTS_HEADER, REFERRALS_HEADER, count, csv, pending, ratio } from '../helpers.ts';
import { measuresOfFixture } from './fixture-measures.ts';

// G1, G2 TOR OW are in receipt in 2023-12; G3 is not, and moves from TOR to HAM in the 2024-02 delivery.
// Referrals of December 2023 (columns: id, case, type, referred, warm, status, status date):
//   F1 G1 EMPLOYMENT_ONTARIO warm, CONNECTED 30 days later → connected
//   F2 G1 EMPLOYMENT_ONTARIO,      CONNECTED 31 days later → not connected
//   F3 G2 HOUSING warm, ACCEPTED                           → not connected
//   F4 G2 HOUSING,      CONNECTED the same day (0 days)     → connected
//   F5 G3 MENTAL_HEALTH_ADDICTIONS warm, CONNECTED 21 days later; counts for G3's latest manager, HAM
// F6 G1 EMPLOYMENT_ONTARIO in January 2024: its connection cohort is pending (2024-01-31 + 30 > as_of).
const REFERRALS = csv(`${REFERRALS_HEADER}
  F1,G1,EMPLOYMENT_ONTARIO,2023-12-01,Y,CONNECTED,2023-12-31
  F2,G1,EMPLOYMENT_ONTARIO,2023-12-01,N,CONNECTED,2024-01-01
  F3,G2,HOUSING,2023-12-05,Y,ACCEPTED,2023-12-06
  F4,G2,HOUSING,2023-12-06,N,CONNECTED,2023-12-06
  F5,G3,MENTAL_HEALTH_ADDICTIONS,2023-12-20,Y,CONNECTED,2024-01-10
  F6,G1,EMPLOYMENT_ONTARIO,2024-01-15,N,SENT,2024-01-15`);

const fixture = measuresOfFixture({
  '2024-01': {
    'cases.csv': csv(`${CASES_HEADER}
      G1,P1,OW,TOR,2023-01-01,,,SINGLE,1,1980
      G2,P2,OW,TOR,2023-01-01,,,SINGLE,1,1980
      G3,P3,OW,TOR,2023-01-01,,,SINGLE,1,1980`),
    'payments.csv': csv(`${PAYMENTS_HEADER}
      G1-1,G1,2023-12,2023-11-28,BASIC_NEEDS,343.00,
      G2-1,G2,2023-12,2023-11-28,SHELTER,390.00,`),
    'referrals.csv': REFERRALS,
  },
  '2024-02': {
    'cases.csv': csv(`${CASES_HEADER}
      G3,P3,OW,HAM,2023-01-01,,,SINGLE,1,1980`),
  },
});

describe('referrals_made', () => {
  // December, TOR OW: F1–F4 (EMPLOYMENT_ONTARIO 2, HOUSING 2); HAM OW: F5; the province: 5.
  it('counts by type, with the case’s latest manager', () =>
    fixture.expectMeasures(
      [['referrals_made', '2023-12', 'TOR', 'OW'], count(4)],
      [['referrals_made', '2023-12', 'TOR', 'OW', 'EMPLOYMENT_ONTARIO'], count(2)],
      [['referrals_made', '2023-12', 'TOR', 'OW', 'HOUSING'], count(2)],
      [['referrals_made', '2023-12', 'HAM', 'OW', 'MENTAL_HEALTH_ADDICTIONS'], count(1)],
      [['referrals_made', '2023-12', 'TOR', 'OW', 'MENTAL_HEALTH_ADDICTIONS'], undefined],
      [['referrals_made', '2023-12', 'ON', 'ALL'], count(5)],
    ));
});

describe('pct_referrals_warm', () => {
  it('is the warm share, overall and by type', () =>
    // TOR OW: F1, F3 warm of 4 → 50.0 %; EO: F1 of F1, F2 → 50.0 %; province: F1, F3, F5 of 5 → 60.0 %
    fixture.expectMeasures(
      [['pct_referrals_warm', '2023-12', 'TOR', 'OW'], ratio(2, 4, 50)],
      [['pct_referrals_warm', '2023-12', 'TOR', 'OW', 'EMPLOYMENT_ONTARIO'], ratio(1, 2, 50)],
      [['pct_referrals_warm', '2023-12', 'ON', 'ALL'], ratio(3, 5, 60)],
    ));
});

describe('pct_referrals_connected_30d', () => {
  it('connects at 30 days but not 31, and is pending at the as-of edge', () =>
    fixture.expectMeasures(
      // TOR OW: F1 (30 days), F4 (0 days) of 4 → 50.0 %; EO: F1 of F1, F2 → 50.0 %; HOUSING: F4 of F3, F4 → 50.0 %
      [['pct_referrals_connected_30d', '2023-12', 'TOR', 'OW'], ratio(2, 4, 50)],
      [['pct_referrals_connected_30d', '2023-12', 'TOR', 'OW', 'EMPLOYMENT_ONTARIO'], ratio(1, 2, 50)],
      [['pct_referrals_connected_30d', '2023-12', 'TOR', 'OW', 'HOUSING'], ratio(1, 2, 50)],
      // province: F1, F4, F5 of 5 → 60.0 %
      [['pct_referrals_connected_30d', '2023-12', 'ON', 'ALL'], ratio(3, 5, 60)],
      [['pct_referrals_connected_30d', '2024-01', 'TOR', 'OW'], pending],
      [['pct_referrals_connected_30d', '2024-01', 'TOR', 'OW', 'EMPLOYMENT_ONTARIO'], pending],
    ));
});

describe('referrals_per_100_cases', () => {
  it('divides the month’s referrals by its caseload', () =>
    fixture.expectMeasures(
      // TOR OW: 4 referrals / caseload 2 (G1, G2) → 200.0; province: 5 / 2 → 250.0
      [['referrals_per_100_cases', '2023-12', 'TOR', 'OW'], ratio(4, 2, 200)],
      [['referrals_per_100_cases', '2023-12', 'ON', 'ALL'], ratio(5, 2, 250)],
      // HAM has F5 but no caseload in December: no data, no row
      [['referrals_per_100_cases', '2023-12', 'HAM', 'OW'], undefined],
    ));
});
