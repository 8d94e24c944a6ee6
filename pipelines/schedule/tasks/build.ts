// build: builds the models and runs the checks (`sa-outcomes build`), then queues a publish. Blocking
// check failures publish nothing and are not retried: the data or the models must change first.
import type { Task } from 'graphile-worker';
import { BlockingChecksFailed, buildStep, buildSummary } from '../../pipeline.ts';
import { queueJob, type JobPayload } from '../queue.ts';
import { runJob, type WorkerSettings } from '../run-job.ts';

export const buildTask =
  (s: WorkerSettings): Task =>
  async (payload, helpers) => {
    const p = payload as JobPayload;
    const done = await runJob(
      'build',
      p,
      helpers,
      s,
      async (wh, runId) => {
        const b = await buildStep(wh, runId, s.verbose ? s.log : () => undefined, p.full ?? false);
        if (b.blockingFailed.length > 0)
          throw new BlockingChecksFailed(
            `blocking check(s) failed, nothing published: ${b.blockingFailed.map((c) => c.name).join(', ')}`,
          );
        return b;
      },
      buildSummary,
    );
    if (done)
      await queueJob(helpers.addJob, 'publish', { trigger: p.trigger, causedBy: done.runId }, 'publish');
  };
