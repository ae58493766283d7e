/**
 * The Blockers area's reads, live (useLiveQuery: any write, here or in another window, refreshes
 * them). Nothing else reads the blockers table. Filtered reads go through the index most likely
 * to select the fewest blockers (indexForFilters) and apply the other filters to what it returns;
 * the names a screen shows (owners, teams, cycles, the linked apps) are read beside them.
 */
import { useMemo } from 'react';
import { useLiveQuery } from 'dexie-react-hooks';
import type { Blocker, Cycle, IsoDate, Person, Team } from '../../../../shared/domain';
import {
  blockerMatcher,
  EMPTY_BLOCKER_FILTERS,
  indexForFilters,
  type BlockerFilters,
  type IndexRead,
} from '../../../../shared/domain/blocker-filters';
import { isUnresolved } from '../../../../shared/domain/blocker-stats';
import { useDatabase } from '../../../db/DatabaseContext';
import type { AdoptionDatabase } from '../../../db/database';
import { keptQuery } from '../../../db/kept-query';
import { memoizeLast } from '../../../ui/memoize-last';

/**
 * Every blocker, read once for the area and kept (db/kept-query.ts) while the register, the board
 * and the trends come and go: opening another view, or coming back to the area, draws from it
 * instead of reading 20,000 blockers out of IndexedDB again. Any write refreshes it.
 */
const useEveryBlocker = keptQuery((db) => db.blockers.toArray());

/** The blockers that pass `filters`, read through the best index. */
export async function readBlockers(
  database: AdoptionDatabase,
  filters: BlockerFilters,
  today: IsoDate,
): Promise<Blocker[]> {
  const matches = blockerMatcher(filters, today);
  return (await readThroughIndex(database, indexForFilters(filters))).filter(matches);
}

/** The blockers an index read selects (all of them without one). */
function readThroughIndex(database: AdoptionDatabase, read: IndexRead | null): Promise<Blocker[]> {
  if (!read) return database.blockers.toArray();
  const where = database.blockers.where(read.index);
  return (
    'anyOf' in read ? where.anyOf(read.anyOf) : where.between(read.between[0], read.between[1], true, true)
  ).toArray();
}

/**
 * The blockers that pass `filters`; undefined while the first read is under way. Only a narrow
 * filter (registerRead) is read through its index; the others are applied in memory, so typing
 * in the search or choosing a status reads nothing again.
 */
export function useBlockers(filters: BlockerFilters, today: IsoDate): Blocker[] | undefined {
  const { all } = useBlockersRead(filters);
  return all && filterBlockers(all, JSON.stringify(filters), today);
}

/**
 * The blockers of a read that pass the filters (by their JSON), remembered in the module: a view
 * opened again over the same kept blockers and filters gets the same array, so what it derives
 * from it (remembered the same way) is not worked out again either.
 */
const filterBlockers = memoizeLast((all: readonly Blocker[], filtersKey: string, today: IsoDate): Blocker[] =>
  all.filter(blockerMatcher(JSON.parse(filtersKey) as BlockerFilters, today)),
);

/** The indexes of one linked record (an app, an owner, a cycle, a team): they select a few blockers. */
const NARROW_INDEXES: ReadonlySet<string> = new Set(['appId', 'ownerId', 'cycleId', 'teamId']);

/**
 * The read behind the register: through the index of one linked record (an app's blockers, an
 * owner's…), which selects a few; otherwise every blocker, once. A category, status, severity or
 * range of days selects a large share of them anyway, so changing one filters what was read in
 * memory instead of reading thousands of blockers again.
 */
export function registerRead(filters: BlockerFilters): IndexRead | null {
  const read = indexForFilters(filters);
  return read && NARROW_INDEXES.has(read.index) ? read : null;
}

/**
 * What is read for `filters` (`all`: the filters not yet applied; the caller filters in memory
 * with blockerMatcher, and may keep what it derives from each blocker across filter changes), and
 * whether that read was for an earlier filter: a changed narrow filter (registerRead) is read
 * again, and until then the earlier read is shown stale.
 */
