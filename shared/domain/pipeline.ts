/**
 * The onboarding pipeline: the order of the stages, the dates a move between stages stamps, the
 * playbook's rule on how many apps a cycle selects, and time to hello world (selected → first
 * deploy on the platform).
 */
import type { App, AppInput, AppStage } from './apps';
import { APP_STAGES } from './apps';
import type { IsoDate } from './dates';
import { APPS_PER_CYCLE, type Phase } from './playbook';

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
 */
export function stageTransitionPatch(app: StageDates, to: AppStage, today: IsoDate): Partial<AppInput> {
  const patch: Partial<AppInput> = { stage: to };
  if (to !== 'selected' && to !== 'onboarding' && to !== 'on-platform') return patch;

  const selectedOn = app.selectedOn ?? today;
  if (app.selectedOn === null) patch.selectedOn = selectedOn;
  if (to !== 'on-platform') return patch;

  const firstDeployOn = app.firstDeployOn ?? later(today, selectedOn);
  if (app.firstDeployOn === null) patch.firstDeployOn = firstDeployOn;
  if (app.productionOn === null) patch.productionOn = later(today, firstDeployOn);
  return patch;
}

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

const ISO_DAY = /^(\d{4})-(\d{2})-(\d{2})$/;

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
  if (typeof value !== 'string') return null;
  const m = ISO_DAY.exec(value);
  if (!m) return null;
  const year = Number(m[1]);
  const month = Number(m[2]);
  const day = Number(m[3]);
  const time = Date.UTC(year, month - 1, day);
  const date = new Date(time);
  // Date.UTC rolls 2026-02-30 over to 2 March: a real day reads back unchanged.
  if (date.getUTCFullYear() !== year || date.getUTCMonth() !== month - 1 || date.getUTCDate() !== day)
    return null;
  return Math.round(time / 86_400_000);
}

function median(values: number[]): number | null {
  if (values.length === 0) return null;
  const sorted = [...values].sort((a, b) => a - b);
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
