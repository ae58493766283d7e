/**
 * The backup file: every record of every data table, as JSON, with a format marker, a format
 * version and the schema version of its records, so that a later app can upgrade (or an older
 * one refuse) it. Restoring replaces all data, so a backup is read with suspicion: a backup of
 * an older schema is first upgraded by the same pure upgrades the database runs
 * (shared/schema/migrations.ts), then every record of every table is checked against its
 * stored schema, ids must be unique, and any problem is reported as "table, record n, field:
 * message" before anything is written. Pure: the renderer passes its table list in and does the
 * reading and writing.
 */
import { z } from 'zod';
import { CURRENT_SCHEMA_VERSION, backupTablesAt, upgradeBackupTables } from '../schema/migrations';
import { linkedIds, REFERENCES, repairLinks } from '../schema/references';
import { RECORD_SCHEMAS, RECORD_NAMES, type DataTableName } from '../schema/tables';
import { checkTextFile } from '../import/file-checks';
import { ImportFileError } from '../import/types';
import { MAX_BACKUP_BYTES } from '../ipc/contract';
import { clockEntrySchema } from '../sync/clocks';
import type { ClockEntry } from '../sync/merge';

export const BACKUP_FORMAT = 'platform-adoption-tracker-backup';
/**
 * The version of the file's envelope (format marker, versions, metadata, tables), not of its
 * records: those carry `schemaVersion`. Format 1 (app 0.1.0) has no schemaVersion, so its
 * records are schema 1. Format 2 adds schemaVersion; it is a new format so that 0.1.0, which
 * cannot upgrade records and would drop fields it does not know, refuses these files. Later
 * schema changes need no new format: every reader from format 2 on checks schemaVersion.
 */
export const BACKUP_VERSION = 2;

/** The stored schema of each data table: what a restored record must satisfy. */
export const BACKUP_TABLE_SCHEMAS = RECORD_SCHEMAS;

export type BackupTableName = keyof typeof BACKUP_TABLE_SCHEMAS;
export const BACKUP_TABLE_NAMES = Object.keys(BACKUP_TABLE_SCHEMAS) as BackupTableName[];

export type BackupTables = { [T in BackupTableName]: z.output<(typeof BACKUP_TABLE_SCHEMAS)[T]>[] };

/**
 * Fields the database keeps unique besides the id (Dexie `&` indexes): a duplicate would fail
 * the restore halfway, so it is refused up front with a message that says where.
 */
export const UNIQUE_FIELDS: Partial<Record<BackupTableName, string[]>> = {
  cycles: ['index'],
  metrics: ['key'],
};

/** How many problems a refused backup lists; the rest are counted. */
const MAX_PROBLEMS = 10;

export interface BackupMeta {
  appVersion: string;
  /** ISO instant; now by default. */
  exportedAt?: string;
  /** The schema version of the tables' records; this app's by default. */
  schemaVersion?: number;
}

export interface Backup {
  format: typeof BACKUP_FORMAT;
  version: typeof BACKUP_VERSION;
  schemaVersion: number;
  exportedAt: string;
  appVersion: string;
  tables: Record<string, readonly unknown[]>;
  /** The records' clocks (shared/sync/clocks.ts), for a merge; written after the tables. */
  clocks?: readonly unknown[];
}

export interface ParsedBackup {
  exportedAt: string;
  appVersion: string;
  /** The schema version the file was written with; its tables are upgraded to this app's. */
  schemaVersion: number;
  tables: BackupTables;
  /** The records' clocks; none in a backup older than schema version 4. */
  clocks: ClockEntry[];
  /** Records per table, in table order. */
  counts: Record<BackupTableName, number>;
  total: number;
  /**
   * Links to records the backup does not hold (an app's team, a session's person): optional ones
   * the restore removes, required ones it keeps as they are; the first few named, as
   * "apps, record 3 (“Ledger”), teamId: the team … is not in the backup; the link is removed".
   */
  danglingLinks: { removed: number; kept: number; examples: string[] };
}

/** How many dangling links a backup's summary names one by one. */
export const DANGLING_LINK_EXAMPLES = 5;

