// What the scheduler puts on graphile-worker's queue: task names, payloads, and the one named queue that
// keeps every job touching the warehouse serial.
import { Logger, makeWorkerUtils, type AddJobFunction, type Job, type WorkerUtils } from 'graphile-worker';
import type { Trigger } from '../pipeline.ts';

/**
 * Every job that opens the warehouse runs in this queue: graphile-worker runs one job of a named queue at a
 * time across all workers on the database, and DuckDB allows one writer.
 */
export const PIPELINE_QUEUE = 'sa-outcomes-pipeline';

/** Attempts before a job is given up; graphile-worker waits e^attempt seconds between them (3 s, 7 s, 20 s, 55 s). */
export const MAX_ATTEMPTS = 5;

export const TASK_NAMES = [
  'check-deliveries',
  'ingest',
  'build',
  'publish',
  'backfill-month',
  'monthly-rebuild',
] as const;
export type TaskName = (typeof TASK_NAMES)[number];

export interface JobPayload {
  /** What started the chain of jobs this one belongs to (default: schedule). */
  trigger?: Trigger;
  /** The run whose success queued this job. */
  causedBy?: string;
  /** build: rebuild every model whole. */
  full?: boolean;
  /** backfill-month: the month, YYYY-MM. */
  month?: string;
}

/**
 * Queues a pipeline job. The job key dedupes: `replace` (the default) folds a repeated trigger into the job
 * still waiting, which then runs as soon as it can; `preserve_run_at` folds it in but keeps the waiting job's
 * place in line; `unsafe_dedupe` adds nothing while any job of that key exists, even a running one.
 */
export function queueJob(
  addJob: AddJobFunction,
  task: TaskName,
  payload: JobPayload,
  jobKey: string,
  jobKeyMode: 'replace' | 'preserve_run_at' | 'unsafe_dedupe' = 'replace',
): Promise<Job> {
  return addJob(task, payload, { queueName: PIPELINE_QUEUE, jobKey, jobKeyMode, maxAttempts: MAX_ATTEMPTS });
}

/** graphile-worker's own log lines, shown only with --verbose: the worker reports what matters itself. */
export const graphileLogger = (show: ((line: string) => void) | null): Logger =>
  new Logger(() => (level, message) => {
    if (show && level !== 'debug') show(`graphile-worker ${level}: ${message.split('\n')[0]}`);
  });

/** Worker utilities on DATABASE_URL with graphile-worker's schema in place. */
export async function openQueue(
  databaseUrl: string,
  verboseLog: ((line: string) => void) | null = null,
): Promise<WorkerUtils> {
  const utils = await makeWorkerUtils({ connectionString: databaseUrl, logger: graphileLogger(verboseLog) });
  try {
    await utils.migrate();
  } catch (e) {
    await utils.release();
    throw new Error(`cannot use PostgreSQL at ${redact(databaseUrl)}: ${(e as Error).message}`);
  }
  return utils;
}

/** A connection string without its password, for messages. */
export const redact = (url: string): string => url.replace(/\/\/([^:/@]+):[^@]*@/, '//$1:***@');

/** DATABASE_URL, or a message saying how to set it. */
export function databaseUrl(): string {
  const url = process.env.DATABASE_URL;
  if (!url)
    throw new Error(
      'DATABASE_URL is not set: the scheduler keeps its queue in PostgreSQL, e.g. DATABASE_URL=postgres://postgres@127.0.0.1:5432/test',
    );
  return url;
}
