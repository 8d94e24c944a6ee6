// A worker killed (SIGKILL) inside the ingest or the build transaction leaves the warehouse and the
// published output consistent, and the next worker finishes the work with the same result as a run that
// was never interrupted.
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, it, type ExpectStatic } from 'vitest';
import { TABLES, TABLE_NAMES } from '../../../pipelines/extracts/contract.ts';
import { runPipeline } from '../../../pipelines/pipeline.ts';
import { tempDir, withWarehouse } from '../../helpers.ts';
import {
  SLOW_MACHINE_TIMEOUT_MS,
  land,
  publishedAsOf,
  scene,
  waitFor,
  workerProcessesTest,
  type Scene,
  type WorkerProcess,
} from './helpers.ts';

/** Rows per history table, and rows whose (key, delivery) appears more than once: duplicates. */
function tableCounts(warehouse: string): Promise<Record<string, [rows: number, duplicates: number]>> {
  return withWarehouse(warehouse, async (wh) => {
    const counts: Record<string, [number, number]> = {};
    for (const t of TABLE_NAMES) {
      const key = [...TABLES[t].key, 'delivery'].join(', ');
      const r = await wh.one<{ n: number; d: number }>(
        `select count(*) as n, count(*) - (select count(*) from (select distinct ${key} from hist_${t})) as d from hist_${t}`,
      );
      counts[t] = [r!.n, r!.d];
    }
    return counts;
  });
}

let reference: { measures: string; internal: string; counts: Awaited<ReturnType<typeof tableCounts>> };
let months: string[];

// The uninterrupted run the crashed ones must match.
beforeAll(async () => {
  const s = await scene(2);
  months = s.months;
  for (const m of months) land(s, m);
  await runPipeline({ warehouse: s.warehouse, extracts: s.extracts, out: s.out, site: false });
  reference = {
    measures: readFileSync(join(s.out, 'public', 'measures.csv'), 'utf8'),
    internal: readFileSync(join(s.out, 'internal', 'measures.csv'), 'utf8'),
    counts: await tableCounts(s.warehouse),
  };
}, SLOW_MACHINE_TIMEOUT_MS);

/**
 * Starts a worker that pauses at `point`, kills it there, and lets a second worker finish: one started
 * after the kill, or (`survivor`) one already running beside it, which must notice the death by itself.
 */
async function crashAndRecover(point: string, expect: ExpectStatic, survivor = false): Promise<Scene> {
  // Its watch reads the workers as they are spawned: the second worker is watched too once started.
  const { s, spawn, watch, waitUntilIdle } = await workerProcessesTest(2);
  for (const m of s.months) land(s, m);
  const marker = join(tempDir(), 'paused');
  const first = spawn({ SA_PAUSE_AT: point, SA_PAUSE_FILE: marker });
  await waitFor(
    `the worker to pause at ${point}`,
    () => {
      if (publishedAsOf(s.out) !== null) throw new Error(`it published without pausing at ${point}`);
      return existsSync(marker);
    },
    watch,
  );
  let second: WorkerProcess | null = null;
  if (survivor) {
    second = spawn();
    await waitFor('the second worker to start', () => /started:/.test(second!.output()), watch);
  }
  await first.stop('SIGKILL');
  expect(publishedAsOf(s.out)).toBeNull();

  second ??= spawn();
  await waitFor('the publication after the restart', () => publishedAsOf(s.out) === months.at(-1), watch);
  await waitUntilIdle();
  expect(await second.stop('SIGTERM')).toBe(0);
  expect(second.output()).toMatch(/freed the jobs left locked by 1 stopped worker/);
  return s;
}

async function expectSameAsUninterrupted(s: Scene, expect: ExpectStatic): Promise<void> {
  expect(readFileSync(join(s.out, 'public', 'measures.csv'), 'utf8')).toBe(reference.measures);
  expect(readFileSync(join(s.out, 'internal', 'measures.csv'), 'utf8')).toBe(reference.internal);
  // Same rows in every history table, none twice; every file reconciles (ingest checks it; so does this).
  expect(await tableCounts(s.warehouse)).toEqual(reference.counts);
  const unreconciled = await withWarehouse(s.warehouse, (wh) =>
    wh.value<number>(
      `select count(*) from manifest where status in ('loaded', 'restated') and rows_read <> loaded + collapsed + quarantined`,
    ),
  );
  expect(unreconciled).toBe(0);
}

function runsOf(s: Scene): Promise<{ command: string; trigger: string; attempt: number; status: string }[]> {
  return withWarehouse(s.warehouse, (wh) =>
    wh.all(`select command, trigger, attempt, status from runs order by started_at`),
  );
}

// The cases are independent (their own database, folders and processes), so they run side by side.
describe.concurrent('a worker killed mid-transaction', { timeout: SLOW_MACHINE_TIMEOUT_MS }, () => {
  // Killed, then a second worker started after the kill: the killed step is abandoned and retried.
  const restarted = [
    {
      title: 'during ingest: the half-loaded delivery rolls back and the next worker loads it once',
      // Killed inside the second delivery's transaction: the first delivery is committed, the second is not.
      point: () => `ingest:${months[1]}`,
      runs: [
        ['ingest', 'new-delivery', 1, 'abandoned'],
        ['ingest', 'retry', 2, 'success'],
        ['build', 'new-delivery', 1, 'success'],
        ['publish', 'new-delivery', 1, 'success'],
      ],
    },
    {
      title: 'during build: the models roll back and the next worker builds and publishes',
      point: () => 'build',
      runs: [
        ['ingest', 'new-delivery', 1, 'success'],
        ['build', 'new-delivery', 1, 'abandoned'],
        ['build', 'retry', 2, 'success'],
        ['publish', 'new-delivery', 1, 'success'],
      ],
    },
  ];
  for (const { title, point, runs } of restarted)
    it(title, async ({ expect }) => {
      const s = await crashAndRecover(point(), expect);
      await expectSameAsUninterrupted(s, expect);
      expect((await runsOf(s)).map((r) => [r.command, r.trigger, r.attempt, r.status])).toEqual(runs);
    });

  it('during build, beside a running worker: that worker frees the job and finishes it', async ({
    expect,
  }) => {
    const s = await crashAndRecover('build', expect, true);
    await expectSameAsUninterrupted(s, expect);
    expect((await runsOf(s)).map((r) => [r.command, r.status])).toEqual([
      ['ingest', 'success'],
      ['build', 'abandoned'],
      ['build', 'success'],
      ['publish', 'success'],
    ]);
  });
});
