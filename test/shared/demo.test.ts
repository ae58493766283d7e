/** The demo program: deterministic, valid against every schema, linked, and telling the playbook's story. */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { z } from 'zod';
import {
  BLOCKER_CATEGORIES,
  BLOCKER_CATEGORY_IDS,
  BUILT_IN_METRICS,
  DECK_TOIL_TEMPLATE,
  DEFAULT_CRITERIA,
  MARKETING_KINDS,
  type App,
  type ValueStreamMap,
} from '../../shared/domain';
import { demoRecordCount, generateDemoProgram, type DemoDataset } from '../../shared/demo/generate';
import { RECORD_SCHEMAS } from '../../shared/schema/tables';

const TODAY = '2026-03-18';
const demo = generateDemoProgram({ today: TODAY });

const SCHEMAS = RECORD_SCHEMAS satisfies Record<keyof DemoDataset, z.ZodType>;

const UUID_V4 = /^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/;

function weekday(day: string): number {
  return new Date(`${day}T12:00:00Z`).getUTCDay();
}

function days(from: string, to: string): number {
  return (Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / 86_400_000;
}

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2
    ? (sorted[mid] as number)
    : ((sorted[mid - 1] as number) + (sorted[mid] as number)) / 2;
}

function byId<T extends { id: string }>(rows: readonly T[]): Map<string, T> {
  return new Map(rows.map((r) => [r.id, r]));
}

function leadTime(map: ValueStreamMap): number {
  return map.steps.reduce((sum, s) => sum + s.processMinutes + s.waitMinutes, 0);
}

/** Every record passes its schema unchanged, and references point at records that exist. */
function expectValidAndLinked(data: DemoDataset, today: string) {
  const seen = new Set<string>();
  for (const [table, schema] of Object.entries(SCHEMAS) as [keyof DemoDataset, z.ZodType][]) {
    for (const record of data[table]) {
      const result = schema.safeParse(record);
      if (!result.success) throw new Error(`${table} ${record.id}: ${JSON.stringify(result.error.issues)}`);
      // Already in stored form: parsing adds no default and trims nothing. (Plain checks, not
      // expect(), in this loop: a thousand expect() calls per dataset make the property test slow.)
      const problems = [
        JSON.stringify(result.data) === JSON.stringify(record) ? '' : 'changes when parsed',
        UUID_V4.test(record.id) ? '' : 'id is not a UUID v4',
        seen.has(record.id) ? 'id is not unique' : '',
        record.createdAt <= record.updatedAt ? '' : 'updated before created',
        record.updatedAt.slice(0, 10) <= today ? '' : 'updated after today',
      ].filter(Boolean);
      if (problems.length) throw new Error(`${table} ${record.id}: ${problems.join(', ')}`);
      seen.add(record.id);
    }
  }

  const teams = byId(data.teams);
  const people = byId(data.people);
  const apps = byId(data.apps);
  const cycles = byId(data.cycles);
  const paths = byId(data.goldenPaths);
  const criteria = byId(data.criteria);
  const items = byId(data.toilItems);
  const audits = byId(data.toilAudits);
  const metrics = byId(data.metrics);
  const ref = (map: Map<string, unknown>, id: string | null, what: string) => {
    if (id !== null && !map.has(id)) throw new Error(`dangling ${what}: ${id}`);
  };

  for (const p of data.people) ref(teams, p.teamId, 'person team');
  for (const a of data.apps) {
    ref(teams, a.teamId, 'app team');
    ref(cycles, a.cycleId, 'app cycle');
    for (const id of a.goldenPathIds) ref(paths, id, 'golden path');
    for (const id of Object.keys(a.criteriaScores)) ref(criteria, id, 'criterion');
  }
  for (const a of data.assignments) {
    ref(people, a.personId, 'assignment person');
    ref(teams, a.targetTeamId, 'assignment team');
    ref(apps, a.appId, 'assignment app');
    ref(cycles, a.cycleId, 'assignment cycle');
  }
  for (const s of data.pairingSessions) {
    ref(people, s.personId, 'session person');
    for (const id of s.partnerIds) ref(people, id, 'session partner');
    ref(apps, s.appId, 'session app');
    ref(teams, s.teamId, 'session team');
    ref(cycles, s.cycleId, 'session cycle');
  }
  for (const b of data.blockers) {
    ref(apps, b.appId, 'blocker app');
    ref(teams, b.teamId, 'blocker team');
    ref(cycles, b.cycleId, 'blocker cycle');
    ref(people, b.ownerId, 'blocker owner');
  }
  for (const a of data.toilAudits) {
    ref(teams, a.teamId, 'audit team');
    ref(apps, a.appId, 'audit app');
    ref(cycles, a.cycleId, 'audit cycle');
  }
  for (const r of data.toilResponses) {
    ref(audits, r.auditId, 'response audit');
    for (const id of Object.keys(r.scores)) {
      if (items.get(id)?.kind !== 'statement') throw new Error(`score for a non-statement: ${id}`);
    }
    for (const id of Object.keys(r.answers)) {
      if (items.get(id)?.kind !== 'question') throw new Error(`answer to a non-question: ${id}`);
    }
  }
  for (const m of data.valueStreamMaps) ref(apps, m.appId, 'value stream app');
  for (const s of data.metricSnapshots) ref(metrics, s.metricId, 'snapshot metric');
}

