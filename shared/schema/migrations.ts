/**
 * The schema versions of the database and of backup files, oldest first. Append-only: a
 * released version is never edited, because databases and backups written by it exist. To change
 * the schema, append `{ version: n + 1, … }` with the index specs of the tables it adds or
 * changes (`null` deletes a table) and, when stored records change shape, an `upgrade`: per
 * table, a pure function from the table's records at the previous version to its records at
 * this one.
 *
 * The same upgrades run in two places: renderer/db/database.ts turns each entry into
 * `version(n).stores(…).upgrade(…)` for a database written by an older app, and parseBackup runs
 * them, in order, on the tables of an older backup file before checking its records. So an
 * upgrade sees plain, unchecked records: a backup may hold anything, and an upgrade leaves what
 * it does not understand as it is for the check to report.
 *
 * Each version also names the first app version that wrote it, so that a backup from a newer
 * schema can be refused with the app version the user needs.
 */
import { upgradeBlockerToMitigation, upgradeBlockerToStatusHistory } from '../domain/blockers';
import { upgradeSessionWithGoldenPath } from '../domain/pairing';
import { upgradePersonToLeftOn, upgradeTeamToExternalRef } from '../domain/people';
import { CLOCKS_TABLE, DERIVED_TABLE_NAMES, LOCAL_TABLE_NAMES, TABLE_INDEXES } from './tables';

/** Turns a table's records at the previous version into its records at this one. Pure. */
export type TableUpgrade = (records: readonly unknown[]) => unknown[];

export interface SchemaVersion {
  /** 1, 2, 3…: one more than the entry before. */
  readonly version: number;
  /** The first app version that wrote this schema (package.json `version`). */
  readonly appVersion: string;
  /** What changed, in a sentence. */
  readonly change: string;
  /**
   * Dexie index specs of the tables this version adds or changes (`null` deletes one); version
   * 1 lists every table. Keyed by plain strings: a later version may delete a table, and the
   * released entries that named it must still compile.
   */
  readonly stores: Readonly<Record<string, string | null>>;
  /** Per table whose records change shape: the pure function that upgrades them. */
  readonly upgrade?: Readonly<Record<string, TableUpgrade>>;
  /**
   * Derived tables (./tables.ts `derivedTable`) this version computes from their sources, after
   * its upgrades: a database upgraded to it starts with them right. Backups hold none.
   */
  readonly derive?: readonly string[];
}

