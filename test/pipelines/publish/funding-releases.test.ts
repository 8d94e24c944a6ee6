// Two monthly releases of funding.csv (funding.md "Output"): a provisional year is recomputed every month, so
// if it were public, release k+1 minus release k would give the new month's exact figures back — here 2024-05's
// 2 HAM OW cases (through discretionary_cap) and their dollars (through assistance_total), a cell measures.csv
// suppresses. The public file holds complete years only, which do not change when a month arrives.
//
// Deliveries: 2024-03 carries 2023-04 … 2024-03 (FY 2023-24, complete from the first release); release k adds
// 2024-04, release k+1 adds 2024-05 (FY 2024-25: 1, then 2 months, provisional).
//   HAM: H1, H2, H3 OW, $100 BASIC_NEEDS each in 2023-04, 2024-03 and 2024-04; in 2024-05 only H1 and H2, and
//     H2 $15 DISCRETIONARY; H1 $40 DISCRETIONARY in 2023-04.
//   TOR: T1 OW, $200 BASIC_NEEDS in 2023-04, closed 2023-06-15 for employment, no assessment (stream C).
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { csvParse } from 'd3-dsv';
import { beforeAll, describe, expect, it } from 'vitest';
import { publish } from '../../../pipelines/publish/publish.ts';
import {
  CASES_HEADER,
  PAYMENTS_HEADER,
  csv,
  ingestAndBuild,
  memoryWarehouse,
  referenceFolder,
  tempDir,
  writeDelivery,
  FUNDING_TEST_PARAMETERS,
} from '../../helpers.ts';

// Parameters: assistance share 0.5, discretionary share 0.8 up to $10 a case-month, envelope 470,000,000
// (base 470,000,000 × 0.1 / 47 = 1,000,000.00 each), weights 0.1 / 0.7 / 0.2, no mitigation, $500 a milestone.
const PARAMS = FUNDING_TEST_PARAMETERS;

const HAM_CASES = `
  H1,P1,OW,HAM,2023-01-01,,,SINGLE,1,1980
  H2,P2,OW,HAM,2023-01-01,,,SINGLE,1,1980
  H3,P3,OW,HAM,2023-01-01,,,SINGLE,1,1980`;

const DELIVERIES: Record<string, { 'cases.csv': string; 'payments.csv': string }> = {
  '2024-03': {
    'cases.csv': csv(`${CASES_HEADER}${HAM_CASES}
      T1,P4,OW,TOR,2023-01-01,2023-06-15,EMPLOYMENT,SINGLE,1,1980`),
    'payments.csv': csv(`${PAYMENTS_HEADER}
      X01,H1,2023-04,2023-03-30,BASIC_NEEDS,100.00,
      X02,H2,2023-04,2023-03-30,BASIC_NEEDS,100.00,
      X03,H3,2023-04,2023-03-30,BASIC_NEEDS,100.00,
      X04,H1,2023-04,2023-04-12,DISCRETIONARY,40.00,
      X05,T1,2023-04,2023-03-30,BASIC_NEEDS,200.00,
      X06,H1,2024-03,2024-02-28,BASIC_NEEDS,100.00,
      X07,H2,2024-03,2024-02-28,BASIC_NEEDS,100.00,
      X08,H3,2024-03,2024-02-28,BASIC_NEEDS,100.00,`),
  },
  '2024-04': {
    'cases.csv': csv(`${CASES_HEADER}${HAM_CASES}`),
    'payments.csv': csv(`${PAYMENTS_HEADER}
      X09,H1,2024-04,2024-03-28,BASIC_NEEDS,100.00,
      X10,H2,2024-04,2024-03-28,BASIC_NEEDS,100.00,
      X11,H3,2024-04,2024-03-28,BASIC_NEEDS,100.00,`),
  },
  '2024-05': {
    'cases.csv': csv(`${CASES_HEADER}${HAM_CASES}`),
    'payments.csv': csv(`${PAYMENTS_HEADER}
      X12,H1,2024-05,2024-04-29,BASIC_NEEDS,100.00,
      X13,H2,2024-05,2024-04-29,BASIC_NEEDS,100.00,
      X14,H2,2024-05,2024-05-10,DISCRETIONARY,15.00,`),
  },
};

type Row = Record<string, string>;
const read = (out: string, tier: string, file: string): Row[] =>
  csvParse(readFileSync(join(out, tier, file), 'utf8')).map((r) => ({ ...r }) as Row);
const key = (r: Row): string => `${r.fiscal_year},${r.service_manager},${r.program},${r.component}`;
const amountOf = (rows: Row[], k: string): string | undefined => rows.find((r) => key(r) === k)?.amount;

/** The two releases' output folders: month k (as of 2024-04) and month k + 1 (as of 2024-05). */
const release: { k: string; next: string } = { k: '', next: '' };

beforeAll(async () => {
  const root = tempDir();
  const reference = referenceFolder({ 'default.json': PARAMS });
  const extracts = join(root, 'extracts');
  const wh = await memoryWarehouse();
  for (const [name, months] of [
    ['k', ['2024-03', '2024-04']],
    ['next', ['2024-05']],
  ] as const) {
    for (const month of months) writeDelivery(extracts, month, DELIVERIES[month] ?? {});
    await ingestAndBuild(wh, extracts, { referenceDir: reference, runId: name });
    release[name] = join(root, `published-${name}`);
    await publish(wh, { out: release[name], runId: `publish-${name}`, site: false });
  }
});

