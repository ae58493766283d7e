/**
 * What the user is doing in the Apps area right now: the table's filters and sort, the apps
 * picked for "Select into cycle…", and which board columns show every card. UI state only: the
 * apps themselves live in Dexie and are read with useLiveQuery.
 */
import { create } from 'zustand';
import { useUi } from './ui';
import type { AppStage } from '../../shared/domain';
import { DEFAULT_SORT, EMPTY_FILTERS, type AppFilters, type AppSort } from '../../shared/domain/app-table';

interface AppsUiState {
  filters: AppFilters;
  sort: AppSort;
  /** Apps ticked in the feasibility view, to select into a cycle. */
  selection: string[];
  /** Board columns that show every card instead of the first few. */
  expandedStages: AppStage[];
  /** The feasibility view lists only candidates (the apps one can still pick) unless this is off. */
  candidatesOnly: boolean;
  setFilters(patch: Partial<AppFilters>): void;
  clearFilters(): void;
  /** Sorts by a column; clicking the sorted column again flips the direction. */
  sortBy(key: AppSort['key']): void;
  toggleSelected(ids: string[], selected?: boolean): void;
  clearSelection(): void;
  toggleExpanded(stage: AppStage): void;
  setCandidatesOnly(value: boolean): void;
}

export const useAppsUi = create<AppsUiState>((set) => ({
  filters: EMPTY_FILTERS,
  sort: DEFAULT_SORT,
  selection: [],
  expandedStages: [],
  candidatesOnly: true,
  setFilters(patch) {
    set((s) => ({ filters: { ...s.filters, ...patch } }));
  },
  clearFilters() {
    set({ filters: EMPTY_FILTERS });
  },
  sortBy(key) {
    set((s) => ({
      sort:
        s.sort.key === key
          ? { key, direction: s.sort.direction === 'asc' ? 'desc' : 'asc' }
          : // Scores and durations read best highest-first; names and dates oldest/alphabetical first.
            { key, direction: key === 'business' || key === 'technical' ? 'desc' : 'asc' },
    }));
  },
  toggleSelected(ids, selected) {
    set((s) => {
      const current = new Set(s.selection);
      const on = selected ?? !ids.every((id) => current.has(id));
      for (const id of ids) {
        if (on) current.add(id);
        else current.delete(id);
      }
      return { selection: [...current] };
    });
  },
  clearSelection() {
    set({ selection: [] });
  },
  toggleExpanded(stage) {
    set((s) => ({
      expandedStages: s.expandedStages.includes(stage)
        ? s.expandedStages.filter((x) => x !== stage)
        : [...s.expandedStages, stage],
    }));
  },
  setCandidatesOnly(value) {
    set({ candidatesOnly: value });
  },
}));

/**
 * Opens the apps table showing exactly the apps `filters` select, every other filter cleared, so
 * that the table's count is the number the user followed (a drill-down from a count).
 */
export function openAppsTable(filters: Partial<AppFilters>): void {
  useAppsUi.setState({ filters: { ...EMPTY_FILTERS, ...filters } });
  useUi.getState().navigate('apps');
}
