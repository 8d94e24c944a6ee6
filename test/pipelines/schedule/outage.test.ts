// PostgreSQL going away, here in the middle of a build so that the job ends while it is gone: the worker
// says so in one line, says when it is back, and finishes the work.
import { describe, expect, it } from 'vitest';
import { SLOW_MACHINE_TIMEOUT_MS, inProcessWorkerTest, land, publishedAsOf, waitFor } from './helpers.ts';
import { startProxy, type Proxy } from './proxy.ts';

describe('PostgreSQL outage', { timeout: SLOW_MACHINE_TIMEOUT_MS }, () => {
  it('is reported once, and the worker recovers when it returns', async () => {
    let proxy: Proxy | null = null;
    const t = await inProcessWorkerTest({
      months: 1,
      beforeStop: () => proxy?.restore().catch(() => undefined),
      afterStop: () => proxy?.close(),
    });
    const { db, s, log, watch } = t;
    const target = new URL(db.url);
    const p = (proxy = await startProxy(target.hostname, Number(target.port || 5432)));
    const viaProxy = new URL(db.url);
    viaProxy.port = String(p.port);
    const m1 = s.months[0]!;
    land(s, m1);
    const worker = await t.start({
      databaseUrl: viaProxy.toString(),
      checkEvery: 500,
      // The first build loses PostgreSQL: it builds (DuckDB is local) but can neither queue the publish nor
      // let graphile-worker record the job's outcome. PostgreSQL comes back only after that.
      beforeRun: async (task, job) => {
        if (task === 'build' && job.attempts === 1) await p.cut();
      },
    });
    const firstPool = worker.poolId();
    // The test's own connection goes round the proxy, so the watch still sees the jobs during the outage.
    const logged = (start: string): boolean => log.some((l) => l.startsWith(start));
    await waitFor('the outage report', () => logged('PostgreSQL is unreachable'), watch);
    await waitFor('the build', () => logged('build ('), watch);
    await waitFor('the worker to drop its pool', () => worker.poolId() === '', watch);
    await p.restore();
    await waitFor(
      `${m1} published after the outage`,
      () => log.some((l) => l.startsWith('publish (') && l.includes(`as of ${m1}`)),
      watch,
    );
    const said = log.join('\n');
    expect(
      log.filter((l) => l.startsWith('PostgreSQL is unreachable')),
      said,
    ).toHaveLength(1);
    expect(
      log.some((l) => l.startsWith('PostgreSQL is back')),
      said,
    ).toBe(true);
    // A new pool took over, and the build it could not record ran again before the publish.
    expect(worker.poolId()).not.toBe(firstPool);
    expect(
      log.filter((l) => /^build \(retry, attempt 2\/5\)/.test(l)),
      said,
    ).toHaveLength(1);
    expect(publishedAsOf(s.out)).toBe(m1);
  });
});
