// Demo generator options: what a caller may set, with the defaults and the checks on them.

export interface DemoOptions {
  out: string;
  /** Multiplies case counts: 1 ≈ the province (about 250,000 OW and 370,000 ODSP open cases). */
  scale?: number;
  months?: number;
  /** First reporting month, `YYYY-MM`. */
  start?: string;
  seed?: number;
  /** Fraction of rows deliberately corrupted (every quarantine reason occurs across a run). */
  noise?: number;
  onProgress?: (month: string) => void;
}

export interface DemoSummary {
  months: string[];
  files: number;
  rows: Record<string, number>;
  bytes: number;
}

export interface Options {
  out: string;
  scale: number;
  months: number;
  start: string;
  seed: number;
  noise: number;
  onProgress: (month: string) => void;
}

export function normalizeOptions(o: DemoOptions): Options {
  const scale = o.scale ?? 0.02;
  const months = o.months ?? 36;
  const start = o.start ?? '2023-04';
  const seed = o.seed ?? 1;
  const noise = o.noise ?? 0;
  if (!(scale > 0 && scale <= 10)) throw new Error(`demo: --scale must be > 0 and ≤ 10 (got ${scale})`);
  if (!Number.isInteger(months) || months < 1 || months > 600)
    throw new Error(`demo: --months must be a whole number from 1 to 600 (got ${months})`);
  if (!/^(19|20)\d\d-(0[1-9]|1[0-2])$/.test(start))
    throw new Error(`demo: --start must be YYYY-MM (got ${start})`);
  if (!Number.isInteger(seed)) throw new Error(`demo: --seed must be a whole number (got ${seed})`);
  if (!(noise >= 0 && noise < 1)) throw new Error(`demo: --noise must be from 0 to below 1 (got ${noise})`);
  return { out: o.out, scale, months, start, seed, noise, onProgress: o.onProgress ?? (() => {}) };
}
