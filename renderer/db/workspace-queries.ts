/**
 * The reads every area shares: the program and its cycles (every area's records belong to the
 * program and most to a cycle), and what the cycles actually did with the apps: the counts the
 * Plan screen sets against its goals, read here so that Plan need not import the Apps area; and
 * the seeding history the capacity forecast starts from (people and assignments); the apps'
 * production dates, from which Metrics counts "Production apps" when the program chooses so; the
 * unresolved blockers, for the pipeline board and an app's time in the pipeline.
 * Area-specific reads live in that area's data/queries.ts.
 * Each hook returns undefined while the first read is under way.
 */
import { useLiveQuery } from 'dexie-react-hooks';
import { actualsFromTallies, tallyRange, type TallyKind } from '../../shared/domain/app-tallies';
import {
  COUNTED_STAGES,
  isUnfinished,
  type App,
  type Blocker,
  type CapacityHistory,
  type Cycle,
  type CycleActual,
  type IsoDate,
  type PairingSession,
  type Person,
  type Program,
  type Team,
  type Assignment,
  type GoldenPath,
  lessonSuspects,
} from '../../shared/domain';
import type { KnowledgeCreditRow } from '../../shared/domain/knowledge-credits';
import { useDatabase } from './DatabaseContext';
import type { AdoptionDatabase } from './database';
import { keptQuery } from './kept-query';

/**
 * The one program; null when there is none yet (first start). Kept (./kept-query.ts): the frame
 * always reads it, so a screen that mounts (Plan, the overview) has it in its first render instead
 * of drawing "Loading…" for one more read.
 */
const useKeptProgram = keptQuery(async (database) => (await database.program.toCollection().first()) ?? null);
export function useProgram(): Program | null | undefined {
  return useKeptProgram(useDatabase());
}

/**
 * Every cycle, in time order (by index). Kept (./kept-query.ts): the overview, Plan and most
 * areas read them, and going from one to the next draws them at once.
 */
const useKeptCycles = keptQuery((database) => database.cycles.orderBy('index').toArray());
export function useCycles(): Cycle[] | undefined {
  return useKeptCycles(useDatabase());
}

/** Starts reading the program and its cycles before a screen that draws them mounts. */
export function warmProgramAndCycles(database: AdoptionDatabase): void {
  useKeptProgram.warm(database);
  useKeptCycles.warm(database);
}

/** What the apps actually did: per cycle and for the whole program. */
export interface AppActuals {
  /** Apps on the platform, with or without a cycle. */
  onPlatform: number;
  /** Per cycle id: apps selected into it, on the platform, unfinished. A cycle without apps is absent. */
  byCycle: ReadonlyMap<string, CycleActual>;
}

/** The rows of one kind of the apps' tallies (shared/domain/app-tallies.ts): one key range. */
export function readTallies(database: AdoptionDatabase, kind: TallyKind) {
  return database.appTallies
    .where(':id')
    .between(...tallyRange(kind), true, true)
    .toArray();
}

/** Kept (./kept-query.ts): coming back to Plan reads nothing again. */
const useKeptActuals = keptQuery(async (database): Promise<AppActuals> => {
  const [cycles, stages] = await Promise.all([
    readTallies(database, 'cycle'),
    readTallies(database, 'stage'),
  ]);
  return actualsFromTallies([...cycles, ...stages]);
});

/**
 * The actual counts, from the apps' tallies (shared/domain/app-tallies.ts: a row per cycle and
 * stage, kept with every write to the apps), so Plan reads about 160 rows, never 20,000 apps.
 */
export function useAppActuals(): AppActuals | undefined {
  return useKeptActuals(useDatabase());
}

/** An app as the close of its cycle lists it. */
export type UnfinishedApp = Pick<App, 'id' | 'name' | 'stage'>;

/**
 * The unfinished apps (selected or onboarding) of one cycle, by name: what closing it would
 * leave behind or carry over. An empty list for no cycle (null), so a closed dialog reads nothing.
 */
