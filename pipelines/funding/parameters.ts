// Funding parameters (funding.md "Parameters"): JSON files in data/reference/funding/, `default.json` and
// optionally `<FY>.json` (e.g. `2025-26.json`). A year without its own file uses the nearest earlier year's
// file, else `default.json`. Every file is validated against the schema below on load (zod); a bad file is one
// clear error naming the file, the field and the problem.
//
// Numbers are read as JSON numbers and used as the decimals they are written as (0.1 is one tenth, not the
// nearest double): shares, weights and points have at most 12 decimal places and dollar amounts at most 2, so
// every parameter is an exact decimal in the warehouse (DECIMAL(18, 12) and DECIMAL(18, 2)) and in the
// allocation's rational arithmetic.
import { createHash } from 'node:crypto';
import { existsSync, readFileSync, readdirSync } from 'node:fs';
import { basename, dirname, join, relative } from 'node:path';
import * as z from 'zod';
import { fiscalYearStart } from './fiscal-year.ts';
import { add, cmp, fromDecimal, rat, sub, sum } from './rational.ts';
import { REFERENCE_DIR } from '../reference.ts';
import { lit } from '../warehouse.ts';

export const FUNDING_DIR = join(REFERENCE_DIR, 'funding');
export const DEFAULT_FILE = 'default.json';

/** A JS number as a plain decimal string, without exponent (1e-7 → "0.0000001"); its shortest round trip. */
export function plainDecimal(x: number): string {
  const s = String(x);
  const m = /^(-?)(\d)(?:\.(\d+))?e([+-]\d+)$/.exec(s);
  if (!m) return s;
  const [, sign, lead, frac = '', expText] = m;
  const exp = Number(expText);
  const digits = lead + frac;
  const point = 1 + exp; // position of the decimal point within digits
  if (point <= 0) return `${sign}0.${'0'.repeat(-point)}${digits}`;
  if (point >= digits.length) return `${sign}${digits}${'0'.repeat(point - digits.length)}`;
  return `${sign}${digits.slice(0, point)}.${digits.slice(point)}`;
}

const decimalPlaces = (x: number): number => plainDecimal(x).split('.')[1]?.length ?? 0;

/** A number from 0 to `max` written with at most `places` decimals, so that it is exact in the warehouse. */
const exactDecimal = (max: number, places: number, message: string) =>
  z
    .number()
    .min(0)
    .max(max)
    .refine((x) => decimalPlaces(x) <= places, { message });

const MAX_FRACTION_DECIMALS = 12;
const fractionDigits = (what: string): string =>
  `${what} must have at most ${MAX_FRACTION_DECIMALS} decimal places`;
const fraction = (what: string) => exactDecimal(1, MAX_FRACTION_DECIMALS, fractionDigits(what));
const factor = (what: string) => exactDecimal(999999, MAX_FRACTION_DECIMALS, fractionDigits(what));
const dollars = (max: number) => exactDecimal(max, 2, 'dollars must have at most 2 decimal places (cents)');

const weightsSchema = z
  .strictObject({
    base: fraction('a weight'),
    caseload: fraction('a weight'),
    outcomes: fraction('a weight'),
  })
  .superRefine((w, ctx) => {
    const total = sum([w.base, w.caseload, w.outcomes].map((x) => fromDecimal(plainDecimal(x))));
    const gap = sub(total, rat(1n));
    const tolerance = rat(1n, 1_000_000_000n);
    if (cmp(gap, tolerance) > 0 || cmp(add(gap, tolerance), rat(0n)) < 0) {
      ctx.addIssue({
        code: 'custom',
        message: `base + caseload + outcomes must sum to 1 (within 1e-9), got ${w.base} + ${w.caseload} + ${w.outcomes}`,
      });
    }
  });

export const parametersSchema = z.strictObject({
  /** Shown on every output that uses the file; the shipped defaults are illustrative. Default true. */
  illustrative: z.boolean().default(true),
  description: z.string().optional(),
  assistance: z.strictObject({ provincial_share: fraction('a share') }),
  discretionary: z.strictObject({
    provincial_share: fraction('a share'),
    cap_per_case_month: dollars(1_000_000),
  }),
  pdf: z.strictObject({
    envelope: dollars(10_000_000_000_000).refine((x) => x > 0, { message: 'the envelope must be > 0' }),
    weights: weightsSchema,
    outcome_points: z.strictObject({
      exit_to_employment: factor('points'),
      eo_referral_connected: factor('points'),
      stabilization_improved: factor('points'),
    }),
    provincial_rate: fraction('a rate').refine((x) => x > 0, {
      message: 'the provincial rate must be > 0 (the municipal match divides by it)',
    }),
    max_decrease: fraction('a share').nullable(),
  }),
  outcome_payments: z.strictObject({
    milestones_days: z
      .array(z.number().int().min(1).max(3650))
      .min(1)
      .max(20)
      .refine((ds) => ds.every((d, i) => i === 0 || d > (ds[i - 1] ?? 0)), {
        message: 'milestones must be distinct days in increasing order',
      }),
    amount_per_milestone: dollars(1_000_000),
    stream_weights: z.strictObject({ A: factor('a weight'), B: factor('a weight'), C: factor('a weight') }),
    stream_cutoffs: z
      .strictObject({ A: z.number().int().min(0).max(1000), B: z.number().int().min(0).max(1000) })
      .refine((c) => c.A >= c.B, {
        message: 'cutoff A must be at least cutoff B (≥ A is stream A, ≥ B stream B)',
      }),
  }),
});

