// The program-delivery allocation (funding.md §2) on three managers, worked out on paper in the comments:
// the three terms, a term whose total is 0, mitigation over two rounds, largest-remainder cents with ties
// going to the lowest code, and the allocations adding up to the envelope to the cent.
import { describe, expect, it } from 'vitest';
import {
  allocateYear,
  allocateYears,
  allocationComponents,
  mitigate,
  rawAllocation,
  roundToEnvelope,
  type AllocationParameters,
  type ManagerInputs,
} from '../../../pipelines/funding/allocate.ts';
import { shiftFiscalYear } from '../../../pipelines/funding/fiscal-year.ts';
import { centsToString, fromDecimal, rat, type Rational } from '../../../pipelines/funding/rational.ts';

const d = (s: string): Rational => fromDecimal(s);
const params = (over: Partial<AllocationParameters> = {}): AllocationParameters => ({
  envelope: d('1000000'),
  weights: { base: d('0.1'), caseload: d('0.7'), outcomes: d('0.2') },
  provincialRate: d('0.6'),
  maxDecrease: null,
  ...over,
});
const inputs = (rows: [code: string, caseMonths: number, points: string][]): ManagerInputs[] =>
  rows.map(([code, caseMonths, points]) => ({
    code,
    caseMonths: BigInt(caseMonths),
    outcomePoints: d(points),
  }));

/** Components as {code: {component: "dollars"}}. */
function table(rows: { serviceManager: string; component: string; cents: bigint }[]) {
  const out: Record<string, Record<string, string>> = {};
  for (const r of rows) (out[r.serviceManager] ??= {})[r.component] = centsToString(r.cents);
  return out;
}

// Three managers, E = 1,000,000, weights 0.1 / 0.7 / 0.2, reference year of 12 months.
//   caseload: AAA 1200 case-months → C = 100; BBB 600 → 50; CCC 600 → 50; ΣC = 200
//   outcome points: AAA 30, BBB 50, CCC 20; ΣO = 100
//   base      = 1,000,000 × 0.1 / 3 = 33,333.333… each
//   caseload  = 700,000 × C/ΣC: AAA 350,000; BBB 175,000; CCC 175,000
//   outcomes  = 200,000 × O/ΣO: AAA 60,000; BBB 100,000; CCC 40,000
//   raw       = AAA 443,333.333…; BBB 308,333.333…; CCC 248,333.333…  (sum 1,000,000)
// Cents: rounded down 443,333.33 + 308,333.33 + 248,333.33 = 999,999.99, one cent left; the three remainders
// are all 1/3 of a cent, a tie, so the lowest code (AAA) gets it: 443,333.34.
// Municipal match at rate 0.6: allocation × 0.4 / 0.6 = × 2/3
//   AAA 443,333.34 × 2/3 = 295,555.56 exactly; BBB 308,333.33 × 2/3 = 205,555.5533… → 205,555.55;
//   CCC 248,333.33 × 2/3 = 165,555.5533… → 165,555.55
// ON rounds the sum of the unrounded figures: base 100,000.00, caseload 700,000.00, outcomes 200,000.00,
//   allocation 1,000,000.00, match 1,000,000 × 2/3 = 666,666.666… → 666,666.67 (the managers' rounded
//   matches add up to 666,666.66).
const THREE = inputs([
  ['AAA', 1200, '30'],
  ['BBB', 600, '50'],
  ['CCC', 600, '20'],
]);

