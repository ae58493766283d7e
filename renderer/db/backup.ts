/**
 * Backing up and restoring the whole database. Export reads every data table in one read
 * transaction, so the backup is a consistent snapshot even while another tab writes. Restore
 * replaces every data table in ONE read-write transaction: the database ends up either exactly
 * the backup or exactly as it was, never half-restored. Settings (theme) are not part of a backup,
 * nor are derived tables (totals), which the restore computes from the records it writes.
 */
import { makeBackup, type Backup, type ParsedBackup } from '../../shared/backup/backup';
import { DATA_TABLES, db as defaultDb, type AdoptionDatabase } from './database';
import { writeDerived } from './derived';
import { guardStorage } from './errors';

/** The app's version, set by vite.config.ts; unset only when this file runs unbundled (tests). */
const APP_VERSION = typeof __APP_VERSION__ === 'string' ? __APP_VERSION__ : '0.0.0-dev';

/** A snapshot of every data table, with the schema version its records have, ready for backupToJson. */
export async function exportBackup(
  database: AdoptionDatabase = defaultDb,
  now = new Date(),
): Promise<Backup> {
  const tables = await database.transaction('r', database.dataTables(), async () => {
    const out: Record<string, unknown[]> = {};
    for (const name of DATA_TABLES) out[name] = await database.table(name).toArray();
    return out;
  });
  return makeBackup(tables, {
    appVersion: APP_VERSION,
    exportedAt: now.toISOString(),
    // The version the database was opened at: always the current one, as opening upgrades it.
    schemaVersion: database.verno,
  });
}

/**
 * Replaces every data table with a checked backup (from parseBackup, which has already upgraded
 * an older backup's records to the current schema). Rejects with a StorageFullError when the
 * disk or quota is full, or with the underlying error; in every failure case nothing changed.
 */
export async function restoreBackup(
  parsed: Pick<ParsedBackup, 'tables'>,
  database: AdoptionDatabase = defaultDb,
): Promise<void> {
  const tables = parsed.tables as unknown as Record<string, readonly unknown[]>;
  await guardStorage(() =>
    database.transaction('rw', [...database.dataTables(), ...database.derivedTables()], async () => {
      for (const table of database.dataTables()) await table.clear();
      for (const name of DATA_TABLES) {
        const rows = tables[name] ?? [];
        if (rows.length > 0) await database.table(name).bulkAdd(rows);
      }
      // Totals and the like are not in a backup: computed from the records just written.
      await writeDerived((name) => database.table(name), tables);
    }),
  );
}
