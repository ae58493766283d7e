/**
 * The Pairing area's reads: hooks over useLiveQuery, so a session logged anywhere (quick entry,
 * another window) shows at once. Nothing here reads all 200,000 sessions:
 *
 * - the session log reads through an index: with no filter, or one of app, team, cycle or
 *   topic (with or without dates), it reads only the page in view (`[field+date]` indexes,
 *   newest first) and takes the count from the totals (with dates alone: from the sessions per
 *   day, kept the same way; with an entity and dates: counts that entity's index range);
 *   with a person, or several filters, it reads the
 *   sessions of the most selective one (an app's, a person's…) and filters those in memory;
 * - hours come from the totals kept with every write (renderer/db/derived.ts), or, for one
 *   cycle, from that cycle's sessions;
 * - stale onboarding apps from the onboarding apps and their totals' latest dates.
 *
 * The loaders are exported for the data-module tests and the benchmark.
 */
import { useMemo } from 'react';
import { useLiveQuery } from 'dexie-react-hooks';
import type { Collection } from 'dexie';
import {
  currentAssignment,
  sumDays,
  staleOnboardingApps,
  totalId,
  DIMENSION_OF_FIELD,
  totalsOf,
  type App,
  type Assignment,
  type Cycle,
  type GoldenPath,
  type IsoDate,
  type PairingSession,
  type PairingTotal,
  type Person,
  type SessionFilter,
  type StaleApp,
  type Team,
  type TotalDimension,
} from '../../../../shared/domain';
import { useDatabase } from '../../../db/DatabaseContext';
import { keptQuery } from '../../../db/kept-query';
import type { AdoptionDatabase } from '../../../db/database';
import { hoursPerCycle, type CycleHours } from '../../../../shared/domain/area-overview';
import { maxLoadSetting, meSchema, settingValue, SETTING_KEYS } from './preferences';
import { INDEXED, readFilteredLog, runSessionJob, type SessionReader } from './session-reads';

const LOW = '';
const HIGH = '\uffff';

// --- Reference data ----------------------------------------------------------------------------

// Kept (renderer/db/kept-query.ts): 5,000 people, 1,000 teams and 4,000 assignments at scale,
// read once for the pairing screens, quick entry and the cycle's pairing on Plan, not again on
// every visit.
const useKeptPeople = keptQuery((db) => db.people.orderBy('name').toArray());
const useKeptTeams = keptQuery((db) => db.teams.orderBy('name').toArray());
const useKeptAssignments = keptQuery((db) => db.assignments.orderBy('startDate').toArray());

/** Everyone, by name. */
export function usePeople(): Person[] | undefined {
  return useKeptPeople(useDatabase());
}

/** Every team, by name. */
export function useTeams(): Team[] | undefined {
  return useKeptTeams(useDatabase());
}

/** Separates ids in a key (ids are uuids or import keys: never a control character). */
const ID_SEPARATOR = '\u001f';
/** Separates lists of ids in a key. */
const LIST_SEPARATOR = '\u001e';

/** The cycles in time order. */
export function useCycles(): Cycle[] | undefined {
  const db = useDatabase();
  return useLiveQuery(() => db.cycles.orderBy('index').toArray(), [db]);
}

export function useGoldenPaths(): GoldenPath[] | undefined {
  const db = useDatabase();
  return useLiveQuery(() => db.goldenPaths.orderBy('name').toArray(), [db]);
}

/**
 * The names of the apps with these ids (the rows in view), live: `name(id)` is the app's name,
 * null for an app that no longer exists, undefined while it is being read (as {@link useRowNames},
 * which reads the names of a view that names people and teams too).
 */
export function useAppNames(ids: readonly string[]): NameOf {
  return useRowNames({ apps: ids }).app;
}

/** Names by id, live: the name, null for one that no longer exists, undefined while it is read. */
export type NameOf = (id: string) => string | null | undefined;

/** The ids a table's rows in view name, by table. */
export interface NamedIds {
  people?: readonly string[];
  teams?: readonly string[];
  apps?: readonly string[];
}

const NAMED_TABLES = ['people', 'teams', 'apps'] as const;

