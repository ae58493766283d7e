/**
 * The forecast with odds: when will the program's target of apps on the platform be reached?
 * A Monte Carlo simulation over the program's own throughput — how many apps reached the
 * platform (their production date) in each week of a history window the user chooses.
 *
 * The model:
 *
 * 1. **History.** The window is the `historyWeeks` whole weeks that end on `asOf` (week 0 is the
 *    seven days ending on `asOf`, week 1 the seven before…). A week that starts before
 *    `historyStart` (the program's start) is not history and is left out; every other week
 *    counts, **including weeks in which no app arrived**. Only arrivals dated on or before
 *    `asOf` are read, so a forecast "as of" a past day sees only what was known that day.
 * 2. **Trials.** Each trial starts from the apps on the platform at `asOf` and, week after week,
 *    adds one week's throughput drawn at random (with replacement) from the history, until the
 *    target is reached. The draws come from a seeded generator (mulberry32): the same input and
 *    seed give the same forecast. Every trial draws once every week even after it has reached
 *    the target, so two histories of the same length use the same draws: a history with at least
 *    as many arrivals in every week is never forecast later. (A trial at the target only steps the
 *    generator past its number, without working the number out: the stream stays the same.)
 * 3. **Dates with odds.** The date by which the target is reached with likelihood L (50, 85, 95 %)
 *    is the end of the first week by which at least L % of the trials have reached it. A
 *    likelihood not reached within the horizon (`horizonWeeks`, at most ten years) has no date.
 * 4. **The fan.** For every week up to the 95 % date (or the horizon), the apps on the platform
 *    that are 95, 85, 50, 15 and 5 % likely to be reached at least (the count percentiles p5…p95
 *    of the trials, a trial's count stopping at the target). The p5 edge meets the target in the
 *    week of the 95 % date, the p15 edge in that of the 85 % date and the median in that of the
 *    50 % date.
 *
 * When the target is already reached there is nothing to forecast; when the history is shorter
 * than `minWeeks` or no app arrived in it, the result says so (a typed reason and a message)
 * instead of giving numbers.
 */
import { addDaysIso, formatIsoDate, isoOfDay, type IsoDate } from './dates';
import { isoDayNumber } from './pipeline';
import { indexOfBits, Mulberry32, MULBERRY32_STEP, mulberry32Bits } from './random';

/** The likelihoods the forecast gives a date for, in percent. */
export const FORECAST_LIKELIHOODS = [50, 85, 95] as const;
export type ForecastLikelihood = (typeof FORECAST_LIKELIHOODS)[number];

/** The history windows the user chooses from, in weeks. */
export const HISTORY_WINDOWS = [8, 13, 26, 52, 104] as const;
export const DEFAULT_HISTORY_WEEKS = 26;
export const DEFAULT_TRIALS = 10_000;
export const MAX_TRIALS = 100_000;
/** The same seed every time: a forecast shown twice on the same data shows the same dates. */
export const DEFAULT_SEED = 12;
/** The longest forecast: ten years of weeks. */
export const MAX_HORIZON_WEEKS = 520;
/** The shortest history a forecast is made from. */
export const MIN_HISTORY_WEEKS = 4;

export const DAYS_PER_WEEK = 7;

export interface ForecastInput {
  /** The dates apps reached the platform (production); later dates than `asOf` are ignored. */
  arrivals: readonly IsoDate[];
  /** The forecast is made at the end of this day. */
  asOf: IsoDate;
  /** The history window in weeks (1–520). */
  historyWeeks: number;
  /** The first day that is history (the program's start); null: every week of the window is. */
  historyStart?: IsoDate | null;
  /** Apps on the platform at `asOf`; by default the arrivals on or before it. */
  current?: number;
  /** The program's target apps. */
  target: number;
  trials?: number;
  seed?: number;
  /** How far to look, in weeks (capped at MAX_HORIZON_WEEKS). */
  horizonWeeks?: number;
  /** The fewest weeks of history to forecast from (at least 1). */
  minWeeks?: number;
  /** False: only the dates, no fan (the calibration); the dates are the same either way. */
  fan?: boolean;
}

/** The date the target is reached with one likelihood; null when not within the horizon. */
export interface ForecastDate {
  likelihood: ForecastLikelihood;
  /** The end of the week, or null beyond the horizon. */
  date: IsoDate | null;
  /** Weeks after `asOf`, or null beyond the horizon. */
  weeks: number | null;
}

