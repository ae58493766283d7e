/**
 * The demo program: a realistic, several-years-long platform program that fills every table, so
 * every screen has something to show on a first start. Pure and deterministic: the same `today`
 * and seed give byte-identical records, ids and timestamps included (ids come from a seeded
 * random source, timestamps from each record's own dates, never from the clock).
 *
 * The story is anchored to `today` so the demo always looks current: the program started on a
 * Monday nearly three years ago (2 years 9 months plus about five weeks, so that today falls in
 * the middle of a cycle rather than on its first day), ran its initial phase, then quarterly
 * scaling cycles whose goals grow as pairing & seeding allows; today is in the twelfth cycle and
 * two more are planned. The script — names, titles, notes — lives in story.ts.
 */
import { addMonths, startOfMonth, startOfWeek, subMonths, subWeeks } from 'date-fns';
import {
  BUILT_IN_METRICS,
  DECK_TOIL_TEMPLATE,
  DEFAULT_CRITERIA,
  DEFAULT_CYCLE_LENGTH_MONTHS,
  cycleEndDate,
  medianTimeToHelloWorld,
  newChecklist,
  parseIsoDate,
  phaseForIndex,
  scoresFromCriteria,
  toIsoDate,
  type App,
  type AppStage,
  type Assignment,
  type BaseRecord,
  type Blocker,
  type ChecklistItem,
  type Criterion,
  type Cycle,
  type CycleStatus,
  type GoldenPath,
  type IsoDate,
  type MarketingActivity,
  type Metric,
  type MetricSnapshot,
  type PairingOutcome,
  type PairingSession,
  type Person,
  type Program,
  type Role,
  type Team,
  type ToilAudit,
  type ToilItem,
  type ToilResponse,
  type ValueStreamMap,
  type ValueStreamStep,
} from '../domain';
import { createRng, type Rng } from './random';
import * as story from './story';

/** The seed the "Load the demo program" button uses. */
export const DEMO_DEFAULT_SEED = 20231017;

export interface DemoOptions {
  /** The day the demo is generated for: every date of the story is relative to it. */
  today: IsoDate;
  seed?: number;
}

/** One array of full stored records per data table of the database (all but settings). */
export interface DemoDataset {
  program: Program[];
  cycles: Cycle[];
  teams: Team[];
  people: Person[];
  apps: App[];
  criteria: Criterion[];
  goldenPaths: GoldenPath[];
  assignments: Assignment[];
  pairingSessions: PairingSession[];
  blockers: Blocker[];
  toilItems: ToilItem[];
  toilAudits: ToilAudit[];
  toilResponses: ToilResponse[];
  valueStreamMaps: ValueStreamMap[];
  marketingActivities: MarketingActivity[];
  metrics: Metric[];
  metricSnapshots: MetricSnapshot[];
}

/** The number of records in a dataset, for progress bars. */
export function demoRecordCount(dataset: DemoDataset): number {
  return Object.values(dataset).reduce((sum: number, rows: readonly unknown[]) => sum + rows.length, 0);
}

// ---------------------------------------------------------------------------------------------
// Dates and timestamps

function minIso(a: IsoDate, b: IsoDate): IsoDate {
  return a < b ? a : b;
}

function maxIso(a: IsoDate, b: IsoDate): IsoDate {
  return a > b ? a : b;
}

// Day arithmetic on UTC day numbers. The demo does thousands of these, and date-fns' parsing of
// `yyyy-MM-dd` (through parseIsoDate) made generation several times slower than the budget for
// a button click. UTC days have no daylight-saving gaps, so adding days is exact; the few month
// steps (program start, cycle ends, monthly snapshots) still go through date-fns.
const MS_PER_DAY = 86_400_000;

function dayNumber(day: IsoDate): number {
  return (
    Date.UTC(Number(day.slice(0, 4)), Number(day.slice(5, 7)) - 1, Number(day.slice(8, 10))) / MS_PER_DAY
  );
}