export function useUnfinishedApps(cycleId: string | null): UnfinishedApp[] | undefined {
  const database = useDatabase();
  const read = useLiveQuery(async () => {
    if (cycleId === null) return { cycleId, apps: [] };
    const apps = await database.apps.where('cycleId').equals(cycleId).filter(isUnfinished).toArray();
    return {
      cycleId,
      apps: apps
        .map(({ id, name, stage }) => ({ id, name, stage }))
        .sort((a, b) => a.name.localeCompare(b.name, undefined, { sensitivity: 'base', numeric: true })),
    };
  }, [database, cycleId]);
  // While the read for a newly asked cycle is under way, the last one's answer is not this one's.
  return read?.cycleId === cycleId ? read.apps : undefined;
}

/** What the seeding capacity forecast's defaults come from: who can seed, and who was placed when. */
export type SeedingHistory = Pick<CapacityHistory, 'people' | 'assignments'>;

/**
 * The people (team, whether they can seed) and the assignments (kind, person, team, cycle): the
 * program's own seeding history, for the forecast on Plan without importing the People or Pairing
 * areas. Two bulk reads of small records (getAll, no cursor): 5,000 people and 4,000 assignments
 * at enterprise scale. Whether a person can seed is a boolean, which IndexedDB does not index.
 */
export function useSeedingHistory(): SeedingHistory | undefined {
  const database = useDatabase();
  return useLiveQuery(async () => {
    const [people, assignments] = await Promise.all([
      database.people.toArray(),
      database.assignments.toArray(),
    ]);
    return {
      // Whole records: their team, whether they can seed, and whether they left.
      people,
      assignments: assignments.map(({ kind, personId, targetTeamId, cycleId }) => ({
        kind,
        personId,
        targetTeamId,
        cycleId,
      })),
    };
  }, [database]);
}

/**
 * Every app's production date (null when not in production), for counting the apps in
 * production on each date (Metrics' "Production apps" when counted from the apps). Read only
 * when `needed` (the program counts them): the app records are the largest, and a screen that
 * types its counts in need not read 20,000 of them. An empty list when not needed.
 */
export function useProductionDates(needed = true): (IsoDate | null)[] | undefined {
  const database = useDatabase();
  const read = useLiveQuery(async () => {
    const dates: (IsoDate | null)[] = [];
    if (needed) {
      await database.apps.each((app) => {
        dates.push(app.productionOn ?? null);
      });
    }
    return { needed, dates };
  }, [database, needed]);
  // A read made for the other `needed` (kept by useLiveQuery until the new one lands) is not the answer.
  return read && read.needed === needed ? read.dates : undefined;
}

/**
 * The unresolved (open or mitigating) blockers of each of these apps, for the pipeline board's
 * cards without importing the Blockers area: one read through the blockers' appId index for
 * every card in view, never one per card. Apps without an unresolved blocker are absent.
 */
export async function loadOpenBlockerCounts(
  database: AdoptionDatabase,
  appIds: readonly string[],
): Promise<Map<string, number>> {
  const counts = new Map<string, number>();
  if (appIds.length === 0) return counts;
  const blockers = await database.blockers.where('appId').anyOf(appIds).toArray();
  for (const b of blockers) {
    if (b.status === 'resolved' || !b.appId) continue;
    counts.set(b.appId, (counts.get(b.appId) ?? 0) + 1);
  }
  return counts;
}

/** {@link loadOpenBlockerCounts}, live; undefined while the first read is under way. */
export function useOpenBlockerCounts(appIds: readonly string[]): ReadonlyMap<string, number> | undefined {
  const database = useDatabase();
  // The ids stand for the read: the same cards in another order read nothing again.
  const key = [...appIds].sort().join(',');
  return useLiveQuery(() => loadOpenBlockerCounts(database, key ? key.split(',') : []), [database, key]);
}

