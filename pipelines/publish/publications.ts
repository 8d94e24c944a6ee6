// Where the published output lives in OUT, and the one atomic switch from one publication to the next.
//
//   OUT/.publications/<run_id>/              a publication: public/, internal/, site/ (not with --no-site)
//   OUT/current  -> .publications/<run_id>   the publication readers see
//   OUT/previous -> .publications/<run_id>   the one before, kept until the next publish succeeds
//   OUT/public   -> current/public           fixed links, so that OUT/public/measures.csv and
//   OUT/internal -> current/internal         OUT/site/index.html keep their paths
//   OUT/site     -> current/site             (points at nothing after a --no-site publish)
//
// A publish writes a new folder, then replaces the link `current` by renaming a new link over it: rename is
// atomic on POSIX, so a reader (or a kill at any moment) sees either the old publication whole or the new one
// whole. Links are relative, so OUT can be moved or mounted elsewhere.
import {
  existsSync,
  lstatSync,
  mkdirSync,
  readdirSync,
  readlinkSync,
  realpathSync,
  renameSync,
  rmSync,
  symlinkSync,
} from 'node:fs';
import { basename, join } from 'node:path';
import { pausePoint } from '../pause-point.ts';

const PUBLICATIONS = '.publications';
const PARTS = ['public', 'internal', 'site'] as const;
/** The publication the old layout (real public/, internal/, site/ folders in OUT) is moved into. */
const MIGRATED = 'migrated';

const isLink = (path: string): boolean =>
  lstatSync(path, { throwIfNoEntry: false })?.isSymbolicLink() ?? false;
const isRealDir = (path: string): boolean =>
  lstatSync(path, { throwIfNoEntry: false })?.isDirectory() ?? false;

/** The folder of the current publication (links resolved), or null when OUT has none. */
export function currentPublication(out: string): string | null {
  return existsSync(join(out, 'current')) ? realpathSync(join(out, 'current')) : null;
}

/** The publication folder a link in OUT (`current`, `previous`) names, or null. */
function linkedName(out: string, link: string): string | null {
  return isLink(join(out, link)) ? basename(readlinkSync(join(out, link))) : null;
}

/**
 * Points the link `out/name` at target in one step: a new link is made beside the publications and renamed
 * over the old one. A kill before the rename leaves only a stray link in .publications, removed later.
 */
function replaceLink(out: string, name: string, target: string): void {
  const tmp = join(out, PUBLICATIONS, `.link-${name}-${process.pid}`);
  rmSync(tmp, { force: true });
  symlinkSync(target, tmp);
  pausePoint(`publish:link-${name}`);
  renameSync(tmp, join(out, name));
}

/**
 * Brings OUT to this layout and clears what killed publishes left: run first by every publish. Safe to run
 * again after a kill at any point.
 */
export function prepareOut(out: string): void {
  mkdirSync(join(out, PUBLICATIONS), { recursive: true });
  adoptOldLayout(out);
  for (const part of PARTS) {
    if (!isLink(join(out, part))) symlinkSync(join('current', part), join(out, part));
  }
  removeOldPublications(out);
}

/**
 * The layout before publications: real public/, internal/, site/ folders in OUT, swapped by successive
 * renames, and .publishing-<run> folders that a killed publish left behind (holding internal files). The
 * folders move into .publications/migrated, which becomes current; each is replaced by its link right after
 * it moves. A kill during this one-time migration leaves at most one of public/, internal/, site/ missing
 * from OUT (moved, its link not made yet; its files are in .publications/migrated) until the next publish
 * finishes the migration.
 */
function adoptOldLayout(out: string): void {
  for (const f of readdirSync(out)) {
    if (f.startsWith('.publishing-')) rmSync(join(out, f), { recursive: true, force: true });
  }
  const old = PARTS.filter((part) => isRealDir(join(out, part)));
  if (old.length === 0) return;
  const migrated = join(out, PUBLICATIONS, MIGRATED);
  mkdirSync(migrated, { recursive: true });
  if (!isLink(join(out, 'current'))) replaceLink(out, 'current', join(PUBLICATIONS, MIGRATED));
  for (const part of old) {
    renameSync(join(out, part), join(migrated, part));
    pausePoint(`publish:migrate:${part}`);
    symlinkSync(join('current', part), join(out, part));
  }
}

/** A new, empty publication folder for this run, with public/ and internal/. */
export function newPublication(out: string, runId: string): string {
  if ([linkedName(out, 'current'), linkedName(out, 'previous')].includes(runId)) {
    throw new Error(`run ${runId} is already published in ${out}; a publication needs a run of its own`);
  }
  const dir = join(out, PUBLICATIONS, runId);
  rmSync(dir, { recursive: true, force: true });
  mkdirSync(join(dir, 'public'), { recursive: true });
  mkdirSync(join(dir, 'internal'), { recursive: true });
  return dir;
}

/** Makes the run's publication current, and the one it replaces previous. */
export function switchTo(out: string, runId: string): void {
  const current = linkedName(out, 'current');
  if (current !== null) replaceLink(out, 'previous', join(PUBLICATIONS, current));
  replaceLink(out, 'current', join(PUBLICATIONS, runId));
}

/**
 * Removes every publication but the current and the previous one: older publications, and what killed
 * publishes left (their unfinished folders, stray links).
 */
export function removeOldPublications(out: string): void {
  const keep = [linkedName(out, 'current'), linkedName(out, 'previous')];
  for (const f of readdirSync(join(out, PUBLICATIONS))) {
    if (!keep.includes(f)) rmSync(join(out, PUBLICATIONS, f), { recursive: true, force: true });
  }
}