function fromDayNumber(n: number): IsoDate {
  return new Date(n * MS_PER_DAY).toISOString().slice(0, 10);
}

function addDays(day: IsoDate, days: number): IsoDate {
  return fromDayNumber(dayNumber(day) + days);
}

/** Whole days from `from` to `to`. */
function daysFrom(from: IsoDate, to: IsoDate): number {
  return dayNumber(to) - dayNumber(from);
}

function isWeekend(day: IsoDate): boolean {
  const weekday = new Date(dayNumber(day) * MS_PER_DAY).getUTCDay();
  return weekday === 0 || weekday === 6;
}

function workdayOnOrAfter(day: IsoDate): IsoDate {
  let d = day;
  while (isWeekend(d)) d = addDays(d, 1);
  return d;
}

function workdayOnOrBefore(day: IsoDate): IsoDate {
  let d = day;
  while (isWeekend(d)) d = addDays(d, -1);
  return d;
}

/** A working day in [from, to]; `from` itself when the range holds none. */
function randomWorkday(rng: Rng, from: IsoDate, to: IsoDate): IsoDate {
  if (to <= from) return from;
  const d = workdayOnOrAfter(addDays(from, rng.int(0, daysFrom(from, to))));
  if (d <= to) return d;
  const back = workdayOnOrBefore(to);
  return back >= from ? back : from;
}

const pad = (n: number) => String(n).padStart(2, '0');

function instant(rng: Rng, day: IsoDate, fromHour: number, toHour: number): string {
  return `${day}T${pad(rng.int(fromHour, toHour))}:${pad(rng.int(0, 59))}:${pad(rng.int(0, 59))}.000Z`;
}

/** Minutes as people write them down: to the nearest 5 from half an hour up. */
function roundMinutes(value: number): number {
  return value >= 30 ? Math.round(value / 5) * 5 : Math.round(value);
}

function round1(value: number): number {
  return Math.round(value * 10) / 10;
}

function clamp(value: number, min: number, max: number): number {
  return Math.min(max, Math.max(min, value));
}

function slug(text: string): string {
  return text
    .toLowerCase()
    .replace(/&/g, 'and')
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-|-$/g, '');
}

function must<T>(value: T | undefined, what: string): T {
  if (value === undefined) throw new Error(`Demo script is inconsistent: no ${what}`);
  return value;
}

// ---------------------------------------------------------------------------------------------
// The generator

interface CyclePlan {
  index: number;
  startDate: IsoDate;
  endDate: IsoDate;
  status: CycleStatus;
  goal: number;
  id: string;
}

