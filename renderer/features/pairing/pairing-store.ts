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
 * A session quick entry shows in the log at once, before it is stored, until the log has read it
 * back. `storedAt`: null while its write is under way; once it committed, the number of the log
 * reads (`logReads`) that were asked for from then on. The log shows it until its answer comes
 * from a read asked for at or after that number: such a read began after the commit, so it holds
 * the session, whatever Dexie emitted meanwhile (optimistic or earlier reads). A write that
 * fails removes it.
 */
export interface PendingSession {
  session: PairingSession;
  storedAt: number | null;
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
  /**
   * Which read of the session log is asked for: raised when a pending session is stored, so the
   * log reads again after the commit (its queries depend on it).
   */
  logReads: number;
  /** Its write begins now. */
  addPending(session: PairingSession): void;
  /** Its write committed: the log reads again, and shows the session until that read answers. */
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
  logReads: 0,
  addPending: (session) => set((s) => ({ pending: [{ session, storedAt: null }, ...s.pending] })),
  storedPending: (id) =>
    set((s) => {
      const logReads = s.logReads + 1;
      return {
        logReads,
        pending: s.pending.map((p) => (p.session.id === id ? { ...p, storedAt: logReads } : p)),
      };
    }),
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
    logReads: 0,
  });
}
