/**
 * The session reads too big for the page's thread (issue 9): the session log of several filters
 * (a cycle's 5,000 sessions read to keep the few of one topic) and the hours of every person or
 * app over all time (5,000 or 20,000 kept totals). They go to a worker
 * (session-reads.worker.ts) that reads IndexedDB itself, so the page neither deserializes the
 * sessions nor tracks each of their keys for its live query; it receives only the matches or the
 * totals. Where no worker can start (tests, a platform refusing it) they run in the page
 * (renderer/db/worker-jobs.ts).
 *
 * What is read and how it is filtered is one function over a {@link SessionReader}, so the worker
 * (raw IndexedDB) and the page (Dexie) answer alike.
 */
import {
  compareSessionsNewestFirst,
  DIMENSION_OF_FIELD,
  daysBetween,
  totalId,
  matchesSessionFilter,
  type PairingSession,
  type PairingTotal,
  totalsOf,
  type SessionFilter,
  type TotalDimension,
} from '../../../../shared/domain';
import { jobRunner } from '../../../db/worker-jobs';

export const LOW = '';
export const HIGH = '\uffff';

/** Reads sessions through the `[field+date]` indexes and the partners' index. */
export interface SessionReader {
  /** The sessions whose `field` is `value`, dated `from` to `to` (both included). */
  range(field: string, value: string, from: string, to: string): Promise<PairingSession[]>;
  /** The sessions `personId` was a partner in. */
  partnered(personId: string): Promise<PairingSession[]>;
  /**
   * The first and last date of the sessions {@link range} would read (null when there are none),
   * read from the index's keys at both ends, not from the sessions.
   */
  extent(field: string, value: string, from: string, to: string): Promise<[string, string] | null>;
  /** How many sessions an entity has over all time, from its kept total (0 without one). */
  sessionsOf(dimension: TotalDimension, value: string): Promise<number>;
}

/** The session log of a filter no one index answers: every match, newest first, with their minutes. */
export interface LoadedLog {
  kind: 'loaded';
  total: number;
  minutes: number;
  sessions: PairingSession[];
}

/** The filters an index can answer alone, in the order they are tried (the page's log reads them too). */
export const INDEXED = [
  ['appId', 'appId'],
  ['teamId', 'teamId'],
  ['cycleId', 'cycleId'],
  ['topic', 'topic'],
] as const satisfies readonly [keyof SessionFilter, keyof PairingSession][];

/**
 * Reads the sessions of the most selective filter (an app's, a person's — as the one who paired
 * and as a partner — a team's, a cycle's, a topic's) and keeps those that pass every filter,
 * newest first. `filter` has at least one of person, app, team, cycle or topic set.
 */
export async function readFilteredLog(reader: SessionReader, filter: SessionFilter): Promise<LoadedLog> {
  const from = filter.from ?? LOW;
  const to = filter.to ?? HIGH;
  let candidates: PairingSession[];
  if (filter.appId !== null) candidates = await reader.range('appId', filter.appId, from, to);
  else if (filter.personId !== null) {
    const [led, partnered] = await Promise.all([
      reader.range('personId', filter.personId, from, to),
      reader.partnered(filter.personId),
    ]);
    const seen = new Set(led.map((s) => s.id));
    candidates = [...led, ...partnered.filter((s) => !seen.has(s.id))];
  } else {
    const set = INDEXED.filter(([k]) => filter[k] !== null);
    if (set.length === 0) throw new Error('A filtered read needs a person, app, team, cycle or topic');
    candidates = await readNarrowest(reader, filter, set, from, to);
  }
  const sessions = candidates.filter((s) => matchesSessionFilter(s, filter)).sort(compareSessionsNewestFirst);
  const minutes = sessions.reduce((sum, s) => sum + s.durationMinutes, 0);
  return { kind: 'loaded', total: sessions.length, minutes, sessions };
}

/**
 * The sessions of one of several filters (a team's, a cycle's, a topic's) that may pass them all,
 * read through the index that should hold the fewest: each filter's sessions lie between its
 * first and last date (read from its index's ends), so all of them lie within the overlap of
 * those; each index holds about its kept total × the share of its own dates the overlap covers.
 * A cycle and a topic: the topic's sessions of the cycle's three months (some 400 of 200,000),
 * not the cycle's 3,600 sessions nor the topic's 16,000 read to keep the 270 of both — reading
 * sessions through an index is what the time goes on (a few hundred microseconds each).
 */
async function readNarrowest(
  reader: SessionReader,
  filter: SessionFilter,
  set: (typeof INDEXED)[number][],
  from: string,
  to: string,
): Promise<PairingSession[]> {
  const value = (key: (typeof INDEXED)[number][0]) => filter[key] as string;
  if (set.length === 1) return reader.range(set[0]![1], value(set[0]![0]), from, to);
  const [extents, totals] = await Promise.all([
    Promise.all(set.map(([key, field]) => reader.extent(field, value(key), from, to))),
    Promise.all(set.map(([key]) => reader.sessionsOf(DIMENSION_OF_FIELD[key], value(key)))),
  ]);
  let low = from;
  let high = to;
  for (const extent of extents) {
    if (!extent) return [];
    if (extent[0] > low) low = extent[0];
    if (extent[1] < high) high = extent[1];
  }
  if (low > high) return [];
  const overlap = daysBetween(low, high) + 1;
  let best = 0;
  let fewest = Number.POSITIVE_INFINITY;
  set.forEach((_, i) => {
    const [first, last] = extents[i]!;
    const estimate = (totals[i]! * overlap) / (daysBetween(first, last) + 1);
    if (estimate < fewest) {
      fewest = estimate;
      best = i;
    }
  });
  const [key, field] = set[best]!;
  return reader.range(field, value(key), low, high);
}

