// Writing a file into a publication readers may be looking at: into a temporary file beside it, then renamed
// over it (atomic on POSIX), so a reader sees the old file or the new one, never half of one.
import { renameSync, rmSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';

export async function writeAtomically(
  path: string,
  write: (tmp: string) => void | Promise<void>,
): Promise<void> {
  const tmp = join(dirname(path), `.${basename(path)}.tmp-${process.pid}`);
  try {
    await write(tmp);
    renameSync(tmp, path);
  } finally {
    rmSync(tmp, { force: true });
  }
}
