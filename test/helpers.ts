// Test helpers: temporary folders, hand-written deliveries, an in-memory warehouse, captured output.
import { copyFileSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { afterAll, vi } from 'vitest';
import { Warehouse } from '../pipelines/warehouse.ts';
import { ensureSchema } from '../pipelines/warehouse-schema.ts';
import { ingest, type IngestResult } from '../pipelines/extracts/ingest.ts';
import { build } from '../pipelines/models/build.ts';
import { REFERENCE_DIR } from '../pipelines/reference.ts';

const made: string[] = [];
afterAll(() => {
  for (const d of made) rmSync(d, { recursive: true, force: true });
});

export function tempDir(prefix = 'sa-test-'): string {
  const d = mkdtempSync(join(tmpdir(), prefix));
  made.push(d);
  return d;
}

/** Trims the indentation of a template literal's lines, so fixtures can be written inline. */
export function csv(text: string): string {
  return (
    text
      .split('\n')
      .map((l) => l.trim())
      .filter((l) => l !== '')
      .join('\n') + '\n'
  );
}

export const CASES_HEADER =
  'case_id,person_id,program,service_manager,opened_on,closed_on,close_reason,family_structure,members,birth_year';
export const PAYMENTS_HEADER =
  'payment_id,case_id,benefit_month,issued_on,payment_type,amount,reverses_payment_id';
export const INCOME_HEADER = 'case_id,benefit_month,employment_earnings,reported_on';
export const APPLICATIONS_HEADER =
  'application_id,person_id,program,service_manager,channel,submitted_on,decided_on,decision,case_id';
export const REFERRALS_HEADER = 'referral_id,case_id,referral_type,referred_on,warm,status,status_on';
export const ASSESSMENTS_HEADER =
  'assessment_id,case_id,assessed_on,kind,housing,food_security,health,mental_health_addictions,social_support,employment_readiness,action_plan,employment_ready';
export const REVIEWS_HEADER =
  'review_id,case_id,risk_tier,selected_on,completed_on,outcome,adjustment_amount';
export const MYBENEFITS_HEADER = 'case_id,enrolled_on,last_sign_in_on';
export const MESSAGES_HEADER = 'message_id,case_id,sent_at,direction,in_reply_to';

/** A cases file of one case, C1 (person P1): OW, Toronto, open since 2023-06-01, single, born 1980. */
export const ONE_CASE = csv(`${CASES_HEADER}
  C1,P1,OW,TOR,2023-06-01,,,SINGLE,1,1980`);

/** A payments file of C1's shelter payment of 390.00 for the month, issued on its first day (id PA<month>). */
export const c1ShelterPayment = (month: string): string =>
  csv(`${PAYMENTS_HEADER}
  PA${month},C1,${month},${month}-01,SHELTER,390.00,`);

/** The smallest delivery whose cases and payments files are both in force: ONE_CASE and C1's shelter payment. */
export const oneCaseMonth = (month: string): Record<string, string> => ({
  'cases.csv': ONE_CASE,
  'payments.csv': c1ShelterPayment(month),
});

/**
 * A delivery that loads in part: C1 and its payment PA1 load; C2's service manager `tor` is not a code
 * (BAD_CODE) and payment PA2 names C9, a case never delivered (UNKNOWN_CASE, held for retry).
 */
export const PARTLY_BAD_MONTH: Record<string, string> = {
  'cases.csv': csv(`${CASES_HEADER}
    C1,P1,OW,TOR,2023-06-01,,,SINGLE,1,1980
    C2,P2,OW,tor,2023-06-01,,,SINGLE,1,1980`),
  'payments.csv': csv(`${PAYMENTS_HEADER}
    PA1,C1,2024-01,2024-01-01,SHELTER,390.00,
    PA2,C9,2024-01,2024-01-01,SHELTER,390.00,`),
};

/** Writes a delivery folder: files maps a file name to its content (text or bytes). */
export function writeDelivery(root: string, month: string, files: Record<string, string | Buffer>): void {
  mkdirSync(join(root, month), { recursive: true });
  for (const [name, content] of Object.entries(files)) writeFileSync(join(root, month, name), content);
}

export async function memoryWarehouse(): Promise<Warehouse> {
  const wh = await Warehouse.open(':memory:');
  await ensureSchema(wh);
  return wh;
}

/**
 * Opens the warehouse file, hands it to `use` and closes it whatever happens, so that the next process (a
 * worker, a publish) can open it. Returns what `use` returns.
 */
export async function withWarehouse<T>(path: string, use: (wh: Warehouse) => Promise<T>): Promise<T> {
  const wh = await Warehouse.open(path);
  try {
    return await use(wh);
  } finally {
    await wh.close();
  }
}

export async function ingestDir(wh: Warehouse, extracts: string, runId = 'test'): Promise<IngestResult> {
  return ingest(wh, { extracts, runId });
}

/**
 * Ingests the folder into the warehouse and builds every model. A hand-made fixture is meant to load whole,
 * so a quarantined row (a typo in the fixture) fails loudly rather than silently changing a measure.
 */
export async function ingestAndBuild(
  wh: Warehouse,
  extracts: string,
  opts: { referenceDir?: string; runId?: string } = {},
): Promise<void> {
  const runId = opts.runId ?? 'test';
  await ingestDir(wh, extracts, runId);
  const held = await wh.all<{ raw: string; reasons: string; messages: string }>(
    `select raw, reasons, messages from quarantine`,
  );
  if (held.length) throw new Error(`fixture rows quarantined: ${JSON.stringify(held)}`);
  const b = await build(wh, { runId, referenceDir: opts.referenceDir });
  const failed = b.blockingFailed.map((c) => `${c.name}: ${c.status}`);
  if (failed.length) throw new Error(`blocking checks failed: ${failed.join(', ')}`);
}

/** Ingests the folder into a new in-memory warehouse and builds every model (see ingestAndBuild). */
export async function loadAndBuild(
  extracts: string,
  opts: { referenceDir?: string } = {},
): Promise<Warehouse> {
  const wh = await memoryWarehouse();
  await ingestAndBuild(wh, extracts, opts);
  return wh;
}

/** A models folder for the model runner: files maps a path such as 'marts/mart_a.sql' to its SQL. */
export function modelsDir(files: Record<string, string>): string {
  const dir = tempDir('sa-models-');
  for (const [path, sql] of Object.entries(files)) {
    mkdirSync(dirname(join(dir, path)), { recursive: true });
    writeFileSync(join(dir, path), sql);
  }
  return dir;
}

/** Delivery folders by month (e.g. '2024-02'), each mapping a file name to its content. */
export type Deliveries = Record<string, Record<string, string | Buffer>>;

/** Writes the deliveries into a new temporary folder and returns the folder. */
export function deliveryFolder(deliveries: Deliveries): string {
  const root = tempDir();
  for (const [month, files] of Object.entries(deliveries)) writeDelivery(root, month, files);
  return root;
}

/**
 * Writes the deliveries into a new folder and ingests them into a new in-memory warehouse (no build). Returns
 * the warehouse, the ingest's result and the folder, for a test that delivers more into it.
 */
export async function ingestDeliveries(
  deliveries: Deliveries,
): Promise<{ wh: Warehouse; result: IngestResult; root: string }> {
  const root = deliveryFolder(deliveries);
  const wh = await memoryWarehouse();
  return { wh, result: await ingestDir(wh, root), root };
}

/** Writes the deliveries, ingests them into a new in-memory warehouse and returns it (no build). */
export async function ingestedWarehouse(deliveries: Deliveries): Promise<Warehouse> {
  return (await ingestDeliveries(deliveries)).wh;
}

/** Writes the deliveries, ingests them and builds every model (see loadAndBuild); returns the warehouse. */
export async function fixtureWarehouse(
  deliveries: Deliveries,
  opts: { referenceDir?: string } = {},
): Promise<Warehouse> {
  return loadAndBuild(deliveryFolder(deliveries), opts);
}

/**
 * A reference folder with the real service managers and catchments and the given funding parameter files
 * (file name → parameters), so a test works its figures out from parameters it states itself.
 */
export function referenceFolder(funding: Record<string, unknown>): string {
  const reference = tempDir();
  mkdirSync(join(reference, 'funding'));
  for (const f of ['service_managers.csv', 'est_catchments.csv'])
    copyFileSync(join(REFERENCE_DIR, f), join(reference, f));
  for (const [name, params] of Object.entries(funding))
    writeFileSync(join(reference, 'funding', name), JSON.stringify(params));
  return reference;
}

/** The expected measures row of a `count` measure. */
export const count = (n: number) => ({ numerator: n, denominator: null, value: n, status: 'ok' });
/** The expected measures row of a measure with a numerator, a denominator and a value. */
export const ratio = (numerator: number | null, denominator: number, value: number) => ({
  numerator,
  denominator,
  value,
  status: 'ok',
});
/** The expected measures row of a pending cohort. */
export const pending = { numerator: null, denominator: null, value: null, status: 'pending' };

export type MeasureKey = [measure: string, period: string, sm: string, program: string, breakdown?: string];

/** One measures row as {numerator, denominator, value, status}, or undefined. */
export async function measure(
  wh: Warehouse,
  [measureId, period, sm, program, breakdown = 'ALL']: MeasureKey,
  table = 'measures',
): Promise<
  { numerator: number | null; denominator: number | null; value: number | null; status: string } | undefined
> {
  return wh.one(
    `select numerator::double as numerator, denominator::double as denominator, value::double as value, status from ${table}
     where measure_id = '${measureId}' and period = '${period}' and service_manager = '${sm}' and program = '${program}' and breakdown = '${breakdown}'`,
  );
}

/**
 * Funding parameters the funding tests work their figures out from (funding.md "Parameters"): assistance
 * share 0.5, discretionary share 0.8 up to $10 a case-month, envelope 470,000,000 (so the base term is
 * 470,000,000 × 0.1 / 47 = 1,000,000.00 exactly), weights 0.1 / 0.7 / 0.2, points 10 / 2 / 3, rate 0.5, no
 * mitigation, milestones 90 / 182 / 365 days at $500, stream weights 1 / 1.5 / 2, cutoffs 24 / 15.
 */
export const FUNDING_TEST_PARAMETERS = {
  illustrative: true,
  assistance: { provincial_share: 0.5 },
  discretionary: { provincial_share: 0.8, cap_per_case_month: 10 },
  pdf: {
    envelope: 470000000,
    weights: { base: 0.1, caseload: 0.7, outcomes: 0.2 },
    outcome_points: { exit_to_employment: 10, eo_referral_connected: 2, stabilization_improved: 3 },
    provincial_rate: 0.5,
    max_decrease: null,
  },
  outcome_payments: {
    milestones_days: [90, 182, 365],
    amount_per_milestone: 500,
    stream_weights: { A: 1, B: 1.5, C: 2 },
    stream_cutoffs: { A: 24, B: 15 },
  },
};

/** Captures what the process writes to stdout and stderr until the mocks are restored. */
export function capture(): { out: () => string; err: () => string } {
  let out = '';
  let err = '';
  vi.spyOn(process.stdout, 'write').mockImplementation(
    (s: string | Uint8Array) => ((out += String(s)), true),
  );
  vi.spyOn(process.stderr, 'write').mockImplementation(
    (s: string | Uint8Array) => ((err += String(s)), true),
  );
  return { out: () => out, err: () => err };
}