function all(request: IDBRequest<PairingSession[]>): Promise<PairingSession[]> {
  return new Promise((resolve, reject) => {
    request.onsuccess = () => resolve(request.result);
    request.onerror = () => reject(request.error ?? new Error('Read failed'));
  });
}

/** The date of the first (or last) key of an index range (its keys are [value, date]). */
function endDate(index: IDBIndex, range: IDBKeyRange, direction: 'next' | 'prev'): Promise<string | null> {
  return new Promise((resolve, reject) => {
    const request = index.openKeyCursor(range, direction);
    request.onsuccess = () => resolve(request.result ? ((request.result.key as string[])[1] ?? null) : null);
    request.onerror = () => reject(request.error ?? new Error('Read failed'));
  });
}

/**
 * {@link SessionReader} over an open IndexedDB database (what the worker reads with), through the
 * same indexes Dexie declared; each read in a read-only transaction of its own (one begun after
 * another's answer would find that one's transaction no longer active).
 */
export function idbReader(db: IDBDatabase): SessionReader {
  const sessions = () => db.transaction('pairingSessions', 'readonly').objectStore('pairingSessions');
  const bound = (value: string, from: string, to: string) => IDBKeyRange.bound([value, from], [value, to]);
  return {
    range: (field, value, from, to) =>
      all(
        sessions()
          .index(`[${field}+date]`)
          .getAll(bound(value, from, to)),
      ),
    partnered: (personId) => all(sessions().index('partnerIds').getAll(IDBKeyRange.only(personId))),
    extent: async (field, value, from, to) => {
      const index = sessions().index(`[${field}+date]`);
      const [first, last] = await Promise.all([
        endDate(index, bound(value, from, to), 'next'),
        endDate(index, bound(value, from, to), 'prev'),
      ]);
      return first !== null && last !== null ? [first, last] : null;
    },
    sessionsOf: (dimension, value) =>
      new Promise((resolve, reject) => {
        const store = db.transaction('pairingTotals', 'readonly').objectStore('pairingTotals');
        const request = store.get(totalId(dimension, value)) as IDBRequest<PairingTotal | undefined>;
        request.onsuccess = () => resolve(request.result?.sessions ?? 0);
        request.onerror = () => reject(request.error ?? new Error('Read failed'));
      }),
  };
}

/**
 * The totals of one dimension over all time (kept with every write), most minutes first, read
 * from an open IndexedDB database: what the worker sends for the hours of 5,000 people or 20,000
 * apps, so the page's live query does not track each of their keys.
 */
export function idbTotals(db: IDBDatabase, dimension: TotalDimension): Promise<PairingTotal[]> {
  const store = db.transaction('pairingTotals', 'readonly').objectStore('pairingTotals');
  const request = store.index('dimension').getAll(IDBKeyRange.only(dimension)) as IDBRequest<PairingTotal[]>;
  return new Promise((resolve, reject) => {
    request.onsuccess = () => resolve(totalsOf(request.result, dimension));
    request.onerror = () => reject(request.error ?? new Error('Read failed'));
  });
}

// --- Off the page's thread ----------------------------------------------------------------------

export type SessionJob =
  | { kind: 'open'; database: string }
  | { kind: 'log'; database: string; filter: SessionFilter }
  | { kind: 'totals'; database: string; dimension: TotalDimension };

type JobResult<J extends SessionJob> = J extends { kind: 'log' }
  ? LoadedLog
  : J extends { kind: 'open' }
    ? null
    : PairingTotal[];

const jobs = jobRunner<SessionJob>({
  start: () =>
    new Worker(new URL('./session-reads.worker.ts', import.meta.url), {
      type: 'module',
      name: 'session-reads',
    }),
  canStart: () => typeof indexedDB !== 'undefined',
  // A worker that cannot open the database: the page reads it.
  retryFailedInPage: true,
});

/**
 * Runs a read in the worker where one can start; else (or when the worker stops, or cannot open
 * the database) `inPage`, which reads the same through Dexie.
 */
export function runSessionJob<J extends SessionJob>(
  job: J,
  inPage: () => Promise<JobResult<J>>,
): Promise<JobResult<J>> {
  return jobs.run(job, inPage);
}

/**
 * Starts the worker and has it open the database, so that the first read the Pairing area asks
 * of it does not wait for both (some 100 ms on a 2-core laptop): called when the area opens.
 */
export function prepareSessionReads(database: string): void {
  runSessionJob({ kind: 'open', database }, () => Promise.resolve(null)).catch(() => {});
}
