/**
 * An enterprise workspace for the benchmarks: at scale 1, 20,000 apps of 1,000 teams, 5,000
 * people, 40 three-month cycles (ten years), 200,000 pairing sessions, 20,000 blockers with their
 * status history, 2,000 toil audits with 40,000 responses, 500 value stream maps and ten years of
 * daily snapshots of the nine built-in metrics. `scale` multiplies every count and the span of
 * years (0.1 is one year and 2,000 apps; 5 is fifty years and 100,000 apps).
 *
 * Deterministic: one seeded random source and a fixed "today", never the clock, so every run
 * measures the same records. Records are valid against the stored schemas of the current schema
 * version (shared/schema/tables.ts); the benchmark checks that with parseBackup.
 *
 * Records go to a sink table by table, in the order a backup writes them, and only small facts
 * (ids, an app's team and dates) are kept, so a 5× workspace can be streamed to a file
 * (./write.ts) without holding it in memory.
 */
import { BLOCKER_CATEGORIES, BLOCKER_CATEGORY_IDS, type BlockerCategory } from '../../shared/domain/blockers';
import { APP_STAGES, DEFAULT_CRITERIA, type AppStage, type GoldenPathKind } from '../../shared/domain/apps';
import { scoresFromCriteria } from '../../shared/domain/feasibility';
import { BUILT_IN_METRICS } from '../../shared/domain/metrics';
import { DX_POINTS } from '../../shared/domain/dx-assessment';
import { MARKETING_KINDS } from '../../shared/domain/marketing';
import { PAIRING_OUTCOMES, ROLES, type Role, type TeamKind } from '../../shared/domain/people';
import { stepsForPhase } from '../../shared/domain/playbook';
import { DECK_TOIL_TEMPLATE } from '../../shared/domain/toil';
import { createRng, type Rng } from '../../shared/demo/random';
import { DATA_TABLE_NAMES, type DataTableName, type StoredRecord } from '../../shared/schema/tables';
import { addMonthsToDay, createCalendar, dayNumber, type Calendar } from './calendar';

/** The counts at scale 1, as the issue states them. */
export const WORKSPACE_AT_SCALE_1 = {
  years: 10,
  cycles: 40,
  teams: 1_000,
  people: 5_000,
  apps: 20_000,
  assignments: 4_000,
  pairingSessions: 200_000,
  blockers: 20_000,
  toilAudits: 2_000,
  toilResponses: 40_000,
  valueStreamMaps: 500,
  marketingActivities: 500,
} as const;

export const WORKSPACE_DEFAULT_SEED = 20_260_101;
/** The day the workspace is generated for: fixed, so the records never depend on the clock. */
export const WORKSPACE_TODAY = '2025-12-15';

export interface WorkspaceOptions {
  /** 0.01…5; 1 is the enterprise workspace of the issue. */
  scale: number;
  seed?: number;
  today?: string;
}

export type WorkspaceCounts = Record<DataTableName, number>;

/** Receives the records, table by table in backup order: begin, every record, end. */
export interface WorkspaceSink {
  begin(table: DataTableName): void;
  record(record: object): void;
  end(table: DataTableName): void;
}

