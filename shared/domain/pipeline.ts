/**
 * The onboarding pipeline: the order of the stages, the dates a move between stages stamps, the
 * steps a move skips (whose dates the owner is asked for), dates that contradict the app's cycle,
 * the playbook's rule on how many apps a cycle selects, and time to hello world (selected → first
 * deploy on the platform).
 */
import { z } from 'zod';
import type { App, AppInput, AppStage } from './apps';
import { APP_STAGES, checkAppDateOrder } from './apps';
import { formatIsoDate, isoDateSchema, type IsoDate } from './dates';
import { APPS_PER_CYCLE, type Phase } from './playbook';
import { cycleLabel, type Cycle } from './program';

/** Every stage in board order: the main flow left to right, then the two side stages. */
export const STAGE_ORDER: readonly AppStage[] = APP_STAGES;

/** The main flow an app follows, candidate → on platform. */
export const PIPELINE_FLOW: readonly AppStage[] = ['candidate', 'selected', 'onboarding', 'on-platform'];

/** Stages from which an app counts as selected into its cycle. */
const SELECTED_STAGES: ReadonlySet<AppStage> = new Set(['selected', 'onboarding', 'on-platform', 'paused']);

type StageDates = Pick<App, 'stage' | 'selectedOn' | 'firstDeployOn' | 'productionOn' | 'cycleId'>;

function later(a: IsoDate, b: IsoDate | null): IsoDate {
  return b !== null && b > a ? b : a;
}

/** The three dated steps of the pipeline, in the order they happen. */
export const PIPELINE_DATE_FIELDS = ['selectedOn', 'firstDeployOn', 'productionOn'] as const;
export type PipelineDateField = (typeof PIPELINE_DATE_FIELDS)[number];

/** How people name each dated step (the board's cards and the skip dialog use these words). */
export const PIPELINE_DATE_LABELS: Record<PipelineDateField, string> = {
  selectedOn: 'Selected',
  firstDeployOn: 'Hello world',
  productionOn: 'In production',
};

/** Dates given for the steps a move passes, instead of today. */
export type PipelineDates = Partial<Record<PipelineDateField, IsoDate>>;

/**
 * The fields to write when an app moves to stage `to` on `today`.
 *
 * The move stamps the date of each step it passes that has no date yet; a date already set is
 * never overwritten, and every date stays editable afterwards.
 * - → selected: `selectedOn`.
 * - → onboarding: `selectedOn` (if the app skipped "selected").
 * - → on platform: `selectedOn`, `firstDeployOn` (hello world) and `productionOn`. "On platform"
 *   means running in production on the platform, so all three steps are behind it; when the team
 *   recorded hello world during onboarding, that earlier date is kept.
 * - → candidate, paused, dropped: nothing is stamped and nothing is cleared. Moving back keeps the
 *   history (a paused app resumes with its dates), and an accidental move loses nothing.
 *
 * A stamped date is never earlier than a date already set for a previous step (the schema
 * requires selected ≤ first deploy ≤ production), so applying the patch always gives a valid
 * app even when an earlier date was typed in the future.
 *
 * `dates` are the days the owner gave for steps the move passes (the skip dialog): each one is
 * used as given instead of today, for a step that has no date yet; their order is the schema's to
 * check, so a wrong order is refused with a message rather than quietly corrected.
 */
export function stageTransitionPatch(
  app: StageDates,
  to: AppStage,
  today: IsoDate,
  dates: PipelineDates = {},
): Partial<AppInput> {
  const patch: Partial<AppInput> = { stage: to };
  if (to !== 'selected' && to !== 'onboarding' && to !== 'on-platform') return patch;

  const selectedOn = app.selectedOn ?? dates.selectedOn ?? today;
  if (app.selectedOn === null) patch.selectedOn = selectedOn;
  if (to !== 'on-platform') return patch;

  const firstDeployOn = app.firstDeployOn ?? dates.firstDeployOn ?? later(today, selectedOn);
  if (app.firstDeployOn === null) patch.firstDeployOn = firstDeployOn;
  if (app.productionOn === null) patch.productionOn = dates.productionOn ?? later(today, firstDeployOn);
  return patch;
}

/**
 * How far along the main flow an app has got (its index in PIPELINE_FLOW). A paused or dropped
 * app left the flow: its dates say how far it had come.
 */
function flowPosition(app: StageDates): number {
  const index = PIPELINE_FLOW.indexOf(app.stage);
  if (index >= 0) return index;
  // Hello world happens during onboarding.
  const reached: AppStage = app.productionOn
    ? 'on-platform'
    : app.firstDeployOn
      ? 'onboarding'
      : app.selectedOn
        ? 'selected'
        : 'candidate';
  return PIPELINE_FLOW.indexOf(reached);
}

export interface SkippedSteps {
  /** The stages of the main flow the move jumps over, in order, e.g. ['onboarding']. */
  stages: AppStage[];
  /** The dates the move would stamp, in step order: the ones to ask the owner for. */
  dates: PipelineDateField[];
}

