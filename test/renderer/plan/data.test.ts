/** The Plan area's writes on a real (fake-indexeddb) database: rules that span records, all-or-nothing. */
import { describe, expect, it } from 'vitest';
import { ValidationError, type ProgramInput } from '../../../shared/domain';
import { appRecord, freshDatabases } from '../db/db-helpers';
import {
  addCycle,
  closeActiveAndStartNext,
  deleteCycle,
  setChecklistDoneDate,
  setChecklistStep,
  startCycle,
  updateCycle,
} from '../../../renderer/features/plan/data/cycles';
import { createProgram, getProgram, saveProgram } from '../../../renderer/features/plan/data/program';
import { PlanRuleError } from '../../../renderer/features/plan/data/rules';
import { undoChanges } from '../../../renderer/db/changes';
import type { AdoptionDatabase } from '../../../renderer/db/database';

const freshDb = freshDatabases('plan-data');

const PROGRAM: ProgramInput = {
  name: 'Cloud-native 2026',
  platformName: 'Tanzu',
  startDate: '2026-01-31',
  targetApps: 40,
  eligibleApps: 400,
  cycleLengthMonths: 3,
};

async function withProgram() {
  const database = freshDb();
  const { program, initialCycle } = await createProgram(PROGRAM, database);
  return { database, program, initialCycle };
}

async function rejection(promise: Promise<unknown>): Promise<unknown> {
  try {
    await promise;
  } catch (error) {
    return error;
  }
  throw new Error('expected the write to be refused');
}

describe('the program', () => {
  it('is created with cycle 0, the initial phase, starting on the program start date', async () => {
    const { database, program, initialCycle } = await withProgram();
    expect(await database.program.count()).toBe(1);
    expect(program.cycleLengthMonths).toBe(3);
    expect(initialCycle).toMatchObject({
      index: 0,
      phase: 'initial',
      startDate: '2026-01-31',
      endDate: '2026-04-30',
      status: 'planned',
      goalApps: 1,
    });
    expect(initialCycle.checklist.map((i) => i.stepId)).toEqual([
      'initial-1',
      'initial-2',
      'initial-3',
      'initial-4',
      'initial-5',
      'initial-6',
      'initial-7',
      'initial-8',
    ]);
    expect(await database.cycles.toArray()).toEqual([initialCycle]);
  });

  it('cannot be created twice', async () => {
    const { database } = await withProgram();
    const error = await rejection(createProgram({ ...PROGRAM, name: 'Second' }, database));
    expect(error).toBeInstanceOf(PlanRuleError);
    expect(await database.program.count()).toBe(1);
    expect(await database.cycles.count()).toBe(1);
  });

  it('saves nothing, not even cycle 0, when the input is invalid', async () => {
    const database = freshDb();
    const error = await rejection(createProgram({ ...PROGRAM, name: '', startDate: '2026-02-30' }, database));
    expect(error).toBeInstanceOf(ValidationError);
    expect((error as ValidationError).messageFor('name')).toBe('Program name is required');
    expect((error as ValidationError).messageFor('startDate')).toBe('Start date is not a real calendar date');
    expect(await database.program.count()).toBe(0);
    expect(await database.cycles.count()).toBe(0);
  });

  it('is created by saveProgram on first save and updated by the next one', async () => {
    const database = freshDb();
    const created = await saveProgram(PROGRAM, database);
    expect(await database.cycles.count()).toBe(1);
    const updated = await saveProgram({ ...PROGRAM, name: 'Renamed', targetApps: 60 }, database);
    expect(updated.id).toBe(created.id);
    expect(updated.createdAt).toBe(created.createdAt);
    expect(await getProgram(database)).toMatchObject({ name: 'Renamed', targetApps: 60 });
    expect(await database.program.count()).toBe(1);
    expect(await database.cycles.count()).toBe(1);
  });

  it('keeps the stored program unchanged when an update is invalid', async () => {
    const { database, program } = await withProgram();
    const error = await rejection(
      saveProgram({ ...PROGRAM, name: 'x'.repeat(10_000), targetApps: 500 }, database),
    );
    expect((error as ValidationError).messageFor('name')).toBe('Program name must be at most 200 characters');
    expect((error as ValidationError).messageFor('targetApps')).toBe(
      'Target apps cannot exceed the eligible app population',
    );
    expect(await getProgram(database)).toEqual(program);
  });
});