const TEAM_WORDS = [
  'Payments',
  'Orders',
  'Billing',
  'Search',
  'Catalog',
  'Inventory',
  'Shipping',
  'Ledger',
  'Identity',
  'Pricing',
  'Loyalty',
  'Reports',
  'Gateway',
  'Notifications',
  'Claims',
  'Quotes',
  'Accounts',
  'Checkout',
  'Partners',
  'Fraud',
  'Risk',
  'Treasury',
  'Lending',
  'Cards',
];
const APP_WORDS = TEAM_WORDS.map((w) => w.toLowerCase());
const SYSTEMS = ['retail', 'wholesale', 'back-office', 'channels', 'data', 'core-banking', 'insurance', 'hr'];
const LIFECYCLES = ['production', 'production', 'production', 'experimental', 'deprecated'];
const FIRST_NAMES = [
  'Ada',
  'Ben',
  'Chloé',
  'Dmitri',
  'Eun-ji',
  'Farah',
  'Gustavo',
  'Hana',
  'Ibrahim',
  'Jonas',
  'Kavya',
  'Liam',
  'Mei',
  'Nadia',
  'Oscar',
  'Priya',
  'Quentin',
  'Rosa',
  'Sven',
  'Tariq',
  'Uma',
  'Viktor',
  'Wen',
  'Yusuf',
  'Zoë',
];
const LAST_NAMES = [
  'Okafor',
  'Schmidt',
  'García',
  'Nakamura',
  'Kowalski',
  'Haddad',
  'Lindqvist',
  'Moreau',
  'Patel',
  'Rossi',
  'Silva',
  'Tanaka',
  'Van Dijk',
  'Novak',
  "O'Brien",
  'Ivanova',
  'Kim',
  'Mensah',
  'Andersen',
  'Costa',
];
const GOLDEN_PATHS: [string, GoldenPathKind][] = [
  ['Spring Boot service', 'delivery'],
  ['.NET web API', 'delivery'],
  ['Node.js front end', 'delivery'],
  ['Python batch job', 'delivery'],
  ['Event-driven consumer', 'delivery'],
  ['Static site', 'delivery'],
  ['Go microservice', 'delivery'],
  ['Data pipeline', 'delivery'],
  ['Mobile back end', 'delivery'],
  ['Legacy Java lift', 'delivery'],
  ['Change approval as code', 'governance'],
  ['Audit trail', 'governance'],
  ['Cost tagging', 'governance'],
  ['Data residency', 'governance'],
  ['SBOM and signing', 'security'],
  ['Secrets management', 'security'],
  ['Container scanning', 'security'],
  ['mTLS between services', 'security'],
  ['Pen-test pipeline', 'security'],
  ['Observability starter', 'other'],
  ['Feature flags', 'other'],
  ['Chaos drills', 'other'],
  ['Blue-green releases', 'other'],
  ['Database migrations', 'other'],
];
const TOPICS = [
  'Set up the repository and the pipeline',
  'First deploy to the platform',
  'Golden path walkthrough',
  'Secrets and configuration',
  'Service bindings for the database',
  'Logs, metrics and traces',
  'Autoscaling and health checks',
  'Blue-green release',
  'Production readiness review',
  'Debugging a failed staging deploy',
  'Moving the batch jobs',
  'Load test before go-live',
];
const SESSION_NOTES = [
  'Paired on the pipeline; the team drove.',
  'Blocked on firewall rules for the test database; ticket raised.',
  'The team can now deploy on their own.',
  'Follow up on the memory limits next week.',
  'Walked through the golden path docs and fixed two gaps.',
];
const DURATIONS = [30, 45, 60, 60, 90, 90, 120, 120, 180, 240];
const OUTCOME_WEIGHTS = [0.55, 0.08, 0.17, 0.2]; // productive, blocked, follow-up, completed
const VSM_STEPS = [
  'Ticket to start',
  'Code',
  'Code review',
  'Build',
  'Security scan',
  'Change approval board',
  'Deploy to test',
  'Manual testing',
  'Deploy to staging',
  'Release approval',
  'Deploy to production',
  'Smoke test',
];
const ANSWERS = [
  'Getting a database for local development takes a ticket and two days.',
  'The staging environment is shared and often broken by other teams.',
  'We wait on the change approval board every release.',
  'Flaky end-to-end tests block merges a few times a week.',
  'Nobody knows who owns the integration environment.',
  'Builds take forty minutes; we batch changes because of it.',
];
const MARKETING_TITLES: Record<(typeof MARKETING_KINDS)[number], string> = {
  newsletter: 'Platform newsletter',
  'demo-day': 'Demo day',
  'office-hours': 'Platform office hours',
  'cloud-party': 'Cloud party',
  blueprint: 'Blueprint published',
  training: 'Golden path training',
  other: 'Platform roadshow',
};

const pad = (n: number, width: number) => String(n).padStart(width, '0');