/** A backup file that cannot be restored; the message says why, naming table, record and field. */
export class BackupFileError extends Error {
  readonly problems: string[];
  constructor(message: string, problems: string[] = []) {
    super(message);
    this.name = 'BackupFileError';
    this.problems = problems;
  }
}

/** Wraps the given tables (keyed by table name, in the order given) and clocks into a backup. */
export function makeBackup(
  tables: Record<string, readonly unknown[]>,
  meta: BackupMeta,
  clocks?: readonly unknown[],
): Backup {
  return {
    format: BACKUP_FORMAT,
    version: BACKUP_VERSION,
    schemaVersion: meta.schemaVersion ?? CURRENT_SCHEMA_VERSION,
    exportedAt: meta.exportedAt ?? new Date().toISOString(),
    appVersion: meta.appVersion,
    tables,
    ...(clocks ? { clocks } : {}),
  };
}

/**
 * The backup as text: one record per line, so the file stays readable and diffable and no line
 * grows with the size of the program.
 */
export function backupToJson(backup: Backup): string {
  const names = Object.keys(backup.tables);
  const tableLines = names.map((name, t) => {
    const rows = backup.tables[name] ?? [];
    const comma = t < names.length - 1 ? ',' : '';
    if (rows.length === 0) return `    ${JSON.stringify(name)}: []${comma}`;
    const body = rows.map((r, i) => `      ${JSON.stringify(r)}${i < rows.length - 1 ? ',' : ''}`).join('\n');
    return `    ${JSON.stringify(name)}: [\n${body}\n    ]${comma}`;
  });
  const clockLines =
    backup.clocks === undefined
      ? []
      : backup.clocks.length === 0
        ? ['  "clocks": []']
        : [
            '  "clocks": [',
            backup.clocks
              .map((c, i) => `    ${JSON.stringify(c)}${i < backup.clocks!.length - 1 ? ',' : ''}`)
              .join('\n'),
            '  ]',
          ];
  return [
    '{',
    `  "format": ${JSON.stringify(backup.format)},`,
    `  "version": ${JSON.stringify(backup.version)},`,
    `  "schemaVersion": ${JSON.stringify(backup.schemaVersion)},`,
    `  "exportedAt": ${JSON.stringify(backup.exportedAt)},`,
    `  "appVersion": ${JSON.stringify(backup.appVersion)},`,
    '  "tables": {',
    ...tableLines,
    clockLines.length > 0 ? '  },' : '  }',
    ...clockLines,
    '}',
    '',
  ].join('\n');
}

/** The checksum line of a backup file, right after its appVersion: SHA-256 of the file without this line. */
const CHECKSUM_LINE = /\n {2}"checksum": "sha256-([0-9a-f]{64})",\n/;
/** How far into a file its checksum line may be (the envelope's first lines). */
const CHECKSUM_WITHIN = 2_000;

async function sha256Hex(text: string): Promise<string> {
  const digest = await crypto.subtle.digest('SHA-256', new TextEncoder().encode(text));
  return [...new Uint8Array(digest)].map((b) => b.toString(16).padStart(2, '0')).join('');
}

/**
 * The backup file as the app writes it: backupToJson's text with a checksum line after the
 * appVersion, the SHA-256 of the text without that line, so that a file damaged or changed after
 * export is refused (verifyBackupChecksum).
 */
export async function backupFileText(backup: Backup): Promise<string> {
  const text = backupToJson(backup);
  const at = text.indexOf('\n', text.indexOf('"appVersion"'));
  const hash = await sha256Hex(text);
  return `${text.slice(0, at)}\n  "checksum": "sha256-${hash}",${text.slice(at)}`;
}

/**
 * Checks a backup file's checksum before it is read: 'verified' when it matches, 'absent' for a
 * file without one (an older app's, or one reformatted by hand, whose checksum line is gone or
 * moved). Throws a BackupFileError when the file was changed or damaged after export.
 */
