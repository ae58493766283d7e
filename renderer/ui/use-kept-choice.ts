/**
 * A choice kept as a preference of this machine (the overview's controls, the metric its chart
 * draws …): a change shows at once while it is written — an IndexedDB write, then the live query
 * reading it back, took a round trip before the screen moved. The stored value is the truth again
 * once the write has landed and the store answers: ours, or another window's written since. A
 * write refused shows the stored value again, and `onError` says why.
 */
import { useCallback, useRef, useState } from 'react';

export function useKeptChoice<T>(
  /** The stored value, live; undefined while it is read. */
  stored: T | undefined,
  /** Writes a new value; rejects when it is refused. */
  write: (value: T) => Promise<void>,
  onError: (error: unknown) => void,
  /** Whether two values are the same (a stored value read back is a new object). */
  same: (a: T, b: T) => boolean = Object.is,
): [T | undefined, (next: T) => void] {
  const [pending, setPending] = useState<{ value: T; landed: boolean } | null>(null);
  const [seen, setSeen] = useState(stored);
  if (stored !== seen) {
    // A new answer from the database: after our write landed, it is what is kept.
    setSeen(stored);
    if (pending?.landed) setPending(null);
  }
  // The latest write and error handler, so the change function stays the same across renders.
  const latest = useRef({ write, onError });
  latest.current = { write, onError };
  const change = useCallback((next: T) => {
    const entry = { value: next, landed: false };
    setPending(entry);
    latest.current.write(next).then(
      () => setPending((current) => (current?.value === next ? { ...current, landed: true } : current)),
      (error: unknown) => {
        setPending((current) => (current?.value === next ? null : current));
        latest.current.onError(error);
      },
    );
  }, []);
  const shown =
    pending && !(pending.landed && stored !== undefined && same(stored, pending.value))
      ? pending.value
      : stored;
  return [shown, change];
}