describe('rawAllocation', () => {
  it('splits the envelope into base, caseload and outcome terms', () => {
    const terms = rawAllocation(THREE, 12, params());
    const third = d('100000');
    expect(terms.map((t) => t.code)).toEqual(['AAA', 'BBB', 'CCC']);
    expect(terms.map((t) => t.base)).toEqual([rat(third.n, 3n), rat(third.n, 3n), rat(third.n, 3n)]);
    expect(terms.map((t) => t.caseload)).toEqual([rat(350000n), rat(175000n), rat(175000n)]);
    expect(terms.map((t) => t.outcomes)).toEqual([rat(60000n), rat(100000n), rat(40000n)]);
    expect(terms.map((t) => t.raw)).toEqual([rat(1330000n, 3n), rat(925000n, 3n), rat(745000n, 3n)]);
  });

  // Outcome points all 0: ΣO = 0, so the outcome term is spread equally, 200,000 / 3 = 66,666.666… each.
  //   AAA 33,333.33… + 350,000 + 66,666.66… = 450,000; BBB and CCC 33,333.33… + 175,000 + 66,666.66… = 275,000
  it('spreads a term whose total is 0 equally', () => {
    const terms = rawAllocation(
      inputs([
        ['AAA', 1200, '0'],
        ['BBB', 600, '0'],
        ['CCC', 600, '0'],
      ]),
      12,
      params(),
    );
    expect(terms.map((t) => t.outcomes)).toEqual([rat(200000n, 3n), rat(200000n, 3n), rat(200000n, 3n)]);
    expect(terms.map((t) => t.raw)).toEqual([rat(450000n), rat(275000n), rat(275000n)]);
  });

  // No caseload anywhere either: every term is spread equally, 1,000,000 / 3 each.
  it('spreads the caseload term equally when nobody had a case in receipt', () => {
    const terms = rawAllocation(
      inputs([
        ['AAA', 0, '0'],
        ['BBB', 0, '0'],
        ['CCC', 0, '0'],
      ]),
      12,
      params(),
    );
    expect(terms.map((t) => t.raw)).toEqual([rat(1000000n, 3n), rat(1000000n, 3n), rat(1000000n, 3n)]);
  });

  // C_i divides by the months of the reference year: 1200 case-months over 12 months is 100, over 2 months 600,
  // but the shares C_i / ΣC are the same, so the terms are too.
  it('averages the caseload over the reference year months, which leaves the shares unchanged', () => {
    const twelve = rawAllocation(THREE, 12, params());
    const two = rawAllocation(THREE, 2, params());
    expect(two.map((t) => t.caseload)).toEqual(twelve.map((t) => t.caseload));
  });
});

