/**
 * Speeds and feeds as numbers and series: the grid of snapshots by date, the latest value of a
 * metric as of a day with its change over the last cycle, a series bucketed by week, month,
 * quarter or cycle in the overview's own buckets (adoption.ts; the last value in each bucket: a
 * metric is a level, not a flow; the overview thins it to 600 points with adoption.ts
 * downsample), and "Production apps" counted from the apps' production dates.
 *
 * Every function here takes plain arrays and is pure; screens and the overview only render.
 */
import { bucketLastDay, bucketsBetween, downsample, MAX_CHART_POINTS, type Bucket } from './adoption';
import { addDaysIso, addMonthsIso, type Granularity, type IsoDate } from './dates';
import type { Cycle } from './program';
import { BUILT_IN_METRICS, type Metric, type MetricSource } from './metrics';

/** One reading of a metric: its value on a date, and the record it came from (for drill-down). */
export interface MetricPoint {
  date: IsoDate;
  value: number;
  /** The snapshot's id; absent for a value counted from the apps. */
  id?: string;
}

/** Points sorted by date, oldest first (a copy; the input is left as it is). */
export function sortPoints<P extends MetricPoint>(points: readonly P[]): P[] {
  return [...points].sort((a, b) => (a.date < b.date ? -1 : a.date > b.date ? 1 : 0));
}

/** The index of the last point dated on or before `date` in date-sorted points; -1 when none is. */
export function lastIndexOnOrBefore(points: readonly MetricPoint[], date: IsoDate): number {
  let lo = 0;
  let hi = points.length - 1;
  let found = -1;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    if (points[mid]!.date <= date) {
      found = mid;
      lo = mid + 1;
    } else hi = mid - 1;
  }
  return found;
}

/** The latest value of a metric as of a day, and how it changed over the last cycle. */
export interface MetricLatest {
  /** The latest reading on or before the day. */
  latest: MetricPoint;
  /** The latest reading on or before the start of the window (one cycle back); null when none is that old. */
  previous: MetricPoint | null;
  /** latest − previous; null without a previous reading. */
  change: number | null;
  /** The first day of the window the change is measured over. */
  since: IsoDate;
}

/**
 * The latest reading of date-sorted `points` on or before `asOf`, and its change since the
 * reading that stood one cycle earlier (`cycleMonths` months before `asOf`). Null when there is
 * no reading on or before `asOf`.
 */
export function latestAsOf(
  points: readonly MetricPoint[],
  asOf: IsoDate,
  cycleMonths: number,
): MetricLatest | null {
  const at = lastIndexOnOrBefore(points, asOf);
  if (at < 0) return null;
  const latest = points[at]!;
  const since = addMonthsIso(asOf, -Math.max(1, Math.round(cycleMonths)));
  const before = lastIndexOnOrBefore(points, since);
  const previous = before >= 0 ? points[before]! : null;
  return {
    latest,
    previous,
    change: previous ? roundValue(latest.value - previous.value) : null,
    since,
  };
}

/** Removes floating-point noise (0.1 + 0.2) from a difference of readings. */
function roundValue(value: number): number {
  return Math.round(value * 1e6) / 1e6;
}

/** One bucket of a series: the bucket, and the last reading in it. */
export interface BucketPoint extends MetricPoint {
  /** The bucket's first day (a week's Monday, a month's first, a cycle's start). */
  bucket: IsoDate;
  /** The bucket as the overview names it ("W49 2026", "Dec 2026", "Q4 2026", "Cycle 3"). */
  label: string;
}

/**
 * A metric over time in the overview's buckets (adoption.ts bucketsBetween, so the metric chart
 * steps like every other chart): for each bucket that holds a reading between `from` and `to`
 * (both included), the last reading in it. Points must be date-sorted, buckets in order.
 */
