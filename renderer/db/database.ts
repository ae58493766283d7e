/**
 * The one IndexedDB database, through Dexie. Its tables, their record types and indexes come
 * from the table list in shared/schema/tables.ts; its versions, each with the upgrade of the
 * records it changes, from the ordered list in shared/schema/migrations.ts. Nothing about a
 * particular table is written here.
 *
 * When another tab or window opens the database at a newer version, Dexie closes this
 * connection (its default `versionchange` handling) so the upgrade is not blocked; do not
 * override that without closing the database yourself.
 */
import Dexie, { type Table, type Transaction } from 'dexie';
import { SCHEMA_VERSIONS, type TableUpgrade } from '../../shared/schema/migrations';
import {
  DATA_TABLE_NAMES,
  DERIVED_TABLE_NAMES,
  type DataTableName,
  type DerivedTableName,
  type StoredRecord,
  type TableName,
} from '../../shared/schema/tables';
import { createClock, type HlcClock } from '../../shared/sync/hlc';
import { appTallyKeeping } from './app-tallies-core';
import { recordCountKeeping } from './record-counts-core';
import { clockStamps } from './clock-stamps';
import { followWrites } from './write-followers';
import { recomputeDerived } from './derived';
import { deviceId } from './device';

export type { DataTableName, Setting, TableName } from '../../shared/schema/tables';

export const DB_NAME = 'platform-adoption-tracker';

/** Tables that hold user data (all but settings), in the order a backup writes them. */
export const DATA_TABLES: readonly DataTableName[] = DATA_TABLE_NAMES;

/** Tables computed from the data tables (./derived.ts): written with them, never backed up. */
export const DERIVED_TABLES: readonly DerivedTableName[] = DERIVED_TABLE_NAMES;

/**
 * Runs a version's upgrades inside Dexie's upgrade transaction: each table's records are read,
 * passed through the pure upgrade, and written back in place of the old ones.
 */
async function runUpgrades(tx: Transaction, upgrades: Readonly<Record<string, TableUpgrade>>): Promise<void> {
  for (const [name, upgrade] of Object.entries(upgrades)) {
    const table = tx.table(name);
    const records = upgrade(await table.toArray());
    await table.clear();
    await table.bulkAdd(records);
  }
}

/** This installation's clock (shared by every connection in this context), by device id. */
const clocks = new Map<string, HlcClock>();
function deviceClock(): HlcClock {
  const device = deviceId();
  let clock = clocks.get(device);
  if (!clock) clocks.set(device, (clock = createClock(device)));
  return clock;
}

class AdoptionDexie extends Dexie {
  constructor(name: string = DB_NAME) {
    super(name);
    // Kept with every write, in its transaction (./write-followers.ts): clocks of every data
    // table's records, for merges (./clock-stamps.ts); the apps' tallies (./app-tallies-core.ts);
    // each data table's number of records (./record-counts-core.ts).
    this.use(
      followWrites([clockStamps(deviceClock), appTallyKeeping(), recordCountKeeping(DATA_TABLE_NAMES)]),
    );
    for (const entry of SCHEMA_VERSIONS) {
      const version = this.version(entry.version).stores(entry.stores);
      const upgrades = entry.upgrade ?? {};
      const derive = entry.derive ?? [];
      if (entry.upgrade || derive.length > 0) {
        version.upgrade(async (tx) => {
          await runUpgrades(tx, upgrades);
          await recomputeDerived((name) => tx.table(name), derive);
        });
      }
    }
  }

  /** Every table of user data (all but settings), for work that replaces or reads all of it. */
  dataTables(): Table<unknown, string>[] {
    return DATA_TABLES.map((name) => this.table(name));
  }

  /** Every table computed from the data (./derived.ts): part of any transaction that replaces the data. */
  derivedTables(): Table<unknown, string>[] {
    return DERIVED_TABLES.map((name) => this.table(name));
  }
}

// Tables are typed `Table<T, string>`, not `EntityTable`: every record arrives with its UUID
// already set (never auto-generated), so inserts must carry the id too.
type TypedTables = { [T in TableName]: Table<StoredRecord<T>, string> };

/** The database with one typed property per table (Dexie sets them when the versions are declared). */
export type AdoptionDatabase = AdoptionDexie & TypedTables;
export const AdoptionDatabase = AdoptionDexie as unknown as new (name?: string) => AdoptionDatabase;

/** The app's database. Tests make their own with `new AdoptionDatabase(uniqueName)`. */
export const db = new AdoptionDatabase();
