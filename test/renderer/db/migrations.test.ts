/**
 * Schema evolution on real (fake-indexeddb) databases: a database and a backup written by every
 * earlier schema version come back at the current version, every record upgraded by the pure
 * upgrades of shared/schema/migrations.ts and none lost.
 */
import Dexie from 'dexie';
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { z } from 'zod';
import { exportBackup, restoreBackup } from '../../../renderer/db/backup';
import { AdoptionDatabase, DATA_TABLES } from '../../../renderer/db/database';
import { BackupFileError, backupToJson, parseBackup } from '../../../shared/backup/backup';
import {
  CURRENT_SCHEMA_VERSION,
  backupTablesAt,
  storesAt,
  upgradeBackupTables,
} from '../../../shared/schema/migrations';
import { REFERENCES } from '../../../shared/schema/references';
import { RECORD_SCHEMAS } from '../../../shared/schema/tables';
import v1BackupText from '../../fixtures/schema-v1/backup.json?raw';
import v2BackupText from '../../fixtures/schema-v2/backup.json?raw';
import v3BackupText from '../../fixtures/schema-v3/backup.json?raw';
import v4BackupText from '../../fixtures/schema-v4/backup.json?raw';
import v5BackupText from '../../fixtures/schema-v5/backup.json?raw';
import v6BackupText from '../../fixtures/schema-v6/backup.json?raw';
import v7BackupText from '../../fixtures/schema-v7/backup.json?raw';
import v8BackupText from '../../fixtures/schema-v8/backup.json?raw';
import v9BackupText from '../../fixtures/schema-v9/backup.json?raw';
import v10BackupText from '../../fixtures/schema-v10/backup.json?raw';
import v11BackupText from '../../fixtures/schema-v11/backup.json?raw';
import {
  appTallyKeys,
  reachedDatesFromTallies,
  tallyApps,
  type TallyApp,
} from '../../../shared/domain/app-tallies';
import { reachedDates } from '../../../shared/domain/adoption';
import { KNOWLEDGE_HALF_LIFE_DAYS, type KnowledgeSession } from '../../../shared/domain/knowledge';
import { knowledgeCreditRows, type KnowledgeCreditRow } from '../../../shared/domain/knowledge-credits';
import {
  recountCycleTotals,
  recountDays,
  recountTotals,
  type SessionFacts,
} from '../../../shared/domain/pairing';
import { tallyResponses, type ResponseFacts } from '../../../shared/domain/toil-results';
import { countsByTable } from '../../../shared/domain/record-counts';
import { expectSameRows } from '../../fixtures/knowledge-credits';
import { byId, snapshot } from './db-helpers';

interface PlainRecord {
  id: string;
  [field: string]: unknown;
}
type PlainTables = Record<string, PlainRecord[]>;

/** Fixtures of every earlier schema version: a backup file as that version's app wrote it. */
const FIXTURES: Record<number, string> = {
  1: v1BackupText,
  2: v2BackupText,
  3: v3BackupText,
  4: v4BackupText,
  5: v5BackupText,
  6: v6BackupText,
  7: v7BackupText,
  8: v8BackupText,
  9: v9BackupText,
  10: v10BackupText,
  11: v11BackupText,
};

const names: string[] = [];
const opened: Dexie[] = [];
afterEach(async () => {
  vi.restoreAllMocks();
  for (const d of opened.splice(0)) d.close();
  for (const name of names.splice(0)) await Dexie.delete(name);
});

function uniqueName(): string {
  const name = `migration-test-${crypto.randomUUID()}`;
  names.push(name);
  return name;
}

function fixtureTables(version: number): PlainTables {
  return (JSON.parse(FIXTURES[version]!) as { tables: PlainTables }).tables;
}

/**
 * The fixture as a restore keeps it: the fixtures are trimmed to three records a table, so some
 * optional links point at trimmed records, and a restore removes those (a required one stays).
 */