describe('adding cycles', () => {
  it('adds the next cycle as a scaling cycle with the scaling checklist', async () => {
    const { database } = await withProgram();
    const cycle = await addCycle({ startDate: '2026-04-30', endDate: '2026-07-30', goalApps: 3 }, database);
    expect(cycle).toMatchObject({ index: 1, phase: 'scaling', status: 'planned', name: '', retroNotes: '' });
    expect(cycle.checklist).toHaveLength(7);
    expect(cycle.checklist[1]).toEqual({
      stepId: 'scaling-2',
      text: 'Find two to five more apps.',
      done: false,
      doneOn: null,
    });
  });

  it('refuses a cycle number that exists or leaves a gap', async () => {
    const { database } = await withProgram();
    const taken = await rejection(
      addCycle({ index: 0, startDate: '2026-04-30', endDate: '2026-07-30', goalApps: 3 }, database),
    );
    expect((taken as ValidationError).messageFor('index')).toBe('Cycle number 0 already exists');
    const gap = await rejection(
      addCycle({ index: 5, startDate: '2026-04-30', endDate: '2026-07-30', goalApps: 3 }, database),
    );
    expect((gap as ValidationError).messageFor('index')).toBe(
      'Cycle number must be 1: cycles are numbered without gaps',
    );
    expect(await database.cycles.count()).toBe(1);
  });

  it('names every bad field and saves nothing', async () => {
    const { database } = await withProgram();
    const error = await rejection(
      addCycle(
        { startDate: '2026-07-30', endDate: '2026-04-30', goalApps: -1, name: 'n'.repeat(10_000) },
        database,
      ),
    );
    expect(error).toBeInstanceOf(ValidationError);
    const e = error as ValidationError;
    expect(e.messageFor('endDate')).toBe('End date must be after the start date');
    expect(e.messageFor('goalApps')).toBe('Goal cannot be negative');
    expect(e.messageFor('name')).toBe('Cycle name must be at most 200 characters');
    expect(await database.cycles.count()).toBe(1);
  });

  it('needs a program first', async () => {
    const database = freshDb();
    const error = await rejection(
      addCycle({ startDate: '2026-04-30', endDate: '2026-07-30', goalApps: 3 }, database),
    );
    expect(error).toBeInstanceOf(PlanRuleError);
    expect(await database.cycles.count()).toBe(0);
  });
});

describe('updating a cycle', () => {
  it('changes name, dates, goal and notes but never its number or phase', async () => {
    const { database, initialCycle } = await withProgram();
    const updated = await updateCycle(
      initialCycle.id,
      {
        name: 'Payments first',
        endDate: '2026-05-15',
        goalApps: 2,
        retroNotes: 'Went well',
        ...({ index: 7, phase: 'scaling' } as object),
      },
      database,
    );
    expect(updated).toMatchObject({
      index: 0,
      phase: 'initial',
      name: 'Payments first',
      endDate: '2026-05-15',
      goalApps: 2,
      retroNotes: 'Went well',
    });
    expect(await database.cycles.get(initialCycle.id)).toEqual(updated);
  });

  it('leaves the stored cycle unchanged when the update is invalid', async () => {
    const { database, initialCycle } = await withProgram();
    const error = await rejection(
      updateCycle(initialCycle.id, { name: 'ok', goalApps: 2.5, endDate: '2026-01-01' }, database),
    );
    expect((error as ValidationError).messageFor('goalApps')).toBe('Goal must be a whole number');
    expect((error as ValidationError).messageFor('endDate')).toBe('End date must be after the start date');
    expect(await database.cycles.get(initialCycle.id)).toEqual(initialCycle);
  });
});

