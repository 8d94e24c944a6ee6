// Helpers for the scheduler's tests: a PostgreSQL database of their own, small demo deliveries, polling
// with a deadline, and worker processes.
import { spawn, type ChildProcess } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { cpSync, existsSync, mkdirSync, readFileSync, renameSync } from 'node:fs';
import { join } from 'node:path';
import pg from 'pg';
import { generateDemo } from '../../../pipelines/extracts/demo.ts';
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
      if (dropping)
        throw new Error(
          `the test database ${name} is being dropped (the test's cleanup has begun); not running: ${sql.trim().split('\n')[0]}`,
        );
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
 * Polls until check returns a value other than undefined/false, or fails after timeoutMs saying what it
 * waited for. The default deadline is long because pipeline work on a busy 2-core machine is slow; a
 * passing test never waits for it.
 */
export async function waitFor<T>(
  what: string,
  check: () => T | undefined | false | Promise<T | undefined | false>,
  timeoutMs = 60_000,
  intervalMs = 50,
): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const v = await check();
    if (v !== undefined && v !== false) return v;
    if (Date.now() > deadline) throw new Error(`timed out after ${timeoutMs} ms waiting for ${what}`);
    await new Promise((r) => setTimeout(r, intervalMs));
  }
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
export async function queueIdle(db: TestDatabase): Promise<boolean> {
  const rows = await db.query<{ n: string }>(
    `select count(*) as n from graphile_worker.jobs where attempts < max_attempts or locked_at is not null`,
  );
  return Number(rows[0]!.n) === 0;
}

const BIN = join(import.meta.dirname, '..', '..', '..', 'bin', 'sa-outcomes.js');

export interface WorkerProcess {
  child: ChildProcess;
  output: () => string;
  exited: Promise<number | null>;
}

/** `sa-outcomes worker` in a process of its own, on the scene's folders, without the site. */
export function spawnWorker(s: Scene, databaseUrl: string, env: Record<string, string> = {}): WorkerProcess {
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
  const exited = new Promise<number | null>((resolve) => child.on('exit', (code) => resolve(code)));
  return { child, output: () => output, exited };
}
