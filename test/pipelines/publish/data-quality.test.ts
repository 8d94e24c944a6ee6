// The public data-quality files (pipelines/publish/data-quality.ts): counts per delivery and file, the rows
// still quarantined by reason, error codes without their messages, and the last build's checks.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { publish } from '../../../pipelines/publish/publish.ts';
import type { Warehouse } from '../../../pipelines/warehouse.ts';
import { build } from '../../../pipelines/models/build.ts';
import {
  ONE_CASE,
  PARTLY_BAD_MONTH,
  PAYMENTS_HEADER,
  csv,
  ingestedWarehouse,
  tempDir,
} from '../../helpers.ts';

let wh: Warehouse;
let out: string;

beforeAll(async () => {
  // Not loadAndBuild, which refuses a fixture with quarantined rows: these are quarantined on purpose.
  wh = await ingestedWarehouse({
    // 2024-01: C2 has a bad service manager (BAD_CODE); payment PA2 names a case never delivered
    // (UNKNOWN_CASE, held for retry); referrals.csv has no header at all (EMPTY_HEADER, rejected);
    // notes.csv is not a contract table (skipped).
    '2024-01': {
      ...PARTLY_BAD_MONTH,
      'referrals.csv': '',
      'notes.csv': 'private remarks about C1\n',
    },
    // 2024-02: the same case again (collapsed) and a new payment.
    '2024-02': {
      'cases.csv': ONE_CASE,
      'payments.csv': csv(`${PAYMENTS_HEADER}
        PA3,C1,2024-02,2024-02-01,SHELTER,390.00,`),
    },
  });
  await build(wh, { runId: 'test' });
  out = tempDir();
  await publish(wh, { out, runId: 'dq-test', site: false });
});

afterAll(async () => {
  await wh?.close();
});

const publicFile = (name: string): string[] =>
  readFileSync(join(out, 'public', name), 'utf8')
    .trim()
    .split('\n');

describe('data_quality.csv', () => {
  it('has one row per delivery and file with counts, quarantine reasons and error codes only', () => {
    expect(publicFile('data_quality.csv')).toEqual([
      'delivery,table,status,rows_read,loaded,collapsed,quarantined,missing_required,bad_type,bad_code,rule_violation,key_conflict,unknown_case,ingested_on,error_code',
      expect.stringMatching(/^2024-01,cases,loaded,2,1,0,1,0,0,1,0,0,0,\d{4}-\d\d-\d\d,$/),
      expect.stringMatching(/^2024-01,payments,loaded,2,1,0,1,0,0,0,0,0,1,\d{4}-\d\d-\d\d,$/),
      expect.stringMatching(/^2024-01,referrals,rejected,0,0,0,0,0,0,0,0,0,0,\d{4}-\d\d-\d\d,EMPTY_HEADER$/),
      expect.stringMatching(/^2024-01,,skipped,0,0,0,0,0,0,0,0,0,0,\d{4}-\d\d-\d\d,UNKNOWN_FILE$/),
      expect.stringMatching(/^2024-02,cases,loaded,1,0,1,0,0,0,0,0,0,0,\d{4}-\d\d-\d\d,$/),
      expect.stringMatching(/^2024-02,payments,loaded,1,1,0,0,0,0,0,0,0,0,\d{4}-\d\d-\d\d,$/),
    ]);
  });

  it('names no file and quotes no row', () => {
    const text = readFileSync(join(out, 'public', 'data_quality.csv'), 'utf8');
    expect(text).not.toMatch(/notes|C1|C9|PA\d|private/);
  });

  it('is listed in the public metadata', () => {
    const meta = JSON.parse(readFileSync(join(out, 'public', 'metadata.json'), 'utf8')) as {
      files: Record<string, { rows: number }>;
    };
    expect(meta.files['data_quality.csv']?.rows).toBe(6);
    expect(meta.files['checks.csv']?.rows).toBeGreaterThan(0);
  });
});

describe('checks.csv', () => {
  it('lists the last build’s checks with their status', () => {
    const lines = publicFile('checks.csv');
    expect(lines[0]).toBe('check_name,severity,status,failures');
    expect(lines).toContain('manifest_reconciles,blocking,pass,0');
  });
});
