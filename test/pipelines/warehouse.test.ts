// The warehouse's typed reads (Kysely) run on the connection its transactions write on, and come back with
// the types warehouse-schema.ts declares.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { lastBuildChecks } from '../../pipelines/warehouse-schema.ts';
import type { Warehouse } from '../../pipelines/warehouse.ts';
import { memoryWarehouse } from '../helpers.ts';

let wh: Warehouse;
beforeEach(async () => {
  wh = await memoryWarehouse();
});
afterEach(async () => {
  await wh.close();
});

const insertRun = (runId: string, startedAt: string): Promise<void> =>
  wh.run(
    `insert into runs (run_id, command, started_at, status) values ('${runId}', 'run', '${startedAt}', 'success')`,
  );

describe('wh.transaction', () => {
  it("hands fn a Kysely whose reads see the transaction's own uncommitted writes", async () => {
    const seen = await wh.transaction(async (db) => {
      await insertRun('r1', '2026-01-05 10:00:00');
      return db.selectFrom('runs').select('run_id').execute();
    });
    expect(seen).toEqual([{ run_id: 'r1' }]);
  });

  it('a rolled-back write is not seen after', async () => {
    const failure = wh.transaction(async (db) => {
      await insertRun('r1', '2026-01-05 10:00:00');
      // Seen inside, before the rollback...
      expect(await db.selectFrom('runs').select('run_id').execute()).toEqual([{ run_id: 'r1' }]);
      throw new Error('stop');
    });
    await expect(failure).rejects.toThrow('stop');
    // ...and gone after it.
    expect(await wh.db.selectFrom('runs').select('run_id').execute()).toEqual([]);
  });
});

describe('typed reads', () => {
  it('come back as DuckDB gives them: BIGINT as bigint, INTEGER and DOUBLE as number, TIMESTAMP as Date', async () => {
    await wh.run(`insert into manifest (file_id, delivery, table_name, file, sha256, status, rows_read, loaded,
        collapsed, quarantined, ingested_at, run_id, size, mtime_ms)
      values (7, '2026-01', 'cases', 'cases.csv', 'abc', 'loaded', 3, 2, 1, 0, '2026-01-05 10:00:00', 'r1', 120, 1.5)`);
    const row = await wh.db.selectFrom('manifest').selectAll().executeTakeFirstOrThrow();
    expect(row).toMatchObject({
      file_id: 7,
      rows_read: 3n,
      loaded: 2n,
      collapsed: 1n,
      size: 120n,
      mtime_ms: 1.5,
    });
    expect(row.ingested_at).toEqual(new Date('2026-01-05T10:00:00Z'));
  });
});

describe('lastBuildChecks', () => {
  const insertCheck = (runId: string, name: string, status: string): Promise<void> =>
    wh.run(`insert into check_results values ('${runId}', '${name}', 'blocking', 0, '${status}')`);

  it('reads the checks of the latest run that recorded any, by name', async () => {
    await insertRun('early', '2026-01-05 10:00:00');
    await insertRun('late', '2026-01-06 10:00:00');
    await insertRun('no-build', '2026-01-07 10:00:00');
    await insertCheck('late', 'b_check', 'pass');
    await insertCheck('late', 'a_check', 'fail');
    await insertCheck('early', 'c_check', 'pass');
    expect(await lastBuildChecks(wh.db).execute()).toEqual([
      { check_name: 'a_check', severity: 'blocking', status: 'fail', failures: 0n },
      { check_name: 'b_check', severity: 'blocking', status: 'pass', failures: 0n },
    ]);
  });

  it('counts a build without a runs row (as in tests) only when no recorded run has checks', async () => {
    await insertCheck('first-unrecorded', 'a_check', 'fail');
    await insertCheck('second-unrecorded', 'b_check', 'pass');
    // With no recorded run, the one recorded last.
    expect((await lastBuildChecks(wh.db).execute()).map((c) => c.check_name)).toEqual(['b_check']);
    await insertRun('recorded', '2026-01-05 10:00:00');
    await insertCheck('recorded', 'c_check', 'pass');
    expect((await lastBuildChecks(wh.db).execute()).map((c) => c.check_name)).toEqual(['c_check']);
  });
});
