// Digital delivery measures (measures.md "Digital delivery") on a hand-made delivery, as of 2024-02
// (as_of = 2024-02-29); the period range starts at the earliest benefit month paid, 2023-12.
import { describe, expect, it } from 'vitest';
import {
  CASES_HEADER,
  MESSAGES_HEADER,
  MYBENEFITS_HEADER,
  PAYMENTS_HEADER,
  count,
  csv,
  pending,
  ratio,
} from '../helpers.ts';
import { measuresOfFixture, median } from './fixture-measures.ts';

// HAM OW: M1, M2, M3 in receipt in 2024-01; M1, M2 in 2024-02.
//   M1 enrolled 2024-01-31 (the month's last day: enrolled for January); M2 enrolled 2024-02-01; M3 never.
const MYBENEFITS = csv(`${MYBENEFITS_HEADER}
  M1,2024-01-31,
  M2,2024-02-01,2024-02-10`);

// T1 TOR OW's messages (columns: id, case, sent at, direction, in reply to):
// January 2024
//   m1 CLIENT; r1 answers it exactly 48:00:00 later                  → within 2 days; 48.0 hours
//   m2 CLIENT; r2 answers it 48:00:01 later                          → not within; 48.000… → 48.0 hours
//   m3 CLIENT; two answers: r3b 1:00:00 later is the earliest (r3a 1:15:00) → within; 1.0 hour
//   m4 CLIENT, never answered
//   m5 CLIENT 2024-01-31 23:00; answered 2024-02-05 23:00, 120 hours later → not within; 120.0 hours
//   w1 CASEWORKER with no in_reply_to: not a client message, not a reply
// December 2023 (rounding before the median)
//   d1 CLIENT; answered 1:02:24 later = 1.04 h → 1.0;  d2 CLIENT; answered 1:15:00 later = 1.25 h → 1.3
// February 2024 (the as-of month)
//   f1 CLIENT; answered 2 hours later
const MESSAGES = csv(`${MESSAGES_HEADER}
  d1,T1,2023-12-04T09:00:00,CLIENT,
  d1r,T1,2023-12-04T10:02:24,CASEWORKER,d1
  d2,T1,2023-12-05T09:00:00,CLIENT,
  d2r,T1,2023-12-05T10:15:00,CASEWORKER,d2
  m1,T1,2024-01-10T09:00:00,CLIENT,
  m2,T1,2024-01-10T09:30:00,CLIENT,
  m3,T1,2024-01-11T10:00:00,CLIENT,
  r3a,T1,2024-01-11T11:15:00,CASEWORKER,m3
  r3b,T1,2024-01-11T11:00:00,CASEWORKER,m3
  r1,T1,2024-01-12T09:00:00,CASEWORKER,m1
  r2,T1,2024-01-12T09:30:01,CASEWORKER,m2
  m4,T1,2024-01-20T08:00:00,CLIENT,
  w1,T1,2024-01-21T08:00:00,CASEWORKER,
  m5,T1,2024-01-31T23:00:00,CLIENT,
  r5,T1,2024-02-05T23:00:00,CASEWORKER,m5
  f1,T1,2024-02-10T08:00:00,CLIENT,
  f1r,T1,2024-02-10T10:00:00,CASEWORKER,f1`);

const fixture = measuresOfFixture({
  '2024-02': {
    'cases.csv': csv(`${CASES_HEADER}
      M1,P1,OW,HAM,2023-01-01,,,SINGLE,1,1980
      M2,P2,OW,HAM,2023-01-01,,,SINGLE,1,1980
      M3,P3,OW,HAM,2023-01-01,,,SINGLE,1,1980
      T1,P4,OW,TOR,2023-01-01,,,SINGLE,1,1980`),
    'payments.csv': csv(`${PAYMENTS_HEADER}
      Z1,M1,2023-12,2023-11-28,BASIC_NEEDS,343.00,
      A1,M1,2024-01,2023-12-28,BASIC_NEEDS,343.00,
      A2,M2,2024-01,2023-12-28,BASIC_NEEDS,343.00,
      A3,M3,2024-01,2023-12-28,BASIC_NEEDS,343.00,
      B1,M1,2024-02,2024-01-28,BASIC_NEEDS,343.00,
      B2,M2,2024-02,2024-01-28,BASIC_NEEDS,343.00,`),
    'mybenefits.csv': MYBENEFITS,
    'messages.csv': MESSAGES,
  },
});

describe('pct_caseload_mybenefits', () => {
  it('counts enrolment on or before the month’s end', () =>
    // January: M1 of M1, M2, M3 → 33.3 %; February: M1, M2 of M1, M2 → 100.0 %
    fixture.expectMeasures(
      [['pct_caseload_mybenefits', '2024-01', 'HAM', 'OW'], ratio(1, 3, 33.3)],
      [['pct_caseload_mybenefits', '2024-02', 'HAM', 'OW'], ratio(2, 2, 100)],
    ));
});

describe('client_messages', () => {
  it('counts CLIENT messages by the month they were sent', () =>
    fixture.expectMeasures(
      // January: m1, m2, m3, m4, m5 = 5
      [['client_messages', '2024-01', 'TOR', 'OW'], count(5)],
      // December: d1, d2 = 2
      [['client_messages', '2023-12', 'ON', 'ALL'], count(2)],
    ));
});

describe('pct_client_messages_replied_2d', () => {
  it('answers at exactly 48:00:00 count, one second more does not', () =>
    // January: m1, m3 of 5 → 40.0 %
    fixture.expectMeasures([['pct_client_messages_replied_2d', '2024-01', 'TOR', 'OW'], ratio(2, 5, 40)]));

  it('is pending in the as-of month (2024-02-29 + 2 days > as_of)', () =>
    fixture.expectMeasures([['pct_client_messages_replied_2d', '2024-02', 'TOR', 'OW'], pending]));
});

describe('median_hours_to_reply', () => {
  it('takes the median of the answered messages’ hours, however late', () =>
    // January: 48.0, 48.0, 1.0, 120.0 → sorted 1.0, 48.0, 48.0, 120.0 → (48.0 + 48.0) / 2 = 48.0
    fixture.expectMeasures([['median_hours_to_reply', '2024-01', 'TOR', 'OW'], median(4, 48)]));

  it('rounds each reply time to 1 decimal first, and the even median half away from zero', () =>
    // December: 1.04 → 1.0 and 1.25 → 1.3; (1.0 + 1.3) / 2 = 1.15 → 1.2
    // (without rounding first: (1.04 + 1.25) / 2 = 1.145 → 1.1)
    fixture.expectMeasures([
      ['median_hours_to_reply', '2023-12', 'TOR', 'OW'],
      expect.objectContaining({ value: 1.2 }),
    ]));

  it('is not a cohort: the as-of month is ok', () =>
    // February: f1 answered in 2.0 hours
    fixture.expectMeasures([['median_hours_to_reply', '2024-02', 'TOR', 'OW'], median(1, 2)]));
});
