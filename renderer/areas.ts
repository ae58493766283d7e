/**
 * The composition root of the areas, in navigation order. Each area is one folder under
 * renderer/features/ and is added here: an id (the route's first segment), a label, its screen
 * (loaded lazily), and what it shows inside other areas' screens (ui/contributions). This is the
 * only module that knows every area; areas never import each other.
 */
import QuickEntryShortcut from './features/pairing/QuickEntryShortcut';
import { areaOf } from './store/ui';
import { preload, preloadable, type Preloadable } from './ui/preloadable';
import { inQuietTurns } from './ui/when-quiet';
import type { Contributions, ContributionSlots } from './ui/contributions';
import type { AdoptionDatabase } from './db/database';

export interface Area {
  id: string;
  label: string;
  /** One-line description, shown as the link's tooltip. */
  description: string;
  screen: Preloadable<{ route: string }>;
  contributes?: { [S in keyof ContributionSlots]?: ContributionSlots[S] };
  /**
   * Where this area's contributions stand among the others' in every slot: lower first (the
   * adoption story leads the overview); areas without one follow, in navigation order.
   */
  contributionRank?: number;
}

export const AREAS: readonly Area[] = [
  {
    id: 'overview',
    label: 'Overview',
    description: 'Adoption over time against plan, headline numbers from every area, the one-page report',
    screen: preloadable(() => import('./features/overview/OverviewScreen')),
  },
  {
    id: 'plan',
    label: 'Plan',
    description: 'Program, phases and cycles, checklists and goals',
    screen: preloadable(() => import('./features/plan/PlanScreen')),
    contributes: {
      overviewCharts: preloadable(() => import('./features/plan/OverviewForecast')),
    },
  },
  {
    id: 'apps',
    label: 'Apps',
    description: 'Portfolio, feasibility matrix, onboarding pipeline, import',
    screen: preloadable(() => import('./features/apps/AppsScreen')),
    contributionRank: 0,
    contributes: {
      cycleDetail: preloadable(() => import('./features/apps/CycleAppsSummary')),
      overviewTiles: preloadable(() => import('./features/apps/overview/AdoptionTiles')),
      overviewCharts: preloadable(() => import('./features/apps/overview/AdoptionOverTime')),
    },
  },
  {
    id: 'people',
    label: 'People',
    description: 'Teams by kind, people with their roles and who can seed, the knowledge map, import',
    screen: preloadable(() => import('./features/people/PeopleScreen')),
    contributes: {
      cycleDetail: preloadable(() => import('./features/people/PlatformStaffing')),
    },
  },
  {
    id: 'pairing',
    label: 'Pairing',
    description: 'Assignments per cycle, the session log with quick entry (Ctrl+Shift+L), hours',
    screen: preloadable(() => import('./features/pairing/PairingScreen')),
    contributes: {
      cycleDetail: preloadable(() => import('./features/pairing/CyclePairingSummary')),
      // Not lazy: a shortcut pressed while the area's code loads would be lost (the dialog is lazy).
      global: QuickEntryShortcut,
      overviewTiles: preloadable(() => import('./features/pairing/OverviewPairingTile')),
      overviewCharts: preloadable(() => import('./features/pairing/OverviewPairingChart')),
    },
  },
  {
    id: 'blockers',
    label: 'Blockers',
    description: 'Register, board by category, ageing and trends, RAID-log import',
    screen: preloadable(() => import('./features/blockers/BlockersScreen')),
    contributes: {
      appDetail: preloadable(() => import('./features/blockers/AppBlockers')),
      cycleDetail: preloadable(() => import('./features/blockers/CycleBlockers')),
      overviewTiles: preloadable(() => import('./features/blockers/OverviewBlockersTile')),
      overviewCharts: preloadable(() => import('./features/blockers/OverviewBlockersChart')),
    },
  },
  {
    id: 'value-streams',
    label: 'Value streams',
    description: 'Each app’s path to production mapped, versions compared, improvements listed',
    screen: preloadable(() => import('./features/value-streams/ValueStreamsScreen')),
    contributes: {
      appDetail: preloadable(() => import('./features/value-streams/AppValueStreams')),
      overviewCharts: preloadable(() => import('./features/value-streams/OverviewLeadTimes')),
    },
  },
  {
    id: 'toil',
    label: 'Toil audits',
    description:
      'The deck’s developer toil survey per team: responses typed or imported, results, comparisons, heat map',
    screen: preloadable(() => import('./features/toil/ToilScreen')),
    contributes: {
      overviewCharts: preloadable(() => import('./features/toil/OverviewToilChart')),
    },
  },
  {
    id: 'marketing',
    label: 'Marketing',
    description:
      'Newsletters, demo days, office hours, cloud parties: reach per cycle beside the apps onboarded next',
    screen: preloadable(() => import('./features/marketing/MarketingScreen')),
  },
  {
    id: 'dx',
    label: 'DX assessment',
    description:
      'The fifteen points of a successful developer experience, scored per cycle, as a radar across cycles',
    screen: preloadable(() => import('./features/dx/DxScreen')),
  },
  {
    id: 'metrics',
    label: 'Metrics',
    description: 'Speeds and feeds by date: typed into a grid or imported from CSV, drawn on the overview',
    screen: preloadable(() => import('./features/metrics/MetricsScreen')),
    contributes: {
      overviewTiles: preloadable(() => import('./features/metrics/MetricTiles')),
      overviewCharts: preloadable(() => import('./features/metrics/MetricsChart')),
    },
  },
  {
    id: 'data',
    label: 'Data',
    description: 'Back up, restore, demo data, start over',
    screen: preloadable(() => import('./features/data/DataScreen')),
    contributes: {
      global: preloadable(() => import('./features/data/DailyBackup')),
    },
  },
];

