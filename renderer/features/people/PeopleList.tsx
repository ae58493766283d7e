/**
 * The people list: everyone in the program with their team, roles and whether they can seed
 * others, searchable and filtered by team, role, can seed, and whether they left. Rows are
 * virtualized (@tanstack/react-virtual), so 5,000 people scroll and filter smoothly: only the rows
 * in view are in the DOM. The list is one stop in the Tab order: ↑ / ↓, Page Up / Down, Home and
 * End move between rows, Enter opens the person's form (`#/people/<id>`).
 */
import { memo, useDeferredValue, useMemo } from 'react';
import { memoizeLast } from '../../ui/memoize-last';
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
import { FilterSelect, NoMatches, SearchField, type Choice } from '../../ui/filters';
import { SpacerRow, useVirtualRows } from '../../ui/use-virtual-rows';
import { PersonForm } from './PersonForm';
import type { PeopleViewProps } from './PeopleScreen';

const ROW_HEIGHT = 50;

const ROLE_CHOICES: readonly Choice[] = [
  { value: '', label: 'All roles' },
  ...ROLES.map((r) => ({ value: r, label: ROLE_LABELS[r] })),
];
const SEED_CHOICES: readonly Choice[] = [
  { value: '', label: 'Seeders or not' },
  { value: 'yes', label: 'Can seed others' },
  { value: 'no', label: 'Cannot seed yet' },
];
const STATUS_CHOICES: readonly Choice[] = [
  { value: 'current', label: 'In the program' },
  { value: 'left', label: 'Left' },
  { value: 'all', label: 'In the program or left' },
];

/**
 * The rows, the rows the filters keep and the team choices, remembered in the module: the area's
 * data is kept (data/queries.ts) and the filters live in a store, so opening the list again over
 * unchanged data sorts and filters nothing.
 */
const personRows = memoizeLast(buildPersonRows);
const filteredRows = memoizeLast(filterPeople);
const teamChoicesOf = memoizeLast((teams: PeopleViewProps['data']['teams']): Choice[] => [
  { value: '', label: 'All teams' },
  { value: NO_TEAM, label: 'No team' },
  ...teams.map((t) => ({ value: t.id, label: t.name })),
]);

/** The rows the scroller shows before it is measured (people.css: 100vh − 290 px, at least 240). */
function rowsInView(): number {
  const height = typeof window === 'undefined' ? 0 : Math.max(240, window.innerHeight - 290);
  return Math.ceil(height / ROW_HEIGHT) + 1;
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

  // One handler per filter, made once, so the memoized controls are not drawn again on each keystroke.
  const on = useMemo(
    () => ({
      text: (text: string) => setFilters({ text }),
      teamId: (teamId: string) => setFilters({ teamId }),
      role: (role: string) => setFilters({ role: role as Role | '' }),
      seed: (seed: string) => setFilters({ seed: seed as SeedFilter }),
      status: (status: string) => setFilters({ status: status as StatusFilter }),
    }),
    [setFilters],
  );
  const rows = personRows(people, teams);
  // A thousand teams are a thousand <option>s (most of the list's elements): the list draws with
  // "All teams", "No team" and the chosen team, and the rest come in the render right after.
  const allTeamChoices = teamChoicesOf(teams);
  const firstTeamChoices = useMemo(
    () => allTeamChoices.filter((c, i) => i < 2 || c.value === filters.teamId),
    [allTeamChoices, filters.teamId],
  );
  const teamChoices = useDeferredValue(allTeamChoices, firstTeamChoices);
  // Typing stays responsive with 5,000 rows: React draws the keystroke first, the new rows after.
  const deferredFilters = useDeferredValue(filters);
  const visible = filteredRows(rows, deferredFilters);
  const stale = deferredFilters !== filters;

  const { scrollRef, items, activeIndex, padTop, padBottom, bodyProps } = useVirtualRows(
    visible.length,
    ROW_HEIGHT,
    (index) => {
      const row = visible[index];
      if (row) navigate(`people/${row.person.id}`);
    },
    { initialRows: rowsInView() },
  );

  const segment = route.split('/')[1] ?? '';
  const personId = segment === 'new' ? null : segment || undefined;

  return (
    <section aria-label="People list" className="people-list">
      <div className="toolbar people-filters" role="search" aria-label="Filter people">
        <SearchField
          className="people-search"
          label="Search people"
          placeholder="Search name, team, role, notes…"
          value={filters.text}
          onChange={on.text}
        />
        <FilterSelect label="Team" value={filters.teamId} choices={teamChoices} onChange={on.teamId} />
        <FilterSelect label="Role" value={filters.role} choices={ROLE_CHOICES} onChange={on.role} />
        <FilterSelect label="Can seed" value={filters.seed} choices={SEED_CHOICES} onChange={on.seed} />
        <FilterSelect
          label="In the program"
          value={filters.status}
          choices={STATUS_CHOICES}
          onChange={on.status}
        />
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
            <tbody {...bodyProps}>
              <SpacerRow height={padTop} columns={4} />
              {items.map((item) => (
                <PersonTableRow
                  key={visible[item.index]!.person.id}
                  row={visible[item.index]!}
                  index={item.index}
                  active={item.index === activeIndex}
                />
              ))}
              <SpacerRow height={padBottom} columns={4} />
            </tbody>
          </table>
          {visible.length === 0 && <NoMatches what="No one" onClear={clearFilters} />}
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
