// End-to-end tests: real Chromium driven by playwright-core against the built renderer.
import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['test/e2e/**/*.e2e.ts'],
    environment: 'node',
    globalSetup: ['test/e2e/global-setup.ts'],
    // Two files at a time, one per core: each opens its own browser with its own storage, and
    // every test waits for what it looks for, so a slower page only takes longer.
    fileParallelism: true,
    maxWorkers: 2,
    // A whole journey (import, score, select, onboard, reload) takes 20-40 s alone and over 60 s
    // when the machine is loaded (load 17 on 2 cores): the ceiling is for a hung test, not a slow one.
    testTimeout: 120_000,
    hookTimeout: 120000,
    // expect.poll waits for the page to reach a state, like Playwright's own locator waits
    // (30 s); vitest's unit-test default of 1 s fails a lazily loaded view on a busy machine.
    expect: { poll: { timeout: 10_000 } },
  },
});