export function useBlockersRead(filters: BlockerFilters): { all: Blocker[] | undefined; stale: boolean } {
  const database = useDatabase();
  const read = registerRead(filters);
  // The key stands for the read's content: a new object with the same values reads nothing again.
  const readKey = JSON.stringify(read);
  // Every blocker, kept for the area (what the register lists without a narrow filter, and what
  // it shows, stale, while a narrow one is read); with a narrow filter, its few, read live.
  const every = useEveryBlocker(database);
  const narrow = useLiveQuery(
    async () => (read ? { readKey, blockers: await readThroughIndex(database, read) } : null),
    [database, readKey],
  );
  // Until the read for these filters lands, the last read (narrow, or every blocker) is shown, stale.
  const kept = every && { readKey: JSON.stringify(null), blockers: every };
  const selected =
    read === null
      ? (kept ?? narrow ?? undefined)
      : narrow?.readKey === readKey
        ? narrow
        : (narrow ?? kept ?? undefined);
  return { all: selected?.blockers, stale: selected !== undefined && selected.readKey !== readKey };
}

/**
 * The blockers the board may show (the unresolved ones, and those resolved within
 * `resolvedRange`), then those that pass the filters (by their JSON), each remembered in the
 * module: the board opened again over the same kept blockers and filters gets the same array,
 * and what it derives from it (its cells) is not worked out again either.
 */
const boardCandidates = memoizeLast((every: readonly Blocker[], resolvedRange: string, today: IsoDate) => {
  const resolvedIn = blockerMatcher({ ...EMPTY_BLOCKER_FILTERS, resolved: resolvedRange }, today);
  return every.filter((b) => isUnresolved(b.status) || resolvedIn(b));
});
const boardFiltered = memoizeLast((candidates: readonly Blocker[], filtersKey: string, today: IsoDate) =>
  candidates.filter(blockerMatcher(JSON.parse(filtersKey) as BlockerFilters, today)),
);

/**
 * The blockers on the board: the unresolved ones, and those resolved within `resolvedRange`
 * (`from..to`), then every other filter, all in memory over the blockers kept for the area.
 */
export function useBoardBlockers(
  filters: BlockerFilters,
  resolvedRange: string,
  today: IsoDate,
): Blocker[] | undefined {
  const every = useEveryBlocker(useDatabase());
  return every && boardFiltered(boardCandidates(every, resolvedRange, today), JSON.stringify(filters), today);
}

/** One blocker; null when there is none with that id, undefined while reading. */
export function useBlocker(id: string): Blocker | null | undefined {
  const database = useDatabase();
  return useLiveQuery(async () => (await database.blockers.get(id)) ?? null, [database, id]);
}

/** What the Blockers screens name: people (owners), teams and cycles, each ordered for a picker. */
export interface BlockerLookups {
  people: Person[];
  teams: Team[];
  /** In time order (by index). */
  cycles: Cycle[];
}

export function useBlockerLookups(): BlockerLookups | undefined {
  const database = useDatabase();
  const people = useLiveQuery(() => database.people.orderBy('name').toArray(), [database]);
  const teams = useLiveQuery(() => database.teams.orderBy('name').toArray(), [database]);
  const cycles = useLiveQuery(() => database.cycles.orderBy('index').toArray(), [database]);
  if (!people || !teams || !cycles) return undefined;
  return { people, teams, cycles };
}

/** The last names {@link useAppNames} read, by the ids they were read for. */
let lastAppNames: { key: string; names: Map<string, string> } | null = null;

/**
 * The names of the apps some blockers link to, by id: only those apps are read (a portfolio may
 * hold 20,000). An id whose app is gone is left out. The same ids as last time (a view opened
 * again) are named at once with the last names read, while they are read again.
 */
export function useAppNames(
  blockers: readonly Pick<Blocker, 'appId'>[] | undefined,
): Map<string, string> | undefined {
  const database = useDatabase();
  // Worked out once per list of blockers, not on every render.
  const key = useMemo(
    () =>
      blockers
        ? [...new Set(blockers.flatMap((b) => (b.appId ? [b.appId] : [])))].sort().join(',')
        : undefined,
    [blockers],
  );
  const read = useLiveQuery(async () => {
    if (key === undefined) return undefined;
    const ids = key ? key.split(',') : [];
    const apps = await database.apps.bulkGet(ids);
    const names = new Map(apps.flatMap((a) => (a ? [[a.id, a.name] as const] : [])));
    lastAppNames = { key, names };
    return { key, names };
  }, [database, key]);
  if (read && read.key === key) return read.names;
  return key !== undefined && lastAppNames?.key === key ? lastAppNames.names : read?.names;
}

/**
 * The names of every app a blocker links to, by id, kept for the area (db/kept-query.ts): the
 * register names the app of each of its rows, and opening it again reads none of them again.
 * The ids come from the blockers' appId index alone; any write to a blocker or to one of those
 * apps (a rename) refreshes it. An id whose app is gone is left out.
 */
