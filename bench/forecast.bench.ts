/**
 * The forecast with odds over the enterprise workspace (bench/workspace/generate.ts at
 * BENCH_SCALE, default 1: 20,000 apps): the Monte Carlo of 10,000 trials the overview runs, from
 * the apps' production dates, with a 26-week window and a 52-week window, and the calibration
 * (one forecast as of each past cycle's end). Each is the pure function the screen calls.
 */
import { describe, expect, it } from 'vitest';
import {
  DEFAULT_TRIALS,
  forecastCalibration,
  forecastTarget,
  platformArrivals,
} from '../shared/domain/forecast';
import { measure } from './report';
import { generateWorkspaceTables, WORKSPACE_TODAY } from './workspace/generate';

const SCALE = Number(process.env.BENCH_SCALE ?? 1);
const { tables } = generateWorkspaceTables({ scale: SCALE }, ['program', 'cycles', 'apps']);
const program = tables.program[0]!;
const arrivals = platformArrivals(tables.apps);
const sizes = `${tables.apps.length.toLocaleString('en')} apps, ${arrivals.length.toLocaleString('en')} in production`;

describe(`forecast with odds (×${SCALE}: ${sizes})`, () => {
  for (const historyWeeks of [26, 52]) {
    it(`forecasts the target from a ${historyWeeks}-week history`, () => {
      const result = measure(
        `Forecast with odds: ${DEFAULT_TRIALS.toLocaleString('en')} trials, ${historyWeeks}-week history (${sizes})`,
        { targetMs: 50, runs: 5 },
        () =>
          forecastTarget({
            arrivals,
            asOf: WORKSPACE_TODAY,
            historyWeeks,
            historyStart: program.startDate,
            // The target beyond what is on the platform, so that the trials have weeks to run.
            target: Math.max(program.targetApps, arrivals.length + 1),
          }),
      );
      expect(result.kind).not.toBe('reached');
    });
  }

  it('calibrates the past cycles', () => {
    const points = measure(
      `Forecast calibration: one forecast per past cycle end (${tables.cycles.length} cycles)`,
      { targetMs: 500, runs: 3 },
      () =>
        forecastCalibration({
          arrivals,
          cycles: tables.cycles,
          today: WORKSPACE_TODAY,
          historyWeeks: 26,
          historyStart: program.startDate,
          target: program.targetApps,
        }),
    );
    expect(points.length).toBeGreaterThan(0);
  });
});
