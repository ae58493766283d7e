/**
 * Replaces every data table with new records — the demo program, a restored backup — in ONE
 * read-write transaction over every data table (settings stay): the database ends up either fully
 * replaced or exactly as it was, never half-written. Dexie commits a transaction as soon as its
 * callback awaits something that is not a Dexie operation, so nothing inside awaits a timer or
 * another promise: progress is reported synchronously between chunks, and cancelling is a check
 * of the AbortSignal between chunks (the awaited writes give the page its turns to paint the
 * progress and to deliver the click on "Cancel"). Derived tables (totals, the knowledge map's
 * summary) are computed from the records written, in the same transaction (./derived.ts): a slice
 * of at most about 12 ms after each chunk is handed to IndexedDB, while it writes that chunk.
 */
import type { Table } from 'dexie';
import { CLOCKS_TABLE } from '../../shared/schema/tables';
import { DATA_TABLES, type AdoptionDatabase } from './database';
import { DerivedWork } from './derived';
import { guardStorage } from './errors';

/** The derived tables' calculation per chunk written: short enough to be no long task in the page (the demo). */
const DERIVED_BUDGET_MS = 12;

export interface ReplaceOptions {
  /** Called with records written so far and the total, after each chunk (and once with 0 at the start). */
  onProgress?: ((done: number, total: number) => void) | undefined;
  signal?: AbortSignal | undefined;
  /** Records written per bulkAdd: small enough for frequent progress, large enough to stay fast. */
  chunkSize?: number;
}

/**
 * Thrown inside the transaction to roll it back when the work is cancelled. Not named
 * 'AbortError': Dexie turns errors with DOM exception names into its own types, and the caller
 * gets the signal's own reason (an AbortError) instead.
 */
export class ReplaceCanceled extends Error {
  constructor() {
    super('Replacing the data was canceled');
    this.name = 'ReplaceCanceledError';
  }
}

/** What a cancelled replace rejects with: the signal's reason, normally a DOMException named 'AbortError'. */
export function abortReason(signal: AbortSignal, what: string): Error {
  if (signal.reason instanceof Error) return signal.reason;
  return new DOMException(`${what} was canceled`, 'AbortError');
}

/**
 * Writes `tables` (records per data table, and the records' clocks as `clocks`; missing tables
 * end up empty) in place of everything. The transaction names the clocks table, so the records
 * written are not stamped as new changes (./clock-stamps.ts): a restore keeps the backup's clocks,
 * the demo starts with none.
 * Rejects with the signal's abort reason when cancelled (the database is then exactly as it was),
 * with a StorageFullError when the disk or quota is full, and with the underlying error
 * otherwise — in every failure case nothing changed. `what` names the work in a cancel message.
 */
export async function replaceAllData(
  database: AdoptionDatabase,
  tables: Readonly<Record<string, readonly unknown[] | undefined>>,
  what: string,
  { onProgress, signal, chunkSize = 500 }: ReplaceOptions = {},
): Promise<void> {
  if (signal?.aborted) throw abortReason(signal, what);
  const chunks: { table: Table<unknown, string>; rows: readonly unknown[] }[] = [];
  let total = 0;
  for (const name of [...DATA_TABLES, CLOCKS_TABLE]) {
    const rows = tables[name] ?? [];
    total += rows.length;
    for (let i = 0; i < rows.length; i += chunkSize) {
      chunks.push({ table: database.table(name), rows: rows.slice(i, i + chunkSize) });
    }
  }
  try {
    await guardStorage(() =>
      database.transaction(
        'rw',
        [...database.dataTables(), ...database.derivedTables(), database.clocks],
        async () => {
          for (const table of [...database.dataTables(), database.clocks]) await table.clear();
          let done = 0;
          onProgress?.(done, total);
          // Each chunk is handed to IndexedDB before the one before it is awaited, so the database
          // always has the next records while this thread handles the last ones' results.
          let previous: { written: Promise<unknown>; count: number } | null = null;
          // Totals and the like are not in a backup: computed from the records, a slice at a time
          // while IndexedDB writes each chunk (the thread would otherwise only wait for it).
          const derived = new DerivedWork(tables);
          for (const chunk of [...chunks, null]) {
            if (signal?.aborted) throw new ReplaceCanceled();
            const written = chunk?.table.bulkAdd(chunk.rows);
            // Awaited in the next turn; a failure while the previous chunk is awaited is not unhandled.
            written?.catch(() => {});
            if (chunk) derived.work(DERIVED_BUDGET_MS);
            if (previous) {
              await previous.written;
              done += previous.count;
              onProgress?.(done, total);
            }
            previous = chunk && written ? { written, count: chunk.rows.length } : null;
          }
          // What is left of the derived tables, then their rows.
          await derived.write((name) => database.table(name));
          // A cancel that arrives with the last chunk still wins: the transaction has not committed yet.
          if (signal?.aborted) throw new ReplaceCanceled();
        },
      ),
    );
  } catch (error) {
    if (signal?.aborted) throw abortReason(signal, what);
    throw error;
  }
}