/**
 * The names each database answered before, per table: a row whose names were all read once draws
 * with the data that brings it, instead of a frame and a read later. Each answer updates them, so a
 * name changed since shows until the read of the rows in view answers, then the new one.
 */
const namesSeen = new WeakMap<AdoptionDatabase, Map<string, string | null>[]>();

function namesSeenIn(db: AdoptionDatabase): Map<string, string | null>[] {
  let seen = namesSeen.get(db);
  if (!seen) namesSeen.set(db, (seen = NAMED_TABLES.map(() => new Map())));
  return seen;
}

/**
 * The names of the people, teams and apps with these ids (the rows in view), live, read in one
 * transaction: rows that name all three wait for one answer (one redraw), not three. While it is
 * read, a name read before (for these ids or others, in any view of this database) stands in.
 */
export function useRowNames(ids: NamedIds): { person: NameOf; team: NameOf; app: NameOf } {
  const db = useDatabase();
  const keyOf = (list: readonly string[] | undefined) => [...new Set(list)].sort().join(ID_SEPARATOR);
  const key = NAMED_TABLES.map((table) => keyOf(ids[table])).join(LIST_SEPARATOR);
  const names = useLiveQuery(async () => {
    const lists = key.split(LIST_SEPARATOR).map((k) => (k ? k.split(ID_SEPARATOR) : []));
    if (lists.every((list) => list.length === 0)) return lists.map(() => new Map<string, string | null>());
    const answer = await db.transaction('r', NAMED_TABLES, () =>
      Promise.all(
        NAMED_TABLES.map(async (table, t) => {
          const list = lists[t]!;
          const rows = list.length ? await db.table<{ name: string }, string>(table).bulkGet(list) : [];
          return new Map(list.map((id, i) => [id, rows[i]?.name ?? null]));
        }),
      ),
    );
    const seen = namesSeenIn(db);
    answer.forEach((read, t) => {
      for (const [id, name] of read) seen[t]!.set(id, name);
    });
    return answer;
  }, [db, key]);
  return useMemo(() => {
    const seen = namesSeenIn(db);
    // This answer first (null: deleted since), then what was read before.
    const lookup =
      (t: number): NameOf =>
      (id) => {
        const answer = names?.[t];
        return answer?.has(id) ? answer.get(id) : seen[t]!.get(id);
      };
    return { person: lookup(0), team: lookup(1), app: lookup(2) };
  }, [db, names]);
}

/**
 * Every person or team as a picker option, by name (as the name index orders them): what the
 * session log's person and team filters search, read when they search rather than when it opens.
 */
export async function nameOptions(
  database: AdoptionDatabase,
  table: 'people' | 'teams',
): Promise<{ id: string; label: string }[]> {
  const rows = await (table === 'people' ? database.people : database.teams).toArray();
  return rows
    .map((r) => ({ id: r.id, label: r.name }))
    .sort((a, b) =>
      a.label !== b.label ? (a.label < b.label ? -1 : 1) : a.id < b.id ? -1 : a.id > b.id ? 1 : 0,
    );
}

/** An app's name as a cell shows it: "Deleted app" for one that no longer exists, "…" while read. */
export function shownAppName(name: string | null | undefined): string {
  return name ?? (name === null ? 'Deleted app' : '…');
}

/** Apps to offer in a picker: the team's apps whose name contains `text`, then any app whose name starts with it. */
export async function searchApps(
  database: AdoptionDatabase,
  text: string,
  teamId: string | null,
  limit = 12,
): Promise<App[]> {
  const needle = text.trim().toLowerCase();
  const own = teamId ? await database.apps.where('teamId').equals(teamId).toArray() : [];
  const fromTeam = own.filter((a) => a.name.toLowerCase().includes(needle)).sort(byName);
  if (needle === '') return fromTeam.slice(0, limit);
  const others = await database.apps.where('name').startsWithIgnoreCase(needle).limit(limit).toArray();
  const seen = new Set(fromTeam.map((a) => a.id));
  return [...fromTeam, ...others.filter((a) => !seen.has(a.id))].slice(0, limit);
}