function withoutDanglingLinks(tables: PlainTables): { tables: PlainTables; removed: number } {
  let removed = 0;
  const has = (table: string, id: unknown) => (tables[table] ?? []).some((r) => r.id === id);
  const out: PlainTables = {};
  for (const [name, rows] of Object.entries(tables)) {
    const refs = (REFERENCES[name as keyof typeof REFERENCES] ?? []).filter((r) => r.kind !== 'required');
    out[name] = rows.map((row) => {
      const next = { ...row };
      for (const { field, target, kind } of refs) {
        const value = next[field];
        if (kind === 'many' && Array.isArray(value)) {
          next[field] = value.filter((id) => has(target, id));
          removed += value.length - (next[field] as unknown[]).length;
        } else if (typeof value === 'string' && !has(target, value)) {
          next[field] = null;
          removed++;
        }
      }
      return next;
    });
  }
  return { tables: out, removed };
}

/** Writes `tables` into a new database declared exactly as schema `version` was, and closes it. */
async function writeOldDatabase(name: string, version: number, tables: PlainTables): Promise<void> {
  const old = new Dexie(name);
  old.version(version).stores(storesAt(version));
  await old.transaction('rw', old.tables, async () => {
    for (const [table, rows] of Object.entries(tables)) await old.table(table).bulkAdd(rows);
  });
  old.close();
}

/** The current database, each data table sorted by id. */
async function sortedTables(database: AdoptionDatabase): Promise<PlainTables> {
  return (await snapshot(database)) as PlainTables;
}

/** Every record of the old tables is there, upgraded, and no record is missing or added. */
function expectUpgradedFrom(actual: PlainTables, old: PlainTables, version: number): void {
  expect(Object.keys(actual).sort()).toEqual([...DATA_TABLES].sort());
  const expected = upgradeBackupTables(old, version) as PlainTables;
  for (const name of DATA_TABLES) {
    const before = old[name] ?? [];
    const after = actual[name] ?? [];
    expect(after.length, `${name} count`).toBe(before.length);
    expect(after.map((r) => r.id).sort(), `${name} ids`).toEqual(before.map((r) => r.id).sort());
    expect(after, name).toEqual([...(expected[name] ?? [])].sort(byId));
    const schema: z.ZodType = RECORD_SCHEMAS[name];
    for (const record of after)
      expect(schema.safeParse(record).error, `${name} ${record.id}`).toBeUndefined();
  }
}

describe('a database written by an earlier schema version', () => {
  it('has a fixture for every earlier version, with every table of its version', () => {
    for (let version = 1; version < CURRENT_SCHEMA_VERSION; version++) {
      expect(FIXTURES[version], `fixture of schema ${version}`).toBeDefined();
      expect(Object.keys(fixtureTables(version))).toEqual(backupTablesAt(version));
    }
  });

  it('opens at the current version with every record upgraded and none lost', async () => {
    for (let version = 1; version < CURRENT_SCHEMA_VERSION; version++) {
      const name = uniqueName();
      const old = fixtureTables(version);
      await writeOldDatabase(name, version, old);

      const database = new AdoptionDatabase(name);
      opened.push(database);
      await database.open();
      expect(database.verno).toBe(CURRENT_SCHEMA_VERSION);
      expectUpgradedFrom(await sortedTables(database), old, version);
    }
  });

  it('closes an old connection that is still open, so the upgrade is not blocked', async () => {
    vi.spyOn(console, 'warn').mockImplementation(() => undefined);
    const name = uniqueName();
    await writeOldDatabase(name, 1, fixtureTables(1));
    const old = new Dexie(name);
    old.version(1).stores(storesAt(1));
    opened.push(old);
    await old.open();

    const database = new AdoptionDatabase(name);
    opened.push(database);
    await database.open();
    expect(database.verno).toBe(CURRENT_SCHEMA_VERSION);
    expect(old.isOpen()).toBe(false);
  });
});

