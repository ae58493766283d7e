/**
 * A cycle's apps, for the cycle's page in Plan: the apps selected into it against the playbook's
 * range (initial phase: exactly one; scaling cycle: two to five), said plainly when outside it
 * (allowed, but flagged), and the cycle's median time to hello world. Reads its own data, so it
 * can be placed anywhere a cycle is shown.
 */
import {
  APP_STAGE_LABELS,
  countsTowardCycle,
  cycleSelectionCheck,
  medianTimeToHelloWorld,
  timeToHelloWorldDays,
  type Cycle,
} from '../../../shared/domain';
import { useMemo } from 'react';
import { openAppsTable } from '../../store/apps';
import { useLeadDrawn } from '../../ui/contributions';
import { useCycleApps } from './data/queries';
import { StageBadge, count, formatDays } from './parts';
import './cycle-apps-summary.css';
import './cycle-check.css';
import { collator } from '../../../shared/domain/app-table';

/**
 * The apps listed by name at most; a cycle of an enterprise program can hold hundreds (the
 * playbook advises two to five), and the table lists them all, filtered to the cycle.
 */
export const LISTED_APPS = 12;

export default function CycleAppsSummary({ cycle }: { cycle: Pick<Cycle, 'id' | 'phase' | 'index'> }) {
  const apps = useCycleApps(cycle.id);
  // The lead of the cycle's panels on Plan: the others follow once the apps are read.
  useLeadDrawn(apps !== undefined);
  const sorted = useMemo(() => apps && [...apps].sort((a, b) => collator.compare(a.name, b.name)), [apps]);
  if (!sorted)
    return (
      <p className="muted" role="status">
        Loading the cycle’s apps…
      </p>
    );

  const selected = sorted.filter((a) => countsTowardCycle(a, cycle.id));
  const others = sorted.filter((a) => !countsTowardCycle(a, cycle.id));
  const check = cycleSelectionCheck(cycle.phase, selected.length);
  const median = medianTimeToHelloWorld(selected);
  const headingId = `cycle-apps-${cycle.id}`;

  return (
    <section className="cycle-apps" aria-labelledby={headingId}>
      <header className="cycle-apps-header">
        <h3 id={headingId}>Apps selected</h3>
        <span
          className={`badge ${check.state === 'within' ? 'badge-active' : 'badge-warning'}`}
          data-testid="cycle-range"
        >
          {check.count} of {check.min === check.max ? check.min : `${check.min}–${check.max}`}
          {check.state === 'within' ? ' · within the playbook' : ' · outside the playbook'}
        </span>
      </header>
      <p
        className={`cycle-check cycle-check-${check.state}`}
        role={check.state === 'within' ? undefined : 'note'}
      >
        {check.message}
        {check.state === 'over' && ' That is allowed, but more than the playbook advises for one cycle.'}
        {check.state === 'under' && selected.length > 0 && ' Pick more on the feasibility matrix.'}
      </p>
      <p className="cycle-hello-world">
        <strong>Median time to hello world:</strong>{' '}
        {median === null ? (
          <span className="muted">no app has deployed to the platform yet</span>
        ) : (
          formatDays(median)
        )}
      </p>
      {selected.length > 0 ? (
        <ul className="cycle-app-list">
          {selected.slice(0, LISTED_APPS).map((app) => {
            const days = timeToHelloWorldDays(app);
            return (
              <li key={app.id}>
                <a href={`#/apps/${app.id}`}>{app.name}</a> <StageBadge stage={app.stage} />
                {days !== null && <span className="muted"> · hello world in {formatDays(days)}</span>}
              </li>
            );
          })}
        </ul>
      ) : (
        <p className="muted">No app is selected into this cycle yet.</p>
      )}
      {others.length > 0 && (
        <p className="muted">
          Also linked but not counted:{' '}
          {others
            .slice(0, LISTED_APPS)
            .map((a) => `${a.name} (${APP_STAGE_LABELS[a.stage].toLowerCase()})`)
            .join(', ')}
          {others.length > LISTED_APPS ? `, and ${count(others.length - LISTED_APPS, 'more app')}.` : '.'}
        </p>
      )}
      {sorted.length > LISTED_APPS && (
        <p>
          <button type="button" className="link" onClick={() => openAppsTable({ cycleId: cycle.id })}>
            All {count(sorted.length, 'app')} of this cycle in the apps table
          </button>
        </p>
      )}
      <p>
        <a href="#/apps/matrix">Pick apps on the feasibility matrix</a>
        {selected.length > 0 && (
          <>
            {' · '}
            <a href="#/apps/board">Follow {count(selected.length, 'app')} on the pipeline</a>
          </>
        )}
      </p>
    </section>
  );
}
