/**
 * Speeds and feeds' numbers: the latest value as of a day and its change over a cycle, series
 * bucketed by week, month, quarter and cycle (across year ends), thinned to 600 points, the
 * production-app counts from the apps' dates, and the grid's rows by date.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  addDaysIso,
  bucketOf,
  bucketSeries,
  downsample,
  formatMetricChange,
  latestAsOf,
  metricKeyOf,
  pointsByMetric,
  productionAppsOn,
  productionAppsSeries,
  snapshotRows,
  startOfMonthIso,
  startOfQuarterIso,
  startOfWeekIso,
  type MetricPoint,
} from '../../shared/domain';

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

describe('bucketOf', () => {
  it('starts weeks on Monday, across a year end', () => {
    // 1 January 2027 is a Friday; its week started on Monday 28 December 2026.
    expect(bucketOf('2027-01-01', 'week')).toBe('2026-12-28');
    expect(bucketOf('2026-12-28', 'week')).toBe('2026-12-28');
  });

  it('buckets by month and quarter', () => {
    expect(bucketOf('2026-12-31', 'month')).toBe('2026-12-01');
    expect(bucketOf('2026-12-31', 'quarter')).toBe('2026-10-01');
    expect(bucketOf('2027-01-01', 'quarter')).toBe('2027-01-01');
    expect(startOfQuarterIso('2026-06-30')).toBe('2026-04-01');
    expect(startOfQuarterIso('2026-07-01')).toBe('2026-07-01');
  });

  it('buckets by the cycle holding the date, and in none before the first', () => {
    const starts = ['2026-01-15', '2026-04-15', '2026-07-15'];
    expect(bucketOf('2026-04-14', 'cycle', starts)).toBe('2026-01-15');
    expect(bucketOf('2026-04-15', 'cycle', starts)).toBe('2026-04-15');
    expect(bucketOf('2030-01-01', 'cycle', starts)).toBe('2026-07-15');
    expect(bucketOf('2026-01-14', 'cycle', starts)).toBeNull();
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

  it('keeps the last reading of each month, with the snapshot it came from', () => {
    expect(bucketSeries(points, 'month', '2026-01-01', '2027-12-31')).toEqual([
      { bucket: '2026-11-01', date: '2026-11-30', value: 1, id: 'a' },
      { bucket: '2026-12-01', date: '2026-12-31', value: 3, id: 'c' },
      { bucket: '2027-01-01', date: '2027-01-20', value: 5, id: 'e' },
    ]);
  });

  it('keeps the last reading of each week across the year end', () => {
    // 31 December 2026 (Thursday) and 1 January 2027 (Friday) share the week of 28 December.
    expect(bucketSeries(points, 'week', '2026-01-01', '2027-12-31').map((b) => [b.bucket, b.value])).toEqual([
      ['2026-11-30', 2],
      ['2026-12-28', 4],
      ['2027-01-18', 5],
    ]);
  });

  it('draws only the range, both ends included', () => {
    expect(bucketSeries(points, 'quarter', '2026-12-02', '2027-01-01').map((b) => b.value)).toEqual([3, 4]);
    expect(bucketSeries(points, 'quarter', '2028-01-01', '2028-12-31')).toEqual([]);
  });

  it('leaves out readings before the first cycle', () => {
    expect(
      bucketSeries(points, 'cycle', '2026-01-01', '2027-12-31', ['2026-12-15']).map((b) => b.value),
    ).toEqual([5]);
  });

  it('has one point per bucket, in order, each the last reading of its bucket', () => {
    fc.assert(
      fc.property(
        fc.array(fc.tuple(fc.integer({ min: 0, max: 800 }), fc.integer({ min: 0, max: 1000 })), {
          maxLength: 80,
        }),
        fc.constantFrom('week', 'month', 'quarter') as fc.Arbitrary<'week' | 'month' | 'quarter'>,
        (raw, granularity) => {
          const sorted = raw
            .map(([day, value]) => p(addDaysIso('2025-11-20', day), value))
            .sort((a, b) => (a.date < b.date ? -1 : a.date > b.date ? 1 : 0));
          const series = bucketSeries(sorted, granularity, '2025-01-01', '2030-01-01');
          const buckets = series.map((s) => s.bucket);
          expect(new Set(buckets).size).toBe(buckets.length);
          expect([...buckets].sort()).toEqual(buckets);
          for (const s of series) {
            const inBucket = sorted.filter((x) => bucketOf(x.date, granularity) === s.bucket);
            expect(s.value).toBe(inBucket.at(-1)!.value);
          }
        },
      ),
    );
  });
});

describe('downsample', () => {
  it('returns a short series as it is', () => {
    const points = [p('2026-01-01', 1), p('2026-01-02', 2)];
    expect(downsample(points, 600)).toEqual(points);
  });

  it('draws ten years of daily readings in at most 600 points, ending on the latest', () => {
    const points = Array.from({ length: 3653 }, (_, i) => p(addDaysIso('2017-01-01', i), i));
    const thin = downsample(points);
    expect(thin.length).toBeLessThanOrEqual(600);
    expect(thin.length).toBeGreaterThan(500);
    expect(thin.at(-1)).toEqual(points.at(-1));
    expect(thin.map((t) => t.value)).toEqual([...thin.map((t) => t.value)].sort((a, b) => a - b));
  });

  it('never exceeds the cap, keeps the last point and the order, and draws only readings it was given', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 3000 }), fc.integer({ min: 1, max: 700 }), (n, max) => {
        const points = Array.from({ length: n }, (_, i) => p(addDaysIso('2020-01-01', i), i));
        const thin = downsample(points, max);
        expect(thin.length).toBeLessThanOrEqual(max);
        if (n > 0) expect(thin.at(-1)).toBe(points.at(-1));
        for (let i = 1; i < thin.length; i++) expect(thin[i]!.value).toBeGreaterThan(thin[i - 1]!.value);
      }),
    );
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

describe('week buckets', () => {
  it('agree with startOfWeekIso on every day of several years', () => {
    for (let i = 0; i < 3 * 366; i++) {
      const date = addDaysIso('2023-12-25', i);
      expect(bucketOf(date, 'week')).toBe(startOfWeekIso(date));
      expect(bucketOf(date, 'month')).toBe(startOfMonthIso(date));
    }
  });
});
