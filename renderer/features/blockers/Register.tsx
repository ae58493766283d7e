/**
 * The register: every blocker the filters select, as a table sorted by any column, with its
 * category and sub-category as the deck names them, severity, status, days open (or taken to
 * resolve), owner, app and team. Rows are virtualized (@tanstack/react-virtual): 20,000 blockers
 * put only the rows in view in the DOM. The table is one tab stop: ↑/↓, Page Up/Down and
 * Home/End move between rows, Enter opens the blocker. Export CSV writes exactly the rows shown.
 */
import { memo, useEffect, useRef, useState, type KeyboardEvent } from 'react';
import { useVirtualizer } from '@tanstack/react-virtual';
import {
  cycleLabel,
  formatIsoDate,
  type Blocker,
  type Cycle,
  type IsoDate,
  type Person,
  type Team,
} from '../../../shared/domain';
import {
  blockerMatcher,
  EMPTY_BLOCKER_FILTERS,
  type BlockerFilters,
} from '../../../shared/domain/blocker-filters';
import {
  buildRegisterRows,
  DEFAULT_REGISTER_SORT,
  firstDirection,
  sortRegisterRows,
  type RegisterRow,
  type RegisterSort,
  type RegisterSortKey,
} from '../../../shared/domain/blocker-register';
import { useUi } from '../../store/ui';
import { NoMatches } from '../../ui/filters';
import { SortableHeaders } from '../../ui/SortableHeader';
import { memoizeLast } from '../../ui/memoize-last';
import { useBlockersRead, useLinkedAppNames, type BlockerLookups } from './data/queries';
import { ExportButton } from './ExportButton';
import { useReplaceFilters } from './FilterBar';
import { count, days, SeverityBadge, StatusBadge, today } from './parts';
import { blockerHref } from './route';

const ROW_HEIGHT = 54;

interface Column {
  key: RegisterSortKey;
  label: string;
  /** Share of the table's width. */
  weight: number;
  numeric?: boolean;
  cell(row: RegisterRow): React.ReactNode;
}

const COLUMNS: readonly Column[] = [
  {
    key: 'title',
    label: 'Blocker',
    weight: 25,
    cell: (row) => (
      <a
        href={blockerHref(row.blocker.id)}
        tabIndex={-1}
        className="register-title"
        title={row.blocker.title}
      >
        {row.blocker.title}
      </a>
    ),
  },
  {
    key: 'category',
    label: 'Category',
    weight: 18,
    cell: (row) => (
      <span title={`${row.categoryLabel}: ${row.blocker.subCategory}`} className="register-category">
        <span className="register-sub">{row.blocker.subCategory}</span>
        <small className="muted">{row.categoryLabel}</small>
      </span>
    ),
  },
  {
    key: 'severity',
    label: 'Severity',
    weight: 10,
    cell: (row) => <SeverityBadge severity={row.blocker.severity} />,
  },
  { key: 'status', label: 'Status', weight: 12, cell: (row) => <StatusBadge status={row.blocker.status} /> },
  {
    key: 'openedOn',
    label: 'Opened',
    weight: 10,
    cell: (row) => formatIsoDate(row.blocker.openedOn, 'd MMM yy'),
  },
  {
    key: 'days',
    label: 'Days',
    weight: 9,
    numeric: true,
    cell: (row) => (
      <span title={row.blocker.status === 'resolved' ? 'Days it took to resolve' : 'Days open so far'}>
        {days(row.days)}
        {row.blocker.status === 'resolved' && <small className="muted"> to resolve</small>}
      </span>
    ),
  },
  {
    key: 'owner',
    label: 'Owner',
    weight: 11,
    cell: (row) => row.ownerName || <span className="muted">—</span>,
  },
  {
    key: 'app',
    label: 'App / team',
    weight: 13,
    cell: (row) => (
      <span title={[row.appName, row.teamName].filter(Boolean).join(' · ')}>
        {row.appName || row.teamName || <span className="muted">—</span>}
        {row.appName && row.teamName && <small className="muted">{row.teamName}</small>}
      </span>
    ),
  },
];
const TOTAL = COLUMNS.reduce((s, c) => s + c.weight, 0);

