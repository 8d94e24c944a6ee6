// The careful line reader: lines split at LF only, the CR of a CRLF break dropped and noted, other CRs kept,
// byte lengths without the break, and every byte checked to be UTF-8, across the chunks a stream comes in.
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { memoryWarehouse, tempDir } from '../../helpers.ts';
import { loadPhysicalLines } from '../../../pipelines/extracts/lines.ts';

describe('loadPhysicalLines', () => {
  it('splits a gzip file at LF only, across chunks and inside multi-byte characters', async () => {
    const wide = 'é'.repeat(10_000); // 2 bytes each in UTF-8: 20,000 bytes
    // The header "hh\n" is 3 bytes, so gunzip's 16,384-byte chunks end 16,381 bytes into line 2: inside an é.
    const text = `hh\n${wide}\r\n\na\rb\n\r\nlast`;
    const path = join(tempDir(), 'cases.csv.gz');
    writeFileSync(path, gzipSync(Buffer.from(text)));
    const wh = await memoryWarehouse();
    await loadPhysicalLines(wh, path, '_lines');
    expect(await wh.all(`select line, raw, crlf, bytes from _lines order by line`)).toEqual([
      { line: 2, raw: wide, crlf: true, bytes: 20_000 },
      { line: 3, raw: '', crlf: false, bytes: 0 }, // a blank line
      { line: 4, raw: 'a\rb', crlf: false, bytes: 3 }, // a lone CR is text
      { line: 5, raw: '', crlf: true, bytes: 0 }, // a blank line ended by CRLF
      { line: 6, raw: 'last', crlf: false, bytes: 4 }, // no line break at the end
    ]);
  });

  it('names the first line that is not UTF-8', async () => {
    const path = join(tempDir(), 'cases.csv');
    writeFileSync(path, Buffer.concat([Buffer.from('h\nok\r\nC'), Buffer.from([0xff]), Buffer.from('\n')]));
    const wh = await memoryWarehouse();
    await expect(loadPhysicalLines(wh, path, '_lines')).rejects.toThrow('line 3 is not UTF-8 text');
  });
});
