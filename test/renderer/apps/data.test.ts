/** The Apps area's writes on a real (in-memory) IndexedDB: apps, stages, cycles, golden paths, criteria. */
import { describe, expect, it } from 'vitest';
import {
  newChecklist,
  ValidationError,
  type AppInput,
  type Criterion,
  type CycleInput,
} from '../../../shared/domain';
import { freshDatabases } from '../db/db-helpers';
import type { AdoptionDatabase } from '../../../renderer/db/database';
import { RecordNotFoundError } from '../../../renderer/db/repository';
import {
  createApp,
  deleteApp,
  moveAppToStage,
  saveApp,
  selectIntoCycle,
  setAppGoldenPaths,
} from '../../../renderer/features/apps/data/apps';
import {
  createCriterion,
  deleteCriterion,
  addDefaultCriteria,
  moveCriterion,
  setCriterionScore,
  updateCriterion,
} from '../../../renderer/features/apps/data/criteria';
import {
  createGoldenPath,
  deleteGoldenPath,
  setGoldenPathApps,
} from '../../../renderer/features/apps/data/golden-paths';
import { undoChanges } from '../../../renderer/db/changes';

const freshDb = freshDatabases('apps-data');

const app = (name: string, extra: Partial<AppInput> = {}): AppInput => ({ name, ...extra });

async function addCycle(database: AdoptionDatabase, index: number, startDate: string, endDate: string) {
  const now = new Date().toISOString();
  const cycle: CycleInput & { id: string; createdAt: string; updatedAt: string } = {
    id: crypto.randomUUID(),
    createdAt: now,
    updatedAt: now,
    index,
    phase: index === 0 ? 'initial' : 'scaling',
    name: '',
    startDate,
    endDate,
    goalApps: index === 0 ? 1 : 3,
    status: 'planned',
    checklist: newChecklist(index === 0 ? 'initial' : 'scaling'),
    retroNotes: '',
  };
  await database.cycles.add(cycle as never);
  return cycle;
}

describe('apps', () => {
  it('creates an app with defaults and refuses a bad one without writing anything', async () => {
    const database = freshDb();
    const created = await createApp(app('Payments'), database);
    expect(created).toMatchObject({ name: 'Payments', stage: 'candidate', teamId: null, goldenPathIds: [] });

    const error = await createApp(app('  ', { businessScore: 9 }), database).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ValidationError);
    expect((error as ValidationError).messageFor('name')).toBe('App name is required');
    expect((error as ValidationError).messageFor('businessScore')).toBe(
      'Business value must be between 1 and 5',
    );
    expect(await database.apps.count()).toBe(1);
  });

  it('creates the new owning team together with the app, or neither when the app is invalid', async () => {
    const database = freshDb();
    const bad = await saveApp({ input: app(''), newTeamName: 'Checkout' }, database).catch((e: unknown) => e);
    expect(bad).toBeInstanceOf(ValidationError);
    expect(await database.teams.count()).toBe(0);

    const saved = await saveApp({ input: app('Cart'), newTeamName: 'Checkout' }, database);
    const team = await database.teams.get(saved.teamId!);
    expect(team).toMatchObject({ name: 'Checkout', kind: 'product' });

    // The same name again (any case) reuses the team.
    const again = await saveApp({ input: app('Basket'), newTeamName: 'checkout' }, database);
    expect(again.teamId).toBe(team!.id);
    expect(await database.teams.count()).toBe(1);

    const blank = await saveApp({ input: app('Wishlist'), newTeamName: ' ' }, database).catch(
      (e: unknown) => e,
    );
    expect((blank as ValidationError).messageFor('newTeamName')).toBe('Team name is required');
  });

  it('deletes an app and Undo restores it exactly, with the same id', async () => {
    const database = freshDb();
    const path = await createGoldenPath({ name: 'Java service', kind: 'delivery' }, database);
    const created = await createApp(app('Ledger', { goldenPathIds: [path.id], businessScore: 4 }), database);

    const deleted = await deleteApp(created.id, database);
    expect(deleted.app).toEqual(created);
    expect(await database.apps.get(created.id)).toBeUndefined();

    await undoChanges(database, deleted.undo);
    expect(await database.apps.get(created.id)).toEqual(created);
  });

  it('restores an app without links to a golden path deleted meanwhile', async () => {
    const database = freshDb();
    const path = await createGoldenPath({ name: 'Node service', kind: 'delivery' }, database);
    const created = await createApp(app('Search', { goldenPathIds: [path.id] }), database);
    const deleted = await deleteApp(created.id, database);
    await deleteGoldenPath(path.id, database);
    await undoChanges(database, deleted.undo);
    const restored = (await database.apps.get(created.id))!;
    expect(restored.goldenPathIds).toEqual([]);
  });

  it('says which app is gone when deleting one that no longer exists', async () => {
    const database = freshDb();
    await expect(deleteApp(crypto.randomUUID(), database)).rejects.toBeInstanceOf(RecordNotFoundError);
  });
});

