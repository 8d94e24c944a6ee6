// Funding (funding.md) end to end: a hand-made delivery through ingest and build, then publish and a scenario.
// Every expected figure is worked out in the comments from the fixture rows and the test parameters below.
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { runScenario } from '../../pipelines/funding/scenario.ts';
import { publish } from '../../pipelines/publish/publish.ts';
import type { Warehouse } from '../../pipelines/warehouse.ts';
import {
  ASSESSMENTS_HEADER,
  CASES_HEADER,
  PAYMENTS_HEADER,
  REFERRALS_HEADER,
  csv,
  fixtureWarehouse,
  referenceFolder,
  tempDir,
  FUNDING_TEST_PARAMETERS,
} from '../helpers.ts';
import { expectReadings } from './fixture-measures.ts';

// Test parameters. default.json: assistance share 0.5, discretionary share 0.8 up to $10 a case-month,
// envelope 470,000,000 (so the base term is 470,000,000 × 0.1 / 47 = 1,000,000.00 exactly), weights 0.1 / 0.7 /
// 0.2, points 10 / 2 / 3, rate 0.5, no mitigation, milestones 90 / 182 / 365 days at $500, stream weights
// 1 / 1.5 / 2, cutoffs 24 / 15. 2025-26.json: envelope 940,000,000, rate 0.8, $400 a milestone; it also
// applies to 2026-27 (nearest earlier file).
const DEFAULT = FUNDING_TEST_PARAMETERS;
const FY_2025_26 = {
  ...DEFAULT,
  pdf: { ...DEFAULT.pdf, envelope: 940000000, provincial_rate: 0.8 },
  outcome_payments: { ...DEFAULT.outcome_payments, amount_per_milestone: 400 },
};

// One delivery, 2025-06 (as_of 2025-06-30). Payments start in 2024-02, so the period range is 2024-02 … 2025-06:
//   2023-24 has 2 months in range (provisional), 2024-25 all 12 (complete), 2025-26 3 (provisional).
// Allocations: 2024-25 (reference 2023-24, provisional), 2025-26 (reference 2024-25, complete),
//   2026-27 (reference 2025-26, provisional).
//
// TOR: T1–T3 OW in receipt in 2024-02 and 2024-03, T1 again in 2024-04. T4 OW closed 2024-02-15 for employment,
//   no assessment (stream C); the same person opens T5 (ODSP, in HAM) 91 days later, on 2024-05-16.
//   T6 OW closed 2024-12-31 for employment, initial total 15 (stream B). T7 OW closed 2025-04-01 for
//   employment, no assessment (C).
// HAM: H1 OW in receipt 2024-02 and 2024-03, with discretionary 50 a month and 0.05 of OTHER; reviewed
//   2024-03-01, 152 days after its initial, 18 > 12 (improved); EO referrals connected in 15 days (2024-03),
//   in 32 days (2025-05, not connected) and in 5 days (2025-06, its cohort still pending). H2 ODSP in receipt in
//   2024-02, closed 2024-03-31 for employment (ODSP: no outcome payment, no points). H3 OW closed 2024-03-10
//   for employment, initial total 24 (stream A); the same person opens H4 (OW, in TOR) 90 days later,
//   on 2024-06-08.
const CASES = csv(`${CASES_HEADER}
  T1,P1,OW,TOR,2023-01-01,,,SINGLE,1,1980
  T2,P2,OW,TOR,2023-01-01,,,SINGLE,1,1980
  T3,P3,OW,TOR,2023-01-01,,,SINGLE,1,1980
  T4,P4,OW,TOR,2023-06-01,2024-02-15,EMPLOYMENT,SINGLE,1,1980
  T5,P4,ODSP,HAM,2024-05-16,,,SINGLE,1,1980
  T6,P6,OW,TOR,2024-01-10,2024-12-31,EMPLOYMENT,SINGLE,1,1980
  T7,P7,OW,TOR,2024-09-01,2025-04-01,EMPLOYMENT,SINGLE,1,1980
  H1,P11,OW,HAM,2023-01-01,,,SINGLE,1,1980
  H2,P12,ODSP,HAM,2023-01-01,2024-03-31,EMPLOYMENT,SINGLE,1,1980
  H3,P13,OW,HAM,2023-05-01,2024-03-10,EMPLOYMENT,SINGLE,1,1980
  H4,P13,OW,TOR,2024-06-08,,,SINGLE,1,1980`);