describe('schema version 2', () => {
  it('gives every blocker of a version-1 database its status history, every other field as it was', async () => {
    const name = uniqueName();
    const old = fixtureTables(1);
    await writeOldDatabase(name, 1, old);
    const database = new AdoptionDatabase(name);
    opened.push(database);

    const blockers = await database.blockers.toArray();
    expect(blockers.map((b) => b.status).sort()).toEqual(['mitigating', 'open', 'resolved', 'resolved']);
    for (const before of old.blockers!) {
      const after = blockers.find((b) => b.id === before.id);
      const { statusHistory, mitigation, ...rest } = after!;
      expect(rest).toEqual(before);
      expect(mitigation).toBe('');
      const { openedOn, resolvedOn } = before as PlainRecord & {
        openedOn: string;
        resolvedOn: string | null;
      };
      expect(statusHistory).toEqual(
        before.status === 'open'
          ? [{ status: 'open', on: openedOn }]
          : before.status === 'mitigating'
            ? [
                { status: 'open', on: openedOn },
                { status: 'mitigating', on: openedOn },
              ]
            : [
                { status: 'open', on: openedOn },
                { status: 'resolved', on: resolvedOn },
              ],
      );
    }
  });
});

describe('schema version 3', () => {
  it('gives every pairing session of a version-2 database no golden path, and computes the hours totals', async () => {
    const name = uniqueName();
    const old = fixtureTables(2);
    await writeOldDatabase(name, 2, old);
    const database = new AdoptionDatabase(name);
    opened.push(database);

    const sessions = await database.pairingSessions.toArray();
    expect(sessions).toHaveLength(old.pairingSessions!.length);
    for (const before of old.pairingSessions!) {
      const after = sessions.find((s) => s.id === before.id)!;
      const { goldenPathId, ...rest } = after;
      expect(goldenPathId).toBeNull();
      expect(rest).toEqual(before);
    }
    const totals = await database.pairingTotals.orderBy('id').toArray();
    expect(totals.length).toBeGreaterThan(0);
    expect(totals).toEqual(recountTotals(old.pairingSessions as unknown as SessionFacts[]));
  });

  it('computes the totals of every earlier backup it restores (a backup holds none)', async () => {
    for (let version = 1; version < CURRENT_SCHEMA_VERSION; version++) {
      const database = new AdoptionDatabase(uniqueName());
      opened.push(database);
      await restoreBackup(parseBackup(FIXTURES[version]!, DATA_TABLES), database);
      const sessions = fixtureTables(version).pairingSessions as unknown as SessionFacts[];
      expect(await database.pairingTotals.orderBy('id').toArray()).toEqual(recountTotals(sessions));
      const apps = (await database.apps.toArray()) as TallyApp[];
      expect(await database.appTallies.orderBy('id').toArray()).toEqual(tallyApps(apps).sort(byId));
      expect(Object.keys(await exportBackup(database).then((b) => b.tables))).not.toContain('pairingTotals');
      expect(Object.keys(await exportBackup(database).then((b) => b.tables))).not.toContain('appTallies');
    }
  });

  it('gives every team of a version-1 or version-2 database an empty external ref and keeps every person in the program (leftOn null), every other field as it was', async () => {
    for (const version of [1, 2]) {
      const name = uniqueName();
      const old = fixtureTables(version);
      await writeOldDatabase(name, version, old);
      const database = new AdoptionDatabase(name);
      opened.push(database);

      const teams = await database.teams.toArray();
      expect(teams).toHaveLength(old.teams!.length);
      for (const before of old.teams!) {
        const after = teams.find((t) => t.id === before.id)!;
        const { externalRef, ...rest } = after;
        expect(rest).toEqual(before);
        expect(externalRef).toBeNull();
      }
      // The new index answers: no team has a ref yet.
      expect(await database.teams.where('externalRef').above('').count()).toBe(0);

      const people = await database.people.toArray();
      expect(people).toHaveLength(old.people!.length);
      for (const before of old.people!) {
        const { leftOn, ...rest } = people.find((p) => p.id === before.id)!;
        expect(leftOn).toBeNull();
        expect(rest).toEqual(before);
      }
    }
  });

  it('finds a team by its ref once it has one', async () => {
    const name = uniqueName();
    await writeOldDatabase(name, 2, fixtureTables(2));
    const database = new AdoptionDatabase(name);
    opened.push(database);
    const [first] = await database.teams.toArray();
    await database.teams.update(first!.id, { externalRef: 'group:default/payments-team' });
    expect(
      (await database.teams.where('externalRef').equals('group:default/payments-team').toArray()).map(
        (t) => t.id,
      ),
    ).toEqual([first!.id]);
  });

  it('gives every blocker of a version-2 database an empty mitigation, every other field as it was', async () => {
    const name = uniqueName();
    const old = fixtureTables(2);
    await writeOldDatabase(name, 2, old);
    const database = new AdoptionDatabase(name);
    opened.push(database);

    const blockers = await database.blockers.toArray();
    expect(blockers).toHaveLength(old.blockers!.length);
    for (const before of old.blockers!) {
      expect(before).not.toHaveProperty('mitigation');
      expect(blockers.find((b) => b.id === before.id)).toEqual({ ...before, mitigation: '' });
    }
  });
});