describe('the checklist', () => {
  it('stamps the date when a step is ticked, and clears it when unticked', async () => {
    const { database, initialCycle } = await withProgram();
    const ticked = await setChecklistStep(initialCycle.id, 'initial-3', true, '2026-02-10', database);
    expect(ticked.checklist.find((i) => i.stepId === 'initial-3')).toMatchObject({
      done: true,
      doneOn: '2026-02-10',
    });
    const corrected = await setChecklistDoneDate(initialCycle.id, 'initial-3', '2026-02-08', database);
    expect(corrected.checklist.find((i) => i.stepId === 'initial-3')?.doneOn).toBe('2026-02-08');
    const unticked = await setChecklistStep(initialCycle.id, 'initial-3', false, '2026-02-11', database);
    expect(unticked.checklist.find((i) => i.stepId === 'initial-3')).toMatchObject({
      done: false,
      doneOn: null,
    });
    expect(await database.cycles.get(initialCycle.id)).toEqual(unticked);
  });

  it('refuses an impossible done date and keeps the stored one', async () => {
    const { database, initialCycle } = await withProgram();
    const ticked = await setChecklistStep(initialCycle.id, 'initial-1', true, '2026-02-10', database);
    const error = await rejection(setChecklistDoneDate(initialCycle.id, 'initial-1', '2026-02-30', database));
    expect(error).toBeInstanceOf(ValidationError);
    expect((error as ValidationError).problems[0]?.message).toBe('Done date is not a real calendar date');
    expect(await database.cycles.get(initialCycle.id)).toEqual(ticked);
  });

  it('refuses a step the cycle does not have', async () => {
    const { database, initialCycle } = await withProgram();
    const error = await rejection(
      setChecklistStep(initialCycle.id, 'scaling-1', true, '2026-02-10', database),
    );
    expect(error).toBeInstanceOf(PlanRuleError);
    expect(await database.cycles.get(initialCycle.id)).toEqual(initialCycle);
  });
});

