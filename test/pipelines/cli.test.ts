// The command line: one summary line per command, one clear error line on failure, --json on stdout.
import { existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { EXIT, main } from '../../pipelines/cli.ts';
import { Warehouse } from '../../pipelines/warehouse.ts';
import {
  CASES_HEADER,
  ONE_CASE,
  PARTLY_BAD_MONTH,
  PAYMENTS_HEADER,
  capture,
  csv,
  deliveryFolder,
  tempDir,
  writeDelivery,
} from '../helpers.ts';

afterEach(() => vi.restoreAllMocks());

const delivery = (): string => deliveryFolder({ '2024-01': PARTLY_BAD_MONTH });

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
    const missing = join(tempDir(), 'w.duckdb');
    expect(await main(['--warehouse', missing, 'publish', '--out', tempDir()])).toBe(1);
    expect(io2.err().trim()).toBe(
      `sa-outcomes: error: there is no warehouse at ${missing}: run \`sa-outcomes run\` (or ingest) first, or check --warehouse`,
    );
  });
});

/** Runs the CLI with its output captured; the mocks are restored before returning. */
async function cli(args: string[]): Promise<{ code: number; out: string; err: string }> {
  const io = capture();
  try {
    const code = await main(args);
    return { code, out: io.out(), err: io.err() };
  } finally {
    vi.restoreAllMocks();
  }
}

const metadata = (out: string): { run_id: string; as_of_month: string } =>
  JSON.parse(readFileSync(join(out, 'public', 'metadata.json'), 'utf8')) as {
    run_id: string;
    as_of_month: string;
  };

describe('exit codes', { timeout: 900_000 }, () => {
  it('0 published; 1 failed, nothing published; 3 published but a file was rejected or the as-of month held back', async () => {
    const root = delivery();
    const wh = join(tempDir(), 'w.duckdb');
    const out = tempDir();
    const ok = await cli(['--warehouse', wh, 'run', '--extracts', root, '--out', out, '--no-site']);
    expect(ok.code).toBe(EXIT.ok);
    const first = metadata(out);
    expect(first.as_of_month).toBe('2024-01');

    // A delivery dated in the future: refused whole, the run fails, the publication stays.
    writeDelivery(root, '2030-01', { 'cases.csv': csv(CASES_HEADER) });
    const future = await cli(['--warehouse', wh, 'run', '--extracts', root, '--out', out, '--no-site']);
    expect(future.code).toBe(EXIT.failed);
    expect(future.err).toMatch(
      /^sa-outcomes: error: FUTURE_DELIVERY: 2030-01 is dated after the current month/,
    );
    expect(metadata(out).run_id).toBe(first.run_id);
    rmSync(join(root, '2030-01'), { recursive: true });

    // A new month whose cases file is rejected: published (the other files loaded) as of 2024-01 still, exit 3.
    writeDelivery(root, '2024-02', {
      'cases.csv': 'case_id,person_id\nC1,P1\n',
      'payments.csv': csv(`${PAYMENTS_HEADER}
        PB1,C1,2024-02,2024-02-01,SHELTER,390.00,`),
      'Referrals.csv': 'x',
    });
    const held = await cli(['--warehouse', wh, 'run', '--extracts', root, '--out', out, '--no-site']);
    expect(held.code).toBe(EXIT.attention);
    expect(held.out).toContain(
      '2024-02/Referrals.csv: not a table file (<table>.csv, .csv.gz or .parquet) (did you mean referrals.csv? names are lower case); skipped',
    );
    expect(held.out).toContain('attention: 2024-02/cases.csv rejected: MISSING_COLUMN');
    expect(held.out).toContain(
      'attention: 2024-02 is incomplete (its cases or payments file is not in force): the as-of month stays 2024-01',
    );
    expect(metadata(out).as_of_month).toBe('2024-01');
    expect(metadata(out).run_id).not.toBe(first.run_id);
  });

  it('3 when a payments file loaded no row: its month would show nobody in receipt', async () => {
    // Every payment's issue date is written DD/MM/YYYY: all three rows are BAD_TYPE.
    const root = deliveryFolder({
      '2024-01': {
        'cases.csv': ONE_CASE,
        'payments.csv': csv(`${PAYMENTS_HEADER}
          PA1,C1,2024-01,01/01/2024,SHELTER,390.00,
          PA2,C1,2024-01,01/01/2024,BASIC_NEEDS,343.00,
          PA3,C1,2024-01,15/01/2024,OTHER,10.00,`),
      },
    });
    const r = await cli(['--warehouse', join(tempDir(), 'w.duckdb'), 'ingest', '--extracts', root]);
    expect(r.code).toBe(EXIT.attention);
    expect(r.out).toContain(
      'attention: 2024-01/payments.csv loaded no row (3 read: 0 collapsed, 3 quarantined): its month would show nobody in receipt and nothing paid',
    );
  });

  it('a missing --extracts folder fails before touching the warehouse or the publication', async () => {
    const out = tempDir();
    mkdirSync(join(out, 'public'));
    writeFileSync(join(out, 'public', 'metadata.json'), '{"as_of_month": "2024-01"}');
    const wh = join(tempDir(), 'new.duckdb');
    const missing = join(tempDir(), 'no-such-folder');
    for (const command of [['run', '--out', out, '--no-site'], ['ingest']]) {
      const r = await cli(['--warehouse', wh, command[0]!, '--extracts', missing, ...command.slice(1)]);
      expect(r.code).toBe(EXIT.failed);
      expect(r.err).toContain(`the extracts folder ${missing} does not exist`);
    }
    expect(existsSync(wh)).toBe(false);
    expect(readFileSync(join(out, 'public', 'metadata.json'), 'utf8')).toBe('{"as_of_month": "2024-01"}');
  });

  it('build with a failing blocking check: exit 1, the run recorded as failed, no ok:true with --json', async () => {
    const wh = join(tempDir(), 'w.duckdb');
    expect((await cli(['--warehouse', wh, 'ingest', '--extracts', delivery()])).code).toBe(EXIT.ok);
    // The manifest no longer adds up: manifest_reconciles, a blocking check, fails.
    const w = await Warehouse.open(wh);
    await w.run(`update manifest set rows_read = rows_read + 1 where table_name = 'cases'`);
    await w.close();
    const r = await cli(['--warehouse', wh, '--json', 'build']);
    expect(r.code).toBe(EXIT.failed);
    expect(r.out).not.toContain('"ok":true');
    expect(r.err).toMatch(/blocking check\(s\) failed: manifest_reconciles/);
    const after = await Warehouse.open(wh);
    expect(
      await after.all(`select command, status from runs where command = 'build' order by started_at`),
    ).toEqual([{ command: 'build', status: 'failed' }]);
    await after.close();
  });

  it('2 for a wrong command line, which does nothing', async () => {
    const wh = join(tempDir(), 'w.duckdb');
    expect((await cli(['--warehouse', wh, 'run', '--no-such-option'])).code).toBe(EXIT.usage);
    expect((await cli(['--warehouse', wh, 'withdraw', '2024-13'])).code).toBe(EXIT.usage);
    expect((await cli(['--warehouse', wh, 'backfill'])).code).toBe(EXIT.usage);
    expect((await cli(['--warehouse', wh, 'backfill', '--from', '2024-05', '--to', '2024-01'])).code).toBe(
      EXIT.usage,
    );
    for (const option of [
      ['--noise', 'abc'],
      ['--months', '0.4'],
      ['--seed', 'abc'],
    ])
      expect((await cli(['demo', '--out', join(tempDir(), 'demo'), ...option])).code).toBe(EXIT.usage);
    const reason = await cli(['--warehouse', wh, 'quarantine', '--reason', 'BAD_DATE']);
    expect(reason.code).toBe(EXIT.usage);
    expect(reason.err.trim()).toBe(
      'sa-outcomes: error: unknown reason "BAD_DATE": the reasons are MISSING_REQUIRED, BAD_TYPE, BAD_CODE, RULE_VIOLATION, KEY_CONFLICT, UNKNOWN_CASE',
    );
    expect(existsSync(wh)).toBe(false);
    expect((await cli(['--help'])).code).toBe(EXIT.ok);
  });
});

