/** The table list and the ordered schema versions: one source that adds up, and backup tables upgraded version by version. */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import {
  CURRENT_SCHEMA_VERSION,
  SCHEMA_VERSIONS,
  appVersionForSchema,
  backupTablesAt,
  checkSchemaVersions,
  storesAt,
  upgradeBackupTables,
  type SchemaVersion,
} from '../../shared/schema/migrations';
import {
  DATA_TABLE_NAMES,
  DERIVED_TABLE_NAMES,
  LOCAL_TABLE_NAMES,
  RECORD_SCHEMAS,
  TABLES,
  TABLE_INDEXES,
  TABLE_NAMES,
} from '../../shared/schema/tables';

/** Compares two `major.minor.patch` versions: negative when a is earlier. */
function compareVersions(a: string, b: string): number {
  const [x, y] = [a, b].map((v) => v.split('.').map(Number)) as [number[], number[]];
  for (let i = 0; i < 3; i++) if (x[i] !== y[i]) return x[i]! - y[i]!;
  return 0;
}

describe('the table list', () => {
  it('keeps settings on this machine, totals derived, and every other table in backups, in list order', () => {
    expect(LOCAL_TABLE_NAMES).toEqual(['settings']);
    expect(DERIVED_TABLE_NAMES).toEqual([
      'pairingTotals',
      'pairingDays',
      'toilTallies',
      'appTallies',
      'knowledgeCredits',
      'recordCounts',
      'pairingCycleTotals',
    ]);
    // The clocks travel in a backup beside its tables, not as one of them (shared/sync/clocks.ts).
    expect(DATA_TABLE_NAMES).toEqual(
      TABLE_NAMES.filter(
        (name) =>
          ![
            'settings',
            'pairingTotals',
            'pairingDays',
            'toilTallies',
            'appTallies',
            'knowledgeCredits',
            'recordCounts',
            'pairingCycleTotals',
            'clocks',
          ].includes(name),
      ),
    );
    expect(Object.keys(RECORD_SCHEMAS)).toEqual(DATA_TABLE_NAMES);
    for (const name of DATA_TABLE_NAMES) expect(RECORD_SCHEMAS[name]).toBe(TABLES[name].schema);
  });

  it('gives every table a string primary key named first in its index spec', () => {
    for (const name of TABLE_NAMES) {
      const primaryKey = TABLE_INDEXES[name].split(',')[0]?.trim();
      expect(primaryKey, name).toBe(name === 'settings' ? 'key' : 'id');
    }
  });
});

describe('the schema versions', () => {
  it('are numbered 1, 2, 3… and end at the current version', () => {
    expect(SCHEMA_VERSIONS.map((v) => v.version)).toEqual(SCHEMA_VERSIONS.map((_, i) => i + 1));
    expect(CURRENT_SCHEMA_VERSION).toBe(SCHEMA_VERSIONS.at(-1)?.version);
  });

  it('end at exactly the tables and indexes of the table list', () => {
    expect(storesAt(CURRENT_SCHEMA_VERSION)).toEqual(TABLE_INDEXES);
    expect(backupTablesAt(CURRENT_SCHEMA_VERSION)).toEqual(DATA_TABLE_NAMES);
  });

  it('name the first app version that wrote each schema, in increasing order, up to this app', () => {
    expect(appVersionForSchema(1)).toBe('0.1.0');
    expect(appVersionForSchema(2)).toBe('0.2.0');
    expect(appVersionForSchema(3)).toBe('0.3.0');
    expect(appVersionForSchema(4)).toBe('0.4.0');
    expect(appVersionForSchema(5)).toBe('0.5.0');
    expect(appVersionForSchema(6)).toBe('0.6.0');
    expect(appVersionForSchema(7)).toBe('0.7.0');
    expect(appVersionForSchema(8)).toBe('0.8.0');
    expect(appVersionForSchema(9)).toBe('0.9.0');
    expect(appVersionForSchema(CURRENT_SCHEMA_VERSION + 1)).toBeUndefined();
    const pkg = JSON.parse(readFileSync(new URL('../../package.json', import.meta.url), 'utf8')) as {
      version: string;
    };
    const appVersions = [...SCHEMA_VERSIONS.map((v) => v.appVersion), pkg.version];
    appVersions.slice(1).forEach((later, i) => {
      const earlier = appVersions[i]!;
      expect(compareVersions(earlier, later), `${earlier} before ${later}`).toBeLessThanOrEqual(0);
      if (i < SCHEMA_VERSIONS.length - 1) expect(earlier).not.toBe(later);
    });
  });

  it('refuse to load when a table changed without a new version, with a message that says what to do', () => {
    const changed = { ...TABLE_INDEXES, blockers: `${TABLE_INDEXES.blockers}, title` };
    expect(() => checkSchemaVersions(SCHEMA_VERSIONS, changed)).toThrow(
      /the table "blockers" is ".*, title" in tables\.ts but ".*ownerId" after the last schema version: add a schema version/,
    );
    const added = { ...TABLE_INDEXES, risks: 'id' };
    expect(() => checkSchemaVersions(SCHEMA_VERSIONS, added)).toThrow(
      /the table "risks" is "id" in tables\.ts but null/,
    );
  });

  it('refuse gaps in the numbering and upgrades of tables that do not exist', () => {
    const skipped = SCHEMA_VERSIONS.length + 2;
    const gap: SchemaVersion = { version: skipped, appVersion: '9.0.0', change: 'x', stores: {} };
    expect(() => checkSchemaVersions([...SCHEMA_VERSIONS, gap])).toThrow(`has version ${skipped}, not`);
    const ghost: SchemaVersion = {
      version: SCHEMA_VERSIONS.length + 1,
      appVersion: '9.0.0',
      change: 'x',
      stores: {},
      upgrade: { ghosts: (rows) => [...rows] },
    };
    expect(() => checkSchemaVersions([...SCHEMA_VERSIONS, ghost])).toThrow(
      /upgrades "ghosts", which it has no table for/,
    );
  });
});

