// A running worker notices a delivery landing in the extracts folder and ingests, builds and publishes it;
// triggers that find the same delivery add no second run.
import { describe, expect, it } from 'vitest';
import { openQueue } from '../../../pipelines/schedule/queue.ts';
import { readMonthStatus } from '../../../pipelines/status.ts';
import { withWarehouse } from '../../helpers.ts';
import { SLOW_MACHINE_TIMEOUT_MS, inProcessWorkerTest, land, publishedAsOf, waitFor } from './helpers.ts';

describe('worker', { timeout: SLOW_MACHINE_TIMEOUT_MS }, () => {
  it('publishes a delivery that lands while it runs; a second identical trigger adds no run', async () => {
    const t = await inProcessWorkerTest({ months: 2 });
    const { db, s, log, watch } = t;
    const [m1, m2] = s.months as [string, string];

    // Two triggers for the same delivery: two checks queued before the worker starts (and it queues a third
    // as it starts). The first queues the ingest; the others find the same files, and the ingest's job key
    // makes them add nothing.
    land(s, m1);
    const utils = await openQueue(db.url);
    await utils.addJob('check-deliveries', {}, { queueName: 'sa-outcomes-pipeline' });
    await utils.addJob('check-deliveries', {}, { queueName: 'sa-outcomes-pipeline' });
    await utils.release();
    await t.start({ checkEvery: 1000 });
    await waitFor(`the first publication (as of ${m1})`, () => publishedAsOf(s.out) === m1, watch);
    expect(log.filter((l) => l.startsWith('check-deliveries:'))).toHaveLength(1);

    // A delivery lands: the next check (at most a second later) finds it, and the chain publishes it.
    land(s, m2);
    const landed = performance.now();
    await waitFor(`${m2} published`, () => publishedAsOf(s.out) === m2, watch);
    const latency = (performance.now() - landed) / 1000;
    // Reported, not asserted: on a busy machine it is only slower.
    console.log(`delivery → publication with --check-every 1s: ${latency.toFixed(2)} s`);
    await t.stopWhenIdle();
    expect(log.filter((l) => l.startsWith('check-deliveries:'))).toHaveLength(2);

    await withWarehouse(s.warehouse, async (wh) => {
      const runs = await wh.all<{ command: string; trigger: string; status: string; attempt: number }>(
        `select command, trigger, status, attempt from runs order by started_at`,
      );
      // Two deliveries, two chains of ingest → build → publish, each run once, all first attempts.
      expect(runs.map((r) => r.command)).toEqual(Array(2).fill(['ingest', 'build', 'publish']).flat());
      expect(
        runs.every((r) => r.trigger === 'new-delivery' && r.status === 'success' && r.attempt === 1),
      ).toBe(true);
      // Each step names the run that queued it.
      const chain = await wh.all<{ parent: string | null }>(
        `select p.command as parent from runs r left join runs p on p.run_id = r.caused_by order by r.started_at`,
      );
      expect(chain.slice(0, 3).map((r) => r.parent)).toEqual([null, 'ingest', 'build']);
      const months = await readMonthStatus(wh);
      expect(months.map((m) => [m.month, m.publishedAt !== null, m.stale])).toEqual([
        [m1, true, false],
        [m2, true, false],
      ]);
    });
  });
});
