/**
 * What if these people leave? Pick people (type a name, ↑/↓ and Enter; or mark them in the
 * lineage or the single points), and see which golden paths, apps and teams lose their last
 * holder (shared/domain/knowledge departureImpact), recomputed at once.
 */
import { useId, useMemo, useState, type KeyboardEvent } from 'react';
import type { DepartureImpact, SubjectRef } from '../../../../shared/domain';
import { compareNames, listNames, plural, type Names } from './names';
import './knowledge.css';

const OPTIONS = 8;
const LISTED = 30;

interface DeparturePickerProps {
  /** The people who can leave, in any order. */
  people: readonly { id: string; name: string }[];
  names: Names;
  leaving: ReadonlySet<string>;
  /** Undefined while who holds what is still being weighed. */
  impact: DepartureImpact | undefined;
  onToggleLeaving: (personId: string) => void;
  onClear: () => void;
}

/** A list of names, cut after LISTED with the count of the rest. */
function NameList({ label, items }: { label: string; items: readonly string[] }) {
  const sorted = [...items].sort(compareNames);
  return (
    <ul className="departure-names" aria-label={label}>
      {sorted.slice(0, LISTED).map((name, i) => (
        <li key={`${name}-${i}`}>{name}</li>
      ))}
      {sorted.length > LISTED && <li className="muted">and {sorted.length - LISTED} more</li>}
    </ul>
  );
}