export async function verifyBackupChecksum(text: string): Promise<'verified' | 'absent'> {
  const body = text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
  const match = CHECKSUM_LINE.exec(body.slice(0, CHECKSUM_WITHIN));
  if (!match) return 'absent';
  const without = body.slice(0, match.index) + '\n' + body.slice(match.index + match[0].length);
  if ((await sha256Hex(without)) !== match[1]) {
    throw new BackupFileError(
      'This backup was changed or damaged after it was exported: its checksum does not match its contents. ' +
        'Nothing was changed. Use another copy of the backup, or export it again.',
    );
  }
  return 'verified';
}

const envelopeSchema = z.object({
  exportedAt: z.string().datetime({ offset: true, error: 'exportedAt must be a date and time' }),
  appVersion: z.string({ error: 'appVersion must be text' }).max(100),
  tables: z.record(z.string(), z.unknown(), { error: 'tables must be an object of tables' }),
});

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** A backup's tables, upgraded from its schema version to this app's; a failed upgrade refuses the file. */
function upgradeTables(tables: Record<string, unknown[]>, from: number): Record<string, unknown[]> {
  if (from === CURRENT_SCHEMA_VERSION) return tables;
  try {
    return upgradeBackupTables(tables, from);
  } catch (error) {
    const detail = error instanceof Error ? error.message : String(error);
    throw new BackupFileError(
      `This backup could not be upgraded from data schema ${from} to ${CURRENT_SCHEMA_VERSION}: ${detail}. ` +
        'Nothing was changed.',
    );
  }
}

function refuse(problems: string[]): never {
  const shown = problems.slice(0, MAX_PROBLEMS);
  const more = problems.length - shown.length;
  const tail = more > 0 ? ` …and ${more} more problem${more === 1 ? '' : 's'}.` : '';
  throw new BackupFileError(
    `This backup cannot be restored: ${shown.join('; ')}.${tail} Nothing was changed.`,
    problems,
  );
}

/**
 * The schema version of a backup's records: schemaVersion, or 1 when the file has none (0.1.0
 * wrote none). Refuses a version this app cannot read, saying which app version can.
 */
function schemaVersionOf(data: Record<string, unknown>): number {
  const version = data.schemaVersion === undefined ? 1 : data.schemaVersion;
  if (typeof version !== 'number' || !Number.isInteger(version) || version < 1) {
    throw new BackupFileError('This backup has no valid schema version, so it cannot be read.');
  }
  if (version > CURRENT_SCHEMA_VERSION) {
    // This app cannot know which release introduced a newer schema, but the app that wrote the
    // backup reads it, so that version (or a later one) is what the user needs.
    const writer =
      typeof data.appVersion === 'string' && /^\d+\.\d+\.\d+\S{0,40}$/.test(data.appVersion)
        ? data.appVersion
        : undefined;
    const update = writer
      ? `It was made by version ${writer} of the app: update to ${writer} or later, then restore it.`
      : 'Update the app to its newest version, then restore it.';
    throw new BackupFileError(
      `This backup was made by a newer version of the app: its data has schema version ${version}, and this ` +
        `app reads schema versions up to ${CURRENT_SCHEMA_VERSION}. ${update}`,
    );
  }
  return version;
}

/**
 * Reads and checks a backup file. `tableNames` are the data tables the database has (the
 * renderer's DATA_TABLES); each must be in the file and nothing else may be. A backup of an
 * older schema version must have the tables of its version, and is upgraded to the current
 * version before its records are checked. Throws a {@link BackupFileError} naming every problem
 * (up to ten) when the file cannot be restored.
 */
