// Two worker processes on one database share the work but never run two pipeline jobs at once: every job
// that opens the warehouse is in one named queue, which graphile-worker runs one job at a time.
import { describe, expect, it } from 'vitest';
import { openQueue, queueJob } from '../../../pipelines/schedule/queue.ts';
import { withWarehouse } from '../../helpers.ts';
import { SLOW_MACHINE_TIMEOUT_MS, land, publishedAsOf, waitFor, workerProcessesTest } from './helpers.ts';

describe('two workers', { timeout: SLOW_MACHINE_TIMEOUT_MS }, () => {
  it('never run the pipeline at the same time', async () => {
    const t = await workerProcessesTest(1);
    const { s, watch } = t;
    land(s, s.months[0]!);
    const workers = [t.spawn(), t.spawn()];
    await waitFor('the first publication', () => publishedAsOf(s.out) === s.months[0], watch);

    // More work for both to compete for: six publications, queued at once (distinct keys, so none folds).
    const utils = await openQueue(t.db.url);
    for (let i = 0; i < 6; i++) await queueJob(utils.addJob, 'publish', { trigger: 'cli' }, `publish-${i}`);
    await utils.release();
    await t.waitUntilIdle();
    expect(await Promise.all(workers.map((w) => w.stop('SIGTERM')))).toEqual([0, 0]);

    for (const w of workers) expect(w.output()).not.toMatch(/\) failed|in use/);
    await withWarehouse(s.warehouse, async (wh) => {
      const runs = await wh.all<{
        command: string;
        status: string;
        started: number;
        finished: number;
        worker: string;
      }>(
        `select command, status, epoch_ms(started_at) as started, epoch_ms(finished_at) as finished, worker
         from runs order by started_at`,
      );
      expect(runs.map((r) => r.command)).toEqual(['ingest', 'build', 'publish', ...Array(6).fill('publish')]);
      expect(runs.every((r) => r.status === 'success')).toBe(true);
      // One after the other: each run started after the one before had finished.
      for (let i = 1; i < runs.length; i++)
        expect(runs[i]!.started).toBeGreaterThanOrEqual(runs[i - 1]!.finished);
      const byWorker = new Map<string, number>();
      for (const r of runs)
        byWorker.set(r.worker.split(' ')[0]!, (byWorker.get(r.worker.split(' ')[0]!) ?? 0) + 1);
      console.log(`runs by worker: ${[...byWorker].map(([w, n]) => `${w} ${n}`).join(', ')}`);
    });
  });
});
