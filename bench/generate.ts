/**
 * Deterministic benchmark data: a portfolio CSV, a Backstage catalog and app records of any
 * size, from a seeded pseudo-random generator, so every run measures the same input.
 */
import type { App, AppStage } from '../shared/domain/apps';
import { APP_STAGE_LABELS, APP_STAGES } from '../shared/domain/apps';
import { addDaysIso } from '../shared/domain/dates';

/** mulberry32: tiny, fast, and good enough to spread benchmark data. */
export function seededRandom(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const WORDS = [
  'payments',
  'orders',
  'billing',
  'search',
  'catalog',
  'inventory',
  'shipping',
  'ledger',
  'identity',
  'pricing',
  'loyalty',
  'reports',
  'gateway',
  'notifications',
  'claims',
  'quotes',
  'accounts',
  'checkout',
  'partner',
  'fraud',
];

function pick<T>(random: () => number, list: readonly T[]): T {
  return list[Math.floor(random() * list.length)] as T;
}

function pad(n: number, width = 5): string {
  return String(n).padStart(width, '0');
}

function appName(i: number, random: () => number): string {
  return `${pick(random, WORDS)}-${pick(random, WORDS)} ${pad(i)}`;
}

interface Dates {
  stage: AppStage;
  selectedOn: string | null;
  firstDeployOn: string | null;
  productionOn: string | null;
}

function datesFor(random: () => number): Dates {
  const stage = pick(random, APP_STAGES);
  const selectedOn = stage === 'candidate' ? null : addDaysIso('2024-01-01', Math.floor(random() * 700));
  const firstDeployOn =
    selectedOn && (stage === 'on-platform' || random() < 0.3)
      ? addDaysIso(selectedOn, 5 + Math.floor(random() * 60))
      : null;
  const productionOn =
    firstDeployOn && stage === 'on-platform' ? addDaysIso(firstDeployOn, Math.floor(random() * 40)) : null;
  return { stage, selectedOn, firstDeployOn, productionOn };
}

function csvCell(value: string): string {
  return /[",\n]/.test(value) ? `"${value.replace(/"/g, '""')}"` : value;
}

/** A portfolio CSV as a spreadsheet exports it: a header row and `rows` apps, ~200 teams. */
export function generatePortfolioCsv(rows: number, seed = 1): string {
  const random = seededRandom(seed);
  const lines = [
    'Name,Team,Stage,Business value,Technical feasibility,Selected on,First deploy on,In production on,CMDB id,Description',
  ];
  for (let i = 1; i <= rows; i++) {
    const d = datesFor(random);
    const scored = random() < 0.8;
    lines.push(
      [
        appName(i, random),
        `Team ${pad(Math.floor(random() * 200), 3)}`,
        APP_STAGE_LABELS[d.stage],
        scored ? String(1 + Math.floor(random() * 41) / 10) : '',
        scored ? String(1 + Math.floor(random() * 5)) : '',
        d.selectedOn ?? '',
        d.firstDeployOn ?? '',
        d.productionOn ?? '',
        `CI-${pad(i, 6)}`,
        `Serves ${pick(random, WORDS)}, "${pick(random, WORDS)}" and ${pick(random, WORDS)} for the business.`,
      ]
        .map(csvCell)
        .join(','),
    );
  }
  return `${lines.join('\r\n')}\r\n`;
}

const CRITICALITY = ['1 - most critical', '2 - somewhat critical', '3 - less critical', '4 - not critical'];
const INSTALL_STATUS = ['Installed', 'In Maintenance', 'Pipeline', 'Retired'];

/**
 * A ServiceNow CMDB export of `rows` business applications, as its list view exports them:
 * snake_case headers, ~200 support groups, criticality as text (four values) that the import
 * wizard maps to business values.
 */
export function generateCmdbCsv(rows: number, seed = 3): string {
  const random = seededRandom(seed);
  const lines = [
    'sys_id,number,name,short_description,business_criticality,owned_by,support_group,install_status',
  ];
  for (let i = 1; i <= rows; i++) {
    const name = appName(i, random);
    lines.push(
      [
        (i * 2654435761).toString(16).padStart(32, '0'),
        `APM${pad(i, 7)}`,
        name,
        `${name} for ${pick(random, WORDS)} and ${pick(random, WORDS)}`,
        pick(random, CRITICALITY),
        `Owner ${pad(Math.floor(random() * 500), 3)}`,
        `Support ${pad(Math.floor(random() * 200), 3)}`,
        pick(random, INSTALL_STATUS),
      ]
        .map(csvCell)
        .join(','),
    );
  }
  return `${lines.join('\r\n')}\r\n`;
}

/**
 * A Backstage catalog of `entities` documents: 70% Components, 6% Groups, the rest APIs,
 * Systems and Resources, written the way Backstage documents them.
 */
export function generateCatalog(entities: number, seed = 2): string {
  const random = seededRandom(seed);
  const groups = Math.max(1, Math.round(entities * 0.06));
  const docs: string[] = [];
  for (let g = 0; g < groups; g++) {
    docs.push(
      [
        'apiVersion: backstage.io/v1alpha1',
        'kind: Group',
        'metadata:',
        `  name: team-${pad(g, 3)}`,
        `  description: The ${pick(random, WORDS)} team.`,
        'spec:',
        '  type: team',
        '  profile:',
        `    displayName: Team ${pad(g, 3)}`,
        '  children: []',
      ].join('\n'),
    );
  }
  const components = Math.round(entities * 0.7);
  for (let i = 0; i < components; i++) {
    const name = `${pick(random, WORDS)}-${pick(random, WORDS)}-${pad(i)}`;
    docs.push(
      [
        'apiVersion: backstage.io/v1alpha1',
        'kind: Component',
        'metadata:',
        `  name: ${name}`,
        ...(random() < 0.5 ? [`  title: ${name.replace(/-/g, ' ')}`] : []),
        ...(random() < 0.3 ? ['  namespace: retail'] : []),
        `  description: Handles ${pick(random, WORDS)} for ${pick(random, WORDS)}.`,
        '  annotations:',
        `    github.com/project-slug: acme/${name}`,
        '  tags: [java, spring]',
        'spec:',
        '  type: service',
        `  lifecycle: ${pick(random, ['production', 'experimental', 'deprecated'])}`,
        `  owner: group:default/team-${pad(Math.floor(random() * groups), 3)}`,
        `  system: ${pick(random, WORDS)}`,
      ].join('\n'),
    );
  }
  for (let i = docs.length; i < entities; i++) {
    const kind = pick(random, ['API', 'System', 'Resource']);
    docs.push(
      [
        'apiVersion: backstage.io/v1alpha1',
        `kind: ${kind}`,
        'metadata:',
        `  name: ${kind.toLowerCase()}-${pad(i)}`,
        'spec:',
        `  owner: team-${pad(Math.floor(random() * groups), 3)}`,
        ...(kind === 'API'
          ? ['  type: openapi', '  lifecycle: production', '  definition: "openapi: 3.0.0"']
          : []),
      ].join('\n'),
    );
  }
  return `${docs.join('\n---\n')}\n`;
}

/** `count` stored apps with ids, teams, cycles and golden paths, for the table and ranking benchmarks. */
export function generateApps(count: number, seed = 3) {
  const random = seededRandom(seed);
  const id = (prefix: number, i: number) => `00000000-0000-4000-8${prefix}00-${pad(i, 12)}`;
  const teams = Array.from({ length: 200 }, (_, i) => ({ id: id(1, i), name: `Team ${pad(i, 3)}` }));
  const cycles = Array.from({ length: 12 }, (_, i) => ({ id: id(2, i), index: i, name: '' }));
  const goldenPaths = Array.from({ length: 8 }, (_, i) => ({ id: id(3, i), name: `Golden path ${i + 1}` }));
  const now = '2026-01-01T00:00:00.000Z';
  const apps: App[] = Array.from({ length: count }, (_, i) => {
    const d = datesFor(random);
    const scored = random() < 0.8;
    return {
      id: id(4, i),
      createdAt: now,
      updatedAt: now,
      name: appName(i, random),
      teamId: random() < 0.9 ? pick(random, teams).id : null,
      description: `Serves ${pick(random, WORDS)} and ${pick(random, WORDS)}.`,
      businessScore: scored ? 1 + Math.floor(random() * 41) / 10 : null,
      technicalScore: scored ? 1 + Math.floor(random() * 41) / 10 : null,
      criteriaScores: {},
      stage: d.stage,
      cycleId: d.stage === 'candidate' ? null : pick(random, cycles).id,
      selectedOn: d.selectedOn,
      firstDeployOn: d.firstDeployOn,
      productionOn: d.productionOn,
      goldenPathIds: goldenPaths.filter(() => random() < 0.2).map((g) => g.id),
      externalId: `CI-${pad(i, 6)}`,
      lifecycle: 'production',
      system: pick(random, WORDS),
    };
  });
  return { apps, teams, cycles, goldenPaths };
}
