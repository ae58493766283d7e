/**
 * Demo area: the platform marketing program — the kick-off, then from the first scaling cycle
 * a monthly newsletter, office hours, a demo day each cycle, a cloud party every other cycle,
 * a blueprint for every golden path and a training course, reaching more people as the
 * program grows.
 */
import {
  addDaysIso,
  cycleLabel,
  maxIsoDate,
  minIsoDate,
  workdayOnOrAfter,
  workdayOnOrBefore,
  type BaseRecord,
  type IsoDate,
  type MarketingActivity,
} from '../domain';
import type { DemoContext, DemoTables } from './context';
import type { GoldenPathFacts } from './golden-paths';
import { byDate, must } from './helpers';
import type { ProgramFacts } from './program';
import * as story from './story';
import type { TeamFacts } from './teams';

export function demoMarketing({
  today,
  rng,
  stamp,
  programStart,
  plans,
  joiners,
  goldenPathScripts,
  goldenPathOf,
}: DemoContext & ProgramFacts & TeamFacts & GoldenPathFacts): DemoTables<'marketingActivities'> {
  const marketing: Omit<MarketingActivity, keyof BaseRecord>[] = [];
  const market = (
    date: IsoDate,
    kind: MarketingActivity['kind'],
    title: string,
    reach: number,
    notes = '',
  ) => {
    if (date <= today) marketing.push({ date, kind, title, reach: Math.max(0, Math.round(reach)), notes });
  };
  market(
    workdayOnOrAfter(addDaysIso(programStart, 2)),
    'other',
    'Program kick-off with leadership',
    40,
    'The executive sponsor opened; the platform team presented the plan for the initial phase.',
  );
  let issue = 0;
  for (const plan of plans) {
    const c = plan.index;
    if (c === 0 || plan.status === 'planned') continue;
    const growth = 1 + c * 0.3;
    const inCycle = (offset: number) =>
      minIsoDate(workdayOnOrAfter(addDaysIso(plan.startDate, offset)), addDaysIso(plan.endDate, -1));
    for (let m = 0; m < 3; m++) {
      issue++;
      market(inCycle(14 + 30 * m), 'newsletter', `Nimbus News #${issue}`, rng.jitter(140 * growth, 0.1));
    }
    for (let m = 0; m < 2; m++)
      market(inCycle(21 + 42 * m), 'office-hours', 'Nimbus office hours', rng.int(8, 20) + 2 * c);
    const newTeams = joiners(c).map((t) => t.name);
    market(
      workdayOnOrBefore(addDaysIso(plan.endDate, -12)),
      'demo-day',
      // By number only, without the cycle's theme: the title stays short in lists.
      `Demo day: ${cycleLabel({ index: c, name: '' })}`,
      rng.jitter(60 * growth, 0.15),
      newTeams.length ? `Featuring ${newTeams.join(' and ')}.` : '',
    );
    if (c % 2 === 0) {
      const party = newTeams.length ? newTeams.join(' & ') : 'this cycle’s apps';
      market(
        workdayOnOrBefore(addDaysIso(plan.endDate, -5)),
        'cloud-party',
        `Cloud party: ${party} live on Nimbus`,
        rng.jitter(45 * growth, 0.2),
      );
    }
    // The initial phase's golden path gets its blueprint once the marketing program starts.
    for (const gp of goldenPathScripts.filter((p) => p.cycle === c || (c === 1 && p.cycle === 0))) {
      const built = goldenPathOf(gp).createdAt.slice(0, 10);
      market(
        workdayOnOrAfter(maxIsoDate(addDaysIso(built, 7), addDaysIso(plan.startDate, 7))),
        'blueprint',
        `Blueprint: ${gp.name}`,
        rng.jitter(80 * growth, 0.2),
      );
    }
    if (c >= 2) {
      const title = must(story.TRAININGS[(c - 2) % story.TRAININGS.length], 'training');
      market(inCycle(35), 'training', title, rng.int(12, 30));
    }
  }
  marketing.sort(byDate);
  return { marketingActivities: marketing.map((m) => stamp(m, m.date)) };
}
