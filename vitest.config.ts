// Unit, repository, component and main-process tests. End-to-end tests have their own config (vitest.e2e.config.ts).
import { defineConfig } from 'vitest/config';
import react from '@vitejs/plugin-react';

export default defineConfig({
  plugins: [react()],
  test: {
    include: ['test/**/*.test.{ts,tsx}'],
    exclude: ['test/e2e/**', 'node_modules/**'],
    environment: 'node',
    setupFiles: ['test/setup.ts'],
    // Separate processes, not threads: tests that change process.env.TZ need it to take effect.
    pool: 'forks',
    // One worker per core: left to itself vitest used one worker on two cores (280 s; 170 s with two).
    maxWorkers: 2,
    testTimeout: 20000,
  },
});
