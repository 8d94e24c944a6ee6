// The embedded DuckDB warehouse: one file, one writer, one connection. Raw SQL here is for DDL and bulk
// statements; typed reads go through Kysely (`wh.db`), on the same connection, so that they see what an
// open transaction has written.
import { DuckDBConnection, DuckDBInstance, type DuckDBValue } from '@duckdb/node-api';
import { Kysely } from 'kysely';
import { existsSync, mkdirSync } from 'node:fs';
import { dirname } from 'node:path';
import { WarehouseDialect } from './warehouse-dialect.ts';
import type { WarehouseDb } from './warehouse-schema.ts';

export const DEFAULT_WAREHOUSE = 'data/warehouse.duckdb';

type Row = Record<string, unknown>;
/** Values bound to a statement by name ($name). */
export type NamedParams = Record<string, DuckDBValue>;
/** Values bound to a statement: by position ($1, $2, …) or by name ($name). */
export type Params = DuckDBValue[] | NamedParams;

/** DuckDB returns BIGINT as bigint; our counts fit in a double, so hand them back as numbers. */
function plain(row: Row): Row {
  for (const k of Object.keys(row)) {
    const v = row[k];
    if (typeof v === 'bigint') row[k] = Number(v);
  }
  return row;
}

/** Quote a string as a SQL literal. */
export const lit = (s: string): string => `'${s.replaceAll("'", "''")}'`;
/** Quote an identifier. */
export const ident = (s: string): string => `"${s.replaceAll('"', '""')}"`;

// DuckDB's words for a file it cannot use: held by another process, or damaged (seen when it is opened, or
// only when a damaged block is first read).
const LOCKED = /Could not set lock on file|Conflicting lock is held/i;
const CORRUPT = /Corrupt database file|does not match stored checksum/i;
// Only when opening: a query may say the same of an extract it reads (a truncated Parquet file).
const CORRUPT_ON_OPEN = /not a valid DuckDB database file|Could not read enough bytes from file/i;

const CORRUPT_ADVICE =
  'restore it from a backup, or move it aside and run `sa-outcomes run` to rebuild it from the extracts';

/** One clear line for a warehouse that cannot be opened. */
function describeFailure(path: string, e: unknown): string {
  const msg = (e as Error).message;
  if (LOCKED.test(msg))
    return `the warehouse ${path} is in use by another process (DuckDB allows one writer): ${msg}`;
  if (CORRUPT.test(msg) || CORRUPT_ON_OPEN.test(msg))
    return `the warehouse ${path} is damaged (${msg}): ${CORRUPT_ADVICE}`;
  return `cannot open the warehouse ${path}: ${msg}`;
}

/** A damaged warehouse named as such; any other error unchanged. */
function corruption(path: string, e: unknown): unknown {
  const msg = e instanceof Error ? e.message : '';
  return CORRUPT.test(msg) ? new Error(`the warehouse ${path} is damaged (${msg}): ${CORRUPT_ADVICE}`) : e;
}

export class Warehouse {
  /** Typed reads, on the warehouse's connection (inside a transaction, they see its writes). */
  readonly db: WarehouseDb;

  private constructor(
    readonly path: string,
    readonly instance: DuckDBInstance,
    readonly conn: DuckDBConnection,
  ) {
    this.db = new Kysely({ dialect: new WarehouseDialect(instance, conn, (e) => corruption(path, e)) });
  }

  /**
   * Opens (or, unless `mustExist`, creates) the warehouse. Commands that only read or publish what is there
   * pass `mustExist`, so that a mistyped --warehouse fails instead of leaving an empty database behind.
   */
  static async open(
    path: string = DEFAULT_WAREHOUSE,
    opts: { mustExist?: boolean } = {},
  ): Promise<Warehouse> {
    if (path !== ':memory:') {
      if (opts.mustExist && !existsSync(path)) {
        throw new Error(
          `there is no warehouse at ${path}: run \`sa-outcomes run\` (or ingest) first, or check --warehouse`,
        );
      }
      mkdirSync(dirname(path), { recursive: true });
    }
    let instance: DuckDBInstance;
    try {
      instance = await DuckDBInstance.create(path);
    } catch (e) {
      throw new Error(describeFailure(path, e));
    }
    const conn = await instance.connect();
    // Checkpoint (rewrite the database file from the write-ahead log) at most every GB of changes rather
    // than DuckDB's default 16 MB: a monthly delivery is one transaction of a few hundred MB, and
    // checkpointing after each cost a third of ingest time. Ingest checkpoints explicitly when it ends.
    await conn.run(`set checkpoint_threshold = '1GB'`);
    // A fixed memory budget (SA_MEMORY_LIMIT, default 3 GB): DuckDB spills to disk beyond it. With its default
    // of 80% of RAM the build grew to 10 GB at full provincial scale and was no faster. The process's peak is
    // the budget plus what DuckDB and Node hold outside it. A full build at scale 1 peaked at 4.6 and 4.9 GB
    // with a 4 GB budget, 3.9 and 4.1 GB with 3.3 GB, 3.5 GB with 3 GB, in about the same time (67 to 76 s).
    await conn.run(`set memory_limit = ${lit(process.env.SA_MEMORY_LIMIT ?? '3GB')}`);
    // Nothing in the warehouse depends on the order rows are stored in (models sort what they publish),
    // and without that order DuckDB writes in parallel. Reading CSV lines keeps it (read.ts).
    await conn.run(`set preserve_insertion_order = false`);
    return new Warehouse(path, instance, conn);
  }

  /**
   * Runs a statement; `params` are bound to its `$1`, `$2`, … (or, given by name, to its `$name`s) instead of
   * being written into the SQL text.
   */
  async run(sql: string, params?: Params): Promise<void> {
    try {
      await this.conn.run(sql, params);
    } catch (e) {
      throw corruption(this.path, e);
    }
  }

  async all<T = Row>(sql: string, params?: Params): Promise<T[]> {
    try {
      const reader = await this.conn.runAndReadAll(sql, params);
      return reader.getRowObjectsJS().map((r) => plain(r as Row)) as T[];
    } catch (e) {
      throw corruption(this.path, e);
    }
  }

  async one<T = Row>(sql: string, params?: Params): Promise<T | undefined> {
    return (await this.all<T>(sql, params))[0];
  }

  async value<T = unknown>(sql: string, params?: Params): Promise<T> {
    const row = await this.one(sql, params);
    return (row ? Object.values(row)[0] : undefined) as T;
  }

  async tableExists(name: string): Promise<boolean> {
    const n = await this.value<number>(
      `select count(*) from information_schema.tables where table_schema = 'main' and table_name = ${lit(name)}`,
    );
    return n > 0;
  }

  /**
   * Runs fn in one transaction: everything it wrote is kept, or nothing is. fn is handed the Kysely of the
   * transaction's connection, whose reads see what fn has written so far.
   */
  async transaction<T>(fn: (db: WarehouseDb) => Promise<T>): Promise<T> {
    await this.run('begin transaction');
    try {
      const result = await fn(this.db);
      await this.run('commit');
      return result;
    } catch (e) {
      await this.run('rollback').catch(() => undefined);
      throw e;
    }
  }

  async close(): Promise<void> {
    await this.db.destroy();
    this.conn.closeSync();
    this.instance.closeSync();
  }
}
