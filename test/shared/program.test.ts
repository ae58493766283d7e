/** Program and cycle validation, the checklist, and what "Add cycle" proposes. */
import { describe, expect, it } from 'vitest';
import {
  checklistProgress,
  cycleContaining,
  cycleInputSchema,
  cycleLabel,
  cycleLengthDays,
  newChecklist,
  plannedCumulativeApps,
  programInputSchema,
  proposeNextCycle,
  setChecklistStep,
  validate,
  ValidationError,
  type CycleInput,
  type ProgramInput,
} from '../../shared/domain';

const PROGRAM: ProgramInput = {
  name: 'Cloud-native 2026',
  platformName: 'Tanzu',
  startDate: '2026-01-31',
  targetApps: 40,
  eligibleApps: 400,
};

const CYCLE: CycleInput = {
  index: 1,
  phase: 'scaling',
  name: '',
  startDate: '2026-04-30',
  endDate: '2026-07-30',
  goalApps: 3,
  status: 'planned',
  checklist: newChecklist('scaling'),
  retroNotes: '',
};

/** Field → first message of a failed parse. */
function problems(schema: typeof programInputSchema | typeof cycleInputSchema, input: unknown) {
  try {
    validate(schema, input, 'The record');
  } catch (error) {
    if (error instanceof ValidationError) {
      return Object.fromEntries(error.problems.map((p) => [p.field, p.message]));
    }
    throw error;
  }
  return {};
}

describe('the program', () => {
  it('accepts a complete program and defaults the cycle length to 3 months', () => {
    const program = programInputSchema.parse(PROGRAM);
    expect(program.cycleLengthMonths).toBe(3);
    expect(program.name).toBe('Cloud-native 2026');
  });

  it('names the field of an empty name', () => {
    expect(problems(programInputSchema, { ...PROGRAM, name: '   ' })).toEqual({
      name: 'Program name is required',
    });
    expect(problems(programInputSchema, { ...PROGRAM, platformName: '' })).toEqual({
      platformName: 'Platform name is required',
    });
  });

  it('refuses a 10,000-character name', () => {
    expect(problems(programInputSchema, { ...PROGRAM, name: 'a'.repeat(10_000) })).toEqual({
      name: 'Program name must be at most 200 characters',
    });
  });

  it('refuses an impossible start date', () => {
    expect(problems(programInputSchema, { ...PROGRAM, startDate: '2026-02-30' })).toEqual({
      startDate: 'Start date is not a real calendar date',
    });
  });

  it('refuses negative, fractional and missing numbers', () => {
    expect(problems(programInputSchema, { ...PROGRAM, targetApps: -5 })).toEqual({
      targetApps: 'Target apps must be at least 1',
    });
    expect(problems(programInputSchema, { ...PROGRAM, eligibleApps: 2.5 })).toMatchObject({
      eligibleApps: 'Eligible app population must be a whole number',
    });
    expect(problems(programInputSchema, { ...PROGRAM, targetApps: Number.NaN })).toMatchObject({
      targetApps: 'Target apps must be a number',
    });
    expect(problems(programInputSchema, { ...PROGRAM, cycleLengthMonths: 13 })).toEqual({
      cycleLengthMonths: 'Cycle length must be at most 12',
    });
  });

  it('refuses a target above the eligible app population', () => {
    expect(problems(programInputSchema, { ...PROGRAM, targetApps: 401 })).toEqual({
      targetApps: 'Target apps cannot exceed the eligible app population',
    });
  });
});

describe('a cycle', () => {
  it('accepts a valid cycle', () => {
    expect(problems(cycleInputSchema, CYCLE)).toEqual({});
  });

  it('refuses an end date before or on the start date', () => {
    expect(problems(cycleInputSchema, { ...CYCLE, endDate: '2026-04-01' })).toEqual({
      endDate: 'End date must be after the start date',
    });
    expect(problems(cycleInputSchema, { ...CYCLE, endDate: CYCLE.startDate })).toEqual({
      endDate: 'End date must be after the start date',
    });
  });

  it('does not compare a malformed date, it names it', () => {
    expect(problems(cycleInputSchema, { ...CYCLE, startDate: 'tomorrow' })).toEqual({
      startDate: 'Start date must be a date like 2026-01-31',
    });
  });

  it('refuses a negative or fractional goal', () => {
    expect(problems(cycleInputSchema, { ...CYCLE, goalApps: -1 })).toEqual({
      goalApps: 'Goal cannot be negative',
    });
    expect(problems(cycleInputSchema, { ...CYCLE, goalApps: 2.5 })).toEqual({
      goalApps: 'Goal must be a whole number',
    });
  });

  it('refuses a 10,000-character name', () => {
    expect(problems(cycleInputSchema, { ...CYCLE, name: 'c'.repeat(10_000) })).toEqual({
      name: 'Cycle name must be at most 200 characters',
    });
  });

  it('keeps cycle 0 as the only initial phase', () => {
    expect(problems(cycleInputSchema, { ...CYCLE, index: 0 })).toEqual({
      phase: 'Cycle 0 is the initial phase',
    });
    expect(problems(cycleInputSchema, { ...CYCLE, phase: 'initial' })).toEqual({
      phase: 'Only cycle 0 is the initial phase',
    });
  });

  it('refuses a ticked step without its date', () => {
    const checklist = newChecklist('scaling').map((i, n) => (n === 2 ? { ...i, done: true } : i));
    expect(problems(cycleInputSchema, { ...CYCLE, checklist })).toEqual({
      'checklist.2.doneOn': 'A ticked step needs the date it was done',
    });
  });

  it('is labelled by its number and name', () => {
    expect(cycleLabel({ index: 0, name: '' })).toBe('Initial phase');
    expect(cycleLabel({ index: 3, name: '' })).toBe('Scaling cycle 3');
    expect(cycleLabel({ index: 3, name: 'Payments' })).toBe('Scaling cycle 3 — Payments');
  });
});

