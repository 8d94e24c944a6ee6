// Demo generator, seeded randomness (sfc32, seeded through splitmix32): fast, small and identical on
// every platform.

export class Rng {
  private a: number;
  private b: number;
  private c: number;
  private d: number;

  constructor(seed: number) {
    let s = seed >>> 0;
    const split = (): number => {
      s = (s + 0x9e3779b9) | 0;
      let z = s;
      z = Math.imul(z ^ (z >>> 16), 0x85ebca6b);
      z = Math.imul(z ^ (z >>> 13), 0xc2b2ae35);
      return (z ^ (z >>> 16)) >>> 0;
    };
    this.a = split();
    this.b = split();
    this.c = split();
    this.d = split();
    for (let i = 0; i < 12; i++) this.next();
  }

  /** Uniform in [0, 1). */
  next(): number {
    const t = (((this.a + this.b) | 0) + this.d) | 0;
    this.d = (this.d + 1) | 0;
    this.a = this.b ^ (this.b >>> 9);
    this.b = (this.c + (this.c << 3)) | 0;
    this.c = (this.c << 21) | (this.c >>> 11);
    this.c = (this.c + t) | 0;
    return (t >>> 0) / 4294967296;
  }

  /** Whole number in [lo, hi]. */
  int(lo: number, hi: number): number {
    return lo + Math.floor(this.next() * (hi - lo + 1));
  }

  chance(p: number): boolean {
    return this.next() < p;
  }

  normal(): number {
    return Math.sqrt(-2 * Math.log(1 - this.next())) * Math.cos(2 * Math.PI * this.next());
  }

  /** Log-normal with the given median, clamped to [lo, hi]. */
  lognormal(median: number, sigma: number, lo: number, hi: number): number {
    return Math.min(hi, Math.max(lo, median * Math.exp(sigma * this.normal())));
  }

  /** Failures before the first success with chance p (months until an event of monthly hazard p). */
  geometric(p: number): number {
    return Math.floor(Math.log(1 - this.next()) / Math.log(1 - p));
  }

  pick<T>(items: readonly T[]): T {
    return items[Math.floor(this.next() * items.length)]!;
  }
}

export interface Weighted<T> {
  values: T[];
  cumulative: number[];
}

export function weighted<K extends string>(weights: Record<K, number>): Weighted<K> {
  const values = Object.keys(weights) as K[];
  let sum = 0;
  const cumulative = values.map((v) => (sum += weights[v]));
  return { values, cumulative: cumulative.map((c) => c / sum) };
}

export function draw<T>(rng: Rng, w: Weighted<T>): T {
  const u = rng.next();
  const n = w.values.length;
  for (let i = 0; i < n - 1; i++) if (u < w.cumulative[i]!) return w.values[i]!;
  return w.values[n - 1]!;
}

export function weightedList<T>(pairs: [T, number][]): Weighted<T> {
  let sum = 0;
  const cumulative = pairs.map(([, w]) => (sum += w));
  return { values: pairs.map(([v]) => v), cumulative: cumulative.map((c) => c / sum) };
}
