/**
 * The adoption story the leadership overview tells: how many apps had reached each step of the
 * pipeline (selected, hello world, production) at each point of a range, bucketed by week, month,
 * quarter or cycle, set against the plan (the cycle goals, summed) — all "as of" a day, computed
 * from the apps' dates alone, so the overview can show the program as it stood at the end of any
 * past cycle. Pure functions over plain arrays; dates are `yyyy-MM-dd` strings and every step of
 * the calendar arithmetic is done on UTC dates (./dates), so no machine's time zone shifts a day.
 *
 * An app counts from the first date that shows it at a step or beyond: an app whose selection
 * date was never recorded but that went to production on 3 May was selected by 3 May. Apps now
 * dropped, or moved back to candidate, are left out of every date: they left the flow and no
 * record says when, so counting them would make today's figures disagree with the pipeline.
 */
import type { App } from './apps';
import { adoptionRate } from './cycle-actuals';
import {
  addDaysIso,
  DAY_MS,
  isoOfUtc,
  maxIsoDate,
  minIsoDate,
  utcMs,
  type Granularity,
  type IsoDate,
} from './dates';
import { median, timeToHelloWorldDays } from './pipeline';
import { plannedCumulativeApps, type Cycle } from './program';

/** The steps the adoption chart counts, in pipeline order. */
export const ADOPTION_STEPS = ['selected', 'helloWorld', 'production'] as const;
export type AdoptionStep = (typeof ADOPTION_STEPS)[number];

export const ADOPTION_STEP_LABELS: Record<AdoptionStep, string> = {
  selected: 'Selected',
  helloWorld: 'Hello world',
  production: 'On the platform',
};

/** The apps fields the adoption series read. */
export type AdoptionApp = Pick<
  App,
  'id' | 'stage' | 'teamId' | 'selectedOn' | 'firstDeployOn' | 'productionOn'
>;

/** Whether an app's dates count at all (not dropped, not moved back to candidate). */
export function countsForAdoption(app: Pick<App, 'stage'>): boolean {
  return app.stage !== 'dropped' && app.stage !== 'candidate';
}

/**
 * The day an app reached a step: the earliest of that step's date and the later steps' dates
 * (a step skipped without a date was passed by the time a later one happened); null when it has
 * not reached it, or when it no longer counts (see countsForAdoption).
 */
export function reachedOn(app: AdoptionApp, step: AdoptionStep): IsoDate | null {
  if (!countsForAdoption(app)) return null;
  const dates =
    step === 'selected'
      ? [app.selectedOn, app.firstDeployOn, app.productionOn]
      : step === 'helloWorld'
        ? [app.firstDeployOn, app.productionOn]
        : [app.productionOn];
  let earliest: IsoDate | null = null;
  for (const d of dates) if (d && (earliest === null || d < earliest)) earliest = d;
  return earliest;
}

/** One step of a time series: the days from `start` up to (not including) `end`. */
export interface Bucket {
  start: IsoDate;
  /** Exclusive: the first day of the next bucket (a cycle's hand-over day). */
  end: IsoDate;
  /** For the axis and the table: "W49 2026", "Dec 2026", "Q4 2026", "Cycle 3". */
  label: string;
  /** The cycle, when bucketed by cycle. */
  cycleId?: string;
}

/** The last day of a bucket. */
export function bucketLastDay(bucket: Pick<Bucket, 'end'>): IsoDate {
  return addDaysIso(bucket.end, -1);
}

/** Short cycle names for axes: the initial phase, then the scaling cycles by number. */
export function shortCycleLabel(cycle: Pick<Cycle, 'index'>): string {
  return cycle.index === 0 ? 'Initial' : `Cycle ${cycle.index}`;
}

const MONTH_LABELS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];

/**
 * A bucket's label from its first day (UTC milliseconds): "W49 2026" (the ISO week and its year,
 * the year of the week's Thursday), "Dec 2026", "Q4 2026".
 */
function bucketLabel(start: number, granularity: Exclude<Granularity, 'cycle'>): string {
  if (granularity === 'week') {
    const thursday = new Date(start + 3 * DAY_MS);
    const weekYear = thursday.getUTCFullYear();
    const week = Math.floor((thursday.getTime() - Date.UTC(weekYear, 0, 1)) / DAY_MS / 7) + 1;
    return `W${week < 10 ? '0' : ''}${week} ${weekYear}`;
  }
  const date = new Date(start);
  return granularity === 'month'
    ? `${MONTH_LABELS[date.getUTCMonth()]} ${date.getUTCFullYear()}`
    : `Q${Math.floor(date.getUTCMonth() / 3) + 1} ${date.getUTCFullYear()}`;
}

