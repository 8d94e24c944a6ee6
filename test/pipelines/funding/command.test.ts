// `sa-outcomes funding`: a summary line stating the parameters are illustrative, --json on stdout, one clear
// error line for a bad parameter file; and a build stops on a malformed parameter file, naming it.
import { existsSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { main } from '../../../pipelines/cli.ts';
import { build } from '../../../pipelines/models/build.ts';
import { FUNDING_DIR } from '../../../pipelines/funding/parameters.ts';
import {
  CASES_HEADER,
  PAYMENTS_HEADER,
  capture,
  csv,
  deliveryFolder,
  ingestDir,
  memoryWarehouse,
  referenceFolder,
  tempDir,
} from '../../helpers.ts';

afterEach(() => vi.restoreAllMocks());

function extracts(): string {
  return deliveryFolder({
    '2024-05': {
      'cases.csv': csv(`${CASES_HEADER}
        C1,P1,OW,TOR,2023-06-01,,,SINGLE,1,1980`),
      'payments.csv': csv(`${PAYMENTS_HEADER}
        PA1,C1,2024-03,2024-03-01,SHELTER,390.00,
        PA2,C1,2024-04,2024-04-01,SHELTER,390.00,`),
    },
  });
}

let warehouse: string;
let out: string;
/** Runs the command line on the test warehouse. */
const run = (...args: string[]): Promise<number> => main(['--warehouse', warehouse, ...args]);
beforeAll(async () => {
  warehouse = join(tempDir(), 'w.duckdb');
  out = tempDir();
  capture();
  expect(await run('ingest', '--extracts', extracts())).toBe(0);
  expect(await run('build')).toBe(0);
  expect(await run('publish', '--out', out, '--no-site')).toBe(0);
  vi.restoreAllMocks();
});

describe('sa-outcomes funding', () => {
  it('writes the scenario and ends with a summary saying the parameters are illustrative', async () => {
    const io = capture();
    expect(await run('funding', '--params', 'default', '--out', out)).toBe(0);
    const lines = io.out().trim().split('\n');
    expect(io.out()).toContain('Funding parameters are illustrative');
    expect(lines.at(-1)).toMatch(
      /^funding scenario .*default\.json against the baseline for every fiscal year: \d+ rows in internal\/funding_scenario\.csv and \d+ in public\/funding_scenario\.csv \(illustrative parameters\) \(\d+\.\d s\)$/,
    );
    // default against a baseline built from default: no difference anywhere
    const rows = readFileSync(join(out, 'internal', 'funding_scenario.csv'), 'utf8')
      .trim()
      .split('\n')
      .slice(1);
    expect(rows.length).toBeGreaterThan(0);
    expect(rows.every((r) => ['0.00', '0'].includes(r.split(',')[6] ?? ''))).toBe(true);
    // written into the current publication, beside its baseline
    const [publication] = readdirSync(join(out, '.publications'));
    for (const tier of ['public', 'internal'])
      expect(existsSync(join(out, '.publications', publication!, tier, 'funding_scenario.csv'))).toBe(true);
  });

  it('refuses to run before anything is published in OUT, saying what to run first', async () => {
    const empty = join(tempDir(), 'published');
    const io = capture();
    expect(await run('funding', '--params', 'default', '--out', empty)).toBe(1);
    expect(io.err()).toBe(
      `sa-outcomes: error: nothing is published in ${empty} yet: run \`sa-outcomes publish --out ${empty}\` first (the scenario files go beside the published baseline)\n`,
    );
    expect(existsSync(empty)).toBe(false);
  });

  it('prints one JSON summary with --json', async () => {
    const io = capture();
    expect(await run('--json', 'funding', '--params', 'default', '--year', '2024-25', '--out', out)).toBe(0);
    const json = JSON.parse(io.out().trim()) as { ok: boolean; year: string; illustrative: boolean };
    expect(json).toMatchObject({ ok: true, year: '2024-25', illustrative: true });
  });

  // The fixture's months are 2024-03 … 2024-05: 2024-25 has 2 of its 12 (provisional), and its allocation's
  // reference year 2023-24 has 1 (provisional too), so the public file holds nothing of 2024-25.
  it('says the public file holds nothing for a provisional year', async () => {
    const io = capture();
    expect(await run('funding', '--params', 'default', '--year', '2024-25', '--out', out)).toBe(0);
    expect(io.out()).toContain(
      'public/funding_scenario.csv holds nothing for 2024-25: provisional (not all 12 months of the year',
    );
    expect(io.out()).toMatch(/ and 0 in public\/funding_scenario\.csv /);
    expect(
      readFileSync(join(out, 'public', 'funding_scenario.csv'), 'utf8')
        .trim()
        .split('\n'),
    ).toHaveLength(1);
  });

  it('fails with one line naming the file and the field', async () => {
    const bad = join(tempDir(), 'bad.json');
    const params = JSON.parse(readFileSync(join(FUNDING_DIR, 'default.json'), 'utf8'));
    params.pdf.weights.outcomes = 0.3;
    writeFileSync(bad, JSON.stringify(params));
    const io = capture();
    expect(await run('funding', '--params', bad, '--out', out)).toBe(1);
    expect(io.err().trim().split('\n')).toHaveLength(1);
    expect(io.err()).toMatch(/^sa-outcomes: error: .*bad\.json: invalid funding parameters: pdf\.weights: /);
  });
});

describe('build', () => {
  it('stops on a malformed parameter file, naming the file and the field', async () => {
    const params = JSON.parse(readFileSync(join(FUNDING_DIR, 'default.json'), 'utf8'));
    params.discretionary.cap_per_case_month = -1;
    const reference = referenceFolder({ 'default.json': params });
    const wh = await memoryWarehouse();
    await ingestDir(wh, extracts());
    await expect(build(wh, { runId: 'bad', referenceDir: reference })).rejects.toThrow(
      /funding[\\/]default\.json: invalid funding parameters: discretionary\.cap_per_case_month: Too small/,
    );
  });
});
