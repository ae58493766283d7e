/**
 * The Pairing area's reads on a real (fake-indexeddb) database: the session log through its
 * indexes gives exactly what filtering every session would, page by page; hours, stale apps
 * and quick entry's context.
 */
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { AdoptionDatabase } from '../../../renderer/db/database';
import { createAssignment } from '../../../renderer/features/pairing/data/assignments';
import { setLastEntry, setMe } from '../../../renderer/features/pairing/data/preferences';
import {
  countDateRange,
  loadKeptCycleTotals,
  loadCycleTotals,
  loadQuickEntryContext,
  loadSessionLog,
  loadSessionPage,
  loadStaleApps,
  loadTotals,
  nameOptions,
  searchApps,
} from '../../../renderer/features/pairing/data/queries';
import { deleteSession, logSession } from '../../../renderer/features/pairing/data/sessions';
import { idbReader, idbTotals, readFilteredLog } from '../../../renderer/features/pairing/data/session-reads';
import {
  addDaysIso,
  compareSessionsNewestFirst,
  matchesSessionFilter,
  NO_SESSION_FILTER,
  recountTotals,
  TOTAL_DIMENSIONS,
  type PairingSession,
  type SessionFilter,
} from '../../../shared/domain';
import { freshDatabases } from '../db/db-helpers';
import { logAt, seedPairing, type PairingWorld } from './fixtures';

const freshDb = freshDatabases('pairing-queries');

