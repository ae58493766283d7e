/** The knowledge map: seeding lineage, decayed holders, single points of knowledge, departures. */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { APP_STAGES } from '../../shared/domain/apps';
import {
  buildKnowledgeMap,
  departureImpact,
  type KnowledgeInput,
  type KnowledgeMap,
  type KnowledgeSubject,
} from '../../shared/domain/knowledge';

// Ada and Ben are the platform team; Cleo and Dan the Payments team; Eve and Finn Orders.
const people = [
  { id: 'ada', name: 'Ada', teamId: 'platform' },
  { id: 'ben', name: 'Ben', teamId: 'platform' },
  { id: 'cleo', name: 'Cleo', teamId: 'payments' },
  { id: 'dan', name: 'Dan', teamId: 'payments' },
  { id: 'eve', name: 'Eve', teamId: 'orders' },
  { id: 'finn', name: 'Finn', teamId: 'orders' },
  { id: 'gus', name: 'Gus', teamId: null },
];
const world: KnowledgeInput = {
  people,
  apps: [
    { id: 'pay-api', teamId: 'payments', stage: 'on-platform', goldenPathIds: ['java'] },
    { id: 'orders-web', teamId: 'orders', stage: 'onboarding', goldenPathIds: ['java', 'node'] },
    { id: 'legacy', teamId: 'orders', stage: 'candidate', goldenPathIds: [] },
  ],
  goldenPaths: [{ id: 'java' }, { id: 'node' }, { id: 'batch' }],
  assignments: [
    // Ada seeds Payments for the first quarter: 90 days, 90 hours dated 31 March.
    {
      kind: 'seeding',
      personId: 'ada',
      targetTeamId: 'payments',
      appId: 'pay-api',
      startDate: '2025-01-01',
      endDate: '2025-03-31',
    },
    // Cleo seeds Orders from July, still running today: 184 days, 184 hours dated today.
    {
      kind: 'seeding',
      personId: 'cleo',
      targetTeamId: 'orders',
      appId: 'orders-web',
      startDate: '2025-07-01',
      endDate: null,
    },
    // Pairing assignments teach no one by themselves: their sessions do.
    {
      kind: 'pairing',
      personId: 'gus',
      targetTeamId: 'orders',
      appId: null,
      startDate: '2024-01-01',
      endDate: null,
    },
  ],
  sessions: [
    {
      date: '2025-02-01',
      durationMinutes: 240,
      personId: 'ben',
      partnerIds: ['cleo', 'dan'],
      appId: 'pay-api',
    },
    // Dan pairs with Ben after Ben first taught: Ben stays a root.
    { date: '2025-03-01', durationMinutes: 60, personId: 'dan', partnerIds: ['ben'], appId: 'pay-api' },
    {
      date: '2025-08-01',
      durationMinutes: 180,
      personId: 'cleo',
      partnerIds: ['eve'],
      appId: 'orders-web',
      goldenPathId: 'node',
    },
  ],
  today: '2025-12-31',
};

const holders = (subject: KnowledgeSubject | undefined) =>
  subject?.holders.map((h) => [h.personId, Math.round(h.weight * 100) / 100]);
const subject = (map: KnowledgeMap, id: string) => [...map.apps, ...map.goldenPaths].find((s) => s.id === id);