const byName = (a: { name: string }, b: { name: string }) => a.name.localeCompare(b.name);

// --- The session log ---------------------------------------------------------------------------

type SessionCollection = Collection<PairingSession, string>;

/** The sessions one filter field and the dates select, through its `[field+date]` index, oldest first. */
function byIndex(database: AdoptionDatabase, field: string, value: string, filter: SessionFilter) {
  return database.pairingSessions
    .where(`[${field}+date]`)
    .between([value, filter.from ?? LOW], [value, filter.to ?? HIGH], true, true);
}

/**
 * Whether one index answers the filter exactly (no person, at most one of app, team, cycle or
 * topic), so that the log is counted and read a page at a time: known before anything is read,
 * so the first page is read beside the count, not after it.
 */
export function readsByPage(filter: SessionFilter): boolean {
  return filter.personId === null && INDEXED.filter(([key]) => filter[key] !== null).length <= 1;
}

/** The collection that answers the filter exactly, when one index can; null when it cannot. */
function exactCollection(database: AdoptionDatabase, filter: SessionFilter): SessionCollection | null {
  if (!readsByPage(filter)) return null;
  const set = INDEXED.filter(([key]) => filter[key] !== null);
  if (set.length === 0) {
    return database.pairingSessions.where('date').between(filter.from ?? LOW, filter.to ?? HIGH, true, true);
  }
  const [key, field] = set[0]!;
  return byIndex(database, field, filter[key] as string, filter);
}

/**
 * The session log for a filter: a count and pages read on demand, or every match read at once;
 * with their minutes where known without reading them (the totals of one entity, or of all).
 */
export type SessionLog =
  | { kind: 'paged'; total: number; minutes: number | null }
  | { kind: 'loaded'; total: number; minutes: number; sessions: PairingSession[] };

/**
 * The sessions and minutes of what a filter of one entity (or none), without dates, selects:
 * from the totals kept with every write (all sessions: the totals per cycle, "no cycle"
 * included), so no index is counted — counting one in IndexedDB walks every entry, about a
 * second for 50,000 sessions, and blocks every other read meanwhile. Null with dates.
 */
async function totalOf(
  database: AdoptionDatabase,
  filter: SessionFilter,
): Promise<{ sessions: number; minutes: number } | null> {
  if (filter.from !== null || filter.to !== null) return null;
  const set = INDEXED.filter(([key]) => filter[key] !== null);
  if (set.length === 0) {
    const cycles = await database.pairingTotals.where('dimension').equals('cycle').toArray();
    return {
      sessions: cycles.reduce((sum, t) => sum + t.sessions, 0),
      minutes: cycles.reduce((sum, t) => sum + t.minutes, 0),
    };
  }
  const [key] = set[0]!;
  const dimension = DIMENSION_OF_FIELD[key];
  const total = await database.pairingTotals.get(totalId(dimension, filter[key] as string));
  return { sessions: total?.sessions ?? 0, minutes: total?.minutes ?? 0 };
}

/**
 * The sessions dated from `from` to `to` (both included; null: open) and their minutes, from the
 * sessions per day kept with every write (renderer/db/derived.ts): one read of the days in the
 * range (a few thousand small rows at most), whichever cycle their sessions are in, or none —
 * no session is counted.
 */
export async function dateRangeTotal(
  database: AdoptionDatabase,
  from: IsoDate | null,
  to: IsoDate | null,
): Promise<{ sessions: number; minutes: number }> {
  const low = from ?? LOW;
  const high = to ?? HIGH;
  if (low > high) return { sessions: 0, minutes: 0 };
  return sumDays(await database.pairingDays.where(':id').between(low, high, true, true).toArray());
}

/** How many sessions are dated from `from` to `to` (both included; null: open): {@link dateRangeTotal}. */
export async function countDateRange(
  database: AdoptionDatabase,
  from: IsoDate | null,
  to: IsoDate | null,
): Promise<number> {
  return (await dateRangeTotal(database, from, to)).sessions;
}