/** One week of the fan: the apps on the platform at its end, by how likely they are reached. */
export interface FanPoint {
  /** Weeks after `asOf` (0 is `asOf` itself). */
  week: number;
  /** The end of the week. */
  date: IsoDate;
  /** 95 % likely at least this many. */
  p5: number;
  /** 85 % likely at least this many. */
  p15: number;
  /** The median: 50 % likely at least this many. */
  p50: number;
  /** 15 % likely at least this many. */
  p85: number;
  /** 5 % likely at least this many. */
  p95: number;
}

export type CannotForecastReason = 'short-history' | 'no-throughput';

export interface Forecast {
  kind: 'forecast';
  asOf: IsoDate;
  current: number;
  target: number;
  trials: number;
  seed: number;
  horizonWeeks: number;
  /** Apps that reached the platform per history week, oldest first (zeros included). */
  throughput: number[];
  /** The first day of the oldest history week. */
  historyFrom: IsoDate;
  /** The date for each of FORECAST_LIKELIHOODS, in that order. */
  dates: ForecastDate[];
  /** From week 0 (`asOf`) to the 95 % date or the horizon; only week 0 when asked for no fan. */
  fan: FanPoint[];
}

export interface CannotForecast {
  kind: 'cannot';
  reason: CannotForecastReason;
  /** What to tell the user instead of a chart. */
  message: string;
  asOf: IsoDate;
  current: number;
  target: number;
  /** The weeks of history there were. */
  historyWeeks: number;
}

export interface TargetReached {
  kind: 'reached';
  asOf: IsoDate;
  current: number;
  target: number;
}

export type ForecastResult = Forecast | CannotForecast | TargetReached;

function wholeInRange(label: string, value: number, min: number, max: number): number {
  if (!Number.isInteger(value) || value < min || value > max)
    throw new RangeError(`${label} must be a whole number from ${min} to ${max} (got ${value})`);
  return value;
}

function dayOf(label: string, value: IsoDate): number {
  const day = isoDayNumber(value);
  if (day === null) throw new RangeError(`${label} is not a calendar date: ${value}`);
  return day;
}

/** The history of a forecast: arrivals per week (oldest first) and the apps on the platform at `asOf`. */
export function weeklyThroughput(
  arrivals: readonly IsoDate[],
  asOf: IsoDate,
  historyWeeks: number,
  historyStart: IsoDate | null = null,
): { throughput: number[]; onPlatform: number } {
  const end = dayOf('As of', asOf);
  let weeks = historyWeeks;
  if (historyStart !== null) {
    const start = dayOf('History start', historyStart);
    weeks = Math.min(weeks, Math.max(0, Math.floor((end - start + 1) / DAYS_PER_WEEK)));
  }
  const latestFirst = new Array<number>(weeks).fill(0);
  let onPlatform = 0;
  for (const arrival of arrivals) {
    const day = isoDayNumber(arrival);
    if (day === null || day > end) continue;
    onPlatform += 1;
    const week = Math.floor((end - day) / DAYS_PER_WEEK);
    if (week < weeks) latestFirst[week] = (latestFirst[week] as number) + 1;
  }
  return { throughput: latestFirst.reverse(), onPlatform };
}

/** The value at a count percentile (nearest rank, `floor(p·n)` of the ascending order). */
const rankOf = (percent: number, n: number) => Math.min(n - 1, Math.floor((percent * n) / 100));
const FAN_PERCENTS = [5, 15, 50, 85, 95] as const;

/**
 * Sets `out[i]` to `offset` plus the count at `ranks[i]` (ascending) of the counts `histogram`
 * holds (how many trials stand at each count from 0 up), reading from count `from` on, below
 * which it holds no trial. Returns the lowest count it holds a trial at: counts never fall, so the
 * next week can read from there instead of from 0, which would be most of the range by the end.
 */
function percentilesByHistogram(
  histogram: Int32Array,
  from: number,
  offset: number,
  ranks: Int32Array,
  out: Int32Array,
): number {
  let v = from;
  while (histogram[v] === 0) v++;
  const lowest = v;
  let seen = 0;
  let r = 0;
  for (; v < histogram.length && r < ranks.length; v++) {
    seen += histogram[v] as number;
    while (r < ranks.length && (ranks[r] as number) < seen) out[r++] = v + offset;
  }
  return lowest;
}

/** The same by sorting a copy, for counts spread over a range much longer than the trials. */
function percentilesBySort(counts: Int32Array, offset: number, ranks: Int32Array, out: Int32Array) {
  const sorted = Int32Array.from(counts).sort();
  for (let r = 0; r < ranks.length; r++) out[r] = (sorted[ranks[r] as number] as number) + offset;
}

