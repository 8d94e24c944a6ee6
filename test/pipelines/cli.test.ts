// The command line: one summary line per command, one clear error line on failure, --json on stdout.
import { join } from 'node:path';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { main } from '../../pipelines/cli.ts';
import { CASES_HEADER, PAYMENTS_HEADER, csv, tempDir, writeDelivery } from '../helpers.ts';

function capture(): { out: () => string; err: () => string } {
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

afterEach(() => vi.restoreAllMocks());

function delivery(): string {
  const root = tempDir();
  writeDelivery(root, '2024-01', {
    'cases.csv': csv(`${CASES_HEADER}
      C1,P1,OW,TOR,2023-06-01,,,SINGLE,1,1980
      C2,P2,OW,tor,2023-06-01,,,SINGLE,1,1980`),
    'payments.csv': csv(`${PAYMENTS_HEADER}
      PA1,C1,2024-01,2024-01-01,SHELTER,390.00,
      PA2,C9,2024-01,2024-01-01,SHELTER,390.00,`),
  });
  return root;
}

describe('sa-outcomes', () => {
  it('ingest reports each file and ends with a summary line', async () => {
    const wh = join(tempDir(), 'w.duckdb');
    const io = capture();
    expect(await main(['--warehouse', wh, 'ingest', '--extracts', delivery()])).toBe(0);
    const lines = io.out().trim().split('\n');
    expect(
      lines.some((l) => /2024-01\/cases\.csv .*loaded.*read 2, loaded 1, collapsed 0, quarantined 1/.test(l)),
    ).toBe(true);
    expect(lines.at(-1)).toMatch(
      /^ingested 1 deliveries, 2 files: 4 rows read, 2 loaded, 0 collapsed, 2 quarantined \(\d+\.\d s\)$/,
    );
  });

  it('quarantine lists rows by reason; status shows deliveries and quarantine counts', async () => {
    const wh = join(tempDir(), 'w.duckdb');
    const extracts = delivery();
    capture();
    await main(['--warehouse', wh, 'ingest', '--extracts', extracts]);
    vi.restoreAllMocks();
    let io = capture();
    expect(await main(['--warehouse', wh, 'quarantine', '--reason', 'UNKNOWN_CASE'])).toBe(0);
    expect(io.out()).toContain('payments:3  UNKNOWN_CASE');
    expect(io.out()).not.toContain('BAD_CODE');
    expect(io.out().trim().split('\n').at(-1)).toMatch(/^quarantine: 1 row\(s\)/);
    vi.restoreAllMocks();
    io = capture();
    expect(await main(['--warehouse', wh, 'status'])).toBe(0);
    expect(io.out()).toContain('as of 2024-01');
    expect(io.out()).toMatch(/quarantine: BAD_CODE 1, UNKNOWN_CASE 1/);
  });

  it('--json prints one machine-readable summary on stdout', async () => {
    const wh = join(tempDir(), 'w.duckdb');
    const io = capture();
    expect(await main(['--warehouse', wh, '--json', 'ingest', '--extracts', delivery()])).toBe(0);
    const json = JSON.parse(io.out().trim()) as { ok: boolean; files: unknown[] };
    expect(json.ok).toBe(true);
    expect(json.files).toHaveLength(2);
  });

  it('fails with one clear line and a non-zero exit', async () => {
    const io = capture();
    expect(await main(['demo', '--out', tempDir(), '--scale', '-1'])).not.toBe(0);
    expect(io.err()).toMatch(/--scale/);
    vi.restoreAllMocks();
    const io2 = capture();
    expect(await main(['--warehouse', join(tempDir(), 'w.duckdb'), 'publish', '--out', tempDir()])).toBe(1);
    expect(io2.err().trim()).toBe('sa-outcomes: error: nothing to publish: run `sa-outcomes build` first');
  });
});