describe('starting and closing cycles', () => {
  it('starts a planned cycle, and only one cycle may be active at a time', async () => {
    const { database, initialCycle } = await withProgram();
    const next = await addCycle({ startDate: '2026-04-30', endDate: '2026-07-30', goalApps: 3 }, database);
    expect((await startCycle(initialCycle.id, database)).status).toBe('active');
    const error = await rejection(startCycle(next.id, database));
    expect((error as ValidationError).messageFor('status')).toBe(
      'Only one cycle can be active at a time: Initial phase is active. Close it first.',
    );
    const viaEdit = await rejection(updateCycle(next.id, { status: 'active' }, database));
    expect((viaEdit as ValidationError).messageFor('status')).toMatch(/Only one cycle can be active/);
    const viaAdd = await rejection(
      addCycle({ startDate: '2026-07-30', endDate: '2026-10-30', goalApps: 3, status: 'active' }, database),
    );
    expect((viaAdd as ValidationError).messageFor('status')).toMatch(/Only one cycle can be active/);
    expect(await database.cycles.where('status').equals('active').count()).toBe(1);
    expect(await database.cycles.count()).toBe(2);
  });

  it('does not start a cycle that is not planned', async () => {
    const { database, initialCycle } = await withProgram();
    await startCycle(initialCycle.id, database);
    const error = await rejection(startCycle(initialCycle.id, database));
    expect((error as ValidationError).messageFor('status')).toBe(
      'Only a planned cycle can be started; Initial phase is active.',
    );
  });

  it('closes the active cycle and starts the planned next one in one action', async () => {
    const { database, initialCycle } = await withProgram();
    const next = await addCycle({ startDate: '2026-04-30', endDate: '2026-07-30', goalApps: 4 }, database);
    await startCycle(initialCycle.id, database);
    const handOver = await closeActiveAndStartNext('2026-04-30', {}, database);
    expect(handOver.created).toBe(false);
    expect(handOver.closed).toMatchObject({ id: initialCycle.id, status: 'closed', endDate: '2026-04-30' });
    expect(handOver.started).toMatchObject({
      id: next.id,
      status: 'active',
      startDate: '2026-04-30',
      goalApps: 4,
    });
    const stored = await database.cycles.orderBy('index').toArray();
    expect(stored.map((c) => c.status)).toEqual(['closed', 'active']);
  });

  it('creates the next cycle from the proposal when there is none', async () => {
    const { database, initialCycle } = await withProgram();
    await startCycle(initialCycle.id, database);
    const handOver = await closeActiveAndStartNext('2026-05-02', {}, database);
    expect(handOver.created).toBe(true);
    expect(handOver.started).toMatchObject({
      index: 1,
      phase: 'scaling',
      status: 'active',
      startDate: '2026-04-30',
      endDate: '2026-07-30',
      goalApps: 3,
    });
    expect(handOver.started.checklist).toHaveLength(7);
    expect(await database.cycles.count()).toBe(2);
  });

  it('changes nothing when the next cycle cannot be started', async () => {
    const { database, initialCycle } = await withProgram();
    const next = await addCycle(
      { startDate: '2026-04-30', endDate: '2026-07-30', goalApps: 3, status: 'closed' },
      database,
    );
    await startCycle(initialCycle.id, database);
    const before = await database.cycles.orderBy('index').toArray();
    const error = await rejection(closeActiveAndStartNext('2026-05-01', {}, database));
    expect(error).toBeInstanceOf(PlanRuleError);
    expect((error as Error).message).toContain('Scaling cycle 1 is closed');
    expect(await database.cycles.orderBy('index').toArray()).toEqual(before);
    expect((await database.cycles.get(next.id))?.status).toBe('closed');
  });

  it('is all or nothing: a failure after the close leaves the active cycle active', async () => {
    const { database, initialCycle } = await withProgram();
    await startCycle(initialCycle.id, database);
    // The new cycle's write fails after the active one has been written as closed.
    database.cycles.hook('creating', () => {
      throw new Error('The disk went away');
    });
    const before = await database.cycles.orderBy('index').toArray();
    await expect(closeActiveAndStartNext('2026-05-01', {}, database)).rejects.toThrow('The disk went away');
    expect(await database.cycles.orderBy('index').toArray()).toEqual(before);
    expect((await database.cycles.get(initialCycle.id))?.status).toBe('active');
  });

  it('needs an active cycle, and does not close one before it starts', async () => {
    const { database, initialCycle } = await withProgram();
    expect(await rejection(closeActiveAndStartNext('2026-05-01', {}, database))).toBeInstanceOf(
      PlanRuleError,
    );
    await startCycle(initialCycle.id, database);
    const early = await rejection(closeActiveAndStartNext('2026-01-30', {}, database));
    expect((early as Error).message).toContain('cannot be closed before it starts');
    expect((await database.cycles.get(initialCycle.id))?.status).toBe('active');
    expect(await database.cycles.count()).toBe(1);
  });
});