/**
 * Which steps a move from the app's stage to `to` skips, and the dates it would otherwise stamp
 * with today; null when it skips none (a move one stage along, back, or aside to paused or
 * dropped), or when every date it passes is already set, so there is nothing to ask.
 *
 * Moving a card from Selected straight to On platform skips onboarding: stamping hello world and
 * production with today would record "hello world in 0 days", so the board asks for those dates.
 */
export function skippedSteps(app: StageDates, to: AppStage): SkippedSteps | null {
  const target = PIPELINE_FLOW.indexOf(to);
  if (target <= 0) return null;
  const stages = PIPELINE_FLOW.slice(flowPosition(app) + 1, target);
  if (stages.length === 0) return null;
  const patch = stageTransitionPatch(app, to, '1970-01-01');
  const dates = PIPELINE_DATE_FIELDS.filter((field) => patch[field] !== undefined);
  return dates.length === 0 ? null : { stages: [...stages], dates };
}

/**
 * The dates of a move's steps as the owner typed them: each a real `yyyy-MM-dd` day, in the
 * pipeline's order (the app schema's rule, checkAppDateOrder). Dates already set on the app go in
 * too, so a hello world before a recorded selection is refused.
 */
export const pipelineDatesSchema = z
  .object({
    selectedOn: isoDateSchema('Selected date').optional(),
    firstDeployOn: isoDateSchema('First deploy date').optional(),
    productionOn: isoDateSchema('In production date').optional(),
  })
  .superRefine(checkAppDateOrder);

/**
 * Whether an app takes one of its cycle's selection slots: it has that cycle and has been
 * selected (a candidate is not yet, a dropped app no longer is; a paused one keeps its slot).
 * Without `cycleId`, whether it counts toward any cycle.
 */
export function countsTowardCycle(app: Pick<App, 'cycleId' | 'stage'>, cycleId?: string): boolean {
  if (app.cycleId === null) return false;
  if (cycleId !== undefined && app.cycleId !== cycleId) return false;
  return SELECTED_STAGES.has(app.stage);
}

export interface CycleSelectionCheck {
  min: number;
  max: number;
  count: number;
  state: 'under' | 'within' | 'over';
  /** A plain sentence for the cycle, e.g. "A scaling cycle wants two to five apps; this cycle has 6." */
  message: string;
}

const NUMBER_WORDS = ['no', 'one', 'two', 'three', 'four', 'five', 'six', 'seven', 'eight', 'nine', 'ten'];

function inWords(n: number): string {
  return NUMBER_WORDS[n] ?? String(n);
}

/**
 * The playbook's rule on how many apps a cycle selects — exactly one in the initial phase, two
 * to five in a scaling cycle — against the number the cycle has. Outside the range is allowed
 * (the owner decides) but flagged.
 */
export function cycleSelectionCheck(phase: Phase, selectedCount: number): CycleSelectionCheck {
  const { min, max } = APPS_PER_CYCLE[phase];
  const count = Math.max(0, Math.trunc(selectedCount));
  const state = count < min ? 'under' : count > max ? 'over' : 'within';
  const wants =
    phase === 'initial'
      ? min === max
        ? `The initial phase wants exactly ${inWords(min)} app${min === 1 ? '' : 's'}`
        : `The initial phase wants ${inWords(min)} to ${inWords(max)} apps`
      : `A scaling cycle wants ${inWords(min)} to ${inWords(max)} apps`;
  const has = count === 0 ? 'none is selected yet' : `this cycle has ${count}`;
  return { min, max, count, state, message: `${wants}; ${has}.` };
}

/**
 * Days from selection to the first deploy on the platform ("hello world"). Null until both
 * dates are set, or when they are not real dates or out of order (the first deploy before the
 * selection means the dates are wrong, not that it took negative days).
 */
export function timeToHelloWorldDays(app: Pick<App, 'selectedOn' | 'firstDeployOn'>): number | null {
  const from = isoDayNumber(app.selectedOn);
  const to = isoDayNumber(app.firstDeployOn);
  if (from === null || to === null) return null;
  const days = to - from;
  return days >= 0 ? days : null;
}

/**
 * Days since 1970-01-01 of a `yyyy-MM-dd` date, null when it is not a real calendar day (years
 * 100–9999).
 *
 * Differences agree with dates.ts `daysBetween` (calendar days, so no daylight-saving hour can
 * shift them), computed in UTC without date-fns parsing: the apps table computes time to hello
 * world for every one of 20,000 apps and an import checks every date of every row, and parsing
 * with a format string (about 6 µs a date) made those the slowest steps.
 */
export function isoDayNumber(value: IsoDate | null | undefined): number | null {
  // Read digit by digit (no regular expression, no Date): the overview and the blockers' trends
  // call this for every record's every date, hundreds of thousands of times at enterprise scale.
  if (typeof value !== 'string' || value.length !== 10) return null;
  if (value.charCodeAt(4) !== 45 || value.charCodeAt(7) !== 45) return null; // '-'
  const year = digits(value, 0, 4);
  const month = digits(value, 5, 2);
  const day = digits(value, 8, 2);
  // Years before 100 are refused, as Date.UTC (which reads 0-99 as 1900-1999) always did here.
  if (year < 100 || month < 1 || month > 12 || day < 1) return null;
  // A real day only: 2026-02-30 is not one.
  if (day > daysInMonth(year, month)) return null;
  return daysFromCivil(year, month, day);
}

