/**
 * The scoring grid: every app still to be scored (or every app) × every feasibility criterion,
 * filled in from the keyboard like a spreadsheet, so an owner scores a portfolio in minutes.
 *
 * It follows the ARIA grid pattern: the grid is one tab stop, the arrow keys (Home/End, Page
 * Up/Down, Ctrl+Home/End) move between score cells, a digit 1–5 scores the cell and moves to the
 * next one, Backspace or Delete clears it, Enter moves down. Each score is saved at once
 * (setCriterionScore) and shown at once, with the app's derived business and technical scores;
 * Ctrl+Z (or the Undo button) takes back the last change, then the one before. Rows are
 * virtualized, so 20,000 apps stay quick.
 */
import {
  memo,
  useCallback,
  useEffect,
  useMemo,
  useRef,
  useState,
  type FocusEvent,
  type KeyboardEvent,
} from 'react';
import { useVirtualizer } from '@tanstack/react-virtual';
import {
  APP_STAGE_LABELS,
  criteriaInAxisOrder,
  isFullyScored,
  scoringQueue,
  type App,
  type Criterion,
  type CriterionAxis,
} from '../../../shared/domain';
import { undoChanges, type ChangeSet } from '../../db/changes';
import { useDatabase } from '../../db/DatabaseContext';
import { useAction } from '../../ui/use-save';
import { deriveScores, setCriterionScore } from './data/criteria';
import { StageBadge, count, formatScore } from './parts';
import type { AppsData } from './data/queries';
import './scoring-grid.css';

const ROW_HEIGHT = 42;
/** The header has two rows: the axes, then the criteria. */
const HEADER_ROWS = 2;
/** Undo reaches back this many changes. */
const HISTORY_LIMIT = 200;

const AXIS_LABELS: Record<CriterionAxis, string> = {
  business: 'Business value',
  technical: 'Technical feasibility',
};

type Filter = 'unscored' | 'all';

interface Cell {
  row: number;
  col: number;
}

interface Done {
  appId: string;
  criterionId: string;
  undo: ChangeSet;
}

const keyOf = (appId: string, criterionId: string) => `${appId}/${criterionId}`;

/** The scores a row shows: what is stored, overlaid with the ones typed but not yet read back. */
function shownScores(app: App, criteria: readonly Criterion[], pending: ReadonlyMap<string, number | null>) {
  const scores = { ...app.criteriaScores };
  for (const c of criteria) {
    const typed = pending.get(keyOf(app.id, c.id));
    if (typed === undefined) continue;
    if (typed === null) delete scores[c.id];
    else scores[c.id] = typed;
  }
  return scores;
}

/** One app's row; memoized, so scrolling and scoring re-render only the rows that changed. */
const ScoringRow = memo(function ScoringRow({
  app,
  index,
  criteria,
  allCriteria,
  scores,
  pendingKeys,
  tabCol,
}: {
  app: App;
  index: number;
  criteria: readonly Criterion[];
  allCriteria: readonly Criterion[];
  scores: Record<string, number>;
  /** Cells typed but not yet saved, by criterion id (joined, so the memo compares a string). */
  pendingKeys: string;
  /** The column of this row's tab stop, or -1 when the grid's tab stop is in another row. */
  tabCol: number;
}) {
  const derived = deriveScores({ ...app, criteriaScores: scores }, allCriteria);
  const scored = criteria.filter((c) => scores[c.id] !== undefined).length;
  return (
    <tr role="row" aria-rowindex={index + HEADER_ROWS + 1} data-row={index} style={{ height: ROW_HEIGHT }}>
      <th role="rowheader" scope="row">
        <div className="scoring-app">
          <a href={`#/apps/${app.id}`} tabIndex={-1} title={app.name}>
            {app.name}
          </a>
          <span className="scoring-app-meta" title={APP_STAGE_LABELS[app.stage]}>
            <StageBadge stage={app.stage} />
            <span className="muted" aria-label={`${scored} of ${criteria.length} scored`}>
              {scored}/{criteria.length}
            </span>
          </span>
        </div>
      </th>
      {criteria.map((c, col) => {
        const score = scores[c.id];
        return (
          <td
            key={c.id}
            role="gridcell"
            data-row={index}
            data-col={col}
            tabIndex={tabCol === col ? 0 : -1}
            className={`scoring-cell${pendingKeys.includes(c.id) ? ' is-saving' : ''}`}
          >
            {score === undefined ? (
              <>
                <span aria-hidden="true" className="scoring-empty">
                  ·
                </span>
                <span className="apps-sr-only">not scored</span>
              </>
            ) : (
              score
            )}
          </td>
        );
      })}
      <td role="gridcell" aria-readonly="true" className="scoring-derived">
        {formatScore(derived.businessScore)}
      </td>
      <td role="gridcell" aria-readonly="true" className="scoring-derived">
        {formatScore(derived.technicalScore)}
      </td>
    </tr>
  );
});