// The generator's arithmetic, bound once here rather than named through the import in the loop
// below: the test and benchmark runner (vitest) reads an imported name through a getter at every
// use, which made the loop, millions of draws, several times slower.
const STEP = MULBERRY32_STEP;
const bitsOf = mulberry32Bits;
const indexOf = indexOfBits;

/**
 * One week of every trial: each trial below the target adds the apps of a history week drawn at
 * random, stopping at the target. Counts are the apps beyond the current ones, so the target is
 * `remaining`. Trial t draws the (t + 1)-th number after `state`; a trial that has reached the
 * target steps the state past its number without working it out, so the stream is the same as if
 * it drew it. Counts in `histogram`, unless it is empty, the trials that were below the target at
 * each count they move to. Puts how many trials reached the target this week in `tally[0]`, and
 * how many others stand at or above `reachable` in `tally[1]`. Returns the state after the week's
 * draws.
 */
function simulateWeek(
  state: number,
  history: Int32Array,
  counts: Int32Array,
  histogram: Int32Array,
  remaining: number,
  reachable: number,
  tally: Int32Array,
): number {
  // Made 32-bit whole numbers before the loop: the compiler cannot tell what a parameter holds and
  // would otherwise work the state out in floating point, half as long again.
  let at = state | 0;
  const target = remaining | 0;
  const reachableFrom = reachable | 0;
  const step = STEP;
  const weeks = history.length;
  const trials = counts.length;
  const keep = histogram.length > 0;
  let reachedNow = 0;
  let hopeful = 0;
  for (let t = 0; t < trials; t++) {
    at = (at + step) | 0;
    const before = counts[t] as number;
    if (before >= target) continue;
    let after = before + (history[indexOf(bitsOf(at), weeks)] as number);
    if (after >= target) {
      after = target;
      reachedNow += 1;
    } else if (after >= reachableFrom) hopeful += 1;
    counts[t] = after;
    if (keep) histogram[after]! += 1;
  }
  tally[0] = reachedNow;
  tally[1] = hopeful;
  return at;
}

/**
 * The Monte Carlo forecast of the date the target is reached, with 50, 85 and 95 % likelihood,
 * and the fan of apps on the platform week by week (see the module's comment).
 */
