// `sa-outcomes backfill`: queues one backfill-month job per month, keyed by month so that queueing a month
// again folds into its waiting job; `--retry-failed` queues only the months whose last backfill failed.
import type { WorkerUtils } from 'graphile-worker';
import type { Warehouse } from '../warehouse.ts';
import { queueJob } from './queue.ts';

/** The months from `from` to `to`, both YYYY-MM, inclusive. */
export function monthRange(from: string, to: string): string[] {
  const index = (m: string): number => Number(m.slice(0, 4)) * 12 + Number(m.slice(5, 7)) - 1;
  if (index(from) > index(to)) throw new Error(`--from ${from} is after --to ${to}`);
  const months: string[] = [];
  for (let i = index(from); i <= index(to); i++)
    months.push(`${Math.floor(i / 12)}-${String((i % 12) + 1).padStart(2, '0')}`);
  return months;
}

/** The months whose last backfill failed (or was abandoned by a killed worker), from month_status. */
export async function failedBackfillMonths(wh: Warehouse): Promise<string[]> {
  const rows = await wh.db
    .selectFrom('month_status')
    .where('backfill_status', '=', 'failed')
    .select('month')
    .orderBy('month')
    .execute();
  return rows.map((r) => r.month);
}

export const backfillJobKey = (month: string): string => `backfill-month:${month}`;

export async function queueBackfill(utils: WorkerUtils, months: string[]): Promise<void> {
  for (const month of months)
    await queueJob(utils.addJob, 'backfill-month', { trigger: 'backfill', month }, backfillJobKey(month));
}
