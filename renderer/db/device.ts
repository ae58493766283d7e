/**
 * This installation's device id: part of every clock it stamps (shared/sync/hlc.ts), so that two
 * machines never issue the same clock. Kept in localStorage (one per browser profile or desktop
 * user-data folder); where there is none (a worker, a test without storage) one is made for the
 * session — such a context only writes with clocks it was given (a restore, a merge).
 */
export const DEVICE_ID_KEY = 'platform-adoption-tracker.deviceId';

let session: string | undefined;

function fresh(): string {
  return crypto.randomUUID();
}

export function deviceId(): string {
  try {
    const storage = globalThis.localStorage;
    if (storage) {
      const stored = storage.getItem(DEVICE_ID_KEY);
      if (stored && /^[A-Za-z0-9-]{8,64}$/.test(stored)) return stored;
      const made = fresh();
      storage.setItem(DEVICE_ID_KEY, made);
      return made;
    }
  } catch {
    // Storage refused (private mode, a sandbox): fall through to a session id.
  }
  session ??= fresh();
  return session;
}
