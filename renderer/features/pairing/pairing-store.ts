/**
 * What the user is doing in the Pairing area right now: whether quick entry is open (from the
 * shortcut anywhere, or a button), the session log's filters, the scope and dimension of the
 * hours, and the cycle the board shows. UI state only: sessions and assignments are read from
 * Dexie with useLiveQuery.
 */
import { create } from 'zustand';
import { NO_SESSION_FILTER, type SessionFilter, type TotalDimension } from '../../../shared/domain';

/** What quick entry opened from somewhere specific starts with instead of the defaults' place. */
export interface QuickEntryPreset {
  appId: string | null;
  teamId: string | null;
}

interface PairingUiState {
  quickEntryOpen: boolean;
  quickEntryPreset: QuickEntryPreset | null;
  openQuickEntry(preset?: QuickEntryPreset): void;
  closeQuickEntry(): void;
  filter: SessionFilter;
  setFilter(patch: Partial<SessionFilter>): void;
  /** Replaces every filter (a number on the Hours view opening its sessions). */
  showSessions(filter: Partial<SessionFilter>): void;
  /** Hours by this dimension… */
  hoursDimension: TotalDimension;
  /** …over all time (null) or within this cycle. */
  hoursCycleId: string | null;
  setHours(patch: { dimension?: TotalDimension; cycleId?: string | null }): void;
  /** The board's cycle; null: the active one. */
  boardCycleId: string | null;
  setBoardCycle(id: string | null): void;
}

export const usePairingUi = create<PairingUiState>((set) => ({
  quickEntryOpen: false,
  quickEntryPreset: null,
  openQuickEntry: (preset) => set({ quickEntryOpen: true, quickEntryPreset: preset ?? null }),
  closeQuickEntry: () => set({ quickEntryOpen: false, quickEntryPreset: null }),
  filter: NO_SESSION_FILTER,
  setFilter: (patch) => set((s) => ({ filter: { ...s.filter, ...patch } })),
  showSessions: (filter) => set({ filter: { ...NO_SESSION_FILTER, ...filter } }),
  hoursDimension: 'person',
  hoursCycleId: null,
  setHours: ({ dimension, cycleId }) =>
    set((s) => ({
      hoursDimension: dimension ?? s.hoursDimension,
      hoursCycleId: cycleId === undefined ? s.hoursCycleId : cycleId,
    })),
  boardCycleId: null,
  setBoardCycle: (id) => set({ boardCycleId: id }),
}));

/** Resets the area's UI state (tests). */
export function resetPairingUi() {
  usePairingUi.setState({
    quickEntryOpen: false,
    quickEntryPreset: null,
    filter: NO_SESSION_FILTER,
    hoursDimension: 'person',
    hoursCycleId: null,
    boardCycleId: null,
  });
}
