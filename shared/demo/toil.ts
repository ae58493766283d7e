/**
 * Demo area: developer toil audits. The template is the deck's, word for word; the teams of
 * story.ts were surveyed right after their first app was selected, again two cycles later
 * (after onboarding) and some a year on, and their answers get better each time.
 */
import {
  DECK_TOIL_TEMPLATE,
  addDaysIso,
  minIsoDate,
  workdayOnOrAfter,
  type IsoDate,
  type ToilAudit,
  type ToilItem,
  type ToilResponse,
} from '../domain';
import type { AppDraft, AppFacts } from './apps';
import type { DemoContext, DemoTables } from './context';
import { clamp, must } from './helpers';
import type { PeopleFacts } from './people';
import type { ProgramFacts } from './program';
import * as story from './story';
import type { TeamFacts } from './teams';

type AuditMoment = 'before' | 'after' | 'year-on';

const AUDIT_TITLES: Record<AuditMoment, string> = {
  before: 'before onboarding',
  after: 'after onboarding',
  'year-on': 'one year on',
};

export function demoToil({
  today,
  rng,
  stamp,
  setUpOn,
  activeIndex,
  cyclePlan,
  cycleOfDay,
  teamOf,
  teamScript,
  teamMembers,
  firstAppOf,
}: DemoContext & ProgramFacts & TeamFacts & PeopleFacts & AppFacts): DemoTables<
  'toilItems' | 'toilAudits' | 'toilResponses'
> {
  const toilItems: ToilItem[] = DECK_TOIL_TEMPLATE.map((item) =>
    stamp(
      { kind: item.kind, text: item.text, order: item.order, builtIn: true, reversed: item.reversed },
      setUpOn,
    ),
  );
  const toilId = (deckIndex: number) => must(toilItems[deckIndex], `toil item ${deckIndex}`).id;
  const toilAudits: ToilAudit[] = [];
  const toilResponses: ToilResponse[] = [];
  const runAudit = (teamKey: string, app: AppDraft, date: IsoDate, when: AuditMoment) => {
    const team = teamOf(teamKey);
    const respondents = rng.int(5, 9);
    const audit: ToilAudit = stamp(
      {
        title: `${team.name}: ${AUDIT_TITLES[when]}`,
        date,
        teamId: team.id,
        appId: app.id,
        cycleId: cycleOfDay(date)?.id ?? null,
        notes: `Survey at the team's retro: ${respondents} developers answered, names optional.`,
      },
      date,
    );
    toilAudits.push(audit);
    const names = teamMembers(teamKey).map((p) => p.name);
    for (let r = 0; r < respondents; r++) {
      const scores: Record<string, number> = {};
      for (const [key, before] of Object.entries(story.TOIL_BEFORE)) {
        const i = Number(key);
        const reversed = story.REVERSED_TOIL_ITEMS.has(i);
        const gain = i <= 4 ? 0.7 : reversed ? -1.9 : 1.7;
        const mean =
          when === 'before' ? before : before + gain + (when === 'year-on' ? (reversed ? -0.3 : 0.3) : 0);
        scores[toilId(i)] = clamp(Math.round(mean + (rng.next() + rng.next() - 1) * 1.6), 1, 5);
      }
      const answers: Record<string, string> = {};
      for (const [key, pool] of Object.entries(story.TOIL_ANSWERS)) {
        if (!rng.chance(0.8)) continue;
        answers[toilId(Number(key))] = rng
          .pick(when === 'before' ? pool.before : pool.after)
          .replace('{app}', app.name)
          .replace('{team}', team.name);
      }
      const respondent = r < names.length && rng.chance(0.5) ? (names[r] ?? '') : '';
      toilResponses.push(
        stamp(
          { auditId: audit.id, respondent, scores, answers },
          minIsoDate(addDaysIso(date, rng.int(0, 2)), today),
        ),
      );
    }
  };

  for (const { team: teamKey, yearOn } of story.TOIL_AUDITED_TEAMS) {
    const joins = teamScript(teamKey).joins;
    const app = firstAppOf(teamKey);
    if (joins === undefined || joins > activeIndex || !app?.selectedOn) continue;
    runAudit(
      teamKey,
      app,
      minIsoDate(workdayOnOrAfter(addDaysIso(app.selectedOn, rng.int(2, 6))), today),
      'before',
    );
    for (const [offset, when] of [
      [2, 'after'],
      [4, 'year-on'],
    ] as const) {
      if (when === 'year-on' && !yearOn) continue;
      if (joins + offset > activeIndex) continue;
      const date = workdayOnOrAfter(addDaysIso(cyclePlan(joins + offset).startDate, rng.int(10, 30)));
      if (date < today) runAudit(teamKey, app, date, when);
    }
  }
  return { toilItems, toilAudits, toilResponses };
}
