// publish: writes the outputs (`sa-outcomes publish`), atomically: a failure leaves the last good output.
import type { Task } from 'graphile-worker';
import { publishStep, publishSummary } from '../../pipeline.ts';
import type { JobPayload } from '../queue.ts';
import { runJob, type WorkerSettings } from '../run-job.ts';

export const publishTask =
  (s: WorkerSettings): Task =>
  async (payload, helpers) => {
    await runJob(
      'publish',
      payload as JobPayload,
      helpers,
      s,
      (wh, runId) => publishStep(wh, runId, s.out, s.site, s.verbose ? s.log : () => undefined),
      publishSummary,
    );
  };
