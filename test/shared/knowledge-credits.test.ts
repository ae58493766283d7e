/**
 * The knowledge map's summary of the sessions (shared/domain/knowledge-credits.ts): the decayed
 * credit in factorised form equals the direct sum over sessions, the rows kept up to date session
 * by session equal a recount, and the map drawn from the rows equals the map drawn from the
 * sessions, unknown people and sessions after today included.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { APP_STAGES } from '../../shared/domain/apps';
import { mulberry32, randomIndex } from '../../shared/domain/random';
import {
  buildKnowledgeMap,
  lessonSuspects,
  ONBOARDED_STAGES,
  SEEDING_HOURS_PER_DAY,
  type KnowledgeInput,
  type KnowledgeMap,
  type KnowledgeSession,
} from '../../shared/domain/knowledge';
import {
  creditWeights,
  dayNumber,
  KnowledgeCreditCount,
  KnowledgeCredits,
  knowledgeCreditRows,
  rowIdsOf,
  type CreditRow,
  type KnowledgeCreditRow,
} from '../../shared/domain/knowledge-credits';
import { expectSameRows } from '../fixtures/knowledge-credits';

const TODAY = '2026-06-15';
const TOLERANCE = 1e-7;

// Programs over ten years (some sessions after today), with people, apps and golden paths that
// sessions name but the program does not know, sessions of no time, and people who left.
const arbWorld = fc
  .record({
    people: fc.array(fc.record({ team: fc.constantFrom('t1', 't2', null), left: fc.boolean() }), {
      minLength: 1,
      maxLength: 10,
    }),
    apps: fc.array(
      fc.record({ stage: fc.constantFrom(...APP_STAGES), paths: fc.subarray(['g1', 'g2', 'g9']) }),
      { maxLength: 4 },
    ),
    sessions: fc.array(
      fc.record({
        day: fc.integer({ min: dayNumber('2016-07-01'), max: dayNumber('2027-06-30') }),
        minutes: fc.constantFrom(0, -5, 30, 60, 90, 240),
        person: fc.nat(11),
        partners: fc.array(fc.nat(11), { maxLength: 3 }),
        app: fc.option(fc.nat(4), { nil: null }),
        path: fc.constantFrom(null, '', 'g1', 'g2', 'g3'),
      }),
      { maxLength: 50 },
    ),
    seedings: fc.array(
      fc.record({
        day: fc.integer({ min: dayNumber('2024-01-01'), max: dayNumber('2026-12-31') }),
        person: fc.nat(9),
      }),
      { maxLength: 3 },
    ),
    halfLifeDays: fc.constantFrom(30, 90, 180),
  })
  .map(({ people, apps, sessions, seedings, halfLifeDays }) => {
    // p0…p9 may be people; p10 and p11 never are.
    const pid = (n: number) => `p${n}`;
    const iso = (day: number) => new Date(day * 86_400_000).toISOString().slice(0, 10);
    return {
      people: people.map((p, i) => ({
        id: pid(i),
        name: `Person ${i}`,
        teamId: p.team,
        leftOn: p.left ? '2026-01-01' : null,
      })),
      // a0…a3 may be apps; a4 never is.
      apps: apps.map((a, i) => ({ id: `a${i}`, teamId: 't1', stage: a.stage, goldenPathIds: a.paths })),
      goldenPaths: [{ id: 'g1' }, { id: 'g2' }, { id: 'g3' }],
      sessions: sessions.map((s): KnowledgeSession => ({
        date: iso(s.day),
        durationMinutes: s.minutes,
        personId: pid(s.person),
        partnerIds: s.partners.map(pid),
        appId: s.app === null ? null : `a${s.app}`,
        goldenPathId: s.path,
      })),
      assignments: seedings.map((s) => ({
        kind: 'seeding' as const,
        personId: pid(s.person),
        targetTeamId: 't1',
        appId: apps.length > 0 ? 'a0' : null,
        startDate: iso(s.day),
        endDate: iso(s.day + 20),
      })),
      today: TODAY,
      halfLifeDays,
    } satisfies KnowledgeInput;
  });

/** The holders' decayed hours by the definition: every session and seeding, one by one. */
function directWeights(input: KnowledgeInput) {
  const h = input.halfLifeDays!;
  const today = dayNumber(input.today);
  const known = new Map(input.people.map((p) => [p.id, p]));
  const paths = new Set(input.goldenPaths.map((g) => g.id));
  const apps = new Map(input.apps.map((a) => [a.id, a]));
  const out = new Map<string, { weight: number; last: string }>();
  const add = (subject: string, personId: string, weight: number, date: string) => {
    if (!known.has(personId)) return;
    const key = `${subject}|${personId}`;
    const current = out.get(key) ?? { weight: 0, last: '' };
    out.set(key, { weight: current.weight + weight, last: date > current.last ? date : current.last });
  };
  const creditApp = (
    appId: string | null,
    pathIds: string[],
    personId: string,
    weight: number,
    date: string,
  ) => {
    const app = appId === null ? undefined : apps.get(appId);
    if (app && ONBOARDED_STAGES.includes(app.stage)) add(`app:${app.id}`, personId, weight, date);
    for (const path of pathIds) if (paths.has(path)) add(`path:${path}`, personId, weight, date);
  };
  for (const s of input.sessions!) {
    if (!(s.durationMinutes > 0)) continue;
    const weight = (s.durationMinutes / 60) * 0.5 ** (Math.max(0, today - dayNumber(s.date)) / h);
    const app = s.appId === null ? undefined : apps.get(s.appId);
    const pathIds = s.goldenPathId ? [s.goldenPathId] : [...(app?.goldenPathIds ?? [])];
    for (const personId of new Set([s.personId, ...s.partnerIds]))
      creditApp(s.appId, pathIds, personId, weight, s.date);
  }
  for (const a of input.assignments) {
    if (a.startDate > input.today || a.appId === null) continue;
    const last = a.endDate! < input.today ? a.endDate! : input.today;
    const days = dayNumber(last) - dayNumber(a.startDate) + 1;
    const weight = days * SEEDING_HOURS_PER_DAY * 0.5 ** ((today - dayNumber(last)) / h);
    creditApp(a.appId, [...(apps.get(a.appId)?.goldenPathIds ?? [])], a.personId, weight, last);
  }
  return out;
}

