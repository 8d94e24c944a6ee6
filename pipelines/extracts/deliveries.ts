// What counts as a delivery (extracts.md "Deliveries", "Order of work"): the `YYYY-MM` folders under the
// extracts folder that hold at least one table file, each with its files. Everything else there is named in
// one line and left alone: a misnamed folder or file, a folder of unknown files only, a symbolic link leading
// outside the extracts folder. A delivery dated after the current month (Toronto time) is refused whole.
import { createHash } from 'node:crypto';
import { createReadStream, existsSync, lstatSync, readdirSync, realpathSync, statSync } from 'node:fs';
import { basename, join, relative, isAbsolute } from 'node:path';
import { isTableName, type TableName } from './contract.ts';
import { EXTRACT_PARAMETERS_DIR } from '../funding/extract-parameters.ts';
import { torontoWallClock } from '../schedule/toronto-time.ts';
import { printableValue } from '../terminal.ts';
import type { ManifestRow } from '../warehouse-schema.ts';
import type { Warehouse } from '../warehouse.ts';

// Years from 1900, as for every date and month of the contract (validate.ts): `0024-05` is a typo.
const DELIVERY_RE = /^(19|[2-9]\d)\d{2}-(0[1-9]|1[0-2])$/;
const FILE_RE = /^([a-z_]+)\.(csv|csv\.gz|parquet)$/;

/** The table and format a delivery's file name gives (`payments.csv.gz`), or null for any other file. */
export function tableFileOf(file: string): { table: TableName; format: 'csv' | 'parquet' } | null {
  const m = FILE_RE.exec(file);
  if (!m || !isTableName(m[1]!)) return null;
  return { table: m[1], format: m[2] === 'parquet' ? 'parquet' : 'csv' };
}

/**
 * The file each table of a delivery is read from. With two files for one table (cases.csv and
 * cases.parquet), the first in name order is used and the other skipped (UNKNOWN_FILE). `files` are in name
 * order, as listDeliveries gives them.
 */
export function fileOfEachTable<F extends { table: TableName | null }>(
  files: readonly F[],
): Map<TableName, F> {
  const byTable = new Map<TableName, F>();
  for (const f of files) if (f.table && !byTable.has(f.table)) byTable.set(f.table, f);
  return byTable;
}

export interface DeliveryFile {
  delivery: string;
  file: string;
  path: string;
  table: TableName | null;
  format: 'csv' | 'parquet';
  sha256: string;
  size: number;
  mtimeMs: number;
}

export interface Delivery {
  delivery: string;
  files: DeliveryFile[];
}

/** A delivery folder dated after the current month: refused whole, and the run fails. */
export class FutureDelivery extends Error {}

/** The extracts folder itself is missing: nothing can be read, and nothing is touched. */
export class ExtractsMissing extends Error {}

export async function sha256File(path: string): Promise<string> {
  const hash = createHash('sha256');
  for await (const chunk of createReadStream(path, { highWaterMark: 1 << 20 })) hash.update(chunk as Buffer);
  return hash.digest('hex');
}

/** The current month on Toronto's wall clock, `YYYY-MM`. */
export const torontoMonth = (now: Date): string => torontoWallClock(now).slice(0, 7);

/** Fails, naming the folder, when the extracts folder does not exist or is not a folder. */
export function assertExtractsFolder(extracts: string): void {
  if (!existsSync(extracts) || !statSync(extracts).isDirectory()) {
    throw new ExtractsMissing(
      `the extracts folder ${extracts} does not exist (or is not a folder): nothing was read or changed; check --extracts`,
    );
  }
}

/** Throws FUTURE_DELIVERY when a delivery is dated after the current month on Toronto's clock. */
export function assertNoFutureDelivery(deliveries: readonly Delivery[], now: Date): void {
  const current = torontoMonth(now);
  const future = deliveries.filter((d) => d.delivery > current).map((d) => d.delivery);
  if (future.length > 0) {
    throw new FutureDelivery(
      `FUTURE_DELIVERY: ${future.join(', ')} ${future.length === 1 ? 'is' : 'are'} dated after the current month (${current}, Toronto time); ` +
        `nothing was loaded and nothing published. Rename or remove ${future.length === 1 ? 'that folder' : 'those folders'}.`,
    );
  }
}