/** The first screen once a program exists: the leadership overview. */
export const DEFAULT_AREA = 'overview';

function gather<S extends keyof ContributionSlots>(slot: S): ContributionSlots[S][] {
  const ranked = AREAS.map((a, i) => ({ a, rank: a.contributionRank ?? AREAS.length + i })).sort(
    (x, y) => x.rank - y.rank,
  );
  return ranked.flatMap(({ a }) => {
    const panel = a.contributes?.[slot] as ContributionSlots[S] | undefined;
    return panel ? [panel] : [];
  });
}

/** Every area's contributions, gathered per slot in navigation order. */
export const CONTRIBUTIONS: Contributions = {
  cycleDetail: gather('cycleDetail'),
  appDetail: gather('appDetail'),
  overviewTiles: gather('overviewTiles'),
  overviewCharts: gather('overviewCharts'),
  global: gather('global'),
};

/** The contribution slots each area's screen shows as it is first drawn. */
const FIRST_SLOTS: Partial<Record<string, readonly (keyof ContributionSlots)[]>> = {
  overview: ['overviewTiles', 'overviewCharts'],
  plan: ['cycleDetail'],
};

/**
 * Starts loading the code of the screen at `route` (an area's first segment, or none for the
 * default area) and of the lead contribution of each slot it shows first (a staged Slot draws
 * its lead first): the app calls it while IndexedDB opens, so the first screen does not wait for
 * the database and then for its code. Given the database, a lead whose module exports `warm`
 * also starts its reads then (ui/preloadable.ts).
 */
export function preloadScreen(route: string, database?: AdoptionDatabase): void {
  const area = AREAS.find((a) => a.id === (areaOf(route) || DEFAULT_AREA));
  if (!area) return;
  preload(area.screen, database);
  for (const slot of FIRST_SLOTS[area.id] ?? []) preload(CONTRIBUTIONS[slot][0], database);
}

/**
 * Loads the code of every area's screen, in navigation order, then of every contribution, each
 * once the page is quiet (ui/when-quiet.ts): the first visit to an area then waits only for its
 * data, not for its code to arrive and compile. Code already loaded is not asked for again.
 * Returns a cancel function.
 */
export function preloadAreasWhenQuiet(): () => void {
  const contributions = Object.values(CONTRIBUTIONS).flat();
  return inQuietTurns(
    [...AREAS.map((a) => a.screen), ...contributions].map(
      (component) => () => (component as Partial<Preloadable<object>>).preload?.(),
    ),
  );
}
