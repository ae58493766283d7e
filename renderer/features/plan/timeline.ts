/**
 * The geometry of the cycle timeline: where each cycle's bar sits along a date axis (in percent
 * of the width, so the chart fits any window without measuring it), the year and quarter
 * bands, and the "Today" marker; and its words: what each bar says of the cycle's actual apps
 * against its goal, and the one-line reading of where today stands. Pure, so it is tested
 * without a browser.
 */
import { addQuarters, getQuarter, startOfQuarter } from 'date-fns';
import {
  cycleContaining,
  cycleLabel,
  cycleOutcome,
  daysBetween,
  formatIsoDate,
  parseIsoDate,
  toIsoDate,
  type Cycle,
  type CycleActual,
  type IsoDate,
} from '../../../shared/domain';

export interface TimelineBar<C> {
  cycle: C;
  /** Percent of the width from the left edge. */
  left: number;
  width: number;
  /** Row of the bar: cycles that overlap (after an edit) are stacked instead of hidden. */
  lane: number;
}

export interface TimelineBand {
  key: string;
  label: string;
  left: number;
  width: number;
}

export interface TimelineLayout<C> {
  from: IsoDate;
  to: IsoDate;
  bars: TimelineBar<C>[];
  lanes: number;
  years: TimelineBand[];
  quarters: TimelineBand[];
  /** Too many quarters to name each one legibly: only their ticks are drawn. */
  quarterLabels: boolean;
  /** Where today is, or which side of the axis it lies beyond (far from the plan). */
  today: { day: IsoDate; left: number } | { day: IsoDate; beyond: 'before' | 'after' };
}

/** Today stretches the axis only when it is this close to the plan; further away it is an edge note. */
const TODAY_REACH_DAYS = 400;
const MAX_LABELLED_QUARTERS = 32;

function quarterStart(day: IsoDate): IsoDate {
  return toIsoDate(startOfQuarter(parseIsoDate(day)!));
}

function nextQuarterStart(day: IsoDate): IsoDate {
  return toIsoDate(addQuarters(startOfQuarter(parseIsoDate(day)!), 1));
}

type Placeable = Pick<Cycle, 'index' | 'startDate' | 'endDate'>;

export function layoutTimeline<C extends Placeable>(cycles: readonly C[], today: IsoDate): TimelineLayout<C> {
  const ordered = [...cycles].sort((a, b) => a.index - b.index);
  let first = ordered.length
    ? ordered.reduce((m, c) => (c.startDate < m ? c.startDate : m), ordered[0]!.startDate)
    : today;
  let last = ordered.length
    ? ordered.reduce((m, c) => (c.endDate > m ? c.endDate : m), ordered[0]!.endDate)
    : today;
  if (today < first && daysBetween(today, first) <= TODAY_REACH_DAYS) first = today;
  if (today > last && daysBetween(last, today) <= TODAY_REACH_DAYS) last = today;

  const from = quarterStart(first);
  // A plan that ends on a quarter's first day ends the axis there, not a quarter later.
  const to = quarterStart(last) === last && last > from ? last : nextQuarterStart(last);
  const total = daysBetween(from, to);
  const at = (day: IsoDate) => (daysBetween(from, day) / total) * 100;

  const laneEnds: IsoDate[] = [];
  const bars = ordered.map((cycle) => {
    // The hand-over day is shared by two cycles: touching bars stay on one lane.
    let lane = laneEnds.findIndex((end) => end <= cycle.startDate);
    if (lane === -1) lane = laneEnds.length;
    laneEnds[lane] = cycle.endDate;
    const left = at(cycle.startDate);
    return { cycle, left, width: Math.max(at(cycle.endDate) - left, 0.4), lane };
  });

  const years: TimelineBand[] = [];
  const quarters: TimelineBand[] = [];
  for (let q = from; q < to; q = nextQuarterStart(q)) {
    const end = nextQuarterStart(q);
    const date = parseIsoDate(q)!;
    quarters.push({ key: q, label: `Q${getQuarter(date)}`, left: at(q), width: at(end) - at(q) });
    const year = q.slice(0, 4);
    const band = years.at(-1);
    if (band?.label === year) band.width = at(end) - band.left;
    else years.push({ key: year, label: year, left: at(q), width: at(end) - at(q) });
  }

  return {
    from,
    to,
    bars,
    lanes: Math.max(laneEnds.length, 1),
    years,
    quarters,
    quarterLabels: quarters.length <= MAX_LABELLED_QUARTERS,
    today:
      today < from
        ? { day: today, beyond: 'before' }
        : today >= to
          ? { day: today, beyond: 'after' }
          : { day: today, left: at(today) },
  };
}

