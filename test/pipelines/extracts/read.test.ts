// The extract reader (extracts.md, "What happens to every row"): what it makes of hostile CSV files (stray
// quotes, quoted line breaks, mixed line ends, over-long lines, repeated header names) and of Parquet
// timestamps. Expected records are read off the fixture lines by hand; the header is line 1.
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { CASES_HEADER, memoryWarehouse, tempDir } from '../../helpers.ts';
import { TABLES } from '../../../pipelines/extracts/contract.ts';
import { stageCsv, stageParquet, type Project } from '../../../pipelines/extracts/read.ts';
import type { Warehouse } from '../../../pipelines/warehouse.ts';

/** The staged records as they are, with no projection on top. */
const asStaged: Project = { sql: (s) => `select * from ${s}`, params: {} };

/** A valid cases row for case `n`. */
const row = (n: number): string => `C${n},P${n},OW,TOR,2023-06-01,,,SINGLE,1,1980`;

interface Staged {
  line: number;
  raw: string;
  problem: string | null;
  sm: string | null;
}

/** Stages `content` as a cases CSV file; returns the rows read and each record with its service_manager. */
async function readCases(
  content: string | Buffer,
  wh?: Warehouse,
): Promise<{ rowsRead: number; records: Staged[] }> {
  const path = join(tempDir(), 'cases.csv');
  writeFileSync(path, content);
  const w = wh ?? (await memoryWarehouse());
  const { rowsRead } = await stageCsv(w, path, TABLES.cases, '_t', asStaged);
  const records = await w.all<Staged>(
    `select line, raw, read_problem as problem, service_manager as sm from _t order by line`,
  );
  return { rowsRead, records };
}

const ok = (line: number, n: number): Staged => ({ line, raw: row(n), problem: null, sm: 'TOR' });
const unterminated = (line: number): string =>
  `unterminated quote: the quoted field opened on line ${line} does not close in a well-formed record; reading goes on at the next line`;

describe('stageCsv: quotes', () => {
  it('a stray quote is a record of its own line; the next lines are read, and a quoted line break still joins', async () => {
    const brokenC2 = 'C2,"P2,OW,TOR,2023-06-01,,,SINGLE,1,1980';
    const brokenC7 = 'C7,P7,"OW,TOR,2023-06-01,,,SINGLE,1,1980';
    const text =
      [
        CASES_HEADER, // line 1
        row(1), // 2
        brokenC2, // 3: a quote opens and never closes
        row(3), // 4
        'C4,P4,OW,"TOR', // 5: a quoted field holding a line break …
        '",2023-06-01,,,SINGLE,1,1980', // 6: … closed here: lines 5–6 are one record of 10 fields
        row(6), // 7
        brokenC7, // 8, the last line: a quote opens and the file ends
      ].join('\n') + '\n';
    // Lines 3, 5, 6 and 8 hold an odd number of quotes. Line 3 joined up to line 5 would close its quote
    // at the start of line 5's 4th field, followed by "TOR": malformed, so line 3 is a record alone, with
    // its problem. Line 5 joined with line 6 is well-formed, with 10 fields. Line 8 has nothing to close it.
    const { rowsRead, records } = await readCases(text);
    expect(records).toEqual([
      ok(2, 1),
      { line: 3, raw: brokenC2, problem: unterminated(3), sm: 'TOR' },
      ok(4, 3),
      { line: 5, raw: 'C4,P4,OW,"TOR\n",2023-06-01,,,SINGLE,1,1980', problem: null, sm: 'TOR\n' },
      ok(7, 6),
      { line: 8, raw: brokenC7, problem: unterminated(8), sm: 'TOR' },
    ]);
    expect(rowsRead).toBe(6);
  });

  it('two stray quotes on adjacent lines pair only when they make a well-formed record of the header’s fields', async () => {
    // Lines 2 and 3 each hold one quote. Joined, "C1,"P1…1980\nC2,P2"" is well-formed quoting, but has
    // 2 fields (C1 and one quoted field) where the header has 10: not a record. So both are broken.
    const text = [CASES_HEADER, 'C1,"P1,OW,TOR,2023-06-01,,,SINGLE,1,1980', 'C2,P2"', row(3)].join('\n');
    const { records } = await readCases(text);
    expect(records.map((r) => [r.line, r.problem])).toEqual([
      [2, unterminated(2)],
      [3, unterminated(3)],
      [4, null],
    ]);
  });
  it('a line that closes a quoted line break does not open another record', async () => {
    const text = [
      CASES_HEADER, // line 1
      'C1,P1,OW,"T', // 2: opens a quote
      '",2023-06-01,,,SINGLE,1,1980', // 3: closes it: lines 2–3 are a record of 10 fields
      'C2",P2,OW,TOR,2023-06-01,,,SINGLE,1,1980', // 4: one quote, and no line after it
    ].join('\n');
    // Lines 3–4 joined would also be well-formed (a first field "…1980\nC2" and 9 more), but line 3 is
    // already taken by the record of line 2, so line 4 is a record alone with its unterminated quote.
    const { records } = await readCases(text);
    expect(records).toEqual([
      { line: 2, raw: 'C1,P1,OW,"T\n",2023-06-01,,,SINGLE,1,1980', problem: null, sm: 'T\n' },
      { line: 4, raw: 'C2",P2,OW,TOR,2023-06-01,,,SINGLE,1,1980', problem: unterminated(4), sm: 'TOR' },
    ]);
  });
});

