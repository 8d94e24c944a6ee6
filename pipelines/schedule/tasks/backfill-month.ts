// backfill-month: rebuilds one month and republishes. The models are computed whole, so a month's rebuild
// is a full build and a publish; what is particular to the month is its check (it must be loaded) and its
// recorded outcome in month_status, which `sa-outcomes backfill --retry-failed` reads.
import type { Task } from 'graphile-worker';
import { buildSummary, publishStep, publishSummary } from '../../pipeline.ts';
import { lit, type Warehouse } from '../../warehouse.ts';
import type { JobPayload } from '../queue.ts';
import { PermanentFailure, buildOrRefuse, runJob, stepLog, type WorkerSettings } from '../run-job.ts';

async function recordBackfill(
  wh: Warehouse,
  month: string,
  runId: string,
  status: 'running' | 'success' | 'failed',
  error: string | null = null,
): Promise<void> {
  await wh.run(`insert into month_status (month, backfill_status, backfill_at, backfill_run_id, backfill_error)
    values (${lit(month)}, ${lit(status)}, now()::timestamp, ${lit(runId)}, ${error === null ? 'null' : lit(error)})
    on conflict (month) do update set backfill_status = excluded.backfill_status, backfill_at = excluded.backfill_at,
      backfill_run_id = excluded.backfill_run_id, backfill_error = excluded.backfill_error`);
}

export const backfillMonthTask =
  (s: WorkerSettings): Task =>
  async (payload, helpers) => {
    const p = payload as JobPayload;
    const month = p.month;
    if (!month || !/^\d{4}-(0[1-9]|1[0-2])$/.test(month))
      throw new Error(`backfill-month needs a month YYYY-MM in its payload, got ${JSON.stringify(payload)}`);
    await runJob(
      'backfill-month',
      { ...p, trigger: p.trigger ?? 'backfill' },
      helpers,
      s,
      async (wh, runId) => {
        await recordBackfill(wh, month, runId, 'running');
        try {
          const loaded = await wh.db
            .selectFrom('manifest')
            .where('delivery', '=', month)
            .where('status', 'in', ['loaded', 'restated'])
            .select('file_id')
            .executeTakeFirst();
          if (!loaded)
            throw new PermanentFailure(
              `no delivery is loaded for ${month}: put it in the extracts folder, then run sa-outcomes backfill --retry-failed`,
            );
          const b = await buildOrRefuse(wh, runId, s, true);
          const published = await publishStep(wh, runId, s.out, s.site, stepLog(s));
          await recordBackfill(wh, month, runId, 'success');
          return { built: b, published };
        } catch (e) {
          await recordBackfill(wh, month, runId, 'failed', (e as Error).message.split('\n')[0]!);
          throw e;
        }
      },
      (r) => `${buildSummary(r.built)}; ${publishSummary(r.published)}`,
    );
  };