describe('the session log', () => {
  let database: AdoptionDatabase;
  let w: PairingWorld;
  let all: PairingSession[];

  // One database for the whole group (freshDb's are deleted after each test).
  beforeAll(async () => {
    database = new AdoptionDatabase(`pairing-log-${crypto.randomUUID()}`);
    w = await seedPairing(database);
    const people = [w.ana, w.bo];
    const partners = [[w.dev.id], [w.dev2.id], [w.dev.id, w.dev2.id], []];
    const places = [
      [w.ledger.id, w.payments.id],
      [w.cards.id, w.payments.id],
      [w.fraud.id, w.risk.id],
      [null, w.risk.id],
    ] as const;
    for (let i = 0; i < 36; i++) {
      const [appId, teamId] = places[i % 4]!;
      await logSession(
        {
          date: addDaysIso('2026-03-20', (i * 7) % 30),
          durationMinutes: 30 + (i % 5) * 15,
          personId: people[i % 2]!.id,
          partnerIds: partners[(i >> 1) % 4]!,
          appId,
          teamId,
          goldenPathId: null,
          topic: i % 3 === 0 ? 'Logging' : 'CI pipeline',
          notes: '',
          outcome: 'productive',
        },
        database,
      );
    }
    all = await database.pairingSessions.toArray();
  });
  afterAll(() => database.delete());

  /** Every session of the log for a filter, newest first: read whole, or page by page. */
  async function listed(filter: SessionFilter): Promise<PairingSession[]> {
    const log = await loadSessionLog(database, filter);
    if (log.kind === 'loaded') return log.sessions;
    const out: PairingSession[] = [];
    for (let start = 0; start < log.total; start += 7) {
      out.push(...(await loadSessionPage(database, filter, start, Math.min(log.total, start + 7))));
    }
    expect(out).toHaveLength(log.total);
    // The count and minutes come from the totals where they can: they must be what is listed.
    if (log.minutes !== null) expect(log.minutes).toBe(out.reduce((sum, s) => sum + s.durationMinutes, 0));
    return out;
  }

  it('reads pages through an index when one filter (or none) is set, and filters in memory otherwise', async () => {
    expect(await loadSessionLog(database, NO_SESSION_FILTER)).toMatchObject({
      kind: 'paged',
      minutes: all.reduce((sum, s) => sum + s.durationMinutes, 0),
    });
    expect(
      (await loadSessionLog(database, { ...NO_SESSION_FILTER, cycleId: w.active.id, from: '2026-04-01' }))
        .kind,
    ).toBe('paged');
    expect((await loadSessionLog(database, { ...NO_SESSION_FILTER, personId: w.ana.id })).kind).toBe(
      'loaded',
    );
    expect(
      (await loadSessionLog(database, { ...NO_SESSION_FILTER, appId: w.ledger.id, topic: 'Logging' })).kind,
    ).toBe('loaded');
  });

  it('lists exactly the sessions that pass every filter, newest first, whichever way it reads them', async () => {
    const pick = <T>(values: T[]) => fc.option(fc.constantFrom(...values), { freq: 2 });
    await fc.assert(
      fc.asyncProperty(
        fc.record({
          personId: pick([w.ana.id, w.bo.id, w.dev.id, w.dev2.id]),
          appId: pick([w.ledger.id, w.cards.id, w.fraud.id]),
          teamId: pick([w.payments.id, w.risk.id]),
          cycleId: pick([w.closed.id, w.active.id]),
          topic: pick(['Logging', 'CI pipeline']),
          from: pick(['2026-03-25', '2026-04-01']),
          to: pick(['2026-04-05', '2026-04-30']),
        }),
        async (filter) => {
          const expected = all
            .filter((s) => matchesSessionFilter(s, filter))
            .sort(compareSessionsNewestFirst);
          expect((await listed(filter)).map((s) => s.id)).toEqual(expected.map((s) => s.id));
        },
      ),
      { numRuns: 60 },
    );
  });

  it("reads what the worker reads through raw IndexedDB as the page does through Dexie: the same matches, a cycle's same totals, the same kept totals", async () => {
    const idb = await new Promise<IDBDatabase>((resolve, reject) => {
      const request = indexedDB.open(database.name);
      request.onsuccess = () => resolve(request.result);
      request.onerror = () => reject(request.error);
    });
    try {
      const pick = <T>(values: T[]) => fc.option(fc.constantFrom(...values), { freq: 2 });
      await fc.assert(
        fc.asyncProperty(
          fc.record({
            personId: pick([w.ana.id, w.dev.id]),
            appId: pick([w.ledger.id, w.fraud.id]),
            teamId: pick([w.payments.id, w.risk.id]),
            cycleId: fc.constantFrom(w.closed.id, w.active.id),
            topic: pick(['Logging', 'CI pipeline']),
            from: pick(['2026-03-25', '2026-04-01']),
            to: pick(['2026-04-05', '2026-04-30']),
          }),
          async (filter) => {
            const expected = all
              .filter((s) => matchesSessionFilter(s, filter))
              .sort(compareSessionsNewestFirst);
            const read = await readFilteredLog(idbReader(idb), filter);
            expect(read.sessions).toEqual(expected);
            expect(read.minutes).toBe(expected.reduce((sum, s) => sum + s.durationMinutes, 0));
          },
        ),
        { numRuns: 40 },
      );
      for (const cycle of [w.closed, w.active]) {
        const kept = await loadKeptCycleTotals(database, cycle.id);
        expect(kept.length).toBeGreaterThan(0);
        expect(kept).toEqual(recountTotals(all.filter((s) => s.cycleId === cycle.id)));
      }
      for (const dimension of TOTAL_DIMENSIONS) {
        const kept = await idbTotals(idb, dimension);
        expect(kept.length).toBeGreaterThan(0);
        expect(kept).toEqual(await loadTotals(database, dimension));
      }
    } finally {
      idb.close();
    }
  });

  it('offers people and teams to the filters by name, as the name index orders them', async () => {
    for (const table of ['people', 'teams'] as const) {
      const byIndex = await database[table].orderBy('name').toArray();
      expect(await nameOptions(database, table)).toEqual(byIndex.map((r) => ({ id: r.id, label: r.name })));
    }
    expect((await nameOptions(database, 'people')).map((o) => o.label)).toContain(w.ana.name);
  });

  it('still answers reads by one field (deleting a cycle counts its sessions that way)', async () => {
    for (const [field, value] of [
      ['personId', w.ana.id],
      ['appId', w.ledger.id],
      ['teamId', w.risk.id],
      ['cycleId', w.active.id],
      ['topic', 'Logging'],
    ] as const) {
      const expected = all.filter((s) => s[field] === value).length;
      expect(expected).toBeGreaterThan(0);
      expect(await database.pairingSessions.where(field).equals(value).count(), field).toBe(expected);
    }
  });

  it('counts a date range from the sessions per day kept with every write', async () => {
    const day = fc.integer({ min: -5, max: 110 }).map((n) => addDaysIso('2026-01-01', n));
    await fc.assert(
      fc.asyncProperty(fc.option(day, { freq: 3 }), fc.option(day, { freq: 3 }), async (from, to) => {
        const expected = all.filter(
          (s) => (from === null || s.date >= from) && (to === null || s.date <= to),
        );
        expect(await countDateRange(database, from, to)).toBe(expected.length);
      }),
      { numRuns: 80 },
    );
    // The fixture's sessions lie in two cycles: a range may cut through either.
    expect(new Set(all.map((s) => s.cycleId))).toEqual(new Set([w.closed.id, w.active.id]));
  });

  it('gives hours per person over all time from the totals, and per app within a cycle from its kept totals', async () => {
    const minutesOf = (list: PairingSession[]) => list.reduce((sum, s) => sum + s.durationMinutes, 0);
    const people = await loadTotals(database, 'person');
    expect(people.map((t) => [t.entityId, t.minutes])).toEqual(
      [w.ana, w.bo]
        .map((p) => [p.id, minutesOf(all.filter((s) => s.personId === p.id))] as const)
        .sort((a, b) => b[1] - a[1]),
    );
    const inCycle = await loadCycleTotals(database, w.active.id, 'app');
    const ledger = inCycle.find((t) => t.entityId === w.ledger.id);
    expect(ledger?.minutes).toBe(
      minutesOf(all.filter((s) => s.appId === w.ledger.id && s.cycleId === w.active.id)),
    );
  });
});

