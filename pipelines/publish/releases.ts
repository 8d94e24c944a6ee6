// The archive of releases: every publication's public tier is also kept, read-only, as a release, and its
// internal tier beside it, never inside the public tree:
//
//   OUT/releases/<as-of month>/<run>/public/…           the public files, their datapackage.json and SHA256SUMS
//   OUT/releases/index.json                             every release, oldest first
//   OUT/internal-releases/<as-of month>/<run>/internal/… the internal files and SHA256SUMS
//
// Restating a month makes a new release under the same month and keeps the old one. A file identical to the
// same file of the release before is a hard link to it, so a year of releases costs the changed files only.
// A release is staged in a hidden folder before the publication is switched in, and moved into place after,
// so a failed or killed publish leaves no release of a publication that never was (prepareReleases clears
// what one left).
import { createHash } from 'node:crypto';
import {
  chmodSync,
  copyFileSync,
  existsSync,
  linkSync,
  mkdirSync,
  readdirSync,
  readFileSync,
  renameSync,
  rmSync,
  statSync,
  writeFileSync,
} from 'node:fs';
import { join } from 'node:path';
import { writeAtomically } from './write-atomically.ts';

export const SUMS_FILE = 'SHA256SUMS';
const TIERS = { public: 'releases', internal: 'internal-releases' } as const;
type Tier = keyof typeof TIERS;

export interface ReleaseEntry {
  as_of_month: string;
  run_id: string;
  /** When the publication was generated (its metadata.json's generated_at). */
  created: string;
  /** The public folder, relative to OUT/releases. */
  path: string;
  files: number;
  bytes: number;
}

const MONTH_RE = /^\d{4}-\d{2}$/;
const sha256 = (path: string): string => createHash('sha256').update(readFileSync(path)).digest('hex');

/** Every release of the public archive, oldest first (by the time its publication was generated). */
export function listReleases(out: string): ReleaseEntry[] {
  const root = join(out, TIERS.public);
  if (!existsSync(root)) return [];
  const entries: ReleaseEntry[] = [];
  for (const month of readdirSync(root).filter((m) => MONTH_RE.test(m))) {
    for (const run of readdirSync(join(root, month)).filter((r) => !r.startsWith('.'))) {
      const dir = join(root, month, run, 'public');
      const metadata = join(dir, 'metadata.json');
      if (!existsSync(metadata)) continue;
      let meta: { generated_at: string };
      try {
        meta = JSON.parse(readFileSync(metadata, 'utf8')) as { generated_at: string };
      } catch (e) {
        throw new Error(`${metadata}: a release's metadata.json cannot be read: ${(e as Error).message}`);
      }
      const files = readdirSync(dir);
      entries.push({
        as_of_month: month,
        run_id: run,
        created: meta.generated_at,
        path: `${month}/${run}/public`,
        files: files.length,
        bytes: files.reduce((n, f) => n + statSync(join(dir, f)).size, 0),
      });
    }
  }
  return entries.sort((a, b) => a.created.localeCompare(b.created) || a.run_id.localeCompare(b.run_id));
}

/** The public folder of a release. */
export const releaseDir = (out: string, r: ReleaseEntry): string => join(out, TIERS.public, r.path);

const stagingDir = (out: string, tier: Tier, asOfMonth: string, runId: string): string =>
  join(out, TIERS[tier], asOfMonth, `.${runId}.staging`);

/**
 * Clears what a failed or killed publish left: a staged release of a publication that never became current
 * is removed; one of the current publication (killed after the switch, before its release was moved into
 * place) is committed, so every publication readers saw is kept.
 */
export async function prepareReleases(out: string, currentRun: string | null): Promise<void> {
  const committed = new Set<string>();
  for (const tier of Object.values(TIERS)) {
    const root = join(out, tier);
    if (!existsSync(root)) continue;
    for (const month of readdirSync(root).filter((m) => MONTH_RE.test(m))) {
      for (const f of readdirSync(join(root, month)).filter((f) => f.endsWith('.staging'))) {
        if (currentRun !== null && f === `.${currentRun}.staging`) committed.add(month);
        else removeReadOnly(join(root, month, f));
      }
    }
  }
  for (const month of committed) if (currentRun) await commitRelease(out, month, currentRun);
}

function removeReadOnly(dir: string): void {
  if (!existsSync(dir)) return;
  // A release's folders are read-only: make them writable again so their files can go (root needs nothing).
  for (const e of readdirSync(dir, { recursive: true, withFileTypes: true }))
    if (e.isDirectory()) chmodSync(join(e.parentPath, e.name), 0o755);
  chmodSync(dir, 0o755);
  rmSync(dir, { recursive: true, force: true });
}

/**
 * Copies one tier of a publication into a staged release, with SHA256SUMS; a file identical to the same file
 * of `previous` (the last release's folder of that tier) becomes a hard link to it. Files and folders are made
 * read-only.
 */
