/** Pairing's calculations: durations, hours totals and their deltas, sessions per day, stale apps, assignments, quick entry's defaults. */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { addDaysIso } from '../../shared/domain/dates';
import {
  applyCycleTotalsDelta,
  applyDaysDelta,
  applyTotalsDelta,
  assignmentBoard,
  compareSessionsNewestFirst,
  currentAssignment,
  DIMENSION_OF_FIELD,
  durationText,
  formatDuration,
  formatHours,
  matchesSessionFilter,
  NO_SESSION_FILTER,
  parseDuration,
  peakLoad,
  quickEntryDefaults,
  rangesOverlap,
  recountCycleTotals,
  recountDays,
  recountTotals,
  staleOnboardingApps,
  sumDays,
  totalsDelta,
  totalsOf,
  twoPlacesConflicts,
  TOTAL_DIMENSIONS,
  TOTAL_FIELDS,
  upgradeSessionWithGoldenPath,
  type AssignmentFacts,
  type PairingDay,
  type PairingTotal,
  type SessionFacts,
} from '../../shared/domain/pairing';

describe('parseDuration', () => {
  it.each([
    ['1.5', 90],
    ['1,5', 90],
    ['2h', 120],
    ['2 hours', 120],
    ['.5', 30],
    ['90m', 90],
    ['45 min', 45],
    ['1:30', 90],
    ['1h30', 90],
    ['1h 30m', 90],
    ['24', 1440],
    ['0.33', 20],
  ])('reads %s as %i minutes', (text, minutes) => {
    expect(parseDuration(text)).toEqual({ ok: true, minutes });
  });

  it.each([
    ['', 'Duration is required'],
    ['  ', 'Duration is required'],
    ['0', 'Duration must be more than 0'],
    ['0m', 'Duration must be more than 0'],
    ['0:00', 'Duration must be more than 0'],
    ['-1', 'Duration cannot be negative'],
    ['-30m', 'Duration cannot be negative'],
    ['25', 'Duration must be at most 24 hours: 25 hours is more (for minutes, type 25m)'],
    ['90', 'Duration must be at most 24 hours: 90 hours is more (for minutes, type 90m)'],
    ['1441m', 'Duration must be at most 24 hours'],
    ['24:01', 'Duration must be at most 24 hours'],
    ['1:75', 'Duration: 75 minutes is not a minute of an hour (0–59)'],
    ['abc', 'Duration must be a number of hours (1.5 or 1:30) or minutes (90m)'],
    ['1e3', 'Duration must be a number of hours (1.5 or 1:30) or minutes (90m)'],
    ['NaN', 'Duration must be a number of hours (1.5 or 1:30) or minutes (90m)'],
    ['Infinity', 'Duration must be a number of hours (1.5 or 1:30) or minutes (90m)'],
    ['1.2.3', 'Duration must be a number of hours (1.5 or 1:30) or minutes (90m)'],
  ])('refuses %j: %s', (text, message) => {
    expect(parseDuration(text)).toEqual({ ok: false, message });
  });

  it('reads back what it shows for every whole-minute duration of a day', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 1440 }), (minutes) => {
        expect(parseDuration(durationText(minutes))).toEqual({ ok: true, minutes });
        expect(parseDuration(`${minutes}m`)).toEqual({ ok: true, minutes });
      }),
    );
  });

  it('never accepts a duration outside (0, 24 h], whatever is typed', () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 12 }), (text) => {
        const result = parseDuration(text);
        if (result.ok) {
          expect(Number.isInteger(result.minutes)).toBe(true);
          expect(result.minutes).toBeGreaterThan(0);
          expect(result.minutes).toBeLessThanOrEqual(1440);
        } else expect(result.message).toMatch(/^Duration/);
      }),
    );
  });
});

describe('formatting durations and hours', () => {
  it('says minutes, hours, or both', () => {
    expect(formatDuration(45)).toBe('45 min');
    expect(formatDuration(120)).toBe('2 h');
    expect(formatDuration(90)).toBe('1 h 30 min');
    expect(durationText(90)).toBe('1.5');
    expect(durationText(50)).toBe('0:50');
    expect(formatHours(90)).toBe('1.5');
    expect(formatHours(60 * 1234 + 30)).toBe('1,234.5');
  });
});

// --- Totals ------------------------------------------------------------------------------------