describe('the seeding lineage', () => {
  const { lineage } = buildKnowledgeMap(world);

  it('starts from the people who taught before anyone taught them, generation by generation', () => {
    expect(lineage.roots).toEqual(['ada', 'ben']);
    expect(lineage.generations).toEqual([
      ['ada', 'ben'],
      ['cleo', 'dan'],
      ['eve', 'finn'],
    ]);
  });

  it('names each person’s seeder: their first lesson, a seeding before a pairing on the same day', () => {
    expect(lineage.nodes.get('cleo')).toMatchObject({
      seededBy: 'ada',
      via: 'seeding',
      since: '2025-01-01',
      generation: 1,
    });
    expect(lineage.nodes.get('eve')).toMatchObject({ seededBy: 'cleo', via: 'seeding', generation: 2 });
    expect(lineage.nodes.get('ada')).toMatchObject({ seededBy: null, via: null, since: '2025-01-01' });
    expect(lineage.nodes.get('ada')!.children).toEqual(['cleo', 'dan']);
  });

  it('leaves out people who neither taught nor learned', () => {
    expect(lineage.nodes.has('gus')).toBe(false);
  });

  it('makes a person seeded by a session their partner’s child, via pairing', () => {
    const map = buildKnowledgeMap({
      ...world,
      assignments: [],
      sessions: [
        { date: '2025-05-05', durationMinutes: 60, personId: 'ben', partnerIds: ['finn'], appId: null },
      ],
    });
    expect(map.lineage.nodes.get('finn')).toMatchObject({ seededBy: 'ben', via: 'pairing', generation: 1 });
    expect(map.lineage.generations).toEqual([['ben'], ['finn']]);
  });
});

describe('holders of each golden path and onboarded app', () => {
  const map = buildKnowledgeMap(world);

  it('weighs sessions and seeding by hours, halving every 180 days', () => {
    // Ada: 90 h × 0.5^(275/180) = 31.21. Ben and Dan: 4 h × 0.5^(333/180) + 1 h × 0.5^(305/180) = 1.42.
    expect(holders(subject(map, 'pay-api'))).toEqual([
      ['ada', 31.21],
      ['ben', 1.42],
      ['dan', 1.42],
      ['cleo', 1.11],
    ]);
    // Cleo's seeding runs until today: 184 h, plus her 3-hour session 152 days ago (1.67 each).
    expect(holders(subject(map, 'orders-web'))).toEqual([
      ['cleo', 185.67],
      ['eve', 1.67],
    ]);
  });

  it('credits a session’s own golden path, else every path its app uses', () => {
    expect(holders(subject(map, 'java'))).toEqual([
      ['cleo', 185.11],
      ['ada', 31.21],
      ['ben', 1.42],
      ['dan', 1.42],
    ]);
    expect(holders(subject(map, 'node'))).toEqual([
      ['cleo', 185.67],
      ['eve', 1.67],
    ]);
    expect(holders(subject(map, 'batch'))).toEqual([]);
  });

  it('follows onboarding and on-platform apps only', () => {
    expect(map.apps.map((a) => a.id)).toEqual(['pay-api', 'orders-web']);
  });

  it('drops a holder whose credit decayed under an hour', () => {
    // The same 4-hour session two years earlier is worth 4 × 0.5^(730/180)… = 0.24 h.
    const older = buildKnowledgeMap({ ...world, today: '2027-02-01' });
    expect(holders(subject(older, 'pay-api'))!.map(([id]) => id)).toEqual(['ada']);
  });
});

describe('people who left', () => {
  const map = buildKnowledgeMap({
    ...world,
    people: people.map((p) => (p.id === 'ada' ? { ...p, leftOn: '2025-06-30' } : p)),
  });

  it('keeps them in the lineage, marked, and credits them nothing', () => {
    expect(map.lineage.nodes.get('ada')).toMatchObject({ generation: 0, left: true });
    expect(map.lineage.nodes.get('cleo')).toMatchObject({ seededBy: 'ada', left: false });
    expect(holders(subject(map, 'pay-api'))!.map(([id]) => id)).toEqual(['ben', 'dan', 'cleo']);
    expect(map.heldBy.has('ada')).toBe(false);
  });

  it('leaves Ben the only holder of the Payments API in the platform team', () => {
    expect(map.singlePoints.get('ben')).toEqual([
      { kind: 'golden-path', id: 'java', teamId: 'platform', onlyHolder: false },
      { kind: 'app', id: 'pay-api', teamId: 'platform', onlyHolder: false },
    ]);
  });
});

