// Funding parameter files (funding.md "Parameters"): the shipped defaults validate; a malformed file is one
// error naming the file, the field and the problem; a year uses its own file, else the nearest earlier
// year's, else default.json.
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import {
  FUNDING_DIR,
  loadParameterDir,
  loadParameterFile,
  parametersForYear,
  plainDecimal,
} from '../../../pipelines/funding/parameters.ts';
import { fiscalYearOf, shiftFiscalYear } from '../../../pipelines/funding/fiscal-year.ts';
import { tempDir } from '../../helpers.ts';

const DEFAULTS = JSON.parse(readFileSync(join(FUNDING_DIR, 'default.json'), 'utf8')) as Record<
  string,
  unknown
>;
type Json = Record<string, unknown>;

/** The defaults with one field changed (path like 'pdf.weights.base'); undefined deletes it. */
function edited(path: string, value: unknown): Json {
  const copy = structuredClone(DEFAULTS);
  const keys = path.split('.');
  let node: Json = copy;
  for (const k of keys.slice(0, -1)) node = node[k] as Json;
  const last = keys.at(-1) ?? '';
  if (value === undefined) delete node[last];
  else node[last] = value;
  return copy;
}

function writeFile(dir: string, name: string, content: unknown): string {
  const path = join(dir, name);
  writeFileSync(path, typeof content === 'string' ? content : JSON.stringify(content));
  return path;
}

describe('the shipped default.json', () => {
  it('holds the illustrative defaults of funding.md', () => {
    const f = loadParameterFile(join(FUNDING_DIR, 'default.json'));
    expect(f.params.illustrative).toBe(true);
    expect(f.params.pdf).toEqual({
      envelope: 600000000,
      weights: { base: 0.1, caseload: 0.7, outcomes: 0.2 },
      outcome_points: { exit_to_employment: 10, eo_referral_connected: 2, stabilization_improved: 3 },
      provincial_rate: 0.5,
      max_decrease: 0.05,
    });
    expect(f.params.outcome_payments).toEqual({
      milestones_days: [90, 182, 365],
      amount_per_milestone: 500,
      stream_weights: { A: 1, B: 1.5, C: 2 },
      stream_cutoffs: { A: 24, B: 15 },
    });
    expect(f.params.assistance.provincial_share).toBe(1);
    expect(f.params.discretionary).toEqual({ provincial_share: 1, cap_per_case_month: 10 });
  });
});

describe('a malformed parameter file', () => {
  const cases: [what: string, content: unknown, message: RegExp][] = [
    [
      'weights that do not sum to 1',
      edited('pdf.weights.base', 0.2),
      /bad\.json: invalid funding parameters: pdf\.weights: base \+ caseload \+ outcomes must sum to 1/,
    ],
    [
      'a missing field',
      edited('pdf.envelope', undefined),
      /bad\.json: .*pdf\.envelope: Invalid input: expected number/,
    ],
    [
      'a share given as text',
      edited('assistance.provincial_share', '1.0'),
      /bad\.json: .*assistance\.provincial_share: .*expected number, received string/,
    ],
    [
      'a share above 1',
      edited('discretionary.provincial_share', 1.5),
      /discretionary\.provincial_share: Too big/,
    ],
    [
      'a misspelt field',
      edited('pdf.max_decrese', 0.05),
      /bad\.json: .*pdf: Unrecognized key: "max_decrese"/,
    ],
    [
      'fractions of a cent',
      edited('pdf.envelope', 100.005),
      /pdf\.envelope: dollars must have at most 2 decimal/,
    ],
    [
      'milestones out of order',
      edited('outcome_payments.milestones_days', [182, 90]),
      /outcome_payments\.milestones_days: milestones must be distinct days in increasing order/,
    ],
    [
      'a zero provincial rate',
      edited('pdf.provincial_rate', 0),
      /pdf\.provincial_rate: the provincial rate must be > 0/,
    ],
    ['text that is not JSON', '{"pdf": ', /bad\.json: not valid JSON/],
  ];
  for (const [what, content, message] of cases) {
    it(`is an error naming the file and the field: ${what}`, () => {
      const path = writeFile(tempDir(), 'bad.json', content);
      expect(() => loadParameterFile(path)).toThrow(message);
    });
  }

  // 0.3333333333 × 3 = 0.9999999999: 1e-10 short of 1, within the 1e-9 allowed; 0.333 × 3 = 0.999 is not.
  it('accepts weights summing to 1 within 1e-9 and no further', () => {
    const dir = tempDir();
    const third = { base: 0.3333333333, caseload: 0.3333333333, outcomes: 0.3333333333 };
    expect(
      loadParameterFile(writeFile(dir, 'ok.json', edited('pdf.weights', third))).params.pdf.weights,
    ).toEqual(third);
    const rough = { base: 0.333, caseload: 0.333, outcomes: 0.333 };
    expect(() => loadParameterFile(writeFile(dir, 'rough.json', edited('pdf.weights', rough)))).toThrow(
      /pdf\.weights: .*sum to 1/,
    );
  });

  it('accepts max_decrease null (no mitigation)', () => {
    const path = writeFile(tempDir(), 'none.json', edited('pdf.max_decrease', null));
    expect(loadParameterFile(path).params.pdf.max_decrease).toBeNull();
  });
});

