// What a site is built from: the public files it reads and the code that turns them into pages. Two
// publications with the same inputs get the same site, so `publish` carries the last site over instead
// of building it again (a minute and more) when a run brings nothing new.
import { createHash } from 'node:crypto';
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { CATALOGUE_FILE, DCAT_FILE } from './open-data/catalogue.ts';
import { DATAPACKAGE_FILE } from './open-data/datapackage.ts';

const REPO_DIR = join(import.meta.dirname, '..', '..');
/** The code and reference data a site build reads (the pages import the registry and the contract). */
const CODE = [
  'dashboards/observablehq.config.ts',
  'dashboards/lib',
  'dashboards/src',
  'pipelines',
  'data/reference',
  'package-lock.json',
];
/** Where a publication notes the inputs its site was built from. */
export const SITE_INPUTS_FILE = 'site-inputs.sha256';

function files(path: string): string[] {
  if (!existsSync(path)) return [];
  if (statSync(path).isFile()) return [path];
  return readdirSync(path, { recursive: true, withFileTypes: true })
    .filter(
      (e) =>
        e.isFile() &&
        !relative(path, join(e.parentPath, e.name))
          .split('/')
          .some((p) => p.startsWith('.')),
    )
    .map((e) => join(e.parentPath, e.name))
    .sort();
}

/**
 * One hash of the site's inputs: every public file's bytes and the code's. The public metadata's run id
 * and time are left out: a run that publishes the same figures again does not change what the pages show
 * but the run that first published them.
 */
export function siteInputs(publicDir: string): string {
  const hash = createHash('sha256');
  for (const file of files(publicDir)) {
    const name = relative(publicDir, file);
    // The package and the catalogue name the run and the time they were made, and otherwise restate the
    // files hashed here.
    if ([DATAPACKAGE_FILE, CATALOGUE_FILE, DCAT_FILE].includes(name)) continue;
    let bytes: Buffer | string = readFileSync(file);
    if (name === 'metadata.json') {
      const {
        run_id: _run,
        generated_at: _at,
        ...rest
      } = JSON.parse(bytes.toString()) as Record<string, unknown>;
      bytes = JSON.stringify(rest);
    }
    hash.update(`public/${name}\0`).update(bytes).update('\0');
  }
  for (const file of CODE.flatMap((p) => files(join(REPO_DIR, p))))
    hash
      .update(`${relative(REPO_DIR, file)}\0`)
      .update(readFileSync(file))
      .update('\0');
  return hash.digest('hex');
}