/**
 * Counts what one index answers; otherwise reads the sessions of the most selective filter (an
 * app's, a person's — as the one who paired and as a partner — a team's, a cycle's, a topic's)
 * and keeps those that pass every filter, newest first (session-reads.ts).
 */
export async function loadSessionLog(database: AdoptionDatabase, filter: SessionFilter): Promise<SessionLog> {
  const exact = exactCollection(database, filter);
  if (exact) {
    const total = await totalOf(database, filter);
    if (total) return { kind: 'paged', total: total.sessions, minutes: total.minutes };
    if (!INDEXED.some(([key]) => filter[key] !== null)) {
      const range = await dateRangeTotal(database, filter.from, filter.to);
      return { kind: 'paged', total: range.sessions, minutes: range.minutes };
    }
    return { kind: 'paged', total: await exact.count(), minutes: null };
  }
  return readFilteredLog(dexieReader(database), filter);
}

/** {@link SessionReader} through Dexie, in the page. */
function dexieReader(database: AdoptionDatabase): SessionReader {
  return {
    range: (field, value, from, to) =>
      database.pairingSessions
        .where(`[${field}+date]`)
        .between([value, from], [value, to], true, true)
        .toArray(),
    partnered: (personId) => database.pairingSessions.where('partnerIds').equals(personId).toArray(),
    extent: async (field, value, from, to) => {
      const range = () =>
        database.pairingSessions.where(`[${field}+date]`).between([value, from], [value, to], true, true);
      const [first, last] = await Promise.all([range().limit(1).keys(), range().reverse().limit(1).keys()]);
      const date = (keys: unknown[]) => (keys[0] as [string, string] | undefined)?.[1];
      const [a, b] = [date(first), date(last)];
      return a !== undefined && b !== undefined ? [a, b] : null;
    },
    sessionsOf: async (dimension, value) =>
      (await database.pairingTotals.get(totalId(dimension, value)))?.sessions ?? 0,
  };
}

/**
 * Makes a live query whose sessions the worker reads (several filters) watch what can change its
 * answer, and nothing else — not every session (a write to any of 200,000 read the log again).
 * Dexie marks a session's write on the index keys of its new values and on its primary key (it
 * does not know the old values), so the query watches:
 * - the index range the worker reads its candidates from (`[field+date]` of the most selective
 *   filter, within the dates): a session written into it, or changed while in it;
 * - that entity's kept total (renderer/db/derived.ts, written in the same transaction as every
 *   session): a session of it deleted, or moved to another app, team, cycle, topic or person;
 * - with dates, the sessions per day of those dates (kept the same way): a session of those
 *   days deleted, or moved to another day;
 * - for a person, the keys of the sessions they were a partner in (a few hundred at most):
 *   one of those deleted or changed; and the partners' index for one they are added to.
 * One key or a few keys are read of each; the worker reads the sessions.
 */
export async function watchFilteredLog(database: AdoptionDatabase, filter: SessionFilter): Promise<void> {
  const from = filter.from ?? LOW;
  const to = filter.to ?? HIGH;
  const [key, field] =
    filter.appId !== null
      ? (['appId', 'appId'] as const)
      : filter.personId !== null
        ? (['personId', 'personId'] as const)
        : INDEXED.find(([k]) => filter[k] !== null)!;
  const value = filter[key] as string;
  const dimension = DIMENSION_OF_FIELD[key];
  const sessions = database.pairingSessions;
  await Promise.all([
    sessions.where(`[${field}+date]`).between([value, from], [value, to], true, true).limit(1).primaryKeys(),
    database.pairingTotals.get(totalId(dimension, value)),
    filter.from !== null || filter.to !== null
      ? from <= to && database.pairingDays.where(':id').between(from, to, true, true).primaryKeys()
      : null,
    filter.personId !== null ? sessions.where('partnerIds').equals(filter.personId).primaryKeys() : null,
  ]);
}

/** Sessions `start` to `end` (newest first) of a filter one index answers; [] for any other. */
export async function loadSessionPage(
  database: AdoptionDatabase,
  filter: SessionFilter,
  start: number,
  end: number,
): Promise<PairingSession[]> {
  const exact = exactCollection(database, filter);
  if (!exact || end <= start) return [];
  return exact
    .reverse()
    .offset(start)
    .limit(end - start)
    .toArray();
}

