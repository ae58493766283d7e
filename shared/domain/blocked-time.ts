/**
 * How long an app was blocked while it was in the onboarding pipeline, from its blockers' dated
 * status histories (issue 10: "an app's time in the pipeline counts how long it was blocked").
 *
 * The rules, the same as the Blockers views' (blocker-stats.ts):
 * - A blocker is unresolved from the day it is opened (or reopened) up to, not including, the
 *   day it is resolved: a day counts when the blocker is unresolved at its end. A blocker
 *   resolved on the day it was opened blocked nothing.
 * - An app is blocked on a day when at least one of its blockers is: two blockers open at once
 *   count that day once (their periods are merged).
 * - Only days within the app's time in the pipeline count: from its selection up to, not
 *   including, the day it reached production (or `today`, while it is still on its way).
 */
import type { App } from './apps';
import type { BlockerStatusChange } from './blockers';
import type { IsoDate } from './dates';
import { isoDayNumber } from './pipeline';

type History = readonly Pick<BlockerStatusChange, 'status' | 'on'>[];

/** Days `from` (included) to `to` (excluded), both `yyyy-MM-dd`. */
export interface DayRange {
  from: IsoDate;
  to: IsoDate;
}

function dayOf(value: IsoDate): number {
  const day = isoDayNumber(value);
  if (day === null) throw new RangeError(`Not a calendar date: ${value}`);
  return day;
}

/**
 * A blocker's unresolved periods as day numbers `[start, end)`, in order; the last one ends at
 * +Infinity while it is still unresolved. Empty periods (resolved on the day) are kept out.
 */
export function unresolvedPeriods(history: History): [number, number][] {
  const periods: [number, number][] = [];
  let since: number | null = null;
  for (const change of history) {
    const day = dayOf(change.on);
    if (change.status !== 'resolved') since ??= day;
    else if (since !== null) {
      if (day > since) periods.push([since, day]);
      since = null;
    }
  }
  if (since !== null) periods.push([since, Number.POSITIVE_INFINITY]);
  return periods;
}

/**
 * The days within `range` on which at least one of the blockers was unresolved: their periods
 * clipped to the range, merged where they overlap or touch, and added up. 0 for no blockers or
 * an empty range; never more than the range's length.
 */
export function blockedDays(blockers: readonly { statusHistory: History }[], range: DayRange): number {
  const from = dayOf(range.from);
  const to = dayOf(range.to);
  if (to <= from) return 0;
  const clipped: [number, number][] = [];
  for (const blocker of blockers) {
    for (const [start, end] of unresolvedPeriods(blocker.statusHistory)) {
      const s = Math.max(start, from);
      const e = Math.min(end, to);
      if (e > s) clipped.push([s, e]);
    }
  }
  clipped.sort((a, b) => a[0] - b[0]);
  let days = 0;
  let runStart = Number.NaN;
  let runEnd = Number.NEGATIVE_INFINITY;
  for (const [s, e] of clipped) {
    if (s > runEnd) {
      if (runEnd > runStart) days += runEnd - runStart;
      runStart = s;
      runEnd = e;
    } else if (e > runEnd) runEnd = e;
  }
  if (runEnd > runStart) days += runEnd - runStart;
  return days;
}

/**
 * An app's time in the pipeline: from its selection to the day it reached production, or to
 * `today` while it is on its way (selected, onboarding or paused). Null when it has no valid
 * selection date, is a candidate (not in the pipeline), was dropped before production (the day
 * it left is not recorded), or its dates are out of order.
 */
export function pipelineRange(
  app: Pick<App, 'stage' | 'selectedOn' | 'productionOn'>,
  today: IsoDate,
): (DayRange & { ongoing: boolean }) | null {
  if (!app.selectedOn || isoDayNumber(app.selectedOn) === null || app.stage === 'candidate') return null;
  if (app.productionOn) {
    if (isoDayNumber(app.productionOn) === null || app.productionOn < app.selectedOn) return null;
    return { from: app.selectedOn, to: app.productionOn, ongoing: false };
  }
  if (app.stage === 'dropped' || today < app.selectedOn) return null;
  return { from: app.selectedOn, to: today, ongoing: true };
}

/** An app's days in the pipeline and how many of them it was blocked; null outside the pipeline (see pipelineRange). */
export function pipelineTime(
  app: Pick<App, 'stage' | 'selectedOn' | 'productionOn'>,
  blockers: readonly { statusHistory: History }[],
  today: IsoDate,
): { days: number; blockedDays: number; ongoing: boolean } | null {
  const range = pipelineRange(app, today);
  if (!range) return null;
  return {
    days: dayOf(range.to) - dayOf(range.from),
    blockedDays: blockedDays(blockers, range),
    ongoing: range.ongoing,
  };
}