describe('parameter folders', () => {
  function folder(files: Record<string, unknown>): string {
    const dir = join(tempDir(), 'funding');
    mkdirSync(dir);
    for (const [name, content] of Object.entries(files)) writeFile(dir, name, content);
    return dir;
  }

  // default.json, 2025-26.json and 2027-28.json:
  //   2024-25 → default (no file of its own, none earlier); 2025-26 → its own; 2026-27 → 2025-26 (nearest
  //   earlier); 2027-28 → its own; 2030-31 → 2027-28.
  it('gives each year its own file, else the nearest earlier one, else default.json', () => {
    const files = loadParameterDir(
      folder({
        'default.json': DEFAULTS,
        '2025-26.json': edited('pdf.envelope', 1),
        '2027-28.json': edited('pdf.envelope', 2),
      }),
    );
    const chosen = ['2024-25', '2025-26', '2026-27', '2027-28', '2030-31'].map(
      (fy) => parametersForYear(files, fy).name,
    );
    expect(chosen).toEqual(['default.json', '2025-26.json', '2025-26.json', '2027-28.json', '2027-28.json']);
  });

  it('needs a default.json, and names a file that is not a fiscal year', () => {
    expect(() => loadParameterDir(folder({ '2025-26.json': DEFAULTS }))).toThrow(/default\.json: missing/);
    expect(() => loadParameterDir(folder({ 'default.json': DEFAULTS, '2025.json': DEFAULTS }))).toThrow(
      /2025\.json: not a parameter file name/,
    );
    expect(() => loadParameterDir(folder({ 'default.json': DEFAULTS, '2025-27.json': DEFAULTS }))).toThrow(
      /2025-27\.json: not a parameter file name/,
    );
  });

  it('validates every file of the folder', () => {
    expect(() =>
      loadParameterDir(
        folder({ 'default.json': DEFAULTS, '2026-27.json': edited('pdf.weights.outcomes', 0.3) }),
      ),
    ).toThrow(/2026-27\.json: invalid funding parameters: pdf\.weights/);
  });
});

describe('fiscal years and decimals', () => {
  it('runs April to March', () => {
    expect(['2024-03', '2024-04', '2025-03', '1999-12', '2099-04'].map(fiscalYearOf)).toEqual([
      '2023-24',
      '2024-25',
      '2024-25',
      '1999-00',
      '2099-00',
    ]);
    expect(shiftFiscalYear('2024-25', 1)).toBe('2025-26');
    expect(shiftFiscalYear('2000-01', -1)).toBe('1999-00');
  });

  it('writes numbers as the decimals they were written as', () => {
    expect([0.1, 1e-7, 600000000, 1.5e21, 0.3333333333].map(plainDecimal)).toEqual([
      '0.1',
      '0.0000001',
      '600000000',
      '1500000000000000000000',
      '0.3333333333',
    ]);
  });
});
