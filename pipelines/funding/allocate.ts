// The program-delivery funding allocation (funding.md §2), in small steps, each with its formula:
//   rawAllocation()   the base, caseload and outcome terms of every manager
//   mitigate()        the floor against last year's allocation, iterated to a fixpoint
//   roundToEnvelope() cents that sum to the envelope exactly, by largest remainder
//   allocateYear()    the three together for one year, with the published components
//   allocateYears()   the years chained: year Y's floor is year Y−1's final allocation from the same run
//
// Money: every figure before publication is an exact rational (rational.ts), so sums, the common factor and
// the remainders compared for the last cents are exact and a tie on paper is a tie here. Published figures are
// whole cents (bigint), each rounded once, half away from zero, except the allocation itself, which is
// rounded by largest remainder so that the managers' cents add up to the envelope.
import {
  ONE,
  ZERO,
  add,
  cmp,
  div,
  eq,
  floor,
  isZero,
  mul,
  rat,
  sub,
  sum,
  toCents,
  type Rational,
} from './rational.ts';

export interface AllocationParameters {
  /** E, the envelope in dollars (whole cents). */
  envelope: Rational;
  weights: { base: Rational; caseload: Rational; outcomes: Rational };
  /** The Province's share of program-delivery cost; the municipality matches the rest. */
  provincialRate: Rational;
  /** Largest allowed drop against last year's allocation; null = no mitigation. */
  maxDecrease: Rational | null;
}

export interface ManagerInputs {
  code: string;
  /** The OW caseload summed over the reference year's months in the period range. */
  caseMonths: bigint;
  /** O_i, the outcome points of the reference year. */
  outcomePoints: Rational;
}

export interface RawTerms {
  code: string;
  base: Rational;
  caseload: Rational;
  outcomes: Rational;
  /** a_i = base + caseload + outcomes */
  raw: Rational;
}

/**
 * The raw allocation of every manager, with N managers and E the envelope:
 *
 *   a_i = E × ( w_base / N  +  w_caseload × C_i / ΣC  +  w_outcomes × O_i / ΣO )
 *
 * where C_i = caseMonths_i / referenceMonths is the average monthly OW caseload and O_i the outcome points. A
 * term whose total (ΣC or ΣO) is 0 is spread equally instead (1 / N). Weights are used divided by their sum:
 * files must have them sum to 1 within 1e-9, and this makes the raw allocations sum to E exactly either way.
 */
export function rawAllocation(
  inputs: ManagerInputs[],
  referenceMonths: number,
  p: AllocationParameters,
): RawTerms[] {
  const n = rat(inputs.length);
  if (inputs.length === 0) return [];
  if (referenceMonths <= 0) throw new Error('the reference year has no month in the period range');
  const wSum = sum([p.weights.base, p.weights.caseload, p.weights.outcomes]);
  const w = {
    base: div(p.weights.base, wSum),
    caseload: div(p.weights.caseload, wSum),
    outcomes: div(p.weights.outcomes, wSum),
  };
  const c = inputs.map((m) => rat(m.caseMonths, referenceMonths));
  const totalC = sum(c);
  const totalO = sum(inputs.map((m) => m.outcomePoints));
  const share = (x: Rational, total: Rational): Rational => (isZero(total) ? div(ONE, n) : div(x, total));
  return inputs.map((m, i) => {
    const base = mul(p.envelope, div(w.base, n));
    const caseload = mul(p.envelope, mul(w.caseload, share(c[i] ?? ZERO, totalC)));
    const outcomes = mul(p.envelope, mul(w.outcomes, share(m.outcomePoints, totalO)));
    return { code: m.code, base, caseload, outcomes, raw: add(add(base, caseload), outcomes) };
  });
}

export interface Mitigated {
  /** The unrounded final allocation of each manager, in the order given. */
  final: Rational[];
  /** How many times managers were raised to their floor (0: nobody was below it). */
  rounds: number;
  /** The floors exceed what the envelope can give: the envelope was shared in proportion to them instead. */
  floorsExceedEnvelope: boolean;
}

