// build: builds the models and runs the checks (`sa-outcomes build`), then queues a publish. Blocking
// check failures publish nothing and are not retried: the data or the models must change first.
import { buildSummary } from '../../pipeline.ts';
import { buildOrRefuse, chainedTask } from '../run-job.ts';

export const buildTask = chainedTask(
  'build',
  (s, p) => (wh, runId) => buildOrRefuse(wh, runId, s, p.full ?? false),
  buildSummary,
  () => 'publish',
);
