// check-deliveries: looks for new or restated deliveries under the extracts folder, the way ingest does
// (manifest quick check on size and mtime, then sha256), and queues an ingest when it finds one.
import { createHash } from 'node:crypto';
import type { Task } from 'graphile-worker';
import { FutureDelivery, pendingDeliveries } from '../../extracts/deliveries.ts';
import { ensureSchema } from '../../warehouse-schema.ts';
import { Warehouse } from '../../warehouse.ts';
import { queueJob } from '../queue.ts';
import type { WorkerSettings } from '../run-job.ts';

export const checkDeliveries =
  (s: WorkerSettings): Task =>
  async (_payload, helpers) => {
    const wh = await Warehouse.open(s.warehouse);
    let changed: string[];
    let future: string | null = null;
    try {
      await ensureSchema(wh);
      try {
        const { pending } = await pendingDeliveries(wh, s.extracts);
        changed = pending.flatMap((d) => d.changed.map((f) => `${f.delivery}/${f.file} ${f.sha256}`));
      } catch (e) {
        // A delivery dated in the future: the ingest it queues fails for good and records why in the run
        // history, once per such folder (the job key is its message).
        if (!(e instanceof FutureDelivery)) throw e;
        changed = [e.message];
        future = e.message;
      }
    } finally {
      await wh.close();
    }
    if (changed.length === 0) return;
    // The key names exactly these file versions: checks that find the same ones add nothing while that
    // ingest waits, runs or has failed for good; a file changing again makes a new key, hence a new ingest.
    const key = `ingest:${createHash('sha256').update(changed.sort().join('\n')).digest('hex').slice(0, 16)}`;
    const job = await queueJob(helpers.addJob, 'ingest', { trigger: 'new-delivery' }, key, 'unsafe_dedupe');
    if (job.revision === 0) {
      const months = [...new Set(changed.map((c) => c.slice(0, 7)))];
      s.log(
        future
          ? `check-deliveries: ${future}`
          : `check-deliveries: ${changed.length} new or changed file(s) in ${months.join(', ')}: ingest queued`,
      );
    }
  };
