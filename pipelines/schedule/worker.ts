// The scheduler (`sa-outcomes worker`): graphile-worker running the pipeline's tasks one at a time, a timer
// that queues the delivery check every --check-every, and a crontab tick for the monthly rebuild.
import { EventEmitter } from 'node:events';
import { parseCronItems, run, type Runner, type TaskList, type WorkerEvents } from 'graphile-worker';
import { Presence, unlockDeadWorkers } from './dead-workers.ts';
import { MAX_ATTEMPTS, graphileLogger, openQueue, queueJob } from './queue.ts';
import type { WorkerSettings } from './run-job.ts';
import { backfillMonthTask } from './tasks/backfill-month.ts';
import { buildTask } from './tasks/build.ts';
import { checkDeliveries } from './tasks/check-deliveries.ts';
import { ingestTask } from './tasks/ingest.ts';
import { monthlyRebuildTask } from './tasks/monthly-rebuild.ts';
import { publishTask } from './tasks/publish.ts';
import { MONTHLY_REBUILD, hourlyTickCron, validateMonthlyTime, type MonthlyTime } from './toronto-time.ts';

export interface WorkerOptions {
  databaseUrl: string;
  warehouse: string;
  extracts: string;
  out: string;
  site: boolean;
  /** How often to look for new or restated deliveries, in milliseconds. */
  checkEvery: number;
  /** Toronto time of the monthly full rebuild (default MONTHLY_REBUILD). */
  monthlyRebuild?: MonthlyTime;
  log: (line: string) => void;
  verbose?: boolean;
  beforeRun?: WorkerSettings['beforeRun'];
}

export interface RunningWorker {
  /** graphile-worker's id for this worker's pool: the `locked_by` of its jobs. */
  poolId: string;
  /** Settles if the worker stops by itself. */
  promise: Promise<void>;
  /** Finishes the job in hand, then stops. */
  stop: () => Promise<void>;
  /** Pipeline runs this worker finished so far. */
  runs: WorkerSettings['runs'];
}

export function makeTaskList(s: WorkerSettings, schedule: MonthlyTime): TaskList {
  return {
    'check-deliveries': checkDeliveries(s),
    ingest: ingestTask(s),
    build: buildTask(s),
    publish: publishTask(s),
    'backfill-month': backfillMonthTask(s),
    'monthly-rebuild': monthlyRebuildTask(s, schedule),
  };
}

/** Says once that PostgreSQL is unreachable, and once that it is back. */
class OutageReport {
  private since: number | null = null;
  constructor(private readonly log: (line: string) => void) {}
  down(e: unknown): void {
    if (this.since !== null) return;
    this.since = Date.now();
    const msg = (e instanceof Error ? e.message : String(e)).split('\n')[0];
    this.log(`PostgreSQL is unreachable (${msg}); jobs wait until it is back`);
  }
  up(): void {
    if (this.since === null) return;
    this.log(`PostgreSQL is back after ${((Date.now() - this.since) / 1000).toFixed(0)} s; jobs resume`);
    this.since = null;
  }
}

export async function startWorker(o: WorkerOptions): Promise<RunningWorker> {
  const schedule = validateMonthlyTime(o.monthlyRebuild ?? MONTHLY_REBUILD);
  const verboseLog = o.verbose ? o.log : null;
  const settings: WorkerSettings = {
    warehouse: o.warehouse,
    extracts: o.extracts,
    out: o.out,
    site: o.site,
    log: o.log,
    verbose: o.verbose ?? false,
    workerName: `pid ${process.pid}`,
    runs: { succeeded: 0, failed: 0 },
    beforeRun: o.beforeRun,
  };
  const utils = await openQueue(o.databaseUrl, verboseLog);
  const outage = new OutageReport(o.log);
  const presence = new Presence(o.databaseUrl, (e) => outage.down(e));
  const freeDeadWorkersJobs = async (): Promise<void> => {
    const freed = await unlockDeadWorkers(utils);
    if (freed.length > 0)
      o.log(
        `freed the jobs left locked by ${freed.length} stopped worker(s) (${freed.join(', ')}); they run again`,
      );
  };

  const events: WorkerEvents = new EventEmitter();
  let poolId = '';
  events.on('pool:create', ({ workerPool }) => {
    poolId = workerPool.id;
    settings.workerName = `${workerPool.id} pid ${process.pid}`;
    presence.hold(workerPool.id);
  });
  events.on('pool:listen:error', ({ error }) => outage.down(error));
  events.on('worker:getJob:error', ({ error }) => outage.down(error));
  events.on('pool:listen:success', () => outage.up());
  events.on('worker:fatalError', ({ error }) => o.log(`graphile-worker: ${(error as Error).message}`));

  let runner: Runner;
  try {
    await freeDeadWorkersJobs();
    runner = await run({
      connectionString: o.databaseUrl,
      concurrency: 1,
      noHandleSignals: true,
      // A job queued while the queue is busy is found by polling: graphile-worker looks for the next job
      // before the finished one has released the queue. Half a second keeps chained steps close.
      pollInterval: 500,
      logger: graphileLogger(verboseLog),
      events,
      taskList: makeTaskList(settings, schedule),
      parsedCronItems: parseCronItems([
        {
          task: 'monthly-rebuild',
          match: hourlyTickCron(schedule),
          identifier: 'monthly-rebuild',
          // After downtime, the missed ticks of the last day still run, so a missed rebuild happens late.
          options: { backfillPeriod: 24 * 3_600_000, maxAttempts: MAX_ATTEMPTS },
        },
      ]),
      // Consulted before each job is taken: none is taken until the presence lock is held, so another
      // worker never mistakes this one for dead while it holds a job.
      forbiddenFlags: async () => {
        await presence.whenHeld();
        return null;
      },
    });
  } catch (e) {
    await presence.stop();
    await utils.release();
    throw e;
  }

  // The check reads the warehouse, so it is a job in the pipeline queue; this timer only queues it, under
  // one key, so checks never pile up behind a long run. It also frees the jobs of dead workers, which would
  // otherwise hold the queue.
  let ticking = false;
  const tick = async (): Promise<void> => {
    if (ticking) return;
    ticking = true;
    try {
      await freeDeadWorkersJobs();
      await queueJob(utils.addJob, 'check-deliveries', { trigger: 'schedule' }, 'check-deliveries');
      outage.up();
    } catch (e) {
      outage.down(e);
    } finally {
      ticking = false;
    }
  };
  void tick();
  const timer = setInterval(() => void tick(), o.checkEvery);

  let stopping: Promise<void> | null = null;
  const stop = (): Promise<void> =>
    (stopping ??= (async () => {
      clearInterval(timer);
      await runner.stop();
      await presence.stop();
      await utils.release();
    })());
  return { poolId, promise: runner.promise, stop, runs: settings.runs };
}
