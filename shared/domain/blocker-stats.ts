/**
 * What the Blockers views compute, as pure functions over blockers' dated status histories:
 * ageing (how long each unresolved blocker has been open), time to resolve per category (mean
 * and median), open blockers per category over time, and counts per category × severity.
 *
 * The rules, once for every view (and the register's filters use the same ones, so a count and
 * the list it opens always agree):
 * - A blocker is *unresolved* while its status is open or mitigating; at the end of a day it has
 *   the status of its last change on or before that day (several changes on one day: the last).
 * - *Days open* and *time to resolve* add up the days a blocker was unresolved: a reopened
 *   blocker's time counts from each reopening, not the days it sat resolved in between. A
 *   blocker resolved on the day it was opened took 0 days.
 * - Time to resolve counts blockers whose status is resolved now; unresolved ones are counted
 *   apart ("still open"), never as a time.
 */
import {
  BLOCKER_CATEGORY_IDS,
  BLOCKER_SEVERITIES,
  type Blocker,
  type BlockerCategory,
  type BlockerSeverity,
  type BlockerStatus,
  type BlockerStatusChange,
} from './blockers';
import { DAY_MS, isoOfDay, type IsoDate } from './dates';
import { isoDayNumber, median } from './pipeline';

type History = readonly Pick<BlockerStatusChange, 'status' | 'on'>[];

/** Open or mitigating: not resolved. */
export function isUnresolved(status: BlockerStatus): boolean {
  return status !== 'resolved';
}

/** A `yyyy-MM-dd` date's day number (days since 1970-01-01); throws on a date that is not one. */
function dayOf(value: IsoDate): number {
  const day = isoDayNumber(value);
  if (day === null) throw new RangeError(`Not a calendar date: ${value}`);
  return day;
}

/** The status a blocker had at the end of day `on`; null before it was opened. */
export function statusOn(history: History, on: IsoDate): BlockerStatus | null {
  let status: BlockerStatus | null = null;
  for (const change of history) {
    if (change.on > on) break;
    status = change.status;
  }
  return status;
}

/** Whether a blocker was unresolved at the end of day `on`. */
export function isOpenOn(blocker: { statusHistory: History }, on: IsoDate): boolean {
  const status = statusOn(blocker.statusHistory, on);
  return status !== null && isUnresolved(status);
}

/**
 * The days a blocker was unresolved up to `until` (its unresolved periods added up), and whether
 * it is still unresolved then.
 */
function unresolvedDays(history: History, until: number): { days: number; open: boolean } {
  let days = 0;
  let since: number | null = null;
  for (const change of history) {
    const day = dayOf(change.on);
    if (day > until) break;
    if (isUnresolved(change.status)) since ??= day;
    else if (since !== null) {
      days += day - since;
      since = null;
    }
  }
  if (since !== null) days += Math.max(0, until - since);
  return { days, open: since !== null };
}

/** Days an unresolved blocker has been open on `today`; null for a resolved one. */
export function daysOpen(blocker: Pick<Blocker, 'status' | 'statusHistory'>, today: IsoDate): number | null {
  if (!isUnresolved(blocker.status)) return null;
  return unresolvedDays(blocker.statusHistory, dayOf(today)).days;
}

/** Days a resolved blocker took to resolve (reopenings included, see the module comment); null while unresolved. */
export function timeToResolveDays(blocker: Pick<Blocker, 'status' | 'statusHistory'>): number | null {
  const last = blocker.statusHistory.at(-1);
  if (blocker.status !== 'resolved' || !last) return null;
  return unresolvedDays(blocker.statusHistory, dayOf(last.on)).days;
}

export interface AgeingEntry<B> {
  blocker: B;
  days: number;
}

