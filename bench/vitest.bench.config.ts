// The benchmarks (bench/*.bench.ts): vitest runs them one file at a time in a child process with
// --expose-gc, so heap figures start from a collected heap and timings do not compete.
import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['bench/*.bench.ts'],
    environment: 'node',
    pool: 'forks',
    execArgv: ['--expose-gc'],
    fileParallelism: false,
    testTimeout: 120_000,
    silent: false,
  },
});
