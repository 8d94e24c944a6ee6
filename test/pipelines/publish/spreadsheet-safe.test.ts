// The CSV-injection rule (OWASP): a text cell that could start a formula gets a leading quote; nothing else
// changes.
import { describe, expect, it } from 'vitest';
import { spreadsheetSafe } from '../../../pipelines/publish/spreadsheet-safe.ts';
import { memoryWarehouse } from '../../helpers.ts';

describe('spreadsheetSafe', () => {
  it("puts ' before a cell starting with =, +, -, @, a tab or a carriage return, and leaves other cells alone", async () => {
    const wh = await memoryWarehouse();
    try {
      const rows = await wh.all<{ safe: string | null }>(
        `select ${spreadsheetSafe('v')} as safe
         from (values (1, '=1+1'), (2, '+1'), (3, '-1'), (4, '@SUM(A1)'), (5, chr(9) || '=1'), (6, chr(13) || '=1'),
                      (7, 'a=1'), (8, '1-2'), (9, ''), (10, null), (11, '''=1')) as t(i, v)
         order by i`,
      );
      expect(rows.map((r) => r.safe)).toEqual([
        "'=1+1",
        "'+1",
        "'-1",
        "'@SUM(A1)",
        "'\t=1",
        "'\r=1",
        'a=1',
        '1-2',
        '',
        null,
        "'=1",
      ]);
    } finally {
      await wh.close();
    }
  });
});
