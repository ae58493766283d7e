/**
 * Value stream figures: what a map of an app's path to production says (lead time, process time,
 * activity ratio, rolled % complete & accurate, the step that waits longest), how two versions of
 * a map compare, and the latest improvement per app that leadership reads.
 *
 * Times are in minutes, as the steps store them. A step's wait is the time the work waits before
 * the step starts; its process time is the hands-on time of the step.
 */
import type { ValueStreamMap, ValueStreamStep } from './value-stream';

type Step = Pick<ValueStreamStep, 'name' | 'processMinutes' | 'waitMinutes' | 'pctCompleteAccurate'>;

/** The figures derived from one map's steps. */
export interface ValueStreamStats {
  /** Process + wait over all steps: how long one piece of work takes from start to production. */
  leadMinutes: number;
  /** Hands-on time over all steps. */
  processMinutes: number;
  /** Waiting time over all steps. */
  waitMinutes: number;
  /**
   * Process ÷ lead, 0–1: the share of the lead time in which someone works on it. Undefined when
   * the lead time is zero (nothing to divide by), which the screens show as "not defined".
   */
  activityRatio: number | undefined;
  /**
   * The product of the steps' % complete & accurate, 0–100: the share of work that passes every
   * step without rework. 100 for a map without steps (an empty product).
   */
  rolledPctCompleteAccurate: number;
  /** The step that waits longest (the first of equals); undefined when no step waits at all. */
  longestWait: { index: number; name: string; waitMinutes: number } | undefined;
}

/** The derived figures of one map (see ValueStreamStats for each figure's meaning). */
export function valueStreamStats(steps: readonly Step[]): ValueStreamStats {
  let processMinutes = 0;
  let waitMinutes = 0;
  let rolled = 1;
  let longestWait: ValueStreamStats['longestWait'];
  steps.forEach((step, index) => {
    processMinutes += step.processMinutes;
    waitMinutes += step.waitMinutes;
    rolled *= step.pctCompleteAccurate / 100;
    if (step.waitMinutes > 0 && (!longestWait || step.waitMinutes > longestWait.waitMinutes)) {
      longestWait = { index, name: step.name, waitMinutes: step.waitMinutes };
    }
  });
  const leadMinutes = processMinutes + waitMinutes;
  return {
    leadMinutes,
    processMinutes,
    waitMinutes,
    // Clamped: floating-point sums may put process a hair above lead.
    activityRatio: leadMinutes > 0 ? Math.min(1, processMinutes / leadMinutes) : undefined,
    rolledPctCompleteAccurate: rolled * 100,
    longestWait,
  };
}

/**
 * The change from one value to another in percent of the first: −50 when it halved, +100 when it
 * doubled. Undefined when either is undefined or the first is zero (no base to compare with).
 */
export function changePercent(before: number | undefined, after: number | undefined): number | undefined {
  if (before === undefined || after === undefined || before === 0) return undefined;
  return ((after - before) / before) * 100;
}

/** One figure in both versions and its change in percent. */
export interface FigureChange {
  before: number | undefined;
  after: number | undefined;
  changePct: number | undefined;
}

function figureChange(before: number | undefined, after: number | undefined): FigureChange {
  return { before, after, changePct: changePercent(before, after) };
}

/** A step in either or both versions, matched by name (trimmed, case and accents ignored). */
export interface StepChange {
  name: string;
  before: Step | undefined;
  after: Step | undefined;
  /** The step's process + wait in each version and the change in percent. */
  lead: FigureChange;
  process: FigureChange;
  wait: FigureChange;
  pctCompleteAccurate: FigureChange;
}

export interface ValueStreamComparison {
  lead: FigureChange;
  process: FigureChange;
  wait: FigureChange;
  activityRatio: FigureChange;
  rolledPctCompleteAccurate: FigureChange;
  /** The later version's steps in its order, then the steps the later version dropped. */
  steps: StepChange[];
}

function stepKey(name: string): string {
  return name.trim().normalize('NFD').replace(/\p{M}/gu, '').toLocaleLowerCase('en');
}