/** The counts of a workspace at a scale, per table. */
export function workspaceCounts(scale: number): WorkspaceCounts {
  const n = (count: number) => Math.max(1, Math.round(count * scale));
  const s = WORKSPACE_AT_SCALE_1;
  const snapshotDays = Math.max(1, Math.round(s.years * 365.25 * scale)) + 1;
  const audits = n(s.toilAudits);
  return {
    program: 1,
    cycles: n(s.cycles),
    teams: Math.max(4, n(s.teams)),
    people: Math.max(8, n(s.people)),
    apps: n(s.apps),
    criteria: DEFAULT_CRITERIA.length,
    goldenPaths: GOLDEN_PATHS.length,
    assignments: n(s.assignments),
    pairingSessions: n(s.pairingSessions),
    blockers: n(s.blockers),
    toilItems: DECK_TOIL_TEMPLATE.length,
    toilAudits: audits,
    toilResponses: Math.max(audits, n(s.toilResponses)),
    valueStreamMaps: n(s.valueStreamMaps),
    marketingActivities: n(s.marketingActivities),
    metrics: BUILT_IN_METRICS.length,
    metricSnapshots: BUILT_IN_METRICS.length * snapshotDays,
    dxScores: n(s.cycles) * DX_POINTS.length,
  };
}

export function totalRecords(counts: WorkspaceCounts): number {
  return Object.values(counts).reduce((sum, n) => sum + n, 0);
}

/** A UUID v4 in form from the seeded source: four draws of 32 bits. */
function uuidFrom(rng: Rng): string {
  const hex = (n: number) => (n >>> 0).toString(16).padStart(8, '0');
  const a = hex(rng.next() * 4294967296);
  const b = hex(rng.next() * 4294967296);
  const c = hex(rng.next() * 4294967296);
  const d = hex(rng.next() * 4294967296);
  const variant = ((parseInt(c[0] as string, 16) & 0x3) | 0x8).toString(16);
  return `${a}-${b.slice(0, 4)}-4${b.slice(5, 8)}-${variant}${c.slice(1, 4)}-${c.slice(4)}${d}`;
}

function weighted(rng: Rng, weights: readonly number[]): number {
  let x = rng.next();
  for (let i = 0; i < weights.length; i++) {
    x -= weights[i] as number;
    if (x < 0) return i;
  }
  return weights.length - 1;
}

interface CycleFact {
  id: string;
  index: number;
  start: number;
  end: number;
}

interface AppFact {
  id: string;
  teamId: string | null;
  stage: AppStage;
  cycleId: string | null;
  selected: number | null;
  /** Its golden paths' ids. */
  paths: readonly string[];
}

/**
 * Generates the workspace into `sink`, table by table in backup order, and returns the counts.
 * The same options always give the same records.
 */