const Row = memo(function Row({ row, index, active }: { row: RegisterRow; index: number; active: boolean }) {
  return (
    <tr
      className="register-row"
      data-index={index}
      aria-rowindex={index + 2}
      tabIndex={active ? 0 : -1}
      style={{ height: ROW_HEIGHT }}
    >
      {COLUMNS.map((c) => (
        <td key={c.key} className={c.numeric ? 'numeric' : undefined}>
          <div className="register-cell">{c.cell(row)}</div>
        </td>
      ))}
    </tr>
  );
});

/**
 * The names the rows show and the rows built and sorted, remembered in the module (memoizeLast):
 * opening the register again over the same kept blockers (db/kept-query.ts) builds and sorts
 * nothing, where a memo would start over with each mount.
 */
const namesOf = memoizeLast(
  (people: readonly Person[], teams: readonly Team[], cycles: readonly Cycle[]) => ({
    people: new Map(people.map((p) => [p.id, p.name])),
    teams: new Map(teams.map((t) => [t.id, t.name])),
    cycles: new Map(cycles.map((c) => [c.id, cycleLabel(c)])),
  }),
);
const sortedRows = memoizeLast(
  (
    all: readonly Blocker[],
    apps: ReadonlyMap<string, string>,
    names: ReturnType<typeof namesOf>,
    day: IsoDate,
    sort: RegisterSort,
  ) => sortRegisterRows(buildRegisterRows(all, { ...names, apps }, day), sort),
);

/** The sorted rows that pass the filters (by their JSON), with how many are unresolved, remembered the same way. */
const rowsShown = memoizeLast((sorted: readonly RegisterRow[], filtersKey: string, day: IsoDate) => {
  const matches = blockerMatcher(JSON.parse(filtersKey) as BlockerFilters, day);
  const rows = sorted.filter((row) => matches(row.blocker));
  return { rows, unresolved: rows.filter((r) => r.blocker.status !== 'resolved').length };
});