export type FundingParameters = z.output<typeof parametersSchema>;

/** One parameter file, validated. */
export interface ParameterFile {
  /** The file's name, e.g. `default.json` or `2025-26.json`. */
  name: string;
  /** How the published parameters name it: its name, or `extracts: funding/<name>` for a file of the extracts. */
  shownAs: string;
  path: string;
  /** The fiscal year the file is for; null for default.json (and for a scenario file). */
  fiscalYear: string | null;
  sha256: string;
  params: FundingParameters;
}

export class ParameterError extends Error {}

const shown = (path: string): string => {
  const rel = relative(process.cwd(), path);
  return rel.startsWith('..') ? path : rel;
};

/** Reads and validates one parameter file; throws a ParameterError naming the file, the field and the problem. */
export function loadParameterFile(path: string, fiscalYear: string | null = null): ParameterFile {
  return parseParameterFile({ name: basename(path), path, text: readParameterText(path) }, fiscalYear);
}

function readParameterText(path: string): string {
  try {
    return readFileSync(path, 'utf8');
  } catch (e) {
    throw new ParameterError(`${shown(path)}: cannot read the parameter file: ${(e as Error).message}`);
  }
}

/** A parameter file's text, with the name and path it is known by (a path may name a folder of the extracts). */
export interface ParameterText {
  name: string;
  path: string;
  text: string;
  /** A file that came with the extracts (extract-parameters.ts), not from data/reference/funding/. */
  fromExtracts?: boolean;
}

/** Validates one parameter file's text; throws a ParameterError naming the file, the field and the problem. */
export function parseParameterFile(f: ParameterText, fiscalYear: string | null = null): ParameterFile {
  const file = shown(f.path);
  let json: unknown;
  try {
    json = JSON.parse(f.text);
  } catch (e) {
    throw new ParameterError(`${file}: not valid JSON: ${(e as Error).message}`);
  }
  const parsed = parametersSchema.safeParse(json);
  if (!parsed.success) {
    const problems = parsed.error.issues.map((i) => {
      const field = i.path.map(String).join('.') || '(top level)';
      return `${field}: ${i.message}`;
    });
    throw new ParameterError(`${file}: invalid funding parameters: ${problems.join('; ')}`);
  }
  return {
    name: f.name,
    shownAs: f.fromExtracts ? `extracts: funding/${f.name}` : f.name,
    path: f.path,
    fiscalYear,
    sha256: createHash('sha256').update(f.text).digest('hex'),
    params: parsed.data,
  };
}

/** The `.json` files of a parameter folder, read, in name order. */
export function readParameterDir(dir: string): ParameterText[] {
  return readdirSync(dir)
    .filter((name) => name.endsWith('.json'))
    .sort()
    .map((name) => ({ name, path: join(dir, name), text: readParameterText(join(dir, name)) }));
}

/** Loads every parameter file of a folder: default.json (required) and <FY>.json files. */
export function loadParameterDir(dir: string = FUNDING_DIR): ParameterFile[] {
  if (!existsSync(join(dir, DEFAULT_FILE))) {
    throw new ParameterError(
      `${shown(join(dir, DEFAULT_FILE))}: missing: the funding parameters need a default.json (funding.md "Parameters")`,
    );
  }
  return parameterSet(readParameterDir(dir));
}

/**
 * A folder's parameter files validated as one set: default.json (required) and <FY>.json files, each file
 * named as it was read. The texts may come from a folder or from the warehouse (extract-parameters.ts).
 */
export function parameterSet(texts: readonly ParameterText[]): ParameterFile[] {
  const defaultText = texts.find((t) => t.name === DEFAULT_FILE);
  if (!defaultText) {
    const folder = texts[0] ? dirname(texts[0].path) : 'the parameter folder';
    throw new ParameterError(
      `${shown(join(folder, DEFAULT_FILE))}: missing: the funding parameters need a default.json (funding.md "Parameters")`,
    );
  }
  const files: ParameterFile[] = [parseParameterFile(defaultText)];
  for (const t of texts) {
    if (t === defaultText) continue;
    const fy = t.name.slice(0, -'.json'.length);
    if (fiscalYearStart(fy) === null) {
      throw new ParameterError(
        `${shown(t.path)}: not a parameter file name: expected default.json or <fiscal year>.json, e.g. 2025-26.json`,
      );
    }
    files.push(parseParameterFile(t, fy));
  }
  return files;
}

