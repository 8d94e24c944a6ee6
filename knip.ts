// Dead-code check (`npm run deadcode`): files, exports and dependencies nothing uses.
// Entry points are what runs from outside the import graph: the CLI and the benchmark (through
// bin/run-ts.js), the tests (vitest), and the dashboards, which Observable Framework reads by file name:
// the config, the pages (src/**/*.md), the page loaders (*.md.ts) and the data loaders (src/data/*.ts).
import type { KnipConfig } from 'knip';

/** What knip should read of a Framework page: the imports in its ```js blocks. */
function pageImports(text: string): string {
  const blocks = [...text.matchAll(/^```js\n([\s\S]*?)^```/gm)].map((m) => m[1] ?? '');
  return blocks.flatMap((block) => block.split('\n').filter((line) => line.startsWith('import '))).join('\n');
}

const config: KnipConfig = {
  entry: [
    'bin/*.js',
    'bench/bench.ts',
    'bench/site.ts',
    // Run as a child process by bench/bench.ts.
    'bench/phase.ts',
    // Run as a child process by test/dashboards/global-setup.ts.
    'test/dashboards/build-demo-site.ts',
    'dashboards/observablehq.config.ts',
    'dashboards/src/**/*.md',
    'dashboards/src/**/*.md.ts',
    'dashboards/src/data/*.ts',
    // Imported by the pages that compare.md.ts, downloads.md.ts and whats-new.md.ts write.
    'dashboards/src/components/compare.ts',
    'dashboards/src/components/downloads.ts',
    'dashboards/src/components/whats-new.ts',
    // The site imports the whole registry by path at build time (dashboards/lib/registry.ts).
    'pipelines/measures/registry.ts',
  ],
  project: [
    'bin/**/*.js',
    'bench/**/*.ts',
    'pipelines/**/*.ts',
    'dashboards/**/*.{ts,md}',
    'test/**/*.{ts,js}',
  ],
  compilers: { md: pageImports },
  // An export its own module uses is part of that module's story (a schema's row types, a constant
  // its functions read), not dead code.
  ignoreExportsUsedInFile: true,
  // Framework is run as node_modules/.bin/observable by pipelines/publish/site.ts. apache-arrow is part of
  // the chosen stack and has no user yet: the pages' data as Arrow IPC measured larger and slower to read
  // than their JSON (README, "How it is built"), so it waits for a place where a columnar file serves.
  ignoreDependencies: ['@observablehq/framework', 'apache-arrow'],
  // System commands the tests and the pretest check call.
  ignoreBinaries: ['mount', 'umount', 'chattr', 'pg_ctlcluster', 'apt-get'],
};

export default config;
