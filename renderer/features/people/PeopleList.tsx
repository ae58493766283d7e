/**
 * The people list: everyone in the program with their team, roles and whether they can seed
 * others, searchable and filtered by team, role, can seed, and whether they left. Rows are
 * virtualized (@tanstack/react-virtual), so 5,000 people scroll and filter smoothly: only the rows
 * in view are in the DOM. The list is one stop in the Tab order: ↑ / ↓, Page Up / Down, Home and
 * End move between rows, Enter opens the person's form (`#/people/<id>`).
 */
import {
  memo,
  useDeferredValue,
  useEffect,
  useMemo,
  useRef,
  useState,
  type FocusEvent,
  type KeyboardEvent,
  type MouseEvent,
} from 'react';
import { useVirtualizer } from '@tanstack/react-virtual';
import { ROLE_LABELS, ROLES, type Role } from '../../../shared/domain';
import {
  buildPersonRows,
  filterPeople,
  hasPeopleFilters,
  NO_TEAM,
  type PersonRow,
  type SeedFilter,
  type StatusFilter,
} from '../../../shared/domain/people-list';
import { useUi } from '../../store/ui';
import { usePeopleUi } from './people-store';
import { LeftBadge } from './parts';
import { Dialog } from '../../ui/Dialog';
import { PersonForm } from './PersonForm';
import type { PeopleViewProps } from './PeopleScreen';

const ROW_HEIGHT = 50;

/** The row a key moves to from `index` (of `count` rows, `page` rows per screen), or null for other keys. */
function rowAfterKey(key: string, index: number, count: number, page: number): number | null {
  switch (key) {
    case 'ArrowDown':
      return Math.min(count - 1, index + 1);
    case 'ArrowUp':
      return Math.max(0, index - 1);
    case 'PageDown':
      return Math.min(count - 1, index + page);
    case 'PageUp':
      return Math.max(0, index - page);
    case 'Home':
      return 0;
    case 'End':
      return count - 1;
    default:
      return null;
  }
}

/** One person's row; memoized, so rows already on screen are not drawn again while scrolling. */
const PersonTableRow = memo(function PersonTableRow({
  row,
  index,
  active,
}: {
  row: PersonRow;
  index: number;
  active: boolean;
}) {
  const { person } = row;
  return (
    <tr
      data-index={index}
      aria-rowindex={index + 2}
      tabIndex={active ? 0 : -1}
      className={`person-row${person.leftOn ? ' person-left' : ''}`}
      style={{ height: ROW_HEIGHT }}
    >
      <td>
        <div className="cell">
          <a href={`#/people/${person.id}`} tabIndex={-1} className="person-name-link" title={person.name}>
            {person.name}
          </a>
          {person.leftOn && (
            <>
              {' '}
              <LeftBadge person={person} />
            </>
          )}
        </div>
      </td>
      <td>
        <div className="cell" title={row.teamName}>
          {row.teamName || <span className="muted">No team</span>}
        </div>
      </td>
      <td>
        <div className="cell" title={row.roleLabels.join(', ')}>
          {row.roleLabels.join(', ') || <span className="muted">—</span>}
        </div>
      </td>
      <td>
        <div className="cell">{person.canSeed ? 'Yes' : <span className="muted">—</span>}</div>
      </td>
    </tr>
  );
});