export function DeparturePicker({
  people,
  names,
  leaving,
  impact,
  onToggleLeaving,
  onClear,
}: DeparturePickerProps) {
  const id = useId();
  const [query, setQuery] = useState('');
  const [open, setOpen] = useState(false);
  const [active, setActive] = useState(0);

  // By name, sorted once a search starts (not while the map opens).
  const searching = query.trim() !== '';
  const byName = useMemo(
    () => (searching ? [...people].sort((a, b) => compareNames(a.name, b.name)) : []),
    [people, searching],
  );
  const options = useMemo(() => {
    const q = query.trim().toLocaleLowerCase();
    if (!q) return [];
    const found: { id: string; name: string }[] = [];
    for (const p of byName) {
      if (leaving.has(p.id) || !p.name.toLocaleLowerCase().includes(q)) continue;
      found.push(p);
      if (found.length === OPTIONS) break;
    }
    return found;
  }, [byName, leaving, query]);
  const expanded = open && options.length > 0;
  const activeIndex = Math.min(active, options.length - 1);

  const pick = (personId: string) => {
    onToggleLeaving(personId);
    setQuery('');
    setActive(0);
  };
  const onKeyDown = (event: KeyboardEvent) => {
    if (event.key === 'ArrowDown' || event.key === 'ArrowUp') {
      setOpen(true);
      const step = event.key === 'ArrowDown' ? 1 : -1;
      setActive((a) => Math.max(0, Math.min(options.length - 1, a + step)));
    } else if (event.key === 'Enter' && expanded) {
      pick(options[activeIndex]!.id);
    } else if (event.key === 'Escape' && expanded) {
      setOpen(false);
    } else return;
    event.preventDefault();
  };

  const subjects = (refs: readonly SubjectRef[]) => refs.map((r) => names.subject(r.kind, r.id));
  const teams = impact
    ? [...impact.teams].sort(([a], [b]) => compareNames(names.team(a), names.team(b)))
    : [];
  const leavers = [...leaving].map((p) => ({ id: p, name: names.person(p) }));
  const nothingLost =
    impact !== undefined && impact.goldenPaths.length === 0 && impact.apps.length === 0 && teams.length === 0;

  return (
    <section className="card knowledge-departure" aria-labelledby={`${id}-title`}>
      <div className="knowledge-card-head">
        <h3 id={`${id}-title`}>What if these people leave?</h3>
        {leaving.size > 0 && (
          <button type="button" className="link" onClick={onClear}>
            Clear
          </button>
        )}
      </div>
      <div className="departure-combobox">
        <label htmlFor={`${id}-input`}>Add a person who leaves</label>
        <input
          id={`${id}-input`}
          type="text"
          role="combobox"
          autoComplete="off"
          aria-autocomplete="list"
          aria-expanded={expanded}
          aria-controls={`${id}-options`}
          aria-activedescendant={expanded ? `${id}-option-${activeIndex}` : undefined}
          placeholder="Type a name"
          value={query}
          onChange={(e) => {
            setQuery(e.target.value);
            setOpen(true);
            setActive(0);
          }}
          onKeyDown={onKeyDown}
          onBlur={() => setOpen(false)}
        />
        <ul id={`${id}-options`} role="listbox" aria-label="People" hidden={!expanded}>
          {options.map((p, i) => (
            <li
              key={p.id}
              id={`${id}-option-${i}`}
              role="option"
              aria-selected={i === activeIndex}
              className={i === activeIndex ? 'is-active' : undefined}
              // Before the input's blur closes the list.
              onMouseDown={(e) => {
                e.preventDefault();
                pick(p.id);
              }}
            >
              {p.name} <span className="muted">{names.teamOf(p.id)}</span>
            </li>
          ))}
        </ul>
      </div>
      {leavers.length > 0 && (
        <ul className="departure-chips" aria-label="People who leave">
          {leavers.map((p) => (
            <li key={p.id}>
              {p.name}
              <button
                type="button"
                className="icon-button"
                aria-label={`Remove ${p.name}`}
                onClick={() => onToggleLeaving(p.id)}
              >
                ×
              </button>
            </li>
          ))}
        </ul>
      )}
      <div className="departure-result" role="status" aria-live="polite">
        {leaving.size === 0 ? (
          <p className="muted">Pick people to see what would lose its last holder.</p>
        ) : !impact ? (
          <p className="muted">Weighing who holds what from the pairing sessions and seeding…</p>
        ) : nothingLost ? (
          <p>
            If {listNames(leavers.map((p) => p.name))} {leaving.size === 1 ? 'leaves' : 'leave'}, nothing
            loses its last holder: everything they hold has a second holder in their team.
          </p>
        ) : (
          <>
            <p>
              If {listNames(leavers.map((p) => p.name))} {leaving.size === 1 ? 'leaves' : 'leave'}:{' '}
              <strong>{plural(impact.goldenPaths.length, 'golden path')}</strong> and{' '}
              <strong>{plural(impact.apps.length, 'app')}</strong> lose their last holder;{' '}
              <strong>{plural(teams.length, 'team')}</strong>{' '}
              {teams.length === 1 ? 'loses its last holder' : 'lose their last holder'} of something.
            </p>
            {impact.goldenPaths.length > 0 && (
              <>
                <h4>Golden paths with no holder left</h4>
                <NameList
                  label="Golden paths with no holder left"
                  items={subjects(impact.goldenPaths.map((id) => ({ kind: 'golden-path', id })))}
                />
              </>
            )}
            {impact.apps.length > 0 && (
              <>
                <h4>Apps with no holder left</h4>
                <NameList
                  label="Apps with no holder left"
                  items={subjects(impact.apps.map((id) => ({ kind: 'app', id })))}
                />
              </>
            )}
            {teams.length > 0 && (
              <>
                <h4>Teams losing their last holder</h4>
                <ul className="departure-teams" aria-label="Teams losing their last holder">
                  {teams.slice(0, LISTED).map(([teamId, refs]) => (
                    <li key={teamId}>
                      <strong>{names.team(teamId)}</strong>: {listNames(subjects(refs), 6)}
                    </li>
                  ))}
                  {teams.length > LISTED && <li className="muted">and {teams.length - LISTED} more teams</li>}
                </ul>
              </>
            )}
          </>
        )}
      </div>
    </section>
  );
}