/** The tables the session log reads: in one read-only transaction, a snapshot of one moment. */
const LOG_TABLES = ['pairingSessions', 'pairingTotals', 'pairingDays'] as const;

/**
 * The session log of a filter, live; undefined while the first read is under way. It carries the
 * filter it was read for (while a new filter is read the previous answer stays, marked so) and
 * the number of the read asked for (`read`, pairing-store.ts `logReads`): an answer to read n
 * holds every write committed before n was asked for. Read in a read-only transaction, so each
 * answer comes from IndexedDB at one moment, never from Dexie's optimistic cache.
 */
export function useSessionLog(
  filter: SessionFilter,
  read: number,
): (SessionLog & { filter: SessionFilter; read: number }) | undefined {
  const db = useDatabase();
  return useLiveQuery(async () => {
    const log = await db.transaction('r', LOG_TABLES, async () => {
      if (exactCollection(db, filter)) return loadSessionLog(db, filter);
      await watchFilteredLog(db, filter);
      return null;
    });
    // Several filters: the worker reads and filters the sessions (begun after the read was asked).
    const answer =
      log ??
      (await runSessionJob({ kind: 'log', database: db.name, filter }, () =>
        readFilteredLog(dexieReader(db), filter),
      ));
    return { ...answer, filter, read };
  }, [db, filter, read]);
}

/** One page of a paged session log, live, with the number of its read (as above); undefined while it is read. */
export function useSessionPage(
  filter: SessionFilter,
  start: number,
  end: number,
  enabled: boolean,
  read: number,
): { filter: SessionFilter; start: number; sessions: PairingSession[]; read: number } | undefined {
  const db = useDatabase();
  return useLiveQuery(async () => {
    if (!enabled) return undefined;
    const sessions = await db.transaction('r', LOG_TABLES, () => loadSessionPage(db, filter, start, end));
    return { filter, start, sessions, read };
  }, [db, filter, start, end, enabled, read]);
}

/** One session, live (null once deleted). */
export function useSession(id: string | null): PairingSession | null | undefined {
  const db = useDatabase();
  return useLiveQuery(async () => (id ? ((await db.pairingSessions.get(id)) ?? null) : null), [db, id]);
}

// --- Hours -------------------------------------------------------------------------------------

/** The totals of one dimension over all time (kept with every write), most minutes first. */
export async function loadTotals(
  database: AdoptionDatabase,
  dimension: TotalDimension,
): Promise<PairingTotal[]> {
  return totalsOf(await database.pairingTotals.where('dimension').equals(dimension).toArray(), dimension);
}

/** The totals of every dimension within one cycle, kept with every write (one row a cycle). */
export async function loadKeptCycleTotals(
  database: AdoptionDatabase,
  cycleId: string,
): Promise<PairingTotal[]> {
  return (await database.pairingCycleTotals.get(cycleId))?.totals ?? [];
}

/** The totals of one dimension within one cycle, kept with every write. */
export async function loadCycleTotals(
  database: AdoptionDatabase,
  cycleId: string,
  dimension: TotalDimension,
): Promise<PairingTotal[]> {
  return totalsOf(await loadKeptCycleTotals(database, cycleId), dimension);
}

/** {@link loadTotals} in the worker (session-reads.ts), watching every kept total. */
async function totalsOffPage(database: AdoptionDatabase, dimension: TotalDimension): Promise<PairingTotal[]> {
  await database.pairingTotals.limit(1).toArray();
  return runSessionJob({ kind: 'totals', database: database.name, dimension }, () =>
    loadTotals(database, dimension),
  );
}

export interface Hours {
  dimension: TotalDimension;
  cycleId: string | null;
  totals: PairingTotal[];
}

/**
 * Hours by a dimension, over all time (cycleId null) or within one cycle; live. They carry what
 * they were read for: while other hours are read the previous ones stay, marked so. A cycle's
 * totals are one kept row for every dimension: another dimension of the same cycle reads
 * nothing again.
 */
