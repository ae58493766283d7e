/**
 * The Metrics area's addresses: `#/metrics` (the grid), `#/metrics/readings?metric=<key>&date=<yyyy-MM-dd>`
 * (one metric's readings, with a date brought into view: where the overview's tiles and chart
 * rows lead), `#/metrics/manage` (the metrics themselves) and `#/metrics/import`.
 */
import { isIsoDate, type IsoDate } from '../../../shared/domain';

export const VIEWS = [
  { view: '', label: 'Readings' },
  { view: 'manage', label: 'Metrics' },
  { view: 'import', label: 'Import' },
] as const;

export type MetricsRoute =
  | { kind: 'grid'; metric: string | null; date: IsoDate | null }
  | { kind: 'manage' }
  | { kind: 'import' }
  | { kind: 'unknown' };

/** Reads a route (`metrics/manage`, `metrics?metric=clusters`, without '#/'). */
export function parseMetricsRoute(route: string): MetricsRoute {
  const [path = '', query = ''] = route.split('?', 2);
  const segment = path.split('/')[1] ?? '';
  if (segment === '' || segment === 'readings') {
    const params = new URLSearchParams(query);
    const metric = params.get('metric');
    const date = params.get('date');
    return {
      kind: 'grid',
      metric: metric && /^[a-z0-9-]+$/.test(metric) ? metric : null,
      date: date && isIsoDate(date) ? date : null,
    };
  }
  if (segment === 'manage') return { kind: 'manage' };
  if (segment === 'import') return { kind: 'import' };
  return { kind: 'unknown' };
}

/** The link to a metric's readings, with a date brought into view. */
export function readingsHref(metric?: string | null, date?: IsoDate | null): string {
  const params = new URLSearchParams();
  if (metric) params.set('metric', metric);
  if (date) params.set('date', date);
  const query = params.toString();
  // The query goes after a path segment: the area is the route's first segment (ui store areaOf).
  return query ? `#/metrics/readings?${query}` : '#/metrics';
}