const PAYMENTS = csv(`${PAYMENTS_HEADER}
  X01,T1,2024-02,2024-01-30,BASIC_NEEDS,500.00,
  X02,T1,2024-02,2024-01-30,SHELTER,400.00,
  X03,T1,2024-02,2024-02-10,DISCRETIONARY,20.00,
  X04,T1,2024-03,2024-02-28,BASIC_NEEDS,500.00,
  X05,T1,2024-03,2024-02-28,SHELTER,400.00,
  X06,T1,2024-03,2024-03-10,DISCRETIONARY,20.00,
  X07,T1,2024-04,2024-03-28,BASIC_NEEDS,500.00,
  X08,T1,2024-04,2024-03-28,SHELTER,400.00,
  X09,T2,2024-02,2024-01-30,BASIC_NEEDS,300.00,
  X10,T2,2024-02,2024-01-30,SHELTER,200.00,
  X11,T2,2024-03,2024-02-28,BASIC_NEEDS,300.00,
  X12,T2,2024-03,2024-02-28,SHELTER,200.00,
  X13,T3,2024-02,2024-01-30,BASIC_NEEDS,300.00,
  X14,T3,2024-02,2024-01-30,SHELTER,200.00,
  X15,T3,2024-03,2024-02-28,BASIC_NEEDS,300.00,
  X16,T3,2024-03,2024-02-28,SHELTER,200.00,
  X17,H1,2024-02,2024-01-30,BASIC_NEEDS,400.00,
  X18,H1,2024-02,2024-01-30,SHELTER,300.00,
  X19,H1,2024-02,2024-02-12,DISCRETIONARY,50.00,
  X20,H1,2024-02,2024-02-12,OTHER,0.05,
  X21,H1,2024-03,2024-02-28,BASIC_NEEDS,400.00,
  X22,H1,2024-03,2024-02-28,SHELTER,300.00,
  X23,H1,2024-03,2024-03-12,DISCRETIONARY,50.00,
  X24,H2,2024-02,2024-01-30,BASIC_NEEDS,1000.00,
  X25,H2,2024-02,2024-01-30,SHELTER,500.00,
  X26,H2,2024-02,2024-02-12,DISCRETIONARY,5.00,`);

const ASSESSMENTS = csv(`${ASSESSMENTS_HEADER}
  A1,H1,2023-10-01,INITIAL,2,2,2,2,2,2,N,N
  A2,H1,2024-03-01,REVIEW,3,3,3,3,3,3,Y,N
  A3,H3,2023-06-01,INITIAL,4,4,4,4,4,4,N,N
  A4,T6,2024-02-01,INITIAL,3,3,3,2,2,2,N,N`);

const REFERRALS = csv(`${REFERRALS_HEADER}
  R1,H1,EMPLOYMENT_ONTARIO,2024-03-05,Y,CONNECTED,2024-03-20
  R2,H1,EMPLOYMENT_ONTARIO,2025-05-01,N,CONNECTED,2025-06-02
  R3,H1,EMPLOYMENT_ONTARIO,2025-06-10,Y,CONNECTED,2025-06-15
  R4,T1,HOUSING,2024-03-06,Y,CONNECTED,2024-03-07`);

let wh: Warehouse;
let out: string;
let referenceDir: string;
beforeAll(async () => {
  referenceDir = referenceFolder({ 'default.json': DEFAULT, '2025-26.json': FY_2025_26 });
  wh = await fixtureWarehouse(
    {
      '2025-06': {
        'cases.csv': CASES,
        'payments.csv': PAYMENTS,
        'stabilization_assessments.csv': ASSESSMENTS,
        'referrals.csv': REFERRALS,
      },
    },
    { referenceDir },
  );
  out = join(tempDir(), 'published');
  await publish(wh, { out, runId: 'test', site: false });
});