function stageTier(from: string, to: string, previous: string | null): void {
  mkdirSync(to, { recursive: true });
  const sums: string[] = [];
  for (const name of readdirSync(from).sort()) {
    const source = join(from, name);
    if (!statSync(source).isFile()) continue;
    const hash = sha256(source);
    // Hashed again rather than taken from its SHA256SUMS: a file altered since would otherwise be linked.
    const earlier = previous ? join(previous, name) : null;
    if (earlier && existsSync(earlier) && sha256(earlier) === hash) linkSync(earlier, join(to, name));
    else {
      copyFileSync(source, join(to, name));
      chmodSync(join(to, name), 0o444);
    }
    sums.push(`${hash}  ${name}`);
  }
  writeFileSync(join(to, SUMS_FILE), `${sums.join('\n')}\n`);
  chmodSync(join(to, SUMS_FILE), 0o444);
}

/** The last release's folder of a tier, or null. */
function lastReleaseOf(out: string, tier: Tier): string | null {
  const last = listReleases(out).at(-1);
  if (!last) return null;
  const dir = join(out, TIERS[tier], last.as_of_month, last.run_id, tier);
  return existsSync(dir) ? dir : null;
}

/** Stages the publication's public and internal tiers as a release, before it is switched in. */
export function stageRelease(out: string, publication: string, asOfMonth: string, runId: string): void {
  for (const tier of Object.keys(TIERS) as Tier[]) {
    const staged = stagingDir(out, tier, asOfMonth, runId);
    removeReadOnly(staged);
    stageTier(join(publication, tier), join(staged, tier), lastReleaseOf(out, tier));
  }
}

/** Moves the staged release into place (once the publication is current), then rewrites the index. */
export async function commitRelease(out: string, asOfMonth: string, runId: string): Promise<void> {
  for (const tier of Object.keys(TIERS) as Tier[]) {
    const staged = stagingDir(out, tier, asOfMonth, runId);
    if (!existsSync(staged)) continue; // moved already, by a publish killed between the two tiers
    for (const e of readdirSync(staged, { recursive: true, withFileTypes: true }))
      if (e.isDirectory()) chmodSync(join(e.parentPath, e.name), 0o555);
    renameSync(staged, join(out, TIERS[tier], asOfMonth, runId));
  }
  await writeIndex(out);
}

async function writeIndex(out: string): Promise<void> {
  const text = `${JSON.stringify({ releases: listReleases(out) }, null, 2)}\n`;
  await writeAtomically(join(out, TIERS.public, 'index.json'), (tmp) => writeFileSync(tmp, text));
}

/** Keeps the newest `keep` releases (both tiers) and removes the others; returns the ones removed. */
export async function pruneReleases(out: string, keep: number): Promise<ReleaseEntry[]> {
  const all = listReleases(out);
  const gone = all.slice(0, Math.max(0, all.length - keep));
  for (const r of gone) {
    for (const tier of Object.values(TIERS)) {
      const month = join(out, tier, r.as_of_month);
      removeReadOnly(join(month, r.run_id));
      if (existsSync(month) && readdirSync(month).length === 0) rmSync(month, { recursive: true });
    }
  }
  if (gone.length > 0) await writeIndex(out);
  return gone;
}

/** A release folder's SHA256SUMS (`<sha256>  <name>` lines, as sha256sum writes them): name → sha256. */
function recordedSums(dir: string): Map<string, string> {
  const path = join(dir, SUMS_FILE);
  if (!existsSync(path)) return new Map();
  return new Map(
    readFileSync(path, 'utf8')
      .split('\n')
      .filter((l) => l !== '')
      .map((l) => [l.slice(66), l.slice(0, 64)] as const),
  );
}

/** Every file of every release (both tiers) checked against its SHA256SUMS; the problems, one line each. */
export function verifyReleases(out: string): string[] {
  const problems: string[] = [];
  for (const r of listReleases(out)) {
    for (const [tier, root] of Object.entries(TIERS)) {
      const dir = join(out, root, r.as_of_month, r.run_id, tier);
      const where = `${root}/${r.as_of_month}/${r.run_id}/${tier}`;
      if (!existsSync(join(dir, SUMS_FILE))) {
        problems.push(`${where}: ${SUMS_FILE} is missing`);
        continue;
      }
      const listed = recordedSums(dir);
      for (const [name, hash] of listed) {
        if (!existsSync(join(dir, name))) problems.push(`${where}/${name}: missing`);
        else if (sha256(join(dir, name)) !== hash)
          problems.push(`${where}/${name}: its sha256 is not the one recorded`);
      }
      for (const name of readdirSync(dir))
        if (name !== SUMS_FILE && !listed.has(name)) problems.push(`${where}/${name}: not in ${SUMS_FILE}`);
    }
  }
  return problems;
}
