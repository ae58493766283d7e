/**
 * The Pairing area: the session log (with quick entry), hours per person, app, team, cycle and
 * topic, the assignments board of a cycle, and the onboarding apps nobody paired on lately. The
 * view comes from the hash route (`#/pairing`, `#/pairing/hours`, `#/pairing/board`,
 * `#/pairing/stale`, `#/pairing/stale/<cycle id>`), so each can be linked and reloaded.
 */
import { lazy, Suspense, useEffect } from 'react';
import { useDatabase } from '../../db/DatabaseContext';
import { prepareSessionReads } from './data/session-reads';
import { QUICK_ENTRY_KEYS } from './QuickEntryShortcut';
import { usePairingUi } from './pairing-store';
import { SessionLog } from './SessionLog';
import './pairing.css';

const HoursView = lazy(() => import('./HoursView'));
const AssignmentsBoard = lazy(() => import('./AssignmentsBoard'));
const StaleAppsView = lazy(() => import('./StaleAppsView'));

const TABS = [
  { view: '', label: 'Session log' },
  { view: 'hours', label: 'Hours' },
  { view: 'board', label: 'Assignments' },
  { view: 'stale', label: 'Stale apps' },
] as const;

export default function PairingScreen({ route }: { route: string }) {
  const view = route.split('/')[1] ?? '';
  const openQuickEntry = usePairingUi((s) => s.openQuickEntry);
  const known = TABS.some((t) => t.view === view);
  const database = useDatabase();
  useEffect(() => prepareSessionReads(database.name), [database]);
  return (
    <div className="pairing-screen">
      <header className="page-header">
        <div>
          <h1>Pairing</h1>
          <p>
            Who pairs and seeds where, each cycle; the sessions advocates log, and the hours they add up to.
          </p>
        </div>
        <div className="toolbar">
          <button
            type="button"
            className="primary"
            aria-keyshortcuts="Control+Shift+L"
            onClick={() => openQuickEntry()}
          >
            Log a session <kbd>{QUICK_ENTRY_KEYS}</kbd>
          </button>
        </div>
      </header>
      <nav className="pairing-tabs" aria-label="Pairing views">
        {TABS.map((t) => {
          const current = t.view === view;
          return (
            <a
              key={t.view}
              href={t.view ? `#/pairing/${t.view}` : '#/pairing'}
              aria-current={current ? 'page' : undefined}
              className={current ? 'active' : undefined}
            >
              {t.label}
            </a>
          );
        })}
      </nav>
      <Suspense
        fallback={
          <div role="status" className="empty">
            Loading…
          </div>
        }
      >
        {view === '' && <SessionLog />}
        {view === 'hours' && <HoursView />}
        {view === 'board' && <AssignmentsBoard />}
        {view === 'stale' && <StaleAppsView cycleId={route.split('/')[2] || null} />}
        {!known && (
          <div className="card empty" role="status">
            <h2>There is no such page</h2>
            <a href="#/pairing">Back to the session log</a>
          </div>
        )}
      </Suspense>
    </div>
  );
}