const session = (over: Partial<SessionFacts> = {}): SessionFacts => ({
  date: '2026-03-02',
  durationMinutes: 60,
  personId: 'ana',
  appId: 'ledger',
  teamId: 'payments',
  cycleId: 'c1',
  topic: 'CI pipeline',
  ...over,
});

describe('DIMENSION_OF_FIELD', () => {
  it('reads TOTAL_FIELDS the other way, one field for each dimension', () => {
    for (const dimension of TOTAL_DIMENSIONS)
      expect(DIMENSION_OF_FIELD[TOTAL_FIELDS[dimension]]).toBe(dimension);
    expect(Object.keys(DIMENSION_OF_FIELD).sort()).toEqual([
      'appId',
      'cycleId',
      'personId',
      'teamId',
      'topic',
    ]);
  });
});

describe('recountTotals', () => {
  it('totals sessions and minutes per person, app, team, cycle and topic, with the latest date', () => {
    const totals = recountTotals([
      session(),
      session({ date: '2026-03-05', durationMinutes: 30, appId: null }),
      session({ personId: 'bo', date: '2026-02-20', durationMinutes: 90, cycleId: null, topic: 'Logging' }),
    ]);
    const get = (id: string) => totals.find((t) => t.id === id);
    expect(get('person:ana')).toEqual({
      id: 'person:ana',
      dimension: 'person',
      entityId: 'ana',
      sessions: 2,
      minutes: 90,
      lastDate: '2026-03-05',
    });
    expect(get('person:bo')).toMatchObject({ sessions: 1, minutes: 90, lastDate: '2026-02-20' });
    expect(get('app:ledger')).toMatchObject({ sessions: 2, minutes: 150, lastDate: '2026-03-02' });
    // Sessions without an app (cycle) count under no entity, without a latest date.
    expect(get('app:')).toMatchObject({ sessions: 1, minutes: 30, lastDate: null });
    expect(get('cycle:')).toMatchObject({ sessions: 1, minutes: 90, lastDate: null });
    expect(get('team:payments')).toMatchObject({ sessions: 3, minutes: 180 });
    expect(get('cycle:c1')).toMatchObject({ sessions: 2, minutes: 90 });
    expect(get('topic:CI pipeline')).toMatchObject({ sessions: 2, minutes: 90 });
    expect(totals.map((t) => t.id)).toEqual([...totals.map((t) => t.id)].sort());
  });

  it('orders a dimension by most minutes first', () => {
    const totals = recountTotals([
      session({ personId: 'a', durationMinutes: 30 }),
      session({ personId: 'b', durationMinutes: 120 }),
      session({ personId: 'c', durationMinutes: 60 }),
    ]);
    expect(totalsOf(totals, 'person').map((t) => t.entityId)).toEqual(['b', 'c', 'a']);
  });
});

/**
 * The database's way of keeping totals, simulated: each write applies its delta to the stored
 * totals and, where the latest session may be gone, looks the latest date up among the sessions.
 */
function applyWrite(
  stored: Map<string, PairingTotal>,
  sessions: readonly SessionFacts[],
  removed: SessionFacts[],
  added: SessionFacts[],
) {
  for (const delta of totalsDelta(removed, added)) {
    const { total, recountLastDate } = applyTotalsDelta(stored.get(delta.id), delta);
    if (!total) {
      stored.delete(delta.id);
      continue;
    }
    if (recountLastDate) {
      const dates = sessions
        .filter((s) => recountTotals([s]).some((t) => t.id === delta.id))
        .map((s) => s.date)
        .sort();
      total.lastDate = dates.at(-1) ?? null;
    }
    stored.set(delta.id, total);
  }
}

const arbitrarySession = fc.record({
  date: fc.integer({ min: 0, max: 40 }).map((d) => addDaysIso('2026-01-01', d)),
  durationMinutes: fc.integer({ min: 1, max: 1440 }),
  personId: fc.constantFrom('ana', 'bo', 'cy'),
  appId: fc.constantFrom('ledger', 'cards', null),
  teamId: fc.constantFrom('payments', 'risk', null),
  cycleId: fc.constantFrom('c1', 'c2', null),
  topic: fc.constantFrom('CI pipeline', 'Logging'),
});

