// Caseload and spending measures (measures.md) on a hand-made two-month delivery. Every expected value is
// worked out in the comments from the fixture rows below.
import { describe, expect, it } from 'vitest';
import { CASES_HEADER, PAYMENTS_HEADER, count, csv, ratio } from '../helpers.ts';
import { measuresOfFixture } from './fixture-measures.ts';

// C1 TOR OW single; C2 TOR OW opened in January, 4 members; C3 TOR ODSP; C4 HAM OW opened in January,
// closed in February for employment, 3 members; C5 HAM OW shelter only, 2 members; C6 HAM ODSP fully
// reversed; C7 OW partially reversed, delivered in TOR in January and moved to HAM in February (latest
// version wins for every month); C8 HAM OW reversed by a late reversal in the February delivery;
// C9 TOR OW with only a discretionary payment.
const JANUARY_CASES = csv(`${CASES_HEADER}
  C1,P1,OW,TOR,2023-06-01,,,SINGLE,1,1980
  C2,P2,OW,TOR,2024-01-15,,,COUPLE_WITH_CHILDREN,4,1985
  C3,P3,ODSP,TOR,2023-01-01,,,SINGLE,1,1970
  C4,P4,OW,HAM,2024-01-03,,,SOLE_SUPPORT_PARENT,3,1990
  C5,P5,OW,HAM,2023-11-01,,,COUPLE,2,1975
  C6,P6,ODSP,HAM,2023-05-01,,,SINGLE,1,1960
  C7,P7,OW,TOR,2023-02-01,,,SINGLE,1,1982
  C8,P8,OW,HAM,2023-03-01,,,SINGLE,1,1983
  C9,P9,OW,TOR,2023-04-01,,,SINGLE,1,1984`);

const JANUARY_PAYMENTS = csv(`${PAYMENTS_HEADER}
  P01,C1,2024-01,2023-12-28,BASIC_NEEDS,343.00,
  P02,C1,2024-01,2023-12-28,SHELTER,390.00,
  P03,C2,2024-01,2024-01-15,BASIC_NEEDS,500.00,
  P04,C2,2024-01,2024-01-15,SHELTER,600.00,
  P05,C3,2024-01,2023-12-28,BASIC_NEEDS,800.00,
  P06,C3,2024-01,2023-12-28,SHELTER,568.00,
  P07,C4,2024-01,2024-01-03,BASIC_NEEDS,343.00,
  P08,C4,2024-01,2024-01-03,SHELTER,390.00,
  P09,C5,2024-01,2023-12-28,SHELTER,390.00,
  P10,C6,2024-01,2023-12-28,BASIC_NEEDS,800.00,
  P11,C6,2024-01,2023-12-28,SHELTER,568.00,
  P12,C6,2024-01,2024-01-10,BASIC_NEEDS,-800.00,P10
  P13,C6,2024-01,2024-01-10,SHELTER,-568.00,P11
  P14,C7,2024-01,2023-12-28,BASIC_NEEDS,343.00,
  P15,C7,2024-01,2023-12-28,SHELTER,390.00,
  P16,C7,2024-01,2024-01-12,SHELTER,-100.00,P15
  P17,C8,2024-01,2023-12-28,BASIC_NEEDS,343.00,
  P18,C9,2024-01,2024-01-20,DISCRETIONARY,100.00,`);

const FEBRUARY_CASES = csv(`${CASES_HEADER}
  C1,P1,OW,TOR,2023-06-01,,,SINGLE,1,1980
  C4,P4,OW,HAM,2024-01-03,2024-02-20,EMPLOYMENT,SOLE_SUPPORT_PARENT,3,1990
  C7,P7,OW,HAM,2023-02-01,,,SINGLE,1,1982`);

const FEBRUARY_PAYMENTS = csv(`${PAYMENTS_HEADER}
  P19,C8,2024-01,2024-02-05,BASIC_NEEDS,-343.00,P17
  P20,C1,2024-02,2024-01-30,BASIC_NEEDS,343.00,
  P21,C1,2024-02,2024-01-30,SHELTER,390.00,
  P22,C4,2024-02,2024-01-30,BASIC_NEEDS,343.00,
  P23,C4,2024-02,2024-01-30,SHELTER,390.00,`);

