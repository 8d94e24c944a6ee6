// Test helpers: temporary folders, hand-written deliveries, and an in-memory warehouse.
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll } from 'vitest';
import { Warehouse } from '../pipelines/warehouse.ts';
import { ensureSchema } from '../pipelines/warehouse-schema.ts';
import { ingest, type IngestResult } from '../pipelines/extracts/ingest.ts';
import { build } from '../pipelines/models/build.ts';

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

export async function ingestDir(wh: Warehouse, extracts: string, runId = 'test'): Promise<IngestResult> {
  return ingest(wh, { extracts, runId });
}

/** Ingests the folder and builds every model; returns the warehouse. */
export async function loadAndBuild(extracts: string): Promise<Warehouse> {
  const wh = await memoryWarehouse();
  await ingestDir(wh, extracts);
  const b = await build(wh, { runId: 'test' });
  const failed = b.blockingFailed.map((c) => `${c.name}: ${c.status}`);
  if (failed.length) throw new Error(`blocking checks failed: ${failed.join(', ')}`);
  return wh;
}

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