type Write =
  | { kind: 'add'; session: SessionFacts }
  | { kind: 'edit'; at: number; session: SessionFacts }
  | { kind: 'delete'; at: number };

const arbitraryWrites = fc.array(
  fc.oneof(
    fc.record({ kind: fc.constant('add' as const), session: arbitrarySession }),
    fc.record({ kind: fc.constant('edit' as const), at: fc.nat(), session: arbitrarySession }),
    fc.record({ kind: fc.constant('delete' as const), at: fc.nat() }),
  ),
  { maxLength: 40 },
) as fc.Arbitrary<Write[]>;

describe("a cycle's totals", () => {
  const c2 = (over: Partial<SessionFacts> = {}) => session({ cycleId: 'c2', date: '2026-04-10', ...over });

  it('are counted per cycle, from its sessions only; sessions without a cycle count in none', () => {
    const rows = recountCycleTotals([c2(), session(), session({ cycleId: null }), c2({ personId: 'bo' })]);
    expect(rows.map((r) => r.id)).toEqual(['c1', 'c2']);
    expect(rows[0]!.totals).toEqual(recountTotals([session()]));
    expect(rows[1]!.totals).toEqual(recountTotals([c2(), c2({ personId: 'bo' })]));
  });

  it('follow a write and ask for the latest date when the latest session of an entity goes', () => {
    const older = c2({ date: '2026-04-01', durationMinutes: 30 });
    const latest = c2({ date: '2026-04-10', durationMinutes: 90 });
    const [row] = recountCycleTotals([older, latest]);
    const { row: after, recount } = applyCycleTotalsDelta(row, 'c2', totalsDelta([latest], []));
    expect(after!.totals.map((t) => [t.id, t.sessions, t.minutes])).toEqual(
      recountTotals([older]).map((t) => [t.id, t.sessions, t.minutes]),
    );
    // Every entity of the deleted session lost its latest one: the caller looks each up.
    expect(recount.map((t) => t.id).sort()).toEqual(after!.totals.map((t) => t.id).sort());
    // The last session of the cycle gone: no row.
    expect(applyCycleTotalsDelta(after!, 'c2', totalsDelta([older], [])).row).toBeNull();
    // A new cycle's first session: a row of its own.
    expect(applyCycleTotalsDelta(undefined, 'c3', totalsDelta([], [c2({ cycleId: 'c3' })])).row).toEqual({
      id: 'c3',
      totals: recountTotals([c2({ cycleId: 'c3' })]),
    });
  });
});

describe('totalsDelta and applyTotalsDelta', () => {
  it('keep totals equal to a recount through any sequence of adds, edits and deletes', () => {
    fc.assert(
      fc.property(arbitraryWrites, (writes) => {
        const sessions: SessionFacts[] = [];
        const stored = new Map<string, PairingTotal>();
        for (const write of writes) {
          if (write.kind === 'add') {
            sessions.push(write.session);
            applyWrite(stored, sessions, [], [write.session]);
          } else if (sessions.length > 0) {
            const at = write.at % sessions.length;
            const before = sessions[at]!;
            if (write.kind === 'edit') {
              sessions[at] = write.session;
              applyWrite(stored, sessions, [before], [write.session]);
            } else {
              sessions.splice(at, 1);
              applyWrite(stored, sessions, [before], []);
            }
          }
        }
        const kept = [...stored.values()].sort((a, b) => (a.id < b.id ? -1 : 1));
        expect(kept).toEqual(recountTotals(sessions));
      }),
      { numRuns: 300 },
    );
  });

  it('lists nothing for an edit that changes no total (notes, partners)', () => {
    expect(totalsDelta([session()], [session()])).toEqual([]);
  });

  it('asks for the latest date only when the latest session may be gone', () => {
    const current: PairingTotal = {
      id: 'person:ana',
      dimension: 'person',
      entityId: 'ana',
      sessions: 3,
      minutes: 180,
      lastDate: '2026-03-05',
    };
    const [older] = totalsDelta([session({ date: '2026-03-01' })], []).filter((d) => d.id === 'person:ana');
    expect(applyTotalsDelta(current, older!)).toMatchObject({
      total: { sessions: 2, minutes: 120, lastDate: '2026-03-05' },
      recountLastDate: false,
    });
    const [latest] = totalsDelta([session({ date: '2026-03-05' })], []).filter((d) => d.id === 'person:ana');
    expect(applyTotalsDelta(current, latest!).recountLastDate).toBe(true);
    const [moved] = totalsDelta([session({ date: '2026-03-05' })], [session({ date: '2026-03-09' })]).filter(
      (d) => d.id === 'person:ana',
    );
    expect(applyTotalsDelta(current, moved!)).toMatchObject({
      total: { sessions: 3, lastDate: '2026-03-09' },
      recountLastDate: false,
    });
    const [last] = totalsDelta([session({ durationMinutes: 180 })], []).filter((d) => d.id === 'person:ana');
    expect(applyTotalsDelta({ ...current, sessions: 1 }, last!)).toEqual({
      total: null,
      recountLastDate: false,
    });
  });
});

