/**
 * Demo area: the developer-experience self-assessment. The platform team scored itself on the
 * last working day of each closed cycle, from the initial phase on: low at first, rising as
 * the program matures — community, blueprints and cloud parties once marketing starts, time to
 * Hello World as golden paths land — with the odd point slipping back, so the radar and the
 * "fell since the last cycle" list have something to tell.
 */
import {
  addDaysIso,
  DX_POINTS,
  DX_SCORE_MAX,
  DX_SCORE_MIN,
  workdayOnOrBefore,
  type BaseRecord,
  type DxScore,
} from '../domain';
import type { DemoContext, DemoTables } from './context';
import type { ProgramFacts } from './program';

/** Per point: where it starts in the initial phase and how much it gains per cycle. */
const START = [2, 1, 1.5, 2, 1, 1, 1.5, 2, 2.5, 2.5, 2, 1.5, 2, 1.5, 2];
const GAIN = [0.2, 0.22, 0.16, 0.13, 0.26, 0.22, 0.2, 0.13, 0.1, 0.13, 0.16, 0.13, 0.2, 0.22, 0.16];

/** Notes the team wrote beside a point, by point number, for the cycles they were written in. */
const NOTES: Record<number, string> = {
  2: 'Community channel passed 300 members; the guild meets fortnightly.',
  6: 'Cloud parties every other cycle now; teams ask to host one.',
  9: 'SLOs published for the platform API; paging still noisy.',
  10: 'Image scanning on every build; secrets rotation still manual.',
  14: 'Median time to Hello World under a day for the Java path.',
};

export function demoDx({ today, rng, stamp, plans }: DemoContext & ProgramFacts): DemoTables<'dxScores'> {
  const dxScores: Omit<DxScore, keyof BaseRecord>[] = [];
  const days: string[] = [];
  for (const plan of plans) {
    if (plan.status !== 'closed') continue;
    const day = workdayOnOrBefore(addDaysIso(plan.endDate, -1));
    if (day > today) continue;
    DX_POINTS.forEach((_, i) => {
      const trend = START[i]! + GAIN[i]! * plan.index;
      // Now and then a point slips back a notch (a reorganisation, an outage).
      const slip = rng.chance(0.12) ? -1 : 0;
      const raw = Math.round(trend + rng.next() - 0.5) + slip;
      const score = Math.max(DX_SCORE_MIN, Math.min(DX_SCORE_MAX, raw));
      const point = i + 1;
      const note = plan.index >= 4 && NOTES[point] && rng.chance(0.5) ? NOTES[point] : '';
      dxScores.push({ cycleId: plan.id, point, score, note });
      days.push(day);
    });
  }
  return { dxScores: dxScores.map((s, i) => stamp(s, days[i]!)) };
}
