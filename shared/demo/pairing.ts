/**
 * Demo area: pairing and seeding. Each cycle's assignments place platform people (and, from the
 * third cycle, experienced developers of earlier teams) with the teams that join — pairing for a
 * while, seeding for the whole cycle — plus infrastructure staff and the "shift left" work with
 * Security & Governance. The pairing sessions are what the advocates logged along those
 * assignments, on working days, with topics that follow each app from setup to production.
 */
import {
  addDaysIso,
  daysBetween,
  maxIsoDate,
  minIsoDate,
  workdayOnOrAfter,
  type Assignment,
  type BaseRecord,
  type IsoDate,
  type PairingOutcome,
  type PairingSession,
  type Person,
} from '../domain';
import type { AppDraft, AppFacts } from './apps';
import type { DemoContext, DemoTables } from './context';
import type { GoldenPathFacts } from './golden-paths';
import { byDate, clamp, must, randomWorkday } from './helpers';
import type { PeopleFacts } from './people';
import type { CyclePlan, ProgramFacts } from './program';
import * as story from './story';
import type { TeamFacts } from './teams';

const OUTCOMES: [PairingOutcome, number][] = [
  ['productive', 0.55],
  ['completed', 0.2],
  ['follow-up', 0.17],
  ['blocked', 0.08],
];

const DURATIONS = [30, 45, 60, 60, 90, 90, 120, 120, 180, 240];

export function demoPairing(
  context: DemoContext & ProgramFacts & TeamFacts & PeopleFacts & AppFacts & GoldenPathFacts,
): DemoTables<'assignments' | 'pairingSessions'> {
  const assignments = demoAssignments(context);
  return { assignments, pairingSessions: demoSessions(context, assignments) };
}

function demoAssignments({
  rng,
  stamp,
  plans,
  activeIndex,
  teamOf,
  teamScript,
  advocates,
  seedingEngineers: engineers,
  seedingOperators: operators,
  seedersOf,
  appsByCycle,
  goldenPathScripts,
}: DemoContext & ProgramFacts & TeamFacts & PeopleFacts & AppFacts & GoldenPathFacts): Assignment[] {
  // Rotations, so the work spreads over the platform team.
  const pairers = [...advocates, ...engineers.filter((p) => !advocates.includes(p))];
  let pairerTurn = 0;
  let engineerTurn = 0;
  let operatorTurn = 0;
  /** The next platform person in the pairing rotation who is not already seeded elsewhere this cycle. */
  const nextPairer = (busy: ReadonlySet<string>) => {
    for (let tries = 0; tries < pairers.length; tries++) {
      const person = must(pairers[pairerTurn++ % pairers.length], 'pairer');
      if (!busy.has(person.id)) return person;
    }
    return must(pairers[pairerTurn++ % pairers.length], 'pairer');
  };
  const nextEngineer = () => must(engineers[engineerTurn++ % engineers.length], 'engineer');
  const nextOperator = () => must(operators[operatorTurn++ % operators.length], 'operator');

  const assignments: Assignment[] = [];
  const addAssignment = (
    kind: Assignment['kind'],
    person: Person,
    teamKey: string,
    plan: CyclePlan,
    startDate: IsoDate,
    endDate: IsoDate,
    notes: string,
    app?: AppDraft,
  ) => {
    const end = maxIsoDate(startDate, endDate);
    assignments.push(
      stamp(
        {
          kind,
          personId: person.id,
          targetTeamId: teamOf(teamKey).id,
          appId: app?.id ?? null,
          cycleId: plan.id,
          startDate,
          endDate: end,
          notes,
        },
        addDaysIso(startDate, -rng.int(0, 7)),
      ),
    );
  };

  for (const plan of plans) {
    if (plan.index > activeIndex + 1) break;
    const c = plan.index;
    const chosen = appsByCycle[c] ?? [];
    const cycleEnd = addDaysIso(plan.endDate, -1);
    if (c === 0) {
      const app = chosen[0];
      const note = 'Initial phase: building the first golden path with the Payments team.';
      // Two engineers pair with the first developer team for the whole initial phase.
      for (let pair = 0; pair < 2; pair++) {
        addAssignment(
          'pairing',
          nextEngineer(),
          story.FIRST_DEV_TEAM,
          plan,
          plan.startDate,
          cycleEnd,
          note,
          app,
        );
      }
      addAssignment(
        'pairing',
        must(advocates[0], 'advocate'),
        story.FIRST_DEV_TEAM,
        plan,
        plan.startDate,
        cycleEnd,
        note,
        app,
      );
      continue;
    }
    const seededThisCycle = new Set<string>();
    for (const draft of chosen) {
      const script = teamScript(draft.teamKey);
      const from = maxIsoDate(plan.startDate, draft.selectedOn ?? plan.startDate);
      if (script.joins === c && script.seededBy) {
        const candidates = script.seededBy === story.PLATFORM_TEAM ? engineers : seedersOf(script.seededBy);
        const seeder = must(
          candidates.find((p) => !seededThisCycle.has(p.id)) ?? candidates[0],
          `seeder for ${script.name}`,
        );
        seededThisCycle.add(seeder.id);
        const fromTeam =
          script.seededBy === story.PLATFORM_TEAM ? 'the platform team' : teamOf(script.seededBy).name;
        addAssignment(
          'seeding',
          seeder,
          draft.teamKey,
          plan,
          plan.startDate,
          cycleEnd,
          `Seeded from ${fromTeam} into ${script.name} for the cycle, so the knowledge stays in the team.`,
          draft,
        );
      }
      const until =
        draft.stage === 'dropped' ? addDaysIso(from, rng.int(20, 35)) : (draft.productionOn ?? cycleEnd);
      addAssignment(
        'pairing',
        nextPairer(seededThisCycle),
        draft.teamKey,
        plan,
        from,
        minIsoDate(maxIsoDate(until, addDaysIso(from, 14)), cycleEnd),
        `Pairing with ${script.name} on ${draft.name}.`,
        draft,
      );
    }
    // "Add more infrastructure staff with pairing & seeding."
    const infraFrom = workdayOnOrAfter(addDaysIso(plan.startDate, rng.int(0, 14)));
    addAssignment(
      'pairing',
      nextOperator(),
      story.INFRA_TEAM,
      plan,
      infraFrom,
      minIsoDate(addDaysIso(infraFrom, rng.int(21, 42)), cycleEnd),
      'Pairing with infrastructure staff on platform operations.',
    );
    if (c % 3 === 2) {
      addAssignment(
        'seeding',
        nextOperator(),
        story.INFRA_TEAM,
        plan,
        plan.startDate,
        cycleEnd,
        'Seeded into Infrastructure & Operations for the cycle: repaves, upgrades and capacity.',
      );
    }
    // "Shift left": governance and security golden paths are built with Security & Governance.
    if (c === 4) {
      addAssignment(
        'seeding',
        nextEngineer(),
        story.SECURITY_TEAM,
        plan,
        plan.startDate,
        cycleEnd,
        'Seeded into Security & Governance to build the first security golden paths.',
      );
    }
    for (const gp of goldenPathScripts.filter(
      (p) => p.cycle === c && (p.kind === 'governance' || p.kind === 'security'),
    )) {
      const from = workdayOnOrAfter(addDaysIso(plan.startDate, rng.int(7, 21)));
      addAssignment(
        'pairing',
        nextEngineer(),
        story.SECURITY_TEAM,
        plan,
        from,
        minIsoDate(addDaysIso(from, rng.int(28, 56)), cycleEnd),
        `Pairing with Security & Governance on the "${gp.name}" golden path.`,
      );
    }
  }
  return assignments;
}