export function parseBackup(text: string, tableNames: readonly string[] = BACKUP_TABLE_NAMES): ParsedBackup {
  try {
    // A backup is one record per line, but a hand-minified one is still a backup: no line limit.
    checkTextFile(text, { maxBytes: MAX_BACKUP_BYTES, maxLineLength: Number.MAX_SAFE_INTEGER });
  } catch (error) {
    if (error instanceof ImportFileError) throw new BackupFileError(error.message);
    throw error;
  }

  let data: unknown;
  try {
    data = JSON.parse(text.charCodeAt(0) === 0xfeff ? text.slice(1) : text);
  } catch (error) {
    const detail = error instanceof Error ? error.message : String(error);
    throw new BackupFileError(`This file is not valid JSON, so it is not a backup: ${detail}`);
  }
  if (!isRecord(data) || data.format !== BACKUP_FORMAT) {
    throw new BackupFileError(
      'This file is not a backup of this app (it has no "format": "platform-adoption-tracker-backup" marker).',
    );
  }
  const version = data.version;
  if (typeof version !== 'number' || !Number.isInteger(version) || version < 1) {
    throw new BackupFileError('This backup has no valid format version, so it cannot be read.');
  }
  if (version > BACKUP_VERSION) {
    throw new BackupFileError(
      `This backup was made by a newer version of the app (backup format ${version}; this app reads up to ` +
        `${BACKUP_VERSION}). Update the app, then restore it.`,
    );
  }
  const schemaVersion = schemaVersionOf(data);
  const envelope = envelopeSchema.safeParse(data);
  if (!envelope.success) {
    refuse(envelope.error.issues.map((i) => i.message));
  }

  const problems: string[] = [];
  const unknownNames = tableNames.filter((n) => !(n in BACKUP_TABLE_SCHEMAS));
  if (unknownNames.length > 0) {
    // A programming error, not a bad file: the database has a table this module has no schema for.
    throw new Error(`No backup schema for the table(s) ${unknownNames.join(', ')}`);
  }
  // The tables the file must have are those of the schema it was written with.
  const fileTables = schemaVersion === CURRENT_SCHEMA_VERSION ? tableNames : backupTablesAt(schemaVersion);
  for (const name of Object.keys(envelope.data.tables)) {
    if (!fileTables.includes(name)) problems.push(`it has a table "${name}" this app does not know`);
  }
  for (const name of fileTables) {
    if (!(name in envelope.data.tables)) problems.push(`the table "${name}" is missing`);
    else if (!Array.isArray(envelope.data.tables[name])) problems.push(`${name} must be a list of records`);
  }
  if (problems.length > 0) refuse(problems);
  const raw = upgradeTables(envelope.data.tables as Record<string, unknown[]>, schemaVersion);

  const tables = {} as Record<string, unknown[]>;
  const counts = {} as Record<BackupTableName, number>;
  let total = 0;
  for (const name of tableNames as readonly BackupTableName[]) {
    const schema: z.ZodType = BACKUP_TABLE_SCHEMAS[name];
    const rows = raw[name] as unknown[];
    const out: unknown[] = [];
    const seenIds = new Map<string, number>();
    const seenUnique = new Map<string, Map<unknown, number>>();
    rows.forEach((row, i) => {
      const where = `${name}, record ${i + 1}`;
      const result = schema.safeParse(row);
      if (!result.success) {
        for (const issue of result.error.issues) {
          const field = issue.path.map(String).join('.');
          problems.push(field ? `${where}, ${field}: ${issue.message}` : `${where}: ${issue.message}`);
        }
        return;
      }
      const record = result.data as Record<string, unknown> & { id: string };
      const earlier = seenIds.get(record.id);
      if (earlier !== undefined) {
        problems.push(`${where}, id: the id ${record.id} is also record ${earlier}'s`);
      } else seenIds.set(record.id, i + 1);
      for (const field of UNIQUE_FIELDS[name] ?? []) {
        const seen = seenUnique.get(field) ?? new Map<unknown, number>();
        seenUnique.set(field, seen);
        const other = seen.get(record[field]);
        if (other !== undefined) {
          problems.push(`${where}, ${field}: ${JSON.stringify(record[field])} is also record ${other}'s`);
        } else seen.set(record[field], i + 1);
      }
      out.push(record);
    });
    tables[name] = out;
    counts[name] = rows.length;
    total += rows.length;
  }
  if (counts.program > 1) {
    problems.push(`program: a backup holds at most one program, this one has ${counts.program}`);
  }
  const clocks = checkClocks(data.clocks, tables, problems);
  if (problems.length > 0) refuse(problems);
  const danglingLinks = checkLinks(tables, tableNames as readonly BackupTableName[]);

  return {
    exportedAt: envelope.data.exportedAt,
    appVersion: envelope.data.appVersion,
    schemaVersion,
    tables: tables as BackupTables,
    clocks,
    counts,
    total,
    danglingLinks,
  };
}

