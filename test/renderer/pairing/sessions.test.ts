/**
 * Pairing sessions on a real (fake-indexeddb) database: log, edit, delete and undo, each in one
 * transaction, with the hours totals kept in that same transaction equal to a recount.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { undoChanges } from '../../../renderer/db/changes';
import type { AdoptionDatabase } from '../../../renderer/db/database';
import { restoreBackup } from '../../../renderer/db/backup';
import { clearAllData } from '../../../renderer/db/demo';
import {
  deleteSession,
  editSession,
  logSession,
  prepareSession,
  type SessionInput,
} from '../../../renderer/features/pairing/data/sessions';
import { EditConflictError, ValidationError, addDaysIso } from '../../../shared/domain';
import { freshDatabases } from '../db/db-helpers';
import { keptAndRecounted, seedPairing, type PairingWorld } from './fixtures';

const freshDb = freshDatabases('pairing-sessions');

async function world() {
  const database = freshDb();
  return { database, w: await seedPairing(database) };
}

const input = (w: PairingWorld, over: Partial<SessionInput> = {}): SessionInput => ({
  date: '2026-04-14',
  durationMinutes: 90,
  personId: w.ana.id,
  partnerIds: [w.dev.id],
  appId: w.ledger.id,
  teamId: w.payments.id,
  goldenPathId: w.javaPath.id,
  topic: 'CI pipeline',
  notes: '',
  outcome: 'productive',
  ...over,
});

async function refusal(promise: Promise<unknown>): Promise<ValidationError> {
  try {
    await promise;
  } catch (error) {
    if (error instanceof ValidationError) return error;
    throw error;
  }
  throw new Error('expected the write to be refused');
}

async function expectTotalsEqualRecount(database: AdoptionDatabase) {
  const { kept, recounted, keptDays, recountedDays, keptCycles, recountedCycles } =
    await keptAndRecounted(database);
  expect(kept).toEqual(recounted);
  expect(keptDays).toEqual(recountedDays);
  expect(keptCycles).toEqual(recountedCycles);
}

describe('logging a session', () => {
  it('stores it in the cycle of its date and counts its hours at once', async () => {
    const { database, w } = await world();
    const saved = await logSession(input(w), database);
    expect(saved.session).toMatchObject({ date: '2026-04-14', cycleId: w.active.id, durationMinutes: 90 });
    expect(saved.inClosedCycle).toBe(false);
    expect(await database.pairingSessions.count()).toBe(1);
    expect(await database.pairingTotals.get(`person:${w.ana.id}`)).toMatchObject({
      sessions: 1,
      minutes: 90,
      lastDate: '2026-04-14',
    });
    expect(await database.pairingTotals.get(`cycle:${w.active.id}`)).toMatchObject({
      sessions: 1,
      minutes: 90,
    });
    await expectTotalsEqualRecount(database);
  });

  it('allows a date in a closed cycle, and says so', async () => {
    const { database, w } = await world();
    const saved = await logSession(input(w, { date: '2026-03-31' }), database);
    expect(saved.session.cycleId).toBe(w.closed.id);
    expect(saved.inClosedCycle).toBe(true);
    // The hand-over day belongs to the next cycle.
    expect((await logSession(input(w, { date: '2026-04-01' }), database)).session.cycleId).toBe(w.active.id);
    expect((await logSession(input(w, { date: '2025-06-01' }), database)).session.cycleId).toBeNull();
  });

  it.each([
    [0, 'Duration must be more than 0'],
    [-30, 'Duration cannot be negative'],
    [24 * 60 + 1, 'Duration must be at most 1440'],
    [Number.NaN, 'Duration must be a number'],
    ['ninety' as unknown as number, 'Duration must be a number'],
  ])('refuses a duration of %s with a message at the field, writing nothing', async (duration, message) => {
    const { database, w } = await world();
    const error = await refusal(logSession(input(w, { durationMinutes: duration }), database));
    expect(error.messageFor('durationMinutes')).toBe(message);
    expect(await database.pairingSessions.count()).toBe(0);
    expect(await database.pairingTotals.count()).toBe(0);
  });

  it('refuses an unknown person, a person as their own partner, and a missing topic', async () => {
    const { database, w } = await world();
    const stranger = await refusal(logSession(input(w, { personId: crypto.randomUUID() }), database));
    expect(stranger.messageFor('personId')).toMatch(/not a known person/);
    const self = await refusal(logSession(input(w, { partnerIds: [w.ana.id] }), database));
    expect(self.messageFor('partnerIds')).toMatch(/cannot be their own partner/);
    const topic = await refusal(logSession(input(w, { topic: '  ' }), database));
    expect(topic.messageFor('topic')).toBe('Topic is required');
    expect(await database.pairingSessions.count()).toBe(0);
  });
});

describe('a session prepared before it is stored (quick entry)', () => {
  it('is checked without the database, in the cycle of its date, and stored under its id', async () => {
    const { database, w } = await world();
    const cycles = await database.cycles.toArray();
    const known = new Set([w.ana.id, w.bo.id, w.dev.id]);
    const isPerson = (id: string) => known.has(id);
    const prepared = prepareSession(input(w), cycles, isPerson);
    expect(prepared).toMatchObject({ personId: w.ana.id, cycleId: w.active.id, durationMinutes: 90 });
    expect(prepareSession(input(w, { date: '2026-03-20' }), cycles, isPerson).cycleId).toBe(w.closed.id);
    expect(await database.pairingSessions.count()).toBe(0);

    const saved = await logSession(input(w), database, { id: prepared.id });
    expect(saved.session).toMatchObject({ id: prepared.id, cycleId: prepared.cycleId });
    expect(await database.pairingSessions.get(prepared.id)).toMatchObject({ durationMinutes: 90 });
    await expectTotalsEqualRecount(database);
  });

  it('is refused with the same messages as a write: unknown people, own partner, bad fields', () => {
    const [ana, gone] = [crypto.randomUUID(), crypto.randomUUID()];
    const isPerson = (id: string) => id !== gone;
    const refused = (over: Partial<SessionInput>) => {
      try {
        prepareSession({ ...base, ...over }, [], isPerson);
      } catch (error) {
        if (error instanceof ValidationError) return error;
        throw error;
      }
      throw new Error('expected a refusal');
    };
    const base: SessionInput = {
      date: '2026-04-14',
      durationMinutes: 60,
      personId: ana,
      partnerIds: [],
      appId: null,
      teamId: null,
      goldenPathId: null,
      topic: 'CI pipeline',
      notes: '',
      outcome: 'productive',
    };
    expect(prepareSession(base, [], isPerson).cycleId).toBeNull();
    expect(refused({ personId: gone }).messageFor('personId')).toMatch(/not a known person/);
    expect(refused({ partnerIds: [ana] }).messageFor('partnerIds')).toMatch(/cannot be their own partner/);
    expect(refused({ partnerIds: [gone] }).messageFor('partnerIds')).toMatch(/not a known person any more/);
    expect(refused({ durationMinutes: 0 }).messageFor('durationMinutes')).toBeDefined();
    expect(refused({ topic: ' ' }).messageFor('topic')).toBe('Topic is required');
  });
});

describe('editing a session', () => {
  it('moves its hours with it: another app, another date in another cycle', async () => {
    const { database, w } = await world();
    const { session } = await logSession(input(w), database);
    const saved = await editSession(
      session.id,
      { appId: w.cards.id, date: '2026-03-20', durationMinutes: 30 },
      { appId: w.ledger.id, date: '2026-04-14', durationMinutes: 90 },
      database,
    );
    expect(saved.session).toMatchObject({ appId: w.cards.id, cycleId: w.closed.id, durationMinutes: 30 });
    expect(saved.inClosedCycle).toBe(true);
    expect(await database.pairingTotals.get(`app:${w.ledger.id}`)).toBeUndefined();
    expect(await database.pairingTotals.get(`app:${w.cards.id}`)).toMatchObject({ minutes: 30 });
    await expectTotalsEqualRecount(database);
  });

  it('refuses, writing nothing, when a changed field was changed elsewhere since the form opened', async () => {
    const { database, w } = await world();
    const { session } = await logSession(input(w), database);
    await editSession(session.id, { durationMinutes: 120 }, { durationMinutes: 90 }, database);
    await expect(
      editSession(session.id, { durationMinutes: 45 }, { durationMinutes: 90 }, database),
    ).rejects.toBeInstanceOf(EditConflictError);
    expect((await database.pairingSessions.get(session.id))?.durationMinutes).toBe(120);
    // A field nobody else changed saves, and keeps the other's change.
    await editSession(session.id, { topic: 'Logging' }, { topic: 'CI pipeline' }, database);
    expect(await database.pairingSessions.get(session.id)).toMatchObject({
      durationMinutes: 120,
      topic: 'Logging',
    });
    await expectTotalsEqualRecount(database);
  });

  it('refuses a bad duration at the field and leaves the session and its hours as they were', async () => {
    const { database, w } = await world();
    const { session } = await logSession(input(w), database);
    const error = await refusal(editSession(session.id, { durationMinutes: 0 }, undefined, database));
    expect(error.messageFor('durationMinutes')).toBe('Duration must be more than 0');
    expect((await database.pairingSessions.get(session.id))?.durationMinutes).toBe(90);
    await expectTotalsEqualRecount(database);
  });
});

describe('deleting a session', () => {
  it('takes its hours away, and Undo brings both back', async () => {
    const { database, w } = await world();
    const first = await logSession(input(w, { date: '2026-04-10' }), database);
    const latest = await logSession(input(w, { date: '2026-04-20', durationMinutes: 30 }), database);
    const { undo } = await deleteSession(latest.session.id, database);
    // The latest date goes back to the session before.
    expect(await database.pairingTotals.get(`person:${w.ana.id}`)).toMatchObject({
      sessions: 1,
      minutes: 90,
      lastDate: '2026-04-10',
    });
    await expectTotalsEqualRecount(database);
    await undoChanges(database, undo);
    expect(await database.pairingSessions.get(latest.session.id)).toEqual(latest.session);
    expect(await database.pairingTotals.get(`person:${w.ana.id}`)).toMatchObject({
      sessions: 2,
      lastDate: '2026-04-20',
    });
    await expectTotalsEqualRecount(database);
    await deleteSession(first.session.id, database);
    await deleteSession(latest.session.id, database);
    expect(await database.pairingTotals.count()).toBe(0);
  });

  it('undoes a log and an edit too, with their hours', async () => {
    const { database, w } = await world();
    const logged = await logSession(input(w), database);
    const edited = await editSession(logged.session.id, { durationMinutes: 15 }, undefined, database);
    await undoChanges(database, edited.undo);
    expect((await database.pairingSessions.get(logged.session.id))?.durationMinutes).toBe(90);
    await expectTotalsEqualRecount(database);
    await undoChanges(database, logged.undo);
    expect(await database.pairingSessions.count()).toBe(0);
    expect(await database.pairingTotals.count()).toBe(0);
  });
});

describe('the hours totals', () => {
  it('equal a recount after any sequence of logs, edits, deletes and undos', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.array(
          fc.record({
            op: fc.constantFrom('log', 'log', 'edit', 'delete', 'undo'),
            day: fc.integer({ min: 60, max: 130 }),
            minutes: fc.integer({ min: 1, max: 300 }),
            who: fc.nat(1),
            app: fc.nat(2),
            topic: fc.nat(1),
            at: fc.nat(),
          }),
          { minLength: 1, maxLength: 12 },
        ),
        async (ops) => {
          const { database, w } = await world();
          const people = [w.ana, w.bo];
          const apps = [w.ledger, w.cards, null];
          const ids: string[] = [];
          const undos = [];
          for (const o of ops) {
            const fields = {
              date: addDaysIso('2026-01-01', o.day),
              durationMinutes: o.minutes,
              personId: people[o.who]!.id,
              appId: apps[o.app]?.id ?? null,
              topic: ['Logging', 'CI pipeline'][o.topic]!,
            };
            if (o.op === 'log' || ids.length === 0) {
              const saved = await logSession(input(w, fields), database);
              ids.push(saved.session.id);
              undos.push(saved.undo);
            } else if (o.op === 'edit') {
              undos.push((await editSession(ids[o.at % ids.length]!, fields, undefined, database)).undo);
            } else if (o.op === 'delete') {
              const [id] = ids.splice(o.at % ids.length, 1);
              undos.push((await deleteSession(id!, database)).undo);
            } else {
              // The last write undone; refused (and so harmless) when a later one touched the record.
              await undoChanges(database, undos.pop()!).catch(() => undefined);
              ids.splice(0, ids.length, ...(await database.pairingSessions.toCollection().primaryKeys()));
            }
          }
          await expectTotalsEqualRecount(database);
          database.close();
        },
      ),
      { numRuns: 25 },
    );
  });

  it('are computed by a restore and emptied by deleting all data', async () => {
    const { database, w } = await world();
    const a = await logSession(input(w), database);
    const b = await logSession(input(w, { personId: w.bo.id, appId: null }), database);
    const other = freshDb();
    await restoreBackup({ tables: { pairingSessions: [a.session, b.session] } as never }, other);
    expect(await other.pairingTotals.orderBy('id').toArray()).toEqual(
      await database.pairingTotals.orderBy('id').toArray(),
    );
    expect(await other.pairingDays.toArray()).toEqual([{ id: a.session.date, sessions: 2, minutes: 180 }]);
    expect(await other.pairingDays.toArray()).toEqual(await database.pairingDays.toArray());
    expect(await other.pairingCycleTotals.toArray()).toEqual(await database.pairingCycleTotals.toArray());
    await clearAllData(database);
    expect(await database.pairingTotals.count()).toBe(0);
    expect(await database.pairingCycleTotals.count()).toBe(0);
    expect(await database.pairingDays.count()).toBe(0);
  });
});