function demoSessions(
  {
    today,
    rng,
    stamp,
    cycleOfDay,
    teamKeyOf,
    teamMembers,
    appById,
  }: DemoContext & ProgramFacts & TeamFacts & PeopleFacts & AppFacts,
  assignments: readonly Assignment[],
): PairingSession[] {
  const pickOutcome = (): PairingOutcome => {
    let r = rng.next();
    for (const [outcome, p] of OUTCOMES) if ((r -= p) < 0) return outcome;
    return 'productive';
  };
  const sessions: Omit<PairingSession, keyof BaseRecord>[] = [];
  for (const assignment of assignments) {
    if (assignment.startDate > today) continue;
    const last = minIsoDate(assignment.endDate ?? today, today);
    const weeks = (daysBetween(assignment.startDate, last) + 1) / 7;
    const teamKey = must(teamKeyOf(assignment.targetTeamId ?? ''), 'assignment team');
    const app = assignment.appId ? appById(assignment.appId) : undefined;
    const rate = assignment.kind === 'seeding' ? 0.35 : app ? 0.55 : 0.6;
    const count = clamp(Math.round(weeks * rate), 1, app ? 7 : 5);
    const partnersPool = teamMembers(teamKey).filter((p) => p.id !== assignment.personId);
    for (let n = 0; n < count; n++) {
      const date = randomWorkday(rng, assignment.startDate, last);
      let topics: readonly string[];
      if (!app) topics = teamKey === story.INFRA_TEAM ? story.TOPICS.infrastructure : story.TOPICS.governance;
      else if (app.productionOn && date >= app.productionOn) topics = story.TOPICS.after;
      else if (app.firstDeployOn && date >= app.firstDeployOn) topics = story.TOPICS.production;
      else topics = story.TOPICS.setup;
      const outcome = pickOutcome();
      sessions.push({
        date,
        durationMinutes: rng.pick(DURATIONS),
        personId: assignment.personId,
        partnerIds: rng
          .shuffle(partnersPool)
          .slice(0, rng.int(1, 3))
          .map((p) => p.id),
        appId: app?.id ?? null,
        teamId: assignment.targetTeamId,
        cycleId: cycleOfDay(date)?.id ?? assignment.cycleId,
        // The app's golden paths in turn (no random draw, so the rest of the demo stays as it was).
        goldenPathId: app?.goldenPathIds[n % app.goldenPathIds.length] ?? null,
        topic: rng.pick(topics),
        notes: rng.pick(story.SESSION_NOTES[outcome]),
        outcome,
      });
    }
  }
  sessions.sort(byDate);
  return sessions.map((s) => stamp(s, s.date));
}
