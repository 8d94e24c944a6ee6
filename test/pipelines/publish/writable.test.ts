// Whether OUT can be written, tried with a real write: a read-only mount is refused in one line, even for
// root (the tests run as root, which ignores permission bits; test/pipelines/pipeline.test.ts has EACCES).
import { execFileSync } from 'node:child_process';
import { existsSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it, onTestFinished } from 'vitest';
import { assertWritableOut } from '../../../pipelines/publish/writable.ts';
import { tempDir } from '../../helpers.ts';
import { remountReadOnly, tmpfs } from '../../mount.ts';

describe('assertWritableOut', () => {
  it('passes a writable OUT, and one still to be made, leaving nothing behind', () => {
    const dir = tempDir();
    assertWritableOut(dir);
    assertWritableOut(join(dir, 'published', 'out'));
    expect(readdirSync(dir)).toEqual([]);
  });

  it('says an OUT on a read-only mount is read-only (EROFS), naming the folder it tried', () => {
    const ro = tmpfs(1);
    remountReadOnly(ro);
    expect(() => assertWritableOut(ro)).toThrow(
      new Error(
        `the output folder ${ro} is read-only (EROFS): nothing can be written in ${ro}; make it writable or choose another --out`,
      ),
    );
    // Not there yet: its nearest existing parent is what must be writable.
    const out = join(ro, 'published', 'out');
    expect(() => assertWritableOut(out)).toThrow(
      new Error(
        `the output folder ${out} is read-only (EROFS): nothing can be written in ${ro}; make it writable or choose another --out`,
      ),
    );
    expect(existsSync(join(ro, 'published'))).toBe(false);
  });

  it('says an immutable OUT (chattr +i) is read-only (EPERM)', () => {
    const out = tmpfs(1);
    execFileSync('chattr', ['+i', out]);
    onTestFinished(() => {
      execFileSync('chattr', ['-i', out]);
    });
    expect(() => assertWritableOut(out)).toThrow(
      new Error(
        `the output folder ${out} is read-only (EPERM): nothing can be written in ${out}; make it writable or choose another --out`,
      ),
    );
  });
});
