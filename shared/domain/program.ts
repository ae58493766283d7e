/**
 * The program and its cycles: the planning backbone. A database holds one program; cycle 0 is
 * the initial phase and every later cycle a 3-month (by default) scaling cycle.
 */
import { z } from 'zod';
import { baseRecordSchema, optionalText, requiredText, wholeNumber } from './common';
import { cycleEndDate, daysBetween, isIsoDate, isoDateSchema, nextCycleStart, type IsoDate } from './dates';
import { phaseForIndex, stepsForPhase, type Phase } from './playbook';

export const DEFAULT_CYCLE_LENGTH_MONTHS = 3;

export const programInputSchema = z
  .object({
    name: requiredText('Program name'),
    platformName: requiredText('Platform name'),
    startDate: isoDateSchema('Start date'),
    targetApps: wholeNumber('Target apps', 1, 1_000_000),
    eligibleApps: wholeNumber('Eligible app population', 1, 1_000_000),
    cycleLengthMonths: wholeNumber('Cycle length', 1, 12).default(DEFAULT_CYCLE_LENGTH_MONTHS),
  })
  .superRefine((p, ctx) => {
    if (p.targetApps > p.eligibleApps) {
      ctx.addIssue({
        code: 'custom',
        path: ['targetApps'],
        message: 'Target apps cannot exceed the eligible app population',
      });
    }
  });
export type ProgramInput = z.input<typeof programInputSchema>;
export const programSchema = baseRecordSchema.and(programInputSchema);
export type Program = z.infer<typeof programSchema>;

export const CYCLE_STATUSES = ['planned', 'active', 'closed'] as const;
export type CycleStatus = (typeof CYCLE_STATUSES)[number];

export const checklistItemSchema = z
  .object({
    stepId: z.string().min(1).max(100),
    text: requiredText('Checklist step', 500),
    done: z.boolean(),
    doneOn: isoDateSchema('Done date').nullable(),
  })
  .superRefine((item, ctx) => {
    // A tick records when the step was done: without its date the cycle's history has a hole.
    if (item.done && !item.doneOn) {
      ctx.addIssue({ code: 'custom', path: ['doneOn'], message: 'A ticked step needs the date it was done' });
    }
  });
export type ChecklistItem = z.infer<typeof checklistItemSchema>;

export const cycleInputSchema = z
  .object({
    index: wholeNumber('Cycle number', 0, 1000),
    phase: z.enum(['initial', 'scaling'], { error: 'Phase must be initial or scaling' }),
    name: optionalText('Cycle name', 200),
    startDate: isoDateSchema('Start date'),
    endDate: isoDateSchema('End date'),
    goalApps: wholeNumber('Goal', 0, 100_000),
    status: z.enum(CYCLE_STATUSES, { error: 'Status must be planned, active or closed' }),
    checklist: z.array(checklistItemSchema).max(100),
    retroNotes: optionalText('Retro notes'),
  })
  .superRefine((c, ctx) => {
    // Compare only real dates: a malformed date already has its own message.
    if (isIsoDate(c.startDate) && isIsoDate(c.endDate) && c.endDate <= c.startDate) {
      ctx.addIssue({ code: 'custom', path: ['endDate'], message: 'End date must be after the start date' });
    }
    if (c.index === 0 && c.phase !== 'initial') {
      ctx.addIssue({ code: 'custom', path: ['phase'], message: 'Cycle 0 is the initial phase' });
    }
    if (c.index > 0 && c.phase !== 'scaling') {
      ctx.addIssue({ code: 'custom', path: ['phase'], message: 'Only cycle 0 is the initial phase' });
    }
  });
export type CycleInput = z.input<typeof cycleInputSchema>;
export const cycleSchema = baseRecordSchema.and(cycleInputSchema);
export type Cycle = z.infer<typeof cycleSchema>;

/** A fresh checklist of a phase's playbook steps, nothing ticked. */
export function newChecklist(phase: Phase): ChecklistItem[] {
  return stepsForPhase(phase).map((s) => ({ stepId: s.id, text: s.text, done: false, doneOn: null }));
}

/** Ticks or unticks one step, stamping the date it was done. */
export function setChecklistStep(
  checklist: readonly ChecklistItem[],
  stepId: string,
  done: boolean,
  on: IsoDate,
): ChecklistItem[] {
  return checklist.map((item) =>
    item.stepId === stepId ? { ...item, done, doneOn: done ? (item.done ? item.doneOn : on) : null } : item,
  );
}

export function checklistProgress(checklist: readonly ChecklistItem[]): { done: number; total: number } {
  return { done: checklist.filter((i) => i.done).length, total: checklist.length };
}

/** A complete cycle input, every field set: what the proposal hands to the add form. */
export type ProposedCycle = z.output<typeof cycleInputSchema>;

/**
 * What "Add a cycle" proposes: the next index, its phase, a start on the hand-over day of the
 * last cycle (or the program start for the first) and an end one cycle length later.
 */
export function proposeNextCycle(
  program: Pick<Program, 'startDate' | 'cycleLengthMonths'>,
  cycles: readonly Pick<Cycle, 'index' | 'endDate'>[],
): ProposedCycle {
  const last = [...cycles].sort((a, b) => a.index - b.index).at(-1);
  const index = last ? last.index + 1 : 0;
  const phase = phaseForIndex(index);
  const startDate = last ? nextCycleStart(last.endDate) : program.startDate;
  return {
    index,
    phase,
    name: '',
    startDate,
    endDate: cycleEndDate(startDate, program.cycleLengthMonths),
    goalApps: phase === 'initial' ? 1 : 3,
    status: 'planned',
    checklist: newChecklist(phase),
    retroNotes: '',
  };
}

export function cycleLabel(cycle: Pick<Cycle, 'index' | 'name'>): string {
  const base = cycle.index === 0 ? 'Initial phase' : `Scaling cycle ${cycle.index}`;
  return cycle.name ? `${base} — ${cycle.name}` : base;
}

/** The cycle whose dates contain `day` (start inclusive, end exclusive: the end is the hand-over). */
export function cycleContaining<C extends Pick<Cycle, 'startDate' | 'endDate'>>(
  cycles: readonly C[],
  day: IsoDate,
): C | undefined {
  return cycles.find((c) => c.startDate <= day && day < c.endDate);
}

export function cycleLengthDays(cycle: Pick<Cycle, 'startDate' | 'endDate'>): number {
  return daysBetween(cycle.startDate, cycle.endDate);
}

/** Plan: the cumulative sum of cycle goals at the end of each cycle. */
export function plannedCumulativeApps(cycles: readonly Pick<Cycle, 'index' | 'endDate' | 'goalApps'>[]) {
  let total = 0;
  return [...cycles]
    .sort((a, b) => a.index - b.index)
    .map((c) => ({ index: c.index, date: c.endDate, planned: (total += c.goalApps) }));
}