describe('stageCsv: line ends', () => {
  it('reads LF and CRLF mixed in one file; no raw keeps a CR; a CR or CRLF inside quotes is part of the field', async () => {
    const text =
      `${CASES_HEADER}\r\n` + // line 1 ends CRLF
      `${row(1)}\n` + // 2: LF
      `${row(2)}\r\n` + // 3: CRLF
      `C3,P3,OW,"TO\rR",2023-06-01,,,SINGLE,1,1980\n` + // 4: a lone CR inside a quoted field
      `C4,P4,OW,"TO\r\nR",2023-06-01,,,SINGLE,1,1980\r\n` + // 5–6: a CRLF inside a quoted field
      `${row(5)}`; // 7: the last line, with no line break
    const { rowsRead, records } = await readCases(text);
    expect(records).toEqual([
      ok(2, 1),
      ok(3, 2),
      { line: 4, raw: 'C3,P3,OW,"TO\rR",2023-06-01,,,SINGLE,1,1980', problem: null, sm: 'TO\rR' },
      { line: 5, raw: 'C4,P4,OW,"TO\r\nR",2023-06-01,,,SINGLE,1,1980', problem: null, sm: 'TO\r\nR' },
      ok(7, 5),
    ]);
    expect(rowsRead).toBe(5);
  });

  it('reads a CRLF file whose last line ends in LF', async () => {
    const { records } = await readCases(`${CASES_HEADER}\r\n${row(1)}\r\n${row(2)}\n`);
    expect(records).toEqual([ok(2, 1), ok(3, 2)]);
  });

  it('keeps the CRLF of a quoted line break in a CRLF file', async () => {
    const text = `${CASES_HEADER}\r\n${row(1)}\r\nC2,P2,OW,"TO\r\nR",2023-06-01,,,SINGLE,1,1980\r\n${row(3)}\r\n`;
    const { records } = await readCases(text);
    // Line 3 opens a quote that line 4 closes; row 3 is on line 5.
    expect(records).toEqual([
      ok(2, 1),
      { line: 3, raw: 'C2,P2,OW,"TO\r\nR",2023-06-01,,,SINGLE,1,1980', problem: null, sm: 'TO\r\nR' },
      ok(5, 3),
    ]);
  });
});