/** Rows of `funding` for a year, geography, program and family of components as {component: amount text}. */
async function rows(
  fy: string,
  sm: string,
  program: string,
  family: 'cost' | 'pdf' | 'outcome',
): Promise<Record<string, string>> {
  const like = {
    cost: "(component like 'assistance%' or component like 'discretionary%')",
    pdf: "component like 'pdf%'",
    outcome: "component like 'outcome%'",
  }[family];
  const rs = await wh.all<{ component: string; amount: string }>(
    `select component, amount::varchar as amount from funding
     where fiscal_year = '${fy}' and service_manager = '${sm}' and program = '${program}' and ${like}`,
  );
  return Object.fromEntries(rs.map((r) => [r.component, r.amount]));
}
const statusOf = async (fy: string, component: string): Promise<string[]> =>
  (
    await wh.all<{ status: string }>(
      `select distinct status from funding where fiscal_year = '${fy}' and component = '${component}'`,
    )
  ).map((r) => r.status);

/** Compares each geography's OW rows of a family of components in a year with the expected ones. */
const expectOwFunding = (
  family: 'pdf' | 'outcome',
  fy: string,
  expected: Record<string, Record<string, string>>,
): Promise<void> => expectReadings(Object.entries(expected), (sm) => rows(fy, sm, 'OW', family));

const costSharing = (
  assistance: [string, string, string],
  discretionary: [string, string, string, string],
): Record<string, string> => ({
  assistance_total: assistance[0],
  assistance_provincial: assistance[1],
  assistance_municipal: assistance[2],
  discretionary_total: discretionary[0],
  discretionary_cap: discretionary[1],
  discretionary_provincial: discretionary[2],
  discretionary_municipal: discretionary[3],
});

describe('fiscal years', () => {
  it('has actuals for each year with a month in range, allocations one year past the data', async () => {
    expect(
      await wh.all(
        `select fiscal_year, months_in_range, status, has_allocation, allocation_status
         from funding_fiscal_years order by fiscal_year`,
      ),
    ).toEqual([
      {
        fiscal_year: '2023-24',
        months_in_range: 2,
        status: 'provisional',
        has_allocation: false,
        allocation_status: null,
      },
      {
        fiscal_year: '2024-25',
        months_in_range: 12,
        status: 'complete',
        has_allocation: true,
        allocation_status: 'provisional',
      },
      {
        fiscal_year: '2025-26',
        months_in_range: 3,
        status: 'provisional',
        has_allocation: true,
        allocation_status: 'complete',
      },
      {
        fiscal_year: '2026-27',
        months_in_range: 0,
        status: null,
        has_allocation: true,
        allocation_status: 'provisional',
      },
    ]);
  });

  it('uses a year file for its year and the next, default.json before it', async () => {
    expect(
      await wh.all(`select fiscal_year, parameters_file from ref_funding_parameters order by fiscal_year`),
    ).toEqual([
      { fiscal_year: '2023-24', parameters_file: 'default.json' },
      { fiscal_year: '2024-25', parameters_file: 'default.json' },
      { fiscal_year: '2025-26', parameters_file: '2025-26.json' },
      { fiscal_year: '2026-27', parameters_file: '2025-26.json' },
    ]);
  });
});

