/**
 * What the cycles actually did, beside what they planned: per cycle, how many apps were selected
 * into it and how many of those reached the platform, which of its apps are unfinished (selected
 * or onboarding: the ones a cycle's close may carry over into the next), and the program's
 * adoption rate. The Plan screen shows these against each cycle's goal and the program's target.
 */
import type { App, AppStage } from './apps';
import { countsTowardCycle } from './pipeline';

/** One cycle's actual apps. */
export interface CycleActual {
  /** Apps that took one of the cycle's selection slots (selected, onboarding, on platform, paused). */
  selected: number;
  /** Of those, the apps on the platform. */
  onPlatform: number;
  /** Of those, the apps still selected or onboarding: not on the platform yet, not paused. */
  unfinished: number;
}

export const NO_APPS: CycleActual = Object.freeze({ selected: 0, onPlatform: 0, unfinished: 0 });

/** The stages the counts look at: every other stage (candidate, dropped) counts toward no cycle. */
export const COUNTED_STAGES: readonly AppStage[] = ['selected', 'onboarding', 'on-platform', 'paused'];

/** The stages of an app that was selected but has not reached the platform and is not paused. */
export const UNFINISHED_STAGES: readonly AppStage[] = ['selected', 'onboarding'];

/** Whether an app is still on its way to the platform (selected or onboarding). */
export function isUnfinished(app: Pick<App, 'stage'>): boolean {
  return UNFINISHED_STAGES.includes(app.stage);
}

/**
 * Counts, per cycle id, the apps selected into the cycle, those of them on the platform and those
 * still unfinished. Only cycles with at least one counted app appear; apps without a cycle are
 * left out (they are part of the program's total on the platform, not of a cycle's).
 */
export function countAppsByCycle(apps: Iterable<Pick<App, 'cycleId' | 'stage'>>): Map<string, CycleActual> {
  const out = new Map<string, CycleActual>();
  for (const app of apps) {
    if (app.cycleId === null || !countsTowardCycle(app)) continue;
    const actual = out.get(app.cycleId) ?? { selected: 0, onPlatform: 0, unfinished: 0 };
    actual.selected += 1;
    if (app.stage === 'on-platform') actual.onPlatform += 1;
    if (isUnfinished(app)) actual.unfinished += 1;
    out.set(app.cycleId, actual);
  }
  return out;
}

/** The apps of one cycle that are unfinished (selected or onboarding), in the order given. */
export function unfinishedAppsOf<A extends Pick<App, 'cycleId' | 'stage'>>(
  apps: readonly A[],
  cycleId: string,
): A[] {
  return apps.filter((a) => a.cycleId === cycleId && isUnfinished(a));
}

/**
 * Adoption rate: apps on the platform ÷ the eligible app population, as a fraction (0.11 is
 * 11%). 0 when there is no eligible population. Not capped: more apps on the platform than the
 * population holds means the population needs updating, and the rate should show it.
 */
export function adoptionRate(onPlatform: number, eligibleApps: number): number {
  if (!(eligibleApps > 0) || !(onPlatform > 0)) return 0;
  return onPlatform / eligibleApps;
}

/** A cycle's actual against its goal (apps to onboard). */
export interface CycleOutcome extends CycleActual {
  goal: number;
  /** Apps still needed on the platform to meet the goal; 0 once it is met. */
  short: number;
  met: boolean;
}

export function cycleOutcome(goalApps: number, actual: CycleActual | undefined): CycleOutcome {
  const { selected, onPlatform, unfinished } = actual ?? NO_APPS;
  const goal = Math.max(0, goalApps);
  return {
    goal,
    selected,
    onPlatform,
    unfinished,
    short: Math.max(goal - onPlatform, 0),
    met: onPlatform >= goal,
  };
}
