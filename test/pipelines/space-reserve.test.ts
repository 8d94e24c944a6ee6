// The space a run keeps beside the warehouse to record its own failure on a full disk.
import { existsSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { RESERVE_BYTES, reserveSpace } from '../../pipelines/space-reserve.ts';
import { tempDir } from '../helpers.ts';
import { tmpfs } from '../mount.ts';

describe('reserveSpace', () => {
  it('holds RESERVE_BYTES beside the warehouse until released', () => {
    const warehouse = join(tempDir(), 'w.duckdb');
    const reserve = reserveSpace(warehouse);
    expect(statSync(`${warehouse}.reserve`).size).toBe(RESERVE_BYTES);
    reserve.release();
    reserve.release();
    expect(existsSync(`${warehouse}.reserve`)).toBe(false);
  });

  it('says in one line when the disk has not even that much room, leaving nothing behind', () => {
    const disk = tmpfs(2); // less than the 4 MB reserve
    const warehouse = join(disk, 'w.duckdb');
    expect(() => reserveSpace(warehouse)).toThrow(
      new Error(
        `no space left on the disk of the warehouse ${warehouse} (ENOSPC): a run needs at least 4 MB free beside it; free some space`,
      ),
    );
    expect(existsSync(`${warehouse}.reserve`)).toBe(false);
  });
});
