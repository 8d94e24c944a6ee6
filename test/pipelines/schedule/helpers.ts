// Helpers for the scheduler's tests: a PostgreSQL database of their own, small demo deliveries, waiting on
// what workers do (without a deadline), and worker processes.
import { spawn, type ChildProcess } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { cpSync, existsSync, mkdirSync, readFileSync, renameSync } from 'node:fs';
import { join } from 'node:path';
import pg from 'pg';
import { onTestFinished } from 'vitest';
import { generateDemo } from '../../../pipelines/extracts/demo.ts';
import { startWorker, type RunningWorker, type WorkerOptions } from '../../../pipelines/schedule/worker.ts';
import { tempDir } from '../../helpers.ts';

/** The admin connection that creates and drops each test's database. */
export const ADMIN_URL = process.env.DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres';

async function admin(sql: string): Promise<void> {
  const c = new pg.Client({ connectionString: ADMIN_URL });
  await c.connect();
  try {
    await c.query(sql);
  } finally {
    await c.end();
  }
}

export interface TestDatabase {
  url: string;
  /** Runs one statement on the test's own pool; refused with a clear error once `drop` has begun. */
  query: <R extends pg.QueryResultRow>(sql: string, values?: unknown[]) => Promise<R[]>;
  /**
   * Waits for the queries in flight, closes the pool and drops the database, closing any session left on
   * it. Stop the workers that use the database first.
   */
  drop: () => Promise<void>;
}

/** A new, empty database with a unique name. */
export async function createDatabase(): Promise<TestDatabase> {
  const name = `sa_test_${process.pid}_${randomBytes(4).toString('hex')}`;
  await admin(`create database ${name}`);
  const url = new URL(ADMIN_URL);
  url.pathname = `/${name}`;
  const pool = new pg.Pool({ connectionString: url.toString(), max: 2 });
  // A connection still closing when the forced drop below ends its session reports that here; expected.
  pool.on('error', () => undefined);
  // drop waits for these, so a query the test awaits never meets an ended pool.
  const inFlight = new Set<Promise<unknown>>();
  let dropping: Promise<void> | null = null;
  return {
    url: url.toString(),
    query: async <R extends pg.QueryResultRow>(sql: string, values?: unknown[]) => {
      if (dropping) {
        const statement = sql.trim().split('\n')[0];
        throw new Error(
          `test database ${name} is being dropped (cleanup has begun); not running: ${statement}`,
        );
      }
      const running = pool.query<R>(sql, values);
      inFlight.add(running);
      try {
        return (await running).rows;
      } finally {
        inFlight.delete(running);
      }
    },
    drop: () =>
      (dropping ??= (async () => {
        await Promise.allSettled(inFlight);
        await pool.end();
        await admin(`drop database if exists ${name} with (force)`);
      })()),
  };
}

/**
 * The test timeout of the scheduler's tests, and of their hooks. They wait on events, never on the clock,
 * so a busy machine only makes them slower; this only ends a test that hangs.
 */
export const SLOW_MACHINE_TIMEOUT_MS = 15 * 60_000;

/** What a wait watches besides the thing it waits for. */
export interface Watch {
  /** Why the awaited thing can no longer happen (a worker exited, a job was given up), or undefined. */
  hopeless: () => Promise<string | undefined>;
  /** What to show when a wait fails: the workers' output and the jobs. */
  report: () => Promise<string>;
}

/** How often a wait looks again: soon enough not to slow a test, seldom enough to leave the CPU free. */
const POLL_MS = 100;

/**
 * Polls until check returns a value other than undefined/false. There is no deadline: the wait fails as soon
 * as `watch` says the awaited thing can no longer happen, saying what it waited for and what the workers
 * said. A wait that hangs is ended by the test's timeout.
 */
export async function waitFor<T>(
  what: string,
  check: () => T | undefined | false | Promise<T | undefined | false>,
  watch: Watch,
): Promise<T> {
  for (;;) {
    let reason: string | undefined;
    try {
      const v = await check();
      if (v !== undefined && v !== false) return v;
      reason = await watch.hopeless();
    } catch (e) {
      reason = (e as Error).message;
    }
    if (reason !== undefined) {
      const report = await watch.report().catch((e: Error) => `(no report: ${e.message})`);
      throw new Error(`gave up waiting for ${what}: ${reason}\n${report}`);
    }
    await new Promise((r) => setTimeout(r, POLL_MS));
  }
}

/** A job graphile-worker gave up on (it failed on every attempt), if any. */
async function jobGivenUp(db: TestDatabase): Promise<string | undefined> {
  const [job] = await db.query<{ task_identifier: string; attempts: number; last_error: string }>(
    `select task_identifier, attempts, last_error from graphile_worker.jobs
     where attempts >= max_attempts and locked_at is null and last_error is not null limit 1`,
  );
  return job && `job ${job.task_identifier} failed ${job.attempts} times and was given up: ${job.last_error}`;
}

