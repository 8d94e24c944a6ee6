import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['test/**/*.test.ts'],
    testTimeout: 120_000,
    hookTimeout: 120_000,
    // DuckDB and the site build are CPU-heavy; two workers match the machine's two cores.
    pool: 'forks',
    maxWorkers: 2,
  },
});
