/**
 * The in-browser benchmark as `npm run bench` runs it (bench/run.mjs, after the Node
 * benchmarks): scale, runs and whether to build come from BENCH_SCALE, BENCH_RUNS and
 * BENCH_BUILD (BENCH_ONLY=pairing,… measures only those areas, see harness.ts); the figures go
 * to BENCH_RESULTS. Checks that every figure was measured, not
 * their values: a slow machine gets slow figures, not a failed run.
 */
import { expect, it } from 'vitest';
import { record } from '../figures';
import { parseOnly, runBrowserBench } from './harness';

it('measures the app in Chromium against raw IndexedDB', async () => {
  const figures = await runBrowserBench({
    scale: Number(process.env.BENCH_SCALE ?? 1),
    runs: Number(process.env.BENCH_RUNS ?? 5),
    build: process.env.BENCH_BUILD !== '0',
    only: parseOnly(process.env.BENCH_ONLY),
  });
  record(...figures);
  for (const f of figures) expect(f.value, f.figure).not.toBeNull();
});
