/**
 * What the user is doing in the People area right now: the people list's filters and the teams
 * view's search. UI state only: the people and teams live in Dexie and are read with
 * useLiveQuery (data/queries.ts).
 */
import { create } from 'zustand';
import { EMPTY_PEOPLE_FILTERS, type PeopleFilters } from '../../../shared/domain/people-list';

interface PeopleUiState {
  filters: PeopleFilters;
  /** Words a team's name must contain to show on the Teams view. */
  teamSearch: string;
  setFilters(patch: Partial<PeopleFilters>): void;
  clearFilters(): void;
  setTeamSearch(text: string): void;
}

export const usePeopleUi = create<PeopleUiState>((set) => ({
  filters: EMPTY_PEOPLE_FILTERS,
  teamSearch: '',
  setFilters(patch) {
    set((s) => ({ filters: { ...s.filters, ...patch } }));
  },
  clearFilters() {
    set({ filters: EMPTY_PEOPLE_FILTERS });
  },
  setTeamSearch(text) {
    set({ teamSearch: text });
  },
}));
