/**
 * Demo area: the app portfolio. Every product team's apps are scored on the criteria; each
 * cycle selects its apps (joining teams bring their flagship, experienced teams their most
 * feasible next one); their dates follow the playbook's learning curve — time to hello world
 * shrinks as golden paths and pairing mature — and they take up golden paths. One app is paused
 * and one dropped, as happens in real programs.
 */
import {
  addDaysIso,
  daysBetween,
  maxIsoDate,
  minIsoDate,
  scoresFromCriteria,
  workdayOnOrAfter,
  workdayOnOrBefore,
  type App,
  type AppStage,
  type IsoDate,
} from '../domain';
import type { DemoContext, DemoTables } from './context';
import type { GoldenPathFacts } from './golden-paths';
import { clamp, must, slug } from './helpers';
import type { ProgramFacts } from './program';
import * as story from './story';
import type { TeamFacts } from './teams';

/** An app as the story sees it: the script's keys beside the fields its record gets. */
export interface AppDraft {
  id: string;
  name: string;
  teamKey: string;
  runtime: story.RuntimeKey;
  criteriaScores: Record<string, number>;
  businessScore: number | null;
  technicalScore: number | null;
  cycle: number | null;
  /** Position within its cycle's selection. */
  slot: number;
  stage: AppStage;
  selectedOn: IsoDate | null;
  firstDeployOn: IsoDate | null;
  productionOn: IsoDate | null;
}

export interface AppFacts extends DemoTables<'apps'> {
  /** The apps selected in each cycle, by cycle index, in the order they were selected. */
  appsByCycle: readonly (readonly AppDraft[])[];
  pausedApp: AppDraft | undefined;
  droppedApp: AppDraft | undefined;
  appById(id: string): App | undefined;
  /** The first app a team brought to the platform, if it has brought one. */
  firstAppOf(teamKey: string): AppDraft | undefined;
}

