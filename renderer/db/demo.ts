/**
 * Loads the demo program into the database, replacing whatever is there, and clears all data.
 * Both run in ONE read-write transaction over every data table (replace.ts): the database ends up
 * either fully replaced or exactly as it was, never half-loaded.
 */
import { todayIso, type IsoDate } from '../../shared/domain';
import { generateDemoProgram, type DemoDataset } from '../../shared/demo/generate';
import { db as defaultDb, type AdoptionDatabase } from './database';
import { guardStorage } from './errors';
import { replaceAllData } from './replace';

export interface LoadDemoOptions {
  database?: AdoptionDatabase;
  /** The day the demo is built around (`yyyy-MM-dd`); today on this machine by default. */
  today?: IsoDate;
  /** Called with records written so far and the total, after each chunk (and once with 0 at the start). */
  onProgress?: (done: number, total: number) => void;
  signal?: AbortSignal;
}

/**
 * Replaces every data table with the demo program. Rejects with the signal's abort reason when
 * cancelled (the database is then exactly as it was), with a StorageFullError when the disk or
 * quota is full, and with the underlying error otherwise — in every failure case nothing changed.
 */
export async function loadDemoProgram(options: LoadDemoOptions = {}): Promise<void> {
  const { database = defaultDb, onProgress, signal } = options;
  if (signal?.aborted) {
    throw signal.reason instanceof Error
      ? signal.reason
      : new DOMException('Loading the demo program was canceled', 'AbortError');
  }
  const dataset: DemoDataset = generateDemoProgram({ today: options.today ?? todayIso() });
  // Small chunks: the demo is small, and its progress should move often.
  await replaceAllData(database, dataset, 'Loading the demo program', { onProgress, signal, chunkSize: 250 });
}

/**
 * Deletes every record of every data table and their clocks (settings stay), in one transaction:
 * a fresh start leaves no tombstones, so merging an earlier export into it brings its records in.
 */
export async function clearAllData(database: AdoptionDatabase = defaultDb): Promise<void> {
  const tables = [...database.dataTables(), ...database.derivedTables(), database.clocks];
  await guardStorage(() =>
    database.transaction('rw', tables, async () => {
      for (const table of tables) await table.clear();
    }),
  );
}
