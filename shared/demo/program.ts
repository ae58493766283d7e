/**
 * Demo area: the program and its plan of cycles. The story is anchored to `today` so the demo
 * always looks current: the program started on a Monday nearly three years ago (2 years 9 months
 * plus about five weeks, so that today falls in the middle of a cycle rather than on its first
 * day), ran its initial phase, then quarterly scaling cycles whose goals grow as pairing &
 * seeding allows; today is in the twelfth cycle and two more are planned.
 *
 * The cycle records themselves come later (cycles.ts): their checklists and retro notes tell
 * what happened to the apps. Here the plan gives every later area the cycles' ids and dates.
 */
import {
  DEFAULT_CYCLE_LENGTH_MONTHS,
  addDaysIso,
  addMonthsIso,
  addWeeksIso,
  cycleContaining,
  cycleEndDate,
  startOfWeekIso,
  type CycleStatus,
  type IsoDate,
} from '../domain';
import type { DemoContext, DemoTables } from './context';
import { must } from './helpers';
import * as story from './story';

export interface CyclePlan {
  index: number;
  startDate: IsoDate;
  endDate: IsoDate;
  status: CycleStatus;
  goal: number;
  id: string;
}

export interface ProgramFacts extends DemoTables<'program'> {
  programStart: IsoDate;
  /** The day the platform team set the program up in the app, two weeks before it started. */
  setUpOn: IsoDate;
  /** Every cycle up to two after the active one. */
  plans: readonly CyclePlan[];
  activeIndex: number;
  cyclePlan(index: number): CyclePlan;
  /** The cycle that contains `day`, if the plan reaches it. */
  cycleOfDay(day: IsoDate): CyclePlan | undefined;
}

export function demoProgram({ today, rng, stamp }: DemoContext): ProgramFacts {
  const programStart = startOfWeekIso(addWeeksIso(addMonthsIso(today, -33), -5));
  const setUpOn = addDaysIso(programStart, -14);
  const program = stamp(
    {
      name: story.PROGRAM_NAME,
      platformName: story.PLATFORM_NAME,
      startDate: programStart,
      targetApps: story.TARGET_APPS,
      eligibleApps: story.ELIGIBLE_APPS,
      cycleLengthMonths: DEFAULT_CYCLE_LENGTH_MONTHS,
    },
    setUpOn,
  );

  const plans: CyclePlan[] = [];
  let activeIndex = -1;
  for (let index = 0, start = programStart; activeIndex < 0 || index <= activeIndex + 2; index++) {
    const end = cycleEndDate(start, DEFAULT_CYCLE_LENGTH_MONTHS);
    const status: CycleStatus = end <= today ? 'closed' : start <= today ? 'active' : 'planned';
    if (status === 'active') activeIndex = index;
    const goal = story.CYCLE_GOALS[index] ?? story.STEADY_GOAL;
    plans.push({ index, startDate: start, endDate: end, status, goal, id: rng.uuid() });
    start = end;
  }

  return {
    program: [program],
    programStart,
    setUpOn,
    plans,
    activeIndex,
    cyclePlan: (index) => must(plans[index], `cycle ${index}`),
    cycleOfDay: (day) => cycleContaining(plans, day),
  };
}
