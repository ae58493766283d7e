/**
 * The Blockers area: the register (every blocker, filtered and sorted), the board by category and
 * status, the trends (category × severity, ageing, open over time, time to resolve), the RAID-log
 * import, and one blocker's page. The view and its filters come from the hash route
 * (`#/blockers/board?category=…`), so every view and every list a count opens can be linked.
 */
import { lazy, Suspense } from 'react';
import { useBlockerLookups } from './data/queries';
import { FilterBar } from './FilterBar';
import { parseBlockersRoute, VIEWS, viewRoute } from './route';
import { Register } from './Register';
import { BlockerPage } from './BlockerPage';
import './blockers.css';

// Views with heavy dependencies (recharts, papaparse) load when first opened.
const Board = lazy(() => import('./Board'));
const Trends = lazy(() => import('./Trends'));
const ImportBlockers = lazy(() => import('./ImportBlockers'));

export default function BlockersScreen({ route }: { route: string }) {
  const parsed = parseBlockersRoute(route);
  const lookups = useBlockerLookups();
  const current = parsed.kind === 'view' ? parsed.view : null;
  // Switching views keeps the filters: the board and the trends of what the register lists.
  const query = parsed.kind === 'view' && parsed.view !== 'import' ? parsed.query : '';

  return (
    <div className="blockers-screen">
      <header className="page-header">
        <div>
          <h1>Blockers</h1>
          <p>What blocks adoption, in which category, for how long — and whether it is getting better.</p>
        </div>
        <div className="toolbar">
          <a className="button primary" href="#/blockers/new">
            + Log a blocker
          </a>
        </div>
      </header>

      <nav className="blockers-tabs" aria-label="Blockers views">
        {VIEWS.map((v) => {
          const active = v.view === current;
          const href = `#/${viewRoute(v.view)}${query && v.view !== 'import' ? `?${query}` : ''}`;
          return (
            <a
              key={v.view}
              href={href}
              aria-current={active ? 'page' : undefined}
              className={active ? 'active' : undefined}
            >
              {v.label}
            </a>
          );
        })}
      </nav>

      {!lookups ? (
        <div role="status" className="empty">
          Loading blockers…
        </div>
      ) : (
        <Suspense
          fallback={
            <div role="status" className="empty">
              Loading…
            </div>
          }
        >
          {parsed.kind === 'view' && parsed.view !== 'import' && (
            <FilterBar view={parsed.view} filters={parsed.filters} lookups={lookups} />
          )}
          {parsed.kind === 'view' && parsed.view === 'register' && (
            <Register filters={parsed.filters} lookups={lookups} />
          )}
          {parsed.kind === 'view' && parsed.view === 'board' && (
            <Board filters={parsed.filters} lookups={lookups} />
          )}
          {parsed.kind === 'view' && parsed.view === 'trends' && (
            <Trends filters={parsed.filters} lookups={lookups} />
          )}
          {parsed.kind === 'view' && parsed.view === 'import' && <ImportBlockers lookups={lookups} />}
          {parsed.kind === 'new' && (
            <BlockerPage key="new" id={null} appId={parsed.appId} lookups={lookups} />
          )}
          {parsed.kind === 'blocker' && (
            <BlockerPage key={parsed.id} id={parsed.id} appId={null} lookups={lookups} />
          )}
          {parsed.kind === 'unknown' && (
            <div className="card empty" role="status">
              <h2>There is no such page</h2>
              <a href="#/blockers">Back to the register</a>
            </div>
          )}
        </Suspense>
      )}
    </div>
  );
}
