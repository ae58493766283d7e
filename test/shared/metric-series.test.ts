/**
 * Speeds and feeds' numbers: the latest value as of a day and its change over a cycle, series in
 * the overview's week, month, quarter and cycle buckets (across year ends), thinned to 600 points, the
 * production-app counts from the apps' dates, and the grid's rows by date.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { bucketsBetween, downsample, MAX_CHART_POINTS } from '../../shared/domain/adoption';
import {
  addDaysIso,
  bucketSeries,
  formatMetricChange,
  latestAsOf,
  metricKeyOf,
  pointsByMetric,
  productionAppsOn,
  productionAppsSeries,
  scopeEnd,
  scopeSeries,
  snapshotRows,
  type Granularity,
  type MetricPoint,
} from '../../shared/domain';

type CycleLike = { id: string; index: number; startDate: string; endDate: string };
const p = (date: string, value: number, id?: string): MetricPoint => ({ date, value, ...(id ? { id } : {}) });

describe('latestAsOf', () => {
  const points = [p('2026-01-01', 10), p('2026-03-15', 14), p('2026-06-01', 20), p('2026-09-01', 31)];

  it('takes the last reading on or before the day and its change since one cycle earlier', () => {
    const latest = latestAsOf(points, '2026-08-31', 3);
    expect(latest?.latest).toEqual(p('2026-06-01', 20));
    // Three months before 31 August is 31 May: the reading standing then is 15 March's 14.
    expect(latest?.since).toBe('2026-05-31');
    expect(latest?.previous).toEqual(p('2026-03-15', 14));
    expect(latest?.change).toBe(6);
  });

  it('counts a reading on the day itself', () => {
    expect(latestAsOf(points, '2026-09-01', 3)?.latest.value).toBe(31);
  });

  it('has no change when nothing is a cycle old', () => {
    const latest = latestAsOf(points, '2026-02-01', 3);
    expect(latest?.latest.value).toBe(10);
    expect(latest?.previous).toBeNull();
    expect(latest?.change).toBeNull();
  });

  it('is null before the first reading', () => {
    expect(latestAsOf(points, '2025-12-31', 3)).toBeNull();
  });

  it('rounds away floating-point noise in the change', () => {
    expect(latestAsOf([p('2026-01-01', 0.1), p('2026-06-01', 0.3)], '2026-06-01', 3)?.change).toBe(0.2);
  });
});

describe('bucketSeries', () => {
  const points = [
    p('2026-11-30', 1, 'a'),
    p('2026-12-02', 2, 'b'),
    p('2026-12-31', 3, 'c'),
    p('2027-01-01', 4, 'd'),
    p('2027-01-20', 5, 'e'),
  ];
  const series = (granularity: Granularity, from: string, to: string, cycles: CycleLike[] = []) =>
    bucketSeries(points, bucketsBetween(from, to, granularity, cycles), from, to);

  it('keeps the last reading of each month, with the snapshot it came from and the bucket’s name', () => {
    expect(series('month', '2026-01-01', '2027-12-31')).toEqual([
      { bucket: '2026-11-01', label: 'Nov 2026', date: '2026-11-30', value: 1, id: 'a' },
      { bucket: '2026-12-01', label: 'Dec 2026', date: '2026-12-31', value: 3, id: 'c' },
      { bucket: '2027-01-01', label: 'Jan 2027', date: '2027-01-20', value: 5, id: 'e' },
    ]);
  });

  it('keeps the last reading of each week across the year end', () => {
    // 31 December 2026 (Thursday) and 1 January 2027 (Friday) share the week of 28 December.
    expect(series('week', '2026-01-01', '2027-12-31').map((b) => [b.bucket, b.value])).toEqual([
      ['2026-11-30', 2],
      ['2026-12-28', 4],
      ['2027-01-18', 5],
    ]);
  });

  it('draws only the range, both ends included', () => {
    expect(series('quarter', '2026-12-02', '2027-01-01').map((b) => b.value)).toEqual([3, 4]);
    expect(series('quarter', '2028-01-01', '2028-12-31')).toEqual([]);
  });

  it('buckets by cycle, leaving out readings before the first', () => {
    const cycles = [
      { id: 'c0', index: 0, startDate: '2026-12-15', endDate: '2027-01-15' },
      { id: 'c1', index: 1, startDate: '2027-01-15', endDate: '2027-04-15' },
    ];
    expect(series('cycle', '2026-01-01', '2027-12-31', cycles).map((b) => [b.label, b.value])).toEqual([
      ['Initial', 4],
      ['Cycle 1', 5],
    ]);
  });

  it('has one point per bucket, in order, each the last reading of its bucket in range', () => {
    fc.assert(
      fc.property(
        fc.array(fc.tuple(fc.integer({ min: 0, max: 800 }), fc.integer({ min: 0, max: 1000 })), {
          maxLength: 80,
        }),
        fc.constantFrom('week', 'month', 'quarter') as fc.Arbitrary<'week' | 'month' | 'quarter'>,
        fc.integer({ min: 0, max: 400 }),
        (raw, granularity, offset) => {
          const sorted = raw
            .map(([day, value]) => p(addDaysIso('2025-11-20', day), value))
            .sort((a, b) => (a.date < b.date ? -1 : a.date > b.date ? 1 : 0));
          const from = addDaysIso('2025-11-20', offset);
          const to = addDaysIso(from, 500);
          const buckets = bucketsBetween(from, to, granularity);
          const out = bucketSeries(sorted, buckets, from, to);
          const starts = out.map((s) => s.bucket);
          expect(new Set(starts).size).toBe(starts.length);
          expect([...starts].sort()).toEqual(starts);
          for (const s of out) {
            const bucket = buckets.find((b) => b.start === s.bucket)!;
            const inBucket = sorted.filter(
              (x) => x.date >= bucket.start && x.date < bucket.end && x.date >= from && x.date <= to,
            );
            expect(s.value).toBe(inBucket.at(-1)!.value);
          }
          const inRange = sorted.filter((x) => x.date >= from && x.date <= to).length;
          expect(out.length).toBeLessThanOrEqual(inRange);
          if (inRange > 0) expect(out.length).toBeGreaterThan(0);
        },
      ),
    );
  });

  it('draws ten years of daily readings weekly in at most 600 points once thinned, ending on the latest', () => {
    const daily = Array.from({ length: 3653 }, (_, i) => p(addDaysIso('2017-01-01', i), i));
    const weekly = bucketSeries(
      daily,
      bucketsBetween('2017-01-01', '2026-12-31', 'week'),
      '2017-01-01',
      '2026-12-31',
    );
    const thin = downsample(weekly);
    // 1 January 2017 is a Sunday: the last day of the week of 26 December 2016, a week of its own.
    expect(weekly.length).toBe(523);
    expect(thin.length).toBeLessThanOrEqual(MAX_CHART_POINTS);
    // The range ends on 31 December 2026: its reading, not 1 January 2027's, is the last drawn.
    expect(thin.at(-1)?.date).toBe('2026-12-31');
  });
});

describe("a metric over the overview's scope", () => {
  const daily = Array.from({ length: 3653 }, (_, i) => p(addDaysIso('2017-01-01', i), i));
  const scope = { from: '2017-01-01', to: '2026-12-31', asOf: '2026-12-31', granularity: 'week' as const };

  it('ends at the "as of" day when it is earlier than the range\'s end, else at the range\'s end', () => {
    expect(scopeEnd(scope)).toBe('2026-12-31');
    expect(scopeEnd({ ...scope, asOf: '2020-06-30' })).toBe('2020-06-30');
    expect(scopeEnd({ ...scope, asOf: '2030-01-01' })).toBe('2026-12-31');
  });

  it('is the bucketed series up to that day, thinned to the points asked for', () => {
    const asOf = '2020-06-30';
    const full = bucketSeries(daily, bucketsBetween(scope.from, asOf, 'week'), scope.from, asOf);
    expect(scopeSeries(daily, { ...scope, asOf }, [])).toEqual(full);
    const spark = scopeSeries(daily, { ...scope, asOf }, [], 60);
    expect(spark).toEqual(downsample(full, 60));
    expect(spark.at(-1)?.date).toBe(asOf);
  });

  it('draws at most 600 points by default, in cycles when asked', () => {
    expect(scopeSeries(daily, scope, []).length).toBeLessThanOrEqual(MAX_CHART_POINTS);
    const cycles = [
      { id: 'c0', index: 0, startDate: '2026-01-01', endDate: '2026-04-01' },
      { id: 'c1', index: 1, startDate: '2026-04-01', endDate: '2026-07-01' },
    ];
    expect(
      scopeSeries(daily, { ...scope, granularity: 'cycle' }, cycles).map((b) => [b.label, b.date]),
    ).toEqual([
      ['Initial', '2026-03-31'],
      ['Cycle 1', '2026-06-30'],
    ]);
  });
});

describe('production apps from the apps', () => {
  it('counts the apps in production on or before each day', () => {
    const series = productionAppsSeries(['2026-03-01', null, '2026-01-10', '2026-03-01', '2026-05-05']);
    expect(series).toEqual([p('2026-01-10', 1), p('2026-03-01', 3), p('2026-05-05', 4)]);
    expect(productionAppsOn(series, '2026-01-09')).toBe(0);
    expect(productionAppsOn(series, '2026-03-01')).toBe(3);
    expect(productionAppsOn(series, '2026-04-30')).toBe(3);
    expect(productionAppsOn(series, '2030-01-01')).toBe(4);
  });

  it('never decreases', () => {
    fc.assert(
      fc.property(fc.array(fc.option(fc.integer({ min: 0, max: 2000 }))), (days) => {
        const series = productionAppsSeries(
          days.map((d) => (d === null ? null : addDaysIso('2024-01-01', d))),
        );
        for (let i = 1; i < series.length; i++)
          expect(series[i]!.value).toBeGreaterThan(series[i - 1]!.value);
        expect(series.at(-1)?.value ?? 0).toBe(days.filter((d) => d !== null).length);
      }),
    );
  });
});

describe('the grid rows', () => {
  const s = (
    id: string,
    metricId: string,
    date: string,
    value: number,
    updatedAt = '2026-01-01T00:00:00Z',
  ) => ({
    id,
    metricId,
    date,
    value,
    updatedAt,
  });

  it('puts the newest date first, one cell per metric', () => {
    const rows = snapshotRows([
      s('1', 'm', '2026-01-01', 1),
      s('2', 'n', '2026-02-01', 2),
      s('3', 'm', '2026-02-01', 3),
    ]);
    expect(rows.map((r) => r.date)).toEqual(['2026-02-01', '2026-01-01']);
    expect(rows[0]!.cells.get('m')?.value).toBe(3);
    expect(rows[0]!.cells.get('n')?.value).toBe(2);
  });

  it('shows the snapshot updated last when two share a metric and a date', () => {
    const rows = snapshotRows([
      s('1', 'm', '2026-01-01', 1, '2026-01-02T00:00:00Z'),
      s('2', 'm', '2026-01-01', 2, '2026-01-01T00:00:00Z'),
    ]);
    expect(rows[0]!.cells.get('m')?.id).toBe('1');
  });

  it('gives each metric its readings oldest first', () => {
    const byMetric = pointsByMetric([s('2', 'm', '2026-02-01', 2), s('1', 'm', '2026-01-01', 1)]);
    expect(byMetric.get('m')).toEqual([p('2026-01-01', 1, '1'), p('2026-02-01', 2, '2')]);
  });
});

describe('names and numbers', () => {
  it('makes a key of a metric name', () => {
    expect(metricKeyOf('CPU cores (total)')).toBe('cpu-cores-total');
    expect(metricKeyOf('Données réseau')).toBe('donnees-reseau');
    expect(metricKeyOf('!!!')).toBe('metric');
  });

  it('signs a change', () => {
    expect(formatMetricChange(12)).toBe('+12');
    expect(formatMetricChange(-3.5)).toBe('−3.5');
    expect(formatMetricChange(0)).toBe('±0');
  });
});
