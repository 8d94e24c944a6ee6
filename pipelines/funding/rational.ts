// Exact rational arithmetic on BigInt, for the program-delivery allocation (funding.md §2).
//
// Why not floating point: the allocation divides by sums, scales by a common factor in several rounds and then
// compares the sub-cent remainders of 47 amounts to decide who gets the last cents, ties going to the lowest
// code. In binary floating point two remainders that are equal on paper can differ in their last bit, so the
// tie-break would be decided by noise. Every parameter is a decimal (at most 12 decimal places, checked on
// load) and every input an integer count, so each figure of the allocation is a ratio of integers and can be
// held exactly; only the published cents are rounded, once, at the end.

export interface Rational {
  /** Numerator; carries the sign. */
  readonly n: bigint;
  /** Denominator; always > 0, and gcd(n, d) = 1. */
  readonly d: bigint;
}

const abs = (x: bigint): bigint => (x < 0n ? -x : x);

function gcd(a: bigint, b: bigint): bigint {
  a = abs(a);
  b = abs(b);
  while (b !== 0n) [a, b] = [b, a % b];
  return a;
}

export function rat(n: bigint | number, d: bigint | number = 1n): Rational {
  let num = BigInt(n);
  let den = BigInt(d);
  if (den === 0n) throw new RangeError('division by zero');
  if (den < 0n) [num, den] = [-num, -den];
  const g = gcd(num, den);
  return g > 1n ? { n: num / g, d: den / g } : { n: num, d: den };
}

export const ZERO = rat(0n);
export const ONE = rat(1n);

/** A plain decimal string ("-12.345", "600000000", "0.100000000000") as an exact rational. */
export function fromDecimal(s: string): Rational {
  const m = /^(-?)(\d+)(?:\.(\d*))?$/.exec(s.trim());
  if (!m) throw new Error(`not a plain decimal: "${s}"`);
  const [, sign, int, frac = ''] = m;
  const n = BigInt(`${int}${frac}` || '0');
  return rat(sign === '-' ? -n : n, 10n ** BigInt(frac.length));
}

export const add = (a: Rational, b: Rational): Rational => rat(a.n * b.d + b.n * a.d, a.d * b.d);
export const sub = (a: Rational, b: Rational): Rational => rat(a.n * b.d - b.n * a.d, a.d * b.d);
export const mul = (a: Rational, b: Rational): Rational => rat(a.n * b.n, a.d * b.d);
export const div = (a: Rational, b: Rational): Rational => rat(a.n * b.d, a.d * b.n);
export const sum = (xs: Iterable<Rational>): Rational => {
  let s = ZERO;
  for (const x of xs) s = add(s, x);
  return s;
};
/** −1, 0 or 1 as a is less than, equal to or greater than b. */
export const cmp = (a: Rational, b: Rational): number => {
  const l = a.n * b.d;
  const r = b.n * a.d;
  return l < r ? -1 : l > r ? 1 : 0;
};
export const isZero = (a: Rational): boolean => a.n === 0n;
export const eq = (a: Rational, b: Rational): boolean => a.n === b.n && a.d === b.d;

/** floor(a), the greatest integer ≤ a. */
export function floor(a: Rational): bigint {
  const q = a.n / a.d; // BigInt division truncates toward zero
  return a.n < 0n && q * a.d !== a.n ? q - 1n : q;
}

/** a rounded to an integer, half away from zero (12.5 → 13, −12.5 → −13). */
export function roundHalfAway(a: Rational): bigint {
  const m = abs(a.n);
  const r = (2n * m + a.d) / (2n * a.d);
  return a.n < 0n ? -r : r;
}

/** Dollars as whole cents, rounded half away from zero. */
export const toCents = (dollars: Rational): bigint => roundHalfAway(mul(dollars, rat(100n)));

/** Whole cents as a dollar string with 2 decimals ("-0.05", "1234.50"). */
export function centsToString(cents: bigint): string {
  const sign = cents < 0n ? '-' : '';
  const c = abs(cents);
  return `${sign}${c / 100n}.${String(c % 100n).padStart(2, '0')}`;
}