export function useHours(dimension: TotalDimension, cycleId: string | null): Hours | undefined {
  const db = useDatabase();
  const read = useLiveQuery(
    async () =>
      cycleId === null
        ? { dimension, cycleId, totals: await totalsOffPage(db, dimension) }
        : { dimension: null, cycleId, totals: await loadKeptCycleTotals(db, cycleId) },
    [db, cycleId, cycleId === null ? dimension : null],
  );
  return useMemo(
    () =>
      read &&
      (read.dimension === null
        ? { dimension, cycleId: read.cycleId, totals: totalsOf(read.totals, dimension) }
        : { dimension: read.dimension, cycleId: read.cycleId, totals: read.totals }),
    [read, dimension],
  );
}

/** The total of one entity (a cycle, a person…) over all time, kept with every write; null: no session. */
export function useTotal(dimension: TotalDimension, entityId: string): PairingTotal | null | undefined {
  const db = useDatabase();
  return useLiveQuery(
    async () => (await db.pairingTotals.get(totalId(dimension, entityId))) ?? null,
    [db, dimension, entityId],
  );
}

/** Topics used before, most hours first (at most 50): what the topic field suggests. */
export function useTopics(): string[] | undefined {
  const db = useDatabase();
  return useLiveQuery(async () => (await loadTotals(db, 'topic')).slice(0, 50).map((t) => t.entityId), [db]);
}

// --- Stale onboarding apps ---------------------------------------------------------------------

/** Onboarding apps (of one cycle, or all) with no session in the last two weeks. */
export async function loadStaleApps(
  database: AdoptionDatabase,
  today: IsoDate,
  cycleId: string | null = null,
): Promise<StaleApp<App>[]> {
  const apps = cycleId
    ? (await database.apps.where('cycleId').equals(cycleId).toArray()).filter((a) => a.stage === 'onboarding')
    : await database.apps.where('stage').equals('onboarding').toArray();
  const totals = await database.pairingTotals.bulkGet(apps.map((a) => totalId('app', a.id)));
  const last = new Map(apps.map((a, i) => [a.id, totals[i]?.lastDate ?? null]));
  return staleOnboardingApps(apps, (id) => last.get(id), today);
}

export function useStaleApps(today: IsoDate, cycleId: string | null = null): StaleApp<App>[] | undefined {
  const db = useDatabase();
  return useLiveQuery(() => loadStaleApps(db, today, cycleId), [db, today, cycleId]);
}

// --- Assignments -------------------------------------------------------------------------------

/** Every assignment (a board counts a person's load over all of theirs), by start date. */
export function useAssignments(): Assignment[] | undefined {
  return useKeptAssignments(useDatabase());
}

/** One assignment, live (null once deleted). */
export function useAssignment(id: string | null): Assignment | null | undefined {
  const db = useDatabase();
  return useLiveQuery(async () => (id ? ((await db.assignments.get(id)) ?? null) : null), [db, id]);
}

// --- This machine's settings and quick entry ----------------------------------------------------

export interface PairingSettings {
  /** Who logs sessions at this machine, if chosen (and still a person). */
  me: Person | null;
  maxLoad: number;
  lastEntryId: string | null;
}

export async function loadSettings(database: AdoptionDatabase): Promise<PairingSettings> {
  const [me, maxLoad, lastEntry] = await database.settings.bulkGet([
    SETTING_KEYS.me,
    SETTING_KEYS.maxLoad,
    SETTING_KEYS.lastEntry,
  ]);
  const meId = settingValue(meSchema, me?.value, null);
  return {
    me: meId ? ((await database.people.get(meId)) ?? null) : null,
    maxLoad: maxLoadSetting(maxLoad?.value),
    lastEntryId: typeof lastEntry?.value === 'string' ? lastEntry.value : null,
  };
}

export function usePairingSettings(): PairingSettings | undefined {
  const db = useDatabase();
  return useLiveQuery(() => loadSettings(db), [db]);
}

export interface QuickEntryContext {
  settings: PairingSettings;
  /** The advocate's assignment covering today, if any. */
  assignment: Assignment | null;
  /** Their last session: the one quick entry logged last, else their latest. */
  last: PairingSession | null;
}