/** The map's holders as `${kind}:${id}|${person}` → weight and latest day. */
function holdersOf(map: KnowledgeMap) {
  const out = new Map<string, { weight: number; last: string }>();
  for (const s of [...map.goldenPaths, ...map.apps]) {
    for (const h of s.holders) {
      out.set(`${s.kind === 'app' ? 'app' : 'path'}:${s.id}|${h.personId}`, {
        weight: h.weight,
        last: h.lastDate,
      });
    }
  }
  return out;
}

const close = (a: number, b: number) => Math.abs(a - b) <= TOLERANCE * Math.max(1, Math.abs(b));

/** The map from the stored rows, as the screen draws it: rows, sessions after today, suspects' sessions. */
function mapFromRows(input: KnowledgeInput, rows: readonly KnowledgeCreditRow[]): KnowledgeMap {
  const sessions = input.sessions!;
  const lessonSessions = new Map(
    lessonSuspects(rows, input.people).map((id) => [
      id,
      sessions.filter((s) => s.personId === id || s.partnerIds.includes(id)),
    ]),
  );
  return buildKnowledgeMap({
    ...input,
    sessions: undefined,
    credits: rows,
    futureSessions: sessions.filter((s) => s.date > input.today),
    lessonSessions,
  });
}

describe('the factorised credit', () => {
  it('weighs a session of 2 hours 180 days ago as 1 hour, on any reference day', () => {
    const sessions = [
      {
        date: '2025-06-15',
        durationMinutes: 120,
        personId: 'ada',
        partnerIds: ['ben'],
        appId: 'a',
        goldenPathId: null,
      },
      {
        date: '2025-12-12',
        durationMinutes: 60,
        personId: 'ada',
        partnerIds: [],
        appId: 'a',
        goldenPathId: null,
      },
    ];
    const row = knowledgeCreditRows(sessions, 180).find((r) => r.id === 'app:a') as CreditRow;
    // Scaled to the latest day, 2025-12-12: Ada 60 + 120 × 2^(−180/180); Ben 60.
    expect(row.refDay).toBe(dayNumber('2025-12-12'));
    const { people, weights } = creditWeights(row, dayNumber('2025-12-12'));
    expect(people).toEqual(['ada', 'ben']);
    expect([...weights]).toEqual([2, 1]);
    expect([...row.counts]).toEqual([2, 1]);
  });

  it('equals the direct sum over every session and seeding, for each holder', () => {
    fc.assert(
      fc.property(arbWorld, (input) => {
        const direct = directWeights(input);
        const threshold = 1;
        for (const map of [
          buildKnowledgeMap(input),
          mapFromRows(input, knowledgeCreditRows(input.sessions, input.halfLifeDays)),
        ]) {
          const holders = holdersOf(map);
          const gone = new Set(input.people.filter((p) => p.leftOn).map((p) => p.id));
          for (const [key, { weight, last }] of direct) {
            const person = key.split('|')[1]!;
            // At the threshold itself rounding may decide either way.
            if (gone.has(person) || Math.abs(weight - threshold) <= TOLERANCE) continue;
            const held = holders.get(key);
            if (weight < threshold) expect(held, key).toBeUndefined();
            else {
              expect(held, key).toBeDefined();
              expect(close(held!.weight, weight), `${key}: ${held!.weight} vs ${weight}`).toBe(true);
              expect(held!.last, key).toBe(last);
            }
          }
          for (const key of holders.keys()) expect(direct.has(key), key).toBe(true);
        }
      }),
      { numRuns: 300 },
    );
  });
});

