/** The backup file: a round trip of the demo program, and every kind of bad file refused with a message that says where. */
import { describe, expect, it } from 'vitest';
import {
  BACKUP_FORMAT,
  BACKUP_TABLE_NAMES,
  BACKUP_VERSION,
  BackupFileError,
  backupToJson,
  makeBackup,
  parseBackup,
  type BackupTableName,
} from '../../shared/backup/backup';
import { generateDemoProgram, type DemoDataset } from '../../shared/demo/generate';
import { CURRENT_SCHEMA_VERSION } from '../../shared/schema/migrations';

const dataset: DemoDataset = generateDemoProgram({ today: '2026-03-15' });
const tables = dataset as unknown as Record<string, readonly unknown[]>;
const META = { appVersion: '1.2.3', exportedAt: '2026-03-15T10:00:00.000Z' };

type Editable = Record<string, unknown> & {
  tables: Record<BackupTableName, unknown[]> & Record<string, unknown>;
};

/** The demo backup as a plain object, to break on purpose. */
function demoBackup(): Editable {
  return JSON.parse(backupToJson(makeBackup(tables, META))) as Editable;
}

function refusal(text: string): string {
  try {
    parseBackup(text);
  } catch (error) {
    expect(error).toBeInstanceOf(BackupFileError);
    return (error as Error).message;
  }
  throw new Error('the backup was accepted');
}

