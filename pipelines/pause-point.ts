// Crash tests (test/pipelines/schedule/crash.test.ts) need a process stopped at a known point inside a
// transaction so they can kill it there. With SA_PAUSE_AT naming the point, the process writes the file
// SA_PAUSE_FILE and blocks until it is killed. Without SA_PAUSE_AT (always, outside those tests) it does nothing.
import { writeFileSync } from 'node:fs';

export function pausePoint(name: string): void {
  if (process.env.SA_PAUSE_AT !== name) return;
  writeFileSync(process.env.SA_PAUSE_FILE ?? 'sa-paused', `${process.pid} ${name}\n`);
  // Blocks this thread for good: no timer, no I/O, nothing else of the process runs until it is killed.
  Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0);
}