describe('cost sharing', () => {
  // TOR OW 2023-24: assistance T1 (500 + 400) × 2 + T2 (300 + 200) × 2 + T3 the same = 3,800.00; provincial
  // 3,800 × 0.5 = 1,900.00. Discretionary T1 20 × 2 = 40; cap $10 × 6 case-months = 60; not binding:
  // provincial min(40, 60) × 0.8 = 32.00, municipal 8.00. No ODSP: ALL is the same.
  it('applies the shares, the cap not binding', async () => {
    const tor = costSharing(['3800.00', '1900.00', '1900.00'], ['40.00', '60.00', '32.00', '8.00']);
    expect(await rows('2023-24', 'TOR', 'OW', 'cost')).toEqual(tor);
    expect(await rows('2023-24', 'TOR', 'ALL', 'cost')).toEqual(tor);
    expect(await rows('2023-24', 'TOR', 'ODSP', 'cost')).toEqual({});
  });

  // HAM OW 2023-24: assistance H1 (400 + 300) × 2 + 0.05 OTHER = 1,400.05; provincial 700.025 → 700.03 (half
  // away from zero), municipal 1,400.05 − 700.03 = 700.02. Discretionary 100; cap $10 × 2 = 20, binding:
  // provincial 20 × 0.8 = 16.00, municipal 84.00.
  // HAM ODSP: H2 1,500 → 750.00 / 750.00; discretionary 5 under a cap of 10: 4.00 / 1.00.
  // HAM ALL caps the combined totals: 105 against 30 → 24.00 (not OW 16 + ODSP 4 = 20); assistance 2,900.05 →
  // 1,450.025 → 1,450.03.
  it('applies the cap when binding, and to the combined totals for ALL', async () => {
    expect(await rows('2023-24', 'HAM', 'OW', 'cost')).toEqual(
      costSharing(['1400.05', '700.03', '700.02'], ['100.00', '20.00', '16.00', '84.00']),
    );
    expect(await rows('2023-24', 'HAM', 'ODSP', 'cost')).toEqual(
      costSharing(['1500.00', '750.00', '750.00'], ['5.00', '10.00', '4.00', '1.00']),
    );
    expect(await rows('2023-24', 'HAM', 'ALL', 'cost')).toEqual(
      costSharing(['2900.05', '1450.03', '1450.02'], ['105.00', '30.00', '24.00', '81.00']),
    );
  });

  // ON rows add the managers' rows: OW discretionary provincial 32 + 16 = 48.00 (a cap on the province total,
  // min(140, 80) × 0.8 = 64, would differ); ALL 32 + 24 = 56.00.
  it('makes ON the sum of the managers', async () => {
    expect(await rows('2023-24', 'ON', 'OW', 'cost')).toEqual(
      costSharing(['5200.05', '2600.03', '2600.02'], ['140.00', '80.00', '48.00', '92.00']),
    );
    expect(await rows('2023-24', 'ON', 'ALL', 'cost')).toEqual(
      costSharing(['6700.05', '3350.03', '3350.02'], ['145.00', '90.00', '56.00', '89.00']),
    );
  });

  // 2024-25: only T1 in 2024-04: 900 → 450.00; no discretionary: 0.00 under a cap of 10.00. HAM had no payment in
  // the year: no row. 2025-26: no payment at all: no cost-sharing row.
  it('writes rows only where there was a payment in the year', async () => {
    expect(await rows('2024-25', 'TOR', 'OW', 'cost')).toEqual(
      costSharing(['900.00', '450.00', '450.00'], ['0.00', '10.00', '0.00', '0.00']),
    );
    expect(await rows('2024-25', 'HAM', 'ALL', 'cost')).toEqual({});
    expect(
      await wh.value(
        `select count(*) from funding where fiscal_year = '2025-26' and component like 'assistance%'`,
      ),
    ).toBe(0);
    expect(await statusOf('2023-24', 'assistance_total')).toEqual(['provisional']);
    expect(await statusOf('2024-25', 'assistance_total')).toEqual(['complete']);
  });
});