describe('a backup written by an earlier schema version', () => {
  it('restores through the Data screen path with every record upgraded and none lost', async () => {
    for (let version = 1; version < CURRENT_SCHEMA_VERSION; version++) {
      const parsed = parseBackup(FIXTURES[version]!, DATA_TABLES);
      expect(parsed.schemaVersion).toBe(version);
      const kept = withoutDanglingLinks(fixtureTables(version));
      expect(kept.removed).toBeGreaterThan(0); // the trimmed fixtures do have such links
      expect(parsed.danglingLinks.removed).toBe(kept.removed);
      const database = new AdoptionDatabase(uniqueName());
      opened.push(database);
      await restoreBackup(parsed, database);
      expectUpgradedFrom(await sortedTables(database), kept.tables, version);
    }
  });

  it('comes out of a later backup of the restored database unchanged, at the current version', async () => {
    const database = new AdoptionDatabase(uniqueName());
    opened.push(database);
    await restoreBackup(parseBackup(FIXTURES[1]!, DATA_TABLES), database);
    const text = backupToJson(await exportBackup(database));
    const again = parseBackup(text, DATA_TABLES);
    expect(again.schemaVersion).toBe(CURRENT_SCHEMA_VERSION);
    expect(again.danglingLinks.removed).toBe(0);
    expectUpgradedFrom(
      again.tables as unknown as PlainTables,
      withoutDanglingLinks(fixtureTables(1)).tables,
      1,
    );
  });
});

describe('a backup written by a newer schema version', () => {
  it('is refused with the app version that reads it, and nothing changes', async () => {
    const database = new AdoptionDatabase(uniqueName());
    opened.push(database);
    await restoreBackup(parseBackup(FIXTURES[1]!, DATA_TABLES), database);
    const before = await snapshot(database);

    const newer = JSON.parse(backupToJson(await exportBackup(database))) as Record<string, unknown>;
    newer.schemaVersion = 99;
    newer.appVersion = '7.1.0';
    const error = (() => {
      try {
        parseBackup(JSON.stringify(newer), DATA_TABLES);
      } catch (e) {
        return e;
      }
    })();
    expect(error).toBeInstanceOf(BackupFileError);
    expect((error as Error).message).toMatch(
      /newer version of the app: its data has schema version 99.*update to 7\.1\.0 or later/,
    );
    expect(await snapshot(database)).toEqual(before);
  });
});

