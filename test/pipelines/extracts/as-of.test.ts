// The as-of month (extracts.md "Order of work"): the latest delivery whose cases and payments files are in
// force (loaded or restated, not rejected). A later delivery whose cases or payments file was rejected is
// incomplete and does not move it; the as-of month is the one view every reader takes it from.
import { describe, expect, it } from 'vitest';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { readAsOfMonth } from '../../../pipelines/warehouse-schema.ts';
import { runPipeline } from '../../../pipelines/pipeline.ts';
import {
  ONE_CASE,
  REFERRALS_HEADER,
  c1ShelterPayment,
  csv,
  deliveryFolder,
  ingestDeliveries,
  ingestDir,
  oneCaseMonth,
  tempDir,
  writeDelivery,
} from '../../helpers.ts';

// Not UTF-8 (a lone 0xff byte): rejected whole, UNREADABLE.
const BROKEN = Buffer.from([0x63, 0x61, 0x73, 0x65, 0x5f, 0x69, 0x64, 0x0a, 0xff, 0x0a]);

describe('the as-of month', () => {
  it('is the latest delivery whose cases and payments files are loaded', async () => {
    const { wh, result: r } = await ingestDeliveries({
      '2024-01': oneCaseMonth('2024-01'),
      '2024-02': oneCaseMonth('2024-02'),
    });
    expect(r.asOfMonth).toBe('2024-02');
    expect(r.behind).toEqual([]);
    expect(await readAsOfMonth(wh.db)).toBe('2024-02');
  });

  it('does not move for a new month whose core files were rejected, which is reported as behind', async () => {
    const { wh, result: r } = await ingestDeliveries({
      '2024-01': oneCaseMonth('2024-01'),
      // 2024-02: cases rejected, payments loaded (their case C1 is known from 2024-01).
      '2024-02': { 'cases.csv': BROKEN, 'payments.csv': c1ShelterPayment('2024-02') },
      // 2024-03: both core files rejected; its referrals load.
      '2024-03': {
        'cases.csv': BROKEN,
        'payments.csv': BROKEN,
        'referrals.csv': csv(`${REFERRALS_HEADER}
          R1,C1,HOUSING,2024-03-02,Y,SENT,2024-03-02`),
      },
    });
    expect(r.asOfMonth).toBe('2024-01');
    expect(r.behind).toEqual(['2024-02', '2024-03']);
    expect(await readAsOfMonth(wh.db)).toBe('2024-01');
    // The loaded payments of 2024-02 are kept (they are not lost), but the month is not published as final.
    expect(await wh.value(`select count(*) from hist_payments where delivery = '2024-02'`)).toBe(1);
  });

  it('moves once a good file restates the rejected one', async () => {
    const { wh, result, root } = await ingestDeliveries({
      '2024-01': oneCaseMonth('2024-01'),
      '2024-02': { 'cases.csv': ONE_CASE, 'payments.csv': BROKEN },
    });
    expect(result.asOfMonth).toBe('2024-01');
    writeDelivery(root, '2024-02', { 'payments.csv': c1ShelterPayment('2024-02') });
    const r = await ingestDir(wh, root);
    expect(r.asOfMonth).toBe('2024-02');
    expect(r.behind).toEqual([]);
  });

  it('a rejected re-delivery of a loaded file keeps that file in force, and the as-of month', async () => {
    const { wh, root } = await ingestDeliveries({ '2024-01': oneCaseMonth('2024-01') });
    writeDelivery(root, '2024-01', { 'payments.csv': BROKEN });
    const r = await ingestDir(wh, root);
    expect(r.files.map((f) => f.status)).toEqual(['rejected']);
    expect(r.asOfMonth).toBe('2024-01');
  });

  it('a delivery without a payments file does not move it: its month is not backed by payments', async () => {
    const { result: r } = await ingestDeliveries({
      '2024-01': oneCaseMonth('2024-01'),
      '2024-02': { 'cases.csv': ONE_CASE },
    });
    expect(r.asOfMonth).toBe('2024-01');
    expect(r.behind).toEqual(['2024-02']);
  });

  it('folders that are not deliveries never become the as-of month', async () => {
    const { wh, result: r } = await ingestDeliveries({
      '2024-01': oneCaseMonth('2024-01'),
      '2025-01': { 'notes.txt': 'next year' },
    });
    expect(r.asOfMonth).toBe('2024-01');
    expect(r.behind).toEqual([]);
    expect(r.notices).toEqual(['2025-01: holds no table file (only notes.txt); not a delivery, ignored']);
    expect(await wh.value(`select count(*) from manifest where delivery = '2025-01'`)).toBe(0);
  });

  it('with no as-of month at all, nothing is published', async () => {
    const root = deliveryFolder({
      '2024-01': { 'cases.csv': BROKEN, 'payments.csv': c1ShelterPayment('2024-01') },
    });
    const out = join(tempDir(), 'out');
    await expect(
      runPipeline({ warehouse: join(tempDir(), 'w.duckdb'), extracts: root, out, site: false }),
    ).rejects.toThrow('nothing to publish: no delivery has both its cases and payments files in force');
    expect(existsSync(join(out, 'public'))).toBe(false);
  });
});