describe('program-delivery allocation', () => {
  const pdf = (
    base: string,
    caseload: string,
    outcomes: string,
    allocation: string,
    match = allocation,
  ): Record<string, string> => ({
    pdf_base: base,
    pdf_caseload: caseload,
    pdf_outcomes: outcomes,
    pdf_mitigation: '0.00',
    pdf_allocation: allocation,
    pdf_municipal_match: match,
  });

  // 2024-25 from 2023-24 (2 months; provisional): C_TOR = 6 case-months / 2 = 3, C_HAM = 2 / 2 = 1, ΣC = 4.
  //   O_TOR = 10 (T4's exit); O_HAM = 10 (H3's exit) + 2 (R1 connected) + 3 (H1 improved) = 15; ΣO = 25
  //   (H2's exit is ODSP, R4 is not Employment Ontario).
  //   base 470,000,000 × 0.1 / 47 = 1,000,000 each; caseload 329,000,000 × 3/4 = 246,750,000 TOR, × 1/4 =
  //   82,250,000 HAM; outcomes 94,000,000 × 10/25 = 37,600,000 TOR, × 15/25 = 56,400,000 HAM.
  //   TOR 285,350,000; HAM 139,650,000; the 45 others 1,000,000 (sum 470,000,000). Rate 0.5: match = allocation.
  it('allocates from a provisional reference year', async () => {
    await expectOwFunding('pdf', '2024-25', {
      TOR: pdf('1000000.00', '246750000.00', '37600000.00', '285350000.00'),
      HAM: pdf('1000000.00', '82250000.00', '56400000.00', '139650000.00'),
      ALG: pdf('1000000.00', '0.00', '0.00', '1000000.00'),
      ON: pdf('47000000.00', '329000000.00', '94000000.00', '470000000.00'),
    });
    expect(await statusOf('2024-25', 'pdf_allocation')).toEqual(['provisional']);
  });

  // 2025-26 from 2024-25 (complete), 2025-26.json: E = 940,000,000, rate 0.8. Only T1 in receipt (2024-04):
  //   C_TOR = 1/12 = ΣC; only T6's exit: O_TOR = 10 = ΣO. base 2,000,000 each; TOR 2,000,000 + 658,000,000 +
  //   188,000,000 = 848,000,000; match 848,000,000 × 0.2 / 0.8 = 212,000,000.
  it('allocates a complete reference year with that year’s parameter file', async () => {
    await expectOwFunding('pdf', '2025-26', {
      TOR: pdf('2000000.00', '658000000.00', '188000000.00', '848000000.00', '212000000.00'),
      HAM: pdf('2000000.00', '0.00', '0.00', '2000000.00', '500000.00'),
    });
    expect(await statusOf('2025-26', 'pdf_allocation')).toEqual(['complete']);
  });

  // 2026-27 from 2025-26 (3 months; provisional), parameters of 2025-26.json. Nobody in receipt: ΣC = 0, the
  //   caseload term is spread equally, 658,000,000 / 47 = 14,000,000 each. O_TOR = 10 (T7), O_HAM = 2 (R3, whose
  //   cohort is still pending; R2 connected after 32 days does not count); ΣO = 12: outcomes TOR
  //   188,000,000 × 10/12 = 156,666,666.666…, HAM 31,333,333.333….
  //   Cents: TOR 172,666,666.66 + HAM 47,333,333.33 + 45 × 16,000,000.00 = 939,999,999.99; the last cent goes
  //   to the larger remainder, TOR's 2/3 of a cent: 172,666,666.67.
  //   Match × 0.25: TOR 43,166,666.6675 → 43,166,666.67; HAM 11,833,333.3325 → 11,833,333.33; ON 235,000,000.
  it('spreads a zero caseload equally and gives the last cent to the largest remainder', async () => {
    await expectOwFunding('pdf', '2026-27', {
      TOR: pdf('2000000.00', '14000000.00', '156666666.67', '172666666.67', '43166666.67'),
      HAM: pdf('2000000.00', '14000000.00', '31333333.33', '47333333.33', '11833333.33'),
      ON: pdf('94000000.00', '658000000.00', '188000000.00', '940000000.00', '235000000.00'),
    });
    expect(await statusOf('2026-27', 'pdf_allocation')).toEqual(['provisional']);
  });

  it('writes all 47 managers, summing to the envelope', async () => {
    expect(
      await wh.all(
        `select fiscal_year, count(*) as managers, sum(amount)::varchar as total from funding
         where component = 'pdf_allocation' and service_manager <> 'ON' group by fiscal_year order by fiscal_year`,
      ),
    ).toEqual([
      { fiscal_year: '2024-25', managers: 47, total: '470000000.00' },
      { fiscal_year: '2025-26', managers: 47, total: '940000000.00' },
      { fiscal_year: '2026-27', managers: 47, total: '940000000.00' },
    ]);
  });
});

