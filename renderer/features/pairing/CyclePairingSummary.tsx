/**
 * A cycle's pairing, for its detail on Plan: who is placed where (pairing or seeding, with the
 * board's flags), the hours logged in it, and its onboarding apps with no session in the last
 * two weeks. Reads its own data, so it can sit beside the cycle's apps.
 */
import { useMemo, useState } from 'react';
import { assignmentBoard, formatHours, todayIso, type Cycle } from '../../../shared/domain';
import { useUi } from '../../store/ui';
import { flaggedPeople, flagWords, placeTitle } from './board-flags';
import {
  shownAppName,
  useAssignments,
  usePairingSettings,
  useRowNames,
  useStaleApps,
  useTotal,
} from './data/queries';
import { usePairingUi } from './pairing-store';
import { lastSessionWords } from './StaleAppsView';
import './cycle-pairing.css';

/**
 * The places (and the flagged people) listed at most: an enterprise cycle staffs dozens of teams;
 * the board shows them all.
 */
export const LISTED_PLACES = 12;

export default function CyclePairingSummary({ cycle }: { cycle: Cycle }) {
  const [today] = useState(todayIso);
  const assignments = useAssignments();
  const settings = usePairingSettings();
  const stale = useStaleApps(today, cycle.id);
  const hours = useTotal('cycle', cycle.id);
  const setBoardCycle = usePairingUi((s) => s.setBoardCycle);
  const showSessions = usePairingUi((s) => s.showSessions);
  const navigate = useUi((s) => s.navigate);
  const maxLoad = settings?.maxLoad;
  const board = useMemo(
    () => (assignments && maxLoad !== undefined ? assignmentBoard(assignments, cycle, maxLoad) : undefined),
    [assignments, cycle, maxLoad],
  );
  // The names of those on the board, of their teams and apps only: a few among thousands.
  const personIds = board ? [...board.people.keys()] : [];
  const teamIds = board?.columns.flatMap((c) => (c.targetTeamId ? [c.targetTeamId] : [])) ?? [];
  const appIds = board?.columns.flatMap((c) => (c.appId ? [c.appId] : [])) ?? [];
  const {
    person: personName,
    team: teamName,
    app: appNames,
  } = useRowNames({ people: personIds, teams: teamIds, apps: appIds });
  // Drawn once every name is read; later, a name still being read (someone just placed) shows "…".
  const allNamed =
    personIds.every((id) => personName(id) !== undefined) &&
    teamIds.every((id) => teamName(id) !== undefined);
  const [named, setNamed] = useState(false);
  if (allNamed && !named) setNamed(true);
  const nameOf = (id: string) => {
    const name = personName(id);
    return name === undefined ? '…' : (name ?? 'Deleted person');
  };
  const headingId = `cycle-pairing-${cycle.id}`;
  /** A link to the assignments board, opened on this cycle. */
  const toBoard = (text: string) => (
    <a href="#/pairing/board" onClick={() => setBoardCycle(cycle.id)}>
      {text}
    </a>
  );

  if (!board || !named || !stale || !settings || hours === undefined) {
    return (
      <p className="muted" role="status">
        Loading the cycle’s pairing…
      </p>
    );
  }
  const flagged = flaggedPeople(board);
  const appName = (id: string | null) => (id ? shownAppName(appNames(id)) : null);

  return (
    <section className="cycle-pairing" aria-labelledby={headingId}>
      <h3 id={headingId}>Pairing and seeding</h3>
      {board.columns.length === 0 ? (
        <p className="muted">No one is assigned in this cycle yet.</p>
      ) : (
        <ul className="cycle-pairing-places">
          {board.columns.slice(0, LISTED_PLACES).map((column) => (
            <li key={column.place}>
              <strong>{placeTitle(column, teamName, appName)}:</strong>{' '}
              {column.assignments.map((a) => `${nameOf(a.personId)} (${a.kind})`).join(', ')}
            </li>
          ))}
        </ul>
      )}
      {board.columns.length > LISTED_PLACES && (
        <p>
          {toBoard(
            `${(board.columns.length - LISTED_PLACES).toLocaleString('en')} more ${board.columns.length - LISTED_PLACES === 1 ? 'place' : 'places'} on the assignments board`,
          )}
        </p>
      )}
      {flagged.length > 0 && (
        <p className="cycle-pairing-flags" role="note">
          Flagged:{' '}
          {flagged
            .slice(0, LISTED_PLACES)
            .map((p) => `${nameOf(p.personId)} (${flagWords(p, settings.maxLoad)})`)
            .join('; ')}
          {flagged.length > LISTED_PLACES ? (
            <>
              ; and{' '}
              {toBoard(
                `${(flagged.length - LISTED_PLACES).toLocaleString('en')} more on the assignments board`,
              )}
              .
            </>
          ) : (
            '.'
          )}
        </p>
      )}
      <p>
        <strong>Logged:</strong>{' '}
        {hours ? (
          <button
            type="button"
            className="link"
            onClick={() => {
              showSessions({ cycleId: cycle.id });
              navigate('pairing');
            }}
          >
            {formatHours(hours.minutes)} h in {hours.sessions.toLocaleString('en')}{' '}
            {hours.sessions === 1 ? 'session' : 'sessions'}
          </button>
        ) : (
          <span className="muted">no session in this cycle</span>
        )}
      </p>
      {stale.length > 0 ? (
        <div className="cycle-pairing-stale">
          <strong>
            {stale.length} onboarding {stale.length === 1 ? 'app' : 'apps'} with no session in the last two
            weeks:
          </strong>
          <ul>
            {stale.slice(0, 8).map((s) => (
              <li key={s.app.id}>
                <a href={`#/apps/${s.app.id}`}>{s.app.name}</a>{' '}
                <span className="muted">· last session {lastSessionWords(s, today)}</span>
              </li>
            ))}
          </ul>
          {stale.length > 8 && (
            <a href={`#/pairing/stale/${cycle.id}`}>All {stale.length} stale apps of this cycle</a>
          )}
        </div>
      ) : (
        <p className="muted">Every onboarding app of this cycle had a session in the last two weeks.</p>
      )}
      <p>{toBoard('Staff this cycle on the assignments board')}</p>
    </section>
  );
}