describe('schema version 6', () => {
  it('computes the toil tallies of a version-5 database from its responses', async () => {
    const name = uniqueName();
    const old = fixtureTables(5);
    await writeOldDatabase(name, 5, old);
    const database = new AdoptionDatabase(name);
    opened.push(database);
    const tallies = await database.toilTallies.toArray();
    expect(old.toilResponses!.length).toBeGreaterThan(0);
    expect(tallies.sort(byId)).toEqual(
      tallyResponses(old.toilResponses as unknown as ResponseFacts[]).sort(byId),
    );
  });
});

describe('schema version 7', () => {
  it('computes the pairing sessions per day of a version-6 database from its sessions', async () => {
    const name = uniqueName();
    const old = fixtureTables(6);
    await writeOldDatabase(name, 6, old);
    const database = new AdoptionDatabase(name);
    opened.push(database);
    expect(old.pairingSessions!.length).toBeGreaterThan(0);
    expect(await database.pairingDays.orderBy('id').toArray()).toEqual(
      recountDays(old.pairingSessions as unknown as SessionFacts[]),
    );
  });
});

describe('schema version 8', () => {
  it('computes the apps’ tallies of a version-7 database from its apps', async () => {
    const name = uniqueName();
    const old = fixtureTables(7);
    await writeOldDatabase(name, 7, old);
    const database = new AdoptionDatabase(name);
    opened.push(database);
    const apps = old.apps as unknown as TallyApp[];
    expect(apps.some((a) => a.stage === 'on-platform')).toBe(true);
    const tallies = await database.appTallies.orderBy('id').toArray();
    expect(tallies).toEqual(tallyApps(apps).sort(byId));
    // Two apps on the platform, in cycles: counted per cycle, per stage and per step reached.
    expect(tallies.find((t) => t.id === 'stage|on-platform')?.count).toBe(2);
    const production = tallies.filter((t) => t.id.startsWith('reached|production|'));
    expect(production.reduce((n, t) => n + t.count, 0)).toBe(2);
  });
});

describe('schema version 9', () => {
  it('computes the knowledge map’s summary of the sessions of a version-8 database, equal to a recount', async () => {
    const name = uniqueName();
    const old = fixtureTables(8);
    await writeOldDatabase(name, 8, old);
    const database = new AdoptionDatabase(name);
    opened.push(database);
    const rows = await database.knowledgeCredits.toArray();
    const sessions = old.pairingSessions as unknown as KnowledgeSession[];
    expect(sessions.length).toBeGreaterThan(0);
    // The fixture's sessions name an app, golden paths and partners: every kind of row is there.
    expect(new Set(rows.map((r) => r.row))).toEqual(new Set(['credit', 'learner', 'teacher']));
    expectSameRows(rows, knowledgeCreditRows(sessions, KNOWLEDGE_HALF_LIFE_DAYS), '2026-12-04');
  });

  it('computes the summary when it restores a backup of every earlier version, and never exports it', async () => {
    for (let version = 1; version < CURRENT_SCHEMA_VERSION; version++) {
      const database = new AdoptionDatabase(uniqueName());
      opened.push(database);
      await restoreBackup(parseBackup(FIXTURES[version]!, DATA_TABLES), database);
      const restored = await database.pairingSessions.toArray();
      const rows: KnowledgeCreditRow[] = await database.knowledgeCredits.toArray();
      expect(rows.length, `version ${version}`).toBeGreaterThan(0);
      expectSameRows(rows, knowledgeCreditRows(restored, KNOWLEDGE_HALF_LIFE_DAYS), '2026-12-04');
      expect(Object.keys(await exportBackup(database).then((b) => b.tables))).not.toContain(
        'knowledgeCredits',
      );
    }
  });
});

