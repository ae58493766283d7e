/**
 * What the user is doing in the Pairing area right now: whether quick entry is open (from the
 * shortcut anywhere, or a button), the session log's filters, the scope and dimension of the
 * hours, the cycle the board shows, and the sessions quick entry has logged that the log has not
 * read back yet. UI state only: sessions and assignments are read from Dexie with useLiveQuery.
 */
import { create } from 'zustand';
import {
  NO_SESSION_FILTER,
  type PairingSession,
  type SessionFilter,
  type TotalDimension,
} from '../../../shared/domain';

/** What quick entry opened from somewhere specific starts with instead of the defaults' place. */
export interface QuickEntryPreset {
  appId: string | null;
  teamId: string | null;
}

/**
 * A session quick entry shows in the log at once, before it is stored. `since`: when its write
 * began (performance.now()); `stored`: the write committed. A read of the log that began after
 * `since` holds it once stored (IndexedDB orders a read after a write begun before it), so the
 * log shows it until such a read; a write that fails removes it.
 */
export interface PendingSession {
  session: PairingSession;
  since: number;
  stored: boolean;
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
  /** Sessions logged by quick entry that the log may not have read yet, newest first. */
  pending: readonly PendingSession[];
  /** Its write begins now. */
  addPending(session: PairingSession): void;
  /** Its write committed. */
  storedPending(id: string): void;
  /** Removes them (the write failed, or the log has read them back). */
  dropPending(ids: readonly string[]): void;
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
  pending: [],
  addPending: (session) =>
    set((s) => ({ pending: [{ session, since: performance.now(), stored: false }, ...s.pending] })),
  storedPending: (id) =>
    set((s) => ({ pending: s.pending.map((p) => (p.session.id === id ? { ...p, stored: true } : p)) })),
  dropPending: (ids) =>
    set((s) => {
      const pending = s.pending.filter((p) => !ids.includes(p.session.id));
      return pending.length === s.pending.length ? s : { pending };
    }),
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
    pending: [],
  });
}