describe('the checklist', () => {
  it('starts with the phase steps, none ticked', () => {
    const checklist = newChecklist('initial');
    expect(checklist).toHaveLength(8);
    expect(checklist.every((i) => !i.done && i.doneOn === null)).toBe(true);
    expect(checklistProgress(checklist)).toEqual({ done: 0, total: 8 });
  });

  it('stamps the date when a step is ticked and clears it when unticked', () => {
    const ticked = setChecklistStep(newChecklist('initial'), 'initial-2', true, '2026-02-03');
    expect(ticked[1]).toMatchObject({ done: true, doneOn: '2026-02-03' });
    expect(checklistProgress(ticked)).toEqual({ done: 1, total: 8 });
    const unticked = setChecklistStep(ticked, 'initial-2', false, '2026-02-04');
    expect(unticked[1]).toMatchObject({ done: false, doneOn: null });
  });

  it('keeps the first date when a ticked step is ticked again', () => {
    const once = setChecklistStep(newChecklist('scaling'), 'scaling-1', true, '2026-05-01');
    const twice = setChecklistStep(once, 'scaling-1', true, '2026-06-01');
    expect(twice[0]?.doneOn).toBe('2026-05-01');
  });

  it('leaves the other steps alone', () => {
    const before = newChecklist('scaling');
    const after = setChecklistStep(before, 'scaling-4', true, '2026-05-01');
    expect(after.filter((i) => i.stepId !== 'scaling-4')).toEqual(
      before.filter((i) => i.stepId !== 'scaling-4'),
    );
  });
});

describe('proposing the next cycle', () => {
  const program = { startDate: '2026-01-31', cycleLengthMonths: 3 };

  it('proposes the initial phase from the program start when there is no cycle', () => {
    expect(proposeNextCycle(program, [])).toMatchObject({
      index: 0,
      phase: 'initial',
      startDate: '2026-01-31',
      endDate: '2026-04-30',
      goalApps: 1,
      status: 'planned',
    });
  });

  it('starts the next cycle on the hand-over day of the last one and ends one cycle length later', () => {
    const proposal = proposeNextCycle(program, [
      { index: 1, endDate: '2026-07-30' },
      { index: 0, endDate: '2026-04-30' },
    ]);
    expect(proposal).toMatchObject({
      index: 2,
      phase: 'scaling',
      startDate: '2026-07-30',
      endDate: '2026-10-30',
    });
    expect(proposal.checklist.map((i) => i.stepId)).toEqual(newChecklist('scaling').map((i) => i.stepId));
    expect(proposal.goalApps).toBeGreaterThanOrEqual(2);
    expect(proposal.goalApps).toBeLessThanOrEqual(5);
  });

  it('uses the program cycle length', () => {
    expect(
      proposeNextCycle({ startDate: '2026-01-15', cycleLengthMonths: 2 }, [
        { index: 0, endDate: '2026-03-15' },
      ]),
    ).toMatchObject({ startDate: '2026-03-15', endDate: '2026-05-15' });
  });

  it('proposes a cycle the schema accepts', () => {
    expect(
      problems(cycleInputSchema, proposeNextCycle(program, [{ index: 0, endDate: '2026-04-30' }])),
    ).toEqual({});
  });
});

describe('plan arithmetic', () => {
  it('sums the cycle goals cumulatively, in cycle order', () => {
    expect(
      plannedCumulativeApps([
        { index: 2, endDate: '2026-10-30', goalApps: 5 },
        { index: 0, endDate: '2026-04-30', goalApps: 1 },
        { index: 1, endDate: '2026-07-30', goalApps: 3 },
      ]),
    ).toEqual([
      { index: 0, date: '2026-04-30', planned: 1 },
      { index: 1, date: '2026-07-30', planned: 4 },
      { index: 2, date: '2026-10-30', planned: 9 },
    ]);
    expect(plannedCumulativeApps([])).toEqual([]);
  });

  it('finds the cycle containing a day, the hand-over day belonging to the next cycle', () => {
    const cycles = [
      { id: 'a', startDate: '2026-01-31', endDate: '2026-04-30' },
      { id: 'b', startDate: '2026-04-30', endDate: '2026-07-30' },
    ];
    expect(cycleContaining(cycles, '2026-01-31')?.id).toBe('a');
    expect(cycleContaining(cycles, '2026-04-29')?.id).toBe('a');
    expect(cycleContaining(cycles, '2026-04-30')?.id).toBe('b');
    expect(cycleContaining(cycles, '2026-07-30')).toBeUndefined();
    expect(cycleLengthDays(cycles[0]!)).toBe(89);
  });
});