/** A person's assignment covering today and their last session (the remembered one if it is theirs, else their latest). */
export async function loadPersonContext(
  database: AdoptionDatabase,
  personId: string,
  today: IsoDate,
  lastEntryId: string | null,
): Promise<Pick<QuickEntryContext, 'assignment' | 'last'>> {
  const [assignments, remembered, latest] = await Promise.all([
    database.assignments.where('personId').equals(personId).toArray(),
    lastEntryId ? database.pairingSessions.get(lastEntryId) : undefined,
    database.pairingSessions.where('[personId+date]').between([personId, LOW], [personId, HIGH]).last(),
  ]);
  const last = remembered && remembered.personId === personId ? remembered : (latest ?? null);
  return { assignment: currentAssignment(assignments, today), last };
}

/** What quick entry's defaults come from, for the advocate at this machine. */
export async function loadQuickEntryContext(
  database: AdoptionDatabase,
  today: IsoDate,
): Promise<QuickEntryContext> {
  const settings = await loadSettings(database);
  if (!settings.me) return { settings, assignment: null, last: null };
  return { settings, ...(await loadPersonContext(database, settings.me.id, today, settings.lastEntryId)) };
}

/**
 * Quick entry's context, read while `enabled`; `read` is the number of the pairing store's
 * `logReads` it was asked for with (the dialog waits for a read asked after the last session
 * it logged was stored).
 */
export function useQuickEntryContext(
  today: IsoDate,
  enabled: boolean,
  read: number,
): (QuickEntryContext & { read: number }) | undefined {
  const db = useDatabase();
  return useLiveQuery(
    async () => (enabled ? { ...(await loadQuickEntryContext(db, today)), read } : undefined),
    [db, today, enabled, read],
  );
}

// --- The leadership overview -------------------------------------------------------------------

/**
 * Pairing per cycle for the overview, in the order of `cycleIds`: the sessions dated up to
 * `asOf`, of `teamId` when given. For all teams as of today it reads the totals kept with every
 * write (one record per cycle); for a team, that team's sessions through `[teamId+date]`; for a
 * past day, each cycle's sessions through `[cycleId+date]` up to that day.
 */
export async function loadCycleHours(
  database: AdoptionDatabase,
  cycleIds: readonly string[],
  asOf: IsoDate,
  teamId: string | null,
  today: IsoDate,
): Promise<CycleHours[]> {
  if (cycleIds.length === 0) return [];
  if (teamId !== null) {
    const sessions = await database.pairingSessions
      .where('[teamId+date]')
      .between([teamId, LOW], [teamId, asOf], true, true)
      .toArray();
    return hoursPerCycle(sessions, cycleIds, asOf, teamId);
  }
  if (asOf >= today) {
    const totals = await database.pairingTotals.bulkGet(cycleIds.map((id) => totalId('cycle', id)));
    return cycleIds.map((cycleId, i) => ({
      cycleId,
      sessions: totals[i]?.sessions ?? 0,
      minutes: totals[i]?.minutes ?? 0,
    }));
  }
  const perCycle = await Promise.all(
    cycleIds.map((id) =>
      database.pairingSessions.where('[cycleId+date]').between([id, LOW], [id, asOf], true, true).toArray(),
    ),
  );
  return hoursPerCycle(perCycle.flat(), cycleIds, asOf);
}

/** {@link loadCycleHours}, live; undefined while the first read is under way. */
export function useCycleHours(
  cycleIds: readonly string[],
  asOf: IsoDate,
  teamId: string | null,
  today: IsoDate,
): CycleHours[] | undefined {
  const db = useDatabase();
  const key = [cycleIds.join(','), asOf, teamId, today].join('|');
  const read = useLiveQuery(
    async () => ({
      key,
      hours: await loadCycleHours(db, cycleIds.length ? [...cycleIds] : [], asOf, teamId, today),
    }),
    // The key stands for every input: the same cycles in a new array read nothing again.
    [db, key],
  );
  // While the read for new inputs is under way, the last one's answer is not this one's.
  return read?.key === key ? read.hours : undefined;
}
