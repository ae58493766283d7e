/**
 * The Apps area: the portfolio table, the pipeline board, the feasibility matrix, the scoring
 * grid, golden paths, the feasibility criteria, the import wizard, and one app's page. The view comes from the hash
 * route (`#/apps`, `#/apps/board`, `#/apps/<id>`, …) so every view can be linked and reloaded.
 */
import { lazy, Suspense } from 'react';
import { AppPage } from './AppPage';
import { AppsTable } from './AppsTable';
import { count } from './parts';
import { useAppsData } from './data/queries';
import { ViewTabs } from '../../ui/ViewTabs';
import './apps.css';

// Views with heavy dependencies (recharts, papaparse, yaml) load when first opened.
const PipelineBoard = lazy(() => import('./PipelineBoard'));
const FeasibilityView = lazy(() => import('./FeasibilityView'));
const ScoringGrid = lazy(() => import('./ScoringGrid'));
const GoldenPathsView = lazy(() => import('./GoldenPathsView'));
const CriteriaEditor = lazy(() => import('./CriteriaEditor'));
const ImportWizard = lazy(() => import('./ImportWizard'));

const TABS = [
  { view: '', label: 'Table' },
  { view: 'board', label: 'Pipeline' },
  { view: 'matrix', label: 'Feasibility' },
  { view: 'scoring', label: 'Scoring' },
  { view: 'golden-paths', label: 'Golden paths' },
  { view: 'criteria', label: 'Criteria' },
  { view: 'import', label: 'Import' },
] as const;

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

export default function AppsScreen({ route }: { route: string }) {
  const view = route.split('/')[1] ?? '';
  const data = useAppsData();

  const isApp = view === 'new' || UUID.test(view);
  const known = isApp || TABS.some((t) => t.view === view);

  return (
    <div className="apps-screen">
      <header className="page-header">
        <div>
          <h1>Apps</h1>
          <p>
            {data
              ? `${count(data.apps.length, 'app')} in the portfolio. Pick them by feasibility, select them into cycles, follow them to the platform.`
              : 'Loading the portfolio…'}
          </p>
        </div>
        <div className="toolbar">
          <a className="button primary" href="#/apps/new">
            + New app
          </a>
        </div>
      </header>

      <ViewTabs area="apps" label="Apps views" tabs={TABS} current={view} />

      {!data ? (
        <div role="status" className="empty">
          Loading apps…
        </div>
      ) : (
        <Suspense
          fallback={
            <div role="status" className="empty">
              Loading…
            </div>
          }
        >
          {view === '' && <AppsTable data={data} />}
          {view === 'board' && <PipelineBoard data={data} />}
          {view === 'matrix' && <FeasibilityView data={data} />}
          {view === 'scoring' && <ScoringGrid data={data} />}
          {view === 'golden-paths' && <GoldenPathsView data={data} />}
          {view === 'criteria' && <CriteriaEditor data={data} />}
          {view === 'import' && <ImportWizard data={data} />}
          {isApp && <AppPage data={data} appId={view === 'new' ? null : view} />}
          {!known && (
            <div className="card empty" role="status">
              <h2>There is no such page</h2>
              <a href="#/apps">Back to all apps</a>
            </div>
          )}
        </Suspense>
      )}
    </div>
  );
}