describe('upgrading the tables of a backup', () => {
  // A made-up history: version 2 adds "risks" and upgrades teams, version 3 deletes "risks"
  // and renames a field of apps. Settings' upgrade never runs on a backup.
  const history: SchemaVersion[] = [
    {
      version: 1,
      appVersion: '1.0.0',
      change: 'first',
      stores: { teams: 'id', apps: 'id', settings: 'key' },
    },
    {
      version: 2,
      appVersion: '2.0.0',
      change: 'risks; team size',
      stores: { risks: 'id' },
      upgrade: {
        teams: (rows) => rows.map((r) => ({ ...(r as object), size: 0 })),
        settings: () => {
          throw new Error('settings are not in a backup');
        },
      },
    },
    {
      version: 3,
      appVersion: '3.0.0',
      change: 'no risks; apps.title',
      stores: { risks: null },
      upgrade: {
        apps: (rows) =>
          rows.map((r) => {
            const { name, ...rest } = r as { name: string };
            return { ...rest, title: name };
          }),
      },
    },
  ];

  it('runs every later version in order: new tables empty, deleted tables dropped, records upgraded', () => {
    const v1 = { teams: [{ id: 't' }], apps: [{ id: 'a', name: 'Ledger' }] };
    expect(backupTablesAt(1, history)).toEqual(['teams', 'apps']);
    expect(upgradeBackupTables(v1, 1, history)).toEqual({
      teams: [{ id: 't', size: 0 }],
      apps: [{ id: 'a', title: 'Ledger' }],
    });
    expect(upgradeBackupTables({ ...v1, risks: [{ id: 'r' }] }, 2, history)).toEqual({
      teams: [{ id: 't' }],
      apps: [{ id: 'a', title: 'Ledger' }],
    });
    expect(upgradeBackupTables(v1, 1, history.slice(0, 2))).toMatchObject({ risks: [] });
  });

  it('leaves the tables it was given as they were', () => {
    const v1 = { teams: [{ id: 't' }], apps: [{ id: 'a', name: 'Ledger' }] };
    const copy = structuredClone(v1);
    upgradeBackupTables(v1, 1, history);
    expect(v1).toEqual(copy);
  });

  it('changes nothing in a backup of the current version', () => {
    const current = { teams: [{ id: 't', size: 3 }], apps: [{ id: 'a', title: 'Ledger' }] };
    expect(upgradeBackupTables(current, 3, history)).toEqual(current);
  });
});

describe('schema version 3: teams keep their catalog ref, blockers their mitigation', () => {
  it('gives a team of an older backup an empty ref and leaves everything else as it was', () => {
    const team = { id: 't', name: 'Payments', kind: 'product', notes: 'Squad' };
    const upgraded = upgradeBackupTables({ teams: [team], apps: [{ id: 'a' }] }, 2);
    expect(upgraded.teams).toEqual([{ ...team, externalRef: null }]);
    expect(upgraded.apps).toEqual([{ id: 'a' }]);
    expect(upgradeBackupTables({ teams: [team] }, 1).teams).toEqual([{ ...team, externalRef: null }]);
  });

  it('gives a blocker of an older backup an empty mitigation in the same step, keeping one it has', () => {
    const blocker = { id: 'b', title: 'No pipeline', status: 'open', notes: 'Raised at the retro' };
    const team = { id: 't', name: 'Payments', kind: 'product' };
    const upgraded = upgradeBackupTables({ teams: [team], blockers: [blocker] }, 2);
    expect(upgraded.blockers).toEqual([{ ...blocker, mitigation: '' }]);
    expect(upgraded.teams).toEqual([{ ...team, externalRef: null }]);
    const kept = { ...blocker, mitigation: 'Pairing daily' };
    expect(upgradeBackupTables({ blockers: [kept] }, 2).blockers).toEqual([kept]);
  });

  it('keeps a ref a team already has, and leaves what is not a record for the check to report', () => {
    const linked = { id: 't', name: 'Team B', kind: 'product', externalRef: 'group:default/team-b' };
    expect(upgradeBackupTables({ teams: [linked, 'a team', null] }, 2).teams).toEqual([
      linked,
      'a team',
      null,
    ]);
  });
});