describe('the rows kept up to date', () => {
  it('equal a recount after sessions are added, edited and removed in any order', () => {
    fc.assert(
      fc.property(arbWorld, fc.array(fc.nat(), { maxLength: 20 }), (input, picks) => {
        const h = input.halfLifeDays;
        const stored = new Map<string, KnowledgeCreditRow>();
        let sessions: KnowledgeSession[] = [];
        // One write: load the rows the sessions touch, change them, recount whom it asks for.
        const write = (removed: KnowledgeSession[], added: KnowledgeSession[]) => {
          sessions = [...sessions.filter((s) => !removed.includes(s)), ...added];
          const credits = new KnowledgeCredits(h);
          credits.load([...new Set([...removed, ...added].flatMap(rowIdsOf))].map((id) => stored.get(id)));
          const recount = credits.remove(removed);
          credits.add(added);
          for (const person of recount) {
            const fresh = new KnowledgeCredits(h);
            fresh.add(sessions.filter((s) => s.personId === person || s.partnerIds.includes(person)));
            credits.recount(person, fresh);
          }
          const { puts, deletes } = credits.changes();
          for (const id of deletes) stored.delete(id);
          for (const row of puts) stored.set(row.id, row);
        };
        // Add them in twos, then take back, edit (a new duration and day) or keep, as picked.
        for (let i = 0; i < input.sessions.length; i += 2) write([], input.sessions.slice(i, i + 2));
        for (const pick of picks) {
          if (sessions.length === 0) break;
          const s = sessions[pick % sessions.length]!;
          if (pick % 3 === 0) write([s], []);
          else if (pick % 3 === 1) write([s], [{ ...s, durationMinutes: 45, date: '2020-02-29' }]);
        }
        expectSameRows([...stored.values()], knowledgeCreditRows(sessions, h), TODAY);
        // And the map drawn from them is the map of the sessions.
        const now = { ...input, sessions };
        const fromRows = mapFromRows(now, [...stored.values()]);
        expect(fromRows.lineage).toEqual(buildKnowledgeMap(now).lineage);
      }),
      { numRuns: 300 },
    );
  });
});

