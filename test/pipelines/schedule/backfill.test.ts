// `sa-outcomes backfill` queues a rebuild per month; the worker records each month's outcome, and
// `--retry-failed` queues only the months that failed.
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { main } from '../../../pipelines/cli.ts';
import { readMonthStatus } from '../../../pipelines/status.ts';
import { capture, withWarehouse } from '../../helpers.ts';
import {
  SLOW_MACHINE_TIMEOUT_MS,
  inProcessWorkerTest,
  land,
  publishedAsOf,
  type InProcessWorkerTest,
  type Scene,
} from './helpers.ts';

afterEach(() => vi.restoreAllMocks());

/** Runs the CLI in this process; returns its exit code and what it printed. */
async function cli(...args: string[]): Promise<{ code: number; out: string }> {
  const io = capture();
  try {
    const code = await main(args);
    return { code, out: io.out() + io.err() };
  } finally {
    vi.restoreAllMocks();
  }
}

/** Runs a worker until the queue is empty, then stops it (so the test can open the warehouse). */
async function work(t: InProcessWorkerTest): Promise<void> {
  await t.start({ checkEvery: 3_600_000 });
  await t.stopWhenIdle();
}

async function backfills(s: Scene): Promise<[string, string, number][]> {
  const rows = await withWarehouse(s.warehouse, (wh) =>
    wh.all<{ month: string; status: string; attempt: number }>(
      `select month, status, attempt from runs where command = 'backfill-month' order by started_at`,
    ),
  );
  return rows.map((r) => [r.month, r.status, r.attempt]);
}

describe('backfill', { timeout: SLOW_MACHINE_TIMEOUT_MS }, () => {
  it('rebuilds a range of months, then reruns only the failed ones', async () => {
    const t = await inProcessWorkerTest({ months: 2, start: '2023-12' });
    process.env.DATABASE_URL = t.db.url;
    const s = t.s;
    const [m0, m1] = s.months as [string, string];
    // Only the second month is delivered, so the first month's rebuild fails.
    land(s, m1);
    expect((await cli('--warehouse', s.warehouse, 'ingest', '--extracts', s.extracts)).code).toBe(0);

    expect((await cli('--warehouse', s.warehouse, 'backfill', '--from', m0, '--to', m1)).out).toMatch(
      /^backfill: queued 2 month rebuild\(s\) \(2023-12 to 2024-01\)/,
    );
    await work(t);
    expect(publishedAsOf(s.out)).toBe(m1);
    expect(await backfills(s)).toEqual([
      [m0, 'failed', 1], // not retried: no delivery for it, running again cannot help
      [m1, 'success', 1],
    ]);
    const status = await cli('--warehouse', s.warehouse, 'status');
    expect(status.out).toContain(`${m0}  not loaded  not built  not published  backfill failed`);
    expect(status.out).toMatch(new RegExp(`${m1}  loaded .* published .* backfill success`));
    expect(status.out).toMatch(
      /backfill-month +backfill +2023-12 attempt 1\/5  failed .*no delivery is loaded/,
    );

    // The missing delivery arrives, and the other month is restated (its messages file changed): both are
    // loaded. The restated month is stale: its published figures do not include the restatement yet.
    land(s, m0);
    const messages = join(s.extracts, m1, 'messages.csv');
    writeFileSync(
      messages,
      readFileSync(messages, 'utf8').trimEnd().split('\n').slice(0, -1).join('\n') + '\n',
    );
    expect((await cli('--warehouse', s.warehouse, 'ingest', '--extracts', s.extracts)).code).toBe(0);
    const stale = await cli('--warehouse', s.warehouse, 'status');
    expect(stale.out).toMatch(new RegExp(`${m0}  loaded .*  not built  not published  backfill failed`));
    expect(stale.out).toMatch(new RegExp(`${m1}  loaded .* STALE \\(loaded after its last publish\\)`));

    // Rerunning the failed months queues that month alone; its republish takes in the restatement too.
    expect((await cli('--warehouse', s.warehouse, 'backfill', '--retry-failed')).out).toMatch(
      /^backfill: queued 1 month rebuild\(s\) \(2023-12 to 2023-12\)/,
    );
    await work(t);
    expect((await backfills(s)).slice(2)).toEqual([[m0, 'success', 1]]);
    expect((await cli('--warehouse', s.warehouse, 'backfill', '--retry-failed')).out).toMatch(
      /^backfill: no failed months to queue again/,
    );
    const months = await withWarehouse(s.warehouse, readMonthStatus);
    expect(months.map((m) => [m.month, m.backfill?.status, m.stale, m.publishedAt !== null])).toEqual([
      [m0, 'success', false, true],
      [m1, 'success', false, true],
    ]);
  });

  it('says what is wrong with its arguments', async () => {
    expect((await cli('backfill', '--from', '2024-03')).out).toMatch(
      /give either --from YYYY-MM --to YYYY-MM, or --retry-failed/,
    );
    expect((await cli('backfill', '--from', '2024-03', '--to', '2024-01')).out).toMatch(
      /--from 2024-03 is after --to/,
    );
    delete process.env.DATABASE_URL;
    expect((await cli('backfill', '--from', '2024-01', '--to', '2024-01')).out).toMatch(
      /DATABASE_URL is not set.*postgres:\/\/postgres@127\.0\.0\.1:5432\/test/,
    );
  });
});