export default function ScoringGrid({ data }: { data: AppsData }) {
  const database = useDatabase();
  const { run } = useAction();
  const criteria = useMemo(() => criteriaInAxisOrder(data.criteria), [data.criteria]);
  const [filter, setFilter] = useState<Filter>('unscored');
  const [search, setSearch] = useState('');
  // Apps scored here since the list was set up stay listed once finished (until the filter changes).
  const [kept, setKept] = useState<ReadonlySet<string>>(() => new Set());
  const [pending, setPending] = useState<ReadonlyMap<string, number | null>>(() => new Map());
  const [active, setActive] = useState<Cell>({ row: 0, col: 0 });
  const [announcement, setAnnouncement] = useState('');
  const [lastChange, setLastChange] = useState<Done | null>(null);
  const history = useRef<Done[]>([]);
  // Writes and undos run one after another, in the order the keys were pressed.
  const queue = useRef<Promise<unknown>>(Promise.resolve());
  const focusPending = useRef(false);
  const scrollRef = useRef<HTMLDivElement>(null);

  const teamNames = useMemo(() => new Map(data.teams.map((t) => [t.id, t.name])), [data.teams]);
  const rows = useMemo(() => {
    const queued = scoringQueue(data.apps, criteria, { onlyUnscored: filter === 'unscored', keep: kept });
    const words = search.toLowerCase().split(/\s+/).filter(Boolean);
    if (words.length === 0) return queued;
    return queued.filter((app) => {
      const text = `${app.name} ${(app.teamId && teamNames.get(app.teamId)) || ''}`.toLowerCase();
      return words.every((w) => text.includes(w));
    });
  }, [data.apps, criteria, filter, kept, search, teamNames]);
  const unscored = useMemo(
    () => data.apps.filter((a) => !isFullyScored(criteria, a.criteriaScores)).length,
    [data.apps, criteria],
  );

  // A typed score is shown until the live query reads it back; then the stored one takes over.
  useEffect(() => {
    setPending((current) => {
      if (current.size === 0) return current;
      const byId = new Map(data.apps.map((a) => [a.id, a]));
      const next = new Map(current);
      for (const [key, score] of current) {
        const [appId = '', criterionId = ''] = key.split('/');
        const stored = byId.get(appId)?.criteriaScores[criterionId] ?? null;
        if (!byId.has(appId) || stored === score) next.delete(key);
      }
      return next.size === current.size ? current : next;
    });
  }, [data.apps]);

  const virtualizer = useVirtualizer({
    count: rows.length,
    getScrollElement: () => scrollRef.current,
    estimateSize: () => ROW_HEIGHT,
    overscan: 10,
  });
  const items = virtualizer.getVirtualItems();
  const cell: Cell = {
    row: Math.min(active.row, Math.max(0, rows.length - 1)),
    col: Math.min(active.col, Math.max(0, criteria.length - 1)),
  };
  // One tab stop: the active cell, or the same column in the first rendered row while the active
  // row is scrolled out of the DOM.
  const tabRow = items.some((i) => i.index === cell.row) ? cell.row : (items[0]?.index ?? -1);

  // After a keyboard move the target cell may only exist once the virtualizer has scrolled to it.
  useEffect(() => {
    if (!focusPending.current) return;
    const target = scrollRef.current?.querySelector<HTMLElement>(
      `td[data-row="${cell.row}"][data-col="${cell.col}"]`,
    );
    if (target) {
      target.focus({ preventScroll: true });
      focusPending.current = false;
    }
  }, [cell.row, cell.col, items]);

  const moveTo = useCallback(
    (row: number, col: number) => {
      const next = {
        row: Math.max(0, Math.min(rows.length - 1, row)),
        col: Math.max(0, Math.min(criteria.length - 1, col)),
      };
      setActive(next);
      focusPending.current = true;
      virtualizer.scrollToIndex(next.row, { align: 'auto' });
    },
    [rows.length, criteria.length, virtualizer],
  );

  const enqueue = (work: () => Promise<unknown>) => {
    queue.current = queue.current.then(work);
  };

  const dropPending = (key: string) =>
    setPending((current) => {
      if (!current.has(key)) return current;
      const next = new Map(current);
      next.delete(key);
      return next;
    });

  const score = (app: App, criterion: Criterion, value: number | null) => {
    const key = keyOf(app.id, criterion.id);
    setPending((current) => new Map(current).set(key, value));
    setKept((current) => (current.has(app.id) ? current : new Set(current).add(app.id)));
    enqueue(async () => {
      const change = await run(
        () => setCriterionScore(app.id, criterion.id, value, database),
        `Could not save ${app.name}'s score on ${criterion.name}`,
      );
      if (!change || change.undo.changes.length === 0) {
        dropPending(key);
        return;
      }
      const done = { appId: app.id, criterionId: criterion.id, undo: change.undo };
      history.current = [...history.current.slice(1 - HISTORY_LIMIT), done];
      setLastChange(done);
    });
  };

  const undoLast = () =>
    enqueue(async () => {
      const done = history.current.at(-1);
      if (!done) {
        setAnnouncement('Nothing to undo.');
        return;
      }
      history.current = history.current.slice(0, -1);
      setLastChange(history.current.at(-1) ?? null);
      const restored = await run(() => undoChanges(database, done.undo));
      dropPending(keyOf(done.appId, done.criterionId));
      if (restored === undefined) return;
      setAnnouncement(`Undone: ${done.undo.label}.`);
      const row = rows.findIndex((a) => a.id === done.appId);
      const col = criteria.findIndex((c) => c.id === done.criterionId);
      if (row >= 0 && col >= 0 && scrollRef.current?.contains(document.activeElement)) moveTo(row, col);
    });

  const cellOf = (target: EventTarget): Cell | null => {
    const td = (target as Element).closest?.('td[data-col]');
    if (!td) return null;
    return { row: Number(td.getAttribute('data-row')), col: Number(td.getAttribute('data-col')) };
  };

  const onFocus = (event: FocusEvent<HTMLTableSectionElement>) => {
    const at = cellOf(event.target);
    if (at && (at.row !== active.row || at.col !== active.col)) setActive(at);
  };

  const onKeyDown = (event: KeyboardEvent<HTMLTableSectionElement>) => {
    if ((event.ctrlKey || event.metaKey) && !event.shiftKey && event.key.toLowerCase() === 'z') {
      event.preventDefault();
      undoLast();
      return;
    }
    const at = cellOf(event.target);
    if (!at) return;
    const { row, col } = at;
    const app = rows[row];
    const criterion = criteria[col];
    if (!app || !criterion) return;
    const page = Math.max(1, Math.floor((scrollRef.current?.clientHeight ?? 400) / ROW_HEIGHT) - 2);
    const ctrl = event.ctrlKey || event.metaKey;
    const last = criteria.length - 1;
    const moves: Record<string, Cell> = {
      ArrowRight: { row, col: col + 1 },
      ArrowLeft: { row, col: col - 1 },
      ArrowDown: { row: row + 1, col },
      ArrowUp: { row: row - 1, col },
      PageDown: { row: row + page, col },
      PageUp: { row: row - page, col },
      Home: ctrl ? { row: 0, col: 0 } : { row, col: 0 },
      End: ctrl ? { row: rows.length - 1, col: last } : { row, col: last },
      Enter: { row: event.shiftKey ? row - 1 : row + 1, col },
    };
    const move = moves[event.key];
    if (move && !event.altKey) {
      event.preventDefault();
      moveTo(move.row, move.col);
    } else if (/^[1-5]$/.test(event.key) && !ctrl && !event.altKey) {
      event.preventDefault();
      score(app, criterion, Number(event.key));
      // On to the next criterion; after the last one, the next app's first.
      if (col < last) moveTo(row, col + 1);
      else if (row < rows.length - 1) moveTo(row + 1, 0);
    } else if (/^[06-9]$/.test(event.key) && !ctrl && !event.altKey) {
      event.preventDefault();
      setAnnouncement('Scores go from 1 to 5.');
    } else if (event.key === 'Backspace' || event.key === 'Delete') {
      event.preventDefault();
      score(app, criterion, null);
    }
  };

  if (criteria.length === 0) {
    return (
      <div className="card empty">
        <h2>No criteria to score yet</h2>
        <p>Apps are scored on the feasibility criteria. Add them first, or start from the suggested ones.</p>
        <a className="button primary" href="#/apps/criteria">
          Set up the criteria
        </a>
      </div>
    );
  }
  if (data.apps.length === 0) {
    return (
      <div className="card empty apps-empty">
        <h2>No apps yet</h2>
        <p>Bring in your portfolio, then score it here.</p>
        <a className="button primary" href="#/apps/import">
          Import apps
        </a>
      </div>
    );
  }

  const axes = (['business', 'technical'] as const)
    .map((axis) => ({ axis, span: criteria.filter((c) => c.axis === axis).length }))
    .filter((a) => a.span > 0);
  const padTop = items[0]?.start ?? 0;
  const padBottom = virtualizer.getTotalSize() - (items.at(-1)?.end ?? 0);
  const columns = criteria.length + 3;

  return (
    <section aria-label="Scoring" className="scoring-section">
      <div className="toolbar scoring-toolbar">
        <label className="scoring-filter">
          <span>Show</span>
          <select
            value={filter}
            onChange={(e) => {
              setFilter(e.target.value as Filter);
              setKept(new Set());
              setActive({ row: 0, col: 0 });
            }}
          >
            <option value="unscored">Apps not fully scored</option>
            <option value="all">All apps</option>
          </select>
        </label>
        <input
          type="search"
          aria-label="Find an app"
          placeholder="Find an app or team…"
          value={search}
          onChange={(e) => {
            setSearch(e.target.value);
            setActive({ row: 0, col: 0 });
          }}
        />
        <span className="muted scoring-count">
          {count(unscored, 'app')} of {data.apps.length.toLocaleString('en')} not fully scored
        </span>
        <span className="spacer-flex" />
        <button
          type="button"
          onClick={undoLast}
          disabled={!lastChange}
          title={lastChange ? `Undo: ${lastChange.undo.label} (Ctrl+Z in the grid)` : 'Nothing to undo'}
        >
          Undo
        </button>
      </div>
      <div className="apps-sr-only" role="status" aria-live="polite">
        {announcement}
      </div>

      {rows.length === 0 ? (
        <div className="card empty" role="status">
          {search ? (
            'No app matches.'
          ) : (
            <>
              <p>Every app is scored on every criterion.</p>
              <button type="button" onClick={() => setFilter('all')}>
                Show all apps
              </button>
            </>
          )}
        </div>
      ) : (
        <div ref={scrollRef} className="scoring-scroll" data-testid="scoring-scroll">
          <table
            role="grid"
            className="data scoring-grid"
            aria-label={`Scores, ${count(rows.length, 'app')}`}
            aria-describedby="scoring-help"
            aria-rowcount={rows.length + HEADER_ROWS}
            aria-colcount={columns}
          >
            <colgroup>
              <col className="scoring-col-app" />
              {criteria.map((c) => (
                <col key={c.id} />
              ))}
              <col className="scoring-col-derived" />
              <col className="scoring-col-derived" />
            </colgroup>
            <thead>
              <tr role="row" aria-rowindex={1} className="scoring-axes">
                <th role="columnheader" scope="col">
                  <span className="apps-sr-only">Axis</span>
                </th>
                {axes.map((a) => (
                  <th
                    key={a.axis}
                    role="columnheader"
                    scope="colgroup"
                    colSpan={a.span}
                    className={`scoring-axis scoring-axis-${a.axis}`}
                  >
                    {AXIS_LABELS[a.axis]}
                  </th>
                ))}
                <th role="columnheader" scope="colgroup" colSpan={2} className="scoring-axis">
                  Derived
                </th>
              </tr>
              <tr role="row" aria-rowindex={2} className="scoring-names">
                <th role="columnheader" scope="col">
                  App
                </th>
                {criteria.map((c) => (
                  <th key={c.id} role="columnheader" scope="col" title={c.description || undefined}>
                    {c.name} <span className="muted">× {c.weight}</span>
                  </th>
                ))}
                <th role="columnheader" scope="col" className="numeric">
                  Business
                </th>
                <th role="columnheader" scope="col" className="numeric">
                  Technical
                </th>
              </tr>
            </thead>
            {/* Cell events are handled here, once: rows are plain memoized elements. */}
            <tbody onKeyDown={onKeyDown} onFocus={onFocus}>
              {padTop > 0 && (
                <tr aria-hidden="true" className="spacer">
                  <td colSpan={columns} style={{ height: padTop }} />
                </tr>
              )}
              {items.map((item) => {
                const app = rows[item.index]!;
                const pendingKeys = criteria
                  .filter((c) => pending.has(keyOf(app.id, c.id)))
                  .map((c) => c.id)
                  .join(' ');
                return (
                  <ScoringRow
                    key={app.id}
                    app={app}
                    index={item.index}
                    criteria={criteria}
                    allCriteria={data.criteria}
                    scores={pendingKeys ? shownScores(app, criteria, pending) : app.criteriaScores}
                    pendingKeys={pendingKeys}
                    tabCol={item.index === tabRow ? cell.col : -1}
                  />
                );
              })}
              {padBottom > 0 && (
                <tr aria-hidden="true" className="spacer">
                  <td colSpan={columns} style={{ height: padBottom }} />
                </tr>
              )}
            </tbody>
          </table>
        </div>
      )}
      <div className="scoring-footer">
        <p className="muted scoring-help" id="scoring-help">
          Type 1–5 to score a cell and move to the next; Backspace clears it. Arrow keys move, Enter moves
          down, Ctrl+Z undoes the last change. Every score is saved as you type.
        </p>
        {/* Not a live region: typing a row of scores would announce every one of them. */}
        <p className="scoring-last">{lastChange ? `Last change: ${lastChange.undo.label}.` : ''}</p>
      </div>
    </section>
  );
}
