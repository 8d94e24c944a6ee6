// A site's inputs: the public files' bytes and the code, not the run that published them.
import { cpSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { siteInputs } from '../../../pipelines/publish/site-inputs.ts';
import { tempDir } from '../../helpers.ts';

/** A public folder: measures.csv and its metadata, published by `run` at `at`. */
function publicDir(measures: string, run: string, at: string, asOf = '2025-03'): string {
  const dir = tempDir();
  writeFileSync(join(dir, 'measures.csv'), measures);
  writeFileSync(
    join(dir, 'metadata.json'),
    JSON.stringify({ as_of_month: asOf, run_id: run, generated_at: at, version: '0.1.0' }),
  );
  return dir;
}

describe('siteInputs', () => {
  const csv = 'measure_id,period,value\ncaseload,2025-03,120\n';

  it('is the same for the same figures published by another run at another time', () => {
    expect(siteInputs(publicDir(csv, 'r2', '2025-04-02T05:00:00Z'))).toBe(
      siteInputs(publicDir(csv, 'r1', '2025-04-01T05:00:00Z')),
    );
  });

  it('changes with a figure, the as-of month or a file added to the public folder', () => {
    const base = siteInputs(publicDir(csv, 'r1', 't'));
    expect(siteInputs(publicDir(csv.replace('120', '125'), 'r1', 't'))).not.toBe(base);
    expect(siteInputs(publicDir(csv, 'r1', 't', '2025-04'))).not.toBe(base);
    const withFunding = publicDir(csv, 'r1', 't');
    writeFileSync(join(withFunding, 'funding.csv'), 'fiscal_year\n2024-25\n');
    expect(siteInputs(withFunding)).not.toBe(base);
  });

  it('reads the files, not their names alone: a copy gives the same inputs', () => {
    const dir = publicDir(csv, 'r1', 't');
    const copy = tempDir();
    cpSync(dir, copy, { recursive: true });
    expect(readFileSync(join(copy, 'measures.csv'), 'utf8')).toBe(csv);
    expect(siteInputs(copy)).toBe(siteInputs(dir));
  });
});