describe('stages and cycles', () => {
  it('stamps the selected date when an app moves to selected, and all steps when it reaches the platform', async () => {
    const database = freshDb();
    const created = await createApp(app('Billing'), database);

    const { app: selected } = await moveAppToStage(created.id, 'selected', '2026-02-02', database);
    expect(selected).toMatchObject({ stage: 'selected', selectedOn: '2026-02-02', firstDeployOn: null });

    const { app: live } = await moveAppToStage(created.id, 'on-platform', '2026-03-10', database);
    expect(live).toMatchObject({
      stage: 'on-platform',
      selectedOn: '2026-02-02',
      firstDeployOn: '2026-03-10',
      productionOn: '2026-03-10',
    });
  });

  it('stamps the dates given for the steps a move skips, and refuses dates out of order', async () => {
    const database = freshDb();
    const created = await createApp(
      app('Billing', { stage: 'selected', selectedOn: '2026-02-02' }),
      database,
    );

    const refused = await moveAppToStage(created.id, 'on-platform', '2026-03-10', database, {
      firstDeployOn: '2026-01-20',
      productionOn: '2026-03-01',
    }).catch((e: unknown) => e);
    expect((refused as ValidationError).messageFor('firstDeployOn')).toBe(
      'First deploy cannot be before the app was selected',
    );
    const badDay = await moveAppToStage(created.id, 'on-platform', '2026-03-10', database, {
      firstDeployOn: '2026-02-30',
    }).catch((e: unknown) => e);
    expect((badDay as ValidationError).messageFor('firstDeployOn')).toBe(
      'First deploy date is not a real calendar date',
    );
    expect(await database.apps.get(created.id)).toEqual(created);

    const { app: live } = await moveAppToStage(created.id, 'on-platform', '2026-03-10', database, {
      firstDeployOn: '2026-02-20',
      productionOn: '2026-03-01',
    });
    expect(live).toMatchObject({
      stage: 'on-platform',
      selectedOn: '2026-02-02',
      firstDeployOn: '2026-02-20',
      productionOn: '2026-03-01',
    });
  });

  it('puts an app selected on a given earlier day into the cycle running on that day', async () => {
    const database = freshDb();
    const earlier = await addCycle(database, 0, '2026-01-01', '2026-04-01');
    await addCycle(database, 1, '2026-04-01', '2026-07-01');
    const created = await createApp(app('Catalog'), database);
    const move = await moveAppToStage(created.id, 'onboarding', '2026-05-15', database, {
      selectedOn: '2026-03-02',
    });
    expect(move.app).toMatchObject({ selectedOn: '2026-03-02', cycleId: earlier.id });
    expect(move.assignedCycle?.id).toBe(earlier.id);
  });

  it('puts an app that enters the pipeline without a cycle into the cycle running that day', async () => {
    const database = freshDb();
    const initial = await addCycle(database, 0, '2026-01-01', '2026-04-01');
    const created = await createApp(app('Catalog'), database);
    const move = await moveAppToStage(created.id, 'onboarding', '2026-02-15', database);
    expect(move.assignedCycle?.id).toBe(initial.id);
    expect(move.app.cycleId).toBe(initial.id);

    // Outside every cycle: no cycle is invented.
    const other = await createApp(app('Docs'), database);
    expect((await moveAppToStage(other.id, 'selected', '2027-01-01', database)).assignedCycle).toBeNull();
  });

  it('selects candidates into a cycle, stamping today, and moves pipeline apps without touching their stage', async () => {
    const database = freshDb();
    const cycle = await addCycle(database, 1, '2026-04-01', '2026-07-01');
    const candidate = await createApp(app('Orders'), database);
    const onboarding = await createApp(
      app('Invoices', { stage: 'onboarding', selectedOn: '2026-01-10' }),
      database,
    );

    const { apps: updated } = await selectIntoCycle(
      [candidate.id, onboarding.id],
      cycle.id,
      '2026-04-03',
      database,
    );
    expect(updated.map((a) => a.cycleId)).toEqual([cycle.id, cycle.id]);
    expect(await database.apps.get(candidate.id)).toMatchObject({
      stage: 'selected',
      selectedOn: '2026-04-03',
    });
    expect(await database.apps.get(onboarding.id)).toMatchObject({
      stage: 'onboarding',
      selectedOn: '2026-01-10',
    });
  });

  it('selects nothing when the cycle does not exist', async () => {
    const database = freshDb();
    const candidate = await createApp(app('Orders'), database);
    await expect(
      selectIntoCycle([candidate.id], crypto.randomUUID(), '2026-04-03', database),
    ).rejects.toBeInstanceOf(RecordNotFoundError);
    expect(await database.apps.get(candidate.id)).toMatchObject({ stage: 'candidate', cycleId: null });
  });
});