export function generateWorkspace(options: WorkspaceOptions, sink: WorkspaceSink): WorkspaceCounts {
  const { scale } = options;
  if (!(scale >= 0.001 && scale <= 10)) throw new RangeError(`scale must be in 0.001…10, not ${scale}`);
  const counts = workspaceCounts(scale);
  const rng = createRng(options.seed ?? WORKSPACE_DEFAULT_SEED);
  const uuid = () => uuidFrom(rng);
  const today = dayNumber(options.today ?? WORKSPACE_TODAY);

  // Cycles of three months back from today: the last one is under way, the rest are closed.
  const firstCycleStart = addMonthsToDay(today, -3 * counts.cycles + 1);
  const snapshotStart = today - (counts.metricSnapshots / BUILT_IN_METRICS.length - 1);
  const calendar: Calendar = createCalendar(
    Math.min(firstCycleStart, snapshotStart) - 60,
    addMonthsToDay(today, 6),
  );
  const iso = calendar.iso;
  const hhmmss = (from: number, to: number) =>
    `${pad(rng.int(from, to), 2)}:${pad(rng.int(0, 59), 2)}:${pad(rng.int(0, 59), 2)}.000Z`;
  /** id and timestamps: created on `created` in the morning, last changed on `updated` (never after today). */
  const stamp = <T extends object>(fields: T, created: number, updated = created) => {
    const c = Math.min(created, today);
    const u = Math.min(Math.max(updated, c), today);
    const createdAt = `${iso(c)}T${hhmmss(7, 11)}`;
    return {
      id: uuid(),
      createdAt,
      updatedAt: u === c ? createdAt : `${iso(u)}T${hhmmss(12, 17)}`,
      ...fields,
    };
  };
  const between = (from: number, to: number) => (to <= from ? from : rng.int(from, to));
  const workday = (from: number, to: number) => Math.min(to, calendar.workdayOnOrAfter(between(from, to)));

  const table = <T extends DataTableName>(name: T, fill: (emit: (r: StoredRecord<T>) => void) => void) => {
    sink.begin(name);
    let emitted = 0;
    fill((r) => {
      emitted++;
      sink.record(r);
    });
    sink.end(name);
    if (emitted !== counts[name]) throw new Error(`${name}: generated ${emitted}, expected ${counts[name]}`);
  };

  // Facts first: ids that tables earlier in the backup order refer to.
  const cycles: CycleFact[] = [];
  for (let i = 0; i < counts.cycles; i++) {
    const start = addMonthsToDay(firstCycleStart, 3 * i);
    cycles.push({ id: uuid(), index: i, start, end: addMonthsToDay(firstCycleStart, 3 * (i + 1)) });
  }
  const programStart = firstCycleStart;
  const cycleOfDay = (day: number): CycleFact | undefined => {
    let lo = 0;
    let hi = cycles.length - 1;
    while (lo <= hi) {
      const mid = (lo + hi) >> 1;
      const c = cycles[mid] as CycleFact;
      if (day < c.start) hi = mid - 1;
      else if (day >= c.end) lo = mid + 1;
      else return c;
    }
    return undefined;
  };
  const teamIds = Array.from({ length: counts.teams }, uuid);
  const teamKinds: TeamKind[] = teamIds.map((_, i) =>
    i < Math.max(1, Math.round(counts.teams * 0.02))
      ? 'platform'
      : i % 13 === 0
        ? 'infrastructure'
        : i % 19 === 0
          ? 'governance-security'
          : 'product',
  );
  const productTeams = teamIds.filter((_, i) => teamKinds[i] === 'product');
  const platformTeams = teamIds.filter((_, i) => teamKinds[i] === 'platform');
  const criteriaIds = DEFAULT_CRITERIA.map(() => uuid());
  const criteriaForScoring = DEFAULT_CRITERIA.map((c, i) => ({ id: criteriaIds[i] as string, ...c }));
  const goldenPathIds = GOLDEN_PATHS.map(() => uuid());
  const setUp = programStart;

  table('program', (emit) =>
    emit(
      stamp(
        {
          name: 'Enterprise platform program',
          platformName: 'Tanzu Platform',
          startDate: iso(programStart),
          targetApps: Math.max(1, Math.round(counts.apps * 0.8)),
          eligibleApps: counts.apps,
          cycleLengthMonths: 3,
        },
        setUp,
      ),
    ),
  );

  const onboardedShare = 0.4;
  table('cycles', (emit) => {
    for (const c of cycles) {
      const phase = c.index === 0 ? 'initial' : 'scaling';
      const status = c.end <= today ? 'closed' : c.start <= today ? 'active' : 'planned';
      emit({
        ...stamp({}, c.start - 14, Math.min(c.end, today)),
        id: c.id,
        index: c.index,
        phase,
        name: c.index === 0 ? 'First golden path' : '',
        startDate: iso(c.start),
        endDate: iso(c.end),
        goalApps: c.index === 0 ? 1 : Math.max(2, Math.round((counts.apps * onboardedShare) / counts.cycles)),
        status,
        checklist: stepsForPhase(phase).map((step) => {
          const done = status === 'closed' || (status === 'active' && rng.chance(0.5));
          return {
            stepId: step.id,
            text: step.text,
            done,
            doneOn: done ? iso(workday(c.start, c.end - 1)) : null,
          };
        }),
        retroNotes:
          status === 'closed' ? 'Pairing capacity was the limit; two more advocates next cycle.' : '',
      });
    }
  });

  table('teams', (emit) => {
    teamIds.forEach((id, i) => {
      const kind = teamKinds[i] as TeamKind;
      const word = TEAM_WORDS[i % TEAM_WORDS.length] as string;
      emit({
        ...stamp({}, setUp + between(0, Math.max(0, today - setUp)), today),
        id,
        name: kind === 'platform' ? `Platform ${pad(i + 1, 2)}` : `${word} ${pad(i + 1, 4)}`,
        kind,
        notes: i % 5 === 0 ? `Cost centre CC-${pad(i, 5)}.` : '',
        externalRef: null,
      });
    });
  });

  // People: platform teams hold the advocates and engineers who pair; product teams the developers.
  const pairers: string[] = [];
  const developersByTeam = new Map<string, string[]>();
  const anyPeople: string[] = [];
  table('people', (emit) => {
    for (let i = 0; i < counts.people; i++) {
      const platform = i < Math.max(2, Math.round(counts.people * 0.06));
      const teamId = platform
        ? (platformTeams[i % platformTeams.length] as string)
        : rng.chance(0.97)
          ? (teamIds[rng.int(0, teamIds.length - 1)] as string)
          : null;
      const roles: Role[] = platform
        ? [(['advocate', 'engineer', 'engineer', 'operator'] as const)[i % 4] as Role]
        : rng.chance(0.9)
          ? ['developer']
          : [rng.pick(ROLES)];
      if (!platform && rng.chance(0.03)) roles.push('product-manager');
      const record = stamp(
        {
          name: `${rng.pick(FIRST_NAMES)} ${rng.pick(LAST_NAMES)}`,
          teamId,
          roles: [...new Set(roles)],
          canSeed: platform || rng.chance(0.08),
          notes: '',
          leftOn: null,
        },
        setUp + between(0, today - setUp),
      );
      anyPeople.push(record.id);
      if (platform && !roles.includes('operator')) pairers.push(record.id);
      else if (teamId && roles.includes('developer')) {
        const list = developersByTeam.get(teamId) ?? [];
        list.push(record.id);
        developersByTeam.set(teamId, list);
      }
      emit(record);
    }
  });

  const apps: AppFact[] = [];
  const stageWeights = [0.45, 0.07, 0.1, 0.32, 0.03, 0.03]; // APP_STAGES order
  const closedOrActive = cycles.filter((c) => c.start <= today);
  table('apps', (emit) => {
    for (let i = 0; i < counts.apps; i++) {
      const stage = APP_STAGES[weighted(rng, stageWeights)] as AppStage;
      const teamId = rng.chance(0.95) ? (productTeams[rng.int(0, productTeams.length - 1)] ?? null) : null;
      const cycle = stage === 'candidate' ? undefined : rng.pick(closedOrActive);
      const selected = cycle ? workday(cycle.start, Math.min(cycle.end - 1, today)) : null;
      const deployed =
        selected !== null && (stage === 'on-platform' || (stage === 'onboarding' && rng.chance(0.5)))
          ? selected + rng.int(4, 70)
          : null;
      const firstDeploy = deployed !== null && deployed <= today ? deployed : null;
      const production =
        firstDeploy !== null && stage === 'on-platform' && firstDeploy + 40 <= today
          ? firstDeploy + rng.int(0, 40)
          : null;
      const criteriaScores: Record<string, number> = {};
      if (rng.chance(0.85)) for (const id of criteriaIds) criteriaScores[id] = rng.int(1, 5);
      const paths =
        stage === 'on-platform' || stage === 'onboarding'
          ? goldenPathIds.filter(() => rng.chance(0.12)).slice(0, 4)
          : [];
      const words = `${rng.pick(APP_WORDS)}-${rng.pick(APP_WORDS)}`;
      const record = stamp(
        {
          name: `${words} ${pad(i + 1, 6)}`,
          teamId,
          description: `Serves ${rng.pick(APP_WORDS)} and ${rng.pick(APP_WORDS)} for the ${rng.pick(SYSTEMS)} business.`,
          ...scoresFromCriteria(criteriaForScoring, criteriaScores),
          criteriaScores,
          stage,
          cycleId: cycle?.id ?? null,
          selectedOn: selected === null ? null : iso(selected),
          firstDeployOn: firstDeploy === null ? null : iso(firstDeploy),
          productionOn: production === null ? null : iso(production),
          goldenPathIds: paths,
          externalId: `CI${pad(i + 1, 7)}`,
          lifecycle: rng.pick(LIFECYCLES),
          system: rng.pick(SYSTEMS),
        },
        setUp + between(0, Math.max(0, (selected ?? today) - setUp)),
        production ?? firstDeploy ?? selected ?? today,
      );
      apps.push({ id: record.id, teamId, stage, cycleId: cycle?.id ?? null, selected, paths });
      emit(record);
    }
  });
  const active = apps.filter((a) => a.selected !== null);
  const pickActive = () => (active.length > 0 ? rng.pick(active) : rng.pick(apps));

  table('criteria', (emit) =>
    DEFAULT_CRITERIA.forEach((c, order) =>
      emit({
        ...stamp({}, setUp),
        id: criteriaIds[order] as string,
        name: c.name,
        axis: c.axis,
        weight: c.weight,
        description: c.description ?? '',
        order,
      }),
    ),
  );

  table('goldenPaths', (emit) =>
    GOLDEN_PATHS.forEach(([name, kind], i) =>
      emit({
        ...stamp({}, setUp + i * 30),
        id: goldenPathIds[i] as string,
        name,
        kind,
        description: `${name}: the supported way from a repository to production.`,
      }),
    ),
  );

  table('assignments', (emit) => {
    for (let i = 0; i < counts.assignments; i++) {
      const app = pickActive();
      const cycle = (app.cycleId && cycles.find((c) => c.id === app.cycleId)) || rng.pick(closedOrActive);
      const seeding = rng.chance(0.3);
      const start = workday(cycle.start, Math.min(cycle.end - 1, today));
      emit(
        stamp(
          {
            kind: seeding ? 'seeding' : 'pairing',
            personId: rng.pick(pairers),
            targetTeamId: app.teamId ?? (productTeams[0] as string),
            appId: seeding ? null : app.id,
            cycleId: cycle.id,
            startDate: iso(start),
            endDate: seeding ? iso(cycle.end) : rng.chance(0.8) ? iso(start + rng.int(14, 60)) : null,
            notes: '',
          },
          start - rng.int(0, 10),
        ),
      );
    }
  });

  table('pairingSessions', (emit) => {
    const outcomes = PAIRING_OUTCOMES; // productive, blocked, follow-up, completed
    for (let i = 0; i < counts.pairingSessions; i++) {
      const app = pickActive();
      const from = app.selected ?? programStart;
      const day = workday(from, today);
      const developers = (app.teamId && developersByTeam.get(app.teamId)) || anyPeople;
      const partners = new Set<string>();
      const n = rng.int(1, 3);
      for (let p = 0; p < n; p++) partners.add(rng.pick(developers));
      emit(
        stamp(
          {
            date: iso(day),
            durationMinutes: rng.pick(DURATIONS),
            personId: rng.pick(pairers),
            partnerIds: [...partners],
            appId: app.id,
            teamId: app.teamId,
            cycleId: cycleOfDay(day)?.id ?? null,
            goldenPathId: app.paths[i % Math.max(1, app.paths.length)] ?? null,
            topic: rng.pick(TOPICS),
            notes: rng.chance(0.25) ? rng.pick(SESSION_NOTES) : '',
            outcome: outcomes[weighted(rng, OUTCOME_WEIGHTS)] as (typeof outcomes)[number],
          },
          day,
        ),
      );
    }
  });

  table('blockers', (emit) => {
    for (let i = 0; i < counts.blockers; i++) {
      const category = rng.pick(BLOCKER_CATEGORY_IDS) as BlockerCategory;
      const subCategory = rng.pick(BLOCKER_CATEGORIES[category].subCategories);
      const app = rng.chance(0.7) ? pickActive() : undefined;
      const opened = workday(app?.selected ?? programStart, today);
      const roll = rng.next();
      const resolvedDay = Math.min(today, opened + rng.int(1, 120));
      const status = roll < 0.6 && resolvedDay > opened ? 'resolved' : roll < 0.8 ? 'mitigating' : 'open';
      const history: { status: 'open' | 'mitigating' | 'resolved'; on: string; note?: string }[] = [
        { status: 'open', on: iso(opened) },
      ];
      let last = opened;
      if (status !== 'open') {
        last = Math.min(today, opened + rng.int(0, 14));
        if (status === 'resolved') last = Math.min(last, resolvedDay);
        history.push({ status: 'mitigating', on: iso(last), note: 'Owner found; workaround agreed.' });
      }
      if (status === 'resolved') history.push({ status: 'resolved', on: iso(resolvedDay) });
      emit(
        stamp(
          {
            title: `${subCategory.replace(/[“”]/g, '')}: ${rng.pick(APP_WORDS)} ${pad(i + 1, 6)}`,
            category,
            subCategory,
            severity: rng.pick(['low', 'medium', 'medium', 'high', 'high', 'critical'] as const),
            status,
            openedOn: iso(opened),
            resolvedOn: status === 'resolved' ? iso(resolvedDay) : null,
            statusHistory: history,
            appId: app?.id ?? null,
            teamId: app?.teamId ?? (rng.chance(0.5) ? rng.pick(teamIds) : null),
            cycleId: cycleOfDay(opened)?.id ?? null,
            ownerId: rng.chance(0.8) ? rng.pick(anyPeople) : null,
            notes: rng.chance(0.3) ? 'Raised at the cycle retro; escalated to the sponsor.' : '',
            mitigation: status === 'open' ? '' : 'Workaround agreed with the owning team.',
          },
          opened,
          status === 'resolved' ? resolvedDay : last,
        ),
      );
    }
  });

  const toilItemIds: string[] = [];
  table('toilItems', (emit) =>
    DECK_TOIL_TEMPLATE.forEach((item) => {
      const record = stamp(
        { kind: item.kind, text: item.text, order: item.order, builtIn: true, reversed: item.reversed },
        setUp,
      );
      toilItemIds.push(record.id);
      emit(record);
    }),
  );
  const statements = toilItemIds.filter((_, i) => DECK_TOIL_TEMPLATE[i]?.kind === 'statement');
  const questions = toilItemIds.filter((_, i) => DECK_TOIL_TEMPLATE[i]?.kind === 'question');

  const auditIds: string[] = [];
  const auditDays: number[] = [];
  table('toilAudits', (emit) => {
    for (let i = 0; i < counts.toilAudits; i++) {
      const app = pickActive();
      const day = workday(app.selected ?? programStart, today);
      const record = stamp(
        {
          title: `Toil audit ${pad(i + 1, 5)}`,
          date: iso(day),
          teamId: app.teamId,
          appId: app.id,
          cycleId: cycleOfDay(day)?.id ?? null,
          notes: 'Survey at the team retro; names optional.',
        },
        day,
      );
      auditIds.push(record.id);
      auditDays.push(day);
      emit(record);
    }
  });

  table('toilResponses', (emit) => {
    for (let i = 0; i < counts.toilResponses; i++) {
      const a = i % auditIds.length;
      const scores: Record<string, number> = {};
      for (const id of statements) scores[id] = rng.int(1, 5);
      const answers: Record<string, string> = {};
      for (const id of questions) if (rng.chance(0.3)) answers[id] = rng.pick(ANSWERS);
      emit(
        stamp(
          { auditId: auditIds[a] as string, respondent: '', scores, answers },
          (auditDays[a] as number) + rng.int(0, 2),
        ),
      );
    }
  });

  table('valueStreamMaps', (emit) => {
    // Maps come in pairs: an app mapped before onboarding, and the same app again five weeks
    // later (the draws stay as they were, so the other tables do not change).
    let before: { app: ReturnType<typeof pickActive>; day: number } | undefined;
    for (let i = 0; i < counts.valueStreamMaps; i++) {
      const after = i % 2 === 1;
      const picked = pickActive();
      const drawn = workday(picked.selected ?? programStart, today);
      const app = after && before ? before.app : picked;
      const day = after && before ? Math.min(before.day + 35, today) : drawn;
      if (!after) before = { app, day };
      const stepCount = rng.int(5, VSM_STEPS.length);
      emit(
        stamp(
          {
            appId: app.id,
            label: after ? 'After onboarding' : 'Before onboarding',
            date: iso(day),
            steps: VSM_STEPS.slice(0, stepCount).map((name) => ({
              name,
              processMinutes: rng.int(5, 480),
              waitMinutes: after ? rng.int(0, 600) : rng.int(60, 14_400),
              pctCompleteAccurate: rng.int(after ? 80 : 40, 100),
            })),
            notes: '',
          },
          day,
        ),
      );
    }
  });

  table('marketingActivities', (emit) => {
    for (let i = 0; i < counts.marketingActivities; i++) {
      const day = workday(programStart, today);
      const kind = rng.pick(MARKETING_KINDS);
      emit(
        stamp(
          {
            date: iso(day),
            kind,
            title: `${MARKETING_TITLES[kind]} ${pad(i + 1, 4)}`,
            reach: rng.int(10, 4000),
            notes: '',
          },
          day,
        ),
      );
    }
  });

  const metricIds: string[] = [];
  table('metrics', (emit) =>
    BUILT_IN_METRICS.forEach((m) => {
      const record = stamp({ key: m.key, name: m.name, unit: m.unit, builtIn: true }, setUp);
      metricIds.push(record.id);
      emit(record);
    }),
  );

  // A random walk per metric that grows with the program: one reading a day.
  table('metricSnapshots', (emit) => {
    const days = counts.metricSnapshots / BUILT_IN_METRICS.length;
    const values = BUILT_IN_METRICS.map((_, m) => 10 + m * 3);
    for (let d = 0; d < days; d++) {
      const day = snapshotStart + d;
      BUILT_IN_METRICS.forEach((_, m) => {
        const value = Math.max(
          0,
          Math.round((values[m] as number) * (1 + (rng.next() - 0.45) * 0.01) * 10) / 10,
        );
        values[m] = value;
        emit(stamp({ metricId: metricIds[m] as string, date: iso(day), value, notes: '' }, day));
      });
    }
  });

  // The self-assessment: every cycle scored on all fifteen points, drifting upwards.
  table('dxScores', (emit) => {
    for (const c of cycles) {
      const day = Math.min(c.end - 1, today);
      DX_POINTS.forEach((_, p) => {
        const score = Math.max(1, Math.min(5, Math.round(1.5 + c.index * 0.1 + rng.next() * 1.5)));
        emit(stamp({ cycleId: c.id, point: p + 1, score, note: '' }, day));
      });
    }
  });

  return counts;
}

/**
 * The workspace in memory, one array per table (for the Node benchmarks). `only` keeps just
 * those tables: the rest are generated (the records depend on one random sequence) and dropped.
 */
export function generateWorkspaceTables(
  options: WorkspaceOptions,
  only?: readonly DataTableName[],
): {
  tables: { [T in DataTableName]: StoredRecord<T>[] };
  counts: WorkspaceCounts;
} {
  const tables = Object.fromEntries(DATA_TABLE_NAMES.map((n) => [n, [] as object[]])) as Record<
    DataTableName,
    object[]
  >;
  let current: object[] | null = null;
  const counts = generateWorkspace(options, {
    begin: (name) => {
      current = !only || only.includes(name) ? tables[name] : null;
    },
    record: (r) => {
      current?.push(r);
    },
    end: () => {},
  });
  return { tables: tables as unknown as { [T in DataTableName]: StoredRecord<T>[] }, counts };
}
