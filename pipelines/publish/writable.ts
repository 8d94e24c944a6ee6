// The output folder must be writable before anything is computed for it: a read-only OUT (permissions, a
// read-only mount) is said in one line rather than surfacing as a raw error from the middle of a run.
import { existsSync, mkdtempSync, rmdirSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';

const READ_ONLY = ['EACCES', 'EPERM', 'EROFS'];

/**
 * Throws a one-line error when OUT cannot be written: tried by making (and removing) an empty folder in OUT,
 * or in its nearest existing parent when OUT does not exist yet. A real write answers what permission bits
 * cannot: it also fails on a read-only mount, or for a user whose rights come from elsewhere.
 */
export function assertWritableOut(out: string): void {
  const abs = resolve(out);
  let dir = abs;
  while (!existsSync(dir) && dirname(dir) !== dir) dir = dirname(dir);
  try {
    rmdirSync(mkdtempSync(join(dir, '.write-check-')));
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code ?? '';
    if (!READ_ONLY.includes(code)) throw e;
    throw new Error(
      `the output folder ${abs} is read-only (${code}): nothing can be written in ${dir}; make it writable or choose another --out`,
    );
  }
}