describe('single points of knowledge', () => {
  const map = buildKnowledgeMap(world);

  it('flags the only holder of something within their team', () => {
    expect(Object.fromEntries(map.singlePoints)).toEqual({
      cleo: [
        { kind: 'golden-path', id: 'node', teamId: 'payments', onlyHolder: false },
        { kind: 'app', id: 'orders-web', teamId: 'payments', onlyHolder: false },
      ],
      eve: [
        { kind: 'golden-path', id: 'node', teamId: 'orders', onlyHolder: false },
        { kind: 'app', id: 'orders-web', teamId: 'orders', onlyHolder: false },
      ],
    });
  });

  it('marks a single point that is the only holder anywhere', () => {
    const alone = buildKnowledgeMap({ ...world, sessions: world.sessions!.slice(0, 2) });
    expect(alone.singlePoints.get('cleo')).toContainEqual({
      kind: 'app',
      id: 'orders-web',
      teamId: 'payments',
      onlyHolder: true,
    });
  });
});

describe('departureImpact', () => {
  const map = buildKnowledgeMap(world);

  it('lists what loses its last holder, overall and per team', () => {
    const impact = departureImpact(map, new Set(['cleo', 'eve']));
    expect(impact.goldenPaths).toEqual(['node']);
    expect(impact.apps).toEqual(['orders-web']);
    expect(Object.fromEntries(impact.teams)).toEqual({
      payments: [
        { kind: 'golden-path', id: 'node' },
        { kind: 'app', id: 'orders-web' },
      ],
      orders: [
        { kind: 'golden-path', id: 'node' },
        { kind: 'app', id: 'orders-web' },
      ],
    });
  });

  it('costs a team what only the leavers held there, and the program nothing still held elsewhere', () => {
    const impact = departureImpact(map, new Set(['ada', 'ben']));
    expect(impact.apps).toEqual([]);
    expect(impact.goldenPaths).toEqual([]);
    expect(Object.fromEntries(impact.teams)).toEqual({
      platform: [
        { kind: 'golden-path', id: 'java' },
        { kind: 'app', id: 'pay-api' },
      ],
    });
  });

  it('costs nothing when nobody leaves', () => {
    const impact = departureImpact(map, new Set());
    expect([impact.apps, impact.goldenPaths, impact.teams.size]).toEqual([[], [], 0]);
  });
});

// Small random programs: up to 14 people in three teams (or none), apps, paths, lessons.
const arbWorld: fc.Arbitrary<KnowledgeInput> = fc
  .record({
    teams: fc.array(fc.constantFrom('t1', 't2', 't3', null), { minLength: 1, maxLength: 14 }),
    apps: fc.array(
      fc.record({
        team: fc.constantFrom('t1', 't2', 't3', null),
        stage: fc.constantFrom(...APP_STAGES),
        paths: fc.subarray(['g1', 'g2', 'g3']),
      }),
      { maxLength: 5 },
    ),
    sessions: fc.array(
      fc.record({
        day: fc.integer({ min: 1, max: 28 }),
        month: fc.integer({ min: 1, max: 12 }),
        minutes: fc.constantFrom(30, 60, 120, 240),
        person: fc.nat(13),
        partners: fc.array(fc.nat(13), { maxLength: 3 }),
        app: fc.option(fc.nat(4), { nil: null }),
        path: fc.option(fc.constantFrom('g1', 'g2', 'g3'), { nil: null }),
      }),
      { maxLength: 40 },
    ),
    seedings: fc.array(
      fc.record({
        month: fc.integer({ min: 1, max: 12 }),
        person: fc.nat(13),
        team: fc.constantFrom('t1', 't2', 't3'),
        app: fc.option(fc.nat(4), { nil: null }),
      }),
      { maxLength: 8 },
    ),
  })
  .map(({ teams, apps, sessions, seedings }) => {
    const pid = (n: number) => `p${n % teams.length}`;
    const aid = (n: number | null) => (n === null || apps.length === 0 ? null : `a${n % apps.length}`);
    const mm = (m: number) => String(m).padStart(2, '0');
    return {
      people: teams.map((teamId, i) => ({ id: `p${i}`, name: `Person ${i}`, teamId })),
      apps: apps.map((a, i) => ({ id: `a${i}`, teamId: a.team, stage: a.stage, goldenPathIds: a.paths })),
      goldenPaths: [{ id: 'g1' }, { id: 'g2' }, { id: 'g3' }],
      sessions: sessions.map((s) => ({
        date: `2025-${mm(s.month)}-${mm(s.day)}`,
        durationMinutes: s.minutes,
        personId: pid(s.person),
        partnerIds: s.partners.map(pid),
        appId: aid(s.app),
        goldenPathId: s.path,
      })),
      assignments: seedings.map((s) => ({
        kind: 'seeding' as const,
        personId: pid(s.person),
        targetTeamId: s.team,
        appId: aid(s.app),
        startDate: `2025-${mm(s.month)}-01`,
        endDate: `2025-${mm(s.month)}-20`,
      })),
      today: '2026-01-15',
    };
  });