// --- Stale apps --------------------------------------------------------------------------------

describe('sessions per day', () => {
  it('counts sessions and minutes per date, in date order', () => {
    const days = recountDays([
      { date: '2026-04-02', durationMinutes: 30 },
      { date: '2026-04-01', durationMinutes: 90 },
      { date: '2026-04-02', durationMinutes: 45 },
    ]);
    expect(days).toEqual([
      { id: '2026-04-01', sessions: 1, minutes: 90 },
      { id: '2026-04-02', sessions: 2, minutes: 75 },
    ]);
    expect(sumDays(days)).toEqual({ sessions: 3, minutes: 165 });
    expect(sumDays([])).toEqual({ sessions: 0, minutes: 0 });
  });

  it('moves a session from one day to another, and deletes a day left empty', () => {
    const current = new Map<string, PairingDay>([
      ['2026-04-01', { id: '2026-04-01', sessions: 1, minutes: 90 }],
      ['2026-04-02', { id: '2026-04-02', sessions: 2, minutes: 75 }],
    ]);
    expect(
      applyDaysDelta(
        current,
        [{ date: '2026-04-01', durationMinutes: 90 }],
        [{ date: '2026-04-02', durationMinutes: 60 }],
      ),
    ).toEqual({ put: [{ id: '2026-04-02', sessions: 3, minutes: 135 }], deleted: ['2026-04-01'] });
    // An edit that changes neither the date nor the duration writes nothing.
    const same = { date: '2026-04-02', durationMinutes: 30 };
    expect(applyDaysDelta(current, [same], [same])).toEqual({ put: [], deleted: [] });
  });

  it('keep the days equal to a recount through any sequence of adds, edits and deletes', () => {
    fc.assert(
      fc.property(arbitraryWrites, (writes) => {
        const sessions: SessionFacts[] = [];
        const stored = new Map<string, PairingDay>();
        const apply = (removed: SessionFacts[], added: SessionFacts[]) => {
          const { put, deleted } = applyDaysDelta(stored, removed, added);
          for (const day of put) stored.set(day.id, day);
          for (const id of deleted) stored.delete(id);
        };
        for (const write of writes) {
          if (write.kind === 'add') {
            sessions.push(write.session);
            apply([], [write.session]);
          } else if (sessions.length > 0) {
            const at = write.at % sessions.length;
            const before = sessions[at]!;
            if (write.kind === 'edit') {
              sessions[at] = write.session;
              apply([before], [write.session]);
            } else {
              sessions.splice(at, 1);
              apply([before], []);
            }
          }
        }
        const kept = [...stored.values()].sort((a, b) => (a.id < b.id ? -1 : 1));
        expect(kept).toEqual(recountDays(sessions));
      }),
      { numRuns: 300 },
    );
  });
});