describe('schema version 10', () => {
  it('counts the records of every data table of a version-9 database', async () => {
    const name = uniqueName();
    const old = fixtureTables(9);
    await writeOldDatabase(name, 9, old);
    const database = new AdoptionDatabase(name);
    opened.push(database);
    const counts = countsByTable(DATA_TABLES, await database.recordCounts.toArray());
    const stored = await Promise.all(DATA_TABLES.map((table) => database.table(table).count()));
    expect(counts).toEqual(Object.fromEntries(DATA_TABLES.map((table, i) => [table, stored[i]])));
    expect(counts.apps).toBe(old.apps!.length);
    expect(Object.values(counts).filter((n) => n > 0).length).toBeGreaterThan(5);
  });

  it('counts the records when it restores a backup of every earlier version, and never exports them', async () => {
    for (let version = 1; version < CURRENT_SCHEMA_VERSION; version++) {
      const database = new AdoptionDatabase(uniqueName());
      opened.push(database);
      await restoreBackup(parseBackup(FIXTURES[version]!, DATA_TABLES), database);
      const counts = countsByTable(DATA_TABLES, await database.recordCounts.toArray());
      const stored = await Promise.all(DATA_TABLES.map((table) => database.table(table).count()));
      expect(counts, `version ${version}`).toEqual(
        Object.fromEntries(DATA_TABLES.map((table, i) => [table, stored[i]])),
      );
      expect(counts.pairingSessions, `version ${version}`).toBeGreaterThan(0);
      expect(Object.keys(await exportBackup(database).then((b) => b.tables))).not.toContain('recordCounts');
    }
  });
});

describe('schema version 11', () => {
  it("keeps each cycle's pairing totals for a version-10 database, equal to a recount of its sessions", async () => {
    const name = uniqueName();
    await writeOldDatabase(name, 10, fixtureTables(10));
    const database = new AdoptionDatabase(name);
    opened.push(database);
    const kept = await database.pairingCycleTotals.toArray();
    expect(kept.length).toBeGreaterThan(0);
    expect(kept).toEqual(recountCycleTotals((await database.pairingSessions.toArray()) as SessionFacts[]));
  });

  it('keeps them when it restores a backup of every earlier version, and never exports them', async () => {
    for (let version = 1; version < CURRENT_SCHEMA_VERSION; version++) {
      const database = new AdoptionDatabase(uniqueName());
      opened.push(database);
      await restoreBackup(parseBackup(FIXTURES[version]!, DATA_TABLES), database);
      const sessions = (await database.pairingSessions.toArray()) as SessionFacts[];
      expect(
        sessions.some((s) => s.cycleId !== null),
        `version ${version}`,
      ).toBe(true);
      expect(await database.pairingCycleTotals.toArray(), `version ${version}`).toEqual(
        recountCycleTotals(sessions),
      );
      expect(Object.keys(await exportBackup(database).then((b) => b.tables))).not.toContain(
        'pairingCycleTotals',
      );
    }
  });
});

describe('schema version 12', () => {
  it('counts the apps’ days reached and times to hello world one row per month, replacing the rows per day', async () => {
    const name = uniqueName();
    const old = fixtureTables(11);
    const apps = old.apps as unknown as TallyApp[];
    // Version 11 kept a row per day ("reached|<step>|<date>"): written as that app did.
    const perDay = new Map<string, number>();
    for (const app of apps) {
      for (const key of appTallyKeys(app)) {
        const day = key.replace(/^(reached\|[^|]+\|\d{4}-\d{2})#(\d{2})$/, '$1-$2');
        perDay.set(day, (perDay.get(day) ?? 0) + 1);
      }
    }
    const v11Tallies = [...perDay].map(([id, count]) => ({ id, count }));
    expect(v11Tallies.some((t) => /^reached\|production\|\d{4}-\d{2}-\d{2}$/.test(t.id))).toBe(true);
    await writeOldDatabase(name, 11, { ...old, appTallies: v11Tallies });
    const database = new AdoptionDatabase(name);
    opened.push(database);
    const tallies = await database.appTallies.orderBy('id').toArray();
    expect(tallies).toEqual(tallyApps(apps).sort(byId));
    expect(tallies.some((t) => /\d{4}-\d{2}-\d{2}/.test(t.id))).toBe(false);
    expect(reachedDatesFromTallies(tallies)).toEqual(reachedDates(apps));
  });
});
