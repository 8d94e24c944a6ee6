// A running worker notices a delivery landing in the extracts folder and ingests, builds and publishes it;
// triggers that find the same delivery add no second run.
import { afterEach, describe, expect, it } from 'vitest';
import { openQueue } from '../../../pipelines/schedule/queue.ts';
import { startWorker, type RunningWorker } from '../../../pipelines/schedule/worker.ts';
import { readMonthStatus } from '../../../pipelines/status.ts';
import { Warehouse } from '../../../pipelines/warehouse.ts';
import {
  createDatabase,
  land,
  publishedAsOf,
  queueIdle,
  scene,
  waitFor,
  type Scene,
  type TestDatabase,
} from './helpers.ts';

let db: TestDatabase;
let worker: RunningWorker | null = null;
afterEach(async () => {
  await worker?.stop();
  worker = null;
  await db?.drop();
});

const start = (s: Scene, checkEvery: number, log: string[]): Promise<RunningWorker> =>
  startWorker({
    databaseUrl: db.url,
    warehouse: s.warehouse,
    extracts: s.extracts,
    out: s.out,
    site: false,
    checkEvery,
    log: (l) => log.push(l),
  });

describe('worker', () => {
  it('publishes a delivery that lands while it runs; a second identical trigger adds no run', async () => {
    db = await createDatabase();
    const s = await scene(3);
    const [m1, m2, m3] = s.months as [string, string, string];
    land(s, m1);
    const log: string[] = [];
    worker = await start(s, 1000, log);
    await waitFor(`the first publication (as of ${m1})`, () => publishedAsOf(s.out) === m1);

    // A delivery lands: the next check (at most a second later) finds it, and the chain publishes it.
    land(s, m2);
    const landed = performance.now();
    await waitFor(`${m2} published`, () => publishedAsOf(s.out) === m2);
    const latency = (performance.now() - landed) / 1000;
    console.log(`delivery → publication with --check-every 1s: ${latency.toFixed(2)} s`);
    expect(latency).toBeLessThan(20);
    await worker.stop();
    worker = null;

    // Two triggers for the same delivery: two checks queued while no worker runs. The first queues the
    // ingest; the second finds the same files and its job key folds into the ingest already waiting.
    land(s, m3);
    const utils = await openQueue(db.url);
    await utils.addJob('check-deliveries', {}, { queueName: 'sa-outcomes-pipeline' });
    await utils.addJob('check-deliveries', {}, { queueName: 'sa-outcomes-pipeline' });
    await utils.release();
    const log2: string[] = [];
    worker = await start(s, 3_600_000, log2);
    await waitFor(`${m3} published`, () => publishedAsOf(s.out) === m3);
    await waitFor('the queue to empty', () => queueIdle(db));
    await worker.stop();
    worker = null;
    expect(log2.filter((l) => l.startsWith('check-deliveries:'))).toHaveLength(1);

    const wh = await Warehouse.open(s.warehouse);
    try {
      const runs = await wh.all<{ command: string; trigger: string; status: string; attempt: number }>(
        `select command, trigger, status, attempt from runs order by started_at`,
      );
      // Three deliveries, three chains of ingest → build → publish, each run once, all first attempts.
      expect(runs.map((r) => r.command)).toEqual(Array(3).fill(['ingest', 'build', 'publish']).flat());
      expect(
        runs.every((r) => r.trigger === 'new-delivery' && r.status === 'success' && r.attempt === 1),
      ).toBe(true);
      // Each step names the run that queued it.
      const chain = await wh.all<{ command: string; caused_by: string | null; parent: string | null }>(
        `select r.command, r.caused_by, p.command as parent from runs r left join runs p on p.run_id = r.caused_by order by r.started_at`,
      );
      expect(chain.slice(0, 3).map((r) => r.parent)).toEqual([null, 'ingest', 'build']);
      const months = await readMonthStatus(wh);
      expect(months.map((m) => [m.month, m.publishedAt !== null, m.stale])).toEqual([
        [m1, true, false],
        [m2, true, false],
        [m3, true, false],
      ]);
    } finally {
      await wh.close();
    }
  });
});