function stepChange(name: string, before: Step | undefined, after: Step | undefined): StepChange {
  const lead = (s: Step | undefined) => (s ? s.processMinutes + s.waitMinutes : undefined);
  return {
    name,
    before,
    after,
    lead: figureChange(lead(before), lead(after)),
    process: figureChange(before?.processMinutes, after?.processMinutes),
    wait: figureChange(before?.waitMinutes, after?.waitMinutes),
    pctCompleteAccurate: figureChange(before?.pctCompleteAccurate, after?.pctCompleteAccurate),
  };
}

/**
 * Two versions of a map compared: each figure and each step with its change in percent. Steps
 * are matched by name; when a name occurs several times, the n-th occurrence in one version
 * matches the n-th in the other.
 */
export function compareValueStreams(before: readonly Step[], after: readonly Step[]): ValueStreamComparison {
  const a = valueStreamStats(before);
  const b = valueStreamStats(after);
  const unmatched = new Map<string, Step[]>();
  for (const step of before) {
    const key = stepKey(step.name);
    unmatched.set(key, [...(unmatched.get(key) ?? []), step]);
  }
  const steps = after.map((step) => stepChange(step.name, unmatched.get(stepKey(step.name))?.shift(), step));
  for (const step of before) {
    const left = unmatched.get(stepKey(step.name));
    if (left?.[0] === step) steps.push(stepChange(step.name, left.shift(), undefined));
  }
  return {
    lead: figureChange(a.leadMinutes, b.leadMinutes),
    process: figureChange(a.processMinutes, b.processMinutes),
    wait: figureChange(a.waitMinutes, b.waitMinutes),
    activityRatio: figureChange(a.activityRatio, b.activityRatio),
    rolledPctCompleteAccurate: figureChange(a.rolledPctCompleteAccurate, b.rolledPctCompleteAccurate),
    steps,
  };
}

type VersionedMap = Pick<ValueStreamMap, 'id' | 'appId' | 'label' | 'date' | 'createdAt' | 'steps'>;

/** An app's maps oldest first: by date, then by when they were recorded, then by id. */
export function mapVersions<M extends VersionedMap>(maps: readonly M[]): M[] {
  return [...maps].sort(
    (x, y) =>
      x.date.localeCompare(y.date) || x.createdAt.localeCompare(y.createdAt) || x.id.localeCompare(y.id),
  );
}

/** An app's latest map against the version before it. */
export interface Improvement<M extends VersionedMap = VersionedMap> {
  appId: string;
  previous: M;
  latest: M;
  /** How many versions the app has (at least two). */
  versions: number;
  lead: FigureChange;
  activityRatio: FigureChange;
  rolledPctCompleteAccurate: FigureChange;
}

/**
 * The latest improvement per app: each app with at least two maps, its latest version against the
 * one before it. Listed with the largest cut in lead time first (a rise sorts last; an undefined
 * change after every defined one), then by app id so the order is stable.
 */
export function latestImprovements<M extends VersionedMap>(maps: readonly M[]): Improvement<M>[] {
  const byApp = new Map<string, M[]>();
  for (const map of maps) {
    const list = byApp.get(map.appId);
    if (list) list.push(map);
    else byApp.set(map.appId, [map]);
  }
  const rows: Improvement<M>[] = [];
  for (const [appId, list] of byApp) {
    const versions = mapVersions(list);
    const [previous, latest] = versions.slice(-2);
    if (!previous || !latest) continue;
    const a = valueStreamStats(previous.steps);
    const b = valueStreamStats(latest.steps);
    rows.push({
      appId,
      previous,
      latest,
      versions: versions.length,
      lead: figureChange(a.leadMinutes, b.leadMinutes),
      activityRatio: figureChange(a.activityRatio, b.activityRatio),
      rolledPctCompleteAccurate: figureChange(a.rolledPctCompleteAccurate, b.rolledPctCompleteAccurate),
    });
  }
  const order = (r: Improvement<M>) => r.lead.changePct ?? Infinity;
  return rows.sort((x, y) => order(x) - order(y) || x.appId.localeCompare(y.appId));
}
