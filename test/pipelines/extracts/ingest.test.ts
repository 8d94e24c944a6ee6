// Ingestion (extracts.md): every quarantine reason, file-level failures, reconciliation, re-ingest,
// restatement, latest version, UNKNOWN_CASE retries and the CSV dialect. Expected outcomes are read off
// the fixture rows by hand, line by line.
import { readFileSync, utimesSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import {
  CASES_HEADER,
  ONE_CASE,
  PAYMENTS_HEADER,
  csv,
  deliveryFolder,
  ingestDeliveries,
  ingestedWarehouse,
  ingestDir,
  memoryWarehouse,
  writeDelivery,
} from '../../helpers.ts';
import type { Warehouse } from '../../../pipelines/warehouse.ts';
import { ensureSchema } from '../../../pipelines/warehouse-schema.ts';

const FIXTURES = join(import.meta.dirname, '..', '..', 'fixtures', 'ingest');

/** A cases file of C1 and C2: both OW, Toronto, open since 2023-06-01. */
const TWO_CASES = csv(`${CASES_HEADER}
  C1,P1,OW,TOR,2023-06-01,,,SINGLE,1,1980
  C2,P2,OW,TOR,2023-06-01,,,SINGLE,1,1980`);

async function quarantined(
  wh: Warehouse,
): Promise<{ table: string; line: number; reasons: string; retry: boolean }[]> {
  return wh.all(
    `select table_name as "table", line::integer as line, reasons, retry from quarantine order by table_name, line`,
  );
}

async function manifest(wh: Warehouse): Promise<
  Record<
    string,
    {
      status: string;
      rows_read: number;
      loaded: number;
      collapsed: number;
      quarantined: number;
      error: string | null;
    }
  >
> {
  const rows = await wh.all<{
    key: string;
    status: string;
    rows_read: number;
    loaded: number;
    collapsed: number;
    quarantined: number;
    error: string | null;
  }>(
    `select delivery || '/' || file as key, status, rows_read, loaded, collapsed, quarantined, error from manifest where status <> 'superseded'`,
  );
  return Object.fromEntries(rows.map(({ key, ...r }) => [key, r]));
}

describe('row-level reasons', () => {
  // One cases file each: the rows quarantined with their reasons (the header is line 1, so C1 is on line 2),
  // the rows loaded where the case says, and the file's counts.
  const casesFiles = [
    {
      title: 'quarantines each bad case row with its reason and loads the good ones',
      rows: `C1,P1,OW,TOR,2023-06-01,,,SINGLE,1,1980
        C2,P2,ODSP, HAM ,2023-06-01,,,SINGLE,1,1980
        C3,,OW,TOR,2023-06-01,,,SINGLE,1,1980
        C4,P4,OW,TOR,2024-02-30,,,SINGLE,1,1980
        C5,P5,OW,tor,2023-06-01,,,SINGLE,1,1980
        C6,P6,OW,TOR,2023-06-01,2023-05-31,OTHER,SINGLE,1,1980
        C7,P7,OW,TOR,2023-06-01,2023-07-01,,SINGLE,1,1980
        C8,P8,OW,TOR,2023-06-01,,,SINGLE,21,1980
        C9,P9,OW,TOR,2023-06-01,,,SINGLE,1,2008
        C10,P10,OW,TOR,2023-06-01,,,SINGLE,1,2007
        C11,P11,OW,TOR,2023-06-01,,,SINGLE,1
        C12,P12,OW,TOR,2023-06-01,,,SINGLE,1,1980,extra
        C13,P13,OW,TOR,2023-06-01,,,SINGLE, ,1980
        C14 ,P14,XX,TOR,2023-06-01,,,SINGLE,1,1980`,
      quarantined: [
        { table: 'cases', line: 4, reasons: 'MISSING_REQUIRED', retry: false }, // C3: person_id empty
        { table: 'cases', line: 5, reasons: 'BAD_TYPE', retry: false }, // C4: 2024-02-30 is no date
        { table: 'cases', line: 6, reasons: 'BAD_CODE', retry: false }, // C5: tor is not TOR
        { table: 'cases', line: 7, reasons: 'RULE_VIOLATION', retry: false }, // C6: closed before opened
        { table: 'cases', line: 8, reasons: 'RULE_VIOLATION', retry: false }, // C7: closed without a reason
        { table: 'cases', line: 9, reasons: 'RULE_VIOLATION', retry: false }, // C8: 21 members
        { table: 'cases', line: 10, reasons: 'RULE_VIOLATION', retry: false }, // C9: 2008 > 2023 − 16
        { table: 'cases', line: 12, reasons: 'BAD_TYPE', retry: false }, // C11: 9 fields
        { table: 'cases', line: 13, reasons: 'BAD_TYPE', retry: false }, // C12: 11 fields
        { table: 'cases', line: 14, reasons: 'BAD_TYPE', retry: false }, // C13: members " " is not empty, not an int
        { table: 'cases', line: 15, reasons: 'BAD_TYPE;BAD_CODE', retry: false }, // C14: "C14 " not an id, XX no program
      ],
      // C1, C2 (" HAM " trims to HAM) and C10 (2007 = 2023 − 16) load.
      loaded: [
        { case_id: 'C1', sm: 'TOR' },
        { case_id: 'C2', sm: 'HAM' },
        { case_id: 'C10', sm: 'TOR' },
      ],
      counts: { rows_read: 14, loaded: 3, collapsed: 0, quarantined: 11 },
    },
    {
      title:
        'collapses exact duplicates before judging key conflicts (A, A, B: collapse one A, quarantine A and B)',
      rows: `C1,P1,OW,TOR,2023-06-01,,,SINGLE,1,1980
        C1,P1,OW,TOR,2023-06-01,,,SINGLE,1,1980
        C1,P1,OW,TOR,2023-06-01,,,SINGLE,2,1980
        C2,P2,OW,TOR,2023-06-01,,,SINGLE,1,1980
        C2,P2,OW,TOR,2023-06-01,,,SINGLE,1,1980`,
      quarantined: [
        { table: 'cases', line: 2, reasons: 'KEY_CONFLICT', retry: false },
        { table: 'cases', line: 4, reasons: 'KEY_CONFLICT', retry: false },
      ],
      counts: { rows_read: 5, loaded: 1, collapsed: 2, quarantined: 2 },
    },
    {
      // The history stores whole numbers as INTEGER (typed-columns.ts): a valid int past its range must be
      // quarantined by its rule, never reach the cast and stop the load.
      title: 'a whole number past INTEGER is quarantined by its rule, not cast',
      rows: `C1,P1,OW,TOR,2023-06-01,,,SINGLE,3000000000,1980
        C2,P2,OW,TOR,2023-06-01,,,SINGLE,1,99999999999
        C3,P3,OW,TOR,2023-06-01,,,SINGLE,+2,1980`,
      quarantined: [
        { table: 'cases', line: 2, reasons: 'RULE_VIOLATION', retry: false }, // C1: members not 1 to 20
        { table: 'cases', line: 3, reasons: 'RULE_VIOLATION', retry: false }, // C2: birth year after 2023 − 16
      ],
      loaded: [{ case_id: 'C3', sm: 'TOR' }],
      counts: { rows_read: 3, loaded: 1, collapsed: 0, quarantined: 2 },
    },
    {
      title: 'a malformed row sharing a repeated key is quarantined once, never collapsed onto itself',
      // Lines 2 and 3: one key, different content; line 4: 9 fields.
      rows: `C1,P1,OW,TOR,2023-06-01,,,SINGLE,1,1980
        C1,P1,OW,TOR,2023-06-01,,,SINGLE,2,1980
        C1,P1,OW,TOR,2023-06-01,,,SINGLE,1`,
      quarantined: [
        { table: 'cases', line: 2, reasons: 'KEY_CONFLICT', retry: false },
        { table: 'cases', line: 3, reasons: 'KEY_CONFLICT', retry: false },
        { table: 'cases', line: 4, reasons: 'BAD_TYPE', retry: false },
      ],
      counts: { rows_read: 3, loaded: 0, collapsed: 0, quarantined: 3 },
    },
  ];
  for (const c of casesFiles)
    it(c.title, async () => {
      const wh = await ingestedWarehouse({ '2024-01': { 'cases.csv': csv(`${CASES_HEADER}\n${c.rows}`) } });
      expect(await quarantined(wh)).toEqual(c.quarantined);
      if (c.loaded)
        expect(
          await wh.all(`select case_id, trim(service_manager) as sm from hist_cases order by line`),
        ).toEqual(c.loaded);
      expect((await manifest(wh))['2024-01/cases.csv']).toMatchObject(c.counts);
    });

  it('checks every type of the contract: money, month, flag, timestamp, int, id', async () => {
    const wh = await ingestedWarehouse({
      '2024-01': {
        'cases.csv': ONE_CASE,
        'payments.csv': csv(`
          ${PAYMENTS_HEADER}
          PA1,C1,2024-01,2024-01-01,BASIC_NEEDS,733,
          PA2,C1,2024-01,2024-01-01,SHELTER,733.5,
          PA3,C1,2024-01,2024-01-01,OTHER,+733.00,
          PA4,C1,2024-01,2024-01-01,OTHER,.50,
          PA5,C1,2024-13,2024-01-01,OTHER,1.00,
          PA6,C1,2024-01,2024-01-01,OTHER,1.001,
          PA7,C1,2024-01,2024-01-01,OTHER,0,
          PA8,C1,2024-01,2024-01-01,OTHER,-5.00,
        `),
        'messages.csv': csv(`
          message_id,case_id,sent_at,direction,in_reply_to
          M1,C1,2024-01-05T09:00:00,CLIENT,
          M2,C1,2024-01-05 09:00:00,CLIENT,
          M3,C1,2024-01-05T24:00:00,CLIENT,
          M4,C1,2024-01-05T09:00:00Z,CLIENT,
          M5,C1,2024-01-06T10:00:00,CASEWORKER,M1
        `),
        'referrals.csv': csv(`
          referral_id,case_id,referral_type,referred_on,warm,status,status_on
          R1,C1,HOUSING,2024-01-02,Y,SENT,2024-01-02
          R2,C1,HOUSING,2024-01-02,y,SENT,2024-01-02
          R3,C1,HOUSING,2024-01-02,N,SENT,2024-01-01
        `),
      },
    });
    expect(await quarantined(wh)).toEqual([
      { table: 'messages', line: 3, reasons: 'BAD_TYPE', retry: false }, // space instead of T
      { table: 'messages', line: 4, reasons: 'BAD_TYPE', retry: false }, // hour 24
      { table: 'messages', line: 5, reasons: 'BAD_TYPE', retry: false }, // zone suffix
      { table: 'payments', line: 4, reasons: 'BAD_TYPE', retry: false }, // +733.00
      { table: 'payments', line: 5, reasons: 'BAD_TYPE', retry: false }, // .50
      { table: 'payments', line: 6, reasons: 'BAD_TYPE', retry: false }, // month 13
      { table: 'payments', line: 7, reasons: 'BAD_TYPE', retry: false }, // 3 decimals
      { table: 'payments', line: 8, reasons: 'RULE_VIOLATION', retry: false }, // zero amount
      { table: 'payments', line: 9, reasons: 'RULE_VIOLATION', retry: false }, // negative without reverses_payment_id
      { table: 'referrals', line: 3, reasons: 'BAD_TYPE', retry: false }, // flag y
      { table: 'referrals', line: 4, reasons: 'RULE_VIOLATION', retry: false }, // status before referral
    ]);
    expect(await wh.value(`select count(*) from hist_payments`)).toBe(2);
    expect(await wh.value(`select count(*) from hist_messages`)).toBe(2); // M1 and its reply M5
  });

  it('dates and months start in 1900: a year such as 0000 is not a date', async () => {
    const wh = await ingestedWarehouse({
      '2024-01': {
        'cases.csv': csv(`${CASES_HEADER}
          C1,P1,OW,TOR,2023-06-01,,,SINGLE,1,1980
          C2,P2,OW,TOR,1899-12-31,,,SINGLE,1,1880`),
        'payments.csv': csv(`${PAYMENTS_HEADER}
          PA1,C1,0000-01,2024-01-01,SHELTER,390.00,
          PA2,C1,1900-01,2024-01-01,SHELTER,390.00,
          PA3,C1,2024-01,0999-01-01,SHELTER,390.00,`),
      },
    });
    // C2 opened 1899-12-31: BAD_TYPE (and its birth year 1880 < 1900 breaks the rule as well).
    // PA1's month 0000-01 and PA3's issue date 0999-01-01 are BAD_TYPE; PA2's 1900-01 is a month.
    expect(await quarantined(wh)).toEqual([
      { table: 'cases', line: 3, reasons: 'BAD_TYPE;RULE_VIOLATION', retry: false },
      { table: 'payments', line: 2, reasons: 'BAD_TYPE', retry: false },
      { table: 'payments', line: 4, reasons: 'BAD_TYPE', retry: false },
    ]);
  });

  it('checks reversals: original loaded or earlier in the file, same case/month/type, never more than it', async () => {
    const wh = await ingestedWarehouse({
      '2024-01': {
        'cases.csv': TWO_CASES,
        'payments.csv': csv(`
          ${PAYMENTS_HEADER}
          PA1,C1,2024-01,2024-01-01,SHELTER,390.00,
        `),
      },
      '2024-02': {
        'payments.csv': csv(`
          ${PAYMENTS_HEADER}
          RV0,C1,2024-01,2024-02-01,SHELTER,-10.00,PB1
          PB1,C1,2024-02,2024-02-01,SHELTER,390.00,
          RV1,C1,2024-01,2024-02-02,SHELTER,-100.00,PA1
          RV2,C1,2024-01,2024-02-03,SHELTER,-290.00,PA1
          RV3,C1,2024-01,2024-02-04,SHELTER,-0.01,PA1
          RV4,C2,2024-01,2024-02-04,SHELTER,-1.00,PA1
          RV5,C1,2024-01,2024-02-04,BASIC_NEEDS,-1.00,PA1
          RV6,C1,2024-02,2024-02-04,SHELTER,-1.00,PA1
          RV7,C1,2024-02,2024-02-04,SHELTER,-1.00,NOPE
          RV8,C1,2024-02,2024-02-05,SHELTER,-390.00,PB1
        `),
      },
    });
    // RV0 reverses PB1, which comes later in the file (line 3): not yet loaded.
    // RV1 + RV2 = 390 = PA1: fine; RV3 would take PA1 below zero.
    // RV4 other case, RV5 other type, RV6 other month, RV7 unknown original.
    // RV8 fully reverses PB1 (earlier in the file).
    expect((await quarantined(wh)).map((q) => [q.line, q.reasons])).toEqual([
      [2, 'RULE_VIOLATION'],
      [6, 'RULE_VIOLATION'],
      [7, 'RULE_VIOLATION'],
      [8, 'RULE_VIOLATION'],
      [9, 'RULE_VIOLATION'],
      [10, 'RULE_VIOLATION'],
    ]);
    expect(
      await wh.all(`select payment_id from hist_payments where delivery = '2024-02' order by line`),
    ).toEqual([{ payment_id: 'PB1' }, { payment_id: 'RV1' }, { payment_id: 'RV2' }, { payment_id: 'RV8' }]);
  });

  it('checks replies: original of the same case, strictly earlier, other direction', async () => {
    const wh = await ingestedWarehouse({
      '2024-01': {
        'cases.csv': TWO_CASES,
        'messages.csv': csv(`
          message_id,case_id,sent_at,direction,in_reply_to
          M1,C1,2024-01-05T09:00:00,CLIENT,
          M2,C1,2024-01-05T09:00:00,CASEWORKER,M1
          M3,C2,2024-01-05T10:00:00,CASEWORKER,M1
          M4,C1,2024-01-05T10:00:00,CLIENT,M1
          M5,C1,2024-01-05T09:00:01,CASEWORKER,M1
          M6,C1,2024-01-05T11:00:00,CASEWORKER,M9
        `),
      },
    });
    // M2 same second, M3 other case, M4 same direction, M6 original missing; M5 one second later is fine.
    expect((await quarantined(wh)).map((q) => [q.line, q.reasons])).toEqual([
      [3, 'RULE_VIOLATION'],
      [4, 'RULE_VIOLATION'],
      [5, 'RULE_VIOLATION'],
      [7, 'RULE_VIOLATION'],
    ]);
  });
});

describe('UNKNOWN_CASE', () => {
  it('holds rows whose case is not known and loads them, with their reversal, when the case arrives', async () => {
    const { wh, root } = await ingestDeliveries({
      '2024-01': {
        'cases.csv': ONE_CASE,
        'payments.csv': csv(`
          ${PAYMENTS_HEADER}
          PA1,C9,2024-01,2024-01-01,SHELTER,390.00,
          PA2,C9,2024-01,2024-01-02,SHELTER,-90.00,PA1
          PA3,C9,2024-01,2024-01-02,SHELTER,abc,
        `),
      },
    });
    expect(await quarantined(wh)).toEqual([
      { table: 'payments', line: 2, reasons: 'UNKNOWN_CASE', retry: true },
      { table: 'payments', line: 3, reasons: 'UNKNOWN_CASE', retry: true },
      // Another reason as well: never retried.
      { table: 'payments', line: 4, reasons: 'BAD_TYPE;UNKNOWN_CASE', retry: false },
    ]);
    writeDelivery(root, '2024-02', {
      'cases.csv': csv(`${CASES_HEADER}
        C9,P9,OW,HAM,2023-12-01,,,SINGLE,1,1980`),
    });
    await ingestDir(wh, root);
    expect(await quarantined(wh)).toEqual([
      { table: 'payments', line: 4, reasons: 'BAD_TYPE;UNKNOWN_CASE', retry: false },
    ]);
    // Loaded as versions of the delivery they came in.
    expect(await wh.all(`select payment_id, delivery from hist_payments order by payment_id`)).toEqual([
      { payment_id: 'PA1', delivery: '2024-01' },
      { payment_id: 'PA2', delivery: '2024-01' },
    ]);
    // The file they came from now counts them as loaded.
    expect((await manifest(wh))['2024-01/payments.csv']).toMatchObject({
      rows_read: 3,
      loaded: 2,
      collapsed: 0,
      quarantined: 1,
    });
  });
});

describe('files', () => {
  it('rejects unreadable files, missing columns and empty headers; skips unknown files; keeps going', async () => {
    const { wh, result: r } = await ingestDeliveries({
      '2024-01': {
        'cases.csv': ONE_CASE,
        'payments.csv': Buffer.from([0x70, 0x61, 0x79, 0xff, 0xfe, 0x0a, 0x41, 0x0a]), // not UTF-8
        'referrals.csv.gz': gzipSync(Buffer.from('referral_id,case_id\n')).subarray(0, 12), // truncated gzip
        'messages.csv': csv(`message_id,case_id,direction
          M1,C1,CLIENT`), // sent_at missing
        'mybenefits.csv': '',
        'income_reports.parquet': 'this is not parquet',
        'notes.txt': 'hello',
      },
    });
    const m = await manifest(wh);
    expect(m['2024-01/cases.csv']).toMatchObject({ status: 'loaded', loaded: 1 });
    expect(m['2024-01/payments.csv']!.error).toMatch(/^UNREADABLE/);
    expect(m['2024-01/referrals.csv.gz']!.error).toMatch(/^UNREADABLE/);
    expect(m['2024-01/messages.csv']!.error).toMatch(
      /^MISSING_COLUMN: messages.csv lacks required column\(s\) sent_at/,
    );
    expect(m['2024-01/mybenefits.csv']!.error).toMatch(/^EMPTY_HEADER/);
    expect(m['2024-01/income_reports.parquet']!.error).toMatch(/^UNREADABLE/);
    expect(m['2024-01/notes.txt']).toMatchObject({ status: 'skipped' });
    expect(m['2024-01/notes.txt']!.error).toMatch(/^UNKNOWN_FILE/);
    expect(r.files.filter((f) => f.status === 'rejected')).toHaveLength(5);
  });

  it('records the code of a rejected or skipped file apart from its message', async () => {
    const wh = await ingestedWarehouse({
      '2024-01': {
        'cases.csv': ONE_CASE,
        'messages.csv': csv(`message_id,case_id,direction
          M1,C1,CLIENT`), // sent_at missing
        'notes.txt': 'hello',
      },
    });
    expect(
      await wh.all(`select file, status, error_code from manifest where delivery = '2024-01' order by file`),
    ).toEqual([
      { file: 'cases.csv', status: 'loaded', error_code: null },
      { file: 'messages.csv', status: 'rejected', error_code: 'MISSING_COLUMN' },
      { file: 'notes.txt', status: 'skipped', error_code: 'UNKNOWN_FILE' },
    ]);
  });

  it('gives files recorded before error_code existed the code their message starts with', async () => {
    const wh = await memoryWarehouse();
    await wh.run(`insert into manifest (file_id, delivery, table_name, file, sha256, status, error, ingested_at, run_id)
      values (1, '2024-01', 'messages', 'messages.csv', 'x', 'rejected', 'MISSING_COLUMN: messages.csv lacks sent_at', now()::timestamp, 'old'),
             (2, '2024-01', null, 'notes.txt', 'y', 'skipped', 'UNKNOWN_FILE: notes.txt is not a contract table', now()::timestamp, 'old')`);
    await ensureSchema(wh);
    expect(await wh.all(`select file, error_code from manifest order by file_id`)).toEqual([
      { file: 'messages.csv', error_code: 'MISSING_COLUMN' },
      { file: 'notes.txt', error_code: 'UNKNOWN_FILE' },
    ]);
  });

  it('reads BOM, CRLF, quoted fields, any column order, extra columns, absent optional columns', async () => {
    const { wh, result: r } = await ingestDeliveries({
      '2024-01': { 'cases.csv': readFileSync(join(FIXTURES, 'dialect', 'cases.csv')) },
    });
    expect(r.warnings.join()).toMatch(/extra column\(s\) ignored: note/);
    expect(
      await wh.all(
        `select case_id, person_id, program, service_manager, closed_on, members from hist_cases order by line`,
      ),
    ).toEqual([
      {
        case_id: 'C1',
        person_id: 'P1',
        program: 'OW',
        service_manager: 'TOR',
        closed_on: null,
        members: 1,
      },
      {
        case_id: 'C2',
        person_id: 'P2',
        program: 'ODSP',
        service_manager: 'HAM',
        closed_on: null,
        members: 2,
      },
      {
        case_id: 'C3',
        person_id: 'P3',
        program: 'OW',
        service_manager: 'OTT',
        closed_on: null,
        members: 3,
      },
    ]);
    // Line 5 holds a quoted field spanning two lines (a bad code); the next record starts on line 7.
    expect(await quarantined(wh)).toEqual([{ table: 'cases', line: 5, reasons: 'BAD_CODE', retry: false }]);
    expect(await wh.value(`select line from hist_cases where case_id = 'C3'`)).toBe(7);
  });

  it('reads csv.gz and Parquet deliveries like CSV', async () => {
    const text = csv(`${CASES_HEADER}
      C1,P1,OW,TOR,2023-06-01,,,SINGLE,1,1980
      C2,P2,OW,TOR,2023-06-01,2023-07-01,EMPLOYMENT,SINGLE,1,1980`);
    const { wh, root } = await ingestDeliveries({
      '2024-01': { 'cases.csv.gz': gzipSync(Buffer.from(text)) },
    });
    // A Parquet file written by DuckDB with typed columns, for February.
    writeFileSync(
      join(root, 'p.csv'),
      text.replace('C2,P2,OW,TOR,2023-06-01,2023-07-01', 'C2,P2,OW,TOR,2023-06-01,2023-08-01'),
    );
    writeDelivery(root, '2024-02', {});
    await wh.run(
      `copy (select * replace (opened_on::date as opened_on, closed_on::date as closed_on, members::integer as members)
        from read_csv('${join(root, 'p.csv')}', all_varchar = true)) to '${join(root, '2024-02', 'cases.parquet')}' (format parquet)`,
    );
    await ingestDir(wh, root);
    const m = await manifest(wh);
    expect(m['2024-01/cases.csv.gz']).toMatchObject({ rows_read: 2, loaded: 2 });
    // C1 identical to its latest version (collapsed); C2 changed its closed_on (loaded).
    expect(m['2024-02/cases.parquet']).toMatchObject({
      rows_read: 2,
      loaded: 1,
      collapsed: 1,
      quarantined: 0,
    });
    expect(await wh.value(`select line from hist_cases where delivery = '2024-02'`)).toBe(3);
  });
});

describe('rows the CSV reader cannot split', () => {
  const row = (n: number): string => `C${n},P${n},OW,TOR,2023-06-01,,,SINGLE,1,1980`;

  it('a stray quote on row 10 of 140 quarantines that row alone (BAD_TYPE, its line); the other 139 load', async () => {
    const rows = Array.from({ length: 140 }, (_, i) => row(i + 1));
    rows[9] = 'C10,P10,OW,"TOR,2023-06-01,,,SINGLE,1,1980'; // row 10 is on line 11 (the header is line 1)
    const wh = await ingestedWarehouse({
      '2024-01': { 'cases.csv': [CASES_HEADER, ...rows].join('\n') + '\n' },
    });
    expect((await manifest(wh))['2024-01/cases.csv']).toMatchObject({
      status: 'loaded',
      rows_read: 140,
      loaded: 139,
      collapsed: 0,
      quarantined: 1,
    });
    expect(await quarantined(wh)).toEqual([{ table: 'cases', line: 11, reasons: 'BAD_TYPE', retry: false }]);
    expect(await wh.value(`select messages from quarantine`)).toMatch(/^BAD_TYPE: unterminated quote/);
    // The row after it is read from its own line.
    expect(await wh.value(`select line from hist_cases where case_id = 'C11'`)).toBe(12);
  });

  it('mixed line ends load; a line over the reader’s limit is quarantined with 1,000 characters of it', async () => {
    const long = `C3,P3,OW,TOR,2023-06-01,,,SINGLE,1,${'9'.repeat(3_000_000)}`;
    const wh = await ingestedWarehouse({
      '2024-01': {
        // Lines: header 1 (CRLF), C1 2 (LF), C2 3 (CRLF), C3 4 (over the limit), C4 5 (CRLF).
        'cases.csv': `${CASES_HEADER}\r\n${row(1)}\n${row(2)}\r\n${long}\n${row(4)}\r\n`,
      },
    });
    expect((await manifest(wh))['2024-01/cases.csv']).toMatchObject({
      status: 'loaded',
      rows_read: 4,
      loaded: 3,
      quarantined: 1,
    });
    expect(await quarantined(wh)).toEqual([{ table: 'cases', line: 4, reasons: 'BAD_TYPE', retry: false }]);
    expect(await wh.one(`select length(raw)::integer as chars, messages from quarantine`)).toEqual({
      chars: 1000,
      messages:
        "BAD_TYPE: line 4 is longer than the reader's limit of 2097152 bytes (3000035 bytes); raw holds its first 1000 characters",
    });
    expect(
      await wh.all(`select case_id, birth_year::varchar as birth_year from hist_cases order by line`),
    ).toEqual([
      { case_id: 'C1', birth_year: '1980' },
      { case_id: 'C2', birth_year: '1980' },
      { case_id: 'C4', birth_year: '1980' },
    ]);
  });

  it('rejects a file with two header fields naming one column (DUPLICATE_COLUMN)', async () => {
    const wh = await ingestedWarehouse({
      '2024-01': {
        'cases.csv': `${CASES_HEADER},Case_ID\n${row(1)},C9\n`,
      },
    });
    expect((await manifest(wh))['2024-01/cases.csv']).toMatchObject({
      status: 'rejected',
      rows_read: 0,
      error: 'DUPLICATE_COLUMN: cases.csv names column case_id twice (header fields 1 and 11)',
    });
    expect(await wh.value(`select count(*) from hist_cases`)).toBe(0);
  });
});

describe('versions', () => {
  it('re-ingesting identical files is a no-op; a changed file is a restatement that replaces its rows', async () => {
    const { wh, root } = await ingestDeliveries({
      '2024-01': {
        'cases.csv': csv(`${CASES_HEADER}
          C1,P1,OW,TOR,2023-06-01,,,SINGLE,1,1980
          C2,P2,OW,TOR,2023-06-01,,,SINGLE,1,1980
          C3,P3,OW,tor,2023-06-01,,,SINGLE,1,1980`),
      },
    });
    const again = await ingestDir(wh, root);
    expect(again.files).toEqual([]);
    expect(again.unchanged).toBe(1);
    expect(await wh.value(`select count(*) from hist_cases`)).toBe(2);

    // The restated file drops C2, fixes C3 and changes C1's members.
    writeDelivery(root, '2024-01', {
      'cases.csv': csv(`${CASES_HEADER}
        C1,P1,OW,TOR,2023-06-01,,,SINGLE,2,1980
        C3,P3,OW,TOR,2023-06-01,,,SINGLE,1,1980`),
    });
    const r = await ingestDir(wh, root);
    expect(r.files[0]).toMatchObject({ status: 'restated', rowsRead: 2, loaded: 2, quarantined: 0 });
    expect(
      await wh.all(`select case_id, members::varchar as members from hist_cases order by case_id`),
    ).toEqual([
      { case_id: 'C1', members: '2' },
      { case_id: 'C3', members: '1' },
    ]);
    expect(await wh.value(`select count(*) from quarantine`)).toBe(0);
    expect(await wh.all(`select status from manifest order by file_id`)).toEqual([
      { status: 'superseded' },
      { status: 'restated' },
    ]);
  });

  it('does not re-read unchanged files, but sees a changed one even when its size is the same', async () => {
    const file = (members: number) =>
      csv(`${CASES_HEADER}
        C1,P1,OW,TOR,2023-06-01,,,SINGLE,${members},1980`);
    const { wh, root } = await ingestDeliveries({ '2024-01': { 'cases.csv': file(1) } });
    // Same bytes, new modification time: read again, found identical, nothing to do.
    const path = join(root, '2024-01', 'cases.csv');
    utimesSync(path, new Date(2030, 0, 1), new Date(2030, 0, 1));
    expect((await ingestDir(wh, root)).files).toEqual([]);
    // Other bytes of the same size: a restatement.
    writeFileSync(path, file(2));
    utimesSync(path, new Date(2031, 0, 1), new Date(2031, 0, 1));
    expect((await ingestDir(wh, root)).files.map((f) => f.status)).toEqual(['restated']);
  });

  it('a rejected re-delivery keeps the loaded version in force; a later good one restates it', async () => {
    const good = (members: number) =>
      csv(`${CASES_HEADER}
        C1,P1,OW,TOR,2023-06-01,,,SINGLE,${members},1980`);
    const { wh, root } = await ingestDeliveries({ '2024-01': { 'cases.csv': good(1) } });
    writeDelivery(root, '2024-01', { 'cases.csv': 'case_id,person_id\nC1,P1\n' });
    await ingestDir(wh, root);
    expect(await wh.all(`select status from manifest where status <> 'superseded' order by file_id`)).toEqual(
      [{ status: 'loaded' }, { status: 'rejected' }],
    );
    expect(await wh.value(`select members from hist_cases`)).toBe(1);
    writeDelivery(root, '2024-01', { 'cases.csv': good(2) });
    await ingestDir(wh, root);
    expect(await wh.all(`select status from manifest where status <> 'superseded'`)).toEqual([
      { status: 'restated' },
    ]);
    expect(await wh.all(`select members, is_current from hist_cases`)).toEqual([
      { members: 2, is_current: true },
    ]);
  });

  it('keeps every version; the latest delivery wins; identical re-deliveries collapse ("733" and "733.00" differ)', async () => {
    const wh = await ingestedWarehouse({
      '2024-01': {
        'cases.csv': ONE_CASE,
        'payments.csv': csv(`${PAYMENTS_HEADER}
          PA1,C1,2024-01,2024-01-01,SHELTER,733,`),
      },
      '2024-02': {
        'cases.csv': csv(`${CASES_HEADER}
          C1,P1,OW,HAM,2023-06-01,2024-02-10,EMPLOYMENT,SINGLE,1,1980`),
        'payments.csv': csv(`${PAYMENTS_HEADER}
          PA1,C1,2024-01,2024-01-01,SHELTER,733.00,`),
      },
      '2024-03': {
        'cases.csv': csv(`${CASES_HEADER}
          C1,P1,OW,HAM,2023-06-01,2024-02-10,EMPLOYMENT,SINGLE,1,1980`),
      },
    });
    expect(await wh.all(`select delivery, service_manager from hist_cases order by delivery`)).toEqual([
      { delivery: '2024-01', service_manager: 'TOR' },
      { delivery: '2024-02', service_manager: 'HAM' },
    ]);
    expect(await wh.value(`select count(*) from hist_payments`)).toBe(2);
    const m = await manifest(wh);
    expect(m['2024-03/cases.csv']).toMatchObject({ rows_read: 1, loaded: 0, collapsed: 1 });
  });

  it('a code is stored trimmed, yet a re-delivery that differs only by its spaces is a new version', async () => {
    // " TOR" and "TOR" are the same code (extracts.md: codes match after trimming) but not the same delivered
    // text, and collapsing compares delivered text: 2024-02 loads a second version, 2024-03 collapses onto it.
    const wh = await ingestedWarehouse({
      '2024-01': {
        'cases.csv': csv(`${CASES_HEADER}
          C1,P1,OW, TOR,2023-06-01,,,SINGLE,1,1980`),
      },
      '2024-02': { 'cases.csv': ONE_CASE },
      '2024-03': { 'cases.csv': ONE_CASE },
    });
    expect(
      await wh.all(`select delivery, service_manager, is_current from hist_cases order by delivery`),
    ).toEqual([
      { delivery: '2024-01', service_manager: 'TOR', is_current: false },
      { delivery: '2024-02', service_manager: 'TOR', is_current: true },
    ]);
    const m = await manifest(wh);
    expect(m['2024-02/cases.csv']).toMatchObject({ rows_read: 1, loaded: 1, collapsed: 0 });
    expect(m['2024-03/cases.csv']).toMatchObject({ rows_read: 1, loaded: 0, collapsed: 1 });
  });

  it('composite keys: a changed income report becomes the current version, an identical one collapses', async () => {
    const wh = await ingestedWarehouse({
      '2024-01': {
        'cases.csv': ONE_CASE,
        'income_reports.csv': csv(`case_id,benefit_month,employment_earnings,reported_on
          C1,2024-01,500.00,2024-01-20
          C1,2024-01,650.00,2024-01-25`),
      },
      '2024-02': {
        'income_reports.csv': csv(`case_id,benefit_month,employment_earnings,reported_on
          C1,2024-01,500.00,2024-01-20
          C1,2024-01,700.00,2024-01-25`),
      },
    });
    expect(
      await wh.all(
        `select delivery, reported_on::varchar as reported_on, employment_earnings::varchar as employment_earnings, is_current from hist_income_reports order by delivery, reported_on`,
      ),
    ).toEqual([
      { delivery: '2024-01', reported_on: '2024-01-20', employment_earnings: '500.00', is_current: true },
      { delivery: '2024-01', reported_on: '2024-01-25', employment_earnings: '650.00', is_current: false },
      { delivery: '2024-02', reported_on: '2024-01-25', employment_earnings: '700.00', is_current: true },
    ]);
    expect((await manifest(wh))['2024-02/income_reports.csv']).toMatchObject({
      rows_read: 2,
      loaded: 1,
      collapsed: 1,
    });
  });

  it('a restatement that drops a case holds its loaded rows as UNKNOWN_CASE, as a fresh load would', async () => {
    // 2024-01 first delivers C1 and C2 with a payment each; its cases file is then restated without C2.
    const first = TWO_CASES;
    const restated = ONE_CASE;
    const payments = csv(`${PAYMENTS_HEADER}
      PA1,C1,2024-01,2024-01-01,SHELTER,390.00,
      PA2,C2,2024-01,2024-01-01,SHELTER,390.00,`);
    const feb = csv(`${PAYMENTS_HEADER}
      PB2,C2,2024-02,2024-02-01,SHELTER,390.00,`);
    const { wh, root: restating } = await ingestDeliveries({
      '2024-01': { 'cases.csv': first, 'payments.csv': payments },
      '2024-02': { 'cases.csv': restated, 'payments.csv': feb },
    });
    writeDelivery(restating, '2024-01', { 'cases.csv': restated });
    await ingestDir(wh, restating);
    // The same final files, loaded into a new warehouse at once.
    const wh2 = await ingestedWarehouse({
      '2024-01': { 'cases.csv': restated, 'payments.csv': payments },
      '2024-02': { 'cases.csv': restated, 'payments.csv': feb },
    });
    // deliveries.csv's columns but status: the restated file is `restated` on one path, `loaded` on the other.
    const deliveries = (w: Warehouse) =>
      w.all(`select delivery, table_name, file, sha256, rows_read, loaded, collapsed, quarantined, error
             from manifest where status <> 'superseded' order by delivery, table_name`);
    expect(await deliveries(wh)).toEqual(await deliveries(wh2));
    // PA2 (2024-01, line 3) and PB2 (2024-02, line 2) are held for C2 on both paths, and nothing of C2 is loaded.
    const held = (w: Warehouse) =>
      w.all(
        `select delivery, table_name, line::integer as line, reasons, retry from quarantine order by delivery`,
      );
    expect(await held(wh)).toEqual([
      { delivery: '2024-01', table_name: 'payments', line: 3, reasons: 'UNKNOWN_CASE', retry: true },
      { delivery: '2024-02', table_name: 'payments', line: 2, reasons: 'UNKNOWN_CASE', retry: true },
    ]);
    expect(await held(wh2)).toEqual(await held(wh));
    expect(await wh.value(`select count(*) from hist_payments where case_id = 'C2'`)).toBe(0);
    expect(await wh.value(`select raw from quarantine where delivery = '2024-01'`)).toBe(
      'PA2,C2,2024-01,2024-01-01,SHELTER,390.00,',
    );
  });

  it('a row held again after a restatement keeps its delivered text for collapsing ("390" is not "390.00")', async () => {
    // PA2 is delivered as "390". 2024-01's cases file is restated without C2, so PA2 (loaded, stored as
    // 390.00) is held as UNKNOWN_CASE. 2024-02 brings C2 back with PA2 again, as "390": the file's PA2 loads,
    // then the held PA2 is retried and is identical to it as delivered, so it collapses. Had the held row been
    // judged by its stored value written out ("390.00"), it would have loaded as another version.
    const payments = csv(`${PAYMENTS_HEADER}
      PA2,C2,2024-01,2024-01-01,SHELTER,390,`);
    const { wh, root } = await ingestDeliveries({
      '2024-01': { 'cases.csv': TWO_CASES, 'payments.csv': payments },
    });
    writeDelivery(root, '2024-01', { 'cases.csv': ONE_CASE });
    await ingestDir(wh, root);
    expect(await quarantined(wh)).toEqual([
      { table: 'payments', line: 2, reasons: 'UNKNOWN_CASE', retry: true },
    ]);
    writeDelivery(root, '2024-02', { 'cases.csv': TWO_CASES, 'payments.csv': payments });
    await ingestDir(wh, root);
    expect(await quarantined(wh)).toEqual([]);
    const m = await manifest(wh);
    expect(m['2024-01/payments.csv']).toMatchObject({
      rows_read: 1,
      loaded: 0,
      collapsed: 1,
      quarantined: 0,
    });
    expect(m['2024-02/payments.csv']).toMatchObject({
      rows_read: 1,
      loaded: 1,
      collapsed: 0,
      quarantined: 0,
    });
    expect(
      await wh.all(`select delivery, amount::varchar as amount from hist_payments order by delivery`),
    ).toEqual([{ delivery: '2024-02', amount: '390.00' }]);
  });

  it('a row held again after a restatement shows in the quarantine the fields it was delivered with', async () => {
    // PA2 is delivered with " SHELTER" (a code with a space) and 733 (no cents), PA3 as written out in full.
    // Both load for C2, then 2024-01's cases file is restated without C2 and both are held again: their raw
    // text is their delivered fields, in the contract's order, not the stored values ("SHELTER", 733.00).
    const { wh, root } = await ingestDeliveries({
      '2024-01': {
        'cases.csv': TWO_CASES,
        'payments.csv': csv(`${PAYMENTS_HEADER}
          PA2,C2,2024-01,2024-01-01, SHELTER,733,
          PA3,C2,2024-01,2024-01-01,BASIC_NEEDS,390.00,`),
      },
    });
    writeDelivery(root, '2024-01', { 'cases.csv': ONE_CASE });
    await ingestDir(wh, root);
    expect(await wh.all(`select line::integer as line, raw, fields from quarantine order by line`)).toEqual([
      {
        line: 2,
        raw: 'PA2,C2,2024-01,2024-01-01, SHELTER,733,',
        fields: ['PA2', 'C2', '2024-01', '2024-01-01', ' SHELTER', '733', null],
      },
      {
        line: 3,
        raw: 'PA3,C2,2024-01,2024-01-01,BASIC_NEEDS,390.00,',
        fields: ['PA3', 'C2', '2024-01', '2024-01-01', 'BASIC_NEEDS', '390.00', null],
      },
    ]);
  });

  it('a failed delivery keeps nothing of itself (one transaction); the next run loads every delivery as a fresh one would', async () => {
    // Break the warehouse under 2024-01's payments step: the delivery must roll back entirely, and the run
    // stops there.
    const root = deliveryFolder({
      '2024-01': {
        'cases.csv': ONE_CASE,
        'payments.csv': csv(`${PAYMENTS_HEADER}\nPA1,C1,2024-01,2024-01-01,SHELTER,1.00,`),
      },
      '2024-02': {
        'cases.csv': TWO_CASES,
        'payments.csv': csv(`${PAYMENTS_HEADER}\nPA2,C2,2024-02,2024-02-01,SHELTER,2.00,`),
      },
    });
    const wh = await memoryWarehouse();
    await wh.run(`drop table hist_payments`);
    await expect(ingestDir(wh, root)).rejects.toThrow(/hist_payments/);
    expect(await wh.value(`select count(*) from hist_cases`)).toBe(0);
    expect(await wh.value(`select count(*) from manifest`)).toBe(0);

    await ensureSchema(wh);
    await ingestDir(wh, root);
    // C1 from 2024-01, identical in 2024-02 (collapsed), C2 new in 2024-02; one payment in each.
    const loaded = (rows_read: number, loaded: number, collapsed: number) => ({
      status: 'loaded',
      rows_read,
      loaded,
      collapsed,
      quarantined: 0,
      error: null,
    });
    expect(await manifest(wh)).toEqual({
      '2024-01/cases.csv': loaded(1, 1, 0),
      '2024-01/payments.csv': loaded(1, 1, 0),
      '2024-02/cases.csv': loaded(2, 1, 1),
      '2024-02/payments.csv': loaded(1, 1, 0),
    });
    expect(
      await wh.all(`select payment_id, amount::varchar as amount from hist_payments order by payment_id`),
    ).toEqual([
      { payment_id: 'PA1', amount: '1.00' },
      { payment_id: 'PA2', amount: '2.00' },
    ]);
  });
});

describe('fixture sanity', () => {
  it('the dialect fixture really has a BOM and CRLF line ends', () => {
    const bytes = readFileSync(join(FIXTURES, 'dialect', 'cases.csv'));
    expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    expect(bytes.toString('utf8')).toContain('\r\n');
  });
});
