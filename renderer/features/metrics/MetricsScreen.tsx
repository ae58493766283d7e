/**
 * The Metrics area ("speeds and feeds"): the platform's numbers by date — the deck's nine
 * (production apps, container workloads, running memory, deployments and OS repaves per day,
 * clusters, pools, data centers, servers) and the program's own — typed into a grid, imported
 * from a CSV, and drawn on the leadership overview (MetricTiles, MetricsChart). Routes:
 * `#/metrics[?metric=&date=]`, `#/metrics/manage`, `#/metrics/import` (route.ts).
 */
import { lazy, Suspense } from 'react';
import { PageHeader } from '../../ui/PageHeader';
import { ViewTabs } from '../../ui/ViewTabs';
import { ManageMetrics } from './ManageMetrics';
import { ReadingsView } from './ReadingsView';
import { parseMetricsRoute, VIEWS } from './route';
import './metrics.css';

// The import wizard (papaparse) loads when first opened.
const ImportMetrics = lazy(() => import('./ImportMetrics'));

export default function MetricsScreen({ route }: { route: string }) {
  const parsed = parseMetricsRoute(route);
  const current = parsed.kind === 'manage' ? 'manage' : parsed.kind === 'import' ? 'import' : '';
  return (
    <div className="metrics-screen">
      <PageHeader
        title="Metrics"
        summary="Speeds and feeds: the platform’s numbers by date, typed in or imported, for the overview’s tiles and charts."
      />
      <ViewTabs area="metrics" label="Metrics views" tabs={VIEWS} current={current} />
      <Suspense
        fallback={
          <div role="status" className="empty">
            Loading…
          </div>
        }
      >
        {parsed.kind === 'grid' && <ReadingsView key={route} metric={parsed.metric} date={parsed.date} />}
        {parsed.kind === 'manage' && <ManageMetrics />}
        {parsed.kind === 'import' && <ImportMetrics />}
        {parsed.kind === 'unknown' && (
          <div className="card empty" role="status">
            <h2>There is no such page</h2>
            <a href="#/metrics">Back to the readings</a>
          </div>
        )}
      </Suspense>
    </div>
  );
}