const fixture = measuresOfFixture({
  '2024-01': { 'cases.csv': JANUARY_CASES, 'payments.csv': JANUARY_PAYMENTS },
  '2024-02': { 'cases.csv': FEBRUARY_CASES, 'payments.csv': FEBRUARY_PAYMENTS },
});

/** The expected measures row of a `total`: the amount, the number of cases it is over. */
const total = (amount: number, cases: number) => ratio(amount, cases, amount);

describe('caseload', () => {
  // January in receipt (net BASIC_NEEDS + SHELTER > 0):
  //   C1 733, C2 1100, C3 1368, C4 733, C5 390 (shelter only), C7 633 (partial reversal) → in receipt
  //   C6 0 (full reversal), C8 0 (late reversal), C9 no basic needs or shelter → not in receipt
  // by latest manager: TOR OW {C1, C2}, TOR ODSP {C3}, HAM OW {C4, C5, C7}, HAM ODSP {}.
  it('counts cases in receipt per manager and program, with full, partial and late reversals', () =>
    fixture.expectMeasures(
      [['caseload', '2024-01', 'TOR', 'OW'], count(2)],
      [['caseload', '2024-01', 'TOR', 'ODSP'], count(1)],
      [['caseload', '2024-01', 'TOR', 'ALL'], count(3)],
      [['caseload', '2024-01', 'HAM', 'OW'], count(3)],
      [['caseload', '2024-01', 'HAM', 'ALL'], count(3)],
      // HAM ODSP: C6 fully reversed, so nobody is in receipt: a real zero (measures.md "Kinds, values and rounding").
      [['caseload', '2024-01', 'HAM', 'ODSP'], count(0)],
    ));

  it('computes the province from all records: ON OW 5, ODSP 1, ALL 6', () =>
    fixture.expectMeasures(
      [['caseload', '2024-01', 'ON', 'OW'], count(5)],
      [['caseload', '2024-01', 'ON', 'ODSP'], count(1)],
      [['caseload', '2024-01', 'ON', 'ALL'], count(6)],
    ));

  it('February: C1 and C4 (closed on the 20th but paid for February)', () =>
    fixture.expectMeasures(
      [['caseload', '2024-02', 'ON', 'ALL'], count(2)],
      [['caseload', '2024-02', 'HAM', 'OW'], count(1)],
    ));
});

describe('beneficiaries', () => {
  // TOR OW: C1 1 + C2 4 = 5; HAM OW: C4 3 + C5 2 + C7 1 = 6; TOR ODSP: C3 1; ON ALL 12.
  it('sums members of the cases in receipt', () =>
    fixture.expectMeasures(
      [['beneficiaries', '2024-01', 'TOR', 'OW'], count(5)],
      [['beneficiaries', '2024-01', 'HAM', 'OW'], count(6)],
      [['beneficiaries', '2024-01', 'ON', 'OW'], count(11)],
      [['beneficiaries', '2024-01', 'ON', 'ALL'], count(12)],
    ));
});

describe('cases opened and closed', () => {
  // Opened in January: C2 (TOR OW), C4 (HAM OW). Cases opened in 2023 are before the period range.
  it('counts openings in the month', async () => {
    await fixture.expectMeasures(
      [['cases_opened', '2024-01', 'ON', 'OW'], count(2)],
      [['cases_opened', '2024-01', 'TOR', 'ALL'], count(1)],
      [['cases_opened', '2024-01', 'ON', 'ODSP'], count(0)],
    );
    expect(
      await fixture.wh.value(
        `select count(*) from measures where measure_id = 'cases_opened' and period < '2024-01'`,
      ),
    ).toBe(0);
  });
  it('counts closures in the month, from the latest version', () =>
    fixture.expectMeasures(
      [['cases_closed', '2024-02', 'HAM', 'OW'], count(1)],
      [['cases_closed', '2024-02', 'ON', 'ALL'], count(1)],
      [['cases_closed', '2024-01', 'ON', 'ALL'], count(0)],
    ));
});

