// Runs one pipeline job as one recorded run (`runs`, with its trigger, attempt and job), the way the CLI
// runs a command, and says how it went in one line.
import type { Job, JobHelpers, Task } from 'graphile-worker';
import { FutureDelivery } from '../extracts/deliveries.ts';
import type { BuildResult } from '../models/build.ts';
import { BlockingChecksFailed, buildStep, withRun, type RunContext } from '../pipeline.ts';
import type { Warehouse } from '../warehouse.ts';
import { queueJob, type JobPayload, type TaskName } from './queue.ts';

/** What every task needs to know; one object per worker. */
export interface WorkerSettings {
  warehouse: string;
  extracts: string;
  out: string;
  site: boolean;
  /** One line per job; step details only with `verbose`. */
  log: (line: string) => void;
  verbose: boolean;
  /** The worker's graphile-worker pool id and process id, once the pool exists. */
  workerName: string;
  /** Runs finished by this worker, for its closing summary. */
  runs: { succeeded: number; failed: number };
  /**
   * Test hook: called first thing inside every recorded run. A throw fails that attempt like a failed
   * step would, so tests can inject failures without replacing any pipeline component.
   */
  beforeRun?: (task: TaskName, job: Job) => void | Promise<void>;
}

/** A failure that running again cannot fix until the data changes: recorded as failed, not retried. */
export class PermanentFailure extends Error {}

/** Errors runJob has already reported, so the worker's catch-all does not report them twice. */
const reported = new WeakSet<object>();
export const wasReported = (e: unknown): boolean => typeof e === 'object' && e !== null && reported.has(e);

const isPermanent = (e: unknown): boolean =>
  e instanceof PermanentFailure || e instanceof BlockingChecksFailed || e instanceof FutureDelivery;

/** The run context of a job: a later attempt is a retry; the first carries its chain's trigger. */
export function jobContext(payload: JobPayload, job: Job): RunContext {
  return {
    trigger: job.attempts > 1 ? 'retry' : (payload.trigger ?? 'schedule'),
    attempt: job.attempts,
    maxAttempts: job.max_attempts,
    jobId: String(job.id),
    causedBy: payload.causedBy,
    month: payload.month,
  };
}

/**
 * Runs fn as one recorded run for this job and logs its outcome. Returns the result and run id, or null when
 * the run failed for good (PermanentFailure, blocking checks): that is recorded and logged, and the job ends
 * without a retry. Any other failure is rethrown, so graphile-worker retries the job with backoff.
 */
export async function runJob<T>(
  task: TaskName,
  payload: JobPayload,
  helpers: JobHelpers,
  s: WorkerSettings,
  fn: (wh: Warehouse, runId: string) => Promise<T>,
  summarize: (r: T) => string,
): Promise<{ result: T; runId: string } | null> {
  const { job } = helpers;
  const context = { ...jobContext(payload, job), worker: s.workerName };
  const what = `${task}${payload.month ? ` ${payload.month}` : ''} (${context.trigger}, attempt ${job.attempts}/${job.max_attempts})`;
  const started = performance.now();
  const secs = (): string => ((performance.now() - started) / 1000).toFixed(1);
  let runId = '';
  try {
    const result = await withRun(
      task,
      { warehouse: s.warehouse, context },
      async (wh, id) => {
        runId = id;
        await s.beforeRun?.(task, job);
        return fn(wh, id);
      },
      summarize,
    );
    s.runs.succeeded++;
    s.log(`${what}: ${summarize(result)} (${secs()} s)`);
    return { result, runId };
  } catch (e) {
    s.runs.failed++;
    const msg = (e as Error).message.split('\n')[0];
    if (isPermanent(e)) {
      s.log(`${what} failed, not retried: ${msg} (${secs()} s)`);
      return null;
    }
    const next =
      job.attempts < job.max_attempts
        ? `retrying in about ${Math.round(Math.exp(Math.min(job.attempts, 10)))} s`
        : 'giving up';
    s.log(`${what} failed: ${msg}; ${next} (${secs()} s)`);
    if (typeof e === 'object' && e !== null) reported.add(e);
    throw e;
  }
}

/**
 * A task that runs one step of the ingest → build → publish chain as a recorded run (runJob). When `next`
 * names the step its result calls for, that step is queued in the same chain: the chain's trigger, caused by
 * this run, keyed by the step's name so that one waiting job takes in every request.
 */
export const chainedTask =
  <T>(
    task: TaskName,
    step: (s: WorkerSettings, p: JobPayload) => (wh: Warehouse, runId: string) => Promise<T>,
    summarize: (r: T) => string,
    next: (r: T) => TaskName | null = () => null,
  ) =>
  (s: WorkerSettings): Task =>
  async (payload, helpers) => {
    const p = payload as JobPayload;
    const done = await runJob(task, p, helpers, s, step(s, p), summarize);
    const then = done && next(done.result);
    if (then) await queueJob(helpers.addJob, then, { trigger: p.trigger, causedBy: done.runId }, then);
  };

/** Step details go to the worker's log only when it runs verbose. */
export const stepLog = (s: WorkerSettings): ((line: string) => void) =>
  s.verbose ? s.log : (): undefined => undefined;

/** Builds (buildStep), or refuses: blocking check failures fail the run for good, since the worker publishes only after. */
export async function buildOrRefuse(
  wh: Warehouse,
  runId: string,
  s: WorkerSettings,
  full: boolean,
): Promise<BuildResult> {
  const b = await buildStep(wh, runId, stepLog(s), full);
  if (b.blockingFailed.length > 0)
    throw new BlockingChecksFailed(
      `blocking check(s) failed, nothing published: ${b.blockingFailed.map((c) => c.name).join(', ')}`,
    );
  return b;
}
