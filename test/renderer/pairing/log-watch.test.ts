/**
 * What a live session log read by the worker watches (data/queries.ts watchFilteredLog): every
 * write that changes the log's answer reads it again — a session logged into it, edited in it,
 * moved out of it (another cycle, topic, app, person or day), deleted, put back by undo — while
 * a session written elsewhere (another cycle, another person) does not.
 */
import fc from 'fast-check';
import { liveQuery } from 'dexie';
import { beforeEach, describe, expect, it } from 'vitest';
import { undoChanges } from '../../../renderer/db/changes';
import type { AdoptionDatabase } from '../../../renderer/db/database';
import { loadSessionLog, watchFilteredLog } from '../../../renderer/features/pairing/data/queries';
import { deleteSession, editSession, logSession } from '../../../renderer/features/pairing/data/sessions';
import { NO_SESSION_FILTER, type PairingSession, type SessionFilter } from '../../../shared/domain';
import { freshDatabases } from '../db/db-helpers';
import { seedPairing, type PairingWorld } from './fixtures';

const freshDb = freshDatabases('pairing-log-watch');

/** Counts the runs of a live query that watches as the session log does for `filter`. */
function watching(database: AdoptionDatabase, filter: SessionFilter) {
  const counter = { runs: 0, stop: () => {} };
  const subscription = liveQuery(() =>
    database.transaction('r', ['pairingSessions', 'pairingTotals', 'pairingDays'], async () => {
      counter.runs++;
      await watchFilteredLog(database, filter);
      return counter.runs;
    }),
  ).subscribe({ error: (e: unknown) => console.error(e) });
  counter.stop = () => subscription.unsubscribe();
  return counter;
}

/** Lets every live query that a committed write concerns run again (a few IndexedDB round trips). */
async function settle(database: AdoptionDatabase) {
  for (let i = 0; i < 4; i++) {
    await database.pairingTotals.count();
    await new Promise((resolve) => setTimeout(resolve, 0));
  }
}

const answer = async (database: AdoptionDatabase, filter: SessionFilter) =>
  JSON.stringify(await loadSessionLog(database, filter));

