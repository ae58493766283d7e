/**
 * The composition root of the areas, in navigation order. Each area is one folder under
 * renderer/features/ and is added here: an id (the route's first segment), a label, its screen
 * (loaded lazily), and what it shows inside other areas' screens (ui/contributions). This is the
 * only module that knows every area; areas never import each other.
 */
import { lazy, type ComponentType, type LazyExoticComponent } from 'react';
import type { Contributions, ContributionSlots } from './ui/contributions';

export interface Area {
  id: string;
  label: string;
  /** One-line description, shown as the link's tooltip. */
  description: string;
  screen: LazyExoticComponent<ComponentType<{ route: string }>>;
  contributes?: { [S in keyof ContributionSlots]?: ContributionSlots[S] };
}

export const AREAS: readonly Area[] = [
  {
    id: 'plan',
    label: 'Plan',
    description: 'Program, phases and cycles, checklists and goals',
    screen: lazy(() => import('./features/plan/PlanScreen')),
  },
  {
    id: 'apps',
    label: 'Apps',
    description: 'Portfolio, feasibility matrix, onboarding pipeline, import',
    screen: lazy(() => import('./features/apps/AppsScreen')),
    contributes: {
      cycleDetail: lazy(() => import('./features/apps/CycleAppsSummary')),
    },
  },
  {
    id: 'pairing',
    label: 'Pairing',
    description: 'Assignments per cycle, the session log with quick entry (Ctrl+Shift+L), hours',
    screen: lazy(() => import('./features/pairing/PairingScreen')),
    contributes: {
      cycleDetail: lazy(() => import('./features/pairing/CyclePairingSummary')),
      global: lazy(() => import('./features/pairing/QuickEntry')),
    },
  },
  {
    id: 'data',
    label: 'Data',
    description: 'Back up, restore, demo data, start over',
    screen: lazy(() => import('./features/data/DataScreen')),
  },
];

export const DEFAULT_AREA = 'plan';

function gather<S extends keyof ContributionSlots>(slot: S): ContributionSlots[S][] {
  return AREAS.flatMap((a) => {
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
