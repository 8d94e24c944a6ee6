// publish: writes the outputs (`sa-outcomes publish`), atomically: a failure leaves the last good output.
import { publishStep, publishSummary } from '../../pipeline.ts';
import { chainedTask, stepLog } from '../run-job.ts';

export const publishTask = chainedTask(
  'publish',
  (s) => (wh, runId) => publishStep(wh, runId, s.out, s.site, stepLog(s)),
  publishSummary,
);