export function forecastTarget(input: ForecastInput): ForecastResult {
  const historyWeeks = wholeInRange('History window', input.historyWeeks, 1, MAX_HORIZON_WEEKS);
  const target = wholeInRange('Target apps', input.target, 1, 10_000_000);
  const trials = wholeInRange('Trials', input.trials ?? DEFAULT_TRIALS, 1, MAX_TRIALS);
  const seed = input.seed ?? DEFAULT_SEED;
  const horizon = Math.min(
    MAX_HORIZON_WEEKS,
    wholeInRange('Horizon', input.horizonWeeks ?? MAX_HORIZON_WEEKS, 1, 1e6),
  );
  const minWeeks = wholeInRange(
    'Shortest history',
    input.minWeeks ?? MIN_HISTORY_WEEKS,
    1,
    MAX_HORIZON_WEEKS,
  );
  const { asOf } = input;
  const { throughput, onPlatform } = weeklyThroughput(
    input.arrivals,
    asOf,
    historyWeeks,
    input.historyStart ?? null,
  );
  const current = input.current ?? onPlatform;
  wholeInRange('Apps on the platform', current, 0, 10_000_000);

  if (current >= target) return { kind: 'reached', asOf, current, target };
  const weeks = throughput.length;
  if (weeks < minWeeks) {
    return {
      kind: 'cannot',
      reason: 'short-history',
      message:
        weeks === 0
          ? `The program started less than a week before ${formatIsoDate(asOf)}: a forecast needs at least ${minWeeks} weeks of history.`
          : `Only ${weeks} week${weeks === 1 ? '' : 's'} of history: a forecast needs at least ${minWeeks}.`,
      asOf,
      current,
      target,
      historyWeeks: weeks,
    };
  }
  if (throughput.every((n) => n === 0)) {
    return {
      kind: 'cannot',
      reason: 'no-throughput',
      message: `No app reached the platform in the ${weeks} weeks of history: there is no pace to project.`,
      asOf,
      current,
      target,
      historyWeeks: weeks,
    };
  }

  const asOfDay = dayOf('As of', asOf);
  const history = Int32Array.from(throughput);
  // Counts are kept as the apps beyond the current ones: from 0 to `remaining`, the target.
  const remaining = target - current;
  const counts = new Int32Array(trials);
  const needed = FORECAST_LIKELIHOODS.map((l) => Math.ceil((l * trials) / 100));
  const reachedIn: (number | null)[] = FORECAST_LIKELIHOODS.map(() => null);
  const lastNeeded = needed[needed.length - 1] as number;
  const withFan = input.fan !== false;
  // Counts stay between the current apps and the target: a histogram over that range gives the
  // fan's percentiles in one pass while it is not much longer than the trials; a sort beyond.
  // Empty when there is no fan or the fan sorts. Counted afresh every week in the pass that moves
  // the trials (one increment a trial, where moving a trial from count to count took two), then
  // cleared over the counts the trials stand at, from the lowest to the highest.
  const histogram = new Int32Array(withFan && remaining < trials * 4 ? remaining + 1 : 0);
  let lowest = 0;
  let highest = 0;
  // Typed arrays rather than arrays: an array's element kind can differ from one call to the
  // next (whole numbers or not), and each change sent the compiled percentiles back to be redone.
  const ranks = Int32Array.from(FAN_PERCENTS, (p) => rankOf(p, trials));
  const values = new Int32Array(FAN_PERCENTS.length);
  const fan: FanPoint[] = [
    { week: 0, date: asOf, p5: current, p15: current, p50: current, p85: current, p95: current },
  ];
  const most = Math.max(...throughput);
  const tally = new Int32Array(2);
  // The draws are the stream of `new Mulberry32(seed)`: every trial draws every week, reached or
  // not (see the module's comment), trial after trial, week after week.
  let state = new Mulberry32(seed).state;
  let reached = 0;
  for (let week = 1; week <= horizon && reached < lastNeeded; week++) {
    // A trial below this count can no longer reach the target by the horizon, even drawing the
    // history's best week every week left; `hopeful` counts the unreached trials at or above it.
    const reachable = remaining - most * (horizon - week);
    state = simulateWeek(state, history, counts, histogram, remaining, reachable, tally);
    reached += tally[0] as number;
    const hopeful = tally[1] as number;
    let pending = -1;
    for (let i = 0; i < needed.length; i++) {
      if (reachedIn[i] === null && reached >= (needed[i] as number)) reachedIn[i] = week;
      if (reachedIn[i] === null && pending < 0) pending = needed[i] as number;
    }
    if (!withFan) {
      // Only the dates are asked for: once too few trials can still reach the target for the
      // likelihoods without a date, none will have one, and the weeks left change nothing.
      if (reached + hopeful < pending) break;
      continue;
    }
    if (histogram.length > 0) {
      // The trials at the target are not drawn for any more, and so not counted in the pass.
      histogram[remaining] = reached;
      lowest = percentilesByHistogram(histogram, lowest, current, ranks, values);
      // No trial gained more than the history's best week: the highest count is found going down
      // from there.
      let high = Math.min(highest + most, remaining);
      while (high > lowest && histogram[high] === 0) high--;
      histogram.fill(0, lowest, high + 1);
      highest = high;
    } else percentilesBySort(counts, current, ranks, values);
    fan.push({
      week,
      date: isoOfDay(asOfDay + week * DAYS_PER_WEEK),
      p5: values[0] as number,
      p15: values[1] as number,
      p50: values[2] as number,
      p85: values[3] as number,
      p95: values[4] as number,
    });
  }

  return {
    kind: 'forecast',
    asOf,
    current,
    target,
    trials,
    seed,
    horizonWeeks: horizon,
    throughput,
    historyFrom: addDaysIso(asOf, -weeks * DAYS_PER_WEEK + 1),
    dates: FORECAST_LIKELIHOODS.map((likelihood, i) => {
      const w = reachedIn[i] ?? null;
      return { likelihood, weeks: w, date: w === null ? null : addDaysIso(asOf, w * DAYS_PER_WEEK) };
    }),
    fan,
  };
}

/** The date of one likelihood in a forecast. */
export function forecastDate(forecast: Forecast, likelihood: ForecastLikelihood): IsoDate | null {
  return forecast.dates.find((d) => d.likelihood === likelihood)?.date ?? null;
}

/** The day the `target`-th app reached the platform (by production date), null while it has not. */
export function dateTargetReached(
  arrivals: readonly IsoDate[],
  target: number,
  until?: IsoDate,
): IsoDate | null {
  const sorted = arrivals
    .filter((d) => isoDayNumber(d) !== null && (until === undefined || d <= until))
    .sort();
  return target >= 1 && sorted.length >= target ? (sorted[target - 1] as IsoDate) : null;
}

/** The dates apps reached the platform: the production date of every app that has one. */
export function platformArrivals(apps: Iterable<{ productionOn: IsoDate | null }>): IsoDate[] {
  const out: IsoDate[] = [];
  for (const app of apps) if (app.productionOn) out.push(app.productionOn);
  return out;
}

