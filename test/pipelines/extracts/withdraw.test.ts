// `sa-outcomes withdraw YYYY-MM` (extracts.md "Order of work"): the delivery's row versions, quarantine rows
// and manifest rows go, the versions it replaced are in force again, its files are not loaded again unless
// they change, and what is published next equals a run that never saw it.
import { cpSync, readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { generateDemo } from '../../../pipelines/extracts/demo.ts';
import { withdraw } from '../../../pipelines/extracts/withdraw.ts';
import { runPipeline } from '../../../pipelines/pipeline.ts';
import { publish } from '../../../pipelines/publish/publish.ts';
import {
  CASES_HEADER,
  ONE_CASE,
  PAYMENTS_HEADER,
  csv,
  ingestDeliveries,
  ingestDir,
  tempDir,
  withWarehouse,
  writeDelivery,
} from '../../helpers.ts';

describe('withdraw', () => {
  it('removes what the delivery brought and puts the versions it replaced back in force', async () => {
    const { wh, root } = await ingestDeliveries({
      // January: C1 in TOR, paid 390; C2's payment arrives before C2 (held as UNKNOWN_CASE).
      '2024-01': {
        'cases.csv': ONE_CASE,
        'payments.csv': csv(`${PAYMENTS_HEADER}
          PA1,C1,2024-01,2024-01-01,SHELTER,390.00,
          PA2,C2,2024-01,2024-01-01,SHELTER,390.00,`),
      },
      // February: C1 moves to HAM, PA1 is corrected to 400, C2 arrives (so PA2 loads on retry), a bad row.
      '2024-02': {
        'cases.csv': csv(`${CASES_HEADER}
          C1,P1,OW,HAM,2023-06-01,,,SINGLE,1,1980
          C2,P2,OW,TOR,2023-06-01,,,SINGLE,1,1980
          C3,P3,OW,tor,2023-06-01,,,SINGLE,1,1980`),
        'payments.csv': csv(`${PAYMENTS_HEADER}
          PA1,C1,2024-01,2024-01-01,SHELTER,400.00,`),
      },
    });
    expect(await wh.value(`select count(*) from quarantine`)).toBe(1); // C3's bad code

    const r = await withdraw(wh, { delivery: '2024-02', extracts: root, runId: 'w' });
    expect(r.files).toEqual(['cases.csv', 'payments.csv']);
    // February brought C1 (HAM), C2 and PA1 (400): 3 versions; C3 was quarantined.
    expect([r.versions, r.quarantined]).toEqual([3, 1]);
    // January's versions are in force again: C1 in TOR, PA1 at 390; PA2 is held again for its unknown case.
    expect(
      await wh.all(`select case_id, service_manager, delivery from hist_cases where is_current`),
    ).toEqual([{ case_id: 'C1', service_manager: 'TOR', delivery: '2024-01' }]);
    expect(
      await wh.all(`select payment_id, amount::varchar as amount from hist_payments where is_current`),
    ).toEqual([{ payment_id: 'PA1', amount: '390.00' }]);
    expect(await wh.all(`select delivery, line::integer as line, reasons from quarantine`)).toEqual([
      { delivery: '2024-01', line: 3, reasons: 'UNKNOWN_CASE' },
    ]);
    expect(await wh.value(`select count(*) from manifest where delivery = '2024-02'`)).toBe(0);
    expect(await wh.value(`select as_of_month from as_of_month`)).toBe('2024-01');

    // The withdrawn files are not loaded again while unchanged; a changed one is.
    const again = await ingestDir(wh, root);
    expect([again.deliveries, again.unchanged]).toEqual([[], 4]);
    expect(again.notices).toContain('2024-02: withdrawn; its files are not loaded again unless they change');
    writeDelivery(root, '2024-02', {
      'payments.csv': csv(`${PAYMENTS_HEADER}
        PA1,C1,2024-01,2024-01-01,SHELTER,410.00,`),
    });
    const changed = await ingestDir(wh, root);
    expect(changed.files.map((f) => [f.delivery, f.file, f.status])).toEqual([
      ['2024-02', 'payments.csv', 'loaded'],
    ]);
  });

  it('refuses what it cannot do, changing nothing', async () => {
    const { wh, root } = await ingestDeliveries({
      '2024-01': { 'cases.csv': ONE_CASE },
      '2024-02': {
        'cases.csv': csv(`${CASES_HEADER}
          C1,P1,OW,HAM,2023-06-01,,,SINGLE,1,1980`),
      },
    });
    await expect(withdraw(wh, { delivery: '2023-12', extracts: root, runId: 'w' })).rejects.toThrow(
      '2023-12 is not loaded: nothing to withdraw',
    );
    const unchanged = async (): Promise<void> => {
      expect(await wh.value(`select count(*) from hist_cases`)).toBe(2);
      expect(await wh.value(`select count(*) from manifest`)).toBe(2);
      expect(await wh.value(`select count(*) from withdrawn_files`)).toBe(0);
    };
    // A future-dated folder would stop the loading again half-way: refused before anything changes.
    writeDelivery(root, '2030-01', { 'cases.csv': csv(CASES_HEADER) });
    await expect(withdraw(wh, { delivery: '2024-02', extracts: root, runId: 'w' })).rejects.toThrow(
      'FUTURE_DELIVERY: 2030-01',
    );
    await unchanged();
    rmSync(join(root, '2030-01'), { recursive: true });
    // The other deliveries are loaded again from their files: each must be the version loaded.
    writeDelivery(root, '2024-01', {
      'cases.csv': csv(`${CASES_HEADER}
        C9,P9,OW,TOR,2023-06-01,,,SINGLE,1,1980`),
    });
    await expect(withdraw(wh, { delivery: '2024-02', extracts: root, runId: 'w' })).rejects.toThrow(
      `cannot withdraw 2024-02: the other deliveries are loaded again from their files in ${root}, and 1 of them cannot be (2024-01/cases.csv is not the version loaded); nothing was changed`,
    );
    await unchanged();
    rmSync(join(root, '2024-01'), { recursive: true });
    await expect(withdraw(wh, { delivery: '2024-02', extracts: root, runId: 'w' })).rejects.toThrow(
      '1 of them cannot be (2024-01/cases.csv is missing)',
    );
    await unchanged();
  });
});

// Three pipeline runs per case: slow on a busy machine, hence the generous limit.
describe('withdraw, then run', { timeout: 900_000 }, () => {
  /** measures.csv and funding.csv of both tiers. */
  const published = (out: string): Record<string, string> =>
    Object.fromEntries(
      ['public/measures.csv', 'public/funding.csv', 'internal/measures.csv', 'internal/funding.csv'].map(
        (f) => [f, readFileSync(join(out, f), 'utf8')],
      ),
    );

  // Five small demo months with noise (quarantined rows, UNKNOWN_CASE rows loading later): withdrawing a
  // month in the middle and the last one each publish exactly what a run that never saw it publishes.
  it.each([['2024-03'], ['2024-05']])(
    'withdrawing %s publishes what a run without it publishes',
    async (month) => {
      const root = tempDir();
      const source = join(root, 'source');
      await generateDemo({ out: source, scale: 0.002, months: 5, start: '2024-01', seed: 5, noise: 0.01 });
      const warehouse = join(root, 'w.duckdb');
      const out = join(root, 'out');
      await runPipeline({ warehouse, extracts: source, out, site: false });
      await withWarehouse(warehouse, async (wh) => {
        await withdraw(wh, { delivery: month, extracts: source, runId: 'w' });
        // Until a build takes the withdrawal in, the models still hold the withdrawn figures: no publish.
        await expect(publish(wh, { out, runId: 'p', site: false })).rejects.toThrow(
          'nothing to publish: deliveries were loaded or withdrawn after the last build',
        );
      });
      const after = await runPipeline({ warehouse, extracts: source, out, site: false });
      expect(after.ingest.deliveries).toEqual([]);

      const without = join(root, 'without');
      cpSync(source, without, { recursive: true });
      rmSync(join(without, month), { recursive: true });
      const out2 = join(root, 'out2');
      await runPipeline({ warehouse: join(root, 'w2.duckdb'), extracts: without, out: out2, site: false });
      expect(published(out)).toEqual(published(out2));
    },
  );
});