describe('assistance_paid', () => {
  // January nets: C1 BN 343 + SH 390; C2 500 + 600; C3 800 + 568; C4 343 + 390; C5 SH 390; C6 0 + 0;
  // C7 343 + 290; C8 BN 0; C9 DISC 100.
  it('sums net dollars with the cases whose net is non-zero, for ALL and each payment type', () =>
    fixture.expectMeasures(
      // 733 + 1100 + 1368 + 733 + 390 + 0 + 633 + 0 + 100 = 5057; non-zero: C1 C2 C3 C4 C5 C7 C9 = 7
      [['assistance_paid', '2024-01', 'ON', 'ALL'], total(5057, 7)],
      // BASIC_NEEDS: 343 + 500 + 800 + 343 + 0 (C6) + 343 + 0 (C8) = 2329; non-zero C1 C2 C3 C4 C7 = 5
      [['assistance_paid', '2024-01', 'ON', 'ALL', 'BASIC_NEEDS'], total(2329, 5)],
      // SHELTER: 390 + 600 + 568 + 390 + 390 + 0 (C6) + 290 = 2628; non-zero C1 C2 C3 C4 C5 C7 = 6
      [['assistance_paid', '2024-01', 'ON', 'ALL', 'SHELTER'], total(2628, 6)],
      [['assistance_paid', '2024-01', 'ON', 'ALL', 'DISCRETIONARY'], total(100, 1)],
      // ODSP: C3 1368 (C6 nets to 0)
      [['assistance_paid', '2024-01', 'ON', 'ODSP'], total(1368, 1)],
      // TOR OW: C1 733 + C2 1100 + C9 100 = 1933 over 3 cases; HAM OW: C4 733 + C5 390 + C7 633 + C8 0 = 1756 over 3
      [['assistance_paid', '2024-01', 'TOR', 'OW'], total(1933, 3)],
      [['assistance_paid', '2024-01', 'HAM', 'OW'], total(1756, 3)],
      // HAM ODSP nets to 0 (C6 fully reversed) and no case has a non-zero net: a real zero, den 0.
      [['assistance_paid', '2024-01', 'HAM', 'ODSP'], total(0, 0)],
      // Its BASIC_NEEDS value has nothing in it either (net 0, no case): a breakdown value is then omitted.
      [['assistance_paid', '2024-01', 'HAM', 'ODSP', 'BASIC_NEEDS'], undefined],
      // February: C1 733 + C4 733
      [['assistance_paid', '2024-02', 'ON', 'ALL'], total(1466, 2)],
    ));
});

describe('zeros are figures', () => {
  // measures.md "Kinds, values and rounding": a count or total with nothing to count has its ALL-breakdown
  // row for every month of the period range (2024-01, 2024-02), geography (the 47 managers of
  // data/reference/service_managers.csv and ON) and program (OW, ODSP, ALL): 2 × 48 × 3 = 288 rows per
  // measure, whether or not anything happened.
  it('writes the ALL row of every count and total for every month, geography and program', async () => {
    const rows = await fixture.wh.all<{ measure_id: string; n: number }>(
      `select measure_id, count(*)::integer as n from measures join measure_registry using (measure_id)
       where kind in ('count', 'total') and breakdown = 'ALL' group by measure_id order by measure_id`,
    );
    expect(rows).toEqual(
      [
        'applications_submitted',
        'assistance_paid',
        'beneficiaries',
        'caseload',
        'cases_closed',
        'cases_opened',
        'client_messages',
        'overpayment_identified',
        'referrals_made',
        'reviews_completed',
      ].map((measure_id) => ({ measure_id, n: 288 })),
    );
  });

  it('a manager with no case at all reads 0, status ok; a total 0.00 over 0 cases', () =>
    fixture.expectMeasures(
      // ALG (Algoma) has no case in the fixture.
      [['cases_opened', '2024-02', 'ALG', 'OW'], count(0)],
      [['caseload', '2024-01', 'ALG', 'ALL'], count(0)],
      // Nothing was applied for anywhere: the province's count is 0 too.
      [['applications_submitted', '2024-01', 'ON', 'ALL'], count(0)],
      [['overpayment_identified', '2024-02', 'ON', 'ALL'], total(0, 0)],
      // A breakdown value with nothing in it is not written (channels of no application).
      [['applications_submitted', '2024-01', 'ON', 'ALL', 'ONLINE'], undefined],
    ));
});
