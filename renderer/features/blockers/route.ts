/**
 * The Blockers area's addresses: `#/blockers/<view>?<filters>`, so every view, and every list of
 * blockers a count opens, can be linked, reloaded and gone back to. The register is the default
 * view (`#/blockers`); `#/blockers/new` logs one (`?appId=…` starts it on an app) and
 * `#/blockers/<id>` opens one.
 */
import {
  filtersFromQuery,
  queryOfFilters,
  type BlockerFilters,
} from '../../../shared/domain/blocker-filters';

export const VIEWS = [
  { view: 'register', label: 'Register' },
  { view: 'board', label: 'Board' },
  { view: 'trends', label: 'Trends' },
  { view: 'import', label: 'Import' },
] as const;
export type View = (typeof VIEWS)[number]['view'];

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

export type BlockersRoute =
  | { kind: 'view'; view: View; filters: BlockerFilters; query: string }
  | { kind: 'new'; appId: string | null }
  | { kind: 'blocker'; id: string }
  | { kind: 'unknown' };

/** Reads a route (`blockers/board?status=open`, without '#/'). */
export function parseBlockersRoute(route: string): BlockersRoute {
  const [path = '', query = ''] = route.split('?', 2);
  const segment = path.split('/')[1] ?? '';
  const filters = filtersFromQuery(query);
  if (segment === '') return { kind: 'view', view: 'register', filters, query };
  if (segment === 'new') {
    const appId = new URLSearchParams(query).get('appId');
    return { kind: 'new', appId: appId && UUID.test(appId) ? appId : null };
  }
  if (UUID.test(segment)) return { kind: 'blocker', id: segment };
  const view = VIEWS.find((v) => v.view === segment);
  return view ? { kind: 'view', view: view.view, filters, query } : { kind: 'unknown' };
}

/** The route of a view with filters, without '#/': `blockers/register?category=…`. */
export function viewRoute(view: View, filters: Partial<BlockerFilters> = {}): string {
  const query = queryOfFilters(filters);
  return `blockers/${view}${query ? `?${query}` : ''}`;
}

/** The link to the register listing the blockers `filters` select. */
export function registerHref(filters: Partial<BlockerFilters>): string {
  return `#/${viewRoute('register', filters)}`;
}

export function blockerHref(id: string): string {
  return `#/blockers/${id}`;
}
