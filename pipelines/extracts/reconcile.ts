// Reconciliation (extracts.md): for every file in force, rows_read = loaded + collapsed + quarantined.
import { INGEST_ORDER } from './contract.ts';
import { histTable } from '../warehouse-schema.ts';
import type { Warehouse } from '../warehouse.ts';

/**
 * Recounts loaded and quarantined rows from the tables themselves for the files this delivery can have
 * changed (its own, and earlier files whose held rows it loaded on retry or held again: `_touched_files`),
 * then checks rows_read = loaded + collapsed + quarantined for every file in force; a mismatch aborts the
 * delivery. Other files' rows were not touched, so recounting them would only cost time that grows with history.
 */
export async function reconcile(wh: Warehouse, delivery: string): Promise<void> {
  const touched = `(select file_id from manifest where delivery = $1 union select file_id from _touched_files)`;
  const loadedByFile = INGEST_ORDER.map(
    (t) => `select file_id, count(*) as n from ${histTable(t)} where file_id in ${touched} group by file_id`,
  ).join(' union all ');
  await wh.run(
    `update manifest m set
      loaded = coalesce(l.n, 0),
      quarantined = coalesce(q.n, 0)
    from (select file_id from ${touched}) f
      left join (select file_id, sum(n) as n from (${loadedByFile}) group by file_id) l using (file_id)
      left join (select file_id, count(*) as n from quarantine where file_id in ${touched} group by file_id) q using (file_id)
    where m.file_id = f.file_id and m.status in ('loaded', 'restated')`,
    [delivery],
  );
  await wh.run('drop table _touched_files');
  const bad = await wh.db
    .selectFrom('manifest')
    .where('status', 'in', ['loaded', 'restated'])
    .where((eb) =>
      eb('rows_read', '<>', eb(eb('loaded', '+', eb.ref('collapsed')), '+', eb.ref('quarantined'))),
    )
    .select(['delivery', 'file', 'rows_read', 'loaded', 'collapsed', 'quarantined'])
    .execute();
  if (bad.length > 0) {
    const b = bad[0]!;
    throw new Error(
      `reconciliation failed for ${b.delivery}/${b.file}: rows_read ${b.rows_read} <> loaded ${b.loaded} + collapsed ${b.collapsed} + quarantined ${b.quarantined} (and ${bad.length - 1} more file(s)); nothing of this delivery was kept`,
    );
  }
}