export function Register({ filters, lookups }: { filters: BlockerFilters; lookups: BlockerLookups }) {
  const day = today();
  // The rows of everything read are built and sorted once; a filter then only picks among them
  // (in their order), so typing in the search or choosing a status builds and sorts nothing.
  const { all, stale } = useBlockersRead(filters);
  const appNames = useLinkedAppNames();
  const navigate = useUi((s) => s.navigate);
  const clear = useReplaceFilters('register');
  const [sort, setSort] = useState<RegisterSort>(DEFAULT_REGISTER_SORT);

  const names = namesOf(lookups.people, lookups.teams, lookups.cycles);
  const sorted = all && appNames ? sortedRows(all, appNames, names, day, sort) : undefined;
  const shown = sorted && rowsShown(sorted, JSON.stringify(filters), day);
  const rows = shown?.rows;

  const scrollRef = useRef<HTMLDivElement>(null);
  const virtualizer = useVirtualizer({
    count: rows?.length ?? 0,
    getScrollElement: () => scrollRef.current,
    estimateSize: () => ROW_HEIGHT,
    overscan: 8,
  });
  const items = virtualizer.getVirtualItems();
  const [active, setActive] = useState(0);
  const activeIndex = Math.min(active, Math.max(0, (rows?.length ?? 1) - 1));
  const focusWanted = useRef(false);
  // A row reached by keyboard may only be drawn once the list has scrolled to it.
  useEffect(() => {
    if (!focusWanted.current) return;
    const tr = scrollRef.current?.querySelector<HTMLElement>(`tr[data-index="${activeIndex}"]`);
    if (tr) {
      tr.focus({ preventScroll: true });
      focusWanted.current = false;
    }
  }, [activeIndex, items]);

  if (!rows) {
    return (
      <div role="status" className="empty">
        Loading the register…
      </div>
    );
  }

  const indexOf = (target: EventTarget): number | null => {
    const tr = (target as Element).closest?.('tr[data-index]');
    return tr ? Number(tr.getAttribute('data-index')) : null;
  };
  const open = (index: number) => {
    const row = rows[index];
    if (row) navigate(`blockers/${row.blocker.id}`);
  };
  const onKeyDown = (event: KeyboardEvent) => {
    const index = indexOf(event.target);
    if (index === null) return;
    if (event.key === 'Enter') {
      event.preventDefault();
      open(index);
      return;
    }
    const page = Math.max(1, Math.floor((scrollRef.current?.clientHeight ?? 400) / ROW_HEIGHT) - 1);
    const target = {
      ArrowDown: index + 1,
      ArrowUp: index - 1,
      PageDown: index + page,
      PageUp: index - page,
      Home: 0,
      End: rows.length - 1,
    }[event.key];
    if (target === undefined) return;
    event.preventDefault();
    const next = Math.max(0, Math.min(rows.length - 1, target));
    setActive(next);
    focusWanted.current = true;
    virtualizer.scrollToIndex(next, { align: 'auto' });
  };
  const sortBy = (key: RegisterSortKey) =>
    setSort((s) =>
      s.key === key
        ? { key, direction: s.direction === 'asc' ? 'desc' : 'asc' }
        : { key, direction: firstDirection(key) },
    );

  const top = items[0]?.start ?? 0;
  const bottom = virtualizer.getTotalSize() - (items.at(-1)?.end ?? 0);

  return (
    <section aria-label="Blocker register" className="register">
      <div className="toolbar register-toolbar">
        <span role="status" aria-live="polite">
          {count(rows.length, 'blocker')}
          {rows.length > 0 && ` · ${count(shown!.unresolved, 'unresolved', 'unresolved')}`}
        </span>
        <span className="spacer-flex" />
        <ExportButton rows={rows} />
      </div>
      <div
        ref={scrollRef}
        className={`register-scroll${stale ? ' is-stale' : ''}`}
        data-testid="register-scroll"
      >
        <table
          className="data register-table"
          aria-busy={stale || undefined}
          aria-rowcount={rows.length + 1}
          aria-label={`Blockers, ${rows.length.toLocaleString('en')} shown`}
        >
          <colgroup>
            {COLUMNS.map((c) => (
              <col key={c.key} style={{ width: `${((100 * c.weight) / TOTAL).toFixed(2)}%` }} />
            ))}
          </colgroup>
          <thead>
            <tr aria-rowindex={1}>
              <SortableHeaders columns={COLUMNS} sort={sort} onSort={sortBy} />
            </tr>
          </thead>
          <tbody
            onKeyDown={onKeyDown}
            onFocus={(e) => {
              const index = indexOf(e.target);
              if (index !== null) setActive(index);
            }}
            onClick={(e) => {
              const index = indexOf(e.target);
              if (index !== null && !(e.target as Element).closest('a')) open(index);
            }}
          >
            {top > 0 && (
              <tr aria-hidden="true" className="spacer">
                <td colSpan={COLUMNS.length} style={{ height: top }} />
              </tr>
            )}
            {items.map((item) => (
              <Row
                key={rows[item.index]!.blocker.id}
                row={rows[item.index]!}
                index={item.index}
                active={item.index === activeIndex}
              />
            ))}
            {bottom > 0 && (
              <tr aria-hidden="true" className="spacer">
                <td colSpan={COLUMNS.length} style={{ height: bottom }} />
              </tr>
            )}
          </tbody>
        </table>
        {rows.length === 0 && (
          <NoMatches what="No blocker" onClear={() => clear(EMPTY_BLOCKER_FILTERS)}>
            {' '}
            or <a href="#/blockers/new">log a blocker</a>.
          </NoMatches>
        )}
      </div>
      <p className="muted register-hint">
        Click a column to sort. Use the arrow keys to move between rows and Enter to open a blocker.
      </p>
    </section>
  );
}