/**
 * Mitigation: with floor_i = p_i × (1 − max_decrease) from last year's final allocation p_i, every manager gets
 * at least its floor, and the total stays E:
 *
 *   F = the managers held at their floor (empty at first)
 *   repeat:  k = (E − Σ_{i∈F} floor_i) / Σ_{i∉F} a_i          (one common factor for the others)
 *            final_i = floor_i for i ∈ F,  a_i × k for i ∉ F
 *            B = { i ∉ F : final_i < floor_i };  if B is empty, stop;  F = F ∪ B
 *
 * Each round holds at least one more manager, so it ends within N rounds. When the floors alone add up to more
 * than E (the envelope fell by more than max_decrease), or nobody is left to scale, the floors cannot all be
 * met: the envelope is then shared in proportion to the floors (every manager down by the same percentage).
 */
export function mitigate(raw: Rational[], floors: Rational[], envelope: Rational): Mitigated {
  if (raw.length !== floors.length) throw new Error('mitigate: one floor per manager');
  const held = new Set<number>();
  for (let rounds = 0; ; rounds++) {
    const leftover = sub(envelope, sum([...held].map((i) => floors[i] ?? ZERO)));
    const others = raw.map((_, i) => i).filter((i) => !held.has(i));
    const scaled = sum(others.map((i) => raw[i] ?? ZERO));
    if (others.length === 0 || isZero(scaled) || cmp(leftover, ZERO) < 0) {
      return { final: proportionalToFloors(raw, floors, envelope), rounds, floorsExceedEnvelope: true };
    }
    const k = div(leftover, scaled);
    const final = raw.map((a, i) => (held.has(i) ? (floors[i] ?? ZERO) : mul(a, k)));
    const below = others.filter((i) => cmp(final[i] ?? ZERO, floors[i] ?? ZERO) < 0);
    if (below.length === 0) return { final, rounds, floorsExceedEnvelope: false };
    for (const i of below) held.add(i);
  }
}

/** final_i = E × floor_i / Σ floor (or the raw allocation, when every floor is 0). */
function proportionalToFloors(raw: Rational[], floors: Rational[], envelope: Rational): Rational[] {
  const total = sum(floors);
  if (isZero(total)) return raw;
  return floors.map((f) => mul(envelope, div(f, total)));
}

/**
 * Cents that sum to the envelope exactly (largest remainder): each amount rounded down to the cent, then one cent
 * each to the largest remainders, ties to the lowest code (plain character order). The amounts must sum to the
 * envelope, so at most one cent per manager is left to give.
 */
export function roundToEnvelope(
  amounts: { code: string; amount: Rational }[],
  envelopeCents: bigint,
): bigint[] {
  const hundred = rat(100n);
  const cents = amounts.map((a) => floor(mul(a.amount, hundred)));
  const left = envelopeCents - cents.reduce((s, c) => s + c, 0n);
  if (left < 0n || left > BigInt(amounts.length)) {
    throw new Error(`roundToEnvelope: the amounts do not sum to the envelope (${left} cents left over)`);
  }
  const remainders = amounts.map((a, i) => sub(mul(a.amount, hundred), rat(cents[i] ?? 0n)));
  const order = amounts
    .map((a, i) => ({ code: a.code, i, r: remainders[i] ?? ZERO }))
    .sort((x, y) => cmp(y.r, x.r) || (x.code < y.code ? -1 : x.code > y.code ? 1 : 0));
  for (const { i } of order.slice(0, Number(left))) cents[i] = (cents[i] ?? 0n) + 1n;
  return cents;
}

export interface ManagerAllocation extends RawTerms {
  /** The unrounded final allocation, after mitigation. */
  final: Rational;
  /** The published allocation, in cents (sums to the envelope). */
  allocationCents: bigint;
  /** The unrounded municipal match: allocationCents / 100 × (1 − rate) / rate. */
  municipalMatch: Rational;
}

export interface YearAllocation {
  managers: ManagerAllocation[];
  /** Whether a prior allocation and max_decrease applied. */
  mitigated: boolean;
  rounds: number;
  floorsExceedEnvelope: boolean;
}

