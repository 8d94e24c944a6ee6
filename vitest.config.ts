import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['test/**/*.test.ts'],
    // Builds the demo site the dashboard tests share, in the background (test/dashboards/).
    globalSetup: ['test/dashboards/global-setup.ts'],
    // Safety nets, not targets: tests wait on events, and a busy machine is only slower (README "Tests").
    testTimeout: 600_000,
    hookTimeout: 600_000,
    // DuckDB and the site build are CPU-heavy; two workers match the machine's two cores.
    pool: 'forks',
    maxWorkers: 2,
  },
});
