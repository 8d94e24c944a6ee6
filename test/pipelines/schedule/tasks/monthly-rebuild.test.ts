// The hourly tick queues the full rebuild on the tick at the configured Toronto time, and nothing otherwise.
import type { JobHelpers } from 'graphile-worker';
import { describe, expect, it } from 'vitest';
import type { WorkerSettings } from '../../../../pipelines/schedule/run-job.ts';
import { monthlyRebuildTask } from '../../../../pipelines/schedule/tasks/monthly-rebuild.ts';
import { MONTHLY_REBUILD } from '../../../../pipelines/schedule/toronto-time.ts';

async function tickAt(ts: string): Promise<unknown[][]> {
  const added: unknown[][] = [];
  const helpers = { addJob: async (...args: unknown[]) => (added.push(args), {}) } as unknown as JobHelpers;
  const settings: WorkerSettings = {
    warehouse: ':memory:',
    extracts: '',
    out: '',
    site: false,
    log: () => undefined,
    verbose: false,
    workerName: 'test',
    runs: { succeeded: 0, failed: 0 },
  };
  await monthlyRebuildTask(settings, MONTHLY_REBUILD)({ _cron: { ts } }, helpers);
  return added;
}

describe('monthly-rebuild', () => {
  it('queues a full build on the tick at 03:00 Toronto time, in winter and in summer', async () => {
    const winter = await tickAt('2025-12-01T08:00:00.000Z');
    expect(winter).toEqual([
      [
        'build',
        { trigger: 'schedule', full: true },
        {
          queueName: 'sa-outcomes-pipeline',
          jobKey: 'rebuild:2025-12',
          jobKeyMode: 'replace',
          maxAttempts: 5,
        },
      ],
    ]);
    expect(await tickAt('2025-07-01T07:00:00.000Z')).toHaveLength(1);
  });

  it('does nothing on the other ticks, including the UTC hour that is 03:00 Toronto in the other season', async () => {
    expect(await tickAt('2025-12-01T07:00:00.000Z')).toEqual([]);
    expect(await tickAt('2025-07-01T08:00:00.000Z')).toEqual([]);
    expect(await tickAt('2025-07-02T07:00:00.000Z')).toEqual([]);
  });
});
