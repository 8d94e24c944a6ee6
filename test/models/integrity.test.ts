// Program integrity measures (measures.md "Program integrity") on a hand-made delivery, as of 2024-02
// (as_of = 2024-02-29); the period range starts at the earliest benefit month paid, 2023-12.
import { describe, it } from 'vitest';
import { CASES_HEADER, PAYMENTS_HEADER, REVIEWS_HEADER, count, csv, pending, ratio } from '../helpers.ts';
import { measuresOfFixture } from './fixture-measures.ts';

// TOR OW reviews (columns: id, case, tier, selected, completed, outcome, adjustment):
//   e1 L2 LOW    selected 2023-12-01, completed 2024-01-30 (60 days) NO_CHANGE
//   e2 L1 LOW    selected 2023-12-01, completed 2024-01-31 (61 days) OVERPAYMENT 250.50
//   e3 L3 HIGH   selected 2023-12-10, completed 2023-12-20 (10 days) INELIGIBLE 1000.00
//   e4 L4 HIGH   selected 2023-12-15, not completed
//   e5 L5 MEDIUM selected 2023-12-15, completed 2024-01-05 (21 days) UNDERPAYMENT 50.00
//   e6 L1 HIGH   selected 2024-01-02, completed 2024-01-20           OVERPAYMENT 100.00 (same case as e2)
const REVIEWS = csv(`${REVIEWS_HEADER}
  e1,L2,LOW,2023-12-01,2024-01-30,NO_CHANGE,0
  e2,L1,LOW,2023-12-01,2024-01-31,OVERPAYMENT,250.50
  e3,L3,HIGH,2023-12-10,2023-12-20,INELIGIBLE,1000.00
  e4,L4,HIGH,2023-12-15,,,
  e5,L5,MEDIUM,2023-12-15,2024-01-05,UNDERPAYMENT,50.00
  e6,L1,HIGH,2024-01-02,2024-01-20,OVERPAYMENT,100.00`);

const fixture = measuresOfFixture({
  '2024-02': {
    'cases.csv': csv(`${CASES_HEADER}
      L1,P1,OW,TOR,2023-01-01,,,SINGLE,1,1980
      L2,P2,OW,TOR,2023-01-01,,,SINGLE,1,1980
      L3,P3,OW,TOR,2023-01-01,,,SINGLE,1,1980
      L4,P4,OW,TOR,2023-01-01,,,SINGLE,1,1980
      L5,P5,OW,TOR,2023-01-01,,,SINGLE,1,1980`),
    'payments.csv': csv(`${PAYMENTS_HEADER}
      Z1,L1,2023-12,2023-11-28,BASIC_NEEDS,343.00,`),
    'eligibility_reviews.csv': REVIEWS,
  },
});

describe('reviews_completed', () => {
  it('counts by completion month and risk tier', () =>
    // January: e1, e2, e5, e6 = 4 (LOW 2, MEDIUM 1, HIGH 1); December: e3 (HIGH)
    fixture.expectMeasures(
      [['reviews_completed', '2024-01', 'TOR', 'OW'], count(4)],
      [['reviews_completed', '2024-01', 'TOR', 'OW', 'LOW'], count(2)],
      [['reviews_completed', '2024-01', 'TOR', 'OW', 'HIGH'], count(1)],
      [['reviews_completed', '2023-12', 'ON', 'ALL', 'HIGH'], count(1)],
    ));
});

describe('pct_reviews_completed_60d', () => {
  // Selected in December: e1 (60 days: yes), e2 (61: no), e3 (yes), e4 (never: no), e5 (yes) → 3 / 5.
  // Final exactly at the as-of date: 2023-12-31 + 60 days = 2024-02-29 = as_of.
  it('completes at 60 days but not 61, by tier', () =>
    fixture.expectMeasures(
      [['pct_reviews_completed_60d', '2023-12', 'TOR', 'OW'], ratio(3, 5, 60)],
      [['pct_reviews_completed_60d', '2023-12', 'TOR', 'OW', 'LOW'], ratio(1, 2, 50)],
      [['pct_reviews_completed_60d', '2023-12', 'TOR', 'OW', 'HIGH'], ratio(1, 2, 50)],
      [['pct_reviews_completed_60d', '2023-12', 'TOR', 'OW', 'MEDIUM'], ratio(1, 1, 100)],
    ));

  it('is pending for January (2024-01-31 + 60 days > as_of)', () =>
    fixture.expectMeasures(
      [['pct_reviews_completed_60d', '2024-01', 'TOR', 'OW'], pending],
      [['pct_reviews_completed_60d', '2024-01', 'TOR', 'OW', 'HIGH'], pending],
    ));
});

describe('review_hit_rate', () => {
  it('counts every outcome but NO_CHANGE', () =>
    // January: e2, e5, e6 of e1, e2, e5, e6 → 75.0 %; LOW: e2 of e1, e2 → 50.0 %
    fixture.expectMeasures(
      [['review_hit_rate', '2024-01', 'TOR', 'OW'], ratio(3, 4, 75)],
      [['review_hit_rate', '2024-01', 'TOR', 'OW', 'LOW'], ratio(1, 2, 50)],
    ));
});

describe('overpayment_identified', () => {
  it('sums OVERPAYMENT and INELIGIBLE adjustments over distinct cases', () =>
    fixture.expectMeasures(
      // January: e2 250.50 + e6 100.00 = 350.50 over 1 distinct case (L1); UNDERPAYMENT e5 left out
      [['overpayment_identified', '2024-01', 'TOR', 'OW'], ratio(350.5, 1, 350.5)],
      [['overpayment_identified', '2024-01', 'TOR', 'OW', 'LOW'], ratio(250.5, 1, 250.5)],
      [['overpayment_identified', '2024-01', 'TOR', 'OW', 'MEDIUM'], undefined],
      // December: e3 INELIGIBLE 1000.00
      [['overpayment_identified', '2023-12', 'ON', 'ALL', 'HIGH'], ratio(1000, 1, 1000)],
    ));
});