function apps(n: number): string {
  return `${n} ${n === 1 ? 'app' : 'apps'}`;
}

/**
 * What a bar says after the cycle's name: the apps on the platform against the goal once the
 * cycle has started (or apps were selected into it), the goal alone while it is only a plan.
 * "4 on platform · goal 1", "2 selected · goal 3", "goal 3".
 */
export function barSummary(
  cycle: Pick<Cycle, 'status' | 'goalApps'>,
  actual: CycleActual | undefined,
): string {
  const o = cycleOutcome(cycle.goalApps, actual);
  if (cycle.status === 'planned')
    return o.selected > 0 ? `${o.selected} selected · goal ${o.goal}` : `goal ${o.goal}`;
  return `${o.onPlatform} on platform · goal ${o.goal}`;
}

/** The bar's short form for a narrow bar: apps on the platform / goal ("4/1"), none for a plan. */
export function barFraction(
  cycle: Pick<Cycle, 'status' | 'goalApps'>,
  actual: CycleActual | undefined,
): string {
  if (cycle.status === 'planned') return '';
  const o = cycleOutcome(cycle.goalApps, actual);
  return `${o.onPlatform}/${o.goal}`;
}

/** The actual apps of a cycle in a sentence, for its bar's description and tooltip. */
export function describeActual(
  cycle: Pick<Cycle, 'status' | 'goalApps'>,
  actual: CycleActual | undefined,
): string {
  const o = cycleOutcome(cycle.goalApps, actual);
  if (o.selected === 0) return cycle.status === 'planned' ? 'no app selected yet' : 'no app selected';
  const parts = [`${apps(o.selected)} selected`, `${o.onPlatform} on the platform`];
  if (o.unfinished > 0) parts.push(`${o.unfinished} still on the way`);
  const goal = cycle.status === 'planned' ? '' : o.met ? ', goal met' : `, ${o.short} short of the goal`;
  return `${parts.join(', ')}${goal}`;
}

type TodayPlacement = TimelineLayout<unknown>['today'];

/**
 * The one-line reading of where today stands, true to the cycles' status, not only their dates:
 * a cycle closed before its planned end still holds today in its dates, but it is no longer
 * where the work happens.
 */
export function todayNote(
  cycles: readonly Pick<Cycle, 'index' | 'name' | 'status' | 'startDate' | 'endDate'>[],
  today: IsoDate,
  placement: TodayPlacement,
): string {
  const day = `Today, ${formatIsoDate(today)},`;
  const active = cycles.find((c) => c.status === 'active');
  const activeNote = active ? `${cycleLabel(active)} is the active cycle` : 'no cycle is active';
  if (!('left' in placement)) {
    const side = placement.beyond === 'before' ? 'before the first' : 'after the last';
    return `${day} is ${side} cycle; ${activeNote}.`;
  }
  const current = cycleContaining(cycles, today);
  if (!current) return `${day} falls in no cycle; ${activeNote}.`;
  const label = cycleLabel(current);
  switch (current.status) {
    case 'active':
      return `${day} falls in ${label}, the active cycle.`;
    case 'closed':
      return `${day} falls within the planned dates of ${label}, which is closed; ${activeNote}.`;
    case 'planned':
      return `${day} falls within the planned dates of ${label}, which has not started; ${activeNote}.`;
  }
}