describe('staleOnboardingApps', () => {
  const app = (id: string, stage = 'onboarding') => ({ id, stage, name: id.toUpperCase() });
  const today = '2026-03-15';

  it('lists onboarding apps with no session in the last 14 days, never-paired first, then the longest without', () => {
    const last: Record<string, string | null> = {
      fresh: '2026-03-10',
      edge: '2026-03-02', // today and the 13 days before: 2 March is the first of them
      stale: '2026-03-01',
      older: '2026-01-20',
      never: null,
      done: '2025-01-01',
    };
    const stale = staleOnboardingApps(
      [app('fresh'), app('edge'), app('stale'), app('older'), app('never'), app('done', 'on-platform')],
      (id) => last[id],
      today,
    );
    expect(stale.map((s) => [s.app.id, s.lastDate])).toEqual([
      ['never', null],
      ['older', '2026-01-20'],
      ['stale', '2026-03-01'],
    ]);
  });

  it('never lists an app with a session in the window, nor one that is not onboarding', () => {
    fc.assert(
      fc.property(
        fc.array(
          fc.record({
            stage: fc.constantFrom('onboarding', 'selected', 'on-platform'),
            days: fc.option(fc.integer({ min: -60, max: 5 })),
          }),
          { maxLength: 20 },
        ),
        (rows) => {
          const apps = rows.map((r, i) => ({ id: `a${i}`, name: `A${i}`, stage: r.stage }));
          const lastOf = (id: string) => {
            const days = rows[Number(id.slice(1))]!.days;
            return days === null ? null : addDaysIso(today, days);
          };
          const stale = staleOnboardingApps(apps, lastOf, today);
          for (const s of stale) {
            expect(s.app.stage).toBe('onboarding');
            expect(s.lastDate === null || s.lastDate < addDaysIso(today, -13)).toBe(true);
          }
          const expected = apps.filter((a) => {
            const last = lastOf(a.id);
            return a.stage === 'onboarding' && (last === null || last < addDaysIso(today, -13));
          });
          expect(stale).toHaveLength(expected.length);
        },
      ),
    );
  });
});

// --- Assignments -------------------------------------------------------------------------------

const assignment = (over: Partial<AssignmentFacts & { cycleId: string | null }> = {}) => ({
  id: over.id ?? 'x',
  kind: 'pairing' as const,
  personId: 'ana',
  targetTeamId: 'payments',
  appId: null,
  startDate: '2026-01-05',
  endDate: '2026-02-27' as string | null,
  cycleId: 'c1' as string | null,
  ...over,
});

