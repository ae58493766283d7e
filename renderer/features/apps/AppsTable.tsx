/**
 * The portfolio table: every app with its team, stage, cycle, scores, dates and golden paths;
 * sortable by any column, filterable by stage, team, cycle and text, exportable as CSV exactly as
 * shown. Rows are virtualized (@tanstack/react-virtual) so 20,000 apps scroll smoothly: only the
 * rows in view are in the DOM. Keyboard: arrows, Page Up/Down, Home/End move between rows;
 * Enter opens the app.
 */
import { memo, useCallback, type ReactNode } from 'react';
import { APP_STAGES, APP_STAGE_LABELS, cycleLabel, formatIsoDate } from '../../../shared/domain';
import { appsToCsv, type AppExportRow } from '../../../shared/export/apps-csv';
import { useAppsUi } from '../../store/apps';
import { useUi } from '../../store/ui';
import { useCsvExport } from '../../ui/csv-export';
import { NoMatches } from '../../ui/filters';
import { SortableHeaders } from '../../ui/SortableHeader';
import { NamePicker } from '../../ui/NamePicker';
import { SpacerRow, useVirtualRows } from '../../ui/use-virtual-rows';
import {
  buildAppRows,
  filterAndSortApps,
  hasFilters,
  NONE,
  describeReachedFilter,
  type AppRow,
  type SortKey,
} from '../../../shared/domain/app-table';
import { memoizeLast } from '../../ui/memoize-last';
import { StageBadge, formatDays, formatScore, today } from './parts';
import type { AppsData } from './data/queries';

const ROW_HEIGHT = 50;
/** The Team filter's choice of apps without a team. */
const NO_TEAM = { value: NONE, label: 'No team' };

interface Column {
  key: SortKey;
  label: string;
  width: number;
  numeric?: boolean;
  render: (row: AppRow) => ReactNode;
}

/** Short dates ("3 Feb 26") keep three date columns readable in a window-wide table. */
const date = (value: string | null) => formatIsoDate(value, 'd MMM yy');
const none = <span className="muted">—</span>;

/** `width` is a weight: columns share the table's width in these proportions. */
const COLUMNS: readonly Column[] = [
  {
    key: 'name',
    label: 'Name',
    width: 166,
    render: (row) => (
      <a href={`#/apps/${row.app.id}`} tabIndex={-1} className="app-name-link" title={row.app.name}>
        {row.app.name}
      </a>
    ),
  },
  {
    key: 'team',
    label: 'Team',
    width: 96,
    render: (row) => (row.teamName ? <span title={row.teamName}>{row.teamName}</span> : none),
  },
  { key: 'stage', label: 'Stage', width: 116, render: (row) => <StageBadge stage={row.app.stage} /> },
  {
    key: 'cycle',
    label: 'Cycle',
    width: 64,
    // The full label ("Scaling cycle 4 — Payments") would be cut off: the number says it, the tooltip has the rest.
    render: (row) =>
      row.cycleIndex === null ? (
        none
      ) : (
        <span title={row.cycleLabel}>{row.cycleIndex === 0 ? 'Initial' : `Cycle ${row.cycleIndex}`}</span>
      ),
  },
  {
    key: 'business',
    label: 'Business',
    width: 74,
    numeric: true,
    render: (row) => formatScore(row.app.businessScore),
  },
  {
    key: 'technical',
    label: 'Technical',
    width: 80,
    numeric: true,
    render: (row) => formatScore(row.app.technicalScore),
  },
  {
    key: 'helloWorld',
    label: 'Hello world',
    width: 60,
    numeric: true,
    render: (row) => formatDays(row.helloWorldDays),
  },
  { key: 'selectedOn', label: 'Selected', width: 74, render: (row) => date(row.app.selectedOn) },
  { key: 'firstDeployOn', label: 'First deploy', width: 64, render: (row) => date(row.app.firstDeployOn) },
  { key: 'productionOn', label: 'Production', width: 86, render: (row) => date(row.app.productionOn) },
  {
    key: 'goldenPaths',
    label: 'Golden paths',
    width: 80,
    render: (row) => <span title={row.goldenPathNames.join(', ')}>{row.goldenPathNames.join(', ')}</span>,
  },
];
const TOTAL_WEIGHT = COLUMNS.reduce((sum, c) => sum + c.width, 0);
const percent = (width: number) => `${((100 * width) / TOTAL_WEIGHT).toFixed(2)}%`;
/**
 * Below this width the table scrolls sideways rather than squeezing the columns further; the
 * name column stays in view (sticky), and the widths above are the columns' pixels at this width.
 */