describe('a date range with sessions outside every cycle', () => {
  it('is counted from its days, and a cycle whose sessions lie outside its dates still counts right', async () => {
    const database = freshDb();
    const w = await seedPairing(database);
    const dates = ['2025-11-02', '2026-01-15', '2026-03-31', '2026-04-01', '2026-06-30', '2026-08-09'];
    for (const date of dates) {
      await logAt(database, { person: w.ana, date, minutes: 30, team: w.payments, topic: 'Logging' });
    }
    const count = (from: string | null, to: string | null) => countDateRange(database, from, to);
    expect(await count('2026-01-01', '2026-06-30')).toBe(4);
    expect(await count(null, '2026-03-31')).toBe(3);
    expect(await count('2026-04-01', null)).toBe(3);
    // Without them: per cycle. Moving the active cycle's end earlier leaves its sessions' cycle as it was.
    const outside = await database.pairingSessions.filter((s) => s.cycleId === null).toArray();
    expect(outside.map((s) => s.date).sort()).toEqual(['2025-11-02', '2026-08-09']);
    for (const session of outside) await deleteSession(session.id, database);
    await database.cycles.update(w.active.id, { endDate: '2026-05-01' });
    expect(await count('2026-01-01', '2026-06-30')).toBe(4);
    expect(await count('2026-05-01', null)).toBe(1);
    expect(await count('2026-03-31', '2026-04-01')).toBe(2);
    expect(await count('2026-07-01', null)).toBe(0);
  });
});

describe('stale onboarding apps', () => {
  it('lists the onboarding apps with no session in the last two weeks, in all cycles or one', async () => {
    const database = freshDb();
    const w = await seedPairing(database);
    const session = (appId: string, date: string) => ({
      date,
      durationMinutes: 60,
      personId: w.ana.id,
      partnerIds: [],
      appId,
      teamId: w.payments.id,
      goldenPathId: null,
      topic: 'CI',
      notes: '',
      outcome: 'productive' as const,
    });
    await logSession(session(w.ledger.id, '2026-05-02'), database);
    await logSession(session(w.cards.id, '2026-05-20'), database);
    const stale = await loadStaleApps(database, '2026-05-25');
    expect(stale.map((s) => [s.app.name, s.lastDate])).toEqual([['Ledger', '2026-05-02']]);
    expect(await loadStaleApps(database, '2026-05-25', w.closed.id)).toEqual([]);
    expect((await loadStaleApps(database, '2026-06-10', w.active.id)).map((s) => s.app.name)).toEqual([
      'Ledger',
      'Cards',
    ]);
  });
});

describe("quick entry's context", () => {
  it("is the advocate's assignment covering today and the session quick entry logged last", async () => {
    const database = freshDb();
    const w = await seedPairing(database);
    expect(await loadQuickEntryContext(database, '2026-05-01')).toMatchObject({
      assignment: null,
      last: null,
    });
    await setMe(w.ana.id, database);
    const { assignment } = await createAssignment(
      {
        kind: 'pairing',
        personId: w.ana.id,
        targetTeamId: w.risk.id,
        appId: w.fraud.id,
        cycleId: w.active.id,
        startDate: '2026-04-01',
        endDate: null,
        notes: '',
      },
      database,
    );
    const base = {
      durationMinutes: 45,
      personId: w.ana.id,
      partnerIds: [w.dev2.id],
      appId: w.fraud.id,
      teamId: w.risk.id,
      goldenPathId: null,
      topic: 'Tracing',
      notes: '',
      outcome: 'productive' as const,
    };
    const latest = await logSession({ ...base, date: '2026-04-28' }, database);
    const backfilled = await logSession({ ...base, date: '2026-04-02', topic: 'Alerts' }, database);
    expect((await loadQuickEntryContext(database, '2026-05-01')).last?.id).toBe(latest.session.id);
    await setLastEntry(backfilled.session.id, database);
    const context = await loadQuickEntryContext(database, '2026-05-01');
    expect(context.assignment?.id).toBe(assignment.id);
    expect(context.last?.id).toBe(backfilled.session.id);
    expect(context.settings.me?.id).toBe(w.ana.id);
  });
});

describe('the app picker', () => {
  it("offers the team's apps containing the text first, then apps starting with it", async () => {
    const database = freshDb();
    const w = await seedPairing(database);
    expect((await searchApps(database, '', w.payments.id)).map((a) => a.name)).toEqual(['Cards', 'Ledger']);
    expect((await searchApps(database, 'dg', w.payments.id)).map((a) => a.name)).toEqual(['Ledger']);
    expect((await searchApps(database, 'fr', w.payments.id)).map((a) => a.name)).toEqual(['Fraud']);
    expect((await searchApps(database, 'fr', null)).map((a) => a.name)).toEqual(['Fraud']);
  });
});