export const SCHEMA_VERSIONS: readonly SchemaVersion[] = [
  {
    version: 1,
    appVersion: '0.1.0',
    change: 'The first schema: every table of the program.',
    stores: {
      program: 'id',
      cycles: 'id, &index, status, startDate',
      teams: 'id, name, kind',
      people: 'id, name, teamId, *roles, canSeed',
      apps: 'id, name, teamId, stage, cycleId, externalId, *goldenPathIds, selectedOn, firstDeployOn, updatedAt',
      criteria: 'id, axis, order',
      goldenPaths: 'id, name, kind',
      assignments: 'id, kind, personId, targetTeamId, appId, cycleId, startDate',
      pairingSessions: 'id, date, personId, *partnerIds, appId, teamId, cycleId',
      blockers: 'id, category, status, severity, openedOn, resolvedOn, appId, teamId, cycleId, ownerId',
      toilItems: 'id, order, kind',
      toilAudits: 'id, date, teamId, appId, cycleId',
      toilResponses: 'id, auditId',
      valueStreamMaps: 'id, appId, date',
      marketingActivities: 'id, date, kind',
      metrics: 'id, &key',
      metricSnapshots: 'id, metricId, date, [metricId+date]',
      settings: 'key',
    },
  },
  {
    version: 2,
    appVersion: '0.2.0',
    change: 'Blockers keep their status history: every change of status with its date.',
    // No index: trends are computed from the history of the blockers a screen has already read.
    stores: {},
    upgrade: { blockers: (records) => records.map(upgradeBlockerToStatusHistory) },
  },
  {
    version: 3,
    appVersion: '0.3.0',
    change:
      'Teams keep the entity ref of the catalog Group they came from, so every import finds the same team; blockers keep the mitigation taken, beside their notes; people who leave stay in the records, with the day they left (leftOn, null while in the program); pairing sessions name their golden path and are indexed by person, app, team, cycle and topic with their date; hours of pairing are kept as totals.',
    // Indexed: an import looks a team up by its ref; the session log and hours read sessions by
    // one field and their date. The mitigation and leftOn are not: the people list filters the
    // few thousand people it has already read.
    stores: {
      teams: 'id, name, kind, externalRef',
      pairingSessions:
        'id, date, *partnerIds, [personId+date], [appId+date], [teamId+date], [cycleId+date], [topic+date]',
      pairingTotals: 'id, dimension',
    },
    upgrade: {
      teams: (records) => records.map(upgradeTeamToExternalRef),
      blockers: (records) => records.map(upgradeBlockerToMitigation),
      people: (records) => records.map(upgradePersonToLeftOn),
      pairingSessions: (records) => records.map(upgradeSessionWithGoldenPath),
    },
    derive: ['pairingTotals'],
  },
  {
    version: 4,
    appVersion: '0.4.0',
    change:
      'Every change to a record is stamped with a hybrid logical clock per field, and a deleted record leaves a tombstone, in a new table of clocks, so that workspaces can be merged.',
    // Keyed `${table}:${id}`; a merge reads the whole table, so no index.
    stores: { clocks: 'id' },
  },
  {
    version: 5,
    appVersion: '0.5.0',
    change:
      'The developer-experience self-assessment: a score from 1 to 5 with a note for each of the fifteen points of "A Successful Developer Experience", per cycle.',
    // One record per cycle and point; the form reads a cycle's by its index.
    stores: { dxScores: 'id, cycleId, [cycleId+point]' },
  },
  {
    version: 6,
    appVersion: '0.6.0',
    change:
      'Toil audits keep a tally per audit (responses, and the count of each answer 1–5 per statement), so results and the heat map read 2,000 tallies instead of 40,000 responses; toil items keep their earlier wordings and the day they were retired.',
    // Keyed by the audit's id; the item fields have defaults, so stored items need no upgrade.
    stores: { toilTallies: 'id' },
    derive: ['toilTallies'],
  },
  {
    version: 7,
    appVersion: '0.7.0',
    change:
      'Pairing sessions are also counted per day (sessions and minutes), so the session log counts a date range from its days instead of from 200,000 sessions.',
    // Keyed by the date: a date range is a range of keys.
    stores: { pairingDays: 'id' },
    derive: ['pairingDays'],
  },
  {
    version: 8,
    appVersion: '0.8.0',
    change:
      'Apps are also counted per cycle and stage, per day they reached each adoption step and per time to hello world, so Plan and the overview open from a few thousand counts instead of reading 20,000 apps.',
    // Keyed by kind and value ("cycle|<id>|<stage>", "reached|<step>|<date>"…): a kind is a range of keys.
    stores: { appTallies: 'id' },
    derive: ['appTallies'],
  },
  {
    version: 9,
    appVersion: '0.9.0',
    change:
      'The knowledge map keeps a summary of the pairing sessions: per golden path, app and person the decayed hours, and each person’s first lesson and first day teaching, so it no longer reads every session.',
    // Read whole by the knowledge map; written by id.
    stores: { knowledgeCredits: 'id' },
    derive: ['knowledgeCredits'],
  },
  {
    version: 10,
    appVersion: '0.10.0',
    change:
      'The number of records in each table is kept, so the Data screen shows them without counting 326,592 records.',
    // One row per data table, keyed by the table's name.
    stores: { recordCounts: 'id' },
    derive: ['recordCounts'],
  },
  {
    version: 11,
    appVersion: '0.11.0',
    change:
      'Each cycle keeps its pairing hours per person, app, team and topic, so the hours within a cycle show without counting its 5,000 sessions.',
    // One row per cycle, keyed by the cycle's id.
    stores: { pairingCycleTotals: 'id' },
    derive: ['pairingCycleTotals'],
  },
  {
    version: 12,
    appVersion: '0.12.0',
    change:
      'The apps’ counts per day an adoption step was reached and per time to hello world are kept one row per month instead of one per day, so the overview opens from a few hundred counts instead of 15,000.',
    // The same table and key ("reached|<step>|<yyyy-MM>", "hello|<yyyy-MM>"); its rows are counted again.
    stores: {},
    derive: ['appTallies'],
  },
];

/** The schema version this app writes: the last entry's. */
export const CURRENT_SCHEMA_VERSION = checkSchemaVersions(SCHEMA_VERSIONS).at(-1)!.version;

