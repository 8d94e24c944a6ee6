// Kysely on the warehouse's own connection. kysely-duckdb's dialect compiles the queries; its driver would
// open a new connection for every query, and a new connection does not see what an open transaction on
// ours has written. This driver runs every query on the one connection the warehouse writes on, so a typed
// read inside `wh.transaction()` sees that transaction's writes.
//
// Values come back as DuckDB's Node API converts them (getRowObjectsJS): BIGINT and HUGEINT as bigint,
// INTEGER and DOUBLE as number, DECIMAL as number (a double), TIMESTAMP as Date, lists as arrays. The types
// in warehouse-schema.ts say the same.
import type { DuckDBConnection, DuckDBInstance, DuckDBValue } from '@duckdb/node-api';
import type { CompiledQuery, DatabaseConnection, Driver, QueryResult } from 'kysely';
import { DuckDbDialect } from 'kysely-duckdb';

class OneConnection implements DatabaseConnection {
  constructor(
    private readonly conn: DuckDBConnection,
    private readonly describeError: (e: unknown) => unknown,
  ) {}

  async executeQuery<R>(query: CompiledQuery): Promise<QueryResult<R>> {
    try {
      const reader = await this.conn.runAndReadAll(query.sql, query.parameters as DuckDBValue[]);
      return { rows: reader.getRowObjectsJS() as R[], numAffectedRows: BigInt(reader.rowsChanged) };
    } catch (e) {
      throw this.describeError(e);
    }
  }

  // Our reads are small: a stream is the whole result at once.
  async *streamQuery<R>(query: CompiledQuery): AsyncIterableIterator<QueryResult<R>> {
    yield await this.executeQuery<R>(query);
  }
}

class OneConnectionDriver implements Driver {
  private readonly connection: OneConnection;

  constructor(conn: DuckDBConnection, describeError: (e: unknown) => unknown) {
    this.connection = new OneConnection(conn, describeError);
  }

  async init(): Promise<void> {}
  async acquireConnection(): Promise<DatabaseConnection> {
    return this.connection;
  }
  async releaseConnection(): Promise<void> {}
  // Transactions are the warehouse's (`wh.transaction`), which raw SQL and Kysely share.
  async beginTransaction(): Promise<void> {
    throw new Error('use wh.transaction(), which Kysely reads and raw SQL share');
  }
  async commitTransaction(): Promise<void> {}
  async rollbackTransaction(): Promise<void> {}
  // The warehouse closes its connection itself (Warehouse.close).
  async destroy(): Promise<void> {}
}

/** kysely-duckdb's dialect, with every query on `conn`. `describeError` turns a DuckDB error into ours. */
export class WarehouseDialect extends DuckDbDialect {
  constructor(
    instance: DuckDBInstance,
    private readonly conn: DuckDBConnection,
    private readonly describeError: (e: unknown) => unknown,
  ) {
    super({ database: instance, tableMappings: {} });
  }

  override createDriver(): Driver {
    return new OneConnectionDriver(this.conn, this.describeError);
  }
}
