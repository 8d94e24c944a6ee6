// Two worker processes on one database share the work but never run two pipeline jobs at once: every job
// that opens the warehouse is in one named queue, which graphile-worker runs one job at a time.
import { afterEach, describe, expect, it, vi } from 'vitest';
import { main } from '../../../pipelines/cli.ts';
import { Warehouse } from '../../../pipelines/warehouse.ts';
import {
  createDatabase,
  land,
  publishedAsOf,
  queueIdle,
  scene,
  spawnWorker,
  waitFor,
  type TestDatabase,
  type WorkerProcess,
} from './helpers.ts';

let db: TestDatabase;
const running: WorkerProcess[] = [];
afterEach(async () => {
  vi.restoreAllMocks();
  for (const w of running.splice(0)) if (w.child.exitCode === null) w.child.kill('SIGKILL');
  await db?.drop();
});

describe('two workers', () => {
  it('never run the pipeline at the same time', async () => {
    db = await createDatabase();
    const s = await scene(2);
    for (const m of s.months) land(s, m);
    const workers = [spawnWorker(s, db.url), spawnWorker(s, db.url)];
    running.push(...workers);
    await waitFor('the first publication', () => publishedAsOf(s.out) === s.months.at(-1), 60_000);

    // More work for both to compete for: a month rebuild for each month.
    vi.spyOn(process.stdout, 'write').mockImplementation(() => true);
    process.env.DATABASE_URL = db.url;
    expect(
      await main(['--warehouse', s.warehouse, 'backfill', '--from', s.months[0]!, '--to', s.months[1]!]),
    ).toBe(0);
    vi.restoreAllMocks();
    await waitFor('the queue to empty', () => queueIdle(db), 60_000);
    for (const w of workers) w.child.kill('SIGTERM');
    expect(await Promise.all(workers.map((w) => w.exited))).toEqual([0, 0]);

    for (const w of workers) expect(w.output()).not.toMatch(/\) failed|in use/);
    const wh = await Warehouse.open(s.warehouse);
    try {
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
      expect(runs.map((r) => r.command)).toEqual([
        'ingest',
        'build',
        'publish',
        'backfill-month',
        'backfill-month',
      ]);
      expect(runs.every((r) => r.status === 'success')).toBe(true);
      for (let i = 1; i < runs.length; i++)
        expect(runs[i]!.started).toBeGreaterThanOrEqual(runs[i - 1]!.finished);
      console.log(`runs by worker: ${runs.map((r) => `${r.command} ${r.worker.split(' ')[0]}`).join(', ')}`);
    } finally {
      await wh.close();
    }
  });
});
