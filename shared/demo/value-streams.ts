/**
 * Demo area: value stream maps of the first teams' paths to production — one mapped in a
 * workshop right after the app was selected, and one a month after it went live on the golden
 * path, with most of the waiting gone.
 */
import {
  addDaysIso,
  minIsoDate,
  workdayOnOrAfter,
  type ValueStreamMap,
  type ValueStreamStep,
} from '../domain';
import type { AppFacts } from './apps';
import type { DemoContext, DemoTables } from './context';
import { clamp, roundMinutes } from './helpers';
import * as story from './story';

/** The teams whose first app was mapped, in the order they were mapped. */
const MAPPED_TEAMS = ['payments', 'cards', 'lending', 'fraud', 'open-banking', 'treasury', 'insurance'];

export function demoValueStreams({
  today,
  rng,
  stamp,
  firstAppOf,
}: DemoContext & AppFacts): DemoTables<'valueStreamMaps'> {
  // Real maps differ from the template: a step or two left out, the times as this team measured them.
  const mapSteps = (script: readonly story.StepScript[]): ValueStreamStep[] => {
    const drop = new Set(rng.shuffle(script.map((_, i) => i).slice(1, -1)).slice(0, rng.int(0, 2)));
    return script
      .filter((_, i) => !drop.has(i))
      .map((s) => ({
        name: s.name,
        processMinutes: Math.max(1, roundMinutes(rng.jitter(s.processMinutes, 0.25))),
        waitMinutes: roundMinutes(rng.jitter(s.waitMinutes, 0.25)),
        pctCompleteAccurate: clamp(Math.round(rng.jitter(s.pctCompleteAccurate, 0.05)), 1, 100),
      }));
  };
  const valueStreamMaps: ValueStreamMap[] = [];
  for (const teamKey of MAPPED_TEAMS) {
    const app = firstAppOf(teamKey);
    if (!app?.selectedOn) continue;
    const before = minIsoDate(workdayOnOrAfter(addDaysIso(app.selectedOn, rng.int(3, 8))), today);
    valueStreamMaps.push(
      stamp(
        {
          appId: app.id,
          label: 'Before onboarding',
          date: before,
          steps: mapSteps(story.VSM_BEFORE),
          notes: 'Mapped with the team in a two-hour workshop, from story to production.',
        },
        before,
      ),
    );
    if (!app.productionOn) continue;
    const after = workdayOnOrAfter(addDaysIso(app.productionOn, rng.int(21, 40)));
    if (after >= today) continue;
    valueStreamMaps.push(
      stamp(
        {
          appId: app.id,
          label: 'After onboarding',
          date: after,
          steps: mapSteps(story.VSM_AFTER),
          notes: 'Re-mapped a month after going live on the golden path.',
        },
        after,
      ),
    );
  }
  return { valueStreamMaps };
}