/**
 * The backup's clocks: each a valid entry of a table the backup has, ids unique; an entry for a
 * record that is there must not be a tombstone (a deleted record is not in a backup).
 */
function checkClocks(raw: unknown, tables: Record<string, unknown[]>, problems: string[]): ClockEntry[] {
  if (raw === undefined) return [];
  if (!Array.isArray(raw)) {
    problems.push('clocks must be a list of clock entries');
    return [];
  }
  const out: ClockEntry[] = [];
  const seen = new Set<string>();
  const present = new Map<string, Set<string>>();
  raw.forEach((row, i) => {
    const where = `clocks, entry ${i + 1}`;
    const result = clockEntrySchema.safeParse(row);
    if (!result.success) {
      for (const issue of result.error.issues) {
        const field = issue.path.map(String).join('.');
        problems.push(field ? `${where}, ${field}: ${issue.message}` : `${where}: ${issue.message}`);
      }
      return;
    }
    const entry = result.data as ClockEntry;
    if (!(entry.table in tables)) {
      problems.push(`${where}, table: "${entry.table}" is not a table of the backup`);
      return;
    }
    if (seen.has(entry.id)) problems.push(`${where}, id: ${entry.id} is there twice`);
    seen.add(entry.id);
    let ids = present.get(entry.table);
    if (!ids)
      present.set(entry.table, (ids = new Set(tables[entry.table]!.map((r) => (r as { id: string }).id))));
    if (entry.deleted !== undefined && ids.has(entry.key))
      problems.push(`${where}: the record ${entry.key} of ${entry.table} is both there and deleted`);
    out.push(entry);
  });
  return out;
}

/**
 * Links to records the backup does not hold (a hand-edited file, one from a damaged database, a
 * record kept under a name whose person is gone): an optional link, or one id of several, is
 * removed from its record (in `tables`); a required one is kept, since the record means nothing
 * without it and refusing the whole backup would lose the rest. Both are counted.
 */
function checkLinks(
  tables: Record<string, unknown[]>,
  tableNames: readonly BackupTableName[],
): ParsedBackup['danglingLinks'] {
  const ids = new Map<string, Set<string>>();
  const idsOf = (table: string) => {
    let set = ids.get(table);
    if (!set) {
      set = new Set((tables[table] ?? []).map((r) => (r as { id: string }).id));
      ids.set(table, set);
    }
    return set;
  };
  const exists = (table: DataTableName, id: string) => idsOf(table).has(id);
  const dangling = { removed: 0, kept: 0, examples: [] as string[] };
  for (const name of tableNames) {
    const refs = REFERENCES[name as DataTableName];
    const rows = tables[name];
    if (!refs || !rows) continue;
    rows.forEach((row, i) => {
      const record = row as Record<string, unknown>;
      const label =
        typeof record.name === 'string' ? record.name : typeof record.title === 'string' ? record.title : '';
      const where = `${name}, record ${i + 1}${label ? ` (“${label}”)` : ''}`;
      let repair = false;
      for (const ref of refs) {
        const missing = linkedIds(record, ref).filter((id) => !exists(ref.target, id));
        if (missing.length === 0) continue;
        const kept = ref.kind === 'required';
        if (kept) dangling.kept += missing.length;
        else {
          dangling.removed += missing.length;
          repair = true;
        }
        if (dangling.examples.length < DANGLING_LINK_EXAMPLES) {
          const names = RECORD_NAMES[ref.target];
          const what =
            missing.length === 1
              ? `the ${names.one} ${missing[0]} is`
              : `${missing.length} ${names.many} are`;
          dangling.examples.push(
            `${where}, ${ref.field}: ${what} not in the backup; ${kept ? 'kept as it is' : missing.length === 1 ? 'the link is removed' : 'the links are removed'}`,
          );
        }
      }
      if (repair) rows[i] = repairLinks(name as DataTableName, record, exists).record;
    });
  }
  return dangling;
}
