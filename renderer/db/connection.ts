/**
 * The database connection as the user must know it. Two windows (or tabs) share one IndexedDB:
 * when the other one opens it at a newer schema version, Dexie closes this connection so the
 * upgrade is not blocked (never a half-upgraded database), and from then on this window cannot
 * read or write. When this window's app is older than the stored database, it cannot open it at
 * all. Both are said in words with what to do (reload), instead of failing save after save.
 */
import { useEffect, useState } from 'react';
import Dexie from 'dexie';
import { CURRENT_SCHEMA_VERSION } from '../../shared/schema/migrations';
import type { AdoptionDatabase } from './database';

export type ConnectionState =
  | { kind: 'opening' }
  | { kind: 'open' }
  /** Another window upgraded the database: this one was closed and must reload. */
  | { kind: 'upgraded-elsewhere' }
  /** The stored database is newer than this app (a newer version of the app opened it). */
  | { kind: 'newer-version' }
  /** The connection closed for another reason (the data was deleted, the browser closed it). */
  | { kind: 'closed' };

export type ConnectionProblem = Exclude<ConnectionState, { kind: 'open' } | { kind: 'opening' }>;

export function connectionMessage(state: ConnectionProblem): {
  title: string;
  text: string;
} {
  switch (state.kind) {
    case 'upgraded-elsewhere':
      return {
        title: 'Updated in another window',
        text: 'This workspace was opened by a newer version of the app in another window, which upgraded the data. This window stopped so nothing is written in the old format. Reload to keep working: everything saved is kept.',
      };
    case 'newer-version':
      return {
        title: 'Your data is from a newer version',
        text: 'This workspace was saved by a newer version of Platform Adoption Tracker than this one, so this window cannot open it without risking your data. Update the app (or close this older copy), then reload.',
      };
    case 'closed':
      return {
        title: 'The connection to your data closed',
        text: 'The browser closed this window’s connection to its data (for example because site data was cleared). Reload to open it again; anything saved before is kept unless the data was deleted.',
      };
  }
}

/** IndexedDB's VersionError, as Dexie passes it on (as itself, or inside OpenFailedError). */
function isVersionError(error: unknown): boolean {
  if (!(error instanceof Error)) return false;
  if (error.name === Dexie.errnames.Version) return true;
  const inner = (error as { inner?: unknown }).inner;
  return inner !== error && isVersionError(inner);
}

/**
 * Opens `database` and follows its connection: opening, open, or why it is not. Dexie 4 opens a
 * database stored at a higher version than this app declares, silently, at that version; this
 * app must not write into a schema it does not know, so that counts as "newer-version" and the
 * connection is closed again.
 */
export function useConnectionState(database: AdoptionDatabase): ConnectionState {
  const [state, setState] = useState<ConnectionState>({ kind: 'opening' });
  useEffect(() => {
    let current = true;
    const set = (next: ConnectionState) => {
      if (current) setState((was) => (was.kind === 'open' || was.kind === 'opening' ? next : was));
    };
    // Dexie's own handler still runs after this one and closes the connection.
    const onVersionChange = () => set({ kind: 'upgraded-elsewhere' });
    const onClose = () => set({ kind: 'closed' });
    database.on('versionchange', onVersionChange);
    database.on('close', onClose);
    database.open().then(
      () => {
        // IndexedDB holds Dexie's version × 10.
        if (database.backendDB().version > CURRENT_SCHEMA_VERSION * 10) {
          set({ kind: 'newer-version' });
          database.close();
        } else set({ kind: 'open' });
      },
      (error: unknown) => {
        // Any other failure to open shows where the data is read, with its own message.
        set(isVersionError(error) ? { kind: 'newer-version' } : { kind: 'open' });
      },
    );
    return () => {
      current = false;
      database.on('versionchange').unsubscribe(onVersionChange);
      database.on('close').unsubscribe(onClose);
    };
  }, [database]);
  return state;
}
