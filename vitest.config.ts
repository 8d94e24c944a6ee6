import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['test/**/*.test.ts'],
    // Builds the demo site the dashboard tests share, in the background (test/dashboards/).
    globalSetup: ['test/dashboards/global-setup.ts'],
    // Safety nets, not targets: tests wait on events, and a busy machine is only slower (README "Tests").
    testTimeout: 600_000,
    hookTimeout: 600_000,
    // DuckDB and the site build are CPU-heavy, but the browser tests mostly wait on pages: on the 2-core
    // machine three workers finished the suite in 13.2 min against 14.0 with two (2026-12-02, idle).
    pool: 'forks',
    maxWorkers: 3,
  },
});
