/**
 * The one list of the database's tables: for each, its stored record schema (what a record in
 * the database or in a backup must satisfy) and its Dexie index spec as of the current schema
 * version. The database class, the backup reader and writer, the list of data tables and the
 * tests all derive from this list; add a table here and in a new schema version
 * (./migrations.ts), nowhere else.
 *
 * Index specs: primary key first, then indexes (`&` = unique, `*` = multi-entry, `[a+b]` =
 * compound). They are the present; ./migrations.ts keeps the history, and refuses to load when
 * the two disagree.
 */
import { z } from 'zod';
import { appSchema, criterionSchema, goldenPathSchema } from '../domain/apps';
import { blockerSchema } from '../domain/blockers';
import { dxScoreSchema } from '../domain/dx-assessment';
import { knowledgeCreditSchema } from '../domain/knowledge-credits';
import { marketingActivitySchema } from '../domain/marketing';
import { metricSchema, metricSnapshotSchema } from '../domain/metrics';
import { cycleTotalsSchema, pairingDaySchema, pairingTotalSchema } from '../domain/pairing';
import { assignmentSchema, pairingSessionSchema, personSchema, teamSchema } from '../domain/people';
import { cycleSchema, programSchema } from '../domain/program';
import { toilAuditSchema, toilItemSchema, toilResponseSchema } from '../domain/toil';
import { toilTallySchema } from '../domain/toil-results';
import { appTallySchema } from '../domain/app-tallies';
import { recordCountSchema } from '../domain/record-counts';
import { valueStreamMapSchema } from '../domain/value-stream';
import { clockEntrySchema } from '../sync/clocks';

/** A key/value setting of this machine (theme, app-wide preferences). */
export const settingSchema = z.object({ key: z.string().min(1), value: z.unknown() });
export type Setting = z.infer<typeof settingSchema>;

/** A table of user data: part of every backup. */
function dataTable<S extends z.ZodType>(schema: S, indexes: string) {
  return { schema, indexes, inBackup: true as const, derived: false as const };
}

/** A table of this machine only (preferences): not part of a backup, kept by a restore. */
function localTable<S extends z.ZodType>(schema: S, indexes: string) {
  return { schema, indexes, inBackup: false as const, derived: false as const };
}

/**
 * A table computed from data tables (totals), kept up to date in the transaction of every write
 * to its source (renderer/db/derived.ts): not part of a backup, computed again by a restore.
 */
function derivedTable<S extends z.ZodType>(schema: S, indexes: string) {
  return { schema, indexes, inBackup: false as const, derived: true as const };
}

/**
 * The clocks of the data tables' records (shared/sync/clocks.ts), for merging workspaces: written
 * by the database with every write to a data table (renderer/db/clock-stamps.ts), carried by a
 * backup beside its tables (not as one of them), replaced by a restore. Not a data table: no
 * screen counts it and no import writes it.
 */
function clockTable<S extends z.ZodType>(schema: S, indexes: string) {
  return { schema, indexes, inBackup: false as const, derived: false as const, clocks: true as const };
}

/** Every table, in the order a backup writes them. */
export const TABLES = {
  program: dataTable(programSchema, 'id'),
  cycles: dataTable(cycleSchema, 'id, &index, status, startDate'),
  teams: dataTable(teamSchema, 'id, name, kind, externalRef'),
  people: dataTable(personSchema, 'id, name, teamId, *roles, canSeed'),
  apps: dataTable(
    appSchema,
    'id, name, teamId, stage, cycleId, externalId, *goldenPathIds, selectedOn, firstDeployOn, updatedAt',
  ),
  criteria: dataTable(criterionSchema, 'id, axis, order'),
  goldenPaths: dataTable(goldenPathSchema, 'id, name, kind'),
  assignments: dataTable(assignmentSchema, 'id, kind, personId, targetTeamId, appId, cycleId, startDate'),
  pairingSessions: dataTable(
    pairingSessionSchema,
    'id, date, *partnerIds, [personId+date], [appId+date], [teamId+date], [cycleId+date], [topic+date]',
  ),
  blockers: dataTable(
    blockerSchema,
    'id, category, status, severity, openedOn, resolvedOn, appId, teamId, cycleId, ownerId',
  ),
  toilItems: dataTable(toilItemSchema, 'id, order, kind'),
  toilAudits: dataTable(toilAuditSchema, 'id, date, teamId, appId, cycleId'),
  toilResponses: dataTable(toilResponseSchema, 'id, auditId'),
  valueStreamMaps: dataTable(valueStreamMapSchema, 'id, appId, date'),
  marketingActivities: dataTable(marketingActivitySchema, 'id, date, kind'),
  metrics: dataTable(metricSchema, 'id, &key'),
  metricSnapshots: dataTable(metricSnapshotSchema, 'id, metricId, date, [metricId+date]'),
  dxScores: dataTable(dxScoreSchema, 'id, cycleId, [cycleId+point]'),
  settings: localTable(settingSchema, 'key'),
  pairingTotals: derivedTable(pairingTotalSchema, 'id, dimension'),
  pairingDays: derivedTable(pairingDaySchema, 'id'),
  toilTallies: derivedTable(toilTallySchema, 'id'),
  appTallies: derivedTable(appTallySchema, 'id'),
  knowledgeCredits: derivedTable(knowledgeCreditSchema, 'id'),
  recordCounts: derivedTable(recordCountSchema, 'id'),
  pairingCycleTotals: derivedTable(cycleTotalsSchema, 'id'),
  clocks: clockTable(clockEntrySchema, 'id'),
} as const;