async function jobsReport(db: TestDatabase): Promise<string> {
  const jobs = await db
    .query('select task_identifier, attempts, max_attempts, locked_by, last_error from graphile_worker.jobs')
    .catch((e: Error) => e.message);
  return `jobs: ${JSON.stringify(jobs)}`;
}

/** Watches a worker running in the test's own process, whose lines go to `log`. */
function watchQueue(db: TestDatabase, log: string[]): Watch {
  return {
    hopeless: () => jobGivenUp(db),
    report: async () => `the worker said:\n${log.join('\n')}\n${await jobsReport(db)}`,
  };
}

/** Watches worker processes: one exiting when no one stopped it, or a job given up, ends the wait. */
function watchWorkers(db: TestDatabase, workers: WorkerProcess[]): Watch {
  return {
    hopeless: async () => {
      for (const w of workers) {
        const ended = w.unexpectedExit();
        if (ended) return `${w.name} exited (${ended})`;
      }
      // graphile-worker's schema is complete once a worker has started; until then it may be half made.
      if (!workers.some((w) => /started:/.test(w.output()))) return undefined;
      return jobGivenUp(db);
    },
    report: async () =>
      [...workers.map((w) => `${w.name} said:\n${w.output()}`), await jobsReport(db)].join('\n'),
  };
}

export interface Scene {
  root: string;
  /** All generated deliveries, one folder per month. */
  source: string;
  /** The folder the worker watches. */
  extracts: string;
  warehouse: string;
  out: string;
  months: string[];
}

/** An in-process worker's options on a scene's folders: no site, every log line kept in `log`. */
const sceneWorker = (databaseUrl: string, s: Scene, checkEvery: number, log: string[]): WorkerOptions => ({
  databaseUrl,
  warehouse: s.warehouse,
  extracts: s.extracts,
  out: s.out,
  site: false,
  checkEvery,
  log: (l) => log.push(l),
});

/** Small demo deliveries (scale 0.002) in a source folder, and an empty extracts folder to land them in. */
export async function scene(months = 3, start = '2024-01'): Promise<Scene> {
  const root = tempDir('sa-schedule-');
  const source = join(root, 'source');
  const d = await generateDemo({ out: source, scale: 0.002, months, start, seed: 3 });
  const extracts = join(root, 'extracts');
  mkdirSync(extracts);
  return {
    root,
    source,
    extracts,
    warehouse: join(root, 'warehouse.duckdb'),
    out: join(root, 'published'),
    months: d.months,
  };
}

/** Lands a month's delivery the way a transfer should: copied under a hidden name, then renamed into place. */
export function land(s: Scene, month: string): void {
  const hidden = join(s.extracts, `.${month}.part`);
  cpSync(join(s.source, month), hidden, { recursive: true });
  renameSync(hidden, join(s.extracts, month));
}

/** The as-of month of the published output, or null before the first publish. */
export function publishedAsOf(out: string): string | null {
  const meta = join(out, 'public', 'metadata.json');
  if (!existsSync(meta)) return null;
  return (JSON.parse(readFileSync(meta, 'utf8')) as { as_of_month: string }).as_of_month;
}

/** True when no job of ours waits or runs (permanently failed jobs aside). */
async function queueIdle(db: TestDatabase): Promise<boolean> {
  const rows = await db.query<{ n: string }>(
    `select count(*) as n from graphile_worker.jobs where attempts < max_attempts or locked_at is not null`,
  );
  return Number(rows[0]!.n) === 0;
}

const BIN = join(import.meta.dirname, '..', '..', '..', 'bin', 'sa-outcomes.js');

export interface WorkerProcess {
  /** "worker (pid N)", for messages. */
  name: string;
  child: ChildProcess;
  /** Everything it wrote to stdout and stderr so far. */
  output: () => string;
  /** Its exit code (null when a signal ended it), once it has exited and its output is all read. */
  exited: Promise<number | null>;
  /** Sends it a signal, so that its exit is expected, and waits until it has exited. */
  stop: (signal: NodeJS.Signals) => Promise<number | null>;
  /** How it ended when no one stopped it ("exit code 1", "signal SIGSEGV"), or null. */
  unexpectedExit: () => string | null;
}