describe('outcome payments', () => {
  const op = (payment: string, reached: [number, number, number], pending: [number, number, number]) => ({
    outcome_payments: payment,
    outcome_milestones_reached_A: `${reached[0]}.00`,
    outcome_milestones_reached_B: `${reached[1]}.00`,
    outcome_milestones_reached_C: `${reached[2]}.00`,
    outcome_milestones_pending_A: `${pending[0]}.00`,
    outcome_milestones_pending_B: `${pending[1]}.00`,
    outcome_milestones_pending_C: `${pending[2]}.00`,
  });

  // 2023-24. T4 (C) closed 2024-02-15; the person's next case opened on day 91: the 90-day milestone holds and
  //   is reached (2024-05-15 ≤ as_of), 182 and 365 are lost: 1 × $500 × 2.0 = 1,000.00.
  // H3 (A: total 24, the cutoff itself) closed 2024-03-10; the next case opened on day 90: every milestone is
  //   lost, even the 90-day one: 0.00, but a row, since HAM had an exit.
  it('counts a re-entry on day 91 against the 182-day milestone, on day 90 against all three', async () => {
    await expectOwFunding('outcome', '2023-24', {
      TOR: op('1000.00', [0, 0, 1], [0, 0, 0]),
      HAM: op('0.00', [0, 0, 0], [0, 0, 0]),
      ON: op('1000.00', [0, 0, 1], [0, 0, 0]),
    });
  });

  // 2024-25. T6 (B: total 15, the cutoff) closed 2024-12-31: 90 days → 2025-03-31 reached; 182 days → 2025-07-01,
  //   after as_of 2025-06-30: pending, and 365 pending. 1 × $500 × 1.5 = 750.00. HAM had no exit: no row.
  // 2025-26 ($400 a milestone). T7 (C) closed 2025-04-01: 90 days → 2025-06-30 = as_of, reached (inclusive);
  //   182 and 365 pending: 1 × $400 × 2.0 = 800.00.
  it('pays reached milestones only and counts the pending ones', async () => {
    await expectOwFunding('outcome', '2024-25', { TOR: op('750.00', [0, 1, 0], [0, 2, 0]) });
    expect(
      await wh.value(
        `select count(*) from funding where fiscal_year = '2024-25' and service_manager = 'HAM' and component like 'outcome%'`,
      ),
    ).toBe(0);
    await expectOwFunding('outcome', '2025-26', { TOR: op('800.00', [0, 0, 1], [0, 0, 2]) });
    expect(await statusOf('2025-26', 'outcome_payments')).toEqual(['provisional']);
  });
});

