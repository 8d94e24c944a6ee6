// The manifest (one row per file version seen: extracts.md, exported as deliveries.csv) and ingest's run log.
import type { FileError } from './contract.ts';
import type { DeliveryFile } from './deliveries.ts';
import type { Warehouse } from '../warehouse.ts';

export async function newFileId(wh: Warehouse): Promise<number> {
  return wh.value<number>(`select nextval('file_id_seq')::integer`);
}

export async function recordFile(
  wh: Warehouse,
  f: DeliveryFile,
  fileId: number,
  runId: string,
  status: string,
  counts: { rowsRead: number; loaded: number; collapsed: number; quarantined: number },
  error: { code: FileError | 'UNKNOWN_FILE'; message: string } | null,
): Promise<void> {
  await wh.run(
    `insert into manifest values ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, now()::timestamp, $12, $13, $14, $15)`,
    [
      fileId,
      f.delivery,
      f.table,
      f.file,
      f.sha256,
      status,
      counts.rowsRead,
      counts.loaded,
      counts.collapsed,
      counts.quarantined,
      error?.message ?? null,
      runId,
      f.size,
      f.mtimeMs,
      error?.code ?? null,
    ],
  );
}

/** A file version no longer in force: a restated file's earlier version, or an earlier rejected attempt. */
export async function supersede(wh: Warehouse, fileId: number): Promise<void> {
  await wh.run(`update manifest set status = 'superseded' where file_id = $1`, [fileId]);
}

/** A line of ingest's run log, about one file of a delivery (or, with `file` null, the delivery as a whole). */
export async function logLine(
  wh: Warehouse,
  runId: string,
  at: { delivery: string; file: string | null },
  level: string,
  message: string,
): Promise<void> {
  await wh.run(`insert into ingest_log values ($1, $2, $3, $4, $5)`, [
    runId,
    at.delivery,
    at.file,
    level,
    message,
  ]);
}