/** The shape of the program over time: the invariants that must hold whatever day it is. */
function expectStoryShape(data: DemoDataset, today: string) {
  const [program] = data.program;
  expect(data.program).toHaveLength(1);
  const cycles = [...data.cycles].sort((a, b) => a.index - b.index);
  expect(cycles.map((c) => c.index)).toEqual(cycles.map((_, i) => i));
  expect(cycles[0]?.phase).toBe('initial');
  expect(cycles.slice(1).every((c) => c.phase === 'scaling')).toBe(true);
  expect(program?.startDate).toBe(cycles[0]?.startDate);
  expect(weekday(program?.startDate ?? '')).toBe(1);
  // "About two years and nine months" before today (plus the weeks that put today mid-cycle).
  const age = days(program?.startDate ?? '', today) / 30.44;
  expect(age).toBeGreaterThan(33);
  expect(age).toBeLessThan(36);
  for (let i = 1; i < cycles.length; i++) expect(cycles[i]?.startDate).toBe(cycles[i - 1]?.endDate);

  const active = cycles.filter((c) => c.status === 'active');
  expect(active).toHaveLength(1);
  const current = active[0]!;
  expect(current.startDate <= today && today < current.endDate).toBe(true);
  for (const c of cycles) {
    if (c.index < current.index) {
      expect(c.status).toBe('closed');
      expect(c.endDate <= today).toBe(true);
    }
    if (c.index > current.index) expect(c.status).toBe('planned');
  }
  expect(cycles.length - 1 - current.index).toBe(2);

  for (const a of data.apps) {
    const dates = [a.selectedOn, a.firstDeployOn, a.productionOn].filter((d): d is string => d !== null);
    expect([...dates].sort()).toEqual(dates);
    for (const d of dates) expect(d <= today).toBe(true);
  }
  for (const s of data.pairingSessions) expect(s.date <= today).toBe(true);
}

