// Intake measures (measures.md "Intake") on a hand-made delivery, as of 2024-02; the period range starts at
// the one payment's benefit month, 2023-12. Applications carry their own manager and program.
import { describe, expect, it } from 'vitest';
import { APPLICATIONS_HEADER, CASES_HEADER, PAYMENTS_HEADER, count, csv, ratio } from '../helpers.ts';
import { measuresOfFixture, median } from './fixture-measures.ts';

// TOR OW applications:
//   A1 ONLINE    submitted 2024-01-05, decided 2024-01-08 GRANTED    (3 days)
//   A2 PHONE     submitted 2024-01-10, decided 2024-01-15 DENIED     (5 days)
//   A3 IN_PERSON submitted 2024-01-02, decided 2024-01-12 WITHDRAWN  (10 days)
//   A4 ONLINE    submitted 2024-01-20, decided 2024-02-01 GRANTED    (decided in February, 12 days)
//   A5 PARTNER   submitted 2023-12-28, decided 2024-01-03 GRANTED    (submitted in December, 6 days)
//   A6 ONLINE    submitted 2024-01-25, pending
// TOR ODSP: A7 ONLINE submitted 2024-01-09, decided 2024-01-10 GRANTED (1 day)
const APPLICATIONS = csv(`${APPLICATIONS_HEADER}
  A1,P1,OW,TOR,ONLINE,2024-01-05,2024-01-08,GRANTED,C1
  A2,P2,OW,TOR,PHONE,2024-01-10,2024-01-15,DENIED,
  A3,P3,OW,TOR,IN_PERSON,2024-01-02,2024-01-12,WITHDRAWN,
  A4,P4,OW,TOR,ONLINE,2024-01-20,2024-02-01,GRANTED,C4
  A5,P5,OW,TOR,PARTNER,2023-12-28,2024-01-03,GRANTED,C5
  A6,P6,OW,TOR,ONLINE,2024-01-25,,,
  A7,P7,ODSP,TOR,ONLINE,2024-01-09,2024-01-10,GRANTED,C7`);

const fixture = measuresOfFixture({
  '2024-02': {
    'cases.csv': csv(`${CASES_HEADER}
      C0,P0,OW,HAM,2023-01-01,,,SINGLE,1,1980`),
    'payments.csv': csv(`${PAYMENTS_HEADER}
      X1,C0,2023-12,2023-11-28,BASIC_NEEDS,343.00,`),
    'applications.csv': APPLICATIONS,
  },
});

describe('applications_submitted', () => {
  // Submitted in 2024-01, TOR OW: A1, A2, A3, A4, A6 = 5 (ONLINE 3, PHONE 1, IN_PERSON 1); TOR ALL adds A7.
  it('counts by submission month with a channel breakdown and an ALL row', () =>
    fixture.expectMeasures(
      [['applications_submitted', '2024-01', 'TOR', 'OW'], count(5)],
      [['applications_submitted', '2024-01', 'TOR', 'OW', 'ONLINE'], count(3)],
      [['applications_submitted', '2024-01', 'TOR', 'OW', 'PHONE'], count(1)],
      [['applications_submitted', '2024-01', 'TOR', 'OW', 'PARTNER'], undefined],
      [['applications_submitted', '2024-01', 'TOR', 'ALL', 'ONLINE'], count(4)],
      [['applications_submitted', '2023-12', 'ON', 'ALL', 'PARTNER'], count(1)],
    ));
});

describe('pct_applications_online', () => {
  it('is the online share of the month’s applications', () =>
    // OW 3 / 5 = 60.0 %; ALL 4 / 6 = 66.67 → 66.7 %
    fixture.expectMeasures(
      [['pct_applications_online', '2024-01', 'TOR', 'OW'], ratio(3, 5, 60)],
      [['pct_applications_online', '2024-01', 'TOR', 'ALL'], ratio(4, 6, 66.7)],
      [['pct_applications_online', '2024-01', 'TOR', 'OW', 'ONLINE'], undefined],
    ));
});

describe('median_days_to_decision', () => {
  // Decided in 2024-01, TOR OW: A5 6, A1 3, A2 5, A3 10 (withdrawn included) → sorted 3, 5, 6, 10:
  // even count, mean of 5 and 6 = 5.5. TOR ALL adds A7's 1 day → 1, 3, 5, 6, 10: median 5.0.
  it('takes the mean of the two middle values when the count is even, withdrawn included', () =>
    fixture.expectMeasures(
      [['median_days_to_decision', '2024-01', 'TOR', 'OW'], median(4, 5.5)],
      [['median_days_to_decision', '2024-01', 'TOR', 'ALL'], median(5, 5)],
      // February: A4 alone, 12 days
      [['median_days_to_decision', '2024-02', 'ON', 'ALL'], expect.objectContaining({ value: 12 })],
    ));
});

describe('pct_granted', () => {
  // Decided in 2024-01 and granted or denied, TOR OW: A1 G, A2 D, A5 G (A3 withdrawn left out) → 2 / 3 = 66.7 %;
  // TOR ALL adds A7 G → 3 / 4 = 75.0 %.
  it('leaves withdrawn applications out of the group', () =>
    fixture.expectMeasures(
      [['pct_granted', '2024-01', 'TOR', 'OW'], ratio(2, 3, 66.7)],
      [['pct_granted', '2024-01', 'TOR', 'ALL'], ratio(3, 4, 75)],
    ));
});
