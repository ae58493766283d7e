/**
 * The one IndexedDB database, through Dexie. Every table of the domain lives here, with the
 * indexes the screens query by.
 *
 * Versions are append-only: to change the schema, add `this.version(n + 1).stores({...})` with
 * only the changed tables, and an `.upgrade()` that calls a pure transform from shared/domain
 * (unit-tested there). Never edit a released version: browsers that already opened it keep it.
 */
import Dexie, { type Table } from 'dexie';
import type {
  App,
  Assignment,
  Blocker,
  Criterion,
  Cycle,
  GoldenPath,
  MarketingActivity,
  Metric,
  MetricSnapshot,
  PairingSession,
  Person,
  Program,
  Team,
  ToilAudit,
  ToilItem,
  ToilResponse,
  ValueStreamMap,
} from '../../shared/domain';

export const DB_NAME = 'platform-adoption-tracker';

/** A key/value setting (theme, app-wide preferences). */
export interface Setting {
  key: string;
  value: unknown;
}

/** Version 1 of the schema: primary key first, then indexes (`*` = multi-entry, `[a+b]` = compound). */
export const SCHEMA_V1 = {
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
} as const;

export type TableName = keyof typeof SCHEMA_V1;

/** Tables that hold user data (all but settings), in the order a backup writes them. */
export const DATA_TABLES = Object.keys(SCHEMA_V1).filter((t) => t !== 'settings') as Exclude<
  TableName,
  'settings'
>[];

// Tables are typed `Table<T, string>`, not `EntityTable`: every record arrives with its UUID
// already set (never auto-generated), so inserts must carry the id too.
export class AdoptionDatabase extends Dexie {
  program!: Table<Program, string>;
  cycles!: Table<Cycle, string>;
  teams!: Table<Team, string>;
  people!: Table<Person, string>;
  apps!: Table<App, string>;
  criteria!: Table<Criterion, string>;
  goldenPaths!: Table<GoldenPath, string>;
  assignments!: Table<Assignment, string>;
  pairingSessions!: Table<PairingSession, string>;
  blockers!: Table<Blocker, string>;
  toilItems!: Table<ToilItem, string>;
  toilAudits!: Table<ToilAudit, string>;
  toilResponses!: Table<ToilResponse, string>;
  valueStreamMaps!: Table<ValueStreamMap, string>;
  marketingActivities!: Table<MarketingActivity, string>;
  metrics!: Table<Metric, string>;
  metricSnapshots!: Table<MetricSnapshot, string>;
  settings!: Table<Setting, string>;

  constructor(name: string = DB_NAME) {
    super(name);
    this.version(1).stores(SCHEMA_V1);
  }

  /** Every table of user data (all but settings), for work that replaces or reads all of it. */
  dataTables(): Table<unknown, string>[] {
    return DATA_TABLES.map((name) => this.table(name));
  }
}

/** The app's database. Tests make their own with `new AdoptionDatabase(uniqueName)`. */
export const db = new AdoptionDatabase();