describe('funding.csv', () => {
  const lines = (tier: string): string[] =>
    readFileSync(join(out, tier, 'funding.csv'), 'utf8')
      .trim()
      .split('\n');

  it('is sorted by plain character order, money with 2 decimals and counts whole', () => {
    const internal = lines('internal');
    expect(internal[0]).toBe('fiscal_year,service_manager,program,component,amount,status');
    const keys = internal.slice(1).map((l) => l.split(',').slice(0, 4).join(','));
    expect(keys).toEqual([...keys].sort((a, b) => (a < b ? -1 : a > b ? 1 : 0)));
    expect(internal).toContain('2023-24,TOR,OW,outcome_milestones_reached_C,1,provisional');
    expect(internal).toContain('2023-24,TOR,OW,outcome_payments,1000.00,provisional');
    expect(internal).toContain('2026-27,TOR,OW,pdf_allocation,172666666.67,provisional');
    const meta = JSON.parse(readFileSync(join(out, 'internal', 'metadata.json'), 'utf8'));
    expect(meta.files['funding.csv'].rows).toBe(internal.length - 1);
  });

  // Public: complete years only — 2024-25's actuals and the 2025-26 allocation computed from them. Cost sharing
  // TOR and ON × OW and ALL × 7 components = 28 rows, outcome payments TOR and ON × 7 = 14, the allocation
  // 47 managers and ON × 6 = 288: 330 rows. TOR 2024-25 reached 1 milestone (1–9): its counts of 1 and 2 and its
  // payment are suppressed; zero counts stay 0 (not suppressed); allocations and cost sharing are exact.
  it('holds complete years only in the public tier, the small counts suppressed', () => {
    const pub = lines('public');
    expect(pub.length - 1).toBe(330);
    expect(pub.slice(1).filter((l) => !l.startsWith('2024-25,') && !l.startsWith('2025-26,'))).toEqual([]);
    expect(pub.slice(1).filter((l) => l.startsWith('2025-26,') && !l.includes(',pdf_'))).toEqual([]);
    expect(pub.slice(1).filter((l) => l.startsWith('2024-25,') && l.includes(',pdf_'))).toEqual([]);
    expect(pub.filter((l) => l.endsWith(',provisional'))).toEqual([]);
    expect(pub).toContain('2024-25,TOR,OW,outcome_milestones_reached_B,,suppressed');
    expect(pub).toContain('2024-25,TOR,OW,outcome_milestones_pending_B,,suppressed');
    expect(pub).toContain('2024-25,TOR,OW,outcome_payments,,suppressed');
    expect(pub).toContain('2024-25,TOR,OW,outcome_milestones_reached_A,0,complete');
    expect(pub).toContain('2024-25,TOR,OW,assistance_provincial,450.00,complete');
    expect(pub).toContain('2025-26,TOR,OW,pdf_outcomes,188000000.00,complete');
    expect(pub).toContain('2025-26,TOR,OW,pdf_allocation,848000000.00,complete');
  });
});