export function PeopleList({ data, route }: PeopleViewProps) {
  const { people, teams } = data;
  const filters = usePeopleUi((s) => s.filters);
  const setFilters = usePeopleUi((s) => s.setFilters);
  const clearFilters = usePeopleUi((s) => s.clearFilters);
  const navigate = useUi((s) => s.navigate);

  const rows = useMemo(() => buildPersonRows(people, teams), [people, teams]);
  // Typing stays responsive with 5,000 rows: React draws the keystroke first, the new rows after.
  const deferredFilters = useDeferredValue(filters);
  const visible = useMemo(() => filterPeople(rows, deferredFilters), [rows, deferredFilters]);
  const stale = deferredFilters !== filters;

  const scrollRef = useRef<HTMLDivElement>(null);
  const virtualizer = useVirtualizer({
    count: visible.length,
    getScrollElement: () => scrollRef.current,
    estimateSize: () => ROW_HEIGHT,
    overscan: 10,
  });
  const [active, setActive] = useState(0);
  const activeIndex = Math.min(active, Math.max(0, visible.length - 1));
  const focusPending = useRef(false);
  const items = virtualizer.getVirtualItems();
  // After a key moved the focus, the row may only be drawn once the virtualizer scrolled to it.
  useEffect(() => {
    if (!focusPending.current) return;
    const tr = scrollRef.current?.querySelector<HTMLElement>(`tr[data-index="${activeIndex}"]`);
    if (tr) {
      tr.focus({ preventScroll: true });
      focusPending.current = false;
    }
  }, [activeIndex, items]);

  const indexOf = (target: EventTarget): number | null => {
    const tr = (target as Element).closest?.('tr[data-index]');
    return tr ? Number(tr.getAttribute('data-index')) : null;
  };
  const open = (index: number | null) => {
    const row = index === null ? undefined : visible[index];
    if (row) navigate(`people/${row.person.id}`);
  };

  const onKeyDown = (event: KeyboardEvent<HTMLTableSectionElement>) => {
    const index = indexOf(event.target);
    if (index === null) return;
    if (event.key === 'Enter') {
      event.preventDefault();
      open(index);
      return;
    }
    const page = Math.max(1, Math.floor((scrollRef.current?.clientHeight ?? 400) / ROW_HEIGHT) - 1);
    const target = rowAfterKey(event.key, index, visible.length, page);
    if (target === null) return;
    event.preventDefault();
    setActive(target);
    focusPending.current = true;
    virtualizer.scrollToIndex(target, { align: 'auto' });
  };
  const onClick = (event: MouseEvent<HTMLTableSectionElement>) => {
    // A click on the name follows its link.
    if (!(event.target as Element).closest('a')) open(indexOf(event.target));
  };
  const onFocus = (event: FocusEvent<HTMLTableSectionElement>) => {
    const index = indexOf(event.target);
    if (index !== null) setActive(index);
  };

  const segment = route.split('/')[1] ?? '';
  const personId = segment === 'new' ? null : segment || undefined;
  const padTop = items[0]?.start ?? 0;
  const padBottom = virtualizer.getTotalSize() - (items.at(-1)?.end ?? 0);

  return (
    <section aria-label="People list" className="people-list">
      <div className="toolbar people-filters" role="search" aria-label="Filter people">
        <input
          type="search"
          className="people-search"
          placeholder="Search name, team, role, notes…"
          aria-label="Search people"
          value={filters.text}
          onChange={(e) => setFilters({ text: e.target.value })}
        />
        <select
          aria-label="Team"
          value={filters.teamId}
          onChange={(e) => setFilters({ teamId: e.target.value })}
        >
          <option value="">All teams</option>
          <option value={NO_TEAM}>No team</option>
          {teams.map((t) => (
            <option key={t.id} value={t.id}>
              {t.name}
            </option>
          ))}
        </select>
        <select
          aria-label="Role"
          value={filters.role}
          onChange={(e) => setFilters({ role: e.target.value as Role | '' })}
        >
          <option value="">All roles</option>
          {ROLES.map((r) => (
            <option key={r} value={r}>
              {ROLE_LABELS[r]}
            </option>
          ))}
        </select>
        <select
          aria-label="Can seed"
          value={filters.seed}
          onChange={(e) => setFilters({ seed: e.target.value as SeedFilter })}
        >
          <option value="">Seeders or not</option>
          <option value="yes">Can seed others</option>
          <option value="no">Cannot seed yet</option>
        </select>
        <select
          aria-label="In the program"
          value={filters.status}
          onChange={(e) => setFilters({ status: e.target.value as StatusFilter })}
        >
          <option value="current">In the program</option>
          <option value="left">Left</option>
          <option value="all">In the program or left</option>
        </select>
        {hasPeopleFilters(filters) && (
          <button type="button" className="link" onClick={clearFilters}>
            Clear filters
          </button>
        )}
        <span className="people-count" role="status" aria-live="polite">
          Showing {visible.length.toLocaleString('en')} of {people.length.toLocaleString('en')}
        </span>
      </div>

      {people.length === 0 ? (
        <div className="card empty">
          <h2>No people yet</h2>
          <p>
            Add the platform team first — owner, operators, engineers, advocate — or import people from a CSV
            file.
          </p>
          <div className="toolbar people-empty-actions">
            <a className="button primary" href="#/people/new">
              Add a person
            </a>
            <a className="button" href="#/people/import">
              Import people
            </a>
          </div>
        </div>
      ) : (
        <div
          ref={scrollRef}
          className={`people-table-scroll${stale ? ' is-stale' : ''}`}
          data-testid="people-table-scroll"
        >
          <table
            className="data people-table"
            aria-rowcount={visible.length + 1}
            aria-label={`People, ${visible.length.toLocaleString('en')} shown`}
          >
            <colgroup>
              <col className="col-name" />
              <col className="col-team" />
              <col className="col-roles" />
              <col className="col-seed" />
            </colgroup>
            <thead>
              <tr aria-rowindex={1}>
                <th scope="col">Name</th>
                <th scope="col">Team</th>
                <th scope="col">Roles</th>
                <th scope="col">Can seed</th>
              </tr>
            </thead>
            {/* Row events are handled here, once, so rows stay plain memoized elements. */}
            <tbody onClick={onClick} onFocus={onFocus} onKeyDown={onKeyDown}>
              {padTop > 0 && (
                <tr aria-hidden="true" className="spacer">
                  <td colSpan={4} style={{ height: padTop }} />
                </tr>
              )}
              {items.map((item) => (
                <PersonTableRow
                  key={visible[item.index]!.person.id}
                  row={visible[item.index]!}
                  index={item.index}
                  active={item.index === activeIndex}
                />
              ))}
              {padBottom > 0 && (
                <tr aria-hidden="true" className="spacer">
                  <td colSpan={4} style={{ height: padBottom }} />
                </tr>
              )}
            </tbody>
          </table>
          {visible.length === 0 && (
            <div className="empty">
              No one matches these filters.{' '}
              <button type="button" className="link" onClick={clearFilters}>
                Clear filters
              </button>
            </div>
          )}
        </div>
      )}
      <p className="muted people-hint">Use the arrow keys to move between people and Enter to open one.</p>

      <Dialog
        open={personId !== undefined}
        title={personId === null ? 'Add a person' : (people.find((p) => p.id === personId)?.name ?? 'Person')}
        onClose={() => navigate('people')}
        wide
      >
        {personId !== undefined && (
          <PersonForm
            key={personId ?? 'new'}
            data={data}
            personId={personId}
            onDone={() => navigate('people')}
          />
        )}
      </Dialog>
    </section>
  );
}