describe('knowledge map, invariants', () => {
  it('makes the lineage a forest: every seeder taught no later than the people they seeded, one generation up', () => {
    fc.assert(
      fc.property(arbWorld, (input) => {
        const { lineage } = buildKnowledgeMap(input);
        const seen = lineage.generations.flat();
        expect(new Set(seen).size).toBe(seen.length);
        expect(seen.length).toBe(lineage.nodes.size);
        for (const node of lineage.nodes.values()) {
          if (node.seededBy === null) {
            expect(node.generation).toBe(0);
            continue;
          }
          const seeder = lineage.nodes.get(node.seededBy)!;
          expect(node.generation).toBe(seeder.generation + 1);
          expect(seeder.since <= node.since).toBe(true);
          expect(seeder.children).toContain(node.personId);
        }
      }),
    );
  });

  it('flags single points that are exactly what one person’s departure costs their team', () => {
    fc.assert(
      fc.property(arbWorld, (input) => {
        const map = buildKnowledgeMap(input);
        for (const person of input.people) {
          const lost = departureImpact(map, new Set([person.id])).teams;
          const points = map.singlePoints.get(person.id) ?? [];
          const expected = person.teamId === null ? [] : points.map(({ kind, id }) => ({ kind, id }));
          expect(lost.get(person.teamId ?? '') ?? []).toEqual(expected);
          for (const [teamId, refs] of lost) if (teamId !== person.teamId) expect(refs).toEqual([]);
        }
      }),
    );
  });

  it('never costs less when more people leave', () => {
    fc.assert(
      fc.property(arbWorld, fc.array(fc.nat(13)), fc.array(fc.nat(13)), (input, some, more) => {
        const map = buildKnowledgeMap(input);
        const ids = (ns: number[]) => ns.map((n) => `p${n % input.people.length}`);
        const few = departureImpact(map, new Set(ids(some)));
        const many = departureImpact(map, new Set([...ids(some), ...ids(more)]));
        for (const id of few.apps) expect(many.apps).toContain(id);
        for (const id of few.goldenPaths) expect(many.goldenPaths).toContain(id);
        for (const [team, refs] of few.teams)
          for (const ref of refs) expect(many.teams.get(team)).toContainEqual(ref);
      }),
    );
  });

  it('loses every held subject when everyone leaves, and never credits more for older lessons', () => {
    fc.assert(
      fc.property(arbWorld, (input) => {
        const map = buildKnowledgeMap(input);
        const everyone = departureImpact(map, new Set(input.people.map((p) => p.id)));
        expect(everyone.apps).toEqual(map.apps.filter((a) => a.holders.length > 0).map((a) => a.id));
        const later = buildKnowledgeMap({ ...input, today: '2026-06-15' });
        const weightOf = (m: KnowledgeMap) =>
          new Map(
            [...m.apps, ...m.goldenPaths].flatMap((s) =>
              s.holders.map((h) => [`${s.id}|${h.personId}`, h.weight]),
            ),
          );
        const before = weightOf(map);
        for (const [key, weight] of weightOf(later)) expect(weight).toBeLessThanOrEqual(before.get(key)!);
      }),
    );
  });
});
