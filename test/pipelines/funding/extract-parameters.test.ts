// Funding parameters that come with the extracts (<extracts>/funding/, as the demo writes them): ingest
// records them, the build's ref_funding_parameters uses them in place of data/reference/funding/ (also in a
// later build that is not told where the extracts are), and an extracts folder without them goes back to
// the shipped files. A bad file stops the ingest with its path and field, and changes nothing recorded.
import { mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { FUNDING_DIR } from '../../../pipelines/funding/parameters.ts';
import { loadSeeds } from '../../../pipelines/models/seeds.ts';
import type { Warehouse } from '../../../pipelines/warehouse.ts';
import { ingestDeliveries, ingestDir, oneCaseMonth } from '../../helpers.ts';

const SHIPPED = JSON.parse(readFileSync(join(FUNDING_DIR, 'default.json'), 'utf8')) as {
  pdf: Record<string, unknown>;
};
const withEnvelope = (envelope: number): string =>
  JSON.stringify({ ...SHIPPED, pdf: { ...SHIPPED.pdf, envelope } });

function writeFunding(root: string, files: Record<string, string>): void {
  mkdirSync(join(root, 'funding'), { recursive: true });
  for (const [name, text] of Object.entries(files)) writeFileSync(join(root, 'funding', name), text);
}

/** ref_funding_parameters after a build's seeds: per fiscal year, the file and the envelope. */
async function envelopes(wh: Warehouse): Promise<Record<string, unknown>[]> {
  await loadSeeds(wh);
  return wh.all(
    `select fiscal_year, parameters_file, pdf_envelope::varchar as envelope
     from ref_funding_parameters order by fiscal_year`,
  );
}

let open: Warehouse | undefined;
afterEach(async () => {
  await open?.close();
  open = undefined;
});

describe('funding parameters that come with the extracts', () => {
  it('replace the shipped ones, year by year as in data/reference/funding/, until the folder goes', async () => {
    // One delivery, 2024-05: the funding years run from its fiscal year, 2024-25, to the allocation's, 2025-26.
    const first = await ingestDeliveries({ '2024-05': oneCaseMonth('2024-05') });
    open = first.wh;
    const { wh, root } = first;
    writeFunding(root, { 'default.json': withEnvelope(1_000_000), '2025-26.json': withEnvelope(2_000_000) });
    const again = await ingestDir(wh, root);
    expect(again.notices).toEqual([]); // the funding folder is not a stray delivery
    expect(await envelopes(wh)).toEqual([
      { fiscal_year: '2024-25', parameters_file: 'extracts: funding/default.json', envelope: '1000000.00' },
      { fiscal_year: '2025-26', parameters_file: 'extracts: funding/2025-26.json', envelope: '2000000.00' },
    ]);
    // A later build reads them from the warehouse: the same figures a second time.
    expect((await envelopes(wh)).map((r) => r.envelope)).toEqual(['1000000.00', '2000000.00']);

    rmSync(join(root, 'funding'), { recursive: true });
    await ingestDir(wh, root);
    expect(await envelopes(wh)).toEqual([
      { fiscal_year: '2024-25', parameters_file: 'default.json', envelope: '600000000.00' },
      { fiscal_year: '2025-26', parameters_file: 'default.json', envelope: '600000000.00' },
    ]);
  });

  it('refuses a bad file by path and field, and keeps what was recorded', async () => {
    const first = await ingestDeliveries({ '2024-05': oneCaseMonth('2024-05') });
    open = first.wh;
    const { wh, root } = first;
    writeFunding(root, { 'default.json': withEnvelope(1_000_000) });
    await ingestDir(wh, root);
    writeFunding(root, { 'default.json': withEnvelope(12.345) });
    await expect(ingestDir(wh, root)).rejects.toThrow(
      `${join(root, 'funding', 'default.json')}: invalid funding parameters: pdf.envelope: dollars must have at most 2 decimal places (cents)`,
    );
    expect((await envelopes(wh)).map((r) => r.envelope)).toEqual(['1000000.00', '1000000.00']);
    // A folder without default.json is refused the same way.
    rmSync(join(root, 'funding', 'default.json'));
    writeFunding(root, { '2025-26.json': withEnvelope(2_000_000) });
    await expect(ingestDir(wh, root)).rejects.toThrow(
      `${join(root, 'funding', 'default.json')}: missing: the funding parameters need a default.json`,
    );
  });
});
