/**
 * Demo area: the blockers of story.ts across the deck's three categories, each linked to its
 * cycle and to the app or team it held up (the paused and dropped apps among them). Most are
 * resolved — people and plans take longer than technical ones, critical ones get done faster —
 * and the recent ones are still open or being mitigated.
 */
import {
  addDaysIso,
  maxIsoDate,
  minIsoDate,
  workdayOnOrAfter,
  type Blocker,
  type IsoDate,
  type Person,
} from '../domain';
import type { AppDraft, AppFacts } from './apps';
import type { DemoContext, DemoTables } from './context';
import { must, randomWorkday } from './helpers';
import type { PeopleFacts } from './people';
import type { ProgramFacts } from './program';
import * as story from './story';
import type { TeamFacts } from './teams';

/** Days a blocker of each category takes to resolve: [min, max]. */
const RESOLVE_DAYS: Record<Blocker['category'], [number, number]> = {
  'people-culture': [20, 75],
  'plans-alignment': [15, 60],
  'technical-execution': [5, 35],
};

export function demoBlockers({
  today,
  rng,
  stamp,
  activeIndex,
  cyclePlan,
  teamOf,
  teamMembers,
  platformOwner,
  advocates,
  appsByCycle,
  pausedApp,
  droppedApp,
}: DemoContext & ProgramFacts & TeamFacts & PeopleFacts & AppFacts): DemoTables<'blockers'> {
  const ownerOf = (teamKey: string | undefined): Person => {
    if (!teamKey || teamKey === story.PLATFORM_TEAM)
      return rng.chance(0.6) ? platformOwner : must(advocates[0], 'advocate');
    return must(teamMembers(teamKey)[0], `member of ${teamKey}`);
  };
  const blockers: Blocker[] = story.BLOCKERS.map((script) => {
    const plan = cyclePlan(Math.min(script.cycle, activeIndex));
    let app: AppDraft | undefined;
    let teamKey: string | undefined;
    if (script.link === 'paused') app = pausedApp;
    else if (script.link === 'dropped') app = droppedApp;
    else if (script.link === 'cycle-app') {
      const inCycle = (appsByCycle[plan.index] ?? []).filter((d) => d.stage === 'onboarding');
      app = inCycle.find((d) => d.runtime === 'batch') ?? inCycle.at(-1);
    } else teamKey = script.link;
    if (app) teamKey = app.teamKey;
    const latestOpen = minIsoDate(addDaysIso(plan.endDate, -10), addDaysIso(today, -2));
    let openedOn = randomWorkday(rng, addDaysIso(plan.startDate, 3), latestOpen);
    if (app?.firstDeployOn && script.link === 'paused')
      openedOn = workdayOnOrAfter(addDaysIso(app.firstDeployOn, 5));
    if (app?.selectedOn && script.link !== 'paused') openedOn = maxIsoDate(openedOn, app.selectedOn);
    openedOn = minIsoDate(openedOn, today);
    let status: Blocker['status'] = script.status ?? 'resolved';
    let resolvedOn: IsoDate | null = null;
    if (!script.status) {
      const [min, max] = RESOLVE_DAYS[script.category];
      const days = Math.round(rng.int(min, max) * (script.severity === 'critical' ? 0.6 : 1));
      resolvedOn = workdayOnOrAfter(addDaysIso(openedOn, days));
      if (resolvedOn > today) {
        status = 'mitigating';
        resolvedOn = null;
      }
    }
    const updated = resolvedOn ?? minIsoDate(addDaysIso(openedOn, rng.int(3, 20)), today);
    // Mitigation starts two days after opening (by the last update at the latest): a fixed step,
    // not a random one, so the random sequence and every record after this one stay as they were.
    const statusHistory: Blocker['statusHistory'] = [{ status: 'open', on: openedOn }];
    if (status !== 'open') {
      statusHistory.push({
        status: 'mitigating',
        on: minIsoDate(workdayOnOrAfter(addDaysIso(openedOn, 2)), updated),
      });
    }
    if (resolvedOn) statusHistory.push({ status: 'resolved', on: resolvedOn });
    return stamp(
      {
        title: script.title,
        category: script.category,
        subCategory: script.subCategory,
        severity: script.severity,
        status,
        openedOn,
        resolvedOn,
        statusHistory,
        appId: app?.id ?? null,
        teamId: teamKey ? teamOf(teamKey).id : null,
        cycleId: plan.id,
        ownerId: ownerOf(teamKey).id,
        // The script's note says what was done about it: the mitigation, once there is one.
        notes: status === 'open' ? script.notes : '',
        mitigation: status === 'open' ? '' : script.notes,
      },
      openedOn,
      updated,
    );
  });
  return { blockers };
}
