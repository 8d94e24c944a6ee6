// Rates pooled over several geographies and months from the public counts behind them (the topic pages'
// Employment Services catchments and referral funnel). The counts are rounded and the suppressed ones
// are left out, so a pooled rate is approximate.
import type { Fraction } from './data.js';

export interface Pooled {
  num: number;
  den: number;
  /** The geography-months counted. */
  counted: number;
  rate: number | null;
}

/** Sum of the published numerators and denominators of fractions over some months. */
export function pooled(
  fractions: readonly Fraction[],
  periods: readonly string[],
  months: ReadonlySet<string>,
): Pooled {
  let num = 0;
  let den = 0;
  let counted = 0;
  for (const f of fractions) {
    periods.forEach((p, i) => {
      const n = f.numerator[i];
      const d = f.denominator[i];
      if (!months.has(p) || n === null || n === undefined || d === null || d === undefined) return;
      num += n;
      den += d;
      counted++;
    });
  }
  return { num, den, counted, rate: den > 0 ? (100 * num) / den : null };
}

/** The `count` months before `start` (or from it), among the published ones. */
export function monthsFrom(
  periods: readonly string[],
  start: string,
  count: number,
  before: boolean,
): Set<string> {
  const i = periods.findIndex((p) => p >= start);
  if (before) {
    const end = i < 0 ? periods.length : i;
    return new Set(periods.slice(Math.max(0, end - count), end));
  }
  return i < 0 ? new Set() : new Set(periods.slice(i, i + count));
}