describe('allocateYear and allocationComponents', () => {
  it('publishes each term rounded, the allocation by largest remainder and the municipal match', () => {
    const year = allocateYear(THREE, 12, params(), null);
    expect(year.mitigated).toBe(false);
    expect(table(allocationComponents(year))).toEqual({
      AAA: {
        pdf_base: '33333.33',
        pdf_caseload: '350000.00',
        pdf_outcomes: '60000.00',
        pdf_mitigation: '0.00',
        pdf_allocation: '443333.34',
        pdf_municipal_match: '295555.56',
      },
      BBB: {
        pdf_base: '33333.33',
        pdf_caseload: '175000.00',
        pdf_outcomes: '100000.00',
        pdf_mitigation: '0.00',
        pdf_allocation: '308333.33',
        pdf_municipal_match: '205555.55',
      },
      CCC: {
        pdf_base: '33333.33',
        pdf_caseload: '175000.00',
        pdf_outcomes: '40000.00',
        pdf_mitigation: '0.00',
        pdf_allocation: '248333.33',
        pdf_municipal_match: '165555.55',
      },
      ON: {
        pdf_base: '100000.00',
        pdf_caseload: '700000.00',
        pdf_outcomes: '200000.00',
        pdf_mitigation: '0.00',
        pdf_allocation: '1000000.00',
        pdf_municipal_match: '666666.67',
      },
    });
  });

  // Mitigation through allocateYear: E = 1,000, all on caseload (weights 0 / 1 / 0), case-months 5 / 3 / 2 in a
  // one-month year → raw AAA 500, BBB 300, CCC 200. Last year: AAA 400.00, BBB 330.00, CCC 270.00; max
  // decrease 10 % → floors 360, 297, 243.
  //   round 1: k = 1: CCC 200 < 243 → held at 243
  //   round 2: k = (1,000 − 243) / (500 + 300) = 0.94625: AAA 473.125, BBB 283.875 < 297 → held at 297
  //   round 3: k = (1,000 − 243 − 297) / 500 = 0.92: AAA 460 ≥ 360 → done
  // final AAA 460, BBB 297, CCC 243 (sum 1,000); mitigation = final − raw: −40, −3, +43; ON 0.
  it('raises managers to their floor over two rounds and scales the others by one factor', () => {
    const p = params({
      envelope: d('1000'),
      weights: { base: d('0'), caseload: d('1'), outcomes: d('0') },
      provincialRate: d('0.5'),
      maxDecrease: d('0.1'),
    });
    const prior = new Map([
      ['AAA', 40000n],
      ['BBB', 33000n],
      ['CCC', 27000n],
    ]);
    const year = allocateYear(
      inputs([
        ['AAA', 5, '0'],
        ['BBB', 3, '0'],
        ['CCC', 2, '0'],
      ]),
      1,
      p,
      prior,
    );
    expect(year.mitigated).toBe(true);
    expect(year.rounds).toBe(2);
    const t = table(allocationComponents(year));
    expect([
      t.AAA?.pdf_mitigation,
      t.BBB?.pdf_mitigation,
      t.CCC?.pdf_mitigation,
      t.ON?.pdf_mitigation,
    ]).toEqual(['-40.00', '-3.00', '43.00', '0.00']);
    expect([t.AAA?.pdf_allocation, t.BBB?.pdf_allocation, t.CCC?.pdf_allocation]).toEqual([
      '460.00',
      '297.00',
      '243.00',
    ]);
    // rate 0.5: the municipality matches the allocation dollar for dollar
    expect(t.AAA?.pdf_municipal_match).toBe('460.00');
  });

  // max_decrease null: no floor even with last year's allocation; mitigation exactly 0.00.
  it('does not mitigate without max_decrease', () => {
    const year = allocateYear(THREE, 12, params(), new Map([['AAA', 100000000n]]));
    expect(year.mitigated).toBe(false);
    expect(
      allocationComponents(year)
        .filter((r) => r.component === 'pdf_mitigation')
        .map((r) => r.cents),
    ).toEqual([0n, 0n, 0n, 0n]);
  });
});

describe('mitigate', () => {
  // raw 500 / 300 / 200, floors 360 / 297 / 243, E = 1,000 (worked out above): two rounds.
  it('iterates to a fixpoint', () => {
    const m = mitigate([rat(500n), rat(300n), rat(200n)], [rat(360n), rat(297n), rat(243n)], rat(1000n));
    expect(m).toEqual({ final: [rat(460n), rat(297n), rat(243n)], rounds: 2, floorsExceedEnvelope: false });
  });

  // Nobody below the floor: raw allocations unchanged, 0 rounds. A manager exactly at its floor is not below it.
  it('leaves the raw allocations alone when nobody is below the floor', () => {
    const m = mitigate([rat(500n), rat(300n), rat(200n)], [rat(450n), rat(270n), rat(200n)], rat(1000n));
    expect(m).toEqual({ final: [rat(500n), rat(300n), rat(200n)], rounds: 0, floorsExceedEnvelope: false });
  });

  // Floors 600 + 600 > E = 1,000: impossible to honour; shared in proportion to the floors, 500 each.
  it('shares the envelope in proportion to the floors when they exceed it', () => {
    const m = mitigate([rat(500n), rat(500n)], [rat(600n), rat(600n)], rat(1000n));
    expect(m.final).toEqual([rat(500n), rat(500n)]);
    expect(m.floorsExceedEnvelope).toBe(true);
  });
});

