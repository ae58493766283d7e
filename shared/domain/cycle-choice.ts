/**
 * Which cycle a selection of apps goes into. A closed cycle's record is history (what it
 * selected, what reached the platform): a new selection never lands there by default, and is
 * offered only once the owner reopens that cycle on purpose.
 */
import type { IsoDate } from './dates';
import type { Cycle } from './program';

/** Whether apps may be selected into the cycle: every cycle but a closed one. */
export function acceptsSelection(cycle: Pick<Cycle, 'status'>): boolean {
  return cycle.status !== 'closed';
}

/**
 * The cycle a selection defaults to: the active cycle; else the planned cycle whose dates hold
 * `today`; else the next planned one to start (the earliest starting on or after `today`); else
 * the earliest planned one. Never a closed cycle, whatever its dates: undefined when every cycle
 * is closed (or there is none).
 */
export function defaultSelectionCycle<C extends Pick<Cycle, 'index' | 'status' | 'startDate' | 'endDate'>>(
  cycles: readonly C[],
  today: IsoDate,
): C | undefined {
  const ordered = [...cycles].sort((a, b) => a.index - b.index);
  const active = ordered.find((c) => c.status === 'active');
  if (active) return active;
  const planned = ordered.filter((c) => c.status === 'planned');
  return (
    planned.find((c) => c.startDate <= today && today < c.endDate) ??
    planned
      .filter((c) => c.startDate >= today)
      .sort((a, b) =>
        a.startDate < b.startDate ? -1 : a.startDate > b.startDate ? 1 : a.index - b.index,
      )[0] ??
    planned[0]
  );
}
