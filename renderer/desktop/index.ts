/**
 * The renderer's one door to the desktop: Electron's preload API when the app runs in the
 * desktop shell, the browser implementation otherwise. Screens import `desktop` from here and
 * never check which shell they are in.
 */
import { DESKTOP_API_KEY, DESKTOP_METHODS, type DesktopApi } from '../../shared/ipc/contract';
import { browserDesktop } from './browser';

function isDesktopApi(value: unknown): value is DesktopApi {
  if (typeof value !== 'object' || value === null) return false;
  const api = value as Record<string, unknown>;
  return DESKTOP_METHODS.every((name) => typeof api[name] === 'function');
}

/** Picks the implementation for a window: the preload's when it exposed one, else the browser's. */
export function resolveDesktop(target: object | undefined = globalThis.window): DesktopApi {
  const exposed = target ? (target as Record<string, unknown>)[DESKTOP_API_KEY] : undefined;
  return isDesktopApi(exposed) ? exposed : browserDesktop;
}

export const desktop: DesktopApi = resolveDesktop();