export function bucketSeries(
  points: readonly MetricPoint[],
  buckets: readonly Bucket[],
  from: IsoDate,
  to: IsoDate,
): BucketPoint[] {
  const out: BucketPoint[] = [];
  let i = lastIndexOnOrBefore(points, addDaysIso(from, -1)) + 1;
  for (const bucket of buckets) {
    const lo = bucket.start > from ? bucket.start : from;
    const last = bucketLastDay(bucket);
    const hi = last < to ? last : to;
    if (lo > hi) continue;
    while (i < points.length && points[i]!.date < lo) i++;
    let found: MetricPoint | null = null;
    while (i < points.length && points[i]!.date <= hi) found = points[i++]!;
    if (found)
      out.push({
        bucket: bucket.start,
        label: bucket.label,
        date: found.date,
        value: found.value,
        ...(found.id ? { id: found.id } : {}),
      });
  }
  return out;
}

/** What of the overview's scope a metric's series follows. */
export interface SeriesScope {
  from: IsoDate;
  to: IsoDate;
  asOf: IsoDate;
  granularity: Granularity;
}

/** The last day a scope's series reaches: its range's end, or its "as of" day when that is earlier. */
export function scopeEnd(scope: SeriesScope): IsoDate {
  return scope.asOf < scope.to ? scope.asOf : scope.to;
}

/**
 * A metric over a scope, as the overview draws it (the chart and the tiles' sparklines): its
 * {@link bucketSeries} from the scope's start to {@link scopeEnd}, downsampled to `max` points.
 */
export function scopeSeries(
  points: readonly MetricPoint[],
  scope: SeriesScope,
  cycles: readonly Pick<Cycle, 'id' | 'index' | 'startDate' | 'endDate'>[],
  max: number = MAX_CHART_POINTS,
): BucketPoint[] {
  const end = scopeEnd(scope);
  const buckets = bucketsBetween(scope.from, end, scope.granularity, cycles);
  return downsample(bucketSeries(points, buckets, scope.from, end), max);
}

/**
 * The production-app counts as a series: one point on each day an app went into production,
 * counting every app with a production date on or before it. `productionDates` in any order;
 * null (not in production) is left out.
 */
export function productionAppsSeries(productionDates: readonly (IsoDate | null)[]): MetricPoint[] {
  const dates = productionDates.filter((d): d is IsoDate => d !== null).sort();
  const out: MetricPoint[] = [];
  dates.forEach((date, i) => {
    if (out.at(-1)?.date === date) out[out.length - 1] = { date, value: i + 1 };
    else out.push({ date, value: i + 1 });
  });
  return out;
}

/** The number of apps in production on `date`, from the sorted series of productionAppsSeries. */
export function productionAppsOn(series: readonly MetricPoint[], date: IsoDate): number {
  const at = lastIndexOnOrBefore(series, date);
  return at < 0 ? 0 : series[at]!.value;
}

/** A snapshot as the grid needs it. */
export interface GridSnapshot {
  id: string;
  metricId: string;
  date: IsoDate;
  value: number;
}

/** One row of the grid: a date and each metric's snapshot on it. */
export interface GridRow<S extends GridSnapshot = GridSnapshot> {
  date: IsoDate;
  /** By metric id. */
  cells: ReadonlyMap<string, S>;
}

/**
 * The snapshots as rows by date, newest first (the grid's order: today's reading is typed at the
 * top). When a metric has two snapshots on one date (written in two windows at once), the one
 * updated last is shown.
 */
export function snapshotRows<S extends GridSnapshot & { updatedAt?: string }>(
  snapshots: readonly S[],
): GridRow<S>[] {
  const byDate = new Map<IsoDate, Map<string, S>>();
  for (const s of snapshots) {
    let cells = byDate.get(s.date);
    if (!cells) byDate.set(s.date, (cells = new Map()));
    const other = cells.get(s.metricId);
    if (!other || (other.updatedAt ?? '') <= (s.updatedAt ?? '')) cells.set(s.metricId, s);
  }
  return [...byDate.entries()]
    .sort((a, b) => (a[0] < b[0] ? 1 : a[0] > b[0] ? -1 : 0))
    .map(([date, cells]) => ({ date, cells }));
}