/**
 * The buckets that cover `from`–`to` (both inclusive). Weeks start on Monday and are labelled by
 * ISO week ("W01 2027" may start on 28 December 2026); months and quarters are calendar ones;
 * cycles are the program's cycles that overlap the range, in order (days outside every cycle
 * belong to no bucket). Empty when `to` is before `from`.
 */
export function bucketsBetween(
  from: IsoDate,
  to: IsoDate,
  granularity: Granularity,
  cycles: readonly Pick<Cycle, 'id' | 'index' | 'startDate' | 'endDate'>[] = [],
): Bucket[] {
  if (to < from) return [];
  if (granularity === 'cycle') {
    return [...cycles]
      .sort((a, b) => a.index - b.index)
      .filter((c) => c.startDate <= to && c.endDate > from)
      .map((c) => ({ start: c.startDate, end: c.endDate, label: shortCycleLabel(c), cycleId: c.id }));
  }
  // UTC arithmetic on milliseconds (./dates): ten years of weeks is hundreds of buckets per chart.
  const first = new Date(utcMs(from));
  const year = first.getUTCFullYear();
  const month = first.getUTCMonth();
  let start =
    granularity === 'week'
      ? first.getTime() - ((first.getUTCDay() + 6) % 7) * DAY_MS
      : Date.UTC(year, granularity === 'month' ? month : month - (month % 3), 1);
  const months = granularity === 'month' ? 1 : 3;
  const step = (ms: number) => {
    if (granularity === 'week') return ms + 7 * DAY_MS;
    const d = new Date(ms);
    return Date.UTC(d.getUTCFullYear(), d.getUTCMonth() + months, 1);
  };
  const buckets: Bucket[] = [];
  let startIso = isoOfUtc(start);
  while (startIso <= to) {
    const next = step(start);
    const endIso = isoOfUtc(next);
    buckets.push({ start: startIso, end: endIso, label: bucketLabel(start, granularity) });
    start = next;
    startIso = endIso;
  }
  return buckets;
}

/** The bucket a day falls in (start inclusive, end exclusive), or undefined. */
export function bucketOf(buckets: readonly Bucket[], day: IsoDate): Bucket | undefined {
  let lo = 0;
  let hi = buckets.length - 1;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    const b = buckets[mid]!;
    if (day < b.start) hi = mid - 1;
    else if (day >= b.end) lo = mid + 1;
    else return b;
  }
  return undefined;
}

