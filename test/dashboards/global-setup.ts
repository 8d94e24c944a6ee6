// Starts building the demo site for the dashboard tests (test/dashboards/) in a background process as
// the run begins, so that the other test files run while it builds; the dashboard tests wait for it
// (demo-site.ts). A run limited to other files (`vitest run test/models`) builds nothing.
import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync, mkdtempSync, openSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { TestProject } from 'vitest/node';

const REPO = join(import.meta.dirname, '..', '..');

/** Test-file filters on the command line (arguments that are not options). */
function wantsDashboards(): boolean {
  const filters = process.argv
    .slice(2)
    .filter((a) => !a.startsWith('-') && !['run', 'watch', 'dev'].includes(a));
  return (
    filters.length === 0 || filters.some((f) => 'test/dashboards/'.includes(f) || f.includes('dashboards'))
  );
}

export default function setup(project: TestProject): () => void {
  if (!wantsDashboards()) {
    project.provide('demoSiteDir', '');
    return () => {};
  }
  const dir = mkdtempSync(join(tmpdir(), 'sa-demo-site-'));
  const log = openSync(join(dir, 'build.log'), 'w');
  const child: ChildProcess = spawn(
    process.execPath,
    [join(REPO, 'bin', 'run-ts.js'), join(REPO, 'test', 'dashboards', 'build-demo-site.ts'), dir],
    // Its own process group, so that stopping it also stops the site build's Framework processes.
    { cwd: REPO, stdio: ['ignore', log, log], detached: true },
  );
  // A build that dies without a word (killed, out of memory) says so in failed.txt, so that the tests waiting
  // for it fail at once rather than wait for their timeout.
  const stopped = (code: number | null, signal: NodeJS.Signals | null): void => {
    if (existsSync(join(dir, 'ready.json')) || existsSync(join(dir, 'failed.txt'))) return;
    writeFileSync(
      join(dir, 'failed.txt'),
      `the demo site build stopped (${signal ?? `exit code ${code}`}) before it finished; see ${join(dir, 'build.log')}`,
    );
  };
  child.once('exit', stopped);
  project.provide('demoSiteDir', dir);
  return () => {
    child.off('exit', stopped);
    if (child.exitCode === null && child.pid) process.kill(-child.pid, 'SIGTERM');
    rmSync(dir, { recursive: true, force: true });
  };
}