/** The dated status histories of one app's blockers (how long it was blocked); undefined while reading. */
export function useAppBlockerHistories(appId: string): Pick<Blocker, 'statusHistory'>[] | undefined {
  const database = useDatabase();
  return useLiveQuery(
    async () =>
      (await database.blockers.where('appId').equals(appId).toArray()).map((b) => ({
        statusHistory: b.statusHistory,
      })),
    [database, appId],
  );
}

/**
 * What the knowledge map reads in the page: people, teams and assignments, and across areas the
 * golden paths, the apps seeding names and the sessions' lessons. Who holds what is weighed apart
 * (./knowledge-holders.ts), from the summary's credit rows the page never reads.
 */
export interface KnowledgeReads {
  people: Person[];
  teams: Team[];
  /** The apps seeding assignments name, those in a stage that counts (a seeding with no target team teaches the app's team). */
  apps: App[];
  goldenPaths: GoldenPath[];
  assignments: Assignment[];
  /** The sessions' lessons: the learner and teacher rows of knowledgeCredits (shared/domain/knowledge-credits.ts). */
  credits: KnowledgeCreditRow[];
  /** The rows of knowledgeCredits: read so that any change to them (a session logged) reads the map again. */
  creditRows: number;
  /** The sessions dated after `today`: they count undecayed. */
  futureSessions: PairingSession[];
  /** Every session naming a person whose stored lesson names someone unknown (usually none). */
  lessonSessions: Map<string, PairingSession[]>;
}

/** The rows of knowledgeCredits whose ids start with `prefix`. */
const rowsStartingWith = (database: AdoptionDatabase, prefix: string) =>
  database.knowledgeCredits.where(':id').between(prefix, `${prefix}\uffff`).toArray() as Promise<
    KnowledgeCreditRow[]
  >;

/**
 * The knowledge map's reads, or undefined while the first is under way: the lessons of the
 * sessions' summary (one row per person), never the sessions nor the summary's credit rows (20,000
 * rows naming 400,000 holders at scale). Live: a session logged or a person added elsewhere
 * redraws the map.
 */
export function useKnowledgeReads(
  today: IsoDate,
  /** The people and teams when the caller has them (live) already: they are not read again. */
  known?: Pick<KnowledgeReads, 'people' | 'teams'>,
): KnowledgeReads | undefined {
  const database = useDatabase();
  return useLiveQuery(async () => {
    const [people, teams, goldenPaths, assignments, learners, teachers, creditRows, futureSessions] =
      await Promise.all([
        known?.people ?? database.people.toArray(),
        known?.teams ?? database.teams.toArray(),
        database.goldenPaths.orderBy('name').toArray(),
        database.assignments.toArray(),
        rowsStartingWith(database, 'learner:'),
        rowsStartingWith(database, 'teacher:'),
        database.knowledgeCredits.count(),
        database.pairingSessions.where('date').above(today).toArray(),
      ]);
    const credits = [...learners, ...teachers];
    const seeded = [
      ...new Set(assignments.flatMap((a) => (a.kind === 'seeding' && a.appId ? [a.appId] : []))),
    ];
    const counted = new Set<string>(COUNTED_STAGES);
    const apps = (await database.apps.bulkGet(seeded)).filter(
      (a): a is App => a !== undefined && counted.has(a.stage),
    );
    const lessonSessions = new Map<string, PairingSession[]>();
    for (const personId of lessonSuspects(credits, people)) {
      const [paired, partnered] = await Promise.all([
        database.pairingSessions
          .where('[personId+date]')
          .between([personId, ''], [personId, '\uffff'])
          .toArray(),
        database.pairingSessions.where('partnerIds').equals(personId).toArray(),
      ]);
      lessonSessions.set(personId, [...new Map([...paired, ...partnered].map((s) => [s.id, s])).values()]);
    }
    return {
      people,
      teams,
      apps,
      goldenPaths,
      assignments,
      credits,
      creditRows,
      futureSessions,
      lessonSessions,
    };
  }, [database, today, known]);
}