describe('funding scenario', () => {
  // Weights 1 / 0 / 0 and E = 940,000,000 for 2026-27 only: everyone gets 940,000,000 / 47 = 20,000,000.
  //   TOR 20,000,000 − 172,666,666.67 = −152,666,666.67, −88.4 % (152,666,666.67 / 172,666,666.67 = 0.88417);
  //   HAM 20,000,000 − 47,333,333.33 = −27,333,333.33, −57.7 % (0.57746); ALG 20,000,000 − 16,000,000 =
  //   +4,000,000.00, +25.0 %. 2026-27 is provisional (from 2025-26, 3 months in): nothing of it is public.
  it('compares the scenario with the baseline without touching the published files or the warehouse', async () => {
    const dir = tempDir();
    const params = join(dir, 'flat.json');
    writeFileSync(
      params,
      JSON.stringify({
        ...FY_2025_26,
        pdf: { ...FY_2025_26.pdf, weights: { base: 1, caseload: 0, outcomes: 0 } },
      }),
    );
    const before = ['public', 'internal'].map((t) =>
      ['funding.csv', 'metadata.json', 'measures.csv'].map((f) => readFileSync(join(out, t, f), 'utf8')),
    );
    const baseline = await wh.all(`select * from funding order by all`);
    const log: string[] = [];
    const r = await runScenario(wh, { params, year: '2026-27', out, log: (l) => log.push(l) });
    expect(r.illustrative).toBe(true);
    expect(r.notPublic).toEqual(['2026-27']);
    expect(log).toContainEqual(
      expect.stringMatching(/^ {2}public\/funding_scenario\.csv holds nothing for 2026-27: provisional/),
    );

    const internal = readFileSync(join(out, 'internal', 'funding_scenario.csv'), 'utf8')
      .trim()
      .split('\n');
    expect(internal[0]).toBe(
      'fiscal_year,service_manager,program,component,baseline,scenario,difference,pct_change,status',
    );
    expect(internal).toContain(
      '2026-27,TOR,OW,pdf_allocation,172666666.67,20000000.00,-152666666.67,-88.4,provisional',
    );
    expect(internal).toContain(
      '2026-27,HAM,OW,pdf_allocation,47333333.33,20000000.00,-27333333.33,-57.7,provisional',
    );
    expect(internal).toContain(
      '2026-27,ALG,OW,pdf_allocation,16000000.00,20000000.00,4000000.00,25.0,provisional',
    );
    // the scenario's outcome term is 0: its change from 0 has no percentage
    expect(internal).toContain('2026-27,ALG,OW,pdf_outcomes,0.00,0.00,0.00,,provisional');
    expect(internal.every((l, i) => i === 0 || l.startsWith('2026-27,'))).toBe(true);

    const pub = readFileSync(join(out, 'public', 'funding_scenario.csv'), 'utf8')
      .trim()
      .split('\n');
    expect(pub).toEqual(['fiscal_year,service_manager,component,baseline,scenario,difference,pct_change']);
    const meta = JSON.parse(readFileSync(join(out, 'public', 'funding_scenario.json'), 'utf8'));
    expect(meta).toMatchObject({
      illustrative: true,
      applies_to: '2026-27',
      fiscal_years: [],
      left_out: { fiscal_years: ['2026-27'] },
      scenario_parameters: { file: 'flat.json' },
    });

    // nothing published and nothing in the warehouse changed
    expect(
      ['public', 'internal'].map((t) =>
        ['funding.csv', 'metadata.json', 'measures.csv'].map((f) => readFileSync(join(out, t, f), 'utf8')),
      ),
    ).toEqual(before);
    expect(await wh.all(`select * from funding order by all`)).toEqual(baseline);
  });

  // Every year with the scenario file: outcome payments at $400 instead of $500 for TOR, 2023-24 1 × 400 × 2 =
  // 800.00 (−20.0 %), 2024-25 1 × 400 × 1.5 = 600.00 (−20.0 %). The public copy holds the complete years only:
  // 2024-25's outcome payments, suppressed (1 milestone reached), blank on both sides, and the 2025-26
  // allocation, whose parameters were 2025-26.json already (no change); nothing of 2023-24 or 2026-27.
  it('applies the file to every year without --year, public-safe and complete years only in public', async () => {
    const r = await runScenario(wh, { params: join(referenceDir, 'funding', '2025-26.json'), out });
    expect(r.year).toBeNull();
    expect(r.notPublic).toEqual(['2023-24', '2026-27']);
    const internal = readFileSync(join(out, 'internal', 'funding_scenario.csv'), 'utf8');
    expect(internal).toContain('2023-24,TOR,OW,outcome_payments,1000.00,800.00,-200.00,-20.0,provisional');
    expect(internal).toContain('2024-25,TOR,OW,outcome_payments,750.00,600.00,-150.00,-20.0,complete');
    const pub = readFileSync(join(out, 'public', 'funding_scenario.csv'), 'utf8')
      .trim()
      .split('\n')
      .slice(1);
    expect(pub).toContain('2024-25,TOR,outcome_payments,,,,');
    expect(pub).toContain('2025-26,TOR,pdf_allocation,848000000.00,848000000.00,0.00,0.0');
    expect(pub.filter((l) => !l.startsWith('2024-25,') && !l.startsWith('2025-26,'))).toEqual([]);
    expect(pub.filter((l) => l.startsWith('2024-25,') && l.includes(',pdf_'))).toEqual([]);
    expect(pub.filter((l) => l.includes('outcome_milestones') || l.includes('assistance_'))).toEqual([]);
  });

  it('refuses a year without funding', async () => {
    await expect(runScenario(wh, { params: 'default', year: '2030-31', out })).rejects.toThrow(
      /no funding for 2030-31: the years with funding are 2023-24, 2024-25, 2025-26, 2026-27/,
    );
  });
});