describe('assignments', () => {
  it('overlap when they share a day; an open end runs on', () => {
    expect(rangesOverlap(assignment(), assignment({ startDate: '2026-02-27', endDate: '2026-03-10' }))).toBe(
      true,
    );
    expect(rangesOverlap(assignment(), assignment({ startDate: '2026-02-20', endDate: null }))).toBe(true);
    expect(rangesOverlap(assignment(), assignment({ startDate: '2026-02-28', endDate: null }))).toBe(false);
    expect(
      rangesOverlap(assignment({ endDate: '2026-01-31' }), assignment({ startDate: '2026-02-01' })),
    ).toBe(false);
  });

  it('put a person in two places at once when one of two overlapping assignments elsewhere is seeding', () => {
    const seeding = assignment({ id: 's', kind: 'seeding', targetTeamId: 'risk' });
    const pairing = assignment({ id: 'p' });
    const samePlace = assignment({ id: 'q', kind: 'seeding' });
    const later = assignment({ id: 'l', startDate: '2026-03-01', endDate: null, targetTeamId: 'cards' });
    const someoneElse = assignment({ id: 'o', personId: 'bo', targetTeamId: 'cards' });
    expect(twoPlacesConflicts(pairing, [seeding, samePlace, later, someoneElse]).map((a) => a.id)).toEqual([
      's',
    ]);
    // Two pairings elsewhere are load, not a conflict.
    expect(twoPlacesConflicts(pairing, [assignment({ id: 'r', targetTeamId: 'risk' })])).toEqual([]);
    // An assignment never conflicts with itself (an edit checks against the stored version).
    expect(twoPlacesConflicts(seeding, [seeding])).toEqual([]);
  });

  it('conflict symmetrically', () => {
    const arbitrary = fc.record({
      kind: fc.constantFrom('pairing' as const, 'seeding' as const),
      targetTeamId: fc.constantFrom('t1', 't2', null),
      appId: fc.constantFrom('a1', null),
      start: fc.integer({ min: 0, max: 30 }),
      days: fc.option(fc.integer({ min: 0, max: 30 })),
    });
    fc.assert(
      fc.property(arbitrary, arbitrary, (x, y) => {
        const make = (r: typeof x, id: string) =>
          assignment({
            id,
            kind: r.kind,
            targetTeamId: r.targetTeamId,
            appId: r.appId,
            startDate: addDaysIso('2026-01-01', r.start),
            endDate: r.days === null ? null : addDaysIso('2026-01-01', r.start + r.days),
          });
        const [a, b] = [make(x, 'a'), make(y, 'b')];
        expect(twoPlacesConflicts(a, [b]).length).toBe(twoPlacesConflicts(b, [a]).length);
      }),
    );
  });

  it('load is the most places on one day; several assignments at one place count once', () => {
    const list = [
      assignment({ id: '1', targetTeamId: 'payments', startDate: '2026-01-05', endDate: '2026-01-20' }),
      assignment({ id: '2', targetTeamId: 'risk', startDate: '2026-01-10', endDate: '2026-01-25' }),
      assignment({ id: '3', targetTeamId: 'cards', startDate: '2026-01-21', endDate: '2026-02-10' }),
      assignment({
        id: '4',
        targetTeamId: 'payments',
        kind: 'seeding',
        startDate: '2026-01-12',
        endDate: null,
      }),
    ];
    expect(peakLoad(list, '2026-01-01', '2026-03-31')).toBe(3);
    expect(peakLoad(list.slice(0, 1), '2026-01-01', '2026-03-31')).toBe(1);
    expect(peakLoad(list, '2026-02-11', '2026-03-31')).toBe(1);
    expect(peakLoad([], '2026-01-01', '2026-03-31')).toBe(0);
  });

  it('load never exceeds the number of places nor falls below one while an assignment runs', () => {
    fc.assert(
      fc.property(
        fc.array(
          fc.record({ team: fc.constantFrom('t1', 't2', 't3'), start: fc.nat(60), days: fc.nat(40) }),
          { minLength: 1, maxLength: 8 },
        ),
        (rows) => {
          const list = rows.map((r, i) =>
            assignment({
              id: String(i),
              targetTeamId: r.team,
              startDate: addDaysIso('2026-01-01', r.start),
              endDate: addDaysIso('2026-01-01', r.start + r.days),
            }),
          );
          const load = peakLoad(list, '2026-01-01', '2026-12-31');
          expect(load).toBeGreaterThanOrEqual(1);
          expect(load).toBeLessThanOrEqual(new Set(rows.map((r) => r.team)).size);
        },
      ),
    );
  });

  it("build a cycle's board: columns by place, each person's load and conflicts during the cycle", () => {
    const cycle = { id: 'c1', startDate: '2026-01-01', endDate: '2026-04-01' };
    const all = [
      assignment({ id: 'a', personId: 'ana', targetTeamId: 'payments' }),
      assignment({ id: 'b', personId: 'ana', targetTeamId: 'risk', startDate: '2026-01-10' }),
      assignment({ id: 'c', personId: 'ana', targetTeamId: 'cards', cycleId: 'c0', kind: 'seeding' }),
      assignment({ id: 'd', personId: 'bo', targetTeamId: 'payments', kind: 'seeding' }),
      assignment({ id: 'e', personId: 'cy', targetTeamId: null, appId: 'ledger', cycleId: null }),
      assignment({ id: 'f', personId: 'cy', targetTeamId: 'risk', cycleId: 'c2', startDate: '2026-04-01' }),
    ];
    const board = assignmentBoard(all, cycle, 2);
    expect(board.columns.map((c) => [c.place, c.assignments.map((a) => a.id)])).toEqual([
      ['team:payments', ['a', 'd']],
      ['team:risk', ['b']],
      ['app:ledger', ['e']],
    ]);
    const ana = board.people.get('ana')!;
    expect(ana.load).toBe(3);
    expect(ana.overloaded).toBe(true);
    expect(ana.conflicts.map(([x, y]) => [x.id, y.id])).toEqual([
      ['a', 'c'],
      ['b', 'c'],
    ]);
    expect(board.people.get('bo')).toMatchObject({ load: 1, overloaded: false, conflicts: [] });
    // Cycle c2 starts on the hand-over day: cy's later assignment is not on this board.
    expect(board.people.get('cy')).toMatchObject({ load: 1, overloaded: false });
  });
});

// --- Quick entry -------------------------------------------------------------------------------