describe('watchFilteredLog', () => {
  let database: AdoptionDatabase;
  let w: PairingWorld;
  let sessions: PairingSession[];

  beforeEach(async () => {
    database = freshDb();
    w = await seedPairing(database);
    sessions = [];
    const places = [
      ['2026-02-10', w.ana.id, [w.dev.id], w.ledger.id, 'Logging'],
      ['2026-02-20', w.bo.id, [w.ana.id], w.cards.id, 'CI pipeline'],
      ['2026-03-05', w.ana.id, [], w.ledger.id, 'CI pipeline'],
      ['2026-04-10', w.bo.id, [w.dev2.id], w.fraud.id, 'Logging'],
      ['2026-05-02', w.ana.id, [w.dev2.id], null, 'Logging'],
      ['2026-05-20', w.dev.id, [w.ana.id], w.cards.id, 'Logging'],
    ] as const;
    for (const [date, personId, partnerIds, appId, topic] of places) {
      const saved = await logSession(
        {
          date,
          durationMinutes: 45,
          personId,
          partnerIds: [...partnerIds],
          appId,
          teamId: appId === w.fraud.id ? w.risk.id : appId ? w.payments.id : null,
          goldenPathId: null,
          topic,
          notes: '',
          outcome: 'productive',
        },
        database,
      );
      sessions.push(saved.session);
    }
  });

  it('does not read again for sessions written in another cycle, or of another person', async () => {
    const inClosed = watching(database, { ...NO_SESSION_FILTER, cycleId: w.closed.id, topic: 'Logging' });
    const ofBo = watching(database, { ...NO_SESSION_FILTER, personId: w.bo.id, topic: 'Logging' });
    await settle(database);
    const before = [inClosed.runs, ofBo.runs];
    expect(before.every((n) => n >= 1)).toBe(true);
    // A session in the active cycle, by Ana with Dev: neither log can change.
    const other = await logSession(
      {
        date: '2026-06-01',
        durationMinutes: 30,
        personId: w.ana.id,
        partnerIds: [w.dev.id],
        appId: w.ledger.id,
        teamId: w.payments.id,
        goldenPathId: null,
        topic: 'Logging',
        notes: '',
        outcome: 'productive',
      },
      database,
    );
    await editSession(other.session.id, { durationMinutes: 60 }, { durationMinutes: 30 }, database);
    await deleteSession(other.session.id, database);
    await settle(database);
    expect([inClosed.runs, ofBo.runs]).toEqual(before);
    // …while one in the closed cycle on Logging reads the first again.
    await editSession(sessions[2]!.id, { topic: 'Logging' }, { topic: 'CI pipeline' }, database);
    await settle(database);
    expect(inClosed.runs).toBeGreaterThan(before[0]!);
    inClosed.stop();
    ofBo.stop();
  });

  it('reads again after every write that changes the answer (property)', async () => {
    const filters: SessionFilter[] = [
      { ...NO_SESSION_FILTER, cycleId: w.closed.id, topic: 'Logging' },
      { ...NO_SESSION_FILTER, personId: w.ana.id },
      { ...NO_SESSION_FILTER, personId: w.dev2.id, topic: 'Logging' },
      { ...NO_SESSION_FILTER, appId: w.ledger.id, from: '2026-02-01', to: '2026-03-01' },
      { ...NO_SESSION_FILTER, teamId: w.payments.id, topic: 'CI pipeline', to: '2026-03-01' },
      { ...NO_SESSION_FILTER, topic: 'Logging', from: '2026-04-01', cycleId: w.active.id },
    ];
    const write = fc.oneof(
      fc.record({
        kind: fc.constant('edit' as const),
        at: fc.nat(),
        patch: fc.constantFrom('date', 'person', 'partners', 'app', 'topic', 'minutes' as const),
        pick: fc.nat(),
      }),
      fc.record({ kind: fc.constant('delete' as const), at: fc.nat(), undo: fc.boolean() }),
      fc.record({ kind: fc.constant('log' as const), pick: fc.nat() }),
    );
    const dates = ['2026-02-15', '2026-02-25', '2026-03-20', '2026-04-15', '2026-06-10'];
    const people = [w.ana.id, w.bo.id, w.dev.id, w.dev2.id];
    const apps = [w.ledger.id, w.cards.id, w.fraud.id, null];
    const topics = ['Logging', 'CI pipeline', 'Tracing'];

    await fc.assert(
      fc.asyncProperty(fc.array(write, { minLength: 1, maxLength: 6 }), async (writes) => {
        const counters = filters.map((f) => watching(database, f));
        try {
          await settle(database);
          for (const step of writes) {
            const before = await Promise.all(filters.map((f) => answer(database, f)));
            const runs = counters.map((c) => c.runs);
            const live = await database.pairingSessions.toArray();
            if (step.kind === 'log' || live.length === 0) {
              const pick = step.kind === 'log' ? step.pick : 0;
              await logSession(
                {
                  date: dates[pick % dates.length]!,
                  durationMinutes: 30,
                  personId: people[pick % people.length]!,
                  partnerIds: pick % 2 ? [people[(pick + 1) % people.length]!] : [],
                  appId: apps[pick % apps.length]!,
                  teamId: null,
                  goldenPathId: null,
                  topic: topics[pick % topics.length]!,
                  notes: '',
                  outcome: 'productive',
                },
                database,
              );
            } else if (step.kind === 'delete') {
              const { undo } = await deleteSession(live[step.at % live.length]!.id, database);
              if (step.undo) await undoChanges(database, undo);
            } else {
              const s = live[step.at % live.length]!;
              const patch =
                step.patch === 'date'
                  ? { date: dates[step.pick % dates.length]! }
                  : step.patch === 'person'
                    ? { personId: people.filter((p) => !s.partnerIds.includes(p))[step.pick % 2]! }
                    : step.patch === 'partners'
                      ? {
                          partnerIds: step.pick % 2 ? [] : people.filter((p) => p !== s.personId).slice(0, 1),
                        }
                      : step.patch === 'app'
                        ? { appId: apps[step.pick % apps.length]! }
                        : step.patch === 'topic'
                          ? { topic: topics[step.pick % topics.length]! }
                          : { durationMinutes: 15 + (step.pick % 8) * 15 };
              await editSession(s.id, patch, undefined, database);
            }
            await settle(database);
            const after = await Promise.all(filters.map((f) => answer(database, f)));
            filters.forEach((f, i) => {
              if (after[i] !== before[i]) {
                expect(
                  counters[i]!.runs,
                  `${JSON.stringify(f)} after ${JSON.stringify(step)}`,
                ).toBeGreaterThan(runs[i]!);
              }
            });
          }
        } finally {
          for (const c of counters) c.stop();
        }
      }),
      { numRuns: 15 },
    );
  });
});