/** The index spec of every table at a schema version: the stores of versions 1…n folded together. */
export function storesAt(
  version: number,
  versions: readonly SchemaVersion[] = SCHEMA_VERSIONS,
): Record<string, string> {
  return foldStores(versions.filter((entry) => entry.version <= version));
}

/** The tables a backup of a schema version holds: every table then, but the local and derived ones. */
export function backupTablesAt(
  version: number,
  versions: readonly SchemaVersion[] = SCHEMA_VERSIONS,
): string[] {
  const notBackedUp: readonly string[] = [...LOCAL_TABLE_NAMES, ...DERIVED_TABLE_NAMES, CLOCKS_TABLE];
  return Object.keys(storesAt(version, versions)).filter((name) => !notBackedUp.includes(name));
}

/** The first app version that wrote a schema version; undefined for one newer than this app knows. */
export function appVersionForSchema(version: number): string | undefined {
  return SCHEMA_VERSIONS.find((entry) => entry.version === version)?.appVersion;
}

/**
 * Upgrades the tables of a backup written at schema version `from` to the current version: each
 * later version in turn adds its new tables (empty), drops its deleted ones and runs its
 * upgrades. Local and derived tables are not in a backup, so their upgrades are skipped. Pure: the input is
 * not changed.
 */
export function upgradeBackupTables(
  tables: Readonly<Record<string, readonly unknown[]>>,
  from: number,
  versions: readonly SchemaVersion[] = SCHEMA_VERSIONS,
): Record<string, unknown[]> {
  const out: Record<string, unknown[]> = {};
  for (const [name, rows] of Object.entries(tables)) out[name] = [...rows];
  const local: readonly string[] = [...LOCAL_TABLE_NAMES, ...DERIVED_TABLE_NAMES, CLOCKS_TABLE];
  for (const entry of versions) {
    if (entry.version <= from) continue;
    for (const [name, spec] of Object.entries(entry.stores)) {
      if (local.includes(name)) continue;
      if (spec === null) delete out[name];
      else out[name] ??= [];
    }
    for (const [name, upgrade] of Object.entries(entry.upgrade ?? {})) {
      const rows = out[name];
      if (rows) out[name] = upgrade(rows);
    }
  }
  return out;
}

/**
 * Checks a list of versions (this module checks its own once, when it loads): versions 1, 2, 3…
 * in order, upgrades only of tables that exist at their version, and the last version's tables
 * and index specs exactly `current` (those of ./tables.ts). A table or index changed there
 * without a new version here would leave existing databases on the old schema, so the app
 * refuses to start rather than ship that. Returns the list; throws naming every problem.
 */
export function checkSchemaVersions(
  versions: readonly SchemaVersion[],
  current: Readonly<Record<string, string>> = TABLE_INDEXES,
): readonly SchemaVersion[] {
  const problems: string[] = [];
  versions.forEach((entry, i) => {
    if (entry.version !== i + 1) problems.push(`entry ${i + 1} has version ${entry.version}, not ${i + 1}`);
    const stores = foldStores(versions.slice(0, i + 1));
    for (const name of Object.keys(entry.upgrade ?? {})) {
      if (!(name in stores))
        problems.push(`version ${entry.version} upgrades "${name}", which it has no table for`);
    }
    for (const name of entry.derive ?? []) {
      if (!(name in stores) || !(DERIVED_TABLE_NAMES as readonly string[]).includes(name))
        problems.push(`version ${entry.version} derives "${name}", which is not a derived table of it`);
    }
  });
  const last = foldStores(versions);
  for (const name of new Set([...Object.keys(last), ...Object.keys(current)])) {
    if (last[name] !== current[name]) {
      problems.push(
        `the table "${name}" is ${JSON.stringify(current[name] ?? null)} in tables.ts but ` +
          `${JSON.stringify(last[name] ?? null)} after the last schema version: add a schema version`,
      );
    }
  }
  if (versions.length === 0 || problems.length > 0) {
    throw new Error(`The schema versions do not add up: ${problems.join('; ') || 'there are none'}.`);
  }
  return versions;
}

function foldStores(versions: readonly SchemaVersion[]): Record<string, string> {
  const out: Record<string, string> = {};
  for (const entry of versions) {
    for (const [name, spec] of Object.entries(entry.stores)) {
      if (spec === null) delete out[name];
      else out[name] = spec;
    }
  }
  return out;
}
