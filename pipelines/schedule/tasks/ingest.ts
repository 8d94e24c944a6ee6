// ingest: loads new or restated deliveries (`sa-outcomes ingest`), then queues a build if any loaded month
// is not built yet. That is read from the warehouse, not from this attempt's result, so a retry after a
// crash between the load and the queueing still queues the build.
import type { Task } from 'graphile-worker';
import { ingestStep, ingestSummary } from '../../pipeline.ts';
import { readMonthStatus } from '../../status.ts';
import { queueJob, type JobPayload } from '../queue.ts';
import { runJob, type WorkerSettings } from '../run-job.ts';

export const ingestTask =
  (s: WorkerSettings): Task =>
  async (payload, helpers) => {
    const p = payload as JobPayload;
    const done = await runJob(
      'ingest',
      p,
      helpers,
      s,
      async (wh, runId) => {
        const ingested = await ingestStep(wh, runId, s.extracts, s.verbose ? s.log : () => undefined);
        const needsBuild = (await readMonthStatus(wh)).some((m) => m.needsBuild);
        return { ingested, needsBuild };
      },
      (r) => ingestSummary(r.ingested),
    );
    if (done?.result.needsBuild)
      await queueJob(helpers.addJob, 'build', { trigger: p.trigger, causedBy: done.runId }, 'build');
  };
