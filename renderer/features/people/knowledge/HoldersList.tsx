/**
 * Who holds the knowledge of each golden path and each onboarded app, the least held first: a
 * subject no one holds, or only one person, is where a departure hurts. Holders are listed by
 * their decayed hours (older sessions count less); people marked as leaving are struck through.
 */
import { useId, useMemo, useState } from 'react';
import type { KnowledgeMap, KnowledgeSubject, SubjectKind } from '../../../../shared/domain';
import { compareNames, plural, type Names } from './names';
import './knowledge.css';

const PAGE = 50;
const SHOWN_HOLDERS = 5;

interface HoldersListProps {
  map: KnowledgeMap;
  names: Names;
  leaving: ReadonlySet<string>;
}

function holdersBadge(subject: KnowledgeSubject) {
  const n = subject.holders.length;
  const tone = n === 0 ? ' badge-danger' : n === 1 ? ' badge-warning' : '';
  return <span className={`badge${tone}`}>{n === 0 ? 'No holder' : plural(n, 'holder')}</span>;
}

export function HoldersList({ map, names, leaving }: HoldersListProps) {
  const [kind, setKind] = useState<SubjectKind>('golden-path');
  const [query, setQuery] = useState('');
  const [shown, setShown] = useState(PAGE);
  const id = useId();

  const sorted = useMemo(() => {
    const subjects = kind === 'app' ? map.apps : map.goldenPaths;
    const named = subjects.map((s) => ({ subject: s, name: names.subject(s.kind, s.id) }));
    return named.sort(
      (a, b) => a.subject.holders.length - b.subject.holders.length || compareNames(a.name, b.name),
    );
  }, [map, names, kind]);
  const visible = useMemo(() => {
    const q = query.trim().toLocaleLowerCase();
    return q ? sorted.filter((s) => s.name.toLocaleLowerCase().includes(q)) : sorted;
  }, [sorted, query]);
  const what = kind === 'app' ? 'onboarded apps' : 'golden paths';

  return (
    <section className="card knowledge-holders" aria-labelledby={`${id}-title`}>
      <div className="knowledge-card-head">
        <h3 id={`${id}-title`}>Who holds the knowledge</h3>
        <div className="toolbar">
          <div className="segmented" role="group" aria-label="Show">
            {(['golden-path', 'app'] as const).map((k) => (
              <button
                key={k}
                type="button"
                aria-pressed={kind === k}
                onClick={() => {
                  setKind(k);
                  setShown(PAGE);
                }}
              >
                {k === 'app'
                  ? `Apps (${map.apps.length.toLocaleString()})`
                  : `Golden paths (${map.goldenPaths.length})`}
              </button>
            ))}
          </div>
          <label className="visually-hidden" htmlFor={`${id}-search`}>
            Find {what}
          </label>
          <input
            id={`${id}-search`}
            type="search"
            placeholder={`Find ${what}`}
            value={query}
            onChange={(e) => {
              setQuery(e.target.value);
              setShown(PAGE);
            }}
          />
        </div>
      </div>
      <p className="muted knowledge-help">
        From pairing sessions and seeding; a session’s hours halve in weight every 180 days. The least held
        first.
      </p>
      {visible.length === 0 ? (
        <p className="empty">{query.trim() ? `No ${what} match “${query.trim()}”.` : `No ${what} yet.`}</p>
      ) : (
        <>
          <ul className="holders-list" aria-label={`Holders of the ${what}`}>
            {visible.slice(0, shown).map(({ subject, name }) => (
              <li key={subject.id}>
                <div className="holders-subject">
                  <strong>{name}</strong> {holdersBadge(subject)}
                  {subject.holdersByTeam.size > 1 && (
                    <span className="muted"> in {plural(subject.holdersByTeam.size, 'team')}</span>
                  )}
                </div>
                {subject.holders.length > 0 && (
                  <ul className="holders-people">
                    {subject.holders.slice(0, SHOWN_HOLDERS).map((h) => (
                      <li key={h.personId} className={leaving.has(h.personId) ? 'is-leaving' : undefined}>
                        {names.person(h.personId)}
                        <span className="muted">
                          {' '}
                          {Math.round(h.weight).toLocaleString()} h
                          {leaving.has(h.personId) ? ', leaving' : ''}
                        </span>
                      </li>
                    ))}
                    {subject.holders.length > SHOWN_HOLDERS && (
                      <li className="muted">and {subject.holders.length - SHOWN_HOLDERS} more</li>
                    )}
                  </ul>
                )}
              </li>
            ))}
          </ul>
          {visible.length > shown && (
            <button type="button" className="knowledge-more" onClick={() => setShown(shown + PAGE)}>
              Show {Math.min(PAGE, visible.length - shown)} more of {visible.length.toLocaleString()}
            </button>
          )}
        </>
      )}
    </section>
  );
}
