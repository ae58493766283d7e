/**
 * The in-browser benchmark (bench/browser/harness.ts) runs end to end on a tiny workspace
 * (scale 0.02: 400 apps, 6,608 records): every figure is produced. Values are not judged here —
 * CI machines differ — only that the harness can still drive the app and measure each one.
 */
import { describe, expect, it } from 'vitest';
import { BROWSER_FIGURE_IDS, runBrowserBench } from '../../bench/browser/harness';
import { workspaceCounts } from '../../bench/workspace/generate';

describe('the benchmark harness', () => {
  it('measures every figure of a small workspace in Chromium', { timeout: 480_000 }, async () => {
    const figures = await runBrowserBench({ scale: 0.02, runs: 1, build: false, log: () => {} });
    expect(figures.map((f) => f.id).sort()).toEqual([...BROWSER_FIGURE_IDS].sort());
    for (const f of figures) {
      // A figure that could not be measured carries why: say it with the figure's name.
      expect(f.value, f.error ? `${f.figure}: ${f.error}` : f.figure).toEqual(expect.any(Number));
      expect(Number.isFinite(f.value), f.figure).toBe(true);
      if (f.baseline) expect(f.baseline.value, `${f.figure}: baseline`).toEqual(expect.any(Number));
    }
    // Every record of every table of the workspace at that scale was restored.
    const records = Object.values(workspaceCounts(0.02)).reduce((sum, n) => sum + n, 0);
    expect(records).toBe(6608);
    expect(figures.find((f) => f.id === 'restore-rate')?.detail).toMatchObject({ records });
  });
});