/** How many of the sorted dates are on or before `day`. */
function countOnOrBefore(sorted: readonly IsoDate[], day: IsoDate): number {
  let lo = 0;
  let hi = sorted.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (sorted[mid]! <= day) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/** Each step's reached dates, sorted: built once, then counted at any day by binary search. */
export function reachedDates(
  apps: readonly AdoptionApp[],
  teamId: string | null = null,
): Record<AdoptionStep, IsoDate[]> {
  const out: Record<AdoptionStep, IsoDate[]> = { selected: [], helloWorld: [], production: [] };
  for (const app of apps) {
    if (teamId !== null && app.teamId !== teamId) continue;
    for (const step of ADOPTION_STEPS) {
      const d = reachedOn(app, step);
      if (d) out[step].push(d);
    }
  }
  for (const step of ADOPTION_STEPS) out[step].sort();
  return out;
}

/** How many apps had reached each step by the end of `day`. */
export function countsOn(
  dates: Record<AdoptionStep, readonly IsoDate[]>,
  day: IsoDate,
): Record<AdoptionStep, number> {
  return {
    selected: countOnOrBefore(dates.selected, day),
    helloWorld: countOnOrBefore(dates.helloWorld, day),
    production: countOnOrBefore(dates.production, day),
  };
}

/** A point of the plan line: the cumulative goal at a day. */
export interface PlanPoint {
  date: IsoDate;
  planned: number;
}

/**
 * The plan line: 0 at the start of the first cycle, then the cumulative goals
 * (plannedCumulativeApps) at each cycle's last day — the day before its hand-over, so the plan
 * and the overview "as of the end of a cycle" read the same day. Empty without cycles.
 */
export function planLine(
  cycles: readonly Pick<Cycle, 'index' | 'startDate' | 'endDate' | 'goalApps'>[],
): PlanPoint[] {
  const sorted = [...cycles].sort((a, b) => a.index - b.index);
  const first = sorted[0];
  if (!first) return [];
  return [
    { date: first.startDate, planned: 0 },
    ...plannedCumulativeApps(sorted).map((p) => ({ date: addDaysIso(p.date, -1), planned: p.planned })),
  ];
}

function dayNumber(value: IsoDate): number {
  return utcMs(value) / DAY_MS;
}

/**
 * What the plan expected by `day`: read off the plan line, straight between its points (a cycle's
 * goal is expected to be met steadily through the cycle); 0 before the first cycle, and the whole
 * plan after the last one ends (nothing more was planned); null without cycles.
 */
export function plannedAt(line: readonly PlanPoint[], day: IsoDate): number | null {
  const first = line[0];
  const last = line.at(-1);
  if (!first || !last) return null;
  if (day <= first.date) return 0;
  if (day >= last.date) return last.planned;
  for (let i = 1; i < line.length; i++) {
    const b = line[i]!;
    if (day <= b.date) {
      const a = line[i - 1]!;
      const span = dayNumber(b.date) - dayNumber(a.date);
      const t = span > 0 ? (dayNumber(day) - dayNumber(a.date)) / span : 1;
      return a.planned + (b.planned - a.planned) * t;
    }
  }
  return last.planned;
}

/** One row of the adoption series: a bucket and what stood at its last day. */
export interface AdoptionPoint {
  /** The bucket's label. */
  label: string;
  start: IsoDate;
  /** The day the counts are taken: the bucket's last day, or "as of" for the bucket containing it. */
  date: IsoDate;
  /** Apps that had reached each step by `date`; null for buckets after "as of" (not known yet). */
  selected: number | null;
  helloWorld: number | null;
  production: number | null;
  /** Apps that reached production within the bucket (up to "as of"); null after "as of". */
  newInProduction: number | null;
  /** The plan at `date`, rounded to a tenth; null without a plan (or a plan for a team). */
  planned: number | null;
  cycleId?: string;
}

export interface AdoptionSeriesInput {
  apps: readonly AdoptionApp[];
  cycles: readonly Pick<Cycle, 'id' | 'index' | 'startDate' | 'endDate' | 'goalApps'>[];
  from: IsoDate;
  to: IsoDate;
  asOf: IsoDate;
  granularity: Granularity;
  /** Only this team's apps; the plan (set for the whole program) is then left out. */
  teamId?: string | null;
}

/**
 * The adoption chart's rows, one per bucket of the range: the cumulative count at each step as of
 * the bucket's last day (never past "as of": buckets after it carry only the plan), the apps that
 * reached production in the bucket, and the plan. A record dated after "as of" did not exist yet.
 */
export function adoptionSeries(input: AdoptionSeriesInput): AdoptionPoint[] {
  return adoptionSeriesFrom(reachedDates(input.apps, input.teamId ?? null), input);
}

/**
 * The same series from dates already gathered by {@link reachedDates} (for `input.teamId`): a
 * screen gathers them once per change of the apps or the team, and a change of range or
 * granularity only counts again.
 */
export function adoptionSeriesFrom(
  dates: Record<AdoptionStep, readonly IsoDate[]>,
  input: Omit<AdoptionSeriesInput, 'apps'>,
): AdoptionPoint[] {
  const { from, to, asOf, granularity, cycles } = input;
  const line = (input.teamId ?? null) === null ? planLine(cycles) : [];
  return bucketsBetween(from, to, granularity, cycles).map((bucket) => {
    const known = bucket.start <= asOf;
    // Clipped to the range: a bucket that ends after `to` reads at `to`.
    const date = minIsoDate(minIsoDate(bucketLastDay(bucket), to), known ? asOf : to);
    const counts = known ? countsOn(dates, date) : null;
    const before = known ? countOnOrBefore(dates.production, addDaysIso(bucket.start, -1)) : 0;
    const planned = plannedAt(line, date);
    return {
      label: bucket.label,
      start: maxIsoDate(bucket.start, from),
      date,
      selected: counts?.selected ?? null,
      helloWorld: counts?.helloWorld ?? null,
      production: counts?.production ?? null,
      newInProduction: counts ? counts.production - before : null,
      planned: planned === null ? null : Math.round(planned * 10) / 10,
      ...(bucket.cycleId ? { cycleId: bucket.cycleId } : {}),
    };
  });
}

/** The headline: apps on the platform as of a day, their share of the eligible population, and the plan. */
export interface AdoptionHeadline {
  onPlatform: number;
  /** Share of the eligible population on the platform, 0–1. */
  rate: number;
  /** What the plan expected by then (whole apps, rounded); null without a plan for that day. */
  planned: number | null;
  /** onPlatform − planned: positive ahead of plan, negative behind; null without a plan. */
  versusPlan: number | null;
}

export function adoptionHeadline(
  apps: readonly AdoptionApp[],
  cycles: readonly Pick<Cycle, 'index' | 'startDate' | 'endDate' | 'goalApps'>[],
  eligibleApps: number,
  asOf: IsoDate,
  teamId: string | null = null,
): AdoptionHeadline {
  return adoptionHeadlineFrom(reachedDates(apps, teamId), cycles, eligibleApps, asOf, teamId);
}

/** {@link adoptionHeadline} from the reached dates (reachedDates, of the team's apps when `teamId` is set). */
export function adoptionHeadlineFrom(
  dates: Record<AdoptionStep, readonly IsoDate[]>,
  cycles: readonly Pick<Cycle, 'index' | 'startDate' | 'endDate' | 'goalApps'>[],
  eligibleApps: number,
  asOf: IsoDate,
  teamId: string | null = null,
): AdoptionHeadline {
  const onPlatform = countOnOrBefore(dates.production, asOf);
  const plan = teamId === null ? plannedAt(planLine(cycles), asOf) : null;
  const planned = plan === null ? null : Math.round(plan);
  return {
    onPlatform,
    rate: adoptionRate(onPlatform, eligibleApps),
    planned,
    versusPlan: planned === null ? null : onPlatform - planned,
  };
}

function apps(n: number): string {
  return `${n.toLocaleString('en')} ${n === 1 ? 'app' : 'apps'}`;
}

/** The one-line reading: "42 apps on the platform, 6 ahead of plan". */
export function adoptionReading(headline: AdoptionHeadline, teamName?: string | null): string {
  const base = `${apps(headline.onPlatform)} on the platform${teamName ? ` for ${teamName}` : ''}`;
  if (teamName) return `${base} (the plan is set for the whole program)`;
  const v = headline.versusPlan;
  if (v === null) return `${base}, no plan for this date`;
  if (v === 0) return `${base}, on plan`;
  return `${base}, ${Math.abs(v).toLocaleString('en')} ${v > 0 ? 'ahead of' : 'behind'} plan`;
}

/**
 * Each counted app's days from selection to hello world, ordered by the day of its first deploy:
 * gathered once, it answers the median as of any number of days (medianHelloWorldAsOf) without
 * going through every app again for each.
 */
export interface HelloWorldTimes {
  /** First deploy days, ascending. */
  readonly on: readonly IsoDate[];
  /** Days to hello world, in the same order. */
  readonly days: readonly number[];
}

export function helloWorldTimes(apps: readonly AdoptionApp[], teamId: string | null = null): HelloWorldTimes {
  const timed: { on: IsoDate; days: number }[] = [];
  for (const app of apps) {
    if (!countsForAdoption(app) || (teamId !== null && app.teamId !== teamId)) continue;
    if (app.firstDeployOn === null) continue;
    const d = timeToHelloWorldDays(app);
    if (d !== null) timed.push({ on: app.firstDeployOn, days: d });
  }
  timed.sort((a, b) => (a.on < b.on ? -1 : a.on > b.on ? 1 : 0));
  return { on: timed.map((t) => t.on), days: timed.map((t) => t.days) };
}

/** {@link medianTimeToHelloWorldAsOf} over times gathered once (helloWorldTimes). */
export function medianHelloWorldAsOf(
  times: HelloWorldTimes,
  asOf: IsoDate,
): { days: number | null; apps: number } {
  const known = countOnOrBefore(times.on, asOf);
  return { days: median(times.days.slice(0, known)), apps: known };
}

/**
 * {@link medianHelloWorldAsOf} on each of `days` (ascending), in one pass: the times are taken in
 * order of first deploy into a running median (a max-heap of the lower half, a min-heap of the
 * upper), instead of a sort of every prefix: a sparkline's dozen points over 20,000 apps.
 */
export function medianHelloWorldOnEach(times: HelloWorldTimes, days: readonly IsoDate[]): (number | null)[] {
  const lower = new NumberHeap((a, b) => a > b);
  const upper = new NumberHeap((a, b) => a < b);
  const out: (number | null)[] = [];
  let next = 0;
  for (const day of days) {
    for (; next < times.on.length && times.on[next]! <= day; next++) {
      const value = times.days[next]!;
      if (lower.size === 0 || value <= lower.top()) lower.push(value);
      else upper.push(value);
      // The lower half holds the middle value, or one more than the upper half.
      if (lower.size > upper.size + 1) upper.push(lower.pop());
      else if (upper.size > lower.size) lower.push(upper.pop());
    }
    if (lower.size === 0) out.push(null);
    else out.push(lower.size > upper.size ? lower.top() : (lower.top() + upper.top()) / 2);
  }
  return out;
}

/** A binary heap of numbers; `before(a, b)` when a belongs nearer the top. */
class NumberHeap {
  private readonly items: number[] = [];
  constructor(private readonly before: (a: number, b: number) => boolean) {}
  get size(): number {
    return this.items.length;
  }
  top(): number {
    return this.items[0]!;
  }
  push(value: number): void {
    const items = this.items;
    let i = items.push(value) - 1;
    while (i > 0) {
      const parent = (i - 1) >> 1;
      if (!this.before(items[i]!, items[parent]!)) break;
      [items[i], items[parent]] = [items[parent]!, items[i]!];
      i = parent;
    }
  }
  pop(): number {
    const items = this.items;
    const top = items[0]!;
    const last = items.pop()!;
    if (items.length > 0) {
      items[0] = last;
      let i = 0;
      for (;;) {
        const left = 2 * i + 1;
        const right = left + 1;
        let best = i;
        if (left < items.length && this.before(items[left]!, items[best]!)) best = left;
        if (right < items.length && this.before(items[right]!, items[best]!)) best = right;
        if (best === i) break;
        [items[i], items[best]] = [items[best]!, items[i]!];
        i = best;
      }
    }
    return top;
  }
}

/**
 * The median days from selection to hello world over the apps that had reached hello world by
 * `asOf` (a later first deploy was not known then); null when none had.
 */
export function medianTimeToHelloWorldAsOf(
  apps: readonly AdoptionApp[],
  asOf: IsoDate,
  teamId: string | null = null,
): { days: number | null; apps: number } {
  return medianHelloWorldAsOf(helloWorldTimes(apps, teamId), asOf);
}

/** A cycle's span within the range, for shading the chart by phase. */
export interface CycleBand {
  cycleId: string;
  label: string;
  phase: Cycle['phase'];
  start: IsoDate;
  /** The cycle's last day, clipped to the range. */
  end: IsoDate;
}

export function cycleBands(
  cycles: readonly Pick<Cycle, 'id' | 'index' | 'phase' | 'startDate' | 'endDate'>[],
  from: IsoDate,
  to: IsoDate,
): CycleBand[] {
  return [...cycles]
    .sort((a, b) => a.index - b.index)
    .filter((c) => c.startDate <= to && c.endDate > from)
    .map((c) => ({
      cycleId: c.id,
      label: shortCycleLabel(c),
      phase: c.phase,
      start: maxIsoDate(c.startDate, from),
      end: minIsoDate(addDaysIso(c.endDate, -1), to),
    }));
}

/** The most points a chart draws: more are thinned by {@link downsample}. */
export const MAX_CHART_POINTS = 600;

/**
 * At most `max` points of a series, evenly spread over it, first and last always kept, order
 * kept. For cumulative series (never decreasing) the thinned line stays within the full one's
 * envelope, so nothing is invented. The series itself when it is short enough.
 */
export function downsample<T>(points: readonly T[], max: number = MAX_CHART_POINTS): T[] {
  const n = points.length;
  if (n <= max) return [...points];
  if (max <= 1) return max === 1 ? [points[n - 1]!] : [];
  const out: T[] = [];
  for (let i = 0; i < max; i++) out.push(points[Math.round((i * (n - 1)) / (max - 1))]!);
  return out;
}