/** The unresolved blockers with their days open, oldest first (then by opened date and title). */
export function ageing<B extends Pick<Blocker, 'status' | 'statusHistory' | 'openedOn' | 'title'>>(
  blockers: readonly B[],
  today: IsoDate,
): AgeingEntry<B>[] {
  const until = dayOf(today);
  const out: AgeingEntry<B>[] = [];
  for (const blocker of blockers) {
    if (!isUnresolved(blocker.status)) continue;
    out.push({ blocker, days: unresolvedDays(blocker.statusHistory, until).days });
  }
  return out.sort(
    (a, b) =>
      b.days - a.days ||
      (a.blocker.openedOn < b.blocker.openedOn ? -1 : a.blocker.openedOn > b.blocker.openedOn ? 1 : 0) ||
      a.blocker.title.localeCompare(b.blocker.title),
  );
}

/** How long unresolved blockers have been open, in the steps the ageing chart counts them by. */
export const AGE_BUCKETS = [
  { id: '0-30', label: 'Up to 30 days', min: 0, max: 30 },
  { id: '31-90', label: '31–90 days', min: 31, max: 90 },
  { id: '91-180', label: '91–180 days', min: 91, max: 180 },
  { id: '181-365', label: '181–365 days', min: 181, max: 365 },
  { id: '366+', label: 'Over a year', min: 366, max: Number.POSITIVE_INFINITY },
] as const;
export type AgeBucket = (typeof AGE_BUCKETS)[number];
export type AgeBucketId = AgeBucket['id'];

export function ageBucketOf(days: number): AgeBucket {
  return AGE_BUCKETS.find((b) => days <= b.max) ?? AGE_BUCKETS[4];
}

type PerCategory = Record<BlockerCategory, number>;

function zeroPerCategory(): PerCategory {
  return Object.fromEntries(BLOCKER_CATEGORY_IDS.map((c) => [c, 0])) as PerCategory;
}

export interface AgeingRow {
  bucket: AgeBucket;
  counts: PerCategory;
  total: number;
}

/** Unresolved blockers per age bucket and category (every bucket, in order, even when empty). */
export function ageingByBucket(entries: readonly AgeingEntry<Pick<Blocker, 'category'>>[]): AgeingRow[] {
  const rows = AGE_BUCKETS.map((bucket) => ({ bucket, counts: zeroPerCategory(), total: 0 }));
  for (const { blocker, days } of entries) {
    const row = rows[AGE_BUCKETS.indexOf(ageBucketOf(days))]!;
    row.counts[blocker.category]++;
    row.total++;
  }
  return rows;
}

export interface ResolveTimes {
  /** Blockers resolved now. */
  resolved: number;
  /** Blockers still open or mitigating (not counted in the times). */
  unresolved: number;
  meanDays: number | null;
  medianDays: number | null;
}

function resolveTimes(days: number[], unresolved: number): ResolveTimes {
  return {
    resolved: days.length,
    unresolved,
    meanDays: days.length ? days.reduce((s, d) => s + d, 0) / days.length : null,
    medianDays: median(days),
  };
}

/** Mean and median time to resolve per category (every category, in the deck's order) and overall. */
export function timeToResolveByCategory(
  blockers: readonly Pick<Blocker, 'category' | 'status' | 'statusHistory'>[],
): {
  categories: ({ category: BlockerCategory } & ResolveTimes)[];
  all: ResolveTimes;
} {
  const days = new Map<BlockerCategory, number[]>(BLOCKER_CATEGORY_IDS.map((c) => [c, []]));
  const open = zeroPerCategory();
  for (const blocker of blockers) {
    const d = timeToResolveDays(blocker);
    if (d === null) open[blocker.category]++;
    else days.get(blocker.category)!.push(d);
  }
  const categories = BLOCKER_CATEGORY_IDS.map((category) => ({
    category,
    ...resolveTimes(days.get(category)!, open[category]),
  }));
  return {
    categories,
    all: resolveTimes(
      [...days.values()].flat(),
      BLOCKER_CATEGORY_IDS.reduce((s, c) => s + open[c], 0),
    ),
  };
}

/** The steps a trend is drawn in. */
export const TREND_STEPS = ['week', 'month', 'quarter'] as const;
export type TrendStep = (typeof TREND_STEPS)[number];

/**
 * The days a trend counts on, from `from` to `to`: the last day of every week (Sunday; weeks
 * start on Monday), month or quarter that ends in between, then `to` itself (the period so far).
 * Ascending, without repeats; empty when `to` is before `from`.
 */