describe('the demo program', () => {
  it('is the same for the same day and seed, byte for byte', () => {
    const again = generateDemoProgram({ today: TODAY });
    expect(again).toEqual(demo);
    expect(JSON.stringify(again)).toBe(JSON.stringify(demo));
  });

  it('differs with another seed', () => {
    const other = generateDemoProgram({ today: TODAY, seed: 7 });
    expect(other.program[0]?.id).not.toBe(demo.program[0]?.id);
    expect(other.apps.map((a) => a.stage)).not.toEqual(demo.apps.map((a) => a.stage));
  });

  it('moves with today, so it always looks current', () => {
    const later = generateDemoProgram({ today: '2027-06-30' });
    expect(later.program[0]?.startDate).not.toBe(demo.program[0]?.startDate);
    expectStoryShape(later, '2027-06-30');
  });

  it('refuses a today that is not a calendar date', () => {
    expect(() => generateDemoProgram({ today: '2026-02-30' })).toThrow(RangeError);
    expect(() => generateDemoProgram({ today: 'yesterday' })).toThrow(RangeError);
  });

  it('fills every table with records that pass their schema and link to records that exist', () => {
    for (const table of Object.keys(SCHEMAS) as (keyof DemoDataset)[]) {
      expect(demo[table].length, table).toBeGreaterThan(0);
    }
    expect(Object.keys(demo).sort()).toEqual(Object.keys(SCHEMAS).sort());
    expect(demoRecordCount(demo)).toBe(Object.values(demo).reduce((n, rows) => n + rows.length, 0));
    expectValidAndLinked(demo, TODAY);
  });

  it('holds its story on any day', () => {
    fc.assert(
      fc.property(
        fc.date({
          min: new Date('2001-01-01T00:00:00Z'),
          max: new Date('2150-12-31T00:00:00Z'),
          noInvalidDate: true,
        }),
        fc.integer({ min: 0, max: 2 ** 31 }),
        (date, seed) => {
          const today = date.toISOString().slice(0, 10);
          const data = generateDemoProgram({ today, seed });
          expectValidAndLinked(data, today);
          expectStoryShape(data, today);
        },
      ),
      { numRuns: 8 },
    );
  });

  it('has the size of a real program', () => {
    expect(demo.people.length).toBeGreaterThanOrEqual(60);
    expect(demo.people.length).toBeLessThanOrEqual(80);
    expect(demo.apps).toHaveLength(120);
    expect(demo.program[0]?.eligibleApps).toBe(150);
    expect(demo.program[0]?.targetApps).toBe(60);
    expect(demo.pairingSessions.length).toBeGreaterThanOrEqual(200);
    expect(demo.pairingSessions.length).toBeLessThanOrEqual(500);
    expect(demo.blockers.length).toBeGreaterThanOrEqual(35);
    expect(demo.blockers.length).toBeLessThanOrEqual(50);
    expect(new Set(demo.teams.map((t) => t.kind))).toEqual(
      new Set(['platform', 'product', 'infrastructure', 'governance-security']),
    );
    const roles = new Set(demo.people.flatMap((p) => p.roles));
    for (const role of [
      'platform-owner',
      'operator',
      'engineer',
      'advocate',
      'developer',
      'infrastructure-staff',
      'product-manager',
      'executive-sponsor',
    ]) {
      expect(roles.has(role as never), role).toBe(true);
    }
  });
});

describe('the cycles', () => {
  const cycles = [...demo.cycles].sort((a, b) => a.index - b.index);

  it('grow their goals from one app as pairing and seeding allow', () => {
    expect(cycles[0]?.goalApps).toBe(1);
    for (let i = 1; i < cycles.length; i++) {
      expect(cycles[i]!.goalApps).toBeGreaterThanOrEqual(cycles[i - 1]!.goalApps);
      expect(cycles[i]!.goalApps).toBeGreaterThanOrEqual(2);
      expect(cycles[i]!.goalApps).toBeLessThanOrEqual(5);
    }
  });

  it('tick the playbook: closed cycles (almost) fully, the active one partly, planned ones not at all', () => {
    for (const c of cycles) {
      const done = c.checklist.filter((i) => i.done);
      for (const item of done) {
        expect(item.doneOn! >= c.startDate && item.doneOn! <= c.endDate).toBe(true);
        expect(item.doneOn! <= TODAY).toBe(true);
      }
      if (c.status === 'closed') {
        expect(done.length).toBeGreaterThanOrEqual(c.checklist.length - 1);
        expect(c.retroNotes.length).toBeGreaterThan(20);
      } else {
        expect(c.retroNotes).toBe('');
      }
      if (c.status === 'active') {
        expect(done.length).toBeGreaterThan(0);
        expect(done.length).toBeLessThan(c.checklist.length);
      }
      if (c.status === 'planned') expect(done).toHaveLength(0);
    }
  });
});

