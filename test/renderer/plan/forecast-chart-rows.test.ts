/** The forecast charts' rows and readings, worked out without a screen. */
import { describe, expect, it } from 'vitest';
import {
  MAX_CHART_POINTS,
  calibrationReading,
  chartPoints,
  likelyBy,
  oddsReading,
  oddsRows,
  type OddsRow,
} from '../../../renderer/features/plan/forecast-charts';
import { addDaysIso, forecastTarget, type CalibrationPoint } from '../../../shared/domain';

const point = (changes: Partial<CalibrationPoint>): CalibrationPoint => ({
  cycleId: 'c',
  cycleIndex: 1,
  closedOn: '2026-04-01',
  asOf: '2026-03-31',
  kind: 'forecast',
  message: null,
  current: 4,
  p50: '2026-06-01',
  p85: '2026-07-01',
  reachedOn: null,
  p50Outcome: 'open',
  p85Outcome: 'open',
  ...changes,
});

describe('the odds chart', () => {
  it('says "not within 10 years" for a likelihood beyond the horizon', () => {
    expect(likelyBy(85, '2027-03-14')).toBe('85% likely by 14 Mar 2027');
    expect(likelyBy(95, null)).toBe('95%: not within 10 years');
  });

  it('reads a reached target, and the history rows count the apps before the window', () => {
    const arrivals = ['2026-01-01', '2026-01-02', '2026-01-03'];
    const reached = forecastTarget({ arrivals, asOf: '2026-02-01', historyWeeks: 8, target: 3 });
    expect(oddsReading(reached, 8)).toBe(
      'The target is reached: 3 apps of the target of 3 on the platform as of 1 Feb 2026.',
    );
    const all = [...arrivals, '2026-01-20'];
    const result = forecastTarget({ arrivals: all, asOf: '2026-02-01', historyWeeks: 4, target: 9 });
    const apps = all.map((d, i) => ({ id: String(i), name: `App ${i}`, productionOn: d }));
    // The window starts on 5 January: three arrived before it, one in its third week.
    const rows = oddsRows(result, apps);
    expect(rows.filter((r) => r.kind === 'history').map((r) => [r.date, r.actual, r.arrived.length])).toEqual(
      [
        ['2026-01-11', 3, 0],
        ['2026-01-18', 3, 0],
        ['2026-01-25', 4, 1],
        ['2026-02-01', 4, 0],
      ],
    );
  });

  it('draws at most 600 points, keeping every history week, the marked dates and the last week', () => {
    const row = (i: number, kind: OddsRow['kind']): OddsRow => ({
      date: addDaysIso('2026-01-01', i * 7),
      kind,
      actual: null,
      arrived: [],
      p5: i,
      p15: i,
      p50: i,
      p95: i,
      outer: null,
      inner: null,
    });
    const rows = [
      ...Array.from({ length: 104 }, (_, i) => row(i, 'history')),
      ...Array.from({ length: 520 }, (_, i) => row(104 + i, 'forecast')),
    ];
    const marked = rows[200]!.date;
    const points = chartPoints(rows, new Set([marked]));
    expect(points.length).toBeLessThanOrEqual(MAX_CHART_POINTS);
    expect(points.filter((p) => p.kind === 'history')).toHaveLength(104);
    expect(points.map((p) => p.date)).toContain(marked);
    expect(points.at(-1)).toBe(rows.at(-1));
    expect(chartPoints(rows.slice(0, 300))).toHaveLength(300);
  });
});

describe('the calibration reading', () => {
  it('counts the dates come due that held', () => {
    expect(
      calibrationReading([
        point({ p85Outcome: 'met', p50Outcome: 'missed', reachedOn: '2026-06-20' }),
        point({ p85Outcome: 'missed', p50Outcome: 'missed', reachedOn: '2026-06-20' }),
        point({ p85Outcome: 'open', p50Outcome: 'met', reachedOn: '2026-06-20' }),
        point({
          kind: 'cannot',
          p50: null,
          p85: null,
          p50Outcome: null,
          p85Outcome: null,
          reachedOn: '2026-06-20',
        }),
      ]),
    ).toBe(
      'The 85% date held in 1 of 2 forecasts come due, the 50% date in 1 of 3. The target was reached on 20 Jun 2026.',
    );
  });
});
