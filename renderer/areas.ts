/**
 * The areas of the app, in navigation order. Each later issue adds its area here: an id (the
 * route's first segment), a label, and the screen component, loaded lazily.
 */
import { lazy, type ComponentType, type LazyExoticComponent } from 'react';

export interface Area {
  id: string;
  label: string;
  /** One-line description, shown as the link's tooltip. */
  description: string;
  screen: LazyExoticComponent<ComponentType<{ route: string }>>;
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
  },
  {
    id: 'data',
    label: 'Data',
    description: 'Back up, restore, demo data, start over',
    screen: lazy(() => import('./features/data/DataScreen')),
  },
];

export const DEFAULT_AREA = 'plan';
