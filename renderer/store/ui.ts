/**
 * UI state only: where the user is, the theme, and the messages on screen. Persisted data lives
 * in Dexie and is read with useLiveQuery, never copied here.
 */
import { create } from 'zustand';

export type Theme = 'light' | 'dark' | 'system';

export interface Toast {
  id: number;
  kind: 'info' | 'success' | 'error';
  text: string;
  /** An optional action, e.g. "Undo". */
  action?: { label: string; run: () => void | Promise<void> };
}

interface UiState {
  /** The hash route without '#/', e.g. 'plan' or 'apps/1234'. */
  route: string;
  theme: Theme;
  /** The message on screen (at most one). */
  toasts: Toast[];
  navigate(route: string): void;
  /** Shows `route` in place of the current address, no history step (a filter being changed). */
  replaceRoute(route: string): void;
  setRoute(route: string): void;
  setTheme(theme: Theme): void;
  toast(toast: Omit<Toast, 'id'>): number;
  dismiss(id: number): void;
}

const THEME_KEY = 'pat.theme';

function readTheme(): Theme {
  try {
    const v = globalThis.localStorage?.getItem(THEME_KEY);
    return v === 'light' || v === 'dark' || v === 'system' ? v : 'system';
  } catch {
    return 'system';
  }
}

export function routeFromHash(hash: string): string {
  return decodeURI(hash.replace(/^#\/?/, ''));
}

let nextToastId = 1;

export const useUi = create<UiState>((set) => ({
  route: routeFromHash(globalThis.location?.hash ?? ''),
  theme: readTheme(),
  toasts: [],
  navigate(route) {
    if (globalThis.location) globalThis.location.hash = `#/${route}`;
    set({ route });
  },
  replaceRoute(route) {
    globalThis.history?.replaceState(globalThis.history.state, '', `#/${route}`);
    set({ route });
  },
  setRoute(route) {
    set({ route });
  },
  setTheme(theme) {
    try {
      globalThis.localStorage?.setItem(THEME_KEY, theme);
    } catch {
      // Private mode: the theme lasts for this session only.
    }
    set({ theme });
  },
  // One message at a time: a new one replaces the one on screen, so messages never stack over
  // the content (an Undo offered earlier is gone once something else has happened).
  toast(toast) {
    const id = nextToastId++;
    set({ toasts: [{ ...toast, id }] });
    return id;
  },
  dismiss(id) {
    set((s) => ({ toasts: s.toasts.filter((t) => t.id !== id) }));
  },
}));

/** The first segment of the route: the area shown. */
export function areaOf(route: string): string {
  return route.split('/')[0] || '';
}