interface AppDraft {
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

/**
 * Generates the whole demo program for `today`. Throws a RangeError when `today` is not a
 * `yyyy-MM-dd` calendar date.
 */
export function generateDemoProgram(options: DemoOptions): DemoDataset {
  const today = options.today;
  const todayDate = parseIsoDate(today);
  if (!todayDate) throw new RangeError(`The demo needs today's date as yyyy-MM-dd, not "${today}"`);
  const rng = createRng(options.seed ?? DEMO_DEFAULT_SEED);

  /** Stored-record fields: a seeded id, and timestamps from the record's own dates (never after today). */
  function stored<T extends object>(
    fields: T,
    created: IsoDate,
    updated: IsoDate = created,
    id: string = rng.uuid(),
  ): T & BaseRecord {
    const c = minIso(created, today);
    const u = minIso(maxIso(updated, c), today);
    const createdAt = instant(rng, c, 7, 11);
    const updatedAt = u === c ? createdAt : instant(rng, u, 12, 17);
    return { id, createdAt, updatedAt, ...fields };
  }

  // --- Program and cycles -------------------------------------------------------------------
  const programStart = toIsoDate(startOfWeek(subWeeks(subMonths(todayDate, 33), 5), { weekStartsOn: 1 }));
  const setUpOn = addDays(programStart, -14);
  const program: Program = stored(
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
  const cyclePlan = (index: number) => must(plans[index], `cycle ${index}`);
  const activeCycle = cyclePlan(activeIndex);
  const cycleOfDay = (day: IsoDate) => plans.find((c) => c.startDate <= day && day < c.endDate);

  // --- Teams, criteria, golden paths --------------------------------------------------------
  const teamByKey = new Map<string, Team>();
  const teamScripts = new Map(story.TEAMS.map((t) => [t.key, t]));
  const teams: Team[] = story.TEAMS.map((script) => {
    const created = script.kind === 'product' ? addDays(programStart, -7) : setUpOn;
    const team: Team = stored({ name: script.name, kind: script.kind, notes: script.notes }, created);
    teamByKey.set(script.key, team);
    return team;
  });
  const teamOf = (key: string) => must(teamByKey.get(key), `team ${key}`);

  const criteria: Criterion[] = DEFAULT_CRITERIA.map((c, order) =>
    stored(
      { name: c.name, axis: c.axis, weight: c.weight, description: c.description ?? '', order },
      setUpOn,
    ),
  );

  const goldenPathScripts = story.GOLDEN_PATHS.filter((gp) => gp.cycle <= activeIndex);
  const goldenPaths: GoldenPath[] = goldenPathScripts.map((gp) => {
    const cycle = cyclePlan(gp.cycle);
    const built = workdayOnOrAfter(addDays(cycle.startDate, rng.int(20, 60)));
    return stored({ name: gp.name, kind: gp.kind, description: gp.description }, built);
  });
  const goldenPathId = (gp: story.GoldenPathScript) =>
    must(goldenPaths[goldenPathScripts.indexOf(gp)], gp.name).id;

  // --- People ---------------------------------------------------------------------------------
  const usedNames = new Set<string>();
  const personName = () => {
    for (;;) {
      const name = `${rng.pick(story.FIRST_NAMES)} ${rng.pick(story.LAST_NAMES)}`;
      if (!usedNames.has(name)) {
        usedNames.add(name);
        return name;
      }
    }
  };
  const people: Person[] = [];
  const members = new Map<string, Person[]>();
  const addPerson = (
    teamKey: string | null,
    roles: Role[],
    canSeed: boolean,
    notes: string,
    created: IsoDate,
    updated = created,
  ) => {
    const person: Person = stored(
      { name: personName(), teamId: teamKey ? teamOf(teamKey).id : null, roles, canSeed, notes },
      created,
      updated,
    );
    people.push(person);
    if (teamKey) members.set(teamKey, [...(members.get(teamKey) ?? []), person]);
    return person;
  };

  const platformRoles: [Role[], boolean, string][] = [
    [['platform-owner'], false, 'Owns Nimbus as a product and runs the program.'],
    [['product-manager'], false, 'Platform product manager.'],
    [['advocate'], true, 'Platform advocate: pairing, office hours and the newsletter.'],
    [['advocate', 'engineer'], true, 'Platform advocate and engineer.'],
    [['engineer'], true, ''],
    [['engineer'], true, ''],
    [['engineer'], true, ''],
    [['engineer'], true, ''],
    [['engineer'], false, 'Joined the platform team this year.'],
    [['operator'], true, ''],
    [['operator'], true, ''],
    [['operator'], false, 'Moved from infrastructure operations.'],
  ];
  for (const [roles, canSeed, notes] of platformRoles)
    addPerson(story.PLATFORM_TEAM, roles, canSeed, notes, setUpOn);
  addPerson(null, ['executive-sponsor'], false, story.EXECUTIVE_NOTE, setUpOn);

  for (const script of story.TEAMS) {
    if (script.kind !== 'product') continue;
    const joins = script.joins;
    // People are entered when their team is about to join: a few weeks ago for the team lined up next.
    const created =
      joins === undefined
        ? addDays(programStart, -7)
        : minIso(addDays(cyclePlan(joins).startDate, -14), addDays(today, -20));
    for (let i = 0; i < script.size; i++) {
      const isManager = script.size >= 4 && i === 0;
      const devRank = script.size >= 4 ? i - 1 : i;
      // Developers become seeders two cycles after their team was seeded: the lead first, a second one later.
      // The first developer team seeds two teams at once in cycle 2, so its second developer starts early.
      const seedsFrom =
        devRank === 0 ? 2 : devRank === 1 ? (script.key === story.FIRST_DEV_TEAM ? 2 : 4) : Infinity;
      const canSeed = !isManager && joins !== undefined && joins + seedsFrom <= activeIndex;
      const seederSince = canSeed && joins !== undefined ? cyclePlan(joins + seedsFrom).startDate : created;
      addPerson(
        script.key,
        isManager ? ['product-manager'] : ['developer'],
        canSeed,
        isManager
          ? `Product manager of ${script.name}.`
          : devRank === 0
            ? `Lead developer of ${script.name}.`
            : '',
        created,
        seederSince,
      );
    }
  }
  for (let i = 0; i < teamScriptSize(story.INFRA_TEAM); i++) {
    const roles: Role[] = i < 2 ? ['infrastructure-staff', 'operator'] : ['infrastructure-staff'];
    addPerson(
      story.INFRA_TEAM,
      roles,
      i < 3,
      i === 0 ? 'Leads the data center and network teams.' : '',
      setUpOn,
    );
  }
  for (let i = 0; i < teamScriptSize(story.SECURITY_TEAM); i++) {
    const notes = ['Security architect.', 'Compliance lead.', 'Security engineer.', 'Risk analyst.'][i] ?? '';
    addPerson(story.SECURITY_TEAM, i === 1 ? ['product-manager'] : ['engineer'], i === 0, notes, setUpOn);
  }

  function teamScriptSize(key: string) {
    return must(teamScripts.get(key), `team ${key}`).size;
  }
  const teamMembers = (key: string) => members.get(key) ?? [];
  const platform = teamMembers(story.PLATFORM_TEAM);
  const platformOwner = must(platform[0], 'platform owner');
  const advocates = platform.filter((p) => p.roles.includes('advocate'));
  const engineers = platform.filter((p) => p.roles.includes('engineer') && p.canSeed);
  const operators = platform.filter((p) => p.roles.includes('operator') && p.canSeed);
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
  const seedersOf = (key: string) =>
    teamMembers(key).filter((p) => p.canSeed && p.roles.some((r) => r === 'developer' || r === 'engineer'));

  // --- Apps: portfolio, scores, selection into cycles, dates ----------------------------------
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

  const productTeams = story.TEAMS.filter((t) => t.kind === 'product');
  const joiners = (index: number) => productTeams.filter((t) => t.joins === index);
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
        selected = workdayOnOrAfter(addDays(plan.startDate, rng.int(3, 6)));
        productionGap = rng.int(12, 18);
      } else if (plan.status === 'planned') {
        selected = workdayOnOrBefore(addDays(today, -rng.int(1, 12)));
      } else if (plan.status === 'active' && k >= 4) {
        // Selected days ago: pairing has started, hello world has not happened yet.
        selected = workdayOnOrBefore(addDays(today, -rng.int(3, 6)));
      } else if (plan.status === 'active' && k >= 2) {
        selected = workdayOnOrAfter(addDays(plan.startDate, rng.int(3, 10)));
        productionGap = 60;
      } else if (plan.status === 'active') {
        selected = workdayOnOrBefore(addDays(plan.startDate, -rng.int(3, 10)));
        productionGap = rng.int(5, 9);
      } else {
        selected = workdayOnOrAfter(addDays(plan.startDate, rng.int(-10, 12)));
      }
      let firstDeploy: IsoDate | null = workdayOnOrAfter(addDays(selected, helloWorld));
      let production: IsoDate | null = workdayOnOrAfter(addDays(firstDeploy, productionGap));
      if (plan.status === 'closed') {
        const latest = workdayOnOrBefore(addDays(plan.endDate, 14));
        production = maxIso(firstDeploy, minIso(production, latest));
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
      else stage = plan.status !== 'planned' && daysFrom(selected, today) >= 3 ? 'onboarding' : 'selected';
      Object.assign(draft, {
        stage,
        selectedOn: selected,
        firstDeployOn: firstDeploy,
        productionOn: production,
      });
    }
  }
  const pausedApp = appsByCycle[story.PAUSED_IN_CYCLE]?.find((d) => d.stage === 'paused');
  const droppedApp = appsByCycle[story.DROPPED_IN_CYCLE]?.find((d) => d.stage === 'dropped');

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
    const ids = [goldenPathId(deliveryPath(draft.runtime, c))];
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
      if (adopt) ids.push(goldenPathId(gp));
    }
    return ids;
  };

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
    const imported = addDays(programStart, -7);
    const lastMove = [draft.selectedOn, draft.firstDeployOn, draft.productionOn].reduce<IsoDate>(
      (latest, d) => (d && d > latest ? d : latest),
      imported,
    );
    return stored(
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
  const firstAppOf = (teamKey: string) =>
    drafts
      .filter((d) => d.teamKey === teamKey && d.cycle !== null)
      .sort((a, b) => (a.cycle ?? 0) - (b.cycle ?? 0) || a.slot - b.slot)[0];

  // --- Cycles: checklists and retro notes -----------------------------------------------------
  const skipped: Record<number, string> = { 3: 'scaling-5', 8: 'scaling-4' };
  const endSteps = new Set(['initial-8', 'scaling-6', 'scaling-7']);
  const cycles: Cycle[] = plans.map((plan) => {
    const phase = phaseForIndex(plan.index);
    const steps = newChecklist(phase);
    const length = daysFrom(plan.startDate, plan.endDate);
    const lastDay = workdayOnOrBefore(addDays(plan.endDate, -1));
    const checklist: ChecklistItem[] = steps.map((step, j) => {
      const spread = Math.round(((j + 0.7) * (length - 4)) / steps.length) + rng.int(-3, 3);
      const planned = endSteps.has(step.stepId)
        ? lastDay
        : minIso(lastDay, maxIso(plan.startDate, workdayOnOrAfter(addDays(plan.startDate, spread))));
      const done =
        plan.status === 'closed'
          ? skipped[plan.index] !== step.stepId
          : plan.status === 'active' && !endSteps.has(step.stepId) && planned <= today;
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
      plan.index === 0 ? setUpOn : minIso(addDays(plan.startDate, -14), addDays(activeCycle.startDate, 7));
    const updated = plan.status === 'closed' ? plan.endDate : doneDates.reduce(maxIso, created);
    return stored(
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

  // --- Assignments: pairing and seeding -------------------------------------------------------
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
    const end = maxIso(startDate, endDate);
    assignments.push(
      stored(
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
        addDays(startDate, -rng.int(0, 7)),
      ),
    );
  };

  for (const plan of plans) {
    if (plan.index > activeIndex + 1) break;
    const c = plan.index;
    const chosen = appsByCycle[c] ?? [];
    const cycleEnd = addDays(plan.endDate, -1);
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
      const script = must(teamScripts.get(draft.teamKey), `team ${draft.teamKey}`);
      const from = maxIso(plan.startDate, draft.selectedOn ?? plan.startDate);
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
        draft.stage === 'dropped' ? addDays(from, rng.int(20, 35)) : (draft.productionOn ?? cycleEnd);
      addAssignment(
        'pairing',
        nextPairer(seededThisCycle),
        draft.teamKey,
        plan,
        from,
        minIso(maxIso(until, addDays(from, 14)), cycleEnd),
        `Pairing with ${script.name} on ${draft.name}.`,
        draft,
      );
    }
    // "Add more infrastructure staff with pairing & seeding."
    const infraFrom = workdayOnOrAfter(addDays(plan.startDate, rng.int(0, 14)));
    addAssignment(
      'pairing',
      nextOperator(),
      story.INFRA_TEAM,
      plan,
      infraFrom,
      minIso(addDays(infraFrom, rng.int(21, 42)), cycleEnd),
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
      const from2 = workdayOnOrAfter(addDays(plan.startDate, rng.int(7, 21)));
      addAssignment(
        'pairing',
        nextEngineer(),
        story.SECURITY_TEAM,
        plan,
        from2,
        minIso(addDays(from2, rng.int(28, 56)), cycleEnd),
        `Pairing with Security & Governance on the "${gp.name}" golden path.`,
      );
    }
  }

  // --- Pairing sessions -----------------------------------------------------------------------
  const outcomes: [PairingOutcome, number][] = [
    ['productive', 0.55],
    ['completed', 0.2],
    ['follow-up', 0.17],
    ['blocked', 0.08],
  ];
  const pickOutcome = (): PairingOutcome => {
    let r = rng.next();
    for (const [outcome, p] of outcomes) if ((r -= p) < 0) return outcome;
    return 'productive';
  };
  const durations = [30, 45, 60, 60, 90, 90, 120, 120, 180, 240];
  const teamKeyById = new Map([...teamByKey].map(([key, team]) => [team.id, key]));
  const sessionDrafts: Omit<PairingSession, keyof BaseRecord>[] = [];
  for (const assignment of assignments) {
    if (assignment.startDate > today) continue;
    const last = minIso(assignment.endDate ?? today, today);
    const weeks = (daysFrom(assignment.startDate, last) + 1) / 7;
    const teamKey = must(teamKeyById.get(assignment.targetTeamId ?? ''), 'assignment team');
    const app = assignment.appId ? appById.get(assignment.appId) : undefined;
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
      sessionDrafts.push({
        date,
        durationMinutes: rng.pick(durations),
        personId: assignment.personId,
        partnerIds: rng
          .shuffle(partnersPool)
          .slice(0, rng.int(1, 3))
          .map((p) => p.id),
        appId: app?.id ?? null,
        teamId: assignment.targetTeamId,
        cycleId: cycleOfDay(date)?.id ?? assignment.cycleId,
        topic: rng.pick(topics),
        notes: rng.pick(story.SESSION_NOTES[outcome]),
        outcome,
      });
    }
  }
  sessionDrafts.sort((a, b) => (a.date < b.date ? -1 : a.date > b.date ? 1 : 0));
  const pairingSessions: PairingSession[] = sessionDrafts.map((s) => stored(s, s.date));

  // --- Blockers -------------------------------------------------------------------------------
  const resolveDays: Record<Blocker['category'], [number, number]> = {
    'people-culture': [20, 75],
    'plans-alignment': [15, 60],
    'technical-execution': [5, 35],
  };
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
    const latestOpen = minIso(addDays(plan.endDate, -10), addDays(today, -2));
    let openedOn = randomWorkday(rng, addDays(plan.startDate, 3), latestOpen);
    if (app?.firstDeployOn && script.link === 'paused')
      openedOn = workdayOnOrAfter(addDays(app.firstDeployOn, 5));
    if (app?.selectedOn && script.link !== 'paused') openedOn = maxIso(openedOn, app.selectedOn);
    openedOn = minIso(openedOn, today);
    let status: Blocker['status'] = script.status ?? 'resolved';
    let resolvedOn: IsoDate | null = null;
    if (!script.status) {
      const [min, max] = resolveDays[script.category];
      const days = Math.round(rng.int(min, max) * (script.severity === 'critical' ? 0.6 : 1));
      resolvedOn = workdayOnOrAfter(addDays(openedOn, days));
      if (resolvedOn > today) {
        status = 'mitigating';
        resolvedOn = null;
      }
    }
    const updated = resolvedOn ?? minIso(addDays(openedOn, rng.int(3, 20)), today);
    // Mitigation starts two days after opening (by the last update at the latest): a fixed step,
    // not a random one, so the random sequence and every record after this one stay as they were.
    const statusHistory: Blocker['statusHistory'] = [{ status: 'open', on: openedOn }];
    if (status !== 'open')
      statusHistory.push({
        status: 'mitigating',
        on: minIso(workdayOnOrAfter(addDays(openedOn, 2)), updated),
      });
    if (resolvedOn) statusHistory.push({ status: 'resolved', on: resolvedOn });
    return stored(
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
        notes: script.notes,
      },
      openedOn,
      updated,
    );
  });

  // --- Toil: the deck's template, audits before and after onboarding -------------------------
  const toilItems: ToilItem[] = DECK_TOIL_TEMPLATE.map((item) =>
    stored(
      { kind: item.kind, text: item.text, order: item.order, builtIn: true, reversed: item.reversed },
      setUpOn,
    ),
  );
  const toilId = (deckIndex: number) => must(toilItems[deckIndex], `toil item ${deckIndex}`).id;
  const toilAudits: ToilAudit[] = [];
  const toilResponses: ToilResponse[] = [];
  const runAudit = (teamKey: string, app: AppDraft, date: IsoDate, when: 'before' | 'after' | 'year-on') => {
    const team = teamOf(teamKey);
    const titles = { before: 'before onboarding', after: 'after onboarding', 'year-on': 'one year on' };
    const respondents = rng.int(5, 9);
    const audit: ToilAudit = stored(
      {
        title: `${team.name}: ${titles[when]}`,
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
        stored(
          { auditId: audit.id, respondent, scores, answers },
          minIso(addDays(date, rng.int(0, 2)), today),
        ),
      );
    }
  };
  for (const { team: teamKey, yearOn } of story.TOIL_AUDITED_TEAMS) {
    const joins = teamScripts.get(teamKey)?.joins;
    const app = firstAppOf(teamKey);
    if (joins === undefined || joins > activeIndex || !app?.selectedOn) continue;
    runAudit(teamKey, app, minIso(workdayOnOrAfter(addDays(app.selectedOn, rng.int(2, 6))), today), 'before');
    for (const [offset, when] of [
      [2, 'after'],
      [4, 'year-on'],
    ] as const) {
      if (when === 'year-on' && !yearOn) continue;
      if (joins + offset > activeIndex) continue;
      const date = workdayOnOrAfter(addDays(cyclePlan(joins + offset).startDate, rng.int(10, 30)));
      if (date < today) runAudit(teamKey, app, date, when);
    }
  }

  // --- Value stream maps: before and after onboarding -----------------------------------------
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
  for (const teamKey of ['payments', 'cards', 'lending', 'fraud', 'open-banking', 'treasury', 'insurance']) {
    const app = firstAppOf(teamKey);
    if (!app?.selectedOn) continue;
    const before = minIso(workdayOnOrAfter(addDays(app.selectedOn, rng.int(3, 8))), today);
    valueStreamMaps.push(
      stored(
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
    const after = workdayOnOrAfter(addDays(app.productionOn, rng.int(21, 40)));
    if (after >= today) continue;
    valueStreamMaps.push(
      stored(
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

  // --- Marketing ------------------------------------------------------------------------------
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
    workdayOnOrAfter(addDays(programStart, 2)),
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
      minIso(workdayOnOrAfter(addDays(plan.startDate, offset)), addDays(plan.endDate, -1));
    for (let m = 0; m < 3; m++) {
      issue++;
      market(inCycle(14 + 30 * m), 'newsletter', `Nimbus News #${issue}`, rng.jitter(140 * growth, 0.1));
    }
    for (let m = 0; m < 2; m++)
      market(inCycle(21 + 42 * m), 'office-hours', 'Nimbus office hours', rng.int(8, 20) + 2 * c);
    const newTeams = joiners(c).map((t) => t.name);
    market(
      workdayOnOrBefore(addDays(plan.endDate, -12)),
      'demo-day',
      `Demo day: ${cycleLabel(c)}`,
      rng.jitter(60 * growth, 0.15),
      newTeams.length ? `Featuring ${newTeams.join(' and ')}.` : '',
    );
    if (c % 2 === 0) {
      const party = newTeams.length ? newTeams.join(' & ') : 'this cycle’s apps';
      market(
        workdayOnOrBefore(addDays(plan.endDate, -5)),
        'cloud-party',
        `Cloud party: ${party} live on Nimbus`,
        rng.jitter(45 * growth, 0.2),
      );
    }
    // The initial phase's golden path gets its blueprint once the marketing program starts.
    for (const gp of goldenPathScripts.filter((p) => p.cycle === c || (c === 1 && p.cycle === 0))) {
      const built = must(goldenPaths[goldenPathScripts.indexOf(gp)], gp.name).createdAt.slice(0, 10);
      market(
        workdayOnOrAfter(maxIso(addDays(built, 7), addDays(plan.startDate, 7))),
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
  marketing.sort((a, b) => (a.date < b.date ? -1 : a.date > b.date ? 1 : 0));
  const marketingActivities: MarketingActivity[] = marketing.map((m) => stored(m, m.date));

  function cycleLabel(index: number) {
    return index === 0 ? 'Initial phase' : `Scaling cycle ${index}`;
  }

  // --- Metrics: speeds and feeds, monthly ----------------------------------------------------
  const custom = { key: 'teams-on-platform', name: 'Teams on the platform', unit: 'teams', builtIn: false };
  const metricDefs = [...BUILT_IN_METRICS.map((m) => ({ ...m, builtIn: true })), custom];
  const metrics: Metric[] = metricDefs.map((m) =>
    stored(
      { key: m.key, name: m.name, unit: m.unit, builtIn: m.builtIn },
      m.builtIn ? setUpOn : cyclePlan(Math.min(2, activeIndex)).startDate,
    ),
  );
  const metricId = (key: string) =>
    must(
      metrics.find((m) => m.key === key),
      `metric ${key}`,
    ).id;
  const metricSnapshots: MetricSnapshot[] = [];
  for (let m = 1; ; m++) {
    const date = toIsoDate(startOfMonth(addMonths(parseIsoDate(programStart) as Date, m)));
    if (date > today) break;
    const live = apps.filter((a) => a.productionOn !== null && a.productionOn <= date);
    const prodApps = live.length;
    const teamsLive = new Set(live.map((a) => a.teamId)).size;
    const workloads = Math.round(12 + prodApps * (4 + 0.25 * m) * rng.jitter(1, 0.05));
    const dataCenters = m < 9 ? 1 : m < 21 ? 2 : 3;
    const clusters = 2 + Math.floor(prodApps / 5) + (dataCenters - 1) * 2;
    const servers = 24 + clusters * 14 + prodApps * 2;
    const values: Record<string, number> = {
      'production-apps': prodApps,
      'container-workloads': workloads,
      'running-memory': Math.round(workloads * 1.6 * rng.jitter(1, 0.05)),
      'deployments-per-day': round1(prodApps * (0.2 + 0.06 * m) * rng.jitter(1, 0.1)),
      'os-repaves-per-day': m < 6 ? 0 : Math.round(servers / Math.max(3, 21 - m * 0.6)),
      clusters,
      pools: 1 + Math.floor(prodApps / 8) + (dataCenters - 1),
      'data-centers': dataCenters,
      servers,
      'teams-on-platform': teamsLive,
    };
    for (const def of metricDefs) {
      metricSnapshots.push(
        stored(
          {
            metricId: metricId(def.key),
            date,
            value: values[def.key] ?? 0,
            notes: m === 1 ? 'Read from the platform dashboards on the first working day of the month.' : '',
          },
          date,
        ),
      );
    }
  }

  return {
    program: [program],
    cycles,
    teams,
    people,
    apps,
    criteria,
    goldenPaths,
    assignments,
    pairingSessions,
    blockers,
    toilItems,
    toilAudits,
    toilResponses,
    valueStreamMaps,
    marketingActivities,
    metrics,
    metricSnapshots,
  };
}
