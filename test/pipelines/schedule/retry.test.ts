// A job that fails is retried with backoff, and the run history keeps every attempt; a failed build
// publishes nothing.
import { describe, expect, it } from 'vitest';
import { openQueue } from '../../../pipelines/schedule/queue.ts';
import { withWarehouse } from '../../helpers.ts';
import { SLOW_MACHINE_TIMEOUT_MS, inProcessWorkerTest, land, publishedAsOf, waitFor } from './helpers.ts';

describe('retries', { timeout: SLOW_MACHINE_TIMEOUT_MS }, () => {
  it('a build that fails twice then succeeds runs three times, all in the run history, and publishes once', async () => {
    const t = await inProcessWorkerTest({ months: 1 });
    const { db, s, log, watch } = t;
    land(s, s.months[0]!);
    // PostgreSQL's clock as each injected failure is thrown, to measure the retry delay on one clock.
    const failedAt = new Map<number, string>();
    await t.start({
      checkEvery: 3_600_000,
      // The injected failure: the first two attempts of the build job fail inside their run.
      beforeRun: async (task, job) => {
        if (task === 'build' && job.attempts <= 2) {
          const [now] = await db.query<{ t: string }>(`select clock_timestamp()::text as t`);
          failedAt.set(job.attempts, now!.t);
          throw new Error(`injected failure, attempt ${job.attempts}`);
        }
      },
    });

    // graphile-worker puts a failed job back with a delay of e^attempts seconds; rather than sit through
    // it, the test checks the delay was set (counted from the failure, not from when the test looks, which
    // a busy machine makes late) and then moves the retry to now.
    const utils = await openQueue(db.url);
    try {
      for (const attempt of [1, 2]) {
        const job = await waitFor(
          `build attempt ${attempt} to fail`,
          async () => {
            const rows = await db.query<{ id: string; delay: number }>(
              `select id, extract(epoch from run_at - $2::timestamptz)::float as delay
               from graphile_worker.jobs
               where task_identifier = 'build' and attempts = $1 and locked_at is null
                 and last_error is not null`,
              [attempt, failedAt.get(attempt)],
            );
            return rows[0];
          },
          watch,
        );
        // At least e^attempt seconds, to the microsecond PostgreSQL keeps.
        expect(job.delay).toBeGreaterThan(Math.exp(attempt) - 0.001);
        expect(publishedAsOf(s.out)).toBeNull();
        await utils.rescheduleJobs([job.id], { runAt: new Date() });
      }
    } finally {
      await utils.release();
    }
    await waitFor('the publication', () => publishedAsOf(s.out) === s.months[0], watch);
    await t.stop();

    await withWarehouse(s.warehouse, async (wh) => {
      const builds = await wh.all<{
        trigger: string;
        attempt: number;
        status: string;
        error: string | null;
        job_id: string;
      }>(
        `select trigger, attempt, status, error, job_id from runs where command = 'build' order by started_at`,
      );
      expect(builds.map((b) => [b.trigger, b.attempt, b.status])).toEqual([
        ['new-delivery', 1, 'failed'],
        ['retry', 2, 'failed'],
        ['retry', 3, 'success'],
      ]);
      expect(builds[0]!.error).toBe('injected failure, attempt 1');
      expect(new Set(builds.map((b) => b.job_id)).size).toBe(1);
      const publishes = await wh.all<{ status: string }>(`select status from runs where command = 'publish'`);
      expect(publishes).toEqual([{ status: 'success' }]);
    });
    expect(log.filter((l) => /^build .*failed: injected failure/.test(l))).toHaveLength(2);
  });
});
