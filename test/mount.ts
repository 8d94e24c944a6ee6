// Real file systems for the tests of full and read-only disks: a small tmpfs mounted on a temporary folder.
// Mounting needs root (CAP_SYS_ADMIN), which the tests have here and on CI; without it these tests fail
// saying so, rather than pass without testing anything. Root ignores permission bits, so a read-only mount
// (EROFS) and a full one (ENOSPC) are what root cannot write through.
import { execFileSync } from 'node:child_process';
import { onTestFinished } from 'vitest';
import { tempDir } from './helpers.ts';

function mount(args: string[], dir: string): void {
  try {
    execFileSync('mount', [...args, dir], { stdio: 'pipe' });
  } catch (e) {
    throw new Error(
      `this test mounts a tmpfs on ${dir} and needs root with CAP_SYS_ADMIN, as on CI; \`mount ${args.join(' ')}\` said: ` +
        `${(e as { stderr?: Buffer }).stderr?.toString().trim() || (e as Error).message}`,
    );
  }
}

/** A new tmpfs of `megabytes` on a temporary folder, unmounted when the test finishes. */
export function tmpfs(megabytes: number): string {
  const dir = tempDir('sa-tmpfs-');
  mount(['-t', 'tmpfs', '-o', `size=${megabytes}m`, 'tmpfs'], dir);
  onTestFinished(() => {
    execFileSync('umount', [dir]);
  });
  return dir;
}

/** Remounts a tmpfs made by `tmpfs` read-only: writing in it then fails with EROFS, even as root. */
export function remountReadOnly(dir: string): void {
  mount(['-o', 'remount,ro'], dir);
}