const useKeptLinkedAppNames = keptQuery(async (db) => {
  const ids = (await db.blockers.orderBy('appId').uniqueKeys()) as string[];
  const apps = await db.apps.bulkGet(ids);
  return new Map(apps.flatMap((a) => (a ? [[a.id, a.name] as const] : [])));
});

export function useLinkedAppNames(): Map<string, string> | undefined {
  return useKeptLinkedAppNames(useDatabase());
}

/**
 * Apps whose name starts with `text` (any case, trimmed), for the app picker: at most `limit`,
 * by name (so a name typed in full comes first), with the prefix they were read for.
 */
export function useAppMatches(
  text: string,
  limit = 20,
): { prefix: string; apps: { id: string; name: string }[] } | undefined {
  const database = useDatabase();
  const prefix = text.trim();
  return useLiveQuery(async () => {
    const apps = prefix
      ? await database.apps.where('name').startsWithIgnoreCase(prefix).limit(limit).toArray()
      : await database.apps.orderBy('name').limit(limit).toArray();
    return { prefix, apps: apps.map((a) => ({ id: a.id, name: a.name })) };
  }, [database, prefix, limit]);
}

/** The app whose name is `name` (letter case aside), read through the name index; null when none is. */
export async function appNamed(
  name: string,
  database: AdoptionDatabase,
): Promise<{ id: string; name: string } | null> {
  const app = await database.apps.where('name').equalsIgnoreCase(name.trim()).first();
  return app ? { id: app.id, name: app.name } : null;
}

/** An app's id and name; null when it is gone, undefined while reading or when `id` is null. */
export function useApp(id: string | null): { id: string; name: string } | null | undefined {
  const database = useDatabase();
  return useLiveQuery(async () => {
    if (!id) return undefined;
    const app = await database.apps.get(id);
    return app ? { id: app.id, name: app.name } : null;
  }, [database, id]);
}

/** The blockers linked to one app. */
export function useAppBlockers(appId: string): Blocker[] | undefined {
  const database = useDatabase();
  return useLiveQuery(() => database.blockers.where('appId').equals(appId).toArray(), [database, appId]);
}

/** The blockers opened in a cycle's dates and those resolved in them (from its start to the day before its end, the hand-over day belonging to the next). */
export function useCycleBlockers(
  cycle: Pick<Cycle, 'startDate' | 'endDate'>,
): { opened: Blocker[]; resolved: Blocker[] } | undefined {
  const database = useDatabase();
  const { startDate, endDate } = cycle;
  return useLiveQuery(async () => {
    const [opened, resolved] = await Promise.all([
      database.blockers.where('openedOn').between(startDate, endDate, true, false).toArray(),
      database.blockers.where('resolvedOn').between(startDate, endDate, true, false).toArray(),
    ]);
    return { opened, resolved: resolved.filter((b) => b.status === 'resolved') };
  }, [database, startDate, endDate]);
}

/** Every app's id, name and external id, for an import to link rows to (read when it opens). */
export function useAppDirectory(): { id: string; name: string; externalId: string | null }[] | undefined {
  const database = useDatabase();
  return useLiveQuery(
    async () =>
      (await database.apps.toArray()).map((a) => ({ id: a.id, name: a.name, externalId: a.externalId })),
    [database],
  );
}

/** Every blocker's id and title, for an import to match rows to. */
export function useBlockerTitles(): { id: string; title: string }[] | undefined {
  const database = useDatabase();
  return useLiveQuery(
    async () => (await database.blockers.toArray()).map((b) => ({ id: b.id, title: b.title })),
    [database],
  );
}

/** What the overview counts of a blocker: its category and dated status changes. */
export type BlockerHistory = Pick<Blocker, 'category' | 'statusHistory'>;

/**
 * The blockers opened on or before `day` (of one team, when given), with what the overview
 * counts; nothing opened later (it cannot have been open by then). The same list for the same
 * blockers, day and team.
 */
const openedBy = memoizeLast(
  (every: readonly Blocker[], day: IsoDate, teamId: string | null): BlockerHistory[] =>
    every
      .filter((b) => b.openedOn <= day && (teamId === null || b.teamId === teamId))
      .map(({ category, statusHistory }) => ({ category, statusHistory })),
);

/**
 * The blockers opened by `day` (of `teamId`'s when given), from the blockers kept for the area:
 * the overview's tile and chart share one read and one list, and coming back to the overview
 * reads nothing again. Undefined while the first read is under way.
 */
export function useBlockersOpenedBy(day: IsoDate, teamId: string | null): BlockerHistory[] | undefined {
  const every = useEveryBlocker(useDatabase());
  return every && openedBy(every, day, teamId);
}
