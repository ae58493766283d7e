/**
 * Loads the demo program into the database, replacing whatever is there, and clears all data.
 *
 * Both run in ONE read-write transaction over every data table (settings stay): the database ends
 * up either fully replaced or exactly as it was, never half-loaded. Dexie commits a transaction as
 * soon as its callback awaits something that is not a Dexie operation, so nothing inside awaits a
 * timer or another promise: progress is reported synchronously between chunks, and cancelling is
 * a check of the AbortSignal between chunks (the awaited writes give the UI its turns to paint the
 * progress and to deliver the click on "Cancel").
 */
import type { Table } from 'dexie';
import { todayIso, type IsoDate } from '../../shared/domain';
import { generateDemoProgram, demoRecordCount, type DemoDataset } from '../../shared/demo/generate';
import { DATA_TABLES, db as defaultDb, type AdoptionDatabase } from './database';
import { writeDerived } from './derived';
import { guardStorage } from './errors';

/** Records written per bulkAdd: small enough for frequent progress, large enough to stay fast. */
const CHUNK_SIZE = 250;

export interface LoadDemoOptions {
  database?: AdoptionDatabase;
  /** The day the demo is built around (`yyyy-MM-dd`); today on this machine by default. */
  today?: IsoDate;
  /** Called with records written so far and the total, after each chunk (and once with 0 at the start). */
  onProgress?: (done: number, total: number) => void;
  signal?: AbortSignal;
}

/**
 * Thrown inside the transaction to roll it back when the load is cancelled. Not named
 * 'AbortError': Dexie turns errors with DOM exception names into its own types, and the caller
 * gets the signal's own reason (an AbortError) instead.
 */
class DemoLoadCanceled extends Error {
  constructor() {
    super('Loading the demo program was canceled');
    this.name = 'DemoLoadCanceledError';
  }
}

/** What a cancelled load rejects with: the signal's reason, normally a DOMException named 'AbortError'. */
function abortReason(signal: AbortSignal): Error {
  if (signal.reason instanceof Error) return signal.reason;
  return new DOMException('Loading the demo program was canceled', 'AbortError');
}

/**
 * Replaces every data table with the demo program. Rejects with the signal's abort reason when
 * cancelled (the database is then exactly as it was), with a StorageFullError when the disk or
 * quota is full, and with the underlying error otherwise — in every failure case nothing changed.
 */
export async function loadDemoProgram(options: LoadDemoOptions = {}): Promise<void> {
  const { database = defaultDb, onProgress, signal } = options;
  if (signal?.aborted) throw abortReason(signal);
  const dataset: DemoDataset = generateDemoProgram({ today: options.today ?? todayIso() });
  const total = demoRecordCount(dataset);
  const chunks: { table: Table<unknown, string>; rows: readonly unknown[] }[] = [];
  for (const name of DATA_TABLES) {
    const rows: readonly unknown[] = dataset[name];
    for (let i = 0; i < rows.length; i += CHUNK_SIZE) {
      chunks.push({ table: database.table(name), rows: rows.slice(i, i + CHUNK_SIZE) });
    }
  }

  try {
    await guardStorage(() =>
      database.transaction('rw', [...database.dataTables(), ...database.derivedTables()], async () => {
        for (const table of database.dataTables()) await table.clear();
        let done = 0;
        onProgress?.(done, total);
        for (const chunk of chunks) {
          if (signal?.aborted) throw new DemoLoadCanceled();
          await chunk.table.bulkAdd(chunk.rows);
          done += chunk.rows.length;
          onProgress?.(done, total);
        }
        await writeDerived((name) => database.table(name), dataset);
        // A cancel that arrives with the last chunk still wins: the transaction has not committed yet.
        if (signal?.aborted) throw new DemoLoadCanceled();
      }),
    );
  } catch (error) {
    if (signal?.aborted) throw abortReason(signal);
    throw error;
  }
}

/** Deletes every record of every data table (settings stay), in one transaction. */
export async function clearAllData(database: AdoptionDatabase = defaultDb): Promise<void> {
  await guardStorage(() =>
    database.transaction('rw', [...database.dataTables(), ...database.derivedTables()], async () => {
      for (const table of [...database.dataTables(), ...database.derivedTables()]) await table.clear();
    }),
  );
}