describe('golden paths', () => {
  it('marks apps from the golden path and from the app, and unmarks them all when the path is deleted', async () => {
    const database = freshDb();
    const path = await createGoldenPath({ name: 'Secure pipeline', kind: 'security' }, database);
    const a = await createApp(app('A'), database);
    const b = await createApp(app('B'), database);
    const c = await createApp(app('C'), database);

    expect(await setGoldenPathApps(path.id, [a.id, b.id], database)).toEqual({ added: 2, removed: 0 });
    expect(await setGoldenPathApps(path.id, [b.id, c.id], database)).toEqual({ added: 1, removed: 1 });
    await setAppGoldenPaths(a.id, [path.id], database);
    const users = await database.apps.where('goldenPathIds').equals(path.id).primaryKeys();
    expect(users.sort()).toEqual([a.id, b.id, c.id].sort());

    const deleted = await deleteGoldenPath(path.id, database);
    expect(deleted.appIds.sort()).toEqual([a.id, b.id, c.id].sort());
    expect(await database.apps.where('goldenPathIds').equals(path.id).count()).toBe(0);

    await undoChanges(database, deleted.undo);
    expect(await database.apps.where('goldenPathIds').equals(path.id).count()).toBe(3);
  });

  it('refuses to mark an app with a golden path that does not exist', async () => {
    const database = freshDb();
    const a = await createApp(app('A'), database);
    await expect(setAppGoldenPaths(a.id, [crypto.randomUUID()], database)).rejects.toBeInstanceOf(
      RecordNotFoundError,
    );
  });
});

