/**
 * Speeds and feeds as numbers and series: the grid of snapshots by date, the latest value of a
 * metric as of a day with its change over the last cycle, a series bucketed by week, month,
 * quarter or cycle (the last value in each bucket: a metric is a level, not a flow), thinned to
 * at most 600 points, and "Production apps" counted from the apps' production dates.
 *
 * Every function here takes plain arrays and is pure; screens and the overview only render.
 */
import { addMonthsIso, type Granularity, type IsoDate } from './dates';
import { BUILT_IN_METRICS, type Metric, type MetricSource } from './metrics';

/** One reading of a metric: its value on a date, and the record it came from (for drill-down). */
export interface MetricPoint {
  date: IsoDate;
  value: number;
  /** The snapshot's id; absent for a value counted from the apps. */
  id?: string;
}

/** The most points a chart draws (issue 12: "no chart draws more than about 600 points"). */
export const MAX_CHART_POINTS = 600;

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

const DAY_MS = 86_400_000;

/**
 * The Monday on or before a yyyy-MM-dd date (ISO weeks), in UTC arithmetic: the same answer as
 * dates.ts startOfWeekIso, without date-fns' parsing and formatting for each of ten years of
 * daily readings.
 */
function mondayOf(date: IsoDate): IsoDate {
  const t = Date.UTC(Number(date.slice(0, 4)), Number(date.slice(5, 7)) - 1, Number(date.slice(8, 10)));
  const fromMonday = (new Date(t).getUTCDay() + 6) % 7;
  return new Date(t - fromMonday * DAY_MS).toISOString().slice(0, 10);
}

/** The first day of the quarter of `date`: 1 January, 1 April, 1 July or 1 October. */
export function startOfQuarterIso(date: IsoDate): IsoDate {
  const month = Number(date.slice(5, 7));
  const first = Math.floor((month - 1) / 3) * 3 + 1;
  return `${date.slice(0, 4)}-${String(first).padStart(2, '0')}-01`;
}

/**
 * The first day of the bucket `date` falls in: its week's Monday, its month's or quarter's first
 * day, or the start of the cycle holding it (`cycleStarts` sorted, oldest first). A date before
 * the first cycle is in no cycle: null.
 */
export function bucketOf(
  date: IsoDate,
  granularity: Granularity,
  cycleStarts: readonly IsoDate[] = [],
): IsoDate | null {
  switch (granularity) {
    case 'week':
      return mondayOf(date);
    case 'month':
      return `${date.slice(0, 7)}-01`;
    case 'quarter':
      return startOfQuarterIso(date);
    case 'cycle': {
      let found: IsoDate | null = null;
      for (const start of cycleStarts) {
        if (start <= date) found = start;
        else break;
      }
      return found;
    }
  }
}

/** One bucket of a series: its first day, and the last reading in it. */
export interface BucketPoint extends MetricPoint {
  /** The bucket's first day (a week's Monday, a month's first…). */
  bucket: IsoDate;
}

/**
 * A metric over time: for each bucket between `from` and `to` (both included) that holds a
 * reading, the last reading in it. Points must be date-sorted; the result is too.
 */
export function bucketSeries(
  points: readonly MetricPoint[],
  granularity: Granularity,
  from: IsoDate,
  to: IsoDate,
  cycleStarts: readonly IsoDate[] = [],
): BucketPoint[] {
  const out: BucketPoint[] = [];
  const start = Math.max(0, lastIndexOnOrBefore(points, from) + 1);
  // The reading on `from` itself is in range: step back over readings dated `from`.
  let i = start;
  while (i > 0 && points[i - 1]!.date === from) i--;
  for (; i < points.length; i++) {
    const p = points[i]!;
    if (p.date > to) break;
    if (p.date < from) continue;
    const bucket = bucketOf(p.date, granularity, cycleStarts);
    if (bucket === null) continue;
    const last = out.at(-1);
    const point: BucketPoint = { bucket, date: p.date, value: p.value, ...(p.id ? { id: p.id } : {}) };
    if (last && last.bucket === bucket) out[out.length - 1] = point;
    else out.push(point);
  }
  return out;
}

/**
 * At most `max` points of a date-sorted series: consecutive points are grouped evenly and each
 * group keeps its last point (the level it ended at), so the last point of the series is always
 * kept, and a series of `max` points or fewer is returned as it is.
 */
export function downsample<P extends MetricPoint>(points: readonly P[], max = MAX_CHART_POINTS): P[] {
  if (max < 1) return [];
  if (points.length <= max) return [...points];
  const size = Math.ceil(points.length / max);
  const out: P[] = [];
  // Groups end at the last point and run backwards, so the newest reading is always drawn.
  for (let end = points.length - 1; end >= 0; end -= size) out.push(points[end]!);
  return out.reverse();
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
