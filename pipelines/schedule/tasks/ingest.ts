// ingest: loads new or restated deliveries (`sa-outcomes ingest`), then queues a build if any loaded month
// is not built yet. That is read from the warehouse, not from this attempt's result, so a retry after a
// crash between the load and the queueing still queues the build.
import { ingestStep, ingestSummary } from '../../pipeline.ts';
import { readMonthStatus } from '../../status.ts';
import { chainedTask, stepLog } from '../run-job.ts';

export const ingestTask = chainedTask(
  'ingest',
  (s) => async (wh, runId) => {
    const ingested = await ingestStep(wh, runId, s.extracts, stepLog(s));
    const needsBuild = (await readMonthStatus(wh)).some((m) => m.needsBuild);
    return { ingested, needsBuild };
  },
  (r) => ingestSummary(r.ingested),
  (r) => (r.needsBuild ? 'build' : null),
);
