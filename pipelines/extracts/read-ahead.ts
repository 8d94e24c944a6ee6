// Reads the next delivery's files while the current one loads. Loading a delivery keeps about one core busy,
// and so does reading one; DuckDB runs the statements of two connections at the same time, so the files are
// read on a second connection into an in-memory database both connections see. Reading needs nothing that
// loading writes: each row is judged alone (validate.ts) and against the rest of its file (duplicates.ts);
// everything that needs the warehouse is judged when it loads (ingest.ts).
import { TABLES, type TableName } from './contract.ts';
import type { DeliveryFile } from './deliveries.ts';
import { FileRejection, stageCsv, stageParquet, type StagedFile } from './read.ts';
import { rowReasonsSql } from './validate.ts';
import { markDuplicates } from './duplicates.ts';
import { ident, lit, type Warehouse } from '../warehouse.ts';

/** The in-memory database the files are read into. */
const READ_DB = 'ingest_read';

export interface Staged extends StagedFile {
  fileId: number;
  /** The table holding the file's rows (columns: see `candidates`), in READ_DB. */
  table: string;
}

export type ReadFiles = Map<DeliveryFile, Staged | FileRejection>;

type Settled = { files: ReadFiles } | { error: unknown };

export class ReadAhead {
  /** The delivery being read (or read and not yet taken). */
  private reading: Promise<Settled> | null = null;
  /** The tables of the delivery taken last (loading now) and of the one before (loaded: dropped next). */
  private loading: string[] = [];
  private loaded: string[] = [];

  private constructor(
    private readonly wh: Warehouse,
    private readonly side: Warehouse,
    private readonly serviceManagers: readonly string[],
  ) {}

  static async open(wh: Warehouse, serviceManagers: readonly string[]): Promise<ReadAhead> {
    await wh.run(`attach if not exists ':memory:' as ${READ_DB}`);
    return new ReadAhead(wh, await wh.sideConnection(), serviceManagers);
  }

  /**
   * Starts reading the files of one delivery (each names its table). Their file ids are drawn now, on the
   * main connection and outside any transaction, in the order given.
   */
  async start(files: DeliveryFile[]): Promise<void> {
    if (this.reading) throw new Error('internal: a delivery is already being read');
    const ids = new Map<DeliveryFile, number>();
    for (const f of files) ids.set(f, await this.wh.value<number>(`select nextval('file_id_seq')::integer`));
    const drop = this.loaded;
    this.loaded = [];
    // Settled at once, so that a failure is reported when the delivery is taken, not as an unhandled one.
    this.reading = this.read(files, ids, drop).then(
      (files) => ({ files }),
      (error: unknown) => ({ error }),
    );
  }

  /** The files of the delivery started last, once read. Their tables stay until the next delivery is started after the one that follows. */
  async take(): Promise<ReadFiles> {
    if (!this.reading) throw new Error('internal: no delivery is being read');
    const settled = await this.reading;
    this.reading = null;
    if ('error' in settled) throw settled.error;
    this.loaded = this.loading;
    this.loading = [...settled.files.values()].flatMap((s) => (s instanceof FileRejection ? [] : [s.table]));
    return settled.files;
  }

  /** Waits for a read still under way, and frees everything read. */
  async close(): Promise<void> {
    await this.reading;
    this.reading = null;
    await this.side.close();
    await this.wh.run(`detach database if exists ${READ_DB}`);
  }

  private async read(
    files: DeliveryFile[],
    ids: Map<DeliveryFile, number>,
    drop: string[],
  ): Promise<ReadFiles> {
    for (const t of drop) await this.side.run(`drop table if exists ${t}`);
    const out: ReadFiles = new Map();
    for (const f of files) out.set(f, await this.readFile(f, f.table!, ids.get(f)!));
    return out;
  }

  /**
   * Reads a file into READ_DB with the row-level reasons and the duplicates within it already judged (they
   * need nothing but the file). Its
   * temporary tables are the side connection's own, so the result is copied where the loader can read it.
   */
  private async readFile(f: DeliveryFile, table: TableName, fileId: number): Promise<Staged | FileRejection> {
    const cols = TABLES[table].columns.map((c) => ident(c.name)).join(', ');
    const project = (staged: string, headerFields: number): string => `
      select ${fileId} as file_id, ${lit(f.delivery)} as delivery, line, line as seq, raw, nfields,
        now()::timestamp as first_seen, null::timestamp as last_retried,
        ${cols},
        ${rowReasonsSql(table, headerFields, this.serviceManagers)} as reasons,
        false as collapsed
      from ${staged}`;
    const target = `${READ_DB}.file_${fileId}`;
    try {
      const stage = f.format === 'parquet' ? stageParquet : stageCsv;
      const staged = await stage(this.side, f.path, TABLES[table], '_read', project);
      await markDuplicates(this.side, '_read', table, staged.headerFields);
      await this.side.run(`create or replace table ${target} as select * from _read; drop table _read`);
      return { ...staged, fileId, table: target };
    } catch (e) {
      if (e instanceof FileRejection) return e;
      throw e;
    }
  }
}
