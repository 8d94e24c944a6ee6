// monthly-rebuild: the crontab runs this every hour (UTC); it queues a full rebuild and republish when its
// scheduled instant is the configured Toronto time (see ../toronto-time.ts for why it works this way).
import type { Task } from 'graphile-worker';
import { queueJob } from '../queue.ts';
import type { WorkerSettings } from '../run-job.ts';
import { isMonthlyTick, torontoWallClock, type MonthlyTime } from '../toronto-time.ts';

export const monthlyRebuildTask =
  (s: WorkerSettings, schedule: MonthlyTime): Task =>
  async (payload, helpers) => {
    // The instant the crontab scheduled this tick for, also when it runs late or is backfilled after downtime.
    const ts = (payload as { _cron?: { ts?: string } })._cron?.ts;
    const at = ts ? new Date(ts) : new Date();
    if (!isMonthlyTick(schedule, at)) return;
    const toronto = torontoWallClock(at);
    await queueJob(
      helpers.addJob,
      'build',
      { trigger: 'schedule', full: true },
      `rebuild:${toronto.slice(0, 7)}`,
    );
    s.log(`monthly-rebuild: ${toronto} Toronto time: full rebuild and republish queued`);
  };