describe('quick entry', () => {
  const last = {
    durationMinutes: 90,
    partnerIds: ['dev1'],
    appId: 'ledger',
    teamId: 'payments',
    goldenPathId: 'gp-java',
    topic: 'CI pipeline',
  };

  it('finds the assignment covering today that started last', () => {
    const list = [
      assignment({ id: 'old', startDate: '2025-12-01', endDate: '2026-01-31' }),
      assignment({ id: 'now', startDate: '2026-02-01', endDate: null }),
      assignment({ id: 'next', startDate: '2026-04-01' }),
    ];
    expect(currentAssignment(list, '2026-02-10')?.id).toBe('now');
    expect(currentAssignment(list, '2026-01-15')?.id).toBe('old');
    expect(currentAssignment(list.slice(0, 1), '2026-02-10')).toBeNull();
  });

  it('starts from the current assignment and the last session at the same place', () => {
    expect(
      quickEntryDefaults({
        today: '2026-03-02',
        assignment: { targetTeamId: 'payments', appId: null },
        last,
      }),
    ).toEqual({
      date: '2026-03-02',
      durationMinutes: 90,
      partnerIds: ['dev1'],
      teamId: 'payments',
      appId: 'ledger',
      goldenPathId: 'gp-java',
      topic: 'CI pipeline',
    });
  });

  it('drops partners and golden path when the assignment moved to another place', () => {
    expect(
      quickEntryDefaults({ today: '2026-03-02', assignment: { targetTeamId: 'risk', appId: 'fraud' }, last }),
    ).toEqual({
      date: '2026-03-02',
      durationMinutes: 90,
      partnerIds: [],
      teamId: 'risk',
      appId: 'fraud',
      goldenPathId: null,
      topic: 'CI pipeline',
    });
  });

  it('copies the last session without an assignment, and an hour with neither', () => {
    expect(quickEntryDefaults({ today: '2026-03-02', assignment: null, last })).toMatchObject({
      teamId: 'payments',
      appId: 'ledger',
      partnerIds: ['dev1'],
    });
    expect(quickEntryDefaults({ today: '2026-03-02', assignment: null, last: null })).toEqual({
      date: '2026-03-02',
      durationMinutes: 60,
      partnerIds: [],
      teamId: null,
      appId: null,
      goldenPathId: null,
      topic: '',
    });
  });
});

// --- The log's filter --------------------------------------------------------------------------

describe('the session filter', () => {
  const s = { ...session(), partnerIds: ['dev1'], id: 'x' };

  it('matches a person who paired or was a partner, and every other filter exactly', () => {
    expect(matchesSessionFilter(s, NO_SESSION_FILTER)).toBe(true);
    expect(matchesSessionFilter(s, { ...NO_SESSION_FILTER, personId: 'ana' })).toBe(true);
    expect(matchesSessionFilter(s, { ...NO_SESSION_FILTER, personId: 'dev1' })).toBe(true);
    expect(matchesSessionFilter(s, { ...NO_SESSION_FILTER, personId: 'bo' })).toBe(false);
    expect(matchesSessionFilter(s, { ...NO_SESSION_FILTER, from: '2026-03-02', to: '2026-03-02' })).toBe(
      true,
    );
    expect(matchesSessionFilter(s, { ...NO_SESSION_FILTER, from: '2026-03-03' })).toBe(false);
    expect(matchesSessionFilter(s, { ...NO_SESSION_FILTER, topic: 'Logging' })).toBe(false);
    expect(matchesSessionFilter(s, { ...NO_SESSION_FILTER, cycleId: 'c1', teamId: 'payments' })).toBe(true);
  });

  it('orders newest first, then by id backwards (the order of the indexes read backwards)', () => {
    const list = [
      { date: '2026-03-01', id: 'b' },
      { date: '2026-03-02', id: 'a' },
      { date: '2026-03-01', id: 'c' },
    ].sort(compareSessionsNewestFirst);
    expect(list.map((x) => x.id)).toEqual(['a', 'c', 'b']);
  });
});

describe('schema version 3', () => {
  it('gives a session without a golden path none, and leaves the rest as it was', () => {
    expect(upgradeSessionWithGoldenPath({ id: 'x', topic: 'CI' })).toEqual({
      id: 'x',
      topic: 'CI',
      goldenPathId: null,
    });
    expect(upgradeSessionWithGoldenPath({ id: 'x', goldenPathId: 'g' })).toEqual({
      id: 'x',
      goldenPathId: 'g',
    });
    expect(upgradeSessionWithGoldenPath('junk')).toBe('junk');
    expect(upgradeSessionWithGoldenPath(null)).toBeNull();
  });
});