describe('roundToEnvelope', () => {
  const third = rat(1n, 3n);
  const twoThirds = rat(2n, 3n);
  it.each([
    // 1.00 dollar among three at 1/3 each: 33 cents each rounded down, 1 cent left, remainders all 1/3 cent:
    // a tie, so the lowest code gets it, wherever it is in the list.
    {
      title: 'gives a tied cent to the lowest code',
      amounts: { ZZZ: third, AAA: third, MMM: third },
      envelopeCents: 100n,
      cents: [33n, 34n, 33n],
    },
    // 2.00 dollars among three at 2/3 each: 66 cents each, 2 cents left, all remainders 2/3: AAA and MMM get one.
    {
      title: 'gives the cents left to the lowest codes among equal remainders',
      amounts: { ZZZ: twoThirds, MMM: twoThirds, AAA: twoThirds },
      envelopeCents: 200n,
      cents: [66n, 67n, 67n],
    },
    // 10.004 + 20.006 + 69.99 = 100.00: rounded down 10.00 + 20.00 + 69.99 = 99.99; remainders 0.4, 0.6 and 0 of a
    // cent: the cent goes to the largest remainder (BBB), not to the lowest code.
    {
      title: 'gives the cent to the largest remainder',
      amounts: { AAA: d('10.004'), BBB: d('20.006'), CCC: d('69.99') },
      envelopeCents: 10000n,
      cents: [1000n, 2001n, 6999n],
    },
  ])('$title', ({ amounts, envelopeCents, cents }) => {
    const shares = Object.entries(amounts).map(([code, amount]) => ({ code, amount }));
    expect(roundToEnvelope(shares, envelopeCents)).toEqual(cents);
  });

  it('refuses amounts that do not add up to the envelope', () => {
    expect(() => roundToEnvelope([{ code: 'AAA', amount: d('1') }], 500n)).toThrow(/do not sum/);
  });
});

describe('allocateYears', () => {
  // 47 managers with uneven caseloads and points, E = 600,000,000: the published cents add up to the envelope
  // exactly, each within a cent of its unrounded allocation; the next year is mitigated against this one.
  it('sums to the envelope to the cent and chains the years', () => {
    const managers = Array.from({ length: 47 }, (_, i) => ({
      code: `M${String(i).padStart(2, '0')}`,
      caseMonths: BigInt((i * 7919) % 1013),
      outcomePoints: d(String((i * 104729) % 97)),
    }));
    const p = params({ envelope: d('600000000'), maxDecrease: d('0.05') });
    // the next reference year: managers M01–M09 lose their caseload and points, the others' caseload doubles
    const later = managers.map((m, i) =>
      i >= 1 && i <= 9
        ? { ...m, caseMonths: 0n, outcomePoints: d('0') }
        : { ...m, caseMonths: m.caseMonths * 2n },
    );
    const years = allocateYears(
      [
        { fiscalYear: '2025-26', referenceMonths: 12, params: p, managers: later },
        { fiscalYear: '2024-25', referenceMonths: 7, params: p, managers },
      ],
      (fy) => shiftFiscalYear(fy, -1),
    );
    const first = years.get('2024-25');
    const second = years.get('2025-26');
    expect(first?.mitigated).toBe(false);
    expect(second?.mitigated).toBe(true);
    for (const y of [first, second]) {
      expect(y?.managers.reduce((s, m) => s + m.allocationCents, 0n)).toBe(60000000000n);
    }
    // M01–M09 are held at their floor, 95 % of last year's cents, give or take the rounding to a cent
    for (const m of second?.managers.slice(1, 10) ?? []) {
      const last = first?.managers.find((x) => x.code === m.code)?.allocationCents ?? 0n;
      expect(m.final).toEqual(rat(last * 95n, 10000n));
      expect(m.allocationCents * 100n - last * 95n).toBeGreaterThan(-100n);
      expect(m.allocationCents * 100n - last * 95n).toBeLessThan(100n);
    }
  });
});