describe('carrying unfinished apps over when a cycle closes', () => {
  async function withApps() {
    const { database, initialCycle } = await withProgram();
    await startCycle(initialCycle.id, database);
    const at = { cycleId: initialCycle.id, selectedOn: '2026-02-01' };
    const apps = {
      live: appRecord({ name: 'Payments', stage: 'on-platform', firstDeployOn: '2026-02-10', ...at }),
      onboarding: appRecord({ name: 'Ledger', stage: 'onboarding', ...at }),
      selected: appRecord({ name: 'Search', stage: 'selected', ...at }),
      paused: appRecord({ name: 'Billing', stage: 'paused', ...at }),
      elsewhere: appRecord({ name: 'Mail', stage: 'selected', selectedOn: '2026-02-01' }),
    };
    await database.apps.bulkAdd(Object.values(apps));
    return { database, initialCycle, apps };
  }

  const cycleOf = async (database: AdoptionDatabase, id: string) => (await database.apps.get(id))?.cycleId;

  it('moves the selected and onboarding apps into the started cycle, in the same step', async () => {
    const { database, initialCycle, apps } = await withApps();
    const handOver = await closeActiveAndStartNext('2026-04-01', { carryOver: true }, database);
    expect(handOver.carried.map((a) => a.name).sort()).toEqual(['Ledger', 'Search']);
    expect(await cycleOf(database, apps.onboarding.id)).toBe(handOver.started.id);
    expect(await cycleOf(database, apps.selected.id)).toBe(handOver.started.id);
    // Only the cycle changes: stage and dates are kept.
    expect(await database.apps.get(apps.onboarding.id)).toMatchObject({
      stage: 'onboarding',
      selectedOn: '2026-02-01',
    });
    // What reached the platform, was paused or belongs elsewhere stays where it is.
    expect(await cycleOf(database, apps.live.id)).toBe(initialCycle.id);
    expect(await cycleOf(database, apps.paused.id)).toBe(initialCycle.id);
    expect(await cycleOf(database, apps.elsewhere.id)).toBeNull();
  });

  it('leaves every app where it is unless asked to carry them over', async () => {
    const { database, initialCycle, apps } = await withApps();
    const handOver = await closeActiveAndStartNext('2026-04-01', {}, database);
    expect(handOver.carried).toEqual([]);
    expect(await cycleOf(database, apps.onboarding.id)).toBe(initialCycle.id);
  });

  it('is undone whole: the cycles and the carried apps go back as they were', async () => {
    const { database, initialCycle, apps } = await withApps();
    const cyclesBefore = await database.cycles.orderBy('index').toArray();
    const appsBefore = await database.apps.orderBy('name').toArray();
    const handOver = await closeActiveAndStartNext('2026-04-01', { carryOver: true }, database);
    expect(handOver.undo.label).toBe('Closed Initial phase and started Scaling cycle 1');
    await undoChanges(database, handOver.undo);
    expect(await database.cycles.orderBy('index').toArray()).toEqual(cyclesBefore);
    expect(await database.apps.orderBy('name').toArray()).toEqual(appsBefore);
    expect((await database.cycles.get(initialCycle.id))?.status).toBe('active');
    expect(await cycleOf(database, apps.selected.id)).toBe(initialCycle.id);
  });

  it('is all or nothing: a failed carry-over leaves the cycle open and the apps in it', async () => {
    const { database, initialCycle, apps } = await withApps();
    database.apps.hook('updating', () => {
      throw new Error('The disk went away');
    });
    const before = await database.cycles.orderBy('index').toArray();
    await expect(closeActiveAndStartNext('2026-04-01', { carryOver: true }, database)).rejects.toThrow(
      'The disk went away',
    );
    expect(await database.cycles.orderBy('index').toArray()).toEqual(before);
    expect(await cycleOf(database, apps.selected.id)).toBe(initialCycle.id);
  });
});

describe('deleting cycles', () => {
  it('deletes only the last cycle, so cycle numbers stay continuous', async () => {
    const { database, initialCycle } = await withProgram();
    const one = await addCycle({ startDate: '2026-04-30', endDate: '2026-07-30', goalApps: 3 }, database);
    const error = await rejection(deleteCycle(initialCycle.id, database));
    expect(error).toBeInstanceOf(PlanRuleError);
    expect((error as Error).message).toBe(
      'Only the last cycle can be deleted, so cycle numbers stay continuous: Initial phase is not the last (Scaling cycle 1 is).',
    );
    expect(await database.cycles.count()).toBe(2);
    await deleteCycle(one.id, database);
    expect((await database.cycles.toArray()).map((c) => c.index)).toEqual([0]);
    const next = await addCycle({ startDate: '2026-04-30', endDate: '2026-07-30', goalApps: 3 }, database);
    expect(next.index).toBe(1);
  });

  it('keeps a cycle that other records still refer to', async () => {
    const { database, initialCycle } = await withProgram();
    await database.apps.add(
      appRecord({ name: 'Payments', stage: 'selected', cycleId: initialCycle.id, selectedOn: '2026-02-01' }),
    );
    const error = await rejection(deleteCycle(initialCycle.id, database));
    expect((error as Error).message).toBe(
      'Initial phase cannot be deleted while 1 app refers to it: move it to another cycle first.',
    );
    expect(await database.cycles.count()).toBe(1);
  });
});
