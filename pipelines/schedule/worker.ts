// The scheduler (`sa-outcomes worker`): graphile-worker running the pipeline's tasks one at a time, a timer
// that queues the delivery check every --check-every, and a crontab tick for the monthly rebuild.
import { EventEmitter } from 'node:events';
import { parseCronItems, run, type Runner, type TaskList, type WorkerEvents } from 'graphile-worker';
import { Presence, unlockDeadWorkers } from './dead-workers.ts';
import { MAX_ATTEMPTS, graphileLogger, openQueue, queueJob } from './queue.ts';
import { wasReported, type WorkerSettings } from './run-job.ts';
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
  /** graphile-worker's id for this worker's current pool: the `locked_by` of the jobs it takes. */
  poolId: () => string;
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

const sleep = (ms: number): Promise<void> => new Promise((r) => setTimeout(r, ms));

/**
 * How often to look for jobs left locked by dead workers, whatever --check-every is: such a job holds the
 * whole queue. It is one small query when no job is locked.
 */
const SWEEP_EVERY_MS = 10_000;

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
  const taskList = makeTaskList(settings, schedule);
  const cronItems = parseCronItems([
    {
      task: 'monthly-rebuild',
      match: hourlyTickCron(schedule),
      identifier: 'monthly-rebuild',
      // After downtime, the missed ticks of the last day still run, so a missed rebuild happens late.
      options: { backfillPeriod: 24 * 3_600_000, maxAttempts: MAX_ATTEMPTS },
    },
  ]);

  let current: { runner: Runner; presence: Presence; poolId: string } | null = null;
  const freeDeadWorkersJobs = async (): Promise<void> => {
    const freed = await unlockDeadWorkers(utils, current?.poolId ?? null);
    if (freed.length > 0)
      o.log(
        `freed the jobs left locked by ${freed.length} stopped worker(s) (${freed.join(', ')}); they run again`,
      );
  };

  /** One graphile-worker runner (a pool of one worker, the cron) with its presence lock. */
  const startRunner = async (): Promise<NonNullable<typeof current>> => {
    const presence = new Presence(o.databaseUrl, (e) => outage.down(e));
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
    // Failures outside a recorded run: a check that cannot read the extracts, a next step not queued.
    events.on('job:error', ({ job, error }) => {
      if (wasReported(error)) return;
      const msg = (error instanceof Error ? error.message : String(error)).split('\n')[0];
      o.log(`${job.task_identifier} (attempt ${job.attempts}/${job.max_attempts}) failed: ${msg}`);
    });
    // A shutting-down pool waits for its worker, which must not stay parked in forbiddenFlags below.
    events.on('pool:gracefulShutdown', () => presence.openGate());
    try {
      const runner = await run({
        connectionString: o.databaseUrl,
        concurrency: 1,
        noHandleSignals: true,
        // A job queued while the queue is busy is found by polling: graphile-worker looks for the next job
        // before the finished one has released the queue. Half a second keeps chained steps close.
        pollInterval: 500,
        // Record job outcomes through graphile-worker's batcher: if PostgreSQL is gone at that moment, the
        // pool stops cleanly (and is started again below) rather than leaving an unhandled rejection.
        preset: { worker: { completeJobBatchDelay: 0, failJobBatchDelay: 0 } },
        logger: graphileLogger(verboseLog),
        events,
        taskList,
        parsedCronItems: cronItems,
        // Consulted before each job is taken: none is taken until the presence lock is held, so another
        // worker never mistakes this one for dead while it holds a job.
        forbiddenFlags: async () => {
          await presence.whenHeld();
          return null;
        },
      });
      return { runner, presence, poolId };
    } catch (e) {
      await presence.stop();
      throw e;
    }
  };

  let stopping = false;
  await freeDeadWorkersJobs();
  current = await startRunner();

  // graphile-worker stops its pool when it cannot record a job's outcome (PostgreSQL gone at that moment).
  // Once PostgreSQL answers again, a new runner starts; releasing the old pool's presence lets the sweep
  // free the job it held, which then runs again.
  const supervise = async (): Promise<void> => {
    while (!stopping && current) {
      const error = await current.runner.promise.then(
        () => null,
        (e: unknown) => e,
      );
      if (stopping) return;
      outage.down(error ?? new Error('graphile-worker stopped'));
      await current.presence.stop();
      const old = current;
      current = null;
      while (!stopping && !current) {
        try {
          await unlockDeadWorkers(utils);
          current = await startRunner();
          o.log(`graphile-worker restarted (pool ${current.poolId} replaces ${old.poolId})`);
          outage.up();
        } catch {
          await sleep(1000);
        }
      }
    }
  };
  const supervising = supervise();

  let sweeping: Promise<void> | null = null;
  const sweep = (): Promise<void> =>
    (sweeping ??= (async () => {
      try {
        await freeDeadWorkersJobs();
      } catch (e) {
        outage.down(e);
      } finally {
        sweeping = null;
      }
    })());
  const sweepTimer = setInterval(() => void sweep(), SWEEP_EVERY_MS);

  // The check reads the warehouse, so it is a job in the pipeline queue; this timer only queues it, under
  // one key, so checks never pile up behind a long run, and keeping its place in line, so a long backfill
  // queued after it does not hold it back.
  let ticking: Promise<void> | null = null;
  const tick = (): Promise<void> =>
    (ticking ??= (async () => {
      try {
        await queueJob(
          utils.addJob,
          'check-deliveries',
          { trigger: 'schedule' },
          'check-deliveries',
          'preserve_run_at',
        );
        outage.up();
      } catch (e) {
        outage.down(e);
      } finally {
        ticking = null;
      }
    })());
  // The first check is queued before this returns, so a caller sees the worker already at work.
  await tick();
  const timer = setInterval(() => void tick(), o.checkEvery);

  let stopped: Promise<void> | null = null;
  const stop = (): Promise<void> =>
    (stopped ??= (async () => {
      stopping = true;
      clearInterval(timer);
      clearInterval(sweepTimer);
      await ticking;
      await sweeping;
      const c = current;
      if (c) {
        await c.runner.stop().catch(() => undefined);
        await c.presence.stop();
      }
      await supervising;
      await utils.release();
    })());
  return { poolId: () => current?.poolId ?? '', stop, runs: settings.runs };
}
