// What counts as a delivery (extracts.md "Deliveries", "Order of work"): folders of table files dated no later
// than the current Toronto month. Everything else under the extracts folder gets one line and is left alone.
import { mkdirSync, symlinkSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import {
  ExtractsMissing,
  FutureDelivery,
  fileOfEachTable,
  listDeliveries,
  pendingDeliveries,
  torontoMonth,
} from '../../../pipelines/extracts/deliveries.ts';
import { ingest } from '../../../pipelines/extracts/ingest.ts';
import {
  ONE_CASE,
  c1ShelterPayment,
  deliveryFolder,
  ingestDir,
  memoryWarehouse,
  oneCaseMonth,
  tempDir,
  writeDelivery,
} from '../../helpers.ts';

describe('torontoMonth', () => {
  it('reads the month on Toronto’s wall clock, not UTC’s', () => {
    // 2024-02-01T03:00Z is 22:00 on January 31 in Toronto (EST, UTC−5).
    expect(torontoMonth(new Date('2024-02-01T03:00:00Z'))).toBe('2024-01');
    expect(torontoMonth(new Date('2024-02-01T05:00:00Z'))).toBe('2024-02');
  });
});

describe('fileOfEachTable', () => {
  it('reads each table from its first file in name order; a second file of a table, or another file, is not', () => {
    // In name order: cases.csv < cases.csv.gz < cases.parquet; notes.txt names no table.
    const files = [
      { file: 'cases.csv', table: 'cases' as const },
      { file: 'cases.csv.gz', table: 'cases' as const },
      { file: 'cases.parquet', table: 'cases' as const },
      { file: 'notes.txt', table: null },
      { file: 'payments.parquet', table: 'payments' as const },
    ];
    const picked = fileOfEachTable(files);
    expect([...picked].map(([table, f]) => [table, f.file])).toEqual([
      ['cases', 'cases.csv'],
      ['payments', 'payments.parquet'],
    ]);
  });
});

describe('listDeliveries', () => {
  it('a YYYY-MM folder without a table file is reported and is not a delivery', async () => {
    const root = deliveryFolder({
      '2024-01': oneCaseMonth('2024-01'),
      '2030-01': { 'notes.txt': 'to be delivered' },
    });
    mkdirSync(join(root, '2024-02'));
    const { deliveries, notices } = await listDeliveries(root);
    expect(deliveries.map((d) => d.delivery)).toEqual(['2024-01']);
    expect(notices).toEqual([
      '2024-02: holds no table file; not a delivery, ignored',
      '2030-01: holds no table file (only notes.txt); not a delivery, ignored',
    ]);
  });

  it('names each misnamed folder and file in one line; hidden ones are passed over', async () => {
    const root = tempDir();
    writeDelivery(root, '2023-11', { 'cases.csv': ONE_CASE, 'Referrals.csv': 'x', 'payments.txt': 'x' });
    writeDelivery(root, '2023-1', { 'cases.csv': ONE_CASE });
    writeDelivery(root, '2023_11', { 'cases.csv': ONE_CASE });
    writeDelivery(root, '.2023-12.part', { 'cases.csv': ONE_CASE });
    writeFileSync(join(root, 'README.txt'), 'x');
    const { deliveries, notices } = await listDeliveries(root);
    expect(deliveries.map((d) => d.delivery)).toEqual(['2023-11']);
    expect(notices).toEqual([
      '2023-1: not a delivery folder (a folder named YYYY-MM, from 1900, month 01–12); ignored — rename it YYYY-MM',
      '2023-11/Referrals.csv: not a table file (<table>.csv, .csv.gz or .parquet) (did you mean referrals.csv? names are lower case); skipped',
      '2023-11/payments.txt: not a table file (<table>.csv, .csv.gz or .parquet); skipped',
      '2023_11: not a delivery folder (a folder named YYYY-MM, from 1900, month 01–12); ignored — rename it YYYY-MM',
      'README.txt: not a delivery folder (a folder named YYYY-MM, from 1900, month 01–12); ignored',
    ]);
  });

  it('refuses a delivery folder or file that is a symbolic link leading outside the extracts folder', async () => {
    const outside = tempDir();
    writeDelivery(outside, 'secret', { 'cases.csv': ONE_CASE });
    writeFileSync(join(outside, 'payments.csv'), c1ShelterPayment('2024-01'));
    const root = tempDir();
    mkdirSync(join(root, 'archive'));
    writeDelivery(join(root, 'archive'), '2024-02', { 'cases.csv': ONE_CASE });
    symlinkSync(join(outside, 'secret'), join(root, '2024-01'));
    // A link inside the extracts folder is followed: it is a delivery like any other.
    symlinkSync(join(root, 'archive', '2024-02'), join(root, '2024-02'));
    writeDelivery(root, '2024-03', { 'cases.csv': ONE_CASE });
    symlinkSync(join(outside, 'payments.csv'), join(root, '2024-03', 'payments.csv'));
    const { deliveries, notices } = await listDeliveries(root);
    expect(deliveries.map((d) => [d.delivery, d.files.map((f) => f.file)])).toEqual([
      ['2024-02', ['cases.csv']],
      ['2024-03', ['cases.csv']],
    ]);
    expect(notices).toContain(
      `2024-01: a symbolic link to ${join(outside, 'secret')}, outside the extracts folder; refused, nothing of it is read`,
    );
    expect(notices).toContain(
      `2024-03/payments.csv: a symbolic link to ${join(outside, 'payments.csv')}, outside the extracts folder; refused`,
    );
  });

  it('refuses a link to another delivery, names what is not a regular file, and escapes names', async () => {
    const root = deliveryFolder({ '2024-04': oneCaseMonth('2024-04') });
    // 2024-05 → 2024-04 would deliver April's files again as May's (every row collapsing, May paid nothing).
    symlinkSync(join(root, '2024-04'), join(root, '2024-05'));
    writeDelivery(root, '2024-06', { 'cases.csv': ONE_CASE });
    mkdirSync(join(root, '2024-06', 'payments.csv'));
    symlinkSync(join(root, 'nowhere.csv'), join(root, '2024-06', 'referrals.csv'));
    writeFileSync(join(root, '2024-06', 'notes\nattention: none'), 'x');
    writeDelivery(root, '0024-05', { 'cases.csv': ONE_CASE });
    const { deliveries, notices } = await listDeliveries(root);
    expect(deliveries.map((d) => [d.delivery, d.files.map((f) => f.file)])).toEqual([
      ['2024-04', ['cases.csv', 'payments.csv']],
      ['2024-06', ['cases.csv', 'notes\nattention: none']],
    ]);
    expect(notices).toEqual([
      '0024-05: not a delivery folder (a folder named YYYY-MM, from 1900, month 01–12); ignored — rename it YYYY-MM',
      '2024-05: a symbolic link to the delivery 2024-04; refused, nothing of it is read',
      '2024-06/payments.csv: not a regular file; skipped',
      '2024-06/referrals.csv: a broken symbolic link; skipped',
      // The line feed in the name is shown as \n: the name cannot forge a line of its own.
      '2024-06/notes\\nattention: none: not a table file (<table>.csv, .csv.gz or .parquet); skipped',
    ]);
  });

  it('fails, naming the folder, when the extracts folder does not exist', async () => {
    const missing = join(tempDir(), 'no-such-folder');
    await expect(listDeliveries(missing)).rejects.toThrow(ExtractsMissing);
    await expect(listDeliveries(missing)).rejects.toThrow(`the extracts folder ${missing} does not exist`);
  });
});

describe('pendingDeliveries', () => {
  it('refuses a delivery dated after the current Toronto month, before anything is read', async () => {
    const root = deliveryFolder({ '2024-01': oneCaseMonth('2024-01'), '2024-02': { 'cases.csv': ONE_CASE } });
    const wh = await memoryWarehouse();
    // On 2024-02-01 at noon in Toronto, 2024-02 is the current month: both are deliveries.
    const feb = new Date('2024-02-01T17:00:00Z');
    expect((await pendingDeliveries(wh, root, feb)).pending.map((p) => p.delivery)).toEqual([
      '2024-01',
      '2024-02',
    ]);
    // At 22:00 on January 31 in Toronto (03:00 UTC on February 1), 2024-02 is still in the future.
    const jan = new Date('2024-02-01T03:00:00Z');
    await expect(pendingDeliveries(wh, root, jan)).rejects.toThrow(FutureDelivery);
    await expect(ingest(wh, { extracts: root, runId: 't', now: jan })).rejects.toThrow(
      'FUTURE_DELIVERY: 2024-02 is dated after the current month (2024-01, Toronto time); nothing was loaded and nothing published.',
    );
    // Nothing of either delivery was loaded; today (2026 or later) both are in the past and load.
    expect(await wh.value('select count(*) from manifest')).toBe(0);
    expect(await wh.value('select count(*) from hist_cases')).toBe(0);
    expect((await ingestDir(wh, root)).deliveries).toEqual(['2024-01', '2024-02']);
  });
});
