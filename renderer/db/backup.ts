/**
 * Backing up and restoring the whole database. Export reads every data table in one read
 * transaction, so the backup is a consistent snapshot even while another tab writes. Restore
 * replaces every data table in ONE read-write transaction: the database ends up either exactly
 * the backup or exactly as it was, never half-restored. Settings (theme) are not part of a backup.
 * The records' clocks (./clock-stamps.ts) are, beside the tables: a backup can be merged.
 */
import { makeBackup, type Backup, type ParsedBackup } from '../../shared/backup/backup';
import { DATA_TABLES, db as defaultDb, type AdoptionDatabase } from './database';
import { replaceAllData, type ReplaceOptions } from './replace';

/** The app's version, set by vite.config.ts; unset only when this file runs unbundled (tests). */
const APP_VERSION = typeof __APP_VERSION__ === 'string' ? __APP_VERSION__ : '0.0.0-dev';

/** A snapshot of every data table, with the schema version its records have, ready for backupToJson. */
export async function exportBackup(
  database: AdoptionDatabase = defaultDb,
  now = new Date(),
): Promise<Backup> {
  const { tables, clocks } = await database.transaction(
    'r',
    [...database.dataTables(), database.clocks],
    async () => {
      const out: Record<string, unknown[]> = {};
      for (const name of DATA_TABLES) out[name] = await database.table(name).toArray();
      return { tables: out, clocks: await database.clocks.toArray() };
    },
  );
  return makeBackup(
    tables,
    {
      appVersion: APP_VERSION,
      exportedAt: now.toISOString(),
      // The version the database was opened at: always the current one, as opening upgrades it.
      schemaVersion: database.verno,
    },
    clocks,
  );
}

/**
 * Replaces every data table with a checked backup (from parseBackup, which has already upgraded
 * an older backup's records to the current schema), in one transaction (replace.ts), with
 * progress and cancel. Rejects with the signal's reason when cancelled, with a StorageFullError
 * when the disk or quota is full, or with the underlying error; in every failure case nothing
 * changed.
 */
export async function restoreBackup(
  parsed: Pick<ParsedBackup, 'tables'> & Partial<Pick<ParsedBackup, 'clocks'>>,
  database: AdoptionDatabase = defaultDb,
  options: ReplaceOptions = {},
): Promise<void> {
  // The backup's clocks replace this workspace's with its records, so a later merge knows them.
  const tables = {
    ...(parsed.tables as unknown as Record<string, readonly unknown[]>),
    clocks: parsed.clocks ?? [],
  };
  // Larger chunks than the demo's: a decade of records restores in fewer round trips.
  await replaceAllData(database, tables, 'Restoring the backup', { chunkSize: 2_000, ...options });
}
