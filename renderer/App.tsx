/**
 * The app frame: navigation, theme, the first-start gate (no program yet → welcome screen),
 * the current area (an address that names none gets a not-found page, `#/` and no address the
 * default area), and the toasts. Also turns unexpected errors into a message, never a blank screen,
 * and says so when this window can no longer use its data (upgraded in another window, or
 * stored by a newer version of the app).
 */
import { Suspense, useEffect } from 'react';
import { useProgram } from './db/workspace-queries';
import { AREAS, CONTRIBUTIONS, DEFAULT_AREA, preloadAreasWhenQuiet } from './areas';
import { ContributionsProvider, Slot } from './ui/contributions';
import { areaOf, routeFromHash, useUi } from './store/ui';
import { ErrorBoundary } from './ui/ErrorBoundary';
import { NotFound } from './ui/NotFound';
import { Toasts } from './ui/Toasts';
import { ThemeToggle, useApplyTheme } from './ui/theme';
import { describeError } from './db/errors';
import { WelcomeScreen } from './features/plan/WelcomeScreen';
import { useDatabase } from './db/DatabaseContext';
import { useConnectionState } from './db/connection';
import { ConnectionNotice } from './ui/ConnectionNotice';
import { rememberProgram } from './store/program-hint';

export function App() {
  const connection = useConnectionState(useDatabase());
  if (connection.kind === 'opening') return <OpeningData />;
  // A closed connection fails every read and write: the notice replaces the screens, which
  // would only show those failures, and says to reload.
  if (connection.kind !== 'open') return <ConnectionNotice state={connection} />;
  return <Workspace />;
}

function OpeningData() {
  return (
    <div className="app-loading" role="status" aria-live="polite">
      Opening your data…
    </div>
  );
}

function Workspace() {
  const route = useUi((s) => s.route);
  const setRoute = useUi((s) => s.setRoute);
  const toast = useUi((s) => s.toast);
  useApplyTheme();

  useEffect(() => {
    const onHash = () => setRoute(routeFromHash(location.hash));
    const onRejection = (event: PromiseRejectionEvent) => {
      toast({ kind: 'error', text: describeError(event.reason) });
    };
    window.addEventListener('hashchange', onHash);
    window.addEventListener('unhandledrejection', onRejection);
    return () => {
      window.removeEventListener('hashchange', onHash);
      window.removeEventListener('unhandledrejection', onRejection);
    };
  }, [setRoute, toast]);

  // undefined while loading, null when there is no program yet.
  const program = useProgram();
  const hasProgram = program === undefined ? undefined : program !== null;
  useEffect(() => {
    if (hasProgram !== undefined) rememberProgram(hasProgram);
    // Once a program exists, the other areas' code loads while the page is quiet.
    return hasProgram ? preloadAreasWhenQuiet() : undefined;
  }, [hasProgram]);

  if (program === undefined) return <OpeningData />;

  const areaId = areaOf(route) || DEFAULT_AREA;
  // undefined for an address that names no area: said so, never silently another screen.
  const area = AREAS.find((a) => a.id === areaId);

  return (
    <ContributionsProvider value={CONTRIBUTIONS}>
      <div className="app-frame">
        <a className="skip-link" href="#main">
          Skip to content
        </a>
        <nav className="sidebar" aria-label="Areas">
          <div className="brand">
            <span className="brand-mark" aria-hidden="true">
              ◆
            </span>
            <span>
              <strong>Platform Adoption</strong>
              <small>{program ? program.platformName : 'Tracker'}</small>
            </span>
          </div>
          {program && (
            <ul>
              {AREAS.map((a) => (
                <li key={a.id}>
                  <a
                    href={`#/${a.id}`}
                    title={a.description}
                    aria-current={a.id === area?.id ? 'page' : undefined}
                    className={a.id === area?.id ? 'active' : undefined}
                  >
                    {a.label}
                  </a>
                </li>
              ))}
            </ul>
          )}
          <div className="sidebar-footer">
            <ThemeToggle />
          </div>
        </nav>
        <main id="main" className="main" tabIndex={-1}>
          <ErrorBoundary key={program ? (area?.id ?? 'not-found') : 'welcome'}>
            {program && !area ? (
              <NotFound address={route} areas={AREAS} />
            ) : program && area ? (
              <Suspense fallback={<div role="status">Loading…</div>}>
                <area.screen route={route} />
              </Suspense>
            ) : (
              <WelcomeScreen />
            )}
          </ErrorBoundary>
        </main>
        {program && <Slot name="global" props={{}} />}
        <Toasts />
      </div>
    </ContributionsProvider>
  );
}