describe('backup files', () => {
  it('round-trips the demo program through JSON', () => {
    const text = backupToJson(makeBackup(tables, META));
    const parsed = parseBackup(text, BACKUP_TABLE_NAMES);
    expect(parsed.tables).toEqual(dataset);
    expect(parsed.exportedAt).toBe(META.exportedAt);
    expect(parsed.appVersion).toBe('1.2.3');
    expect(parsed.counts.apps).toBe(dataset.apps.length);
    expect(parsed.counts.program).toBe(1);
    expect(parsed.total).toBe(Object.values(dataset).reduce((n, rows: unknown[]) => n + rows.length, 0));
    // One record per line: no line grows with the program.
    const longest = Math.max(...text.split('\n').map((l) => l.length));
    expect(longest).toBeLessThan(20_000);
  });

  it('removes links to records the backup does not hold, and says which', () => {
    const backup = demoBackup();
    const apps = backup.tables.apps as { name: string; teamId: string | null; goldenPathIds: string[] }[];
    const teams = backup.tables.teams as { id: string }[];
    const linked = apps.findIndex((a) => a.teamId !== null && a.goldenPathIds.length > 0);
    const app = apps[linked]!;
    const team = teams.find((t) => t.id === app.teamId)!;
    const noSuchTeam = crypto.randomUUID();
    app.teamId = noSuchTeam;
    app.goldenPathIds = [...app.goldenPathIds, crypto.randomUUID(), crypto.randomUUID()];
    const parsed = parseBackup(JSON.stringify(backup));
    const restored = (
      parsed.tables.apps as { name: string; teamId: string | null; goldenPathIds: string[] }[]
    )[linked]!;
    expect(restored.teamId).toBeNull();
    expect(restored.goldenPathIds).toEqual(app.goldenPathIds.slice(0, -2));
    expect(parsed.danglingLinks).toEqual({
      removed: 3,
      kept: 0,
      examples: [
        `apps, record ${linked + 1} (“${app.name}”), teamId: the team ${noSuchTeam} is not in the backup; the link is removed`,
        `apps, record ${linked + 1} (“${app.name}”), goldenPathIds: 2 golden paths are not in the backup; the links are removed`,
      ],
    });
    // The team itself is still there, and nothing else was touched.
    expect(parsed.tables.teams).toContainEqual(team);
    // The demo's own backup has none.
    expect(parseBackup(backupToJson(makeBackup(tables, META))).danglingLinks).toEqual({
      removed: 0,
      kept: 0,
      examples: [],
    });
  });

  it('keeps a record whose required link points at nothing, and says so', () => {
    const backup = demoBackup();
    const sessions = backup.tables.pairingSessions as { personId: string }[];
    const nobody = crypto.randomUUID();
    sessions[4]!.personId = nobody;
    const parsed = parseBackup(JSON.stringify(backup));
    expect((parsed.tables.pairingSessions[4] as { personId: string }).personId).toBe(nobody);
    expect(parsed.danglingLinks).toEqual({
      removed: 0,
      kept: 1,
      examples: [
        `pairingSessions, record 5, personId: the person ${nobody} is not in the backup; kept as it is`,
      ],
    });
  });

  it('reads a minified backup too', () => {
    const text = JSON.stringify(makeBackup(tables, META));
    expect(parseBackup(text).counts.cycles).toBe(dataset.cycles.length);
  });

  it('refuses empty, binary and non-JSON files', () => {
    expect(refusal('')).toMatch(/empty/);
    expect(refusal('\0\0\0PK')).toMatch(/binary/);
    expect(refusal('{"format": ')).toMatch(/not valid JSON/);
  });

  it('refuses a file that is not a backup of this app', () => {
    expect(refusal('{"name": "x"}')).toMatch(/not a backup of this app/);
    expect(refusal('[1, 2]')).toMatch(/not a backup of this app/);
  });

  it('refuses a backup made by a newer version of the app', () => {
    const backup = demoBackup();
    backup.version = BACKUP_VERSION + 1;
    expect(refusal(JSON.stringify(backup))).toMatch(/made by a newer version of the app/);
  });

  it('records the schema version of its records, and reads it back', () => {
    const text = backupToJson(makeBackup(tables, META));
    expect(JSON.parse(text)).toMatchObject({
      version: BACKUP_VERSION,
      schemaVersion: CURRENT_SCHEMA_VERSION,
    });
    expect(parseBackup(text).schemaVersion).toBe(CURRENT_SCHEMA_VERSION);
  });

  it('refuses a backup of a newer schema version, naming the app version that reads it', () => {
    const backup = demoBackup();
    backup.schemaVersion = 99;
    backup.appVersion = '3.4.0';
    const message = refusal(JSON.stringify(backup));
    expect(message).toContain(
      `This backup was made by a newer version of the app: its data has schema version 99, and this app ` +
        `reads schema versions up to ${CURRENT_SCHEMA_VERSION}.`,
    );
    expect(message).toContain(
      'It was made by version 3.4.0 of the app: update to 3.4.0 or later, then restore it.',
    );
    backup.appVersion = '';
    expect(refusal(JSON.stringify(backup))).toContain(
      'Update the app to its newest version, then restore it.',
    );
  });

  it('refuses a schema version that is not a whole number from 1', () => {
    for (const schemaVersion of ['2', 0, 1.5, null]) {
      const backup = demoBackup();
      backup.schemaVersion = schemaVersion;
      expect(refusal(JSON.stringify(backup))).toMatch(/no valid schema version/);
    }
  });

  it('refuses a bad version and bad metadata', () => {
    expect(refusal(JSON.stringify({ format: BACKUP_FORMAT, version: '1' }))).toMatch(
      /no valid format version/,
    );
    const backup = demoBackup();
    backup.exportedAt = 'yesterday';
    expect(refusal(JSON.stringify(backup))).toMatch(/exportedAt must be a date and time/);
  });

  it('names the table, the record number and the field of a bad record', () => {
    const backup = demoBackup();
    const cycle = backup.tables.cycles[2] as { startDate: string; endDate: string };
    cycle.endDate = cycle.startDate;
    const app = backup.tables.apps[4] as { name: string };
    app.name = '';
    const message = refusal(JSON.stringify(backup));
    expect(message).toContain('cycles, record 3, endDate: End date must be after the start date');
    expect(message).toMatch(/apps, record 5, name: .*required/);
    expect(message).toMatch(/Nothing was changed/);
  });

  it('names a record that is not an object and a bad id', () => {
    const backup = demoBackup();
    backup.tables.teams[0] = 'a team';
    (backup.tables.people[1] as { id: string }).id = 'not-an-id';
    const message = refusal(JSON.stringify(backup));
    expect(message).toMatch(/teams, record 1: /);
    expect(message).toContain('people, record 2, id: must be an id (UUID)');
  });

  it('refuses duplicate ids and duplicate unique keys', () => {
    const backup = demoBackup();
    const first = backup.tables.apps[0] as { id: string };
    (backup.tables.apps[6] as { id: string }).id = first.id;
    const metric = backup.tables.metrics[0] as { key: string };
    (backup.tables.metrics[1] as { key: string }).key = metric.key;
    const message = refusal(JSON.stringify(backup));
    expect(message).toContain(`apps, record 7, id: the id ${first.id} is also record 1's`);
    expect(message).toContain(`metrics, record 2, key: "${metric.key}" is also record 1's`);
  });

  it('refuses more than one program', () => {
    const backup = demoBackup();
    const program = backup.tables.program[0] as { id: string };
    backup.tables.program.push({ ...program, id: crypto.randomUUID() });
    expect(refusal(JSON.stringify(backup))).toContain(
      'program: a backup holds at most one program, this one has 2',
    );
  });

  it('refuses unknown tables, missing tables and tables that are not lists', () => {
    const backup = demoBackup();
    backup.tables.secrets = [];
    delete (backup.tables as Record<string, unknown>).blockers;
    (backup.tables as Record<string, unknown>).toilItems = { a: 1 };
    const message = refusal(JSON.stringify(backup));
    expect(message).toContain('it has a table "secrets" this app does not know');
    expect(message).toContain('the table "blockers" is missing');
    expect(message).toContain('toilItems must be a list of records');
  });

  it('lists at most ten problems and counts the rest', () => {
    const backup = demoBackup();
    for (const app of backup.tables.apps.slice(0, 15)) (app as { name: string }).name = '';
    const message = refusal(JSON.stringify(backup));
    expect(message).toMatch(/and 5 more problems/);
  });
});