export function trendPoints(from: IsoDate, to: IsoDate, step: TrendStep): IsoDate[] {
  const start = dayOf(from);
  const end = dayOf(to);
  if (end < start) return [];
  const points: number[] = [];
  if (step === 'week') {
    // Day 0 (1970-01-01) was a Thursday: Sunday is the day whose number is 3 modulo 7.
    for (let day = start + ((3 - (start % 7) + 7) % 7); day < end; day += 7) points.push(day);
  } else {
    const months = step === 'month' ? 1 : 3;
    const first = new Date(start * DAY_MS);
    let year = first.getUTCFullYear();
    // The period the start falls in: its month, or its calendar quarter.
    let month = first.getUTCMonth() - (first.getUTCMonth() % months);
    for (;;) {
      const last = Math.round(Date.UTC(year, month + months, 0) / DAY_MS);
      if (last >= end) break;
      points.push(last);
      month += months;
      if (month >= 12) {
        month -= 12;
        year++;
      }
    }
  }
  points.push(end);
  return points.map(isoOfDay);
}

export interface OpenPoint {
  on: IsoDate;
  counts: PerCategory;
  total: number;
}

/**
 * Unresolved blockers per category at the end of each of `points` (ascending dates), in one
 * pass over the status changes: each change that opens or resolves a blocker adds +1 or −1 at
 * the first point on or after its day, and a running sum over the points gives the counts. So
 * the work grows with the changes plus the points, never blockers × points, and year ends are
 * just days.
 */
export function openPerCategoryOver(
  blockers: readonly Pick<Blocker, 'category' | 'statusHistory'>[],
  points: readonly IsoDate[],
): OpenPoint[] {
  const n = points.length;
  const categories = BLOCKER_CATEGORY_IDS.length;
  const deltas = new Int32Array(n * categories);
  const categoryIndex = new Map(BLOCKER_CATEGORY_IDS.map((c, i) => [c, i]));
  /** The first point on or after `on`; n when there is none. */
  const pointOf = (on: IsoDate): number => {
    let lo = 0;
    let hi = n;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (points[mid]! < on) lo = mid + 1;
      else hi = mid;
    }
    return lo;
  };
  for (const blocker of blockers) {
    const c = categoryIndex.get(blocker.category)!;
    let open = false;
    for (const change of blocker.statusHistory) {
      const now = isUnresolved(change.status);
      if (now === open) continue;
      open = now;
      const p = pointOf(change.on);
      if (p < n) deltas[p * categories + c]! += now ? 1 : -1;
    }
  }
  const running = new Array<number>(categories).fill(0);
  return points.map((on, p) => {
    const counts = zeroPerCategory();
    let total = 0;
    BLOCKER_CATEGORY_IDS.forEach((category, c) => {
      running[c]! += deltas[p * categories + c]!;
      counts[category] = running[c]!;
      total += running[c]!;
    });
    return { on, counts, total };
  });
}

export interface SeverityRow {
  category: BlockerCategory;
  counts: Record<BlockerSeverity, number>;
  total: number;
}

/** Blockers per category × severity (every category and severity, in order), with the totals. */
export function categorySeverityCounts(blockers: readonly Pick<Blocker, 'category' | 'severity'>[]): {
  rows: SeverityRow[];
  bySeverity: Record<BlockerSeverity, number>;
  total: number;
} {
  const zero = () =>
    Object.fromEntries(BLOCKER_SEVERITIES.map((s) => [s, 0])) as Record<BlockerSeverity, number>;
  const rows = new Map<BlockerCategory, SeverityRow>(
    BLOCKER_CATEGORY_IDS.map((category) => [category, { category, counts: zero(), total: 0 }]),
  );
  const bySeverity = zero();
  for (const b of blockers) {
    const row = rows.get(b.category)!;
    row.counts[b.severity]++;
    row.total++;
    bySeverity[b.severity]++;
  }
  return { rows: [...rows.values()], bySeverity, total: blockers.length };
}