describe('stageCsv: over-long lines', () => {
  it('a line over the 2,097,152-byte limit is a record of its own with the reason, and keeps 1,000 characters', async () => {
    const long = `C5,P5,OW,TOR,2023-06-01,,,SINGLE,1,${'9'.repeat(2_500_000)}`;
    // "C5,P5,OW,TOR,2023-06-01,,,SINGLE,1," is 35 characters, so the line is 2,500,035 bytes.
    const text = [CASES_HEADER, row(1), row(2), row(3), row(4), long, row(6)].join('\n') + '\n';
    const { rowsRead, records } = await readCases(text);
    expect(records.map((r) => r.line)).toEqual([2, 3, 4, 5, 6, 7]);
    expect(records[4]).toEqual({
      line: 6,
      raw: long.slice(0, 1000),
      problem:
        "line 6 is longer than the reader's limit of 2097152 bytes (2500035 bytes); raw holds its first 1000 characters",
      sm: 'TOR',
    });
    expect(records[5]).toEqual(ok(7, 6));
    expect(rowsRead).toBe(6);
  });
  it('lines do not join into a record over the limit', async () => {
    // Two lines of 1,500,010 and 1,500,029 bytes: each under the limit, together (with the LF) 3,000,040.
    const opens = `C1,P1,OW,"${'x'.repeat(1_500_000)}`;
    const closes = `${'x'.repeat(1_500_000)}",2023-06-01,,,SINGLE,1,1980`;
    const { records } = await readCases([CASES_HEADER, opens, closes, row(2)].join('\n'));
    expect(records.map((r) => [r.line, r.problem])).toEqual([
      [2, unterminated(2)],
      [3, unterminated(3)],
      [4, null],
    ]);
  });
});

describe('stageCsv: header', () => {
  it('rejects two header fields naming one column, a contract column or an extra one', async () => {
    await expect(readCases(`case_id,${CASES_HEADER.replace('case_id,', ' Case_ID ,')}\n`)).rejects.toThrow(
      'DUPLICATE_COLUMN: cases.csv names column case_id twice (header fields 1 and 2)',
    );
    await expect(readCases(`${CASES_HEADER},note,NOTE\n${row(1)},a,b\n`)).rejects.toThrow(
      'DUPLICATE_COLUMN: cases.csv names column note twice (header fields 11 and 12)',
    );
    // Empty header fields name no column: two of them are not a duplicate.
    const { records } = await readCases(`${CASES_HEADER},,\n${row(1)},,\n`);
    expect(records).toEqual([{ line: 2, raw: `${row(1)},,`, problem: null, sm: 'TOR' }]);
  });
});

describe('stageParquet', () => {
  it('rejects a Parquet file whose schema names one column twice (its reader would rename the second)', async () => {
    // A payments file whose schema holds case_id and CASE_ID: DuckDB reads the second as CASE_ID_1, an
    // extra column, and would silently use the first.
    const path = join(
      import.meta.dirname,
      '..',
      '..',
      'fixtures',
      'ingest',
      'parquet',
      'payments-duplicate-column.parquet',
    );
    await expect(
      stageParquet(await memoryWarehouse(), path, TABLES.payments, '_t', asStaged),
    ).rejects.toThrow(
      'DUPLICATE_COLUMN: payments-duplicate-column.parquet names column case_id twice (header fields 2 and 8)',
    );
  });

  it('reads a TIMESTAMP WITH TIME ZONE in Toronto time whatever the session time zone; a plain TIMESTAMP as is', async () => {
    const wh = await memoryWarehouse();
    const path = join(tempDir(), 'messages.parquet');
    // 13:00 UTC on 1 July 2024 is 09:00 in Toronto (EDT, UTC−4); on 15 January, 08:00 (EST, UTC−5).
    // The naive timestamp is already Toronto clock time and is read unchanged.
    await wh.run(`copy (
        select 'M1' as message_id, 'C1' as case_id, '2024-07-01 13:00:00+00'::timestamptz as sent_at, 'CLIENT' as direction
        union all
        select 'M2', 'C1', '2024-01-15 13:00:00+00'::timestamptz, 'CASEWORKER'
      ) to '${path}' (format parquet)`);
    const naive = join(tempDir(), 'naive.parquet');
    await wh.run(
      `copy (select 'M3' as message_id, 'C1' as case_id, '2024-07-01 13:00:00'::timestamp as sent_at, 'CLIENT' as direction) to '${naive}' (format parquet)`,
    );
    // Tokyo is UTC+9: read in the session's zone, 13:00 UTC would come out as 22:00.
    await wh.run(`set TimeZone = 'Asia/Tokyo'`);
    const sentAt = async (file: string): Promise<string[]> => {
      await stageParquet(wh, file, TABLES.messages, '_t', asStaged);
      return (await wh.all<{ sent_at: string }>(`select sent_at from _t order by line`)).map(
        (r) => r.sent_at,
      );
    };
    expect(await sentAt(path)).toEqual(['2024-07-01T09:00:00', '2024-01-15T08:00:00']);
    expect(await sentAt(naive)).toEqual(['2024-07-01T13:00:00']);
  });
});