/**
 * Each metric's readings, date-sorted, by metric id: what the tiles and the chart read. Two on
 * one date (two windows) keep the one updated last.
 */
export function pointsByMetric(
  snapshots: readonly (GridSnapshot & { updatedAt?: string })[],
): Map<string, MetricPoint[]> {
  const groups = new Map<string, (GridSnapshot & { updatedAt?: string })[]>();
  for (const s of snapshots) {
    let list = groups.get(s.metricId);
    if (!list) groups.set(s.metricId, (list = []));
    list.push(s);
  }
  const out = new Map<string, MetricPoint[]>();
  for (const [metricId, list] of groups) {
    // By date, and on one date the one updated last comes last and is kept.
    list.sort((a, b) =>
      a.date !== b.date ? (a.date < b.date ? -1 : 1) : (a.updatedAt ?? '') < (b.updatedAt ?? '') ? -1 : 1,
    );
    const points: MetricPoint[] = [];
    for (const s of list) {
      const point = { date: s.date, value: s.value, id: s.id };
      if (points.at(-1)?.date === s.date) points[points.length - 1] = point;
      else points.push(point);
    }
    out.set(metricId, points);
  }
  return out;
}

/** A metric name made into a key: lower case, letters and digits joined by dashes ("CPU cores" → "cpu-cores"). */
export function metricKeyOf(name: string): string {
  const key = name
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 80);
  return key || 'metric';
}

/** How a metric's names are compared: any case, spaces and punctuation ("Data centres" ≠ "Data centers"). */
export function metricNameKey(name: string): string {
  return name.toLowerCase().replace(/[^a-z0-9]+/g, '');
}

/** A value as the grid and the tiles show it: up to two decimals, thousands separated ("12,480", "3.5"). */
export function formatMetricValue(value: number): string {
  return value.toLocaleString('en-US', { maximumFractionDigits: 2 });
}

/** A change with its sign ("+12", "−3.5", "±0"). */
export function formatMetricChange(change: number): string {
  if (change === 0) return '±0';
  const text = formatMetricValue(Math.abs(change));
  return change > 0 ? `+${text}` : `−${text}`;
}

/** A metric as the screens list it: stored, or a built-in one no write has needed yet (`id` null). */
export interface MetricColumn {
  id: string | null;
  key: string;
  name: string;
  unit: string;
  builtIn: boolean;
  retired: boolean;
  source: MetricSource;
}

/**
 * Every metric of the program: the built-in ones in the deck's order (stored or not), then the
 * user's own in the order they were added. Records written before a field existed read with its
 * default (not retired, typed in).
 */
export function metricColumns(
  stored: readonly Pick<Metric, 'id' | 'key' | 'name' | 'unit' | 'builtIn' | 'createdAt'>[] &
    readonly Partial<Pick<Metric, 'retired' | 'source'>>[],
): MetricColumn[] {
  const byKey = new Map(stored.map((m) => [m.key, m]));
  const column = (m: (typeof stored)[number]): MetricColumn => ({
    id: m.id,
    key: m.key,
    name: m.name,
    unit: m.unit,
    builtIn: m.builtIn,
    retired: m.retired ?? false,
    source: m.source ?? 'manual',
  });
  const builtIn = BUILT_IN_METRICS.map((b) => {
    const m = byKey.get(b.key);
    return m
      ? column(m)
      : {
          id: null,
          key: b.key,
          name: b.name,
          unit: b.unit,
          builtIn: true,
          retired: false,
          source: 'manual' as const,
        };
  });
  const own = stored
    .filter((m) => !BUILT_IN_METRICS.some((b) => b.key === m.key))
    .sort((a, b) => (a.createdAt < b.createdAt ? -1 : a.createdAt > b.createdAt ? 1 : a.key < b.key ? -1 : 1))
    .map(column);
  return [...builtIn, ...own];
}