/** What the manifest knows of a file already seen: its size, modification time and checksum. */
export type Known = Map<string, { size: number; mtimeMs: number; sha256: string }>;

/** Known from files the warehouse recorded (manifest, withdrawn_files); one recorded without its size is read. */
export const knownFiles = (
  rows: readonly Pick<ManifestRow, 'delivery' | 'file' | 'sha256' | 'size' | 'mtime_ms'>[],
): Known =>
  new Map(
    rows
      .filter((r) => r.size !== null)
      .map((r) => [
        `${r.delivery}/${r.file}`,
        { size: Number(r.size), mtimeMs: r.mtime_ms!, sha256: r.sha256 },
      ]),
  );

export interface Listing {
  deliveries: Delivery[];
  /** One line for each thing under the extracts folder that is not read, and why. */
  notices: string[];
}

/** True when `path`, with every symbolic link followed, stays inside `root` (itself resolved). */
function inside(root: string, path: string): boolean {
  const rel = relative(root, realpathSync(path));
  return rel === '' || (!rel.startsWith('..') && !isAbsolute(rel));
}

/** Why a file name is not a table file, in words an operator can act on. */
function fileNotice(delivery: string, file: string): string {
  const lower = file.toLowerCase();
  const hint = tableFileOf(lower) ? ` (did you mean ${lower}? names are lower case)` : '';
  return `${delivery}/${printableValue(file)}: not a table file (<table>.csv, .csv.gz or .parquet)${hint}; skipped`;
}

/**
 * The delivery folders under `extracts`, in month order, with their files, and a notice for everything
 * else found there. A file whose size and modification time match the manifest's keeps its recorded
 * checksum (the quick check rsync makes), so a run over years of unchanged deliveries does not read them
 * again. Hidden entries (a transfer landing as `.2024-07.part`) and the `funding/` parameters folder are
 * passed over in silence.
 */
export async function listDeliveries(extracts: string, known: Known = new Map()): Promise<Listing> {
  assertExtractsFolder(extracts);
  const root = realpathSync(extracts);
  const deliveries: Delivery[] = [];
  const notices: string[] = [];
  for (const name of readdirSync(extracts).sort()) {
    // Hidden entries, and the funding parameters that may come with the extracts (extract-parameters.ts).
    if (name.startsWith('.') || name === EXTRACT_PARAMETERS_DIR) continue;
    const folder = join(extracts, name);
    if (!DELIVERY_RE.test(name)) {
      notices.push(
        `${printableValue(name)}: not a delivery folder (a folder named YYYY-MM, from 1900, month 01–12); ignored${/^\d{4}\D?\d{1,2}$/.test(name) ? ' — rename it YYYY-MM' : ''}`,
      );
      continue;
    }
    if (!existsSync(folder) || !statSync(folder).isDirectory()) {
      notices.push(`${name}: not a folder; ignored`);
      continue;
    }
    if (!inside(root, folder)) {
      notices.push(
        `${name}: a symbolic link to ${printableValue(realpathSync(folder))}, outside the extracts folder; refused, nothing of it is read`,
      );
      continue;
    }
    // A link to another month's folder would deliver that month's files again, under this month.
    const target = basename(realpathSync(folder));
    if (target !== name && DELIVERY_RE.test(target)) {
      notices.push(`${name}: a symbolic link to the delivery ${target}; refused, nothing of it is read`);
      continue;
    }
    const files: DeliveryFile[] = [];
    for (const file of readdirSync(folder).sort()) {
      const path = join(folder, file);
      const shown = `${name}/${printableValue(file)}`;
      if (file.startsWith('.')) continue;
      if (!existsSync(path) || !statSync(path).isFile()) {
        notices.push(
          `${shown}: ${existsSync(path) ? 'not a regular file' : 'a broken symbolic link'}; skipped`,
        );
        continue;
      }
      if (lstatSync(path).isSymbolicLink() && !inside(root, path)) {
        notices.push(
          `${shown}: a symbolic link to ${printableValue(realpathSync(path))}, outside the extracts folder; refused`,
        );
        continue;
      }
      const named = tableFileOf(file);
      const table = named?.table ?? null;
      const format = named?.format ?? 'csv';
      const stat = statSync(path);
      const k = known.get(`${name}/${file}`);
      const sha256 =
        k && k.size === stat.size && k.mtimeMs === stat.mtimeMs ? k.sha256 : await sha256File(path);
      files.push({
        delivery: name,
        file,
        path,
        table,
        format,
        sha256,
        size: stat.size,
        mtimeMs: stat.mtimeMs,
      });
    }
    if (!files.some((f) => f.table)) {
      const held = files.map((f) => printableValue(f.file)).join(', ');
      notices.push(`${name}: holds no table file${held ? ` (only ${held})` : ''}; not a delivery, ignored`);
      continue;
    }
    for (const f of files) if (!f.table) notices.push(fileNotice(name, f.file));
    // Two files for one table (cases.csv and cases.parquet): the first in name order is read (ingest.ts).
    const first = new Map<string, string>();
    for (const f of files.filter((f) => f.table)) {
      const used = first.get(f.table!);
      if (used)
        notices.push(`${name}/${f.file}: a second file for table ${f.table} (${used} is read); skipped`);
      else first.set(f.table!, f.file);
    }
    deliveries.push({ delivery: name, files });
  }
  return { deliveries, notices };
}