describe('the apps', () => {
  const cycleIndex = new Map(demo.cycles.map((c) => [c.id, c.index]));
  const appsOf = (index: number) => demo.apps.filter((a) => a.cycleId && cycleIndex.get(a.cycleId) === index);
  const closed = demo.cycles.filter((c) => c.status === 'closed').sort((a, b) => a.index - b.index);

  it('have business and technical scores that are the weighted means of their criteria', () => {
    const criteria = demo.criteria;
    expect(criteria.map((c) => c.name)).toEqual(DEFAULT_CRITERIA.map((c) => c.name));
    const mean = (app: App, axis: 'business' | 'technical') => {
      const onAxis = criteria.filter((c) => c.axis === axis);
      const total = onAxis.reduce((n, c) => n + c.weight, 0);
      return (
        Math.round((onAxis.reduce((n, c) => n + c.weight * app.criteriaScores[c.id]!, 0) / total) * 10) / 10
      );
    };
    let unscored = 0;
    for (const app of demo.apps) {
      if (Object.keys(app.criteriaScores).length === 0) {
        unscored++;
        expect(app.businessScore).toBeNull();
        expect(app.technicalScore).toBeNull();
        continue;
      }
      expect(Object.keys(app.criteriaScores)).toHaveLength(criteria.length);
      expect(app.businessScore).toBe(mean(app, 'business'));
      expect(app.technicalScore).toBe(mean(app, 'technical'));
    }
    expect(unscored).toBeGreaterThan(0);
    expect(unscored).toBeLessThan(10);
  });

  it('start with one app in the initial phase and onboard about the goal in every closed cycle', () => {
    expect(appsOf(0)).toHaveLength(1);
    expect(appsOf(0)[0]?.stage).toBe('on-platform');
    for (const c of closed) {
      const live = appsOf(c.index).filter((a) => a.stage === 'on-platform').length;
      expect(live).toBeLessThanOrEqual(c.goalApps);
      expect(live).toBeGreaterThanOrEqual(c.goalApps - 1);
    }
    const missed = closed.filter(
      (c) => appsOf(c.index).filter((a) => a.stage === 'on-platform').length < c.goalApps,
    );
    expect(missed.length).toBeGreaterThan(0);
  });

  it('cover every stage, with candidates still waiting and one or two paused or dropped', () => {
    const stages = new Map<string, App[]>();
    for (const a of demo.apps) stages.set(a.stage, [...(stages.get(a.stage) ?? []), a]);
    for (const stage of ['candidate', 'selected', 'onboarding', 'on-platform', 'paused', 'dropped']) {
      expect(stages.get(stage)?.length ?? 0, stage).toBeGreaterThan(0);
    }
    expect((stages.get('paused')?.length ?? 0) + (stages.get('dropped')?.length ?? 0)).toBeLessThanOrEqual(2);
    for (const a of stages.get('candidate') ?? []) {
      expect(a.cycleId).toBeNull();
      expect([a.selectedOn, a.firstDeployOn, a.productionOn, a.goldenPathIds.length]).toEqual([
        null,
        null,
        null,
        0,
      ]);
    }
    for (const a of stages.get('on-platform') ?? []) {
      expect(a.selectedOn && a.firstDeployOn && a.productionOn).toBeTruthy();
      expect(a.goldenPathIds.length).toBeGreaterThan(0);
    }
    // Production apps are about what the plan says, on the way to the target.
    const live = stages.get('on-platform')?.length ?? 0;
    expect(live).toBeGreaterThan(35);
    expect(live).toBeLessThan(demo.program[0]!.targetApps);
  });

  it('reach hello world much faster in the last closed cycle than in the initial phase', () => {
    const tthw = (apps: App[]) =>
      median(
        apps.filter((a) => a.selectedOn && a.firstDeployOn).map((a) => days(a.selectedOn!, a.firstDeployOn!)),
      );
    const initial = tthw(appsOf(0));
    const last = tthw(appsOf(closed.at(-1)!.index));
    expect(initial).toBeGreaterThanOrEqual(55);
    expect(last).toBeLessThanOrEqual(14);
  });

  it('keep their dates inside or near their cycle', () => {
    const cycles = byId(demo.cycles);
    for (const a of demo.apps) {
      if (!a.cycleId || !a.selectedOn) continue;
      const c = cycles.get(a.cycleId)!;
      if (c.status === 'planned') {
        // Lined up ahead of the next cycle.
        expect(a.selectedOn <= c.startDate).toBe(true);
      } else {
        expect(days(c.startDate, a.selectedOn)).toBeGreaterThanOrEqual(-21);
        expect(a.selectedOn < c.endDate).toBe(true);
      }
      if (a.productionOn && c.status === 'closed')
        expect(days(c.endDate, a.productionOn)).toBeLessThanOrEqual(14);
    }
  });

  it('use golden paths: delivery first, governance and security ("shift left") in later cycles', () => {
    const paths = byId(demo.goldenPaths);
    const first = appsOf(0)[0]!;
    expect(first.goldenPathIds.map((id) => paths.get(id)?.kind)).toContain('delivery');
    const initialEnd = demo.cycles.find((c) => c.index === 0)!.endDate;
    const shiftLeft = demo.goldenPaths.filter((p) => p.kind === 'governance' || p.kind === 'security');
    expect(shiftLeft.length).toBeGreaterThan(2);
    for (const p of shiftLeft) expect(p.createdAt.slice(0, 10) > initialEnd).toBe(true);
    const used = new Set(demo.apps.flatMap((a) => a.goldenPathIds));
    for (const p of demo.goldenPaths) expect(used.has(p.id), p.name).toBe(true);
  });

  it('carry Backstage entity refs on some apps and none on others', () => {
    const refs = demo.apps.map((a) => a.externalId).filter((x): x is string => x !== null);
    expect(refs.length).toBeGreaterThan(20);
    expect(refs.length).toBeLessThan(demo.apps.length);
    for (const ref of refs) expect(ref).toMatch(/^component:default\/[a-z0-9-]+$/);
    expect(refs).toContain('component:default/payments-api');
  });
});

