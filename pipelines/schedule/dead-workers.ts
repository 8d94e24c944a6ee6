// Jobs left locked by a worker that died (SIGKILL, crash, lost machine). graphile-worker itself frees a
// locked job only after 4 hours, and while the job is locked its queue, which holds every pipeline job, is
// blocked too. So each worker says it is alive with a PostgreSQL session advisory lock keyed by its pool id
// (the `locked_by` of the jobs it takes), held on a connection of its own. PostgreSQL drops that lock the
// moment the connection closes, as it does when the process dies; a job locked by a pool whose advisory
// lock anyone can take belongs to a dead worker, and `forceUnlockWorkers` frees it.
import pg from 'pg';
import type { WorkerUtils } from 'graphile-worker';
import { TASK_NAMES } from './queue.ts';

const lockKey = (poolId: string): string => `sa-outcomes worker ${poolId}`;

/** The advisory lock that says this worker is alive; taken again after PostgreSQL comes back. */
export class Presence {
  /** The connection being opened or holding the lock; events from older ones are ignored. */
  private current: pg.Client | null = null;
  private isHeld = false;
  private poolId: string | null = null;
  private stopped = false;
  /** Once the pool shuts down, its worker must not wait for the lock any more. */
  private gateOpen = false;
  private retry: NodeJS.Timeout | null = null;
  private held!: Promise<void>;
  private markHeld!: () => void;

  constructor(
    private readonly databaseUrl: string,
    /** Called with the error when the connection holding the lock is lost. */
    private readonly onLost: (e: Error) => void,
  ) {
    this.resetHeld();
  }

  private resetHeld(): void {
    if (this.gateOpen) return;
    this.held = new Promise((resolve) => (this.markHeld = resolve));
  }

  /** Resolves once the lock is held (again): the worker takes no job before, so no one thinks it dead. */
  whenHeld(): Promise<void> {
    return this.held;
  }

  /** Lets the worker stop waiting for the lock: its pool is shutting down and takes no more jobs. */
  openGate(): void {
    this.gateOpen = true;
    this.markHeld();
  }

  hold(poolId: string): void {
    this.poolId = poolId;
    void this.connect();
  }

  private async connect(): Promise<void> {
    if (this.stopped || !this.poolId) return;
    const client = new pg.Client({ connectionString: this.databaseUrl });
    this.current = client;
    client.on('error', (e) => this.lost(client, e));
    client.on('end', () => this.lost(client, new Error('the connection ended')));
    try {
      await client.connect();
      const { rows } = await client.query<{ ok: boolean }>(
        'select pg_try_advisory_lock(hashtextextended($1, 0)) as ok',
        [lockKey(this.poolId)],
      );
      if (!rows[0]?.ok) throw new Error(`the advisory lock of ${this.poolId} is held by another session`);
      if (this.current !== client) return;
      this.isHeld = true;
      this.markHeld();
    } catch (e) {
      this.lost(client, e as Error);
    }
  }

  private lost(client: pg.Client, e: Error): void {
    if (this.stopped || client !== this.current) return;
    this.current = null;
    client.removeAllListeners();
    client.on('error', () => undefined);
    void client.end().catch(() => undefined);
    if (this.isHeld) {
      this.isHeld = false;
      this.resetHeld();
      this.onLost(e);
    }
    this.retry = setTimeout(() => {
      this.retry = null;
      void this.connect();
    }, 1000);
  }

  async stop(): Promise<void> {
    this.stopped = true;
    if (this.retry) clearTimeout(this.retry);
    this.openGate();
    const c = this.current;
    this.current = null;
    if (c) {
      c.removeAllListeners();
      c.on('error', () => undefined);
      await c.end().catch(() => undefined);
    }
  }
}

/**
 * Frees the jobs (and so the queue) that dead workers left locked; returns those workers' pool ids.
 * `ownPoolId` is never judged: this worker knows it is alive even while its lock is being taken again.
 */
export async function unlockDeadWorkers(
  utils: WorkerUtils,
  ownPoolId: string | null = null,
): Promise<string[]> {
  const dead = await utils.withPgClient(async (client) => {
    const { rows } = await client.query<{ locked_by: string }>(
      `select distinct locked_by from graphile_worker.jobs
       where locked_by is not null and locked_by is distinct from $2 and task_identifier = any($1::text[])`,
      [TASK_NAMES, ownPoolId],
    );
    const found: string[] = [];
    for (const { locked_by } of rows) {
      const { rows: r } = await client.query<{ free: boolean }>(
        'select pg_try_advisory_lock(hashtextextended($1, 0)) as free',
        [lockKey(locked_by)],
      );
      if (r[0]?.free) {
        await client.query('select pg_advisory_unlock(hashtextextended($1, 0))', [lockKey(locked_by)]);
        found.push(locked_by);
      }
    }
    return found;
  });
  if (dead.length > 0) await utils.forceUnlockWorkers(dead);
  return dead;
}