type Tables = typeof TABLES;
export type TableName = keyof Tables;
/** The tables of user data: every table but the local and the derived ones. */
export type DataTableName = { [T in TableName]: Tables[T]['inBackup'] extends true ? T : never }[TableName];
/** The tables computed from data tables. */
export type DerivedTableName = { [T in TableName]: Tables[T]['derived'] extends true ? T : never }[TableName];
/** A record as stored in a table. */
export type StoredRecord<T extends TableName> = z.output<Tables[T]['schema']>;

export const TABLE_NAMES = Object.keys(TABLES) as TableName[];

/** The tables of user data (all but settings), in the order a backup writes them. */
export const DATA_TABLE_NAMES = TABLE_NAMES.filter((name) => TABLES[name].inBackup) as DataTableName[];

/** The table of the records' clocks (see clockTable). */
export const CLOCKS_TABLE = 'clocks' satisfies TableName;

/** Tables that stay on this machine: never in a backup, kept by a restore. */
export const LOCAL_TABLE_NAMES: readonly TableName[] = TABLE_NAMES.filter(
  (name) => !TABLES[name].inBackup && !TABLES[name].derived && name !== CLOCKS_TABLE,
);

/** Tables computed from the data tables: never in a backup, computed again by a restore. */
export const DERIVED_TABLE_NAMES = TABLE_NAMES.filter((name) => TABLES[name].derived) as DerivedTableName[];

/** The stored record schema of every data table, by table name. */
export const RECORD_SCHEMAS = Object.fromEntries(
  DATA_TABLE_NAMES.map((name) => [name, TABLES[name].schema]),
) as { [T in DataTableName]: Tables[T]['schema'] };

/** The current Dexie index spec of every table, by table name. */
export const TABLE_INDEXES = Object.fromEntries(
  TABLE_NAMES.map((name) => [name, TABLES[name].indexes]),
) as Record<TableName, string>;

/** What one record and several records of each data table are called in messages. */
export const RECORD_NAMES: Record<DataTableName, { one: string; many: string }> = {
  program: { one: 'program', many: 'programs' },
  cycles: { one: 'cycle', many: 'cycles' },
  teams: { one: 'team', many: 'teams' },
  people: { one: 'person', many: 'people' },
  apps: { one: 'app', many: 'apps' },
  criteria: { one: 'criterion', many: 'criteria' },
  goldenPaths: { one: 'golden path', many: 'golden paths' },
  assignments: { one: 'assignment', many: 'assignments' },
  pairingSessions: { one: 'pairing session', many: 'pairing sessions' },
  blockers: { one: 'blocker', many: 'blockers' },
  toilItems: { one: 'toil item', many: 'toil items' },
  toilAudits: { one: 'toil audit', many: 'toil audits' },
  toilResponses: { one: 'toil response', many: 'toil responses' },
  valueStreamMaps: { one: 'value stream map', many: 'value stream maps' },
  marketingActivities: { one: 'marketing activity', many: 'marketing activities' },
  dxScores: { one: 'self-assessment score', many: 'self-assessment scores' },
  metrics: { one: 'metric', many: 'metrics' },
  metricSnapshots: { one: 'metric snapshot', many: 'metric snapshots' },
};