describe('pairing and seeding', () => {
  const people = byId(demo.people);
  const teams = byId(demo.teams);
  const cycle0App = demo.apps.find((a) => demo.cycles.find((c) => c.id === a.cycleId)?.index === 0)!;

  it('form a seeding lineage of at least three generations from the first teams outward', () => {
    const platformTeam = demo.teams.find((t) => t.kind === 'platform')!;
    const generation = new Map<string, number>([
      [platformTeam.id, 0],
      [cycle0App.teamId!, 0],
    ]);
    const seedings = demo.assignments
      .filter((a) => a.kind === 'seeding')
      .sort((a, b) => (a.startDate < b.startDate ? -1 : 1));
    expect(seedings.length).toBeGreaterThan(5);
    for (const s of seedings) {
      const seeder = people.get(s.personId)!;
      expect(seeder.canSeed).toBe(true);
      expect(seeder.teamId).not.toBe(s.targetTeamId);
      const from = generation.get(seeder.teamId!);
      // Knowledge flows only from teams that already have it.
      expect(from, `${seeder.name} seeding ${teams.get(s.targetTeamId!)?.name}`).toBeDefined();
      if (!generation.has(s.targetTeamId!)) generation.set(s.targetTeamId!, from! + 1);
    }
    expect(Math.max(...generation.values())).toBeGreaterThanOrEqual(3);
  });

  it('has more people able to seed than the platform team alone', () => {
    const platformTeam = demo.teams.find((t) => t.kind === 'platform')!;
    const seeders = demo.people.filter((p) => p.canSeed);
    expect(seeders.filter((p) => p.teamId !== platformTeam.id).length).toBeGreaterThan(seeders.length / 3);
  });

  it('logs sessions on working days, 30 to 240 minutes, with partners from the other side', () => {
    for (const s of demo.pairingSessions) {
      expect([0, 6]).not.toContain(weekday(s.date));
      expect(s.durationMinutes).toBeGreaterThanOrEqual(30);
      expect(s.durationMinutes).toBeLessThanOrEqual(240);
      expect(s.partnerIds).not.toContain(s.personId);
      expect(s.topic.length).toBeGreaterThan(0);
    }
    expect(new Set(demo.pairingSessions.map((s) => s.outcome)).size).toBe(4);
    const dates = demo.pairingSessions.map((s) => s.date);
    expect([...dates].sort()).toEqual(dates);
  });
});

describe('blockers', () => {
  it('span the three categories and their sub-categories, mostly resolved', () => {
    for (const category of BLOCKER_CATEGORY_IDS) {
      const used = new Set(demo.blockers.filter((b) => b.category === category).map((b) => b.subCategory));
      for (const sub of BLOCKER_CATEGORIES[category].subCategories) {
        if (sub !== 'Other') expect(used.has(sub), `${category}: ${sub}`).toBe(true);
      }
    }
    const resolved = demo.blockers.filter((b) => b.status === 'resolved');
    expect(resolved.length).toBeGreaterThan(demo.blockers.length * 0.66);
    expect(demo.blockers.some((b) => b.status === 'open')).toBe(true);
    expect(demo.blockers.some((b) => b.status === 'mitigating')).toBe(true);
    for (const b of resolved) expect(b.resolvedOn! > b.openedOn).toBe(true);
    for (const b of demo.blockers) if (b.status !== 'resolved') expect(b.resolvedOn).toBeNull();
    expect(new Set(demo.blockers.map((b) => b.severity)).size).toBe(4);
  });
});