const MIN_TABLE_WIDTH = 960;

function toExportRow(row: AppRow): AppExportRow {
  const { app } = row;
  return {
    name: app.name,
    team: row.teamName,
    stage: app.stage,
    cycle: row.cycleLabel,
    businessScore: app.businessScore,
    technicalScore: app.technicalScore,
    selectedOn: app.selectedOn,
    firstDeployOn: app.firstDeployOn,
    productionOn: app.productionOn,
    goldenPaths: row.goldenPathNames,
    externalId: app.externalId,
    lifecycle: app.lifecycle,
    system: app.system,
    description: app.description,
  };
}

const buildRows = memoizeLast(buildAppRows);
const filterAndSort = memoizeLast(filterAndSortApps);

/** One row; memoized, so rows already on screen are not rendered again while scrolling. */
const AppTableRow = memo(function AppTableRow({
  row,
  index,
  active,
}: {
  row: AppRow;
  index: number;
  active: boolean;
}) {
  return (
    <tr
      data-index={index}
      aria-rowindex={index + 2}
      tabIndex={active ? 0 : -1}
      className="app-row"
      style={{ height: ROW_HEIGHT }}
    >
      {COLUMNS.map((c) => (
        <td key={c.key} className={c.numeric ? 'numeric' : undefined}>
          {/* Long names, teams and dates wrap onto a second line; the tooltip has the rest. */}
          <div className="cell">{c.render(row)}</div>
        </td>
      ))}
    </tr>
  );
});

/**
 * The header: its sort buttons. Memoized, as are the rows, so that scrolling draws only the rows
 * coming into view, not the header, the filters (a thousand teams in a select) or the count.
 */
const AppsTableHead = memo(function AppsTableHead() {
  const sort = useAppsUi((s) => s.sort);
  const sortBy = useAppsUi((s) => s.sortBy);
  return (
    <thead>
      <tr aria-rowindex={1}>
        <SortableHeaders columns={COLUMNS} sort={sort} onSort={sortBy} />
      </tr>
    </thead>
  );
});

/**
 * The scrolling table of the rows shown. Its scroll position lives here, so a scroll renders this
 * component alone: the rows coming into view, with those already drawn kept (memo).
 */
function AppsTableRows({
  visible,
  onOpen,
  onClearFilters,
}: {
  visible: readonly AppRow[];
  onOpen(route: string): void;
  onClearFilters(): void;
}) {
  const { scrollRef, items, activeIndex, padTop, padBottom, bodyProps } = useVirtualRows(
    visible.length,
    ROW_HEIGHT,
    (index) => {
      const row = visible[index];
      if (row) onOpen(`apps/${row.app.id}`);
    },
  );
  return (
    <div ref={scrollRef} className="apps-table-scroll" data-testid="apps-table-scroll">
      <table
        className="data apps-table"
        style={{ minWidth: MIN_TABLE_WIDTH }}
        aria-rowcount={visible.length + 1}
        aria-label={`Apps, ${visible.length.toLocaleString('en')} shown`}
      >
        <colgroup>
          {COLUMNS.map((c) => (
            <col key={c.key} style={{ width: percent(c.width) }} />
          ))}
        </colgroup>
        <AppsTableHead />
        <tbody {...bodyProps}>
          <SpacerRow height={padTop} columns={COLUMNS.length} />
          {items.map((item) => (
            <AppTableRow
              key={visible[item.index]!.app.id}
              row={visible[item.index]!}
              index={item.index}
              active={item.index === activeIndex}
            />
          ))}
          <SpacerRow height={padBottom} columns={COLUMNS.length} />
        </tbody>
      </table>
      {visible.length === 0 && <NoMatches what="No app" onClear={onClearFilters} />}
    </div>
  );
}