describe('the whole table counted at once', () => {
  it('equals the rows a write at a time keeps, in any slices, to the last bit across slicings', () => {
    fc.assert(
      fc.property(arbWorld, fc.integer({ min: 1, max: 7 }), (input, slice) => {
        const h = input.halfLifeDays;
        // What writes keep: every session added to rows that start empty.
        const kept = new KnowledgeCredits(h);
        kept.add(input.sessions);
        const whole = knowledgeCreditRows(input.sessions, h);
        expectSameRows(whole, kept.changes().puts, TODAY);
        // Added in slices, as a restore does between pauses: the same rows, bit for bit.
        const count = new KnowledgeCreditCount(h);
        for (let i = 0; i < input.sessions.length; i += slice) count.add(input.sessions.slice(i, i + slice));
        expect([...count.rows()]).toEqual(whole);
      }),
      { numRuns: 300 },
    );
  });

  it('lists each person once per row, in the order first credited, scaled to the latest day', () => {
    const at = (date: string, personId: string, partnerIds: string[], minutes = 60) => ({
      date,
      durationMinutes: minutes,
      personId,
      partnerIds,
      appId: 'a',
      goldenPathId: 'g',
    });
    const rows = knowledgeCreditRows(
      [
        at('2025-01-01', 'cy', ['ada', 'cy', 'ada']),
        at('2025-06-30', 'ada', ['ben'], 120),
        at('2025-03-01', 'ben', [], 0),
      ],
      180,
    );
    const app = rows.find((r) => r.id === 'app:a') as CreditRow;
    expect(app.people.split('\u001f')).toEqual(['cy', 'ada', 'ben']);
    expect(app.refDay).toBe(dayNumber('2025-06-30'));
    expect([...app.counts]).toEqual([1, 2, 1]);
    expect([...app.lastDays]).toEqual([
      dayNumber('2025-01-01'),
      dayNumber('2025-06-30'),
      dayNumber('2025-06-30'),
    ]);
    expect(app.sums[1]).toBe(120 + 60 * 2 ** (-(dayNumber('2025-06-30') - dayNumber('2025-01-01')) / 180));
    expect(rows.find((r) => r.id === 'path:g')).toMatchObject({ people: app.people, refDay: app.refDay });
    expect(rows.some((r) => r.id === 'app-unpathed:a')).toBe(false);
  });
});

describe('the whole table counted at once, at scale', () => {
  it('keeps each row as a write at a time does when its people fill many texts', () => {
    // 1,500 people with long ids: their ids joined make several of the texts rows are cut from.
    const random = mulberry32(7);
    const draw = (n: number) => randomIndex(random, n);
    const person = () => `person-${String(draw(1500)).padStart(4, '0')}-with-a-long-import-key`;
    const sessions: KnowledgeSession[] = Array.from({ length: 4000 }, () => ({
      date: new Date((dayNumber('2020-01-01') + draw(2000)) * 86_400_000).toISOString().slice(0, 10),
      durationMinutes: 30 * draw(5),
      personId: person(),
      partnerIds: Array.from({ length: draw(4) }, person),
      appId: draw(8) === 0 ? null : `a${draw(4)}`,
      goldenPathId: draw(3) === 0 ? null : `g${draw(3)}`,
    }));
    const kept = new KnowledgeCredits(180);
    kept.add(sessions);
    const expected = kept.changes().puts;
    const rows = knowledgeCreditRows(sessions, 180);
    expectSameRows(rows, expected, TODAY);
    // The people of each row, in the order first credited, to the character.
    const byId = new Map(expected.map((r) => [r.id, r]));
    const credits = rows.filter((r): r is CreditRow => r.row === 'credit');
    expect(credits.reduce((sum, r) => sum + r.people.length, 0)).toBeGreaterThan(100_000);
    for (const row of credits) {
      const other = byId.get(row.id) as CreditRow;
      expect(row.people, row.id).toBe(other.people);
      expect([...row.counts], row.id).toEqual([...other.counts]);
      expect([...row.lastDays], row.id).toEqual([...other.lastDays]);
      expect(row.refDay, row.id).toBe(other.refDay);
    }
  });
});

describe('the lineage from the rows', () => {
  it('recounts a learner whose first teacher is unknown, from their sessions', () => {
    const people = [
      { id: 'ada', name: 'Ada', teamId: null },
      { id: 'ben', name: 'Ben', teamId: null },
    ];
    const sessions = [
      // A session with someone not in the program comes first: it teaches Ben nothing.
      { date: '2025-01-01', durationMinutes: 60, personId: 'ghost', partnerIds: ['ben'], appId: null },
      { date: '2025-02-01', durationMinutes: 60, personId: 'ada', partnerIds: ['ben'], appId: null },
    ];
    const input = { people, apps: [], goldenPaths: [], assignments: [], sessions, today: TODAY };
    const rows = knowledgeCreditRows(sessions, 180);
    expect(lessonSuspects(rows, people)).toEqual(['ben']);
    const { lineage } = mapFromRows(input, rows);
    expect(lineage.nodes.get('ben')).toMatchObject({ seededBy: 'ada', since: '2025-02-01', generation: 1 });
    expect(lineage).toEqual(buildKnowledgeMap(input).lineage);
  });
});