/** A delivery folder with at least one file the manifest holds no version of: new, or changed (restated). */
export interface PendingDelivery extends Delivery {
  changed: DeliveryFile[];
}

export interface Pending {
  pending: PendingDelivery[];
  /** Files unchanged since the manifest recorded them (withdrawn ones included). */
  unchanged: number;
  notices: string[];
  /** The latest delivery folder on disk that is still a delivery (not wholly withdrawn). */
  latestDelivery: string | null;
}

/**
 * The deliveries under `extracts` with a new or changed file, in month order. Ingest loads these; the
 * scheduler's check asks the same question. A file withdrawn (`sa-outcomes withdraw`) counts as seen until
 * it changes. A delivery dated after the current Toronto month throws FutureDelivery, before anything is read.
 * `only` (`delivery/file` names) limits the files considered: a withdrawal replays just what was loaded.
 */
export async function pendingDeliveries(
  wh: Warehouse,
  extracts: string,
  now: Date = new Date(),
  only?: ReadonlySet<string>,
): Promise<Pending> {
  const columns = ['delivery', 'file', 'sha256', 'size', 'mtime_ms'] as const;
  const withdrawnFiles = await wh.db.selectFrom('withdrawn_files').select(columns).execute();
  const inForce = [
    ...(await wh.db.selectFrom('manifest').where('status', '<>', 'superseded').select(columns).execute()),
    ...withdrawnFiles,
  ];
  const version = (r: { delivery: string; file: string; sha256: string }): string =>
    `${r.delivery}/${r.file}/${r.sha256}`;
  const seen = new Set(inForce.map(version));
  const withdrawn = new Set(withdrawnFiles.map(version));
  const { deliveries, notices } = await listDeliveries(extracts, knownFiles(inForce));
  assertNoFutureDelivery(deliveries, now);
  const pending: PendingDelivery[] = [];
  let unchanged = 0;
  let latestDelivery: string | null = null;
  for (const d of deliveries) {
    const kept = d.files.filter((f) => !withdrawn.has(version(f)));
    const gone = d.files.length - kept.length;
    unchanged += gone;
    if (gone > 0)
      notices.push(
        kept.some((f) => f.table)
          ? `${d.delivery}: ${gone} withdrawn file(s) not loaded again unless they change (${d.files
              .filter((f) => withdrawn.has(version(f)))
              .map((f) => printableValue(f.file))
              .join(', ')})`
          : `${d.delivery}: withdrawn; its files are not loaded again unless they change`,
      );
    const files = kept.filter((f) => !only || only.has(`${f.delivery}/${f.file}`));
    if (!kept.some((f) => f.table)) continue;
    latestDelivery = d.delivery;
    if (!files.some((f) => f.table)) continue;
    const changed = files.filter((f) => !seen.has(version(f)));
    unchanged += files.length - changed.length;
    if (changed.length > 0) pending.push({ delivery: d.delivery, files, changed });
  }
  return { pending, unchanged, notices, latestDelivery };
}
