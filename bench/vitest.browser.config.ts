// The in-browser benchmark (bench/browser/*.bench.ts): one long run in Chromium, after the Node benchmarks.
import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['bench/browser/**/*.bench.ts'],
    environment: 'node',
    pool: 'forks',
    fileParallelism: false,
    testTimeout: 3 * 60 * 60_000,
    silent: false,
  },
});