/** `sa-outcomes worker` in a process of its own, on the scene's folders, without the site. */
function spawnWorker(s: Scene, databaseUrl: string, env: Record<string, string> = {}): WorkerProcess {
  const child = spawn(
    process.execPath,
    [
      BIN,
      '--warehouse',
      s.warehouse,
      'worker',
      '--extracts',
      s.extracts,
      '--out',
      s.out,
      '--no-site',
      '--check-every',
      '1h',
    ],
    { env: { ...process.env, DATABASE_URL: databaseUrl, ...env }, stdio: ['ignore', 'pipe', 'pipe'] },
  );
  let output = '';
  child.stdout!.on('data', (b: Buffer) => (output += b.toString()));
  child.stderr!.on('data', (b: Buffer) => (output += b.toString()));
  let ended: string | null = null;
  let stopped = false;
  // 'close' rather than 'exit': it comes after the output pipes are drained, so output() is complete.
  const exited = new Promise<number | null>((resolve) =>
    child.on('close', (code, signal) => {
      ended = code === null ? `signal ${signal}` : `exit code ${code}`;
      resolve(code);
    }),
  );
  return {
    name: `worker (pid ${child.pid})`,
    child,
    output: () => output,
    exited,
    stop: (signal) => {
      stopped = true;
      if (ended === null) child.kill(signal);
      return exited;
    },
    unexpectedExit: () => (stopped ? null : ended),
  };
}

/** Waits until no job of ours waits or runs. */
async function queueEmptied(db: TestDatabase, watch: Watch): Promise<void> {
  await waitFor('the queue to empty', () => queueIdle(db), watch);
}

/** Kills the workers still running and waits for their exit: cleanup, before dropping the database. */
async function killWorkers(workers: WorkerProcess[]): Promise<void> {
  await Promise.all(workers.map((w) => w.stop('SIGKILL')));
}

/** A test's database and scene, and the worker processes it spawns on them (see `workerProcessesTest`). */
export interface WorkerProcessesTest {
  db: TestDatabase;
  s: Scene;
  /** `spawnWorker` on the test's scene and database. */
  spawn: (env?: Record<string, string>) => WorkerProcess;
  /** What a wait watches: the exits and output of every worker spawned so far, and the jobs. */
  watch: Watch;
  /** Waits until no job waits or runs. */
  waitUntilIdle: () => Promise<void>;
}

/**
 * A new database and a scene of `months` (nothing landed) for worker processes. When the test finishes, the
 * workers still running are killed, then the database is dropped: the workers first, since nothing may use
 * its pool once drop begins.
 */
export async function workerProcessesTest(months: number): Promise<WorkerProcessesTest> {
  const db = await createDatabase();
  const workers: WorkerProcess[] = [];
  onTestFinished(async () => {
    await killWorkers(workers);
    await db.drop();
  }, SLOW_MACHINE_TIMEOUT_MS);
  const s = await scene(months);
  const watch = watchWorkers(db, workers);
  return {
    db,
    s,
    spawn: (env) => {
      const w = spawnWorker(s, db.url, env);
      workers.push(w);
      return w;
    },
    watch,
    waitUntilIdle: () => queueEmptied(db, watch),
  };
}

/** A test's database and scene, and the worker it runs in its own process (see `inProcessWorkerTest`). */
export interface InProcessWorkerTest {
  db: TestDatabase;
  s: Scene;
  /** Every line the worker logged, across its starts. */
  log: string[];
  /** What a wait watches: the worker's log and the jobs. */
  watch: Watch;
  /**
   * Starts the worker (one at a time) on the scene's folders and the test's database, without the site,
   * logging into `log`; `options` adds to or overrides that.
   */
  start: (options: { checkEvery: number } & Partial<WorkerOptions>) => Promise<RunningWorker>;
  /** Stops the worker, if one runs, so that the test can open the warehouse. */
  stop: () => Promise<void>;
  /** Waits until no job waits or runs, then stops the worker. */
  stopWhenIdle: () => Promise<void>;
}

/**
 * A new database and a scene (`scene(months, start)`, nothing landed) for a worker in the test's own
 * process. When the test finishes, the worker is stopped, then the database dropped; `beforeStop` and
 * `afterStop` run around the stop (a proxy to restore, then to close).
 */
export async function inProcessWorkerTest(opts: {
  months: number;
  start?: string;
  beforeStop?: () => Promise<void> | undefined;
  afterStop?: () => Promise<void> | undefined;
}): Promise<InProcessWorkerTest> {
  const db = await createDatabase();
  let worker: RunningWorker | null = null;
  const stop = async (): Promise<void> => {
    const w = worker;
    worker = null;
    await w?.stop();
  };
  onTestFinished(async () => {
    await opts.beforeStop?.();
    await stop();
    await opts.afterStop?.();
    await db.drop();
  }, SLOW_MACHINE_TIMEOUT_MS);
  const s = await scene(opts.months, opts.start);
  const log: string[] = [];
  const watch = watchQueue(db, log);
  return {
    db,
    s,
    log,
    watch,
    start: async ({ checkEvery, ...options }) => {
      if (worker) throw new Error('a worker already runs in this test; stop it first');
      return (worker = await startWorker({ ...sceneWorker(db.url, s, checkEvery, log), ...options }));
    },
    stop,
    stopWhenIdle: async () => {
      await queueEmptied(db, watch);
      await stop();
    },
  };
}
