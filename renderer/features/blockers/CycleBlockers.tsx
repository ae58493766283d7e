/**
 * A cycle's blockers, in its detail on the Plan screen (cycleDetail slot): those opened in the
 * cycle's dates and those resolved in them (from its start to the day before its end: the end is
 * the hand-over to the next cycle). Each count opens the register listing exactly those.
 */
import { addDaysIso, type Blocker, type Cycle } from '../../../shared/domain';
import { rangeOf } from '../../../shared/domain/blocker-filters';
import { useCycleBlockers } from './data/queries';
import { categoryLabel, count } from './parts';
import { blockerHref, registerHref } from './route';
import './panels.css';

/** Blockers a list names before "and N more". */
const SHOWN = 6;

function List({ label, blockers, href }: { label: string; blockers: Blocker[]; href: string }) {
  if (blockers.length === 0) return null;
  return (
    <>
      <ul className="blocker-panel-list" aria-label={label}>
        {blockers.slice(0, SHOWN).map((b) => (
          <li key={b.id}>
            <a href={blockerHref(b.id)}>{b.title}</a>{' '}
            <span className="muted">· {categoryLabel(b.category)}</span>
          </li>
        ))}
      </ul>
      {blockers.length > SHOWN && (
        <p>
          <a href={href}>and {count(blockers.length - SHOWN, 'more')}</a>
        </p>
      )}
    </>
  );
}

export default function CycleBlockers({ cycle }: { cycle: Pick<Cycle, 'id' | 'startDate' | 'endDate'> }) {
  const blockers = useCycleBlockers(cycle);
  if (!blockers) {
    return (
      <p className="muted" role="status">
        Loading the cycle’s blockers…
      </p>
    );
  }
  const range = rangeOf(cycle.startDate, addDaysIso(cycle.endDate, -1));
  const openedHref = registerHref({ opened: range });
  const resolvedHref = registerHref({ resolved: range });
  const headingId = `cycle-blockers-${cycle.id}`;
  const byOpened = [...blockers.opened].sort((a, b) => a.openedOn.localeCompare(b.openedOn));
  const byResolved = [...blockers.resolved].sort((a, b) =>
    (a.resolvedOn ?? '').localeCompare(b.resolvedOn ?? ''),
  );
  return (
    <section className="blocker-panel cycle-blockers" aria-labelledby={headingId}>
      <header className="blocker-panel-header">
        <h3 id={headingId}>Blockers</h3>
        <span className="badge" data-testid="cycle-blockers">
          <a href={openedHref}>{count(byOpened.length, 'opened', 'opened')}</a>
          {' · '}
          <a href={resolvedHref}>{count(byResolved.length, 'resolved', 'resolved')}</a>
        </span>
      </header>
      {byOpened.length + byResolved.length === 0 ? (
        <p className="muted">No blocker was opened or resolved in this cycle.</p>
      ) : (
        <div className="grid-2">
          <div>
            <h4>Opened in the cycle</h4>
            {byOpened.length ? (
              <List label="Opened in the cycle" blockers={byOpened} href={openedHref} />
            ) : (
              <p className="muted">None.</p>
            )}
          </div>
          <div>
            <h4>Resolved in the cycle</h4>
            {byResolved.length ? (
              <List label="Resolved in the cycle" blockers={byResolved} href={resolvedHref} />
            ) : (
              <p className="muted">None.</p>
            )}
          </div>
        </div>
      )}
    </section>
  );
}