export function demoApps({
  today,
  rng,
  stamp,
  programStart,
  plans,
  activeIndex,
  cyclePlan,
  teamOf,
  productTeams,
  joiners,
  criteria,
  goldenPathScripts,
  goldenPathOf,
}: DemoContext & ProgramFacts & TeamFacts & DemoTables<'criteria'> & GoldenPathFacts): AppFacts {
  // --- Portfolio and scores
  const criterionIds = criteria.map((c) => c.id);
  const drafts: AppDraft[] = [];
  const byTeam = new Map<string, AppDraft[]>();
  for (const script of story.TEAMS) {
    if (!script.apps) continue;
    const bias = script.joins === undefined ? 2.6 : script.joins <= activeIndex ? 3.4 : 3.0;
    const teamDrafts = script.apps.map((name, i): AppDraft => {
      const unscored = (script.key === 'hr' && i >= 3) || (script.key === 'branch' && i >= 5);
      const criteriaScores: Record<string, number> = {};
      if (!unscored) {
        for (const id of criterionIds) {
          const score = clamp(Math.round(bias + (rng.next() + rng.next() - 1) * 2.4), 1, 5);
          // A team's first app is its flagship: the one it brings to the platform first, so it
          // must sit in the "start here" corner of the feasibility matrix.
          criteriaScores[id] = i === 0 ? clamp(score + 1, 3, 5) : score;
        }
      }
      const scores = scoresFromCriteria(criteria, criteriaScores);
      return {
        id: rng.uuid(),
        name,
        teamKey: script.key,
        runtime: story.runtimeOf(name, script.runtime),
        criteriaScores,
        businessScore: scores.businessScore,
        technicalScore: scores.technicalScore,
        cycle: null,
        slot: 0,
        stage: 'candidate',
        selectedOn: null,
        firstDeployOn: null,
        productionOn: null,
      };
    });
    drafts.push(...teamDrafts);
    // Each team moves its flagship first, then its most feasible apps.
    const [flagship, ...rest] = teamDrafts;
    const feasibility = (d: AppDraft) => (d.businessScore ?? 0) * (d.technicalScore ?? 0);
    const ranked = [...(flagship ? [flagship] : []), ...rest.sort((a, b) => feasibility(b) - feasibility(a))];
    byTeam.set(script.key, ranked);
  }
  const nextAppOf = (teamKey: string) => (byTeam.get(teamKey) ?? []).find((d) => d.cycle === null);

  // --- Selection into cycles
  const appsByCycle: AppDraft[][] = plans.map(() => []);
  let roundRobin = 0;
  for (const plan of plans) {
    const wanted = plan.index <= activeIndex + 1 ? (story.SELECTED_PER_CYCLE[plan.index] ?? 0) : 0;
    const chosen = appsByCycle[plan.index] as AppDraft[];
    const take = (draft: AppDraft | undefined) => {
      if (!draft || chosen.length >= wanted) return;
      draft.cycle = plan.index;
      draft.slot = chosen.length;
      chosen.push(draft);
    };
    for (const team of joiners(plan.index)) take(nextAppOf(team.key));
    const experienced = productTeams.filter((t) => t.joins !== undefined && t.joins < plan.index);
    for (let tries = 0; chosen.length < wanted && tries < experienced.length * 3; tries++) {
      const team = experienced[roundRobin++ % experienced.length];
      if (team) take(nextAppOf(team.key));
    }
  }

  // --- Dates and stages
  for (const plan of plans) {
    const chosen = appsByCycle[plan.index] as AppDraft[];
    const c = plan.index;
    const last = chosen.length - 1;
    for (const draft of chosen) {
      const k = draft.slot;
      // Time to hello world shrinks as golden paths and pairing mature: ~65 days at first, ~10 later.
      const helloWorld = Math.max(8, Math.round(rng.jitter(65 * 0.8 ** c, 0.15)));
      let productionGap = Math.max(4, Math.round(rng.jitter(22 * 0.85 ** c, 0.3)));
      let selected: IsoDate;
      if (c === 0) {
        selected = workdayOnOrAfter(addDaysIso(plan.startDate, rng.int(3, 6)));
        productionGap = rng.int(12, 18);
      } else if (plan.status === 'planned') {
        selected = workdayOnOrBefore(addDaysIso(today, -rng.int(1, 12)));
      } else if (plan.status === 'active' && k >= 4) {
        // Selected days ago: pairing has started, hello world has not happened yet.
        selected = workdayOnOrBefore(addDaysIso(today, -rng.int(3, 6)));
      } else if (plan.status === 'active' && k >= 2) {
        selected = workdayOnOrAfter(addDaysIso(plan.startDate, rng.int(3, 10)));
        productionGap = 60;
      } else if (plan.status === 'active') {
        selected = workdayOnOrBefore(addDaysIso(plan.startDate, -rng.int(3, 10)));
        productionGap = rng.int(5, 9);
      } else {
        selected = workdayOnOrAfter(addDaysIso(plan.startDate, rng.int(-10, 12)));
      }
      let firstDeploy: IsoDate | null = workdayOnOrAfter(addDaysIso(selected, helloWorld));
      let production: IsoDate | null = workdayOnOrAfter(addDaysIso(firstDeploy, productionGap));
      if (plan.status === 'closed') {
        const latest = workdayOnOrBefore(addDaysIso(plan.endDate, 14));
        production = maxIsoDate(firstDeploy, minIsoDate(production, latest));
      }
      if (plan.status === 'planned') firstDeploy = production = null;
      if (selected > today) selected = workdayOnOrBefore(today);
      if (firstDeploy && firstDeploy > today) firstDeploy = null;
      if (!firstDeploy || (production && production > today)) production = null;

      let stage: AppStage;
      if (c === story.PAUSED_IN_CYCLE && k === last && plan.status === 'closed') {
        stage = 'paused';
        production = null;
      } else if (c === story.DROPPED_IN_CYCLE && k === last && plan.status === 'closed') {
        stage = 'dropped';
        firstDeploy = production = null;
      } else if (production) stage = 'on-platform';
      else if (firstDeploy) stage = 'onboarding';
      else stage = plan.status !== 'planned' && daysBetween(selected, today) >= 3 ? 'onboarding' : 'selected';
      Object.assign(draft, {
        stage,
        selectedOn: selected,
        firstDeployOn: firstDeploy,
        productionOn: production,
      });
    }
  }

  // --- Golden paths taken up
  const deliveryPath = (runtime: story.RuntimeKey, cycle: number) =>
    goldenPathScripts.find((gp) => gp.kind === 'delivery' && gp.runtime === runtime && gp.cycle <= cycle) ??
    must(
      goldenPathScripts.find((gp) => gp.runtime === 'java'),
      'Java golden path',
    );
  const pathsFor = (draft: AppDraft): string[] => {
    if (draft.cycle === null || draft.stage === 'candidate' || draft.stage === 'dropped') return [];
    if (draft.stage === 'selected') return [];
    const c = draft.cycle;
    const ids = [goldenPathOf(deliveryPath(draft.runtime, c)).id];
    if (draft.stage === 'paused' || !draft.firstDeployOn) return ids;
    for (const gp of goldenPathScripts) {
      if (gp.kind === 'delivery') continue;
      if (gp.teams && !gp.teams.includes(draft.teamKey)) continue;
      if (gp.runtime && gp.runtime !== draft.runtime) continue;
      // Paths for the app's own runtime are always taken up; the others mostly when they exist
      // at onboarding, and sometimes retrofitted later.
      const adopt = gp.runtime
        ? gp.cycle <= c || draft.stage === 'on-platform'
        : gp.cycle <= c
          ? rng.chance(0.85)
          : draft.stage === 'on-platform' && rng.chance(0.35);
      if (adopt) ids.push(goldenPathOf(gp).id);
    }
    return ids;
  };

  // --- Records
  const apps: App[] = drafts.map((draft, i) => {
    const team = teamOf(draft.teamKey);
    const external = i === 0 || rng.chance(0.55);
    const lifecycle =
      draft.stage === 'on-platform'
        ? 'production'
        : external
          ? rng.pick(['production', 'production', 'production', 'experimental', 'deprecated'])
          : '';
    let description = story.describeApp(team.name, draft.runtime);
    if (draft.stage === 'paused') description += ' Paused: it waits for the mainframe connector.';
    if (draft.stage === 'dropped') description += ' Dropped: it is retired next year.';
    const imported = addDaysIso(programStart, -7);
    const lastMove = [draft.selectedOn, draft.firstDeployOn, draft.productionOn].reduce<IsoDate>(
      (latest, d) => (d && d > latest ? d : latest),
      imported,
    );
    return stamp(
      {
        name: draft.name,
        teamId: team.id,
        description,
        businessScore: draft.businessScore,
        technicalScore: draft.technicalScore,
        criteriaScores: draft.criteriaScores,
        stage: draft.stage,
        cycleId: draft.cycle === null ? null : cyclePlan(draft.cycle).id,
        selectedOn: draft.selectedOn,
        firstDeployOn: draft.firstDeployOn,
        productionOn: draft.productionOn,
        goldenPathIds: pathsFor(draft),
        externalId: external ? `component:default/${slug(draft.name)}` : null,
        lifecycle,
        system: external ? slug(team.name) : '',
      },
      imported,
      lastMove,
      draft.id,
    );
  });

  const appById = new Map(apps.map((a) => [a.id, a]));
  return {
    apps,
    appsByCycle,
    pausedApp: appsByCycle[story.PAUSED_IN_CYCLE]?.find((d) => d.stage === 'paused'),
    droppedApp: appsByCycle[story.DROPPED_IN_CYCLE]?.find((d) => d.stage === 'dropped'),
    appById: (id) => appById.get(id),
    firstAppOf: (teamKey) =>
      drafts
        .filter((d) => d.teamKey === teamKey && d.cycle !== null)
        .sort((a, b) => (a.cycle ?? 0) - (b.cycle ?? 0) || a.slot - b.slot)[0],
  };
}
