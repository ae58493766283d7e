/**
 * Single points of knowledge: the people who alone, within their team, hold a golden path's or
 * an app's knowledge — most first. Those who hold something no one else holds anywhere are
 * marked. "Leaves" puts a person in the what-if.
 */
import { useId, useMemo, useState } from 'react';
import type { SinglePoint } from '../../../../shared/domain';
import { compareNames, listNames, plural, type Names } from './names';
import './knowledge.css';

const PAGE = 50;

interface SinglePointsListProps {
  singlePoints: ReadonlyMap<string, readonly SinglePoint[]>;
  names: Names;
  leaving: ReadonlySet<string>;
  onToggleLeaving: (personId: string) => void;
}

export function SinglePointsList({ singlePoints, names, leaving, onToggleLeaving }: SinglePointsListProps) {
  const [shown, setShown] = useState(PAGE);
  const id = useId();
  const people = useMemo(
    () =>
      [...singlePoints]
        .map(([personId, points]) => ({
          personId,
          points,
          only: points.filter((p) => p.onlyHolder).length,
          name: names.person(personId),
        }))
        .sort((a, b) => b.points.length - a.points.length || b.only - a.only || compareNames(a.name, b.name)),
    [singlePoints, names],
  );

  return (
    <section className="card knowledge-single-points" aria-labelledby={`${id}-title`}>
      <div className="knowledge-card-head">
        <h3 id={`${id}-title`}>Single points of knowledge</h3>
        <span className="muted">{plural(people.length, 'person', 'people')}</span>
      </div>
      <p className="muted knowledge-help">People whose knowledge has no second holder in their team.</p>
      {people.length === 0 ? (
        <p className="empty">Everything anyone holds has a second holder in their team.</p>
      ) : (
        <>
          <ul className="single-points">
            {people.slice(0, shown).map(({ personId, points, only, name }) => {
              const team = names.team(points[0]!.teamId);
              const isLeaving = leaving.has(personId);
              return (
                <li key={personId} className={isLeaving ? 'is-leaving' : undefined}>
                  <div className="single-point-text">
                    <strong>{name}</strong> <span className="muted">{team}</span>{' '}
                    {only > 0 && <span className="badge badge-danger">{only} with no other holder</span>}
                    <div className="muted">
                      Only holder in {team} of {listNames(points.map((p) => names.subject(p.kind, p.id)))}
                    </div>
                  </div>
                  <button
                    type="button"
                    aria-pressed={isLeaving}
                    aria-label={`${name} leaves`}
                    onClick={() => onToggleLeaving(personId)}
                  >
                    {isLeaving ? 'Leaving' : 'Leaves?'}
                  </button>
                </li>
              );
            })}
          </ul>
          {people.length > shown && (
            <button type="button" className="knowledge-more" onClick={() => setShown(shown + PAGE)}>
              Show {Math.min(PAGE, people.length - shown)} more of {people.length.toLocaleString()}
            </button>
          )}
        </>
      )}
    </section>
  );
}
