/**
 * The Marketing area's addresses: `#/marketing?<filters>` lists the activities (`kind`, `cycle`
 * — a cycle id, or `none` for outside every cycle — and `q`), `#/marketing/new` logs one,
 * `#/marketing/<id>` edits one, `#/marketing/cycles` shows marketing per cycle beside the apps
 * onboarded in the cycle after. Filters in the address: every count can open its list, and a
 * filtered list can be linked and reloaded.
 */
import {
  MARKETING_KINDS,
  NO_ACTIVITY_FILTER,
  type ActivityFilter,
  type MarketingKind,
} from '../../../shared/domain';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

export type MarketingRoute =
  | { kind: 'list'; filter: ActivityFilter }
  | { kind: 'new'; filter: ActivityFilter }
  | { kind: 'edit'; id: string; filter: ActivityFilter }
  | { kind: 'cycles' }
  | { kind: 'unknown' };

export function filterFromQuery(query: string): ActivityFilter {
  const params = new URLSearchParams(query);
  const kind = params.get('kind') ?? '';
  const cycle = params.get('cycle') ?? '';
  return {
    kind: (MARKETING_KINDS as readonly string[]).includes(kind) ? (kind as MarketingKind) : '',
    cycleId: cycle === 'none' || UUID.test(cycle) ? cycle : '',
    text: params.get('q') ?? '',
  };
}

export function queryOfFilter(filter: Partial<ActivityFilter>): string {
  const params = new URLSearchParams();
  if (filter.kind) params.set('kind', filter.kind);
  if (filter.cycleId) params.set('cycle', filter.cycleId);
  if (filter.text) params.set('q', filter.text);
  return params.toString();
}

/** Reads a route (`marketing/new?kind=training`, without '#/'). */
export function parseMarketingRoute(route: string): MarketingRoute {
  const [path = '', query = ''] = route.split('?', 2);
  const segment = path.split('/')[1] ?? '';
  const filter = filterFromQuery(query);
  if (segment === '') return { kind: 'list', filter };
  if (segment === 'new') return { kind: 'new', filter };
  if (segment === 'cycles') return { kind: 'cycles' };
  if (UUID.test(segment)) return { kind: 'edit', id: segment, filter };
  return { kind: 'unknown' };
}

/** The route of the list with a filter, without '#/'. */
export function listRoute(filter: Partial<ActivityFilter> = NO_ACTIVITY_FILTER): string {
  const query = queryOfFilter(filter);
  return `marketing${query ? `?${query}` : ''}`;
}

/** The route of one activity's form over the list as filtered. */
export function activityRoute(id: string, filter: Partial<ActivityFilter> = NO_ACTIVITY_FILTER): string {
  const query = queryOfFilter(filter);
  return `marketing/${id}${query ? `?${query}` : ''}`;
}

export function newRoute(filter: Partial<ActivityFilter> = NO_ACTIVITY_FILTER): string {
  const query = queryOfFilter(filter);
  return `marketing/new${query ? `?${query}` : ''}`;
}
