/**
 * How the session log of several filters chooses what to read (session-reads.ts): the index that
 * should hold the fewest sessions, within the dates every filter's sessions share. A reader over
 * a plain list records each read, so the choice is seen, not only the answer (queries.test.ts
 * checks the answers against real IndexedDB).
 */
import { describe, expect, it } from 'vitest';
import { readFilteredLog, type SessionReader } from '../../../renderer/features/pairing/data/session-reads';
import {
  compareSessionsNewestFirst,
  matchesSessionFilter,
  NO_SESSION_FILTER,
  TOTAL_FIELDS,
  type PairingSession,
  type SessionFilter,
} from '../../../shared/domain';

function session(id: string, date: string, cycleId: string, topic: string, teamId = 't1'): PairingSession {
  return {
    id,
    createdAt: '2026-01-01T00:00:00.000Z',
    updatedAt: '2026-01-01T00:00:00.000Z',
    date,
    durationMinutes: 60,
    personId: 'p1',
    partnerIds: [],
    appId: null,
    teamId,
    cycleId,
    goldenPathId: null,
    topic,
    notes: '',
    outcome: 'productive',
  };
}

/** A reader over `sessions` that logs each range it reads whole: "topic:Logging 2026-01-01..2026-03-31". */
function listReader(sessions: PairingSession[]): SessionReader & { reads: string[] } {
  const reads: string[] = [];
  const inRange = (field: string, value: string, from: string, to: string) =>
    sessions
      .filter((s) => s[field as keyof PairingSession] === value && s.date >= from && s.date <= to)
      .sort((a, b) => (a.date < b.date ? -1 : a.date > b.date ? 1 : a.id < b.id ? -1 : 1));
  return {
    reads,
    range: async (field, value, from, to) => {
      reads.push(`${field}:${value} ${from}..${to}`);
      return inRange(field, value, from, to);
    },
    partnered: async (personId) => sessions.filter((s) => s.partnerIds.includes(personId)),
    extent: async (field, value, from, to) => {
      const found = inRange(field, value, from, to);
      return found.length ? [found[0]!.date, found.at(-1)!.date] : null;
    },
    sessionsOf: async (dimension, value) =>
      sessions.filter((s) => s[TOTAL_FIELDS[dimension]] === value).length,
  };
}

/** Two cycles of a quarter each, two topics: "Logging" spread over both years, "CI" rare. */
const SESSIONS: PairingSession[] = [];
for (let day = 0; day < 360; day++) {
  const date = new Date(Date.UTC(2026, 0, 1 + day)).toISOString().slice(0, 10);
  const cycleId = day < 90 ? 'q1' : day < 180 ? 'q2' : day < 270 ? 'q3' : 'q4';
  SESSIONS.push(session(`s${day}a`, date, cycleId, 'Logging'));
  SESSIONS.push(session(`s${day}b`, date, cycleId, day % 30 === 0 ? 'CI' : 'Logging', day % 2 ? 't1' : 't2'));
}

async function check(filter: SessionFilter) {
  const reader = listReader(SESSIONS);
  const log = await readFilteredLog(reader, filter);
  const expected = SESSIONS.filter((s) => matchesSessionFilter(s, filter)).sort(compareSessionsNewestFirst);
  expect(log.sessions.map((s) => s.id)).toEqual(expected.map((s) => s.id));
  expect(log.minutes).toBe(expected.length * 60);
  return reader.reads;
}

describe('the session log of several filters', () => {
  it("reads a common topic within the cycle's dates, not the cycle's every session", async () => {
    // Logging: 708 sessions over 360 days, so some 177 in q2's 90; q2 itself holds 180.
    const reads = await check({ ...NO_SESSION_FILTER, cycleId: 'q2', topic: 'Logging' });
    expect(reads).toEqual(['topic:Logging 2026-04-01..2026-06-29']);
  });

  it('reads a rare topic (12 sessions) rather than the cycle, within the same dates', async () => {
    expect(await check({ ...NO_SESSION_FILTER, cycleId: 'q3', topic: 'CI' })).toEqual([
      'topic:CI 2026-06-30..2026-09-27',
    ]);
  });

  it('narrows by the dates asked for too, and reads nothing when the filters share no date', async () => {
    expect(
      await check({
        ...NO_SESSION_FILTER,
        cycleId: 'q1',
        topic: 'Logging',
        from: '2026-02-01',
        to: '2026-12-31',
      }),
    ).toEqual(['topic:Logging 2026-02-01..2026-03-31']);
    // q1 ends on 31 March; from 1 April it has no session: nothing is read.
    expect(await check({ ...NO_SESSION_FILTER, cycleId: 'q1', topic: 'CI', from: '2026-04-01' })).toEqual([]);
  });

  it('with three filters, keeps only what passes them all', async () => {
    const reads = await check({ ...NO_SESSION_FILTER, teamId: 't2', cycleId: 'q4', topic: 'Logging' });
    expect(reads).toHaveLength(1);
  });
});
