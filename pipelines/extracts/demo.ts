// Demo extract generator: realistic synthetic SAMS deliveries that follow the extract contract
// (shared/spec/extracts.md) for all 47 service managers, one folder per reporting month.
//
// How it works. A population of open OW and ODSP cases is simulated month by month. It starts at a
// steady state (each case's age drawn from its exit hazard), and every month:
//   1. rows scheduled earlier for this month are written first (late corrections, status updates,
//      late replies, restated cases): they only refer to rows of earlier deliveries;
//   2. applications due for a decision are decided and new ones submitted; grants open cases;
//   3. every open case is walked once: it may close, move, start or stop earning; it is written to
//      `cases` and paid (BASIC_NEEDS + SHELTER), and may report income, be assessed, be referred,
//      be selected for an eligibility review, use MyBenefits and exchange messages.
// Only the open population (plus people due to re-apply) is kept in memory; rows stream to disk.
// Everything random comes from one seeded PRNG, so the same options give the same bytes; noise
// (deliberately bad rows) has its own PRNG so that it only touches the rows it corrupts.
import { createWriteStream, mkdirSync, statSync, type WriteStream } from 'node:fs';
import { once } from 'node:events';
import { finished } from 'node:stream/promises';
import { join } from 'node:path';
import { CHANNELS, FAMILY_STRUCTURES, RISK_TIERS, TABLES, TABLE_NAMES, type TableName } from './contract.ts';
import { serviceManagers, type ServiceManager } from '../reference.ts';

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

export async function generateDemo(opts: DemoOptions): Promise<DemoSummary> {
  const options = normalizeOptions(opts);
  return new DemoWorld(options, serviceManagers()).run();
}

interface Options {
  out: string;
  scale: number;
  months: number;
  start: string;
  seed: number;
  noise: number;
  onProgress: (month: string) => void;
}

