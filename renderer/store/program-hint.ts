/**
 * Whether the last start of this app on this machine found a program: a hint kept in
 * localStorage so that, before IndexedDB has opened, the app knows whether to start loading the
 * first screen's code (main.tsx) or not (with no program the welcome screen shows, and loading
 * the overview's charts would only compete with drawing it). Only a hint: the database decides
 * what is shown; a wrong hint costs one start its head start, never a wrong screen.
 */
export const PROGRAM_HINT_KEY = 'pat.hasProgram';

/** true when the last start found a program, false when it found none, null when unknown. */
export function programHint(): boolean | null {
  try {
    const value = globalThis.localStorage?.getItem(PROGRAM_HINT_KEY);
    return value === '1' ? true : value === '0' ? false : null;
  } catch {
    return null;
  }
}

/** Records what this start found (called once the program has been read, and when it changes). */
export function rememberProgram(exists: boolean): void {
  try {
    globalThis.localStorage?.setItem(PROGRAM_HINT_KEY, exists ? '1' : '0');
  } catch {
    // Storage refused (private mode): the next start preloads nothing, which is only slower.
  }
}
