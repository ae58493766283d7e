/**
 * Demo area: the cycle records of the plan (program.ts) — the playbook checklist ticked off
 * through each cycle (closed cycles fully but for a step skipped now and then, the active one
 * up to today, planned ones not at all) and the retro notes of the closed ones, which tell what
 * the apps did, so this area runs after the apps.
 */
import {
  addDaysIso,
  daysBetween,
  maxIsoDate,
  medianTimeToHelloWorld,
  minIsoDate,
  newChecklist,
  phaseForIndex,
  workdayOnOrAfter,
  workdayOnOrBefore,
  type ChecklistItem,
  type Cycle,
} from '../domain';
import type { AppFacts } from './apps';
import type { DemoContext, DemoTables } from './context';
import type { ProgramFacts } from './program';
import * as story from './story';

/** Steps the owner skipped, by cycle index: real checklists are rarely complete. */
const SKIPPED: Record<number, string> = { 3: 'scaling-5', 8: 'scaling-4' };
/** Steps that can only be ticked at the end ("do this for three months", "repeat"): the last working day. */
const END_STEPS = new Set(['initial-8', 'scaling-6', 'scaling-7']);

export function demoCycles({
  today,
  rng,
  stamp,
  setUpOn,
  plans,
  activeIndex,
  cyclePlan,
  appsByCycle,
}: DemoContext & ProgramFacts & AppFacts): DemoTables<'cycles'> {
  const activeCycle = cyclePlan(activeIndex);
  const cycles: Cycle[] = plans.map((plan) => {
    const phase = phaseForIndex(plan.index);
    const steps = newChecklist(phase);
    const length = daysBetween(plan.startDate, plan.endDate);
    const lastDay = workdayOnOrBefore(addDaysIso(plan.endDate, -1));
    const checklist: ChecklistItem[] = steps.map((step, j) => {
      const spread = Math.round(((j + 0.7) * (length - 4)) / steps.length) + rng.int(-3, 3);
      const planned = END_STEPS.has(step.stepId)
        ? lastDay
        : minIsoDate(
            lastDay,
            maxIsoDate(plan.startDate, workdayOnOrAfter(addDaysIso(plan.startDate, spread))),
          );
      const done =
        plan.status === 'closed'
          ? SKIPPED[plan.index] !== step.stepId
          : plan.status === 'active' && !END_STEPS.has(step.stepId) && planned <= today;
      return { ...step, done, doneOn: done ? planned : null };
    });

    let retroNotes = '';
    if (plan.status === 'closed') {
      const chosen = appsByCycle[plan.index] ?? [];
      const live = chosen.filter((d) => d.stage === 'on-platform');
      const median = medianTimeToHelloWorld(chosen);
      const parts = [
        `${live.length} of ${plan.goal} apps onboarded${live.length ? `: ${live.map((d) => d.name).join(', ')}` : ''}.`,
      ];
      if (median !== null) parts.push(`Median time to hello world: ${median} days.`);
      const remark = story.CYCLES[plan.index]?.remark;
      if (remark) parts.push(remark);
      retroNotes = parts.join(' ');
    }
    const doneDates = checklist.flatMap((i) => (i.doneOn ? [i.doneOn] : []));
    const created =
      plan.index === 0
        ? setUpOn
        : minIsoDate(addDaysIso(plan.startDate, -14), addDaysIso(activeCycle.startDate, 7));
    const updated = plan.status === 'closed' ? plan.endDate : doneDates.reduce(maxIsoDate, created);
    return stamp(
      {
        index: plan.index,
        phase,
        name: story.CYCLES[plan.index]?.name ?? '',
        startDate: plan.startDate,
        endDate: plan.endDate,
        goalApps: plan.goal,
        status: plan.status,
        checklist,
        retroNotes,
      },
      created,
      updated,
      plan.id,
    );
  });
  return { cycles };
}
