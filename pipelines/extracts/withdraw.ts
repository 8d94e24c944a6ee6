// `sa-outcomes withdraw YYYY-MM` (extracts.md "Order of work"): backs a delivery out. Every row version it
// brought, its quarantine rows and its manifest rows go, the versions it had replaced are in force again, and
// its files are remembered so that they are not loaded again unless they change.
//
// How: the history is rebuilt from the other deliveries' files, in month order, exactly as a run that never
// saw the withdrawn delivery would load them. Deleting only its rows would not be enough: a later delivery's
// row may have collapsed onto one of its versions, loaded because one of its cases was known, or been judged
// against one of its payments; only loading the others again gives what they would have given without it.
// The cost is that of ingesting every other delivery once more, and their files must still be on disk.
import { TABLE_NAMES } from './contract.ts';
import { assertNoFutureDelivery, knownFiles, listDeliveries } from './deliveries.ts';
import { ingest, type IngestResult } from './ingest.ts';
import { clearChanges, histTable } from '../warehouse-schema.ts';
import type { Warehouse } from '../warehouse.ts';

export interface WithdrawOptions {
  delivery: string;
  extracts: string;
  runId: string;
  log?: (line: string) => void;
  now?: Date;
}

export interface WithdrawResult {
  delivery: string;
  /** The withdrawn delivery's files. */
  files: string[];
  /** Row versions it had loaded, and rows of it held in quarantine, before the withdrawal. */
  versions: number;
  quarantined: number;
  /** The other deliveries loaded again. */
  replay: IngestResult;
}

export async function withdraw(wh: Warehouse, opts: WithdrawOptions): Promise<WithdrawResult> {
  const log = opts.log ?? (() => undefined);
  const { delivery } = opts;
  const db = wh.db;
  const files = (
    await db
      .selectFrom('manifest')
      .where('delivery', '=', delivery)
      .where('status', '<>', 'superseded')
      .select('file')
      .orderBy('file')
      .execute()
  ).map((r) => r.file);
  if (files.length === 0) {
    const before = await db
      .selectFrom('withdrawn_files')
      .where('delivery', '=', delivery)
      .select('file')
      .executeTakeFirst();
    throw new Error(
      before
        ? `${delivery} is already withdrawn: nothing to do`
        : `${delivery} is not loaded: nothing to withdraw (see \`sa-outcomes status\`)`,
    );
  }
  // The files to load again: every other version the manifest holds in force, each of which must be on
  // disk as it was loaded (same sha256). Checked before anything changes: a withdrawal that could not load
  // them again would leave the warehouse without them.
  const others = await db
    .selectFrom('manifest')
    .where('delivery', '<>', delivery)
    .where('status', '<>', 'superseded')
    .select(['delivery', 'file', 'sha256', 'size', 'mtime_ms'])
    .execute();
  const { deliveries } = await listDeliveries(opts.extracts, knownFiles(others));
  assertNoFutureDelivery(deliveries, opts.now ?? new Date());
  const onDisk = new Map(
    deliveries.flatMap((d) => d.files.map((f) => [`${f.delivery}/${f.file}`, f.sha256])),
  );
  const problems = others.flatMap((o) => {
    const sha = onDisk.get(`${o.delivery}/${o.file}`);
    if (sha === undefined) return [`${o.delivery}/${o.file} is missing`];
    return sha === o.sha256 ? [] : [`${o.delivery}/${o.file} is not the version loaded`];
  });
  if (problems.length > 0) {
    throw new Error(
      `cannot withdraw ${delivery}: the other deliveries are loaded again from their files in ${opts.extracts}, and ` +
        `${problems.length} of them cannot be (${problems.slice(0, 3).join('; ')}${problems.length > 3 ? '; …' : ''}); ` +
        `nothing was changed. Put the loaded versions back, or check --extracts`,
    );
  }
  const versions = await wh.value<number>(
    `select ${TABLE_NAMES.map((t) => `(select count(*) from ${histTable(t)} where delivery = $delivery)`).join(' + ')}`,
    { delivery },
  );
  const held = await db
    .selectFrom('quarantine')
    .where('delivery', '=', delivery)
    .select((eb) => eb.fn.countAll<bigint>().as('rows'))
    .executeTakeFirstOrThrow();
  const quarantined = Number(held.rows);

  await wh.transaction(async () => {
    await wh.run(
      `insert into withdrawn_files
      select delivery, file, sha256, size, mtime_ms, now()::timestamp, $run_id
      from manifest where delivery = $delivery and status <> 'superseded'`,
      { run_id: opts.runId, delivery },
    );
    for (const t of TABLE_NAMES) await wh.run(`delete from ${histTable(t)}`);
    await wh.run(`delete from quarantine; delete from manifest`);
    await wh.run(`delete from month_status where month = $delivery`, { delivery });
    // The models are rebuilt whole from the history loaded again.
    await wh.run(`delete from model_state`);
    await clearChanges(wh);
  });
  log(
    `withdrew ${delivery}: ${files.length} file(s), ${versions} row version(s), ${quarantined} quarantined row(s); loading the other deliveries again`,
  );
  const replay = await ingest(wh, {
    extracts: opts.extracts,
    runId: opts.runId,
    log,
    now: opts.now,
    only: new Set(others.map((o) => `${o.delivery}/${o.file}`)),
  });
  return { delivery, files, versions, quarantined, replay };
}