describe('toil audits', () => {
  it('use the deck template word for word, in order, with UUID ids', () => {
    expect(demo.toilItems.map((i) => [i.kind, i.text, i.order, i.builtIn])).toEqual(
      DECK_TOIL_TEMPLATE.map((i) => [i.kind, i.text, i.order, true]),
    );
  });

  it('score better after onboarding than before, for every team audited both times', () => {
    const items = byId(demo.toilItems);
    // Agreeing with "my workstation seems to disappear" means more toil: reverse it.
    const reversedItems = demo.toilItems.filter((i) => i.reversed);
    expect(reversedItems.map((i) => i.text)).toEqual([
      "My workstation seems to disappear out from under me while I'm working.",
    ]);
    const reversed = reversedItems[0]!.id;
    const meanOf = (auditId: string) => {
      const scores = demo.toilResponses
        .filter((r) => r.auditId === auditId)
        .flatMap((r) => Object.entries(r.scores).map(([id, v]) => (id === reversed ? 6 - v : v)));
      return scores.reduce((a, b) => a + b, 0) / scores.length;
    };
    let compared = 0;
    for (const team of demo.teams) {
      const audits = demo.toilAudits.filter((a) => a.teamId === team.id);
      const before = audits.find((a) => a.title.endsWith('before onboarding'));
      const after = audits.find((a) => a.title.endsWith('after onboarding'));
      if (!before || !after) continue;
      expect(after.date > before.date).toBe(true);
      expect(meanOf(after.id)).toBeGreaterThan(meanOf(before.id) + 0.5);
      compared++;
    }
    expect(compared).toBeGreaterThanOrEqual(4);
    for (const audit of demo.toilAudits) {
      const responses = demo.toilResponses.filter((r) => r.auditId === audit.id);
      expect(responses.length).toBeGreaterThanOrEqual(5);
      expect(responses.length).toBeLessThanOrEqual(9);
      expect(responses.some((r) => Object.values(r.answers).some((t) => t.length > 10))).toBe(true);
      for (const r of responses)
        for (const id of Object.keys(r.answers)) expect(items.get(id)?.kind).toBe('question');
    }
  });
});

describe('value streams', () => {
  it('lose most of their lead time after onboarding', () => {
    const apps = new Set(demo.valueStreamMaps.map((m) => m.appId));
    let pairs = 0;
    for (const appId of apps) {
      const maps = demo.valueStreamMaps.filter((m) => m.appId === appId);
      const before = maps.find((m) => m.label === 'Before onboarding');
      const after = maps.find((m) => m.label === 'After onboarding');
      for (const m of maps) {
        expect(m.steps.length).toBeGreaterThanOrEqual(6);
        expect(m.steps.length).toBeLessThanOrEqual(9);
      }
      if (!before || !after) continue;
      expect(after.date > before.date).toBe(true);
      expect(leadTime(after)).toBeLessThan(leadTime(before) / 5);
      pairs++;
    }
    expect(pairs).toBeGreaterThanOrEqual(4);
  });
});

describe('marketing and metrics', () => {
  it('run every kind of marketing activity through the scaling cycles', () => {
    const kinds = new Set(demo.marketingActivities.map((m) => m.kind));
    for (const kind of MARKETING_KINDS) expect(kinds.has(kind), kind).toBe(true);
    for (const m of demo.marketingActivities) expect(m.date <= TODAY).toBe(true);
  });

  it('snapshot every built-in metric and a custom one monthly, production apps matching the apps', () => {
    expect(demo.metrics.filter((m) => m.builtIn).map((m) => m.key)).toEqual(
      BUILT_IN_METRICS.map((m) => m.key),
    );
    expect(demo.metrics.filter((m) => !m.builtIn)).toHaveLength(1);
    const production = demo.metrics.find((m) => m.key === 'production-apps')!;
    const snapshots = demo.metricSnapshots
      .filter((s) => s.metricId === production.id)
      .sort((a, b) => (a.date < b.date ? -1 : 1));
    expect(snapshots.length).toBeGreaterThanOrEqual(30);
    let previous = 0;
    for (const s of snapshots) {
      expect(s.date.endsWith('-01')).toBe(true);
      expect(s.value).toBe(
        demo.apps.filter((a) => a.productionOn !== null && a.productionOn <= s.date).length,
      );
      expect(s.value).toBeGreaterThanOrEqual(previous);
      previous = s.value;
    }
    expect(previous).toBeGreaterThan(30);
    for (const metric of demo.metrics) {
      expect(demo.metricSnapshots.filter((s) => s.metricId === metric.id)).toHaveLength(snapshots.length);
    }
  });
});