/** The number the `count` digits of `text` from `start` spell; -1 when one is not a digit. */
function digits(text: string, start: number, count: number): number {
  let n = 0;
  for (let i = start; i < start + count; i++) {
    const d = text.charCodeAt(i) - 48;
    if (d < 0 || d > 9) return -1;
    n = n * 10 + d;
  }
  return n;
}

function daysInMonth(year: number, month: number): number {
  if (month === 2) return (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0 ? 29 : 28;
  return month === 4 || month === 6 || month === 9 || month === 11 ? 30 : 31;
}

/** Days since 1970-01-01 of a proleptic Gregorian date (H. Hinnant's days_from_civil). */
function daysFromCivil(year: number, month: number, day: number): number {
  const y = month <= 2 ? year - 1 : year;
  const era = Math.floor(y / 400);
  const yoe = y - era * 400;
  const doy = Math.floor((153 * (month + (month > 2 ? -3 : 9)) + 2) / 5) + day - 1;
  const doe = yoe * 365 + Math.floor(yoe / 4) - Math.floor(yoe / 100) + doy;
  return era * 146097 + doe - 719468;
}

/** The middle value (the mean of the middle two for an even count); null for none. */
export function median(values: readonly number[]): number | null {
  if (values.length === 0) return null;
  // A typed array sorts numbers natively, several times faster than a comparator over an array.
  const sorted = Float64Array.from(values).sort();
  const mid = Math.floor(sorted.length / 2);
  const upper = sorted[mid] as number;
  return sorted.length % 2 === 1 ? upper : ((sorted[mid - 1] as number) + upper) / 2;
}

/**
 * The median time to hello world in days over the apps that have one; null when none has.
 * With an even number of apps it is the mean of the middle two (so it may end in .5).
 */
export function medianTimeToHelloWorld(
  apps: readonly Pick<App, 'selectedOn' | 'firstDeployOn'>[],
): number | null {
  const days: number[] = [];
  for (const app of apps) {
    const d = timeToHelloWorldDays(app);
    if (d !== null) days.push(d);
  }
  return median(days);
}

/**
 * The median time to hello world per cycle, keyed by cycle id. Every cycle that has at least
 * one app appears (null when none of its apps has reached hello world yet); apps without a
 * cycle are left out.
 */
export function medianTimeToHelloWorldByCycle(
  apps: readonly Pick<App, 'cycleId' | 'selectedOn' | 'firstDeployOn'>[],
): Map<string, number | null> {
  const byCycle = new Map<string, number[]>();
  for (const app of apps) {
    if (app.cycleId === null) continue;
    let days = byCycle.get(app.cycleId);
    if (!days) byCycle.set(app.cycleId, (days = []));
    const d = timeToHelloWorldDays(app);
    if (d !== null) days.push(d);
  }
  const out = new Map<string, number | null>();
  for (const [cycleId, days] of byCycle) out.set(cycleId, median(days));
  return out;
}

export interface CycleDateWarning {
  field: PipelineDateField;
  date: IsoDate;
  /** Which edge of the cycle the date falls outside. */
  side: 'before-start' | 'after-end';
  /** E.g. "In production 2 Dec 2026 — before Scaling cycle 1 starts (2 Mar 2027)". */
  message: string;
}

/**
 * The app's dates that contradict its cycle (the cycle it was selected into and onboarded in):
 * - hello world or production before the cycle starts: the app reached the platform before the
 *   cycle that onboards it began;
 * - any step after the cycle ends (its end date is the hand-over day, which still counts): the
 *   app was selected into a cycle already over, or its onboarding ran past it.
 *
 * A selection before the start is not flagged: apps are picked ahead of their cycle (Select into
 * cycle offers the next planned one). Dates that are not real days are left to the schema.
 */
export function cycleDateWarnings(
  app: Pick<App, 'selectedOn' | 'firstDeployOn' | 'productionOn'>,
  cycle: Pick<Cycle, 'index' | 'name' | 'startDate' | 'endDate'> | null | undefined,
): CycleDateWarning[] {
  if (!cycle) return [];
  const warnings: CycleDateWarning[] = [];
  const name = cycleLabel(cycle);
  for (const field of PIPELINE_DATE_FIELDS) {
    const date = app[field];
    if (!date || isoDayNumber(date) === null) continue;
    const what = `${PIPELINE_DATE_LABELS[field]} ${formatIsoDate(date)}`;
    if (field !== 'selectedOn' && date < cycle.startDate) {
      warnings.push({
        field,
        date,
        side: 'before-start',
        message: `${what} — before ${name} starts (${formatIsoDate(cycle.startDate)})`,
      });
    } else if (date > cycle.endDate) {
      warnings.push({
        field,
        date,
        side: 'after-end',
        message: `${what} — after ${name} ends (${formatIsoDate(cycle.endDate)})`,
      });
    }
  }
  return warnings;
}