/** How a past forecast date compared with what happened. */
export type CalibrationOutcome = 'met' | 'missed' | 'open';

/** One past cycle's close: the forecast made that day beside the day the target was reached. */
export interface CalibrationPoint {
  cycleId: string;
  cycleIndex: number;
  /** The cycle's end date (the hand-over day): the forecast is made at the end of the day before. */
  closedOn: IsoDate;
  asOf: IsoDate;
  kind: ForecastResult['kind'];
  /** Why there was no forecast that day, for a 'cannot'. */
  message: string | null;
  current: number;
  p50: IsoDate | null;
  p85: IsoDate | null;
  /** The day the target was actually reached (on or before today), null while it has not been. */
  reachedOn: IsoDate | null;
  /** Met: reached by the date; missed: reached later, or not by a date already past; open: not yet known. Null without a date. */
  p50Outcome: CalibrationOutcome | null;
  p85Outcome: CalibrationOutcome | null;
}

export interface CalibrationInput {
  arrivals: readonly IsoDate[];
  cycles: readonly { id: string; index: number; endDate: IsoDate }[];
  /** Cycles that end on or before this day are past; arrivals after it are not known yet. */
  today: IsoDate;
  historyWeeks: number;
  historyStart?: IsoDate | null;
  target: number;
  trials?: number;
  seed?: number;
}

function outcomeOf(
  date: IsoDate | null,
  reachedOn: IsoDate | null,
  today: IsoDate,
): CalibrationOutcome | null {
  if (date === null) return null;
  if (reachedOn !== null) return reachedOn <= date ? 'met' : 'missed';
  return date < today ? 'missed' : 'open';
}

/**
 * The forecast calibration: for every cycle that has ended by `today`, the forecast as it would
 * have been made at its close (as of the day before its end date, from the arrivals dated on or
 * before that day only, with the same window, target, trials and seed), beside the day the target
 * was actually reached. Recomputed rather than stored: the same records and seed always give the
 * same dates, so nothing has to be written at the close. Oldest cycle first.
 */
export function forecastCalibration(input: CalibrationInput): CalibrationPoint[] {
  const known = input.arrivals.filter((d) => d <= input.today);
  const reachedOn = dateTargetReached(known, input.target);
  return [...input.cycles]
    .filter((c) => c.endDate <= input.today)
    .sort((a, b) => a.index - b.index)
    .map((cycle) => {
      const asOf = addDaysIso(cycle.endDate, -1);
      const result = forecastTarget({
        arrivals: known,
        asOf,
        historyWeeks: input.historyWeeks,
        historyStart: input.historyStart ?? null,
        target: input.target,
        trials: input.trials,
        seed: input.seed,
        fan: false,
      });
      const p50 = result.kind === 'forecast' ? forecastDate(result, 50) : null;
      const p85 = result.kind === 'forecast' ? forecastDate(result, 85) : null;
      return {
        cycleId: cycle.id,
        cycleIndex: cycle.index,
        closedOn: cycle.endDate,
        asOf,
        kind: result.kind,
        message: result.kind === 'cannot' ? result.message : null,
        current: result.current,
        p50,
        p85,
        reachedOn,
        p50Outcome: outcomeOf(p50, reachedOn, input.today),
        p85Outcome: outcomeOf(p85, reachedOn, input.today),
      };
    });
}

/**
 * The fan at other dates than its week ends, for a chart bucketed by month, quarter or cycle:
 * per date, the fan's week that ends on or before it (with the date asked for), null before
 * `asOf`. After the fan's last week the counts stay where they are once the 95 % date has
 * passed (every edge has met the target); beyond a horizon that stopped it earlier, null.
 */
export function fanAtDates(forecast: Forecast, dates: readonly IsoDate[]): (FanPoint | null)[] {
  const { fan } = forecast;
  const last = fan[fan.length - 1] as FanPoint;
  const complete = last.p5 >= forecast.target;
  return dates.map((date) => {
    if (date < forecast.asOf) return null;
    if (date > last.date && !complete) return null;
    // Week ends are 7 days apart from asOf: the week index is the whole weeks passed.
    const days = daysBetweenIso(forecast.asOf, date);
    const point = fan[Math.min(fan.length - 1, Math.floor(days / DAYS_PER_WEEK))] as FanPoint;
    return { ...point, date };
  });
}

function daysBetweenIso(from: IsoDate, to: IsoDate): number {
  return dayOf('Date', to) - dayOf('Date', from);
}