describe('reading a warehouse', () => {
  it('status, quarantine and the commands that build on a warehouse fail on one that does not exist, and create none', async () => {
    const wh = join(tempDir(), 'typo.duckdb');
    for (const command of [
      ['status'],
      ['quarantine'],
      ['build'],
      ['publish'],
      ['withdraw', '2024-01', '--extracts', tempDir()],
      ['funding', '--params', 'default'],
      ['backfill', '--retry-failed'],
    ]) {
      const r = await cli(['--warehouse', wh, ...command]);
      expect(r.code).toBe(EXIT.failed);
      expect(r.err).toContain(`there is no warehouse at ${wh}`);
    }
    expect(existsSync(wh)).toBe(false);
  });

  it('a damaged warehouse is called damaged, not in use', async () => {
    const wh = join(tempDir(), 'w.duckdb');
    await cli(['--warehouse', wh, 'ingest', '--extracts', delivery()]);
    // Overwrite the blocks after the file's headers (DuckDB's first 12 KiB): a checksum no longer matches.
    const bytes = readFileSync(wh);
    bytes.fill(0xab, 12288, Math.min(bytes.length, 12288 + 8192));
    writeFileSync(wh, bytes);
    const r = await cli(['--warehouse', wh, 'status']);
    expect(r.code).toBe(EXIT.failed);
    expect(r.err).toMatch(/^sa-outcomes: error: the warehouse .* is damaged \(/);
    expect(r.err).not.toMatch(/in use/);
  });
});

describe('printed lines', () => {
  it('escape terminal control characters from file names and rows', async () => {
    const root = deliveryFolder({
      '2024-01': {
        'cases.csv': ONE_CASE,
        // An escape sequence that would clear the screen, in a file name and in a quarantined row.
        'x\u001b[2J.csv': 'x',
        'payments.csv': `${PAYMENTS_HEADER}\nPA1,C1,2024-01,2024-01-01,SHELTER,\u001b[31m390,\n`,
      },
    });
    const wh = join(tempDir(), 'w.duckdb');
    const ingested = await cli(['--warehouse', wh, 'ingest', '--extracts', root]);
    expect(ingested.out).toContain('2024-01/x\\x1b[2J.csv: not a table file');
    const listed = await cli(['--warehouse', wh, 'quarantine']);
    expect(listed.out).toContain('PA1,C1,2024-01,2024-01-01,SHELTER,\\x1b[31m390,');
    expect(ingested.out + listed.out).not.toMatch(/\u001b/);
  });

  it('ingest prints the extra-column warning', async () => {
    const root = deliveryFolder({
      '2024-01': {
        'cases.csv': csv(`${CASES_HEADER},nickname
          C1,P1,OW,TOR,2023-06-01,,,SINGLE,1,1980,Al`),
      },
    });
    const r = await cli(['--warehouse', join(tempDir(), 'w.duckdb'), 'ingest', '--extracts', root]);
    expect(r.out).toContain('warning 2024-01/cases.csv: extra column(s) ignored: nickname');
  });
});
