// Node-side access to the published public folder, shared by the data loaders and the site config.
// The site is built from OUT/public only (spec/outputs.md): its path comes from SA_PUBLIC_DIR,
// and nothing here reads the warehouse or the internal tier.
import { existsSync, readFileSync, statSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { csvParse } from 'd3-dsv';
import type { MeasureRow, MeasureStatus } from '../../pipelines/measures/measure-row.ts';

export const PUBLIC_DIR_ENV = 'SA_PUBLIC_DIR';

/**
 * The repository's reference data (in git), e.g. the 47 service managers: the nearest
 * data/reference above this file (site builds run from a staged copy of dashboards/ inside the repo).
 */
export function referenceDir(): string {
  for (let dir = import.meta.dirname; ; dir = dirname(dir)) {
    const candidate = join(dir, 'data', 'reference');
    if (existsSync(join(candidate, 'service_managers.csv'))) return candidate;
    if (dirname(dir) === dir)
      throw new Error(`no data/reference/service_managers.csv above ${import.meta.dirname}`);
  }
}

/** The absolute path of the public folder, or a clear error saying how to set it. */
export function publicDir(): string {
  const dir = process.env[PUBLIC_DIR_ENV];
  if (!dir) {
    throw new Error(
      `${PUBLIC_DIR_ENV} is not set: point it at a published public folder (absolute path), e.g. ${PUBLIC_DIR_ENV}=$PWD/data/published/public`,
    );
  }
  const abs = resolve(dir);
  if (!existsSync(abs) || !statSync(abs).isDirectory()) {
    throw new Error(`${PUBLIC_DIR_ENV}=${dir}: no such folder (${abs}); run \`sa-outcomes publish\` first`);
  }
  return abs;
}

function publicFile(name: string, dir: string): string {
  const path = join(dir, name);
  if (!existsSync(path)) throw new Error(`${path} is missing: the public folder is incomplete`);
  return path;
}

export interface PublicMetadata {
  as_of_month: string;
  run_id: string;
  generated_at: string;
  version: string;
}

const MONTH = /^\d{4}-(0[1-9]|1[0-2])$/;

export function readMetadata(dir = publicDir()): PublicMetadata {
  const path = publicFile('metadata.json', dir);
  const raw = JSON.parse(readFileSync(path, 'utf8')) as Record<string, unknown>;
  const asOf = raw.as_of_month;
  if (typeof asOf !== 'string' || !MONTH.test(asOf)) {
    throw new Error(`${path}: as_of_month must be YYYY-MM, got ${JSON.stringify(asOf)}`);
  }
  return {
    as_of_month: asOf,
    run_id: String(raw.run_id ?? ''),
    generated_at: String(raw.generated_at ?? ''),
    version: String(raw.version ?? ''),
  };
}

export type { MeasureRow };

const MEASURE_COLUMNS = [
  'measure_id',
  'period',
  'service_manager',
  'program',
  'breakdown',
  'numerator',
  'denominator',
  'value',
  'status',
];
const STATUSES = new Set<string>(['ok', 'no_data', 'pending', 'suppressed']);

function num(s: string | undefined): number | null {
  return s === undefined || s === '' ? null : Number(s);
}

/**
 * Every row of measures.csv, parsed once per loader process. The file holds only codes, months and
 * plain numbers, so lines are split on commas directly (several times faster than a CSV parser on
 * the provincial file); a quoted field, which the publisher never writes, falls back to the parser.
 */
export function readMeasures(dir = publicDir()): MeasureRow[] {
  const path = publicFile('measures.csv', dir);
  const text = readFileSync(path, 'utf8');
  const lines = text.split('\n');
  const header = (lines[0] ?? '').replace(/\r$/, '');
  if (header !== MEASURE_COLUMNS.join(',')) {
    throw new Error(`${path}: unexpected header "${header}", expected "${MEASURE_COLUMNS.join(',')}"`);
  }
  const fields: string[][] = text.includes('"')
    ? csvParse(text).map((r) => MEASURE_COLUMNS.map((c) => r[c] ?? ''))
    : lines
        .slice(1)
        .filter((l) => l !== '')
        .map((l) => l.replace(/\r$/, '').split(','));
  return fields.map((f, i) => {
    const status = f[8] ?? '';
    if (f.length !== MEASURE_COLUMNS.length || !STATUSES.has(status))
      throw new Error(`${path}: line ${i + 2} is malformed (${f.length} fields, status "${status}")`);
    return {
      measure_id: f[0] ?? '',
      period: f[1] ?? '',
      service_manager: f[2] ?? '',
      program: f[3] ?? '',
      breakdown: f[4] ?? '',
      numerator: num(f[5]),
      denominator: num(f[6]),
      value: num(f[7]),
      status: status as MeasureStatus,
    };
  });
}

/** An optional public file's rows (funding.csv, data_quality.csv, …), or null when it is not published. */
export function readOptionalCsv(name: string, dir = publicDir()): Record<string, string>[] | null {
  const path = join(dir, name);
  if (!existsSync(path)) return null;
  return csvParse(readFileSync(path, 'utf8')).map((r) => ({ ...r }) as Record<string, string>);
}

/** The public metadata's file list: name → rows and sha256. */
export function readMetadataFiles(dir = publicDir()): Record<string, { rows: number; sha256: string }> {
  const raw = JSON.parse(readFileSync(publicFile('metadata.json', dir), 'utf8')) as {
    files?: Record<string, { rows: number; sha256: string }>;
  };
  return raw.files ?? {};
}

/**
 * The last funding scenario's files (sa-outcomes funding), which publish carries over beside the run's
 * outputs with their own metadata (funding_scenario.json) rather than in metadata.json.
 */
const SCENARIO_FILES = ['funding_scenario.csv', 'funding_scenario.json'];

/**
 * The open-data files publish writes after metadata.json (pipelines/publish/open-data/): the package, the
 * dictionary, what changed, and the catalogue bodies.
 */
const OPEN_DATA_FILES = [
  'datapackage.json',
  'data-dictionary.csv',
  'changes.csv',
  'catalogue.json',
  'catalogue.jsonld',
];

/**
 * The files of the public folder to offer for download: those metadata.json lists, itself, the scenario's and
 * the open-data files, each where the folder has it.
 */
export function publicFileNames(files: Record<string, unknown>, dir = publicDir()): string[] {
  // Plain file names only: a listed path could otherwise reach outside the folder.
  const listed = Object.keys(files).filter((n) => /^[\w.-]+$/.test(n) && !n.startsWith('.'));
  return [
    ...listed,
    'metadata.json',
    ...[...SCENARIO_FILES, ...OPEN_DATA_FILES].filter((f) => existsSync(join(dir, f))),
  ];
}

/** metadata.json's funding_parameters: the parameters behind funding.csv per fiscal year (illustrative). */
export function readFundingParameters(dir = publicDir()): unknown {
  const raw = JSON.parse(readFileSync(publicFile('metadata.json', dir), 'utf8')) as {
    funding_parameters?: unknown;
  };
  return raw.funding_parameters ?? null;
}

export interface ServiceManager {
  code: string;
  name: string;
  type: string;
  region: string;
  /** The official French form, where there is one; '' otherwise (the English name stands in). */
  name_fr: string;
}

/** A reference file's rows in file order, each with the named columns as text ('' for a missing cell). */
function readReference<K extends string>(
  file: string,
  columns: readonly K[],
  dir: string,
): Record<K, string>[] {
  return csvParse(readFileSync(join(dir, file), 'utf8')).map(
    (r) => Object.fromEntries(columns.map((c) => [c, r[c] ?? ''])) as Record<K, string>,
  );
}

/** The 47 service managers from data/reference/service_managers.csv, in file order. */
export const serviceManagers = (dir = referenceDir()): ServiceManager[] =>
  readReference('service_managers.csv', ['code', 'name', 'type', 'region', 'name_fr'], dir);

/** A manager's name in both languages: its French form where the file has one, else the English name. */
export const managerNames = (sm: ServiceManager): { en: string; fr: string } => ({
  en: sm.name,
  fr: sm.name_fr || sm.name,
});

/**
 * Runs a data loader: writes what `produce` returns to stdout, or prints a one-line error naming
 * the loader to stderr and exits 1 (Framework then fails the build and shows that line).
 */
export function runLoader(
  name: string,
  produce: () => string | Uint8Array | Promise<string | Uint8Array>,
): void {
  Promise.resolve()
    .then(produce)
    .then(
      (output) => {
        process.stdout.write(output);
      },
      (error: unknown) => {
        process.stderr.write(
          `data loader ${name}: ${error instanceof Error ? error.message : String(error)}\n`,
        );
        process.exit(1);
      },
    );
}

/** JSON for the pages: compact (they are downloaded, not read by people). */
export const json = (value: unknown): string => `${JSON.stringify(value)}\n`;

export interface EstCatchment {
  code: string;
  catchment: string;
  phase: string;
  /** YYYY-MM-DD, or '' when Employment Services has not started there. */
  ies_start: string;
}

/** data/reference/est_catchments.csv: each manager's Employment Services catchment and start. */
export const estCatchments = (dir = referenceDir()): EstCatchment[] =>
  readReference('est_catchments.csv', ['code', 'catchment', 'phase', 'ies_start'], dir);