describe('criteria and scores', () => {
  async function seeded() {
    const database = freshDb();
    const criteria = await addDefaultCriteria(database);
    const byName = (name: string) => criteria.find((c) => c.name === name) as Criterion;
    return { database, criteria, byName };
  }

  it('seeds the default criteria once', async () => {
    const { database, criteria } = await seeded();
    expect(criteria.map((c) => c.name)).toEqual([
      'Business criticality',
      'Visibility to leadership',
      'Team willingness',
      'Technical fit with the platform',
      'Few dependencies on other teams',
    ]);
    await addDefaultCriteria(database);
    expect(await database.criteria.count()).toBe(5);
  });

  it('derives the business and technical scores from the criteria scores', async () => {
    const { database, byName } = await seeded();
    const created = await createApp(app('Payments', { businessScore: 2 }), database);
    // Business criticality (weight 3) = 5, visibility (weight 2) = 2 → (15 + 4) / 5 = 3.8.
    await setCriterionScore(created.id, byName('Business criticality').id, 5, database);
    const { app: scored } = await setCriterionScore(
      created.id,
      byName('Visibility to leadership').id,
      2,
      database,
    );
    expect(scored.businessScore).toBe(3.8);
    // No technical criterion scored: the direct score (none) stands.
    expect(scored.technicalScore).toBeNull();

    const error = await setCriterionScore(created.id, byName('Team willingness').id, 7, database).catch(
      (e: unknown) => e,
    );
    expect(error).toBeInstanceOf(ValidationError);
    expect((await database.apps.get(created.id))!.criteriaScores).not.toHaveProperty(
      byName('Team willingness').id,
    );
  });

  it('returns the undo of a score: Undo puts the criterion score and the derived scores back', async () => {
    const { database, byName } = await seeded();
    const critical = byName('Business criticality').id;
    const created = await saveApp(
      { input: app('Payments', { criteriaScores: { [critical]: 2 } }) },
      database,
    );
    expect(created.businessScore).toBe(2);

    const change = await setCriterionScore(created.id, critical, 5, database);
    expect(change.app.businessScore).toBe(5);
    expect(change.undo.label).toBe('Scored Payments 5 on Business criticality');
    expect(change.undo.changes).toHaveLength(1);

    await undoChanges(database, change.undo);
    expect(await database.apps.get(created.id)).toEqual(created);

    // The score it already has: nothing is written, nothing to undo.
    const same = await setCriterionScore(created.id, critical, 2, database);
    expect(same.undo.changes).toEqual([]);
    expect(same.app).toEqual(created);

    const cleared = await setCriterionScore(created.id, critical, null, database);
    expect(cleared.undo.label).toBe("Cleared Payments's score on Business criticality");
    expect(cleared.app.criteriaScores).toEqual({});
  });

  it('re-scores every app when a weight changes, in the same transaction', async () => {
    const { database, byName } = await seeded();
    const critical = byName('Business criticality');
    const visible = byName('Visibility to leadership');
    const a = await saveApp(
      { input: app('A', { criteriaScores: { [critical.id]: 5, [visible.id]: 1 } }) },
      database,
    );
    const b = await saveApp(
      { input: app('B', { criteriaScores: { [critical.id]: 1, [visible.id]: 5 } }) },
      database,
    );
    const untouched = await createApp(app('C', { businessScore: 4 }), database);
    expect(a.businessScore).toBe(3.4); // (15 + 2) / 5
    expect(b.businessScore).toBe(2.6); // (3 + 10) / 5

    const { appsRescored } = await updateCriterion(visible.id, { weight: 3 }, database);
    expect(appsRescored).toBe(2);
    expect((await database.apps.get(a.id))!.businessScore).toBe(3); // (15 + 3) / 6
    expect((await database.apps.get(b.id))!.businessScore).toBe(3); // (3 + 15) / 6
    expect((await database.apps.get(untouched.id))!.businessScore).toBe(4);

    // A bad weight changes nothing at all.
    await expect(updateCriterion(visible.id, { weight: 0 }, database)).rejects.toBeInstanceOf(
      ValidationError,
    );
    expect((await database.criteria.get(visible.id))!.weight).toBe(3);
    expect((await database.apps.get(a.id))!.businessScore).toBe(3);
  });

  it('deletes a criterion with its scores, re-scores, and Undo puts both back', async () => {
    const { database, byName } = await seeded();
    const critical = byName('Business criticality');
    const visible = byName('Visibility to leadership');
    const a = await saveApp(
      { input: app('A', { criteriaScores: { [critical.id]: 5, [visible.id]: 1 } }) },
      database,
    );

    const deleted = await deleteCriterion(visible.id, database);
    expect(deleted.scores).toEqual([{ appId: a.id, score: 1 }]);
    const after = (await database.apps.get(a.id))!;
    expect(after.businessScore).toBe(5);
    expect(after.criteriaScores).toEqual({ [critical.id]: 5 });

    await undoChanges(database, deleted.undo);
    const restored = (await database.apps.get(a.id))!;
    expect(restored.criteriaScores).toEqual({ [critical.id]: 5, [visible.id]: 1 });
    expect(restored.businessScore).toBe(3.4);
  });

  it('adds criteria at the end and moves them within their axis', async () => {
    const { database } = await seeded();
    const added = await createCriterion({ name: 'Revenue at stake', axis: 'business', weight: 1 }, database);
    expect(added.order).toBe(5);
    await moveCriterion(added.id, -1, database);
    const business = (await database.criteria.orderBy('order').toArray()).filter(
      (c) => c.axis === 'business',
    );
    expect(business.map((c) => c.name)).toEqual([
      'Business criticality',
      'Revenue at stake',
      'Visibility to leadership',
    ]);
  });
});

describe('a move into the pipeline never lands in a closed cycle', () => {
  it('does not join a closed cycle whose dates hold the day, and joins the open one that does', async () => {
    const database = freshDb();
    const closed = await addCycle(database, 0, '2026-01-01', '2026-04-01');
    await database.cycles.update(closed.id, { status: 'closed' });
    const active = await addCycle(database, 1, '2026-04-01', '2026-07-01');
    await database.cycles.update(active.id, { status: 'active' });
    const app = await createApp({ name: 'Orders' }, database);
    // 15 March falls in the closed initial phase's dates: the app stays without a cycle.
    const early = await moveAppToStage(app.id, 'selected', '2026-03-15', database);
    expect(early.assignedCycle).toBeNull();
    expect((await database.apps.get(app.id))?.cycleId).toBeNull();
    const later = await createApp({ name: 'Billing' }, database);
    const move = await moveAppToStage(later.id, 'selected', '2026-05-15', database);
    expect(move.assignedCycle?.id).toBe(active.id);
  });
});
