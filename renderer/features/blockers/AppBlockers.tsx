/**
 * An app's blockers, on the app's page (Apps area, appDetail slot): the unresolved ones, oldest
 * first with their days open, how many are resolved, and a link to log one on this app. Reads
 * its own data, so it can be placed wherever an app is shown.
 */
import { BLOCKER_STATUS_LABELS } from '../../../shared/domain';
import { ageing } from '../../../shared/domain/blocker-stats';
import { useAppBlockers } from './data/queries';
import { count, days, SeverityBadge, StatusBadge, today } from './parts';
import { blockerHref, registerHref } from './route';
import './panels.css';

export default function AppBlockers({ appId }: { appId: string }) {
  const blockers = useAppBlockers(appId);
  const headingId = `app-blockers-${appId}`;
  if (!blockers) {
    return (
      <p className="muted" role="status">
        Loading the app’s blockers…
      </p>
    );
  }
  const open = ageing(blockers, today());
  const resolved = blockers.length - open.length;
  return (
    <section className="card blocker-panel" aria-labelledby={headingId}>
      <header className="blocker-panel-header">
        <h3 id={headingId}>Blockers</h3>
        <span
          className={`badge ${open.length ? 'badge-warning' : 'badge-active'}`}
          data-testid="app-open-blockers"
        >
          {open.length ? `${count(open.length, 'open blocker')}` : 'Nothing blocks it'}
        </span>
      </header>
      {open.length > 0 ? (
        <ul className="blocker-panel-list" aria-label="Unresolved blockers of this app">
          {open.map(({ blocker: b, days: d }) => (
            <li key={b.id}>
              <a href={blockerHref(b.id)}>{b.title}</a> <SeverityBadge severity={b.severity} />{' '}
              <StatusBadge status={b.status} />
              <span className="muted">
                {' '}
                · {BLOCKER_STATUS_LABELS[b.status].toLowerCase()}, open {days(d)}
              </span>
            </li>
          ))}
        </ul>
      ) : (
        <p className="muted">No unresolved blocker on this app.</p>
      )}
      <p>
        <a href={`#/blockers/new?appId=${appId}`}>Log a blocker on this app</a>
        {blockers.length > 0 && (
          <>
            {' · '}
            <a href={registerHref({ appId })}>
              All {count(blockers.length, 'blocker')}
              {resolved > 0 && ` (${resolved} resolved)`}
            </a>
          </>
        )}
      </p>
    </section>
  );
}