export function AppsTable({ data }: { data: AppsData }) {
  const { apps, teams, cycles, goldenPaths } = data;
  const filters = useAppsUi((s) => s.filters);
  const sort = useAppsUi((s) => s.sort);
  const setFilters = useAppsUi((s) => s.setFilters);
  const clearFilters = useAppsUi((s) => s.clearFilters);
  const navigate = useUi((s) => s.navigate);
  const setTeam = useCallback((teamId: string) => setFilters({ teamId }), [setFilters]);

  // Kept across mounts (memoizeLast): back on the table over the same data, nothing is redone.
  const rows = buildRows(apps, teams, cycles, goldenPaths);
  // Filtering 20,000 rows takes a few ms (words against a lower-cased text built once, numbers
  // to sort), so each keystroke draws its rows in the same frame: deferring them cost a second
  // frame, 30–60 ms more on a busy 2-core machine.
  const visible = filterAndSort(rows, filters, sort);

  const exportCsv = useCsvExport();
  const exportVisible = () =>
    exportCsv({
      fileName: `apps-${today()}.csv`,
      build: (format) => appsToCsv(visible.map(toExportRow), { format }),
      what: `${visible.length.toLocaleString('en')} apps`,
    });

  if (apps.length === 0) {
    return (
      <div className="card empty apps-empty">
        <h2>No apps yet</h2>
        <p>Bring in your portfolio from a spreadsheet or a Backstage catalog, or add apps one by one.</p>
        <div className="toolbar apps-empty-actions">
          <a className="button primary" href="#/apps/import">
            Import apps
          </a>
          <a className="button" href="#/apps/new">
            Add an app
          </a>
        </div>
      </div>
    );
  }

  return (
    <section aria-label="App table" className="apps-table-section">
      <div className="toolbar apps-filters" role="search" aria-label="Filter apps">
        <input
          type="search"
          className="apps-search"
          placeholder="Search name, team, system, external id…"
          aria-label="Search apps"
          value={filters.text}
          onChange={(e) => setFilters({ text: e.target.value })}
        />
        <select
          aria-label="Stage"
          value={filters.stage}
          onChange={(e) => setFilters({ stage: e.target.value as never })}
        >
          <option value="">All stages</option>
          {APP_STAGES.map((s) => (
            <option key={s} value={s}>
              {APP_STAGE_LABELS[s]}
            </option>
          ))}
        </select>
        <NamePicker
          label="Team"
          allLabel="All teams"
          none={NO_TEAM}
          records={teams}
          value={filters.teamId}
          onChange={setTeam}
          noun="team"
        />
        <select
          aria-label="Cycle"
          value={filters.cycleId}
          onChange={(e) => setFilters({ cycleId: e.target.value })}
        >
          <option value="">All cycles</option>
          <option value={NONE}>No cycle</option>
          {cycles.map((c) => (
            <option key={c.id} value={c.id}>
              {cycleLabel(c)}
            </option>
          ))}
        </select>
        {filters.reached && (
          <span className="apps-reached-filter">
            {describeReachedFilter(filters.reached)}
            <button
              type="button"
              className="link"
              aria-label={`Remove the filter: ${describeReachedFilter(filters.reached)}`}
              onClick={() => setFilters({ reached: null })}
            >
              ×
            </button>
          </span>
        )}
        {hasFilters(filters) && (
          <button type="button" className="link" onClick={clearFilters}>
            Clear filters
          </button>
        )}
        <span className="apps-count" role="status" aria-live="polite">
          Showing {visible.length.toLocaleString('en')} of {apps.length.toLocaleString('en')}
        </span>
        <button type="button" onClick={() => void exportVisible()} disabled={visible.length === 0}>
          Export CSV
        </button>
      </div>

      <AppsTableRows visible={visible} onOpen={navigate} onClearFilters={clearFilters} />
      <p className="muted apps-table-hint">
        Click a column to sort. Use the arrow keys to move between rows and Enter to open an app.
      </p>
    </section>
  );
}
