// The demo site the dashboard tests share: built once per test run, in the background, by
// global-setup.ts (build-demo-site.ts); `demoSite()` waits for it.
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { inject } from 'vitest';

declare module 'vitest' {
  export interface ProvidedContext {
    /** Where global-setup.ts builds the demo site; '' when the run has no dashboard test. */
    demoSiteDir: string;
  }
}

/**
 * The demo: small enough to build in seconds, starting before some Employment Services catchments
 * start (October 2023, January 2024) so the before-and-after comparison has both sides, with a
 * little noise so that the data quality page has quarantined rows. April 2023 to September 2024: fiscal
 * year 2023-24 is complete (funding is public for complete years only) and 2024-25 is not.
 */
export const DEMO = { scale: 0.003, months: 18, start: '2023-04', seed: 11, noise: 0.002 } as const;

export interface DemoSite {
  root: string;
  extracts: string;
  warehouse: string;
  out: string;
  /** The built site (OUT/site). */
  site: string;
  /** The public tier it was built from (OUT/public). */
  publicDir: string;
  /** How long the demo took to generate, run and build. */
  seconds: number;
}

/**
 * The demo site, once it is built. No deadline: the build runs beside the other test files and takes
 * longer on a busy machine; a build that fails or dies says so in failed.txt (global-setup.ts), and a
 * hang is ended by the calling hook's timeout.
 */
export async function demoSite(): Promise<DemoSite> {
  const dir = inject('demoSiteDir');
  if (!dir) throw new Error('no demo site: test/dashboards/global-setup.ts did not start one');
  for (;;) {
    if (existsSync(join(dir, 'failed.txt')))
      throw new Error(`the demo site failed to build:\n${readFileSync(join(dir, 'failed.txt'), 'utf8')}`);
    if (existsSync(join(dir, 'ready.json')))
      return JSON.parse(readFileSync(join(dir, 'ready.json'), 'utf8')) as DemoSite;
    await new Promise((r) => setTimeout(r, 500));
  }
}