function normalizeOptions(o: DemoOptions): Options {
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

// ---------------------------------------------------------------------------------------------
// Model parameters. Levels are Ontario-like (2023–2025); the exact values are illustrative.
// ---------------------------------------------------------------------------------------------

/** Open cases per month at scale 1. */
const OW_CASES = 250_000;
const ODSP_CASES = 370_000;
/** Yearly caseload growth the intake follows (both programs grew in 2023–2025). */
const OW_GROWTH = 0.03;
const ODSP_GROWTH = 0.025;

/** OW stays are a mix: many short spells and a long-staying group. `share` is the share of new cases;
 *  the mean completed stay is Σ share / hazard ≈ 28 months. */
const OW_STAY_TYPES = [
  { share: 0.6, hazard: 0.1 },
  { share: 0.4, hazard: 0.018 },
] as const;
/** ODSP: a monthly exit hazard of 0.55% is a mean stay of about 15 years. */
const ODSP_HAZARD = 0.0055;
/** People with earnings leave faster, and mostly for employment. */
const EARNER_HAZARD_FACTOR = 1.6;

/** Close reasons by program (TRANSFER_TO_ODSP comes from granted ODSP applications, not from these). */
const OW_CLOSE = weighted({
  EMPLOYMENT: 0.22,
  OTHER_INCOME: 0.15,
  MOVED: 0.07,
  NON_COMPLIANCE: 0.25,
  DECEASED: 0.01,
  OTHER: 0.3,
});
const OW_EARNER_CLOSE = weighted({
  EMPLOYMENT: 0.6,
  OTHER_INCOME: 0.12,
  MOVED: 0.04,
  NON_COMPLIANCE: 0.1,
  DECEASED: 0.005,
  OTHER: 0.135,
});
const ODSP_CLOSE = weighted({
  EMPLOYMENT: 0.05,
  OTHER_INCOME: 0.3,
  MOVED: 0.05,
  NON_COMPLIANCE: 0.08,
  DECEASED: 0.3,
  OTHER: 0.22,
});
/** Chance that someone whose case closed for this reason re-applies (within about a year). */
const REENTRY: Record<string, Record<string, number>> = {
  OW: { EMPLOYMENT: 0.22, OTHER_INCOME: 0.18, NON_COMPLIANCE: 0.4, OTHER: 0.28, MOVED: 0.12 },
  ODSP: { EMPLOYMENT: 0.15, OTHER_INCOME: 0.03, NON_COMPLIANCE: 0.2, OTHER: 0.1 },
};

/** Relative OW caseload by manager (Toronto about a third; DSSABs small). Unlisted codes get 0.5. */
// prettier-ignore
const OW_WEIGHT: Record<string, number> = {
  TOR: 33, PEE: 7.5, OTT: 7.5, HAM: 5.5, LON: 4.3, NIA: 4.2, DUR: 3.8, WIN: 3.2, WAT: 3.2, YRK: 3.0,
  SIM: 2.4, SUD: 1.5, HAL: 1.4, KIN: 1.2, BRA: 1.0, LAM: 1.0, WEL: 1.0, CHK: 0.9, PET: 0.9, HAS: 0.9,
  COR: 0.6, OXF: 0.6, KAW: 0.6, LEE: 0.6, REN: 0.6, NOR: 0.5, GRE: 0.5, NUM: 0.5, LAN: 0.4, MUS: 0.4,
  PRE: 0.35, STH: 0.3, STR: 0.3, BRU: 0.3, LEN: 0.3, HUR: 0.25, DUF: 0.25,
  TBD: 1.4, NIP: 0.9, SSM: 0.8, CDS: 0.6, KDS: 0.6, ALG: 0.5, PSD: 0.35, TDS: 0.35, MSD: 0.3, RRD: 0.15,
};
/** ODSP is less concentrated in Toronto and relatively larger in the North. */
const ODSP_WEIGHT_FACTOR = (sm: ServiceManager): number =>
  sm.code === 'TOR' ? 0.7 : sm.region === 'North' ? 1.3 : 1;

const OW_FAMILY = weighted({
  SINGLE: 0.65,
  SOLE_SUPPORT_PARENT: 0.22,
  COUPLE: 0.04,
  COUPLE_WITH_CHILDREN: 0.09,
});
const ODSP_FAMILY = weighted({
  SINGLE: 0.78,
  SOLE_SUPPORT_PARENT: 0.07,
  COUPLE: 0.1,
  COUPLE_WITH_CHILDREN: 0.05,
});

/** Monthly rates in dollars. OW has been frozen since 2018: single $343 basic needs + $390 shelter. */
const OW_BASIC: Record<string, number> = {
  SINGLE: 343,
  SOLE_SUPPORT_PARENT: 360,
  COUPLE: 494,
  COUPLE_WITH_CHILDREN: 494,
};
const OW_SHELTER = [390, 642, 697, 756, 815, 844]; // by members 1..6+
/** ODSP single: $776 + $532 = $1,308 until June 2024, $812 + $556 = $1,368 from July 2024 (indexation). */
const ODSP_BASIC_2024: Record<string, number> = {
  SINGLE: 812,
  SOLE_SUPPORT_PARENT: 893,
  COUPLE: 1234,
  COUPLE_WITH_CHILDREN: 1299,
};
const ODSP_SHELTER_2024 = [556, 874, 947, 1027, 1107, 1147];
const ODSP_BEFORE_JULY_2024 = { basic: 776 / 812, shelter: 532 / 556 };
const ODSP_INDEXED_FROM = 2024 * 12 + 6; // July 2024 as a month number (year * 12 + month - 1)
/** Share of cases paying less than the maximum shelter allowance (actual costs below it). */
const BELOW_MAX_SHELTER = 0.15;

/** Earnings: a monthly chance to start and to stop working; steady share ≈ start / (start + stop). */
const EARNINGS = {
  OW: { start: 0.012, stop: 0.12, median: 850, exempt: 200, clawback: 0.5 },
  ODSP: { start: 0.008, stop: 0.08, median: 650, exempt: 1000, clawback: 0.75 },
} as const;
const SECOND_INCOME_REPORT = 0.04;

/** Extra payments per case-month and reversals (corrections) per regular payment. */
const P_DISCRETIONARY = 0.015;
const P_OTHER_PAYMENT = 0.005;
const P_EMPLOYMENT_BENEFIT = { earner: 0.06, referred: 0.03, other: 0.003 };
const P_REVERSAL = 0.003;
const P_CLOSURE_PRORATION = 0.3;

/** Intake: decisions, grant rates and delays. */
const OW_DECISION = weighted({ GRANTED: 0.7, DENIED: 0.2, WITHDRAWN: 0.1 });
const ODSP_DECISION = weighted({ GRANTED: 0.55, DENIED: 0.35, WITHDRAWN: 0.1 });
const REENTRY_DECISION = weighted({ GRANTED: 0.85, DENIED: 0.1, WITHDRAWN: 0.05 });
const OW_GRANT = 0.7;
const ODSP_GRANT = 0.55;
const REENTRY_GRANT = 0.85;
/** Share of ODSP applicants who are on OW at the time (granted → TRANSFER_TO_ODSP). */
const ODSP_FROM_OW = 0.35;

/** Stabilization (life stabilization framework): assessments, reviews and the Employment Ontario link. */
const P_INITIAL = { OW: 0.85, ODSP: 0.25 };
const P_ROLLOUT_INITIAL = { OW: 0.4, ODSP: 0.1 };
const P_REVIEW = 0.8;
const DOMAIN_OFFSET = [0.2, 0.1, 0.0, 0.3, 0.1, 0.5]; // housing … employment_readiness: lower is harder

// prettier-ignore
const REFERRAL_TYPE = weighted({
  EMPLOYMENT_ONTARIO: 0.18, HOUSING: 0.14, MENTAL_HEALTH_ADDICTIONS: 0.12, CHILD_CARE: 0.06, HEALTH_CARE: 0.08,
  INCOME_BENEFITS: 0.1, LEGAL: 0.06, LIFE_SKILLS: 0.07, LITERACY: 0.05, SETTLEMENT: 0.06, YOUTH: 0.03, OTHER: 0.05,
});
const P_REFERRAL = { OW: 0.035, ODSP: 0.01 };
const WARM_OUTCOME = weighted({
  CONNECTED: 0.65,
  ACCEPTED: 0.08,
  DECLINED: 0.07,
  NO_SHOW: 0.07,
  CANCELLED: 0.05,
  SENT: 0.08,
});
const COLD_OUTCOME = weighted({
  CONNECTED: 0.4,
  ACCEPTED: 0.1,
  DECLINED: 0.12,
  NO_SHOW: 0.18,
  CANCELLED: 0.07,
  SENT: 0.13,
});

/** Risk-based eligibility reviews: higher tiers find more overpayments and ineligibility. */
const P_REVIEW_SELECTED = 0.008;
const TIER_EARNER = weighted({ LOW: 0.25, MEDIUM: 0.4, HIGH: 0.35 });
const TIER_OTHER = weighted({ LOW: 0.55, MEDIUM: 0.32, HIGH: 0.13 });
const REVIEW_OUTCOME: Record<string, Weighted<string>> = {
  LOW: weighted({ NO_CHANGE: 0.85, OVERPAYMENT: 0.08, UNDERPAYMENT: 0.05, INELIGIBLE: 0.02 }),
  MEDIUM: weighted({ NO_CHANGE: 0.7, OVERPAYMENT: 0.18, UNDERPAYMENT: 0.06, INELIGIBLE: 0.06 }),
  HIGH: weighted({ NO_CHANGE: 0.5, OVERPAYMENT: 0.3, UNDERPAYMENT: 0.05, INELIGIBLE: 0.15 }),
};

/** MyBenefits and secure messaging. */
const MB_ENROLLED_AT_START = 0.3;
const MYBENEFITS_LAUNCH = Math.round(Date.UTC(2020, 10, 1) / 86_400_000); // 2020-11-01
const MB_SIGN_IN = 0.35;
const P_CLIENT_MESSAGE = 0.09;
const P_CASEWORKER_MESSAGE = 0.03;
const P_REPLY = 0.88;
const P_CLIENT_ANSWERS = 0.45;

const P_MOVE = { OW: 0.0003, ODSP: 0.001 };
const P_RESTATE_CLOSURE = 0.008;

/** Month number (year * 12 + month - 1) that "rising over time" shares count from. */
const TREND_BASE = 2023 * 12;

// ---------------------------------------------------------------------------------------------
// Seeded randomness (sfc32, seeded through splitmix32): fast, small and identical on every platform.
// ---------------------------------------------------------------------------------------------

class Rng {
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

interface Weighted<T> {
  values: T[];
  cumulative: number[];
}

function weighted<K extends string>(weights: Record<K, number>): Weighted<K> {
  const values = Object.keys(weights) as K[];
  let sum = 0;
  const cumulative = values.map((v) => (sum += weights[v]));
  return { values, cumulative: cumulative.map((c) => c / sum) };
}

function draw<T>(rng: Rng, w: Weighted<T>): T {
  const u = rng.next();
  const n = w.values.length;
  for (let i = 0; i < n - 1; i++) if (u < w.cumulative[i]!) return w.values[i]!;
  return w.values[n - 1]!;
}

// ---------------------------------------------------------------------------------------------
// Calendar: dates are whole days since 1970-01-01 (UTC), formatted through a cache because the
// same few thousand dates are written tens of millions of times.
// ---------------------------------------------------------------------------------------------

const DAY_MS = 86_400_000;
const DAY_S = 86_400;
const dayOf = (y: number, m: number, d: number): number => Math.round(Date.UTC(y, m - 1, d) / DAY_MS);
const DATE_BASE = dayOf(1900, 1, 1);
const DATE_CACHE: string[] = new Array<string>(dayOf(2200, 1, 1) - DATE_BASE).fill('');

function dateStr(day: number): string {
  const s = DATE_CACHE[day - DATE_BASE];
  if (s) return s;
  const made = new Date(day * DAY_MS).toISOString().slice(0, 10);
  DATE_CACHE[day - DATE_BASE] = made;
  return made;
}

const parseDate = (s: string): number => dayOf(+s.slice(0, 4), +s.slice(5, 7), +s.slice(8, 10));
const yearOf = (day: number): number => new Date(day * DAY_MS).getUTCFullYear();
/** 0 = Sunday … 6 = Saturday (1970-01-01 was a Thursday). */
const weekday = (day: number): number => (((day + 4) % 7) + 7) % 7;
const pad2 = (n: number): string => (n < 10 ? '0' : '') + n;

/** `YYYY-MM-DDTHH:MM:SS` for seconds since 1970-01-01 on the local (Toronto) clock. */
function timestampStr(sec: number): string {
  const day = Math.floor(sec / DAY_S);
  const s = sec - day * DAY_S;
  return `${dateStr(day)}T${pad2(Math.floor(s / 3600))}:${pad2(Math.floor(s / 60) % 60)}:${pad2(s % 60)}`;
}

/** Moves a weekend day to the nearest weekday inside [lo, hi] (offices work Monday to Friday). */
function workday(day: number, lo: number, hi: number): number {
  const w = weekday(day);
  if (w === 6) return day - 1 >= lo ? day - 1 : day + 2 <= hi ? day + 2 : day;
  if (w === 0) return day + 1 <= hi ? day + 1 : day - 2 >= lo ? day - 2 : day;
  return day;
}

interface Month {
  t: number;
  /** `YYYY-MM` */
  str: string;
  /** year * 12 + month - 1 */
  num: number;
  start: number;
  end: number;
  /** Regular payments for the benefit month are issued on its first weekday. */
  payday: number;
  odspIndexed: boolean;
  /** Months since January 2023, for shares that rise over time. */
  trend: number;
}

class Calendar {
  private readonly cache = new Map<number, Month>();
  readonly startNum: number;

  constructor(start: string) {
    this.startNum = +start.slice(0, 4) * 12 + +start.slice(5, 7) - 1;
  }

  /** Month t of the run (t = 0 is the first delivery; negative t are before it). */
  month(t: number): Month {
    let m = this.cache.get(t);
    if (m) return m;
    const num = this.startNum + t;
    const y = Math.floor(num / 12);
    const mo = (num % 12) + 1;
    const start = dayOf(y, mo, 1);
    const end = dayOf(y, mo + 1, 1) - 1;
    let payday = start;
    while (weekday(payday) === 0 || weekday(payday) === 6) payday++;
    m = {
      t,
      str: `${y}-${pad2(mo)}`,
      num,
      start,
      end,
      payday,
      odspIndexed: num >= ODSP_INDEXED_FROM,
      trend: Math.max(0, num - TREND_BASE),
    };
    this.cache.set(t, m);
    return m;
  }

  /** The run's month index of a day. */
  indexOf(day: number): number {
    const d = new Date(day * DAY_MS);
    return d.getUTCFullYear() * 12 + d.getUTCMonth() - this.startNum;
  }
}

// ---------------------------------------------------------------------------------------------
// Formatting: ids and money. Clean rows only hold ids, codes, dates and numbers, so no field ever
// needs quoting; rows are joined with plain commas (csvField quotes the few bad rows that need it).
// ---------------------------------------------------------------------------------------------

const id = (prefix: string, n: number, width: number): string => prefix + String(n).padStart(width, '0');
const MONEY_CACHE: string[] = new Array<string>(500_000).fill(''); // up to $5,000

/** Cents as dollars with two decimals: 34300 → `343.00`. */
function money(cents: number): string {
  if (cents >= 0 && cents < MONEY_CACHE.length) {
    const s = MONEY_CACHE[cents];
    if (s) return s;
    return (MONEY_CACHE[cents] = formatCents(cents));
  }
  return formatCents(cents);
}

function formatCents(cents: number): string {
  const a = Math.abs(cents);
  const c = a % 100;
  return `${cents < 0 ? '-' : ''}${Math.floor(a / 100)}.${c < 10 ? '0' : ''}${c}`;
}

/** RFC 4180: quote a field only when it holds a comma, a quote or a line break. */
function csvField(s: string): string {
  return /[",\r\n]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
}

// ---------------------------------------------------------------------------------------------
// Output: one buffered write stream per table and month. Each row is copied into a byte chunk as
// soon as it is made, and full chunks go to the stream; the generator awaits `drain` when the disk
// falls behind. (Copying at once matters: a long string buffer keeps every row alive until it is
// flushed, so millions of rows get promoted to the old generation and GC dominates the run.)
// ---------------------------------------------------------------------------------------------

const CHUNK_BYTES = 256 * 1024;

class Sink {
  rows = 0;
  private chunk = Buffer.allocUnsafe(CHUNK_BYTES);
  private pos = 0;
  private drain: Promise<void> | null = null;
  private error: Error | null = null;
  private readonly stream: WriteStream;

  constructor(
    readonly path: string,
    readonly table: TableName,
    private readonly noise: Noise | null,
  ) {
    this.stream = createWriteStream(path, { highWaterMark: 1 << 20 });
    this.stream.on('error', (e) => (this.error ??= e));
    this.put(TABLES[table].columns.map((c) => c.name).join(','));
  }

  /** Adds a clean row; with noise on, the row may come out corrupted, doubled or dropped. */
  add(line: string): void {
    if (this.noise !== null && this.noise.hits()) this.noise.corrupt(this, line);
    else this.write(line);
  }

  /** Writes a row as is (noise uses this for the rows it makes). */
  write(line: string): void {
    this.put(line);
    this.rows++;
  }

  /** Rows are ASCII (ids, codes, dates, numbers), so one character is one byte. */
  private put(line: string): void {
    if (this.pos + line.length + 1 > CHUNK_BYTES) this.flush();
    this.pos += this.chunk.write(line, this.pos, 'latin1');
    this.chunk[this.pos++] = 10; // \n
  }

  private flush(): void {
    if (this.pos === 0) return;
    const full = this.chunk.subarray(0, this.pos);
    this.chunk = Buffer.allocUnsafe(CHUNK_BYTES); // the stream keeps `full` until it is written
    this.pos = 0;
    if (!this.stream.write(full) && this.drain === null)
      this.drain = once(this.stream, 'drain').then(() => {
        this.drain = null;
      });
  }

  /** Resolves when the stream can take more (backpressure). */
  ready(): Promise<void> | null {
    if (this.error) throw this.error;
    return this.drain;
  }

  async end(): Promise<number> {
    this.flush();
    this.stream.end();
    await finished(this.stream);
    if (this.error) throw this.error;
    return statSync(this.path).size;
  }
}

type Sinks = Record<TableName, Sink>;

// ---------------------------------------------------------------------------------------------
// Noise: bad rows of every quarantine reason, from a PRNG of their own so that the clean rows stay
// the same whatever the noise rate (only the rows hit are corrupted, doubled or dropped).
// ---------------------------------------------------------------------------------------------

type NoiseKind =
  | 'MISSING_REQUIRED'
  | 'BAD_TYPE'
  | 'BAD_CODE'
  | 'RULE_VIOLATION'
  | 'KEY_CONFLICT'
  | 'UNKNOWN_CASE'
  | 'DUPLICATE';

class Noise {
  private readonly rng: Rng;
  private seq = 0;
  /** `YYYY-MM` of the delivery being written: a case opened in it can be "delivered a month late". */
  month = '';

  constructor(
    private readonly rate: number,
    seed: number,
  ) {
    this.rng = new Rng(seed ^ 0x5eed_0bad);
  }

  hits(): boolean {
    return this.rng.next() < this.rate;
  }

  corrupt(sink: Sink, line: string): void {
    const table = TABLES[sink.table];
    const f = line.split(',');
    const names = table.columns.map((c) => c.name);
    const at = (name: string): number => names.indexOf(name);
    const kinds: NoiseKind[] = [
      'MISSING_REQUIRED',
      'BAD_TYPE',
      'RULE_VIOLATION',
      'KEY_CONFLICT',
      'DUPLICATE',
    ];
    if (table.columns.some((c) => c.type === 'code')) kinds.push('BAD_CODE');
    if (table.knownCase || (sink.table === 'cases' && f[at('opened_on')]!.startsWith(this.month)))
      kinds.push('UNKNOWN_CASE');
    const kind = this.rng.pick(kinds);
    switch (kind) {
      case 'MISSING_REQUIRED': {
        const required = table.columns.flatMap((c, i) => (c.required ? [i] : []));
        f[this.rng.pick(required)] = '';
        return sink.write(f.join(','));
      }
      case 'BAD_TYPE':
        return sink.write(this.badType(f, sink.table));
      case 'BAD_CODE': {
        const codes = table.columns.flatMap((c, i) => (c.type === 'code' && f[i] ? [i] : []));
        const i = this.rng.pick(codes);
        f[i] = f[i]!.toLowerCase(); // `tor`, `ow`, `granted`: codes are case-sensitive
        return sink.write(f.join(','));
      }
      case 'RULE_VIOLATION':
        return this.ruleViolation(sink, f, at);
      case 'KEY_CONFLICT':
        sink.write(line);
        return sink.write(this.conflicting(sink.table, f, at));
      case 'UNKNOWN_CASE':
        // A cases row of a newly opened case is held back: the case arrives a month late (if still
        // open), and this month's rows of it wait as UNKNOWN_CASE. Elsewhere: a case never delivered.
        if (sink.table === 'cases') return;
        f[at('case_id')] = id('CX', ++this.seq, 7);
        return sink.write(f.join(','));
      case 'DUPLICATE':
        sink.write(line);
        return sink.write(line);
    }
  }

  private badType(f: string[], table: TableName): string {
    const cols = TABLES[table].columns;
    if (this.rng.chance(0.2)) {
      // Too few or too many fields.
      return this.rng.chance(0.5) ? f.slice(0, -1).join(',') : `${f.join(',')},extra`;
    }
    const typed = cols.flatMap((c, i) => (c.type !== 'code' && f[i] ? [i] : []));
    const i = this.rng.pick(typed);
    const v = f[i]!;
    switch (cols[i]!.type) {
      case 'date':
        f[i] = `${v.slice(0, 4)}-02-30`;
        break;
      case 'month':
        f[i] = `${v.slice(0, 4)}-13`;
        break;
      case 'timestamp':
        f[i] = v.replace('T', ' ');
        break;
      case 'flag':
        f[i] = v === 'Y' ? 'yes' : 'n';
        break;
      case 'money':
        // A thousands separator needs quoting in CSV and is still not money.
        f[i] = this.rng.chance(0.5) ? csvField(`1,${v.replace('-', '')}`) : `${v}x`;
        break;
      case 'id':
        f[i] = `${v}!`;
        break;
      default:
        f[i] = `${v}x`; // ints: `12x`
    }
    return f.join(',');
  }

  private ruleViolation(sink: Sink, f: string[], at: (name: string) => number): void {
    const before = (col: string, ref: string): void => {
      f[at(col)] = dateStr(parseDate(f[at(ref)]!) - this.rng.int(1, 60));
    };
    switch (sink.table) {
      case 'cases':
        before('closed_on', 'opened_on');
        f[at('close_reason')] ||= 'OTHER';
        break;
      case 'payments': {
        const amount = f[at('amount')]!;
        if (amount.startsWith('-') || this.rng.chance(0.4)) {
          f[at('amount')] = '0.00'; // amounts are non-zero
          break;
        }
        // The payment, then a reversal of more than it.
        sink.write(f.join(','));
        const over = Math.round(parseFloat(amount) * 100) + this.rng.int(100, 50_000);
        f[at('reverses_payment_id')] = f[at('payment_id')]!;
        f[at('payment_id')] = id('PAYX', ++this.seq, 9);
        f[at('amount')] = money(-over);
        break;
      }
      case 'income_reports':
        f[at('employment_earnings')] = money(-this.rng.int(100, 100_000));
        break;
      case 'applications':
        if (f[at('decided_on')]) before('decided_on', 'submitted_on');
        else f[at('decision')] = 'GRANTED'; // a decision without a date (and a grant without a case)
        break;
      case 'referrals':
        before('status_on', 'referred_on');
        break;
      case 'stabilization_assessments':
        f[at(this.rng.pick(['housing', 'health', 'social_support']))] = this.rng.chance(0.5) ? '0' : '7';
        break;
      case 'eligibility_reviews':
        before('completed_on', 'selected_on');
        f[at('outcome')] ||= 'NO_CHANGE';
        f[at('adjustment_amount')] ||= '0.00';
        break;
      case 'mybenefits':
        before('last_sign_in_on', 'enrolled_on');
        break;
      case 'messages':
        f[at('in_reply_to')] = id('MX', ++this.seq, 8); // a reply whose original does not exist
        break;
    }
    sink.write(f.join(','));
  }

  /** The same key with different content (KEY_CONFLICT: both rows are quarantined). */
  private conflicting(table: TableName, f: string[], at: (name: string) => number): string {
    const shiftDate = (col: string, by: number): void => {
      f[at(col)] = dateStr(parseDate(f[at(col)]!) + by);
    };
    const next = (col: string, list: readonly string[]): void => {
      f[at(col)] = list[(list.indexOf(f[at(col)]!) + 1) % list.length]!;
    };
    switch (table) {
      case 'cases':
        f[at('birth_year')] = String(+f[at('birth_year')]! - 1);
        break;
      case 'payments':
        shiftDate('issued_on', 1);
        break;
      case 'income_reports':
        f[at('employment_earnings')] = money(
          Math.round(parseFloat(f[at('employment_earnings')]!) * 100) + 100,
        );
        break;
      case 'applications':
        next('channel', CHANNELS);
        break;
      case 'referrals':
        f[at('warm')] = f[at('warm')] === 'Y' ? 'N' : 'Y';
        break;
      case 'stabilization_assessments':
        f[at('action_plan')] = f[at('action_plan')] === 'Y' ? 'N' : 'Y';
        break;
      case 'eligibility_reviews':
        next('risk_tier', RISK_TIERS);
        break;
      case 'mybenefits':
        shiftDate('enrolled_on', -1);
        break;
      case 'messages': {
        const v = f[at('sent_at')]!;
        f[at('sent_at')] = v.slice(0, 17) + pad2((+v.slice(17) + 1) % 60);
        break;
      }
    }
    return f.join(',');
  }
}

// ---------------------------------------------------------------------------------------------
// The population.
// ---------------------------------------------------------------------------------------------

type Program = 'OW' | 'ODSP';
type Family = (typeof FAMILY_STRUCTURES)[number];

/** The primary applicant: kept across that person's cases (re-entry, transfer to ODSP). */
interface Person {
  idStr: string;
  family: Family;
  members: number;
  birthYear: number;
}

class Case {
  readonly idStr: string;
  closedOn = -1;
  closeReason = '';
  /** The `cases` row as last written; '' when something changed and it must be rebuilt. */
  row = '';
  /** Current monthly employment earnings in cents (0: none). */
  earnings = 0;
  /** MyBenefits enrolment day (-1: not enrolled). */
  mbEnrolled = -1;
  /** Day of the next stabilization assessment (-1: none), and whether one was already done. */
  nextAssess = -1;
  scores: number[] | null = null;
  readyEver = false;
  /** Day of the Employment Ontario referral that follows the first employment_ready = Y (-1: none). */
  eoReferral = -1;
  eoReferred = false;
  /** An ODSP application by this OW client is pending (a grant closes this case as a transfer). */
  odspPending = false;

  constructor(
    n: number,
    readonly person: Person,
    readonly program: Program,
    public sm: string,
    readonly openedOn: number,
    readonly hazard: number,
    /** Actual shelter cost as a share of the maximum allowance (1 for most). */
    readonly shelterShare: number,
    /** Latent level of need: drives assessment scores. */
    readonly need: number,
  ) {
    this.idStr = id('C', n, 7);
  }

  alive(day: number): boolean {
    return day >= this.openedOn && (this.closedOn < 0 || day <= this.closedOn);
  }
}

interface Application {
  idStr: string;
  person: Person;
  program: Program;
  sm: string;
  channel: string;
  submitted: number;
  decided: number;
  decision: string;
  /** The OW case of an ODSP applicant already on OW. */
  owCase: Case | null;
}

interface Reentry {
  person: Person;
  program: Program;
  sm: string;
  day: number;
}

// ---------------------------------------------------------------------------------------------
// The world: state plus one step per month.
// ---------------------------------------------------------------------------------------------

class DemoWorld {
  private readonly rng: Rng;
  private readonly cal: Calendar;
  private readonly noise: Noise | null;
  private readonly owSm: Weighted<string>;
  private readonly odspSm: Weighted<string>;

  private active: Case[] = [];
  /** Rows for later deliveries (they refer only to rows already delivered), by month index. */
  private readonly deferred = new Map<number, Partial<Record<TableName, string[]>>>();
  /** Applications pending a decision, by the month index of the decision. */
  private readonly pending = new Map<number, Application[]>();
  /** People who will re-apply, by the month index of the application. */
  private readonly reentries = new Map<number, Reentry[]>();

  private seq = {
    case: 0,
    person: 0,
    payment: 0,
    application: 0,
    referral: 0,
    assessment: 0,
    review: 0,
    message: 0,
  };
  /** For the intake controller: open cases, expected OW exits (Σ hazards), this month's transfers. */
  private owHazardSum = 0;
  private owOpen = 0;
  private odspOpen = 0;
  private transfers = 0;

  private out!: Sinks;
  private m!: Month;

  constructor(
    private readonly o: Options,
    managers: ServiceManager[],
  ) {
    this.rng = new Rng(o.seed);
    this.cal = new Calendar(o.start);
    this.noise = o.noise > 0 ? new Noise(o.noise, o.seed) : null;
    this.owSm = weightedList(managers.map((s) => [s.code, OW_WEIGHT[s.code] ?? 0.5]));
    this.odspSm = weightedList(
      managers.map((s) => [s.code, (OW_WEIGHT[s.code] ?? 0.5) * ODSP_WEIGHT_FACTOR(s)]),
    );
  }

  async run(): Promise<DemoSummary> {
    this.seedPopulation();
    this.warmUpIntake();
    const summary: DemoSummary = {
      months: [],
      files: 0,
      rows: Object.fromEntries(TABLE_NAMES.map((t) => [t, 0])),
      bytes: 0,
    };
    for (let t = 0; t < this.o.months; t++) {
      const m = this.cal.month(t);
      await this.runMonth(m);
      for (const table of TABLE_NAMES)
        summary.rows[table] = (summary.rows[table] ?? 0) + this.out[table].rows;
      summary.bytes += (await Promise.all(TABLE_NAMES.map((table) => this.out[table].end()))).reduce(
        (a, b) => a + b,
      );
      summary.files += TABLE_NAMES.length;
      summary.months.push(m.str);
      this.o.onProgress(m.str);
    }
    return summary;
  }

  // --- The starting population: a steady state, so the first months look like the later ones. ---

  private seedPopulation(): void {
    const m0 = this.cal.month(0);
    const owStock = weightedList(OW_STAY_TYPES.map((s) => [s.hazard, s.share / s.hazard]));
    for (let i = Math.round(OW_CASES * this.o.scale); i > 0; i--)
      this.seedCase('OW', draw(this.rng, owStock), m0);
    for (let i = Math.round(ODSP_CASES * this.o.scale); i > 0; i--) this.seedCase('ODSP', ODSP_HAZARD, m0);
    this.countOpen();
  }

  private seedCase(program: Program, hazard: number, m0: Month): void {
    // At steady state the time since opening of an open case follows its exit hazard.
    const ageMonths = Math.min(this.rng.geometric(hazard), program === 'OW' ? 240 : 420);
    const opened = Math.max(
      dayOf(1985, 1, 1),
      m0.start - 1 - Math.floor(ageMonths * 30.44) - this.rng.int(0, 29),
    );
    const person = this.newPerson(program, yearOf(opened));
    const sm = draw(this.rng, program === 'OW' ? this.owSm : this.odspSm);
    const c = this.newCase(person, program, sm, opened, hazard);
    const e = EARNINGS[program];
    if (this.rng.chance(e.start / (e.start + e.stop))) c.earnings = this.earnings(program);
    const mbFrom = Math.max(opened, MYBENEFITS_LAUNCH);
    if (mbFrom < m0.start && this.rng.chance(MB_ENROLLED_AT_START))
      c.mbEnrolled = this.rng.int(mbFrom, m0.start - 1);
    // The stabilization framework rolls out over the first year to part of the existing caseload.
    if (this.rng.chance(P_ROLLOUT_INITIAL[program]))
      c.nextAssess = this.rng.int(m0.start, this.cal.month(11).end);
    this.active.push(c);
  }

  /** Applications submitted before the first delivery but decided inside the run (ODSP takes months). */
  private warmUpIntake(): void {
    for (let t = -8; t < 0; t++) {
      const m = this.cal.month(t);
      this.submitOdsp(m, 0);
      if (t === -1) this.submitOw(m, 0);
    }
  }

  private countOpen(): void {
    this.owOpen = 0;
    this.odspOpen = 0;
    this.owHazardSum = 0;
    for (const c of this.active) {
      if (c.program === 'OW') {
        this.owOpen++;
        this.owHazardSum += c.earnings > 0 ? c.hazard * EARNER_HAZARD_FACTOR : c.hazard;
      } else this.odspOpen++;
    }
  }

  // --- One month ---

  private async runMonth(m: Month): Promise<void> {
    this.m = m;
    const dir = join(this.o.out, m.str);
    mkdirSync(dir, { recursive: true });
    if (this.noise) this.noise.month = m.str;
    this.out = Object.fromEntries(
      TABLE_NAMES.map((t) => [t, new Sink(join(dir, `${t}.csv`), t, this.noise)]),
    ) as Sinks;

    this.writeDeferred(m.t);
    this.transfers = 0;
    this.decidePending(m);
    this.submitReentries(m);
    this.submitOw(m, m.t);
    this.submitOdsp(m, m.t);

    const cases = this.active;
    const next: Case[] = [];
    for (let i = 0; i < cases.length; i++) {
      const c = cases[i]!;
      this.caseMonth(c);
      if (c.closedOn < 0) next.push(c);
      else this.afterClosure(c);
      if ((i & 2047) === 2047) await this.ready();
    }
    this.active = next;
    this.countOpen();
  }

  private async ready(): Promise<void> {
    for (const t of TABLE_NAMES) {
      const p = this.out[t].ready();
      if (p) await p;
    }
  }

  private defer(t: number, table: TableName, line: string): void {
    if (t >= this.o.months) return; // after the last delivery: never delivered
    let d = this.deferred.get(t);
    if (!d) this.deferred.set(t, (d = {}));
    (d[table] ??= []).push(line);
  }

  /** Writes a row in the delivery of the month holding `day`: now if this month, else later. */
  private deliver(day: number, table: TableName, line: string): void {
    if (day <= this.m.end) this.out[table].add(line);
    else this.defer(this.cal.indexOf(day), table, line);
  }

  private writeDeferred(t: number): void {
    const d = this.deferred.get(t);
    if (!d) return;
    for (const table of TABLE_NAMES) for (const line of d[table] ?? []) this.out[table].add(line);
    this.deferred.delete(t);
  }

  // --- Intake ---

  /** OW intake follows exits (so the caseload stays near its growing target) plus a correction. */
  private submitOw(m: Month, t: number): void {
    const target = OW_CASES * this.o.scale * (1 + (OW_GROWTH * t) / 12);
    const grants = this.owHazardSum + this.transfers + 0.3 * (target - this.owOpen);
    const reentrants = (this.reentries.get(t) ?? []).filter((r) => r.program === 'OW').length;
    const n = Math.max(0, Math.round((grants - reentrants * REENTRY_GRANT) / OW_GRANT));
    for (let i = 0; i < n; i++) {
      const person = this.newPerson('OW', yearOf(m.start));
      const sm = draw(this.rng, this.owSm);
      this.submit(m, person, 'OW', sm, null, OW_DECISION);
    }
  }

  /** ODSP intake is set ahead (decisions take months), with a gentle correction toward the target. */
  private submitOdsp(m: Month, t: number): void {
    const target = ODSP_CASES * this.o.scale * (1 + (ODSP_GROWTH * t) / 12);
    const gap = t < 0 ? 0 : target - this.odspOpen;
    const reentrants = (this.reentries.get(t) ?? []).filter((r) => r.program === 'ODSP').length;
    const grants = target * (ODSP_HAZARD + ODSP_GROWTH / 12) + 0.1 * gap - reentrants * REENTRY_GRANT;
    const n = Math.max(0, Math.round(grants / ODSP_GRANT));
    for (let i = 0; i < n; i++) {
      const ow = this.rng.chance(ODSP_FROM_OW) ? this.pickOwClient(m) : null;
      if (ow) {
        ow.odspPending = true;
        this.submit(m, ow.person, 'ODSP', ow.sm, ow, ODSP_DECISION);
      } else {
        this.submit(
          m,
          this.newPerson('ODSP', yearOf(m.start)),
          'ODSP',
          draw(this.rng, this.odspSm),
          null,
          ODSP_DECISION,
        );
      }
    }
  }

  private pickOwClient(m: Month): Case | null {
    for (let tries = 0; tries < 8 && this.active.length > 0; tries++) {
      const c = this.rng.pick(this.active);
      if (c.program === 'OW' && c.closedOn < 0 && !c.odspPending && c.openedOn < m.start) return c;
    }
    return null;
  }

  private submitReentries(m: Month): void {
    for (const r of this.reentries.get(m.t) ?? [])
      this.submit(m, r.person, r.program, r.sm, null, REENTRY_DECISION, r.day);
    this.reentries.delete(m.t);
  }

  private submit(
    m: Month,
    person: Person,
    program: Program,
    sm: string,
    owCase: Case | null,
    decisions: Weighted<string>,
    day = -1,
  ): void {
    const channel = this.channel(program, m);
    let submitted = day >= 0 ? day : this.rng.int(m.start, m.end);
    if (channel !== 'ONLINE') submitted = workday(submitted, m.start, m.end);
    const decision = draw(this.rng, decisions);
    const decided = workday(submitted + this.decisionDelay(program, decision), submitted, submitted + 400);
    const app: Application = {
      idStr: id('A', ++this.seq.application, 7),
      person,
      program,
      sm,
      channel,
      submitted,
      decided,
      decision,
      owCase,
    };
    if (m.t < 0 && decided < this.cal.month(0).start) {
      // Decided before the first delivery: never seen. An OW client's ODSP grant then happened earlier.
      if (owCase) owCase.odspPending = false;
      return;
    }
    const t = this.cal.indexOf(decided);
    if (t === m.t) this.decide(app);
    else {
      // A pending application is delivered when submitted (inside the run), then again when decided.
      if (m.t >= 0) this.out.applications.add(this.applicationRow(app, false, ''));
      if (t < this.o.months) {
        let list = this.pending.get(t);
        if (!list) this.pending.set(t, (list = []));
        list.push(app);
      }
    }
  }

  private channel(program: Program, m: Month): string {
    // The online share rises over time (digital-first intake); the rest splits phone, in person, partner.
    const online =
      program === 'OW' ? Math.min(0.8, 0.45 + 0.008 * m.trend) : Math.min(0.6, 0.25 + 0.006 * m.trend);
    const u = this.rng.next();
    if (u < online) return 'ONLINE';
    const r = (u - online) / (1 - online);
    return r < 0.45 ? 'PHONE' : r < 0.8 ? 'IN_PERSON' : 'PARTNER';
  }

  private decisionDelay(program: Program, decision: string): number {
    if (decision === 'WITHDRAWN') return this.rng.int(1, 30);
    if (program === 'ODSP') return Math.round(this.rng.lognormal(100, 0.45, 20, 380));
    const u = this.rng.next(); // centralized OW intake: most within days, some weeks
    return u < 0.6 ? this.rng.int(0, 4) : u < 0.9 ? this.rng.int(5, 14) : this.rng.int(15, 45);
  }

  private decidePending(m: Month): void {
    for (const app of this.pending.get(m.t) ?? []) this.decide(app);
    this.pending.delete(m.t);
  }

  /** A decision in this month: a grant opens the case (and ends the OW case of a transfer). */
  private decide(app: Application): void {
    let caseId = '';
    if (app.decision === 'GRANTED') {
      const ow = app.owCase;
      if (ow && ow.closedOn < 0 && ow.openedOn <= app.decided) {
        ow.closedOn = app.decided;
        ow.closeReason = 'TRANSFER_TO_ODSP';
        ow.row = '';
        this.transfers++;
      }
      const hazard = app.program === 'OW' ? draw(this.rng, OW_HAZARDS) : ODSP_HAZARD;
      const c = this.newCase(app.person, app.program, app.sm, app.decided, hazard);
      this.onOpened(c);
      this.active.push(c);
      caseId = c.idStr;
    }
    if (app.owCase) app.owCase.odspPending = false;
    this.out.applications.add(this.applicationRow(app, true, caseId));
  }

  private applicationRow(a: Application, decided: boolean, caseId: string): string {
    return `${a.idStr},${a.person.idStr},${a.program},${a.sm},${a.channel},${dateStr(a.submitted)},${
      decided ? dateStr(a.decided) : ''
    },${decided ? a.decision : ''},${caseId}`;
  }

  private newPerson(program: Program, year: number): Person {
    const family = draw(this.rng, program === 'OW' ? OW_FAMILY : ODSP_FAMILY);
    const age = Math.round(Math.min(64, Math.max(18, (program === 'OW' ? 36 : 45) + 12 * this.rng.normal())));
    return {
      idStr: id('P', ++this.seq.person, 7),
      family,
      members: this.members(family),
      birthYear: year - age,
    };
  }

  private members(family: Family): number {
    switch (family) {
      case 'SINGLE':
        return 1;
      case 'COUPLE':
        return 2;
      case 'SOLE_SUPPORT_PARENT':
        return 2 + Math.min(5, this.rng.geometric(0.5));
      case 'COUPLE_WITH_CHILDREN':
        return 3 + Math.min(7, this.rng.geometric(0.45));
    }
  }

  private newCase(person: Person, program: Program, sm: string, opened: number, hazard: number): Case {
    const shelterShare = this.rng.chance(BELOW_MAX_SHELTER) ? 0.3 + 0.6 * this.rng.next() : 1;
    return new Case(++this.seq.case, person, program, sm, opened, hazard, shelterShare, this.rng.normal());
  }

  /** Things that start with a new case: MyBenefits sign-up, the initial assessment, maybe earnings. */
  private onOpened(c: Case): void {
    const m = this.m;
    if (this.rng.chance(Math.min(0.8, 0.3 + 0.012 * m.trend)))
      c.mbEnrolled = c.openedOn + this.rng.int(0, 20);
    if (this.rng.chance(P_INITIAL[c.program]))
      c.nextAssess = c.openedOn + (this.rng.chance(0.75) ? this.rng.int(0, 30) : this.rng.int(31, 75));
    if (this.rng.chance(EARNINGS[c.program].start * 3)) c.earnings = this.earnings(c.program);
  }

  private earnings(program: Program): number {
    return Math.round(this.rng.lognormal(EARNINGS[program].median, 0.6, 50, 4000) * 100);
  }

  // --- A case's month ---

  private caseMonth(c: Case): void {
    const m = this.m;
    const isNew = c.openedOn >= m.start;
    if (!isNew) {
      this.maybeClose(c);
      this.updateEarnings(c);
      if (c.closedOn < 0 && this.rng.chance(P_MOVE[c.program])) this.move(c);
    }
    if (c.row === '') c.row = caseRow(c);
    this.out.cases.add(c.row);
    this.pay(c, isNew);
    if (c.earnings > 0) this.reportIncome(c);
    if (c.nextAssess >= 0 && c.nextAssess <= m.end) this.assess(c);
    if (c.eoReferral >= 0 && c.eoReferral <= m.end) this.eoReferral(c);
    if (this.rng.chance(P_REFERRAL[c.program])) this.refer(c, draw(this.rng, REFERRAL_TYPE), this.dayIn(c));
    if (!isNew && this.rng.chance(P_REVIEW_SELECTED)) this.selectForReview(c);
    this.myBenefits(c);
  }

  /** A random day of this month on which the case is open. */
  private dayIn(c: Case): number {
    const lo = Math.max(this.m.start, c.openedOn);
    const hi = c.closedOn >= 0 ? c.closedOn : this.m.end;
    return this.rng.int(lo, hi);
  }

  private maybeClose(c: Case): void {
    if (c.closedOn >= 0) return; // already closing (transfer to ODSP)
    const earner = c.earnings > 0;
    if (!this.rng.chance(earner ? c.hazard * EARNER_HAZARD_FACTOR : c.hazard)) return;
    c.closedOn = this.rng.int(this.m.start, this.m.end);
    c.closeReason = draw(this.rng, c.program === 'ODSP' ? ODSP_CLOSE : earner ? OW_EARNER_CLOSE : OW_CLOSE);
    c.row = '';
  }

  private updateEarnings(c: Case): void {
    const e = EARNINGS[c.program];
    if (c.earnings > 0) {
      if (this.rng.chance(e.stop)) c.earnings = 0;
      else c.earnings = Math.max(1000, Math.round(c.earnings * (0.85 + 0.3 * this.rng.next())));
    } else if (this.rng.chance(e.start)) c.earnings = this.earnings(c.program);
  }

  /** A case moved to another manager's area (ODSP follows the person; OW cases are transferred). */
  private move(c: Case): void {
    let sm = c.sm;
    while (sm === c.sm) sm = draw(this.rng, c.program === 'OW' ? this.owSm : this.odspSm);
    c.sm = sm;
    c.row = '';
  }

  // --- Payments ---

  private pay(c: Case, isNew: boolean): void {
    const m = this.m;
    const issued = isNew ? c.openedOn : m.payday;
    let basic = basicCents(c, m);
    let shelter = shelterCents(c, m);
    if (c.earnings > 0) {
      // Earnings above the exemption reduce basic needs first, then shelter.
      const e = EARNINGS[c.program];
      const cut = Math.round(Math.max(0, c.earnings - e.exempt * 100) * e.clawback);
      shelter -= Math.max(0, cut - basic);
      basic = Math.max(0, basic - cut);
      shelter = Math.max(0, shelter);
    }
    let prorate = false;
    if (!isNew && c.closedOn >= 0 && c.closeReason !== 'TRANSFER_TO_ODSP' && c.closedOn - m.start < 20)
      prorate = this.rng.chance(P_CLOSURE_PRORATION);
    if (basic > 0) this.payment(c, issued, 'BASIC_NEEDS', basic, prorate);
    if (shelter > 0) this.payment(c, issued, 'SHELTER', shelter, false);
    if (!isNew) this.extraPayments(c);
  }

  private payment(c: Case, issued: number, type: string, cents: number, prorate: boolean): void {
    const pid = id('PAY', ++this.seq.payment, 9);
    this.out.payments.add(`${pid},${c.idStr},${this.m.str},${dateStr(issued)},${type},${money(cents)},`);
    if (prorate) {
      // Paid for the whole month, closed early in it: the unused days are taken back next month.
      const days = this.m.end - this.m.start + 1;
      const back = Math.floor((cents * (this.m.end - c.closedOn)) / days);
      if (back > 0)
        this.reverse(c, pid, type, back, this.cal.month(this.m.t + 1).payday + this.rng.int(0, 10));
    } else if (this.rng.chance(P_REVERSAL)) {
      // A correction: full or partial, in this delivery (after the original) or a later one.
      const back = this.rng.chance(0.5)
        ? cents
        : Math.max(1, Math.floor(cents * (0.1 + 0.8 * this.rng.next())));
      const when = this.rng.chance(0.3)
        ? Math.min(this.m.end, issued + this.rng.int(1, 10))
        : this.cal.month(this.m.t + this.rng.int(1, 3)).start + this.rng.int(0, 20);
      this.reverse(c, pid, type, back, when);
    }
  }

  private reverse(c: Case, original: string, type: string, cents: number, day: number): void {
    const pid = id('PAY', ++this.seq.payment, 9);
    this.deliver(
      day,
      'payments',
      `${pid},${c.idStr},${this.m.str},${dateStr(day)},${type},${money(-cents)},${original}`,
    );
  }

  private extraPayments(c: Case): void {
    const u = this.rng.next();
    const referred = c.eoReferred ? P_EMPLOYMENT_BENEFIT.referred : P_EMPLOYMENT_BENEFIT.other;
    const pEb = c.earnings > 0 ? P_EMPLOYMENT_BENEFIT.earner : referred;
    let type = '';
    let cents = 0;
    if (u < P_DISCRETIONARY) {
      type = 'DISCRETIONARY';
      cents = Math.round(this.rng.lognormal(180, 0.8, 20, 1500)) * 100;
    } else if (u < P_DISCRETIONARY + pEb) {
      type = 'EMPLOYMENT_BENEFIT';
      cents = Math.round(this.rng.lognormal(150, 0.6, 25, 1000)) * 100;
    } else if (u < P_DISCRETIONARY + pEb + P_OTHER_PAYMENT) {
      type = 'OTHER';
      cents = Math.round(this.rng.lognormal(60, 0.7, 10, 500) * 100);
    }
    if (cents > 0) {
      const pid = id('PAY', ++this.seq.payment, 9);
      this.out.payments.add(
        `${pid},${c.idStr},${this.m.str},${dateStr(this.dayIn(c))},${type},${money(cents)},`,
      );
    }
  }

  // --- Income reports ---

  private reportIncome(c: Case): void {
    const m = this.m;
    // Reported in the second half of the month (not before opening, not after closing).
    const day = Math.max(c.openedOn, m.start + this.rng.int(9, 27));
    const reported = Math.min(day, c.closedOn >= 0 ? c.closedOn : m.end);
    this.out.income_reports.add(`${c.idStr},${m.str},${money(c.earnings)},${dateStr(reported)}`);
    if (this.rng.chance(SECOND_INCOME_REPORT)) {
      // A corrected report for the same month: a later reported_on wins.
      const later = reported + this.rng.int(1, 40);
      const cents = Math.max(0, Math.round(c.earnings * (0.7 + 0.6 * this.rng.next())));
      this.deliver(later, 'income_reports', `${c.idStr},${m.str},${money(cents)},${dateStr(later)}`);
    }
  }

  // --- Stabilization assessments and referrals ---

  private assess(c: Case): void {
    const day = workday(c.nextAssess, Math.max(this.m.start, c.openedOn), this.m.end);
    c.nextAssess = -1;
    if (!c.alive(day)) return;
    const initial = c.scores === null;
    const scores = initial
      ? DOMAIN_OFFSET.map((off) => clampScore(3 - 0.7 * c.need - off + 0.8 * this.rng.normal()))
      : c.scores!.map((s) => clampScore(s + 0.35 + 0.8 * this.rng.normal())); // support helps on average
    c.scores = scores;
    const struggling = scores.some((s) => s <= 2);
    const actionPlan = this.rng.chance(initial ? (struggling ? 0.9 : 0.4) : struggling ? 0.7 : 0.3);
    const ready =
      scores[5]! >= 4 && scores[0]! >= 3 && scores[3]! >= 3 ? this.rng.chance(0.85) : this.rng.chance(0.05);
    const aid = id('SA', ++this.seq.assessment, 7);
    this.out.stabilization_assessments.add(
      `${aid},${c.idStr},${dateStr(day)},${initial ? 'INITIAL' : 'REVIEW'},${scores.join(',')},${
        actionPlan ? 'Y' : 'N'
      },${ready ? 'Y' : 'N'}`,
    );
    if (ready && !c.readyEver) {
      c.readyEver = true;
      const u = this.rng.next(); // most are referred to Employment Ontario within 90 days, some later
      if (u < 0.72) c.eoReferral = day + this.rng.int(0, 90);
      else if (u < 0.85) c.eoReferral = day + this.rng.int(91, 240);
    }
    // A first review 3–12 months after the initial assessment, then one every 6–12 months.
    if (!initial) c.nextAssess = day + this.rng.int(182, 365);
    else if (this.rng.chance(P_REVIEW)) c.nextAssess = day + this.rng.int(91, 365);
  }

  private eoReferral(c: Case): void {
    const day = c.eoReferral;
    c.eoReferral = -1;
    if (!c.alive(day)) return;
    c.eoReferred = true;
    this.refer(c, 'EMPLOYMENT_ONTARIO', day);
  }

  private refer(c: Case, type: string, day: number): void {
    const warm = this.rng.chance(Math.min(0.7, 0.35 + 0.006 * this.m.trend));
    const status = draw(this.rng, warm ? WARM_OUTCOME : COLD_OUTCOME);
    let statusOn = day;
    if (status === 'CONNECTED') {
      const soon = this.rng.chance(warm ? 0.75 : 0.55);
      statusOn = day + (soon ? this.rng.int(0, 30) : this.rng.int(31, 120));
    } else if (status !== 'SENT') statusOn = day + this.rng.int(1, 60);
    const rid = id('R', ++this.seq.referral, 7);
    const row = (s: string, on: number): string =>
      `${rid},${c.idStr},${type},${dateStr(day)},${warm ? 'Y' : 'N'},${s},${dateStr(on)}`;
    // Delivered as SENT when made; the outcome is a change delivered in the month it happens.
    if (statusOn > this.m.end) {
      this.out.referrals.add(row('SENT', day));
      this.deliver(statusOn, 'referrals', row(status, statusOn));
    } else this.out.referrals.add(row(status, statusOn));
  }

  // --- Eligibility reviews ---

  private selectForReview(c: Case): void {
    const tier = draw(this.rng, c.earnings > 0 ? TIER_EARNER : TIER_OTHER);
    const selected = workday(this.dayIn(c), this.m.start, this.m.end);
    const rid = id('ER', ++this.seq.review, 7);
    const head = `${rid},${c.idStr},${tier},${dateStr(selected)}`;
    const u = this.rng.next();
    if (u >= 0.95) return this.out.eligibility_reviews.add(`${head},,,`); // never completed
    const completed = selected + (u < 0.76 ? this.rng.int(5, 60) : this.rng.int(61, 180));
    const outcome = draw(this.rng, REVIEW_OUTCOME[tier]!);
    const heavier = tier === 'HIGH' ? 2 : tier === 'MEDIUM' ? 1.4 : 1;
    const dollars =
      outcome === 'OVERPAYMENT'
        ? this.rng.lognormal(600 * heavier, 0.9, 20, 20_000)
        : outcome === 'UNDERPAYMENT'
          ? this.rng.lognormal(180, 0.7, 10, 3000)
          : outcome === 'INELIGIBLE'
            ? this.rng.lognormal(2400, 0.8, 100, 40_000)
            : 0;
    const done = `${head},${dateStr(completed)},${outcome},${money(Math.round(dollars * 100))}`;
    if (completed > this.m.end) {
      this.out.eligibility_reviews.add(`${head},,,`);
      this.deliver(completed, 'eligibility_reviews', done);
    } else this.out.eligibility_reviews.add(done);
  }

  // --- MyBenefits and messages ---

  private myBenefits(c: Case): void {
    const m = this.m;
    if (c.mbEnrolled < 0 && c.openedOn < m.start && this.rng.chance(Math.min(0.03, 0.006 + 0.0003 * m.trend)))
      c.mbEnrolled = this.dayIn(c);
    if (c.mbEnrolled < 0 || c.mbEnrolled > m.end) return;
    const hi = c.closedOn >= 0 ? Math.max(c.closedOn, c.mbEnrolled) : m.end;
    const lo = Math.max(m.start, c.mbEnrolled);
    if (c.mbEnrolled >= m.start) {
      // Enrolled this month: most sign in right away.
      const signIn = this.rng.chance(0.8) ? dateStr(this.rng.int(lo, Math.max(lo, hi))) : '';
      this.out.mybenefits.add(`${c.idStr},${dateStr(c.mbEnrolled)},${signIn}`);
    } else if (c.closedOn < 0 && this.rng.chance(MB_SIGN_IN)) {
      this.out.mybenefits.add(`${c.idStr},${dateStr(c.mbEnrolled)},${dateStr(this.rng.int(lo, hi))}`);
    }
    if (this.rng.chance(P_CLIENT_MESSAGE)) {
      this.clientMessage(c, lo, hi);
      if (this.rng.chance(0.25)) this.clientMessage(c, lo, hi);
    }
    if (this.rng.chance(P_CASEWORKER_MESSAGE)) this.caseworkerMessage(c, lo, hi);
  }

  private clientMessage(c: Case, lo: number, hi: number): void {
    // Clients write mostly from 7:00 to 23:00, any day.
    const hour = this.rng.chance(0.85) ? this.rng.int(7, 22) : this.rng.int(23, 30) % 24;
    const sent = this.rng.int(lo, hi) * DAY_S + hour * 3600 + this.rng.int(0, 3599);
    const mid = this.message(c, sent, 'CLIENT', '');
    if (!this.rng.chance(P_REPLY)) return; // some are never answered
    // Replies: some within minutes, most within a day or two, a tail of several days.
    const minutes = this.rng.chance(0.12)
      ? this.rng.int(2, 120)
      : this.rng.lognormal(1080, 1.1, 2, 14 * 1440);
    this.message(c, sent + Math.round(minutes * 60) + this.rng.int(0, 59), 'CASEWORKER', mid);
  }

  private caseworkerMessage(c: Case, lo: number, hi: number): void {
    const sent = workday(this.rng.int(lo, hi), lo, hi) * DAY_S + this.rng.int(8 * 3600, 17 * 3600);
    const mid = this.message(c, sent, 'CASEWORKER', '');
    if (this.rng.chance(P_CLIENT_ANSWERS))
      this.message(c, sent + Math.round(this.rng.lognormal(480, 1.2, 1, 10 * 1440) * 60) + 1, 'CLIENT', mid);
  }

  /** Writes a message in the delivery of the month it is sent in; a reply comes after its original. */
  private message(c: Case, sent: number, direction: string, inReplyTo: string): string {
    const mid = id('M', ++this.seq.message, 8);
    this.deliver(
      Math.floor(sent / DAY_S),
      'messages',
      `${mid},${c.idStr},${timestampStr(sent)},${direction},${inReplyTo}`,
    );
    return mid;
  }

  // --- Closure: re-entry and restatement ---

  private afterClosure(c: Case): void {
    const t = this.m.t;
    // Someone waiting for an ODSP decision does not come back to OW (they would be on both).
    const pReentry = c.odspPending ? 0 : (REENTRY[c.program]![c.closeReason] ?? 0);
    if (pReentry > 0 && this.rng.chance(pReentry)) {
      // Back within about a year (a few later), as a new case of the same person and program;
      // someone who moved applies in their new area.
      // (This month's applications are already in, so the earliest is next month.)
      const day = Math.max(
        c.closedOn + Math.round(this.rng.lognormal(110, 0.8, 15, 700)),
        this.cal.month(t + 1).start,
      );
      const sm =
        c.closeReason === 'MOVED' ? draw(this.rng, c.program === 'OW' ? this.owSm : this.odspSm) : c.sm;
      const rt = this.cal.indexOf(day);
      if (rt < this.o.months) {
        let list = this.reentries.get(rt);
        if (!list) this.reentries.set(rt, (list = []));
        list.push({ person: c.person, program: c.program, sm, day });
      }
    }
    if (c.closeReason !== 'TRANSFER_TO_ODSP' && this.rng.chance(P_RESTATE_CLOSURE)) {
      // A correction delivered one or two months later: the close reason, or the manager, was wrong.
      const later = t + this.rng.int(1, 2);
      if (this.rng.chance(0.7)) {
        let reason = c.closeReason;
        while (reason === c.closeReason) reason = draw(this.rng, c.program === 'OW' ? OW_CLOSE : ODSP_CLOSE);
        c.closeReason = reason;
      } else this.move(c);
      this.defer(later, 'cases', caseRow(c));
    }
  }
}

const OW_HAZARDS = weightedList(OW_STAY_TYPES.map((s) => [s.hazard, s.share]));

function weightedList<T>(pairs: [T, number][]): Weighted<T> {
  let sum = 0;
  const cumulative = pairs.map(([, w]) => (sum += w));
  return { values: pairs.map(([v]) => v), cumulative: cumulative.map((c) => c / sum) };
}

function caseRow(c: Case): string {
  const p = c.person;
  const closed = c.closedOn >= 0 ? dateStr(c.closedOn) : '';
  return `${c.idStr},${p.idStr},${c.program},${c.sm},${dateStr(c.openedOn)},${closed},${c.closeReason},${p.family},${p.members},${p.birthYear}`;
}

function basicCents(c: Case, m: Month): number {
  const family = c.person.family;
  if (c.program === 'OW') return OW_BASIC[family]! * 100;
  const dollars = ODSP_BASIC_2024[family]!;
  return Math.round(m.odspIndexed ? dollars : dollars * ODSP_BEFORE_JULY_2024.basic) * 100;
}

function shelterCents(c: Case, m: Month): number {
  const i = Math.min(c.person.members, 6) - 1;
  let max = c.program === 'OW' ? OW_SHELTER[i]! : ODSP_SHELTER_2024[i]!;
  if (c.program === 'ODSP' && !m.odspIndexed) max = Math.round(max * ODSP_BEFORE_JULY_2024.shelter);
  return Math.round(max * c.shelterShare) * 100;
}

const clampScore = (x: number): number => Math.min(5, Math.max(1, Math.round(x)));
