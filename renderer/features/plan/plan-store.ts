/**
 * What the user is doing on the Plan screen right now: which cycle is selected, and which
 * cycle's heading takes the keyboard focus once its detail shows (after an action that replaced
 * the detail the focus was in). The cycles themselves are read from Dexie with useLiveQuery,
 * never copied here.
 */
import { create } from 'zustand';
import type { Cycle } from '../../../shared/domain';

interface PlanUiState {
  /** The cycle the user picked; null means "the default one" (see defaultCycle). */
  selectedCycleId: string | null;
  selectCycle(id: string | null): void;
  /** The cycle whose detail heading takes the focus when it next shows; null for none. */
  focusHeadingOf: string | null;
  /** Asks the detail of cycle `id` to take the focus on its heading (consumed once done). */
  focusHeading(id: string | null): void;
}

export const usePlanUi = create<PlanUiState>((set) => ({
  selectedCycleId: null,
  selectCycle(id) {
    set({ selectedCycleId: id });
  },
  focusHeadingOf: null,
  focusHeading(id) {
    set({ focusHeadingOf: id });
  },
}));

/** The cycle shown when the user has not picked one: the active one, else the first planned, else the last. */
export function defaultCycle<C extends Pick<Cycle, 'status' | 'index'>>(cycles: readonly C[]): C | undefined {
  const ordered = [...cycles].sort((a, b) => a.index - b.index);
  return (
    ordered.find((c) => c.status === 'active') ??
    ordered.find((c) => c.status === 'planned') ??
    ordered.at(-1)
  );
}

/** The selected cycle if it still exists (it may have been deleted), else the default one. */
export function selectedCycle<C extends Pick<Cycle, 'id' | 'status' | 'index'>>(
  cycles: readonly C[],
  selectedId: string | null,
): C | undefined {
  return cycles.find((c) => c.id === selectedId) ?? defaultCycle(cycles);
}
