/**
 * A live query whose result outlives the screens that read it. useLiveQuery reads again each
 * time a screen mounts: with 20,000 apps, coming back to the Apps area would read and copy them
 * all out of IndexedDB before drawing anything. A kept query stays subscribed (Dexie's
 * liveQuery, so any write — here, in another window or in a worker — refreshes it) for a while
 * after its last reader leaves; a screen that mounts meanwhile draws the current result at once.
 * The result keeps its identity until the data changes, so what is derived from it with a
 * memo (the apps table's rows) is not worked out again either.
 */
import { liveQuery, type Subscription } from 'dexie';
import { useCallback, useSyncExternalStore } from 'react';
import type { AdoptionDatabase } from './database';

/** How long a result is kept, and its query followed, after the last screen reading it closes. */
export const KEEP_MS = 5 * 60_000;

type State<T> = { value: T } | { error: unknown } | null;

class KeptEntry<T> {
  state: State<T> = null;
  private readonly readers = new Set<() => void>();
  private subscription: Subscription | null = null;
  private release: ReturnType<typeof setTimeout> | null = null;

  constructor(
    private readonly query: () => Promise<T>,
    private readonly forget: () => void,
  ) {}

  /** Adds a reader (subscribing to the query on the first); returns its removal. */
  read = (reader: () => void) => {
    if (this.release) clearTimeout(this.release);
    this.release = null;
    this.readers.add(reader);
    this.subscription ??= liveQuery(this.query).subscribe({
      next: (value) => this.tell({ value }),
      error: (error: unknown) => this.tell({ error }),
    });
    return () => {
      this.readers.delete(reader);
      if (this.readers.size === 0) this.release = setTimeout(this.close, KEEP_MS);
    };
  };

  private tell(state: State<T>) {
    this.state = state;
    for (const reader of this.readers) reader();
  }

  private close = () => {
    this.subscription?.unsubscribe();
    this.subscription = null;
    this.forget();
  };
}

/**
 * A hook reading `querier`'s live result for a database: undefined until the first result (as
 * useLiveQuery), thrown when the query fails (to the nearest error boundary, as useLiveQuery).
 */
export function keptQuery<T>(querier: (database: AdoptionDatabase) => Promise<T>) {
  const entries = new WeakMap<AdoptionDatabase, KeptEntry<T>>();

  function entryOf(database: AdoptionDatabase): KeptEntry<T> {
    let entry = entries.get(database);
    if (!entry) {
      entry = new KeptEntry(
        () => querier(database),
        () => entries.delete(database),
      );
      entries.set(database, entry);
    }
    return entry;
  }

  function useKeptQuery(database: AdoptionDatabase): T | undefined {
    const entry = entryOf(database);
    const state = useSyncExternalStore(
      entry.read,
      useCallback(() => entry.state, [entry]),
    );
    if (state && 'error' in state) throw state.error;
    return state?.value;
  }

  /**
   * Starts the query with no screen reading it (kept as after its last reader left): a screen
   * that mounts later draws its result at once, or waits for the read already under way.
   */
  function warm(database: AdoptionDatabase): void {
    entryOf(database).read(() => undefined)();
  }

  return Object.assign(useKeptQuery, { warm });
}
