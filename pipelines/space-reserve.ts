// A run keeps a few megabytes of disk beside the warehouse until it ends, so that a run that fails because
// the disk is full can still record that it failed. Why it is needed: when a write fails with "No space left
// on device", DuckDB rolls the transaction back but keeps the blocks it had written inside the database file,
// so the disk stays full, and the one-row `update runs set status = 'failed'` cannot write its log (the .wal
// file); reopening the warehouse does not help either. Freeing the reserve gives that update room.
import { randomBytes } from 'node:crypto';
import { rmSync, writeFileSync } from 'node:fs';

/** Enough for DuckDB's write-ahead log entry of the run's last update and the checkpoint at close. */
export const RESERVE_BYTES = 4 * 1024 * 1024;

export interface SpaceReserve {
  /** Gives the space back; safe to call more than once. */
  release: () => void;
}

/**
 * Writes `<warehouse>.reserve`. Random bytes, not zeros: a file system that compresses or deduplicates would
 * store zeros in no space at all. Fails with one clear line when even this much space is not left.
 */
export function reserveSpace(warehouse: string): SpaceReserve {
  if (warehouse === ':memory:') return { release: () => undefined };
  const path = `${warehouse}.reserve`;
  try {
    writeFileSync(path, randomBytes(RESERVE_BYTES));
  } catch (e) {
    rmSync(path, { force: true });
    if ((e as NodeJS.ErrnoException).code !== 'ENOSPC') throw e;
    throw new Error(
      `no space left on the disk of the warehouse ${warehouse} (ENOSPC): a run needs at least ${RESERVE_BYTES / 1024 / 1024} MB free beside it; free some space`,
    );
  }
  return { release: () => rmSync(path, { force: true }) };
}
