/**
 * Who holds what on the knowledge map (shared/domain/knowledge.ts buildKnowledgeHolders), weighed
 * without holding up the page. At scale the pairing sessions' summary (derived table
 * knowledgeCredits) holds about 20,000 rows naming 400,000 holders (15 MB of ids): reading it
 * alone took the page 300-600 ms, and weighing it 250 ms. So the page never reads those rows: a
 * worker (knowledge-holders.worker.ts) reads them and the counted apps itself, weighs, and posts
 * back the holders with the onboarded apps' names: the page posts only the database's name and
 * the day, and copies nothing to the worker. Where no worker can start (jsdom) or it
 * fails, the same reads and calculation run in the page, after the current frame.
 */
import {
  buildKnowledgeHolders,
  COUNTED_STAGES,
  type App,
  type Assignment,
  type GoldenPath,
  type IsoDate,
  type KnowledgeHolders,
  type KnowledgeInput,
  type PairingSession,
  type Person,
} from '../../shared/domain';
import type { KnowledgeCreditRow } from '../../shared/domain/knowledge-credits';

/** What the page sends: where to read, and the day the decay counts from. */
export interface HoldersJob {
  /** The IndexedDB database to read from. */
  dbName: string;
  today: IsoDate;
}

export interface WeighedHolders {
  holders: KnowledgeHolders;
  /** The onboarded apps' names, by id (the only apps the map names). */
  appNames: Map<string, string>;
}

/** A request's result as a promise. */
function done<T>(request: IDBRequest<T>): Promise<T> {
  return new Promise((resolve, reject) => {
    request.onsuccess = () => resolve(request.result);
    request.onerror = () => reject(request.error ?? new Error('IndexedDB request failed'));
  });
}

/** The existing database, as it is (never created or upgraded here; closed when another version is asked for). */
function openExisting(name: string): Promise<IDBDatabase> {
  return new Promise((resolve, reject) => {
    const request = indexedDB.open(name);
    request.onupgradeneeded = () => request.transaction?.abort();
    request.onsuccess = () => {
      const db = request.result;
      db.onversionchange = () => db.close();
      resolve(db);
    };
    request.onerror = () => reject(request.error ?? new Error(`Cannot open ${name}`));
    request.onblocked = () => reject(new Error(`${name} is being upgraded`));
  });
}

/** The stages that count, in key order: their apps as one `where('stage').anyOf(…)` gives them. */
const COUNTED_IN_KEY_ORDER = [...COUNTED_STAGES].sort();

/**
 * Reads, in one transaction, what the holders are weighed from: the people, golden paths,
 * assignments, sessions dated after `today`, the summary's rows and the counted apps (as
 * renderer/db/workspace-queries.ts would, in the same orders); then weighs.
 */
export async function weighHolders(job: HoldersJob): Promise<WeighedHolders> {
  const db = await openExisting(job.dbName);
  let input: Omit<KnowledgeInput, 'lessonSessions' | 'today'>;
  let apps: App[];
  try {
    const tx = db.transaction(
      ['people', 'goldenPaths', 'assignments', 'pairingSessions', 'knowledgeCredits', 'apps'],
      'readonly',
    );
    const all = <T>(request: IDBRequest) => done(request as IDBRequest<T[]>);
    const byStage = tx.objectStore('apps').index('stage');
    const [people, goldenPaths, assignments, futureSessions, credits, ...byStages] = await Promise.all([
      all<Person>(tx.objectStore('people').getAll()),
      all<GoldenPath>(tx.objectStore('goldenPaths').index('name').getAll()),
      all<Assignment>(tx.objectStore('assignments').getAll()),
      all<PairingSession>(
        tx.objectStore('pairingSessions').index('date').getAll(IDBKeyRange.lowerBound(job.today, true)),
      ),
      all<KnowledgeCreditRow>(tx.objectStore('knowledgeCredits').getAll()),
      ...COUNTED_IN_KEY_ORDER.map((stage) => all<App>(byStage.getAll(stage))),
    ]);
    apps = (byStages as App[][]).flat();
    input = {
      people: people as Person[],
      goldenPaths: goldenPaths as GoldenPath[],
      assignments: assignments as Assignment[],
      futureSessions: futureSessions as PairingSession[],
      credits: credits as KnowledgeCreditRow[],
      apps,
    };
  } finally {
    db.close();
  }
  const holders = buildKnowledgeHolders({ ...input, today: job.today });
  const appNames = new Map<string, string>();
  const names = new Map(apps.map((a) => [a.id, a.name]));
  for (const subject of holders.apps) appNames.set(subject.id, names.get(subject.id) ?? 'Deleted');
  return { holders, appNames };
}