/** The file that applies to a fiscal year: its own, else the nearest earlier year's, else default.json. */
export function parametersForYear(files: ParameterFile[], fiscalYear: string): ParameterFile {
  const start = fiscalYearStart(fiscalYear);
  if (start === null) throw new Error(`not a fiscal year: "${fiscalYear}"`);
  const earlier = files
    .map((f) => ({ f, start: f.fiscalYear === null ? null : fiscalYearStart(f.fiscalYear) }))
    .filter((c): c is { f: ParameterFile; start: number } => c.start !== null && c.start <= start)
    .sort((a, b) => b.start - a.start);
  const chosen = earlier[0]?.f ?? files.find((f) => f.fiscalYear === null);
  if (!chosen) throw new Error('no default funding parameters');
  return chosen;
}

/** The columns of ref_funding_parameters: one row per fiscal year, the parameters that apply to it. */
const COLUMNS: [name: string, type: string, value: (p: FundingParameters) => string][] = [
  ['illustrative', 'boolean', (p) => String(p.illustrative)],
  ['assistance_provincial_share', 'decimal(18, 12)', (p) => plainDecimal(p.assistance.provincial_share)],
  [
    'discretionary_provincial_share',
    'decimal(18, 12)',
    (p) => plainDecimal(p.discretionary.provincial_share),
  ],
  [
    'discretionary_cap_per_case_month',
    'decimal(18, 2)',
    (p) => plainDecimal(p.discretionary.cap_per_case_month),
  ],
  ['pdf_envelope', 'decimal(18, 2)', (p) => plainDecimal(p.pdf.envelope)],
  ['pdf_weight_base', 'decimal(18, 12)', (p) => plainDecimal(p.pdf.weights.base)],
  ['pdf_weight_caseload', 'decimal(18, 12)', (p) => plainDecimal(p.pdf.weights.caseload)],
  ['pdf_weight_outcomes', 'decimal(18, 12)', (p) => plainDecimal(p.pdf.weights.outcomes)],
  [
    'pdf_points_exit_to_employment',
    'decimal(18, 12)',
    (p) => plainDecimal(p.pdf.outcome_points.exit_to_employment),
  ],
  [
    'pdf_points_eo_referral_connected',
    'decimal(18, 12)',
    (p) => plainDecimal(p.pdf.outcome_points.eo_referral_connected),
  ],
  [
    'pdf_points_stabilization_improved',
    'decimal(18, 12)',
    (p) => plainDecimal(p.pdf.outcome_points.stabilization_improved),
  ],
  ['pdf_provincial_rate', 'decimal(18, 12)', (p) => plainDecimal(p.pdf.provincial_rate)],
  [
    'pdf_max_decrease',
    'decimal(18, 12)',
    (p) => (p.pdf.max_decrease === null ? 'null' : plainDecimal(p.pdf.max_decrease)),
  ],
  [
    'op_milestones_days',
    'integer[]',
    (p) => `[${p.outcome_payments.milestones_days.map((d) => String(d)).join(', ')}]`,
  ],
  ['op_amount_per_milestone', 'decimal(18, 2)', (p) => plainDecimal(p.outcome_payments.amount_per_milestone)],
  ['op_stream_weight_a', 'decimal(18, 12)', (p) => plainDecimal(p.outcome_payments.stream_weights.A)],
  ['op_stream_weight_b', 'decimal(18, 12)', (p) => plainDecimal(p.outcome_payments.stream_weights.B)],
  ['op_stream_weight_c', 'decimal(18, 12)', (p) => plainDecimal(p.outcome_payments.stream_weights.C)],
  ['op_stream_cutoff_a', 'integer', (p) => String(p.outcome_payments.stream_cutoffs.A)],
  ['op_stream_cutoff_b', 'integer', (p) => String(p.outcome_payments.stream_cutoffs.B)],
];

/** The parameters' names as the warehouse and metadata.json have them (the pages label each one). */
export const PARAMETER_NAMES: readonly string[] = ['parameters_file', ...COLUMNS.map(([n]) => n)];

/**
 * SQL creating `table` (ref_funding_parameters) with one row per fiscal year from the file that applies to it.
 * Numbers go in as text and are cast, so they keep the decimals they were written with.
 */
export function parameterTableSql(
  rows: { fiscalYear: string; file: ParameterFile }[],
  table = 'ref_funding_parameters',
): string {
  const names = ['fiscal_year', 'parameters_file', ...COLUMNS.map(([n]) => n)];
  const casts = [
    'fiscal_year::varchar as fiscal_year',
    'parameters_file::varchar as parameters_file',
    ...COLUMNS.map(([n, t]) => (t === 'integer[]' ? `${n}::integer[] as ${n}` : `${n}::${t} as ${n}`)),
  ];
  const tuple = (r: { fiscalYear: string; file: ParameterFile }): string =>
    `(${[
      lit(r.fiscalYear),
      lit(r.file.shownAs),
      ...COLUMNS.map(([, t, v]) => {
        const s = v(r.file.params);
        if (s === 'null') return 'null';
        return t === 'integer[]' || t === 'boolean' ? s : lit(s);
      }),
    ].join(', ')})`;
  const values = rows.length > 0 ? rows.map(tuple).join(',\n  ') : `(${names.map(() => 'null').join(', ')})`;
  return `create or replace table ${table} as
    select ${casts.join(', ')}
    from (values ${values}) as t(${names.join(', ')})
    ${rows.length > 0 ? '' : 'where false'}`;
}