describe('the public funding.csv of two consecutive releases', () => {
  it('suppresses the month the provisional year would give away (the premise)', () => {
    // HAM OW had 2 cases in receipt in 2024-05: 1–9, so measures.csv suppresses them in public.
    const at = (tier: string) =>
      read(release.next, tier, 'measures.csv').find(
        (r) =>
          r.measure_id === 'caseload' &&
          r.period === '2024-05' &&
          r.service_manager === 'HAM' &&
          r.program === 'OW' &&
          r.breakdown === 'ALL',
      );
    expect(at('internal')).toMatchObject({ numerator: '2', status: 'ok' });
    expect(at('public')).toMatchObject({ numerator: '', value: '', status: 'suppressed' });
  });

  // Public rows, in each release: FY 2023-24 (complete) cost sharing for HAM, TOR and ON × OW, ALL × 7
  // components = 42, its outcome payments for TOR and ON × 7 components = 14 (T1's exit), and the allocation of
  // 2024-25 computed from it (status complete) for 47 managers and ON × 6 components = 288: 344 rows. Nothing
  // of FY 2024-25's actuals, nor of the 2025-26 allocation computed from them.
  it('holds complete years only: 2023-24 actuals and the 2024-25 allocation computed from them', () => {
    for (const out of [release.k, release.next]) {
      const rows = read(out, 'public', 'funding.csv');
      expect(rows).toHaveLength(344);
      expect(rows.filter((r) => r.status !== 'complete' && r.status !== 'suppressed')).toEqual([]);
      const years = (pick: (r: Row) => boolean) => [...new Set(rows.filter(pick).map((r) => r.fiscal_year))];
      expect(years((r) => !r.component?.startsWith('pdf_'))).toEqual(['2023-24']);
      expect(years((r) => Boolean(r.component?.startsWith('pdf_')))).toEqual(['2024-25']);
    }
  });

  // The figures, worked out: HAM OW 2023-24 assistance 3 × ($100 + $100) = 600.00; cap $10 × 6 case-months =
  //   60.00; discretionary 40.00 under it, province 40 × 0.8 = 32.00.
  // Allocation 2024-25 from 2023-24: C_HAM = 6 / 12, C_TOR = 1 / 12, ΣC = 7 / 12: caseload 329,000,000 × 6/7 =
  //   282,000,000 HAM, × 1/7 = 47,000,000 TOR; O_TOR = 10 (T1's exit) = ΣO: outcomes 94,000,000 TOR.
  //   HAM 1,000,000 + 282,000,000 = 283,000,000.00; TOR 1,000,000 + 47,000,000 + 94,000,000 = 142,000,000.00.
  // T1 (stream C): 90 days → 2023-09-13 and 182 → 2023-12-14 reached, 365 → 2024-06-14 pending in both
  //   releases: 2 × $500 × 2.0 = 2,000.00 internally; public, 2 milestones reached (1–9) suppress the payment.
  it('publishes the same complete-year figures in both releases: no difference gives a month away', () => {
    const k = read(release.k, 'public', 'funding.csv');
    const next = read(release.next, 'public', 'funding.csv');
    expect(amountOf(k, '2023-24,HAM,OW,assistance_total')).toBe('600.00');
    expect(amountOf(k, '2023-24,HAM,OW,discretionary_cap')).toBe('60.00');
    expect(amountOf(k, '2023-24,HAM,OW,discretionary_provincial')).toBe('32.00');
    expect(amountOf(k, '2024-25,HAM,OW,pdf_allocation')).toBe('283000000.00');
    expect(amountOf(k, '2024-25,TOR,OW,pdf_allocation')).toBe('142000000.00');
    expect(k.find((r) => key(r) === '2023-24,TOR,OW,outcome_payments')).toMatchObject({
      amount: '',
      status: 'suppressed',
    });
    expect(next.map(key)).toEqual(k.map(key));
    const differences = k
      .map((r) => ({ key: key(r), k: r.amount, next: amountOf(next, key(r)) }))
      .filter((d) => Number(d.next) - Number(d.k) !== 0 || (d.k === '') !== (d.next === ''));
    expect(differences).toEqual([]);
  });

  // Internally, FY 2024-25 HAM OW: release k, 2024-04 only: assistance 3 × 100 = 300.00, cap 10 × 3 = 30.00;
  // release k + 1 adds 2024-05: 300 + 2 × 100 = 500.00 and 10 × (3 + 2) = 50.00. The differences, 200.00 and
  // 20.00 = $10 × 2 case-months, are 2024-05's exact figures: what the public file must not carry.
  it('keeps the provisional year in the internal file', () => {
    const k = read(release.k, 'internal', 'funding.csv');
    const next = read(release.next, 'internal', 'funding.csv');
    expect(k.find((r) => key(r) === '2024-25,HAM,OW,assistance_total')).toMatchObject({
      amount: '300.00',
      status: 'provisional',
    });
    expect(amountOf(k, '2024-25,HAM,OW,discretionary_cap')).toBe('30.00');
    expect(next.find((r) => key(r) === '2024-25,HAM,OW,assistance_total')).toMatchObject({
      amount: '500.00',
      status: 'provisional',
    });
    expect(amountOf(next, '2024-25,HAM,OW,discretionary_cap')).toBe('50.00');
    expect(next.find((r) => key(r) === '2025-26,HAM,OW,pdf_allocation')?.status).toBe('provisional');
  });
});