/** One year's allocation from its inputs, parameters and (for mitigation) last year's allocation in cents. */
export function allocateYear(
  inputs: ManagerInputs[],
  referenceMonths: number,
  p: AllocationParameters,
  prior: Map<string, bigint> | null,
): YearAllocation {
  const terms = rawAllocation(inputs, referenceMonths, p);
  const raws = terms.map((t) => t.raw);
  let final = raws;
  let rounds = 0;
  let floorsExceedEnvelope = false;
  const mitigated = prior !== null && p.maxDecrease !== null;
  if (prior !== null && p.maxDecrease !== null) {
    const keep = sub(ONE, p.maxDecrease);
    const floors = terms.map((t) => mul(rat(prior.get(t.code) ?? 0n, 100n), keep));
    ({ final, rounds, floorsExceedEnvelope } = mitigate(raws, floors, p.envelope));
  }
  const envelopeCents = toCents(p.envelope);
  const cents = roundToEnvelope(
    terms.map((t, i) => ({ code: t.code, amount: final[i] ?? ZERO })),
    envelopeCents,
  );
  const matchFactor = div(sub(ONE, p.provincialRate), p.provincialRate);
  return {
    managers: terms.map((t, i) => ({
      ...t,
      final: final[i] ?? ZERO,
      allocationCents: cents[i] ?? 0n,
      municipalMatch: mul(rat(cents[i] ?? 0n, 100n), matchFactor),
    })),
    mitigated,
    rounds,
    floorsExceedEnvelope,
  };
}

export const PDF_COMPONENTS = [
  'pdf_base',
  'pdf_caseload',
  'pdf_outcomes',
  'pdf_mitigation',
  'pdf_allocation',
  'pdf_municipal_match',
] as const;
export type PdfComponent = (typeof PDF_COMPONENTS)[number];

/**
 * The published components of a year, in cents, per manager and for ON:
 *   pdf_base, pdf_caseload, pdf_outcomes  the raw terms, each rounded to cents
 *   pdf_mitigation       (unrounded final − raw) rounded to cents; exactly 0 where mitigation changed nothing
 *   pdf_allocation       the final allocation, cents by largest remainder
 *   pdf_municipal_match  the rounded allocation × (1 − rate) / rate, rounded to cents
 * ON rounds the sum of the managers' unrounded figures (for pdf_allocation: the sum of the cents, i.e. E).
 */
export function allocationComponents(
  year: YearAllocation,
): { serviceManager: string; component: PdfComponent; cents: bigint }[] {
  const unrounded = (m: ManagerAllocation): Record<PdfComponent, Rational> => ({
    pdf_base: m.base,
    pdf_caseload: m.caseload,
    pdf_outcomes: m.outcomes,
    pdf_mitigation: sub(m.final, m.raw),
    pdf_allocation: rat(m.allocationCents, 100n),
    pdf_municipal_match: m.municipalMatch,
  });
  const rows: { serviceManager: string; component: PdfComponent; cents: bigint }[] = [];
  const province = Object.fromEntries(PDF_COMPONENTS.map((c) => [c, ZERO])) as Record<PdfComponent, Rational>;
  for (const m of year.managers) {
    const u = unrounded(m);
    for (const c of PDF_COMPONENTS) {
      rows.push({
        serviceManager: m.code,
        component: c,
        cents: c === 'pdf_allocation' ? m.allocationCents : eq(u[c], ZERO) ? 0n : toCents(u[c]),
      });
      province[c] = add(province[c], u[c]);
    }
  }
  for (const c of PDF_COMPONENTS)
    rows.push({ serviceManager: 'ON', component: c, cents: toCents(province[c]) });
  return rows;
}

export interface YearInputs {
  fiscalYear: string;
  referenceMonths: number;
  params: AllocationParameters;
  managers: ManagerInputs[];
}

/**
 * Every allocation year in order, chained: year Y's mitigation uses the final rounded allocation of Y−1 computed
 * here (the first year has none, nor a year whose previous year is not in the list).
 */
export function allocateYears(
  years: YearInputs[],
  previousYear: (fy: string) => string,
): Map<string, YearAllocation> {
  const out = new Map<string, YearAllocation>();
  for (const y of [...years].sort((a, b) => (a.fiscalYear < b.fiscalYear ? -1 : 1))) {
    const prev = out.get(previousYear(y.fiscalYear));
    const prior = prev ? new Map(prev.managers.map((m) => [m.code, m.allocationCents])) : null;
    out.set(y.fiscalYear, allocateYear(y.managers, y.referenceMonths, y.params, prior));
  }
  return out;
}
