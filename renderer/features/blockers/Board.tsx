/**
 * The board: a column per status (open → mitigating → resolved) and a lane per category, a card
 * per blocker (the oldest unresolved first; in Resolved, those resolved in the last 30 days,
 * newest first). Cards move between statuses by dragging them to another column, with their
 * "Move…" menu, or from the keyboard: Left/Right on a focused card moves it one status, dated
 * today, and says so (with Undo). Going back from resolved asks why (ReopenDialog). Each cell
 * shows its first cards; every count opens the register listing the blockers it counts.
 *
 * The board is one tab stop (the last card used): ↑/↓ and Home/End move the focus within a
 * column, across its lanes; Ctrl+←/→ (⌘ on a Mac) to the next column; Enter opens the blocker.
 */
import { useEffect, useRef, useState, type DragEvent, type KeyboardEvent } from 'react';
import {
  addDaysIso,
  BLOCKER_CATEGORY_IDS,
  BLOCKER_STATUSES,
  BLOCKER_STATUS_LABELS,
  formatIsoDate,
  type Blocker,
  type BlockerCategory,
  type BlockerStatus,
  type IsoDate,
  type Person,
} from '../../../shared/domain';
import { boardCellKey, boardCells, type BoardCell } from '../../../shared/domain/blocker-board';
import { rangeOf, type BlockerFilters } from '../../../shared/domain/blocker-filters';
import { daysOpen } from '../../../shared/domain/blocker-stats';
import { useDatabase } from '../../db/DatabaseContext';
import { describeError } from '../../db/errors';
import { useUi } from '../../store/ui';
import { memoizeLast } from '../../ui/memoize-last';
import { useOfferUndo } from '../../ui/undo';
import { useRovingFocus } from '../../ui/use-roving-focus';
import { changeBlockerStatus, type BlockerCommandResult } from './data/blockers';
import { useAppNames, useBoardBlockers, type BlockerLookups } from './data/queries';
import { categoryLabel, count, days, SeverityBadge, today } from './parts';
import { blockerHref, registerHref } from './route';
import { ReopenDialog, type ReopenRequest } from './ReopenDialog';
import './board.css';

/** Cards a cell shows; the rest are in the register. */
export const CELL_LIMIT = 8;
/** The Resolved column shows what was resolved in this many days. */
export const RECENT_DAYS = 90;
const DRAG_TYPE = 'application/x-pat-blocker-id';

/*
 * The cells, the columns' cards and their keys, remembered in the module (memoizeLast): the board
 * opened again over the same blockers (kept for the area and filtered once, data/queries.ts)
 * works out none of them again, and the cards keep their identity.
 */
const cellsOf = memoizeLast((blockers: readonly Blocker[], day: IsoDate) =>
  boardCells(blockers, day, CELL_LIMIT),
);
/** Each column's cards top to bottom, across the lanes: the order ↑/↓ follow. */
const columnsOf = memoizeLast((cells: ReadonlyMap<string, BoardCell>) =>
  BLOCKER_STATUSES.map((status) =>
    BLOCKER_CATEGORY_IDS.flatMap((category) => cells.get(boardCellKey(category, status))!.shown),
  ),
);
const keysOf = memoizeLast((columns: readonly Blocker[][]) =>
  columns.flatMap((list) => list.map((b) => b.id)),
);
const shownOf = memoizeLast((columns: readonly Blocker[][]) => columns.flat());
const ownersOf = memoizeLast((people: readonly Person[]) => new Map(people.map((p) => [p.id, p.name])));
const NO_COLUMNS: Blocker[][] = [];
const NO_KEYS: string[] = [];

export default function Board({ filters, lookups }: { filters: BlockerFilters; lookups: BlockerLookups }) {
  const database = useDatabase();
  const toast = useUi((s) => s.toast);
  const offerUndo = useOfferUndo();
  const day = today();
  const resolvedRange = filters.resolved || rangeOf(addDaysIso(day, -RECENT_DAYS), null);
  const blockers = useBoardBlockers(filters, resolvedRange, day);
  const owners = ownersOf(lookups.people);
  const [announcement, setAnnouncement] = useState('');
  const [reopen, setReopen] = useState<ReopenRequest | null>(null);
  const [dropTarget, setDropTarget] = useState<BlockerStatus | null>(null);
  const boardRef = useRef<HTMLDivElement>(null);
  /** The card to focus again once it shows in its new column. */
  const focusAfterMove = useRef<{ id: string; status: BlockerStatus } | null>(null);
  /** Moves not yet seen by the live query: a quick second key press starts from where the first went. */
  const pending = useRef(new Map<string, BlockerStatus>());

  const cells = blockers && cellsOf(blockers, day);
  const cellOf = (category: BlockerCategory, status: BlockerStatus) =>
    cells!.get(boardCellKey(category, status))!;

  const columns = cells ? columnsOf(cells) : NO_COLUMNS;
  const keys = cells ? keysOf(columns) : NO_KEYS;
  // Only the cards shown name their app: a few dozen apps read, not those of thousands of blockers.
  const shownCards = cells ? shownOf(columns) : undefined;
  const appNames = useAppNames(shownCards);
  const roving = useRovingFocus(keys);

  useEffect(() => {
    for (const b of blockers ?? []) if (pending.current.get(b.id) === b.status) pending.current.delete(b.id);
    const target = focusAfterMove.current;
    if (!target || reopen) return;
    if (blockers?.find((b) => b.id === target.id)?.status !== target.status) return;
    const card = boardRef.current?.querySelector<HTMLElement>(`[data-blocker-id="${target.id}"]`);
    if (card) {
      focusAfterMove.current = null;
      roving.focus(target.id);
    }
  }, [blockers, reopen, roving]);

  if (!blockers || !cells || !appNames) {
    return (
      <div role="status" className="empty">
        Loading the board…
      </div>
    );
  }

  const statusOf = (b: Blocker) => pending.current.get(b.id) ?? b.status;

  const moved = (result: BlockerCommandResult) => {
    const { blocker } = result;
    const text = `“${blocker.title}” moved to ${BLOCKER_STATUS_LABELS[blocker.status].toLowerCase()}.`;
    setAnnouncement(text);
    offerUndo(text, result.undo);
  };

  const move = async (b: Blocker, to: BlockerStatus, viaKeyboard: boolean) => {
    const from = statusOf(b);
    if (from === to) return;
    if (from === 'resolved') {
      setReopen({ blocker: { ...b, status: from }, to });
      return;
    }
    pending.current.set(b.id, to);
    if (viaKeyboard) focusAfterMove.current = { id: b.id, status: to };
    try {
      moved(await changeBlockerStatus({ id: b.id, status: to, on: today(), from }, database));
    } catch (error) {
      pending.current.delete(b.id);
      focusAfterMove.current = null;
      toast({ kind: 'error', text: `Could not move “${b.title}”: ${describeError(error)}` });
    }
  };

  const onKeyDown = (event: KeyboardEvent<HTMLElement>, b: Blocker) => {
    if (event.target !== event.currentTarget) return;
    const column = BLOCKER_STATUSES.findIndex((_, c) => columns[c]!.some((x) => x.id === b.id));
    const list = columns[column] ?? [];
    const row = list.findIndex((x) => x.id === b.id);
    const jump = event.ctrlKey || event.metaKey;
    let target: Blocker | undefined;
    if (event.key === 'ArrowDown') target = list[row + 1];
    else if (event.key === 'ArrowUp') target = list[row - 1];
    else if (event.key === 'Home') target = list[0];
    else if (event.key === 'End') target = list.at(-1);
    else if (jump && (event.key === 'ArrowLeft' || event.key === 'ArrowRight')) {
      const step = event.key === 'ArrowRight' ? 1 : -1;
      for (let c = column + step; c >= 0 && c < columns.length; c += step) {
        const next = columns[c]!;
        // The same lane when it has cards there, else the nearest card.
        const sameLane = next.filter((x) => x.category === b.category);
        target = sameLane[Math.min(row, sameLane.length - 1)] ?? next[Math.min(row, next.length - 1)];
        if (target) break;
      }
      if (!target) setAnnouncement(`No cards ${step > 0 ? 'after' : 'before'} this column.`);
    } else if (event.key === 'ArrowLeft' || event.key === 'ArrowRight') {
      event.preventDefault();
      const next =
        BLOCKER_STATUSES[BLOCKER_STATUSES.indexOf(statusOf(b)) + (event.key === 'ArrowRight' ? 1 : -1)];
      if (next) void move(b, next, true);
      else setAnnouncement(`“${b.title}” is already ${BLOCKER_STATUS_LABELS[statusOf(b)].toLowerCase()}.`);
      return;
    } else if (event.key === 'Enter') {
      event.preventDefault();
      location.hash = blockerHref(b.id);
      return;
    } else return;
    event.preventDefault();
    if (target) roving.focus(target.id);
  };

  const onDrop = (event: DragEvent, status: BlockerStatus) => {
    event.preventDefault();
    setDropTarget(null);
    const id = event.dataTransfer.getData(DRAG_TYPE);
    const b = blockers.find((x) => x.id === id);
    if (b) void move(b, status, false);
  };

  const columnFilter = (status: BlockerStatus): Partial<BlockerFilters> =>
    status === 'resolved' ? { ...filters, status, resolved: resolvedRange } : { ...filters, status };
  const columnTotal = (status: BlockerStatus) =>
    BLOCKER_CATEGORY_IDS.reduce((sum, c) => sum + cellOf(c, status).total, 0);

  return (
    <section aria-label="Blocker board" className="blocker-board-section">
      <p className="muted" id="blocker-board-help">
        Drag a card to another column, or focus it and press ← / → (or use its “Move…” menu); moves are dated
        today. ↑ / ↓ and Ctrl+← / → move between cards; Enter opens the blocker. Resolved shows the last{' '}
        {RECENT_DAYS} days.
      </p>
      <div className="visually-hidden" role="status" aria-live="polite">
        {announcement}
      </div>
      <div className="blocker-board" ref={boardRef}>
        {BLOCKER_STATUSES.map((status) => (
          <div
            key={status}
            className={`blocker-board-head status-col-${status}${dropTarget === status ? ' is-drop-target' : ''}`}
          >
            <h3>{BLOCKER_STATUS_LABELS[status]}</h3>
            <a
              href={registerHref(columnFilter(status))}
              className="board-count-link"
              aria-label={`List the ${count(columnTotal(status), `${status} blocker`)}${status === 'resolved' ? ` resolved in the last ${RECENT_DAYS} days` : ''}`}
            >
              {columnTotal(status).toLocaleString('en')}
            </a>
          </div>
        ))}
        {BLOCKER_CATEGORY_IDS.map((category) => (
          <Lane
            key={category}
            category={category}
            unresolved={cellOf(category, 'open').total + cellOf(category, 'mitigating').total}
            href={registerHref({ ...filters, category, status: filters.status || 'unresolved' })}
          >
            {BLOCKER_STATUSES.map((status) => {
              const cell = cellOf(category, status);
              const more = cell.total - cell.shown.length;
              return (
                <div
                  key={status}
                  className={`blocker-cell${dropTarget === status ? ' is-drop-target' : ''}`}
                  onDragOver={(e) => {
                    if (!e.dataTransfer.types.includes(DRAG_TYPE)) return;
                    e.preventDefault();
                    e.dataTransfer.dropEffect = 'move';
                    if (dropTarget !== status) setDropTarget(status);
                  }}
                  onDragLeave={(e) => {
                    if (!e.currentTarget.contains(e.relatedTarget as Node | null)) setDropTarget(null);
                  }}
                  onDrop={(e) => onDrop(e, status)}
                >
                  <ul
                    className="blocker-cards"
                    aria-label={`${categoryLabel(category)}, ${BLOCKER_STATUS_LABELS[status]}`}
                  >
                    {cell.shown.map((b) => (
                      <li
                        key={b.id}
                        className={`blocker-card severity-edge-${b.severity}`}
                        {...roving.itemProps(b.id)}
                        data-blocker-id={b.id}
                        draggable
                        aria-label={`${b.title}, ${b.severity}, ${BLOCKER_STATUS_LABELS[b.status].toLowerCase()}`}
                        aria-describedby="blocker-board-help"
                        onDragStart={(e) => {
                          e.dataTransfer.setData(DRAG_TYPE, b.id);
                          e.dataTransfer.effectAllowed = 'move';
                        }}
                        onDragEnd={() => setDropTarget(null)}
                        onKeyDown={(e) => onKeyDown(e, b)}
                      >
                        <a
                          href={blockerHref(b.id)}
                          tabIndex={-1}
                          draggable={false}
                          className="blocker-card-title"
                        >
                          {b.title}
                        </a>
                        <small className="muted">{b.subCategory}</small>
                        <div className="blocker-card-meta">
                          <SeverityBadge severity={b.severity} />
                          <span className="muted">
                            {b.status === 'resolved'
                              ? `resolved ${formatIsoDate(b.resolvedOn, 'd MMM')}`
                              : `open ${days(daysOpen(b, day))}`}
                          </span>
                          <select
                            className="blocker-move"
                            tabIndex={roving.active === b.id ? 0 : -1}
                            aria-label={`Move “${b.title}” to`}
                            value=""
                            onChange={(e) => void move(b, e.target.value as BlockerStatus, true)}
                          >
                            <option value="" disabled>
                              Move…
                            </option>
                            {BLOCKER_STATUSES.filter((s) => s !== b.status).map((s) => (
                              <option key={s} value={s}>
                                {BLOCKER_STATUS_LABELS[s]}
                              </option>
                            ))}
                          </select>
                        </div>
                        {(b.appId || b.ownerId) && (
                          <small className="muted blocker-card-links">
                            {[b.appId && appNames.get(b.appId), b.ownerId && owners.get(b.ownerId)]
                              .filter(Boolean)
                              .join(' · ')}
                          </small>
                        )}
                      </li>
                    ))}
                  </ul>
                  {cell.total === 0 && <p className="muted blocker-cell-empty">None</p>}
                  {more > 0 && (
                    <a
                      className="blocker-cell-more"
                      href={registerHref({ ...columnFilter(status), category })}
                    >
                      All {cell.total.toLocaleString('en')} in the register
                    </a>
                  )}
                </div>
              );
            })}
          </Lane>
        ))}
      </div>
      <ReopenDialog
        request={reopen}
        onClose={() => {
          if (reopen) focusAfterMove.current = { id: reopen.blocker.id, status: reopen.blocker.status };
          setReopen(null);
        }}
        onDone={(result) => {
          focusAfterMove.current = { id: result.blocker.id, status: result.blocker.status };
          setReopen(null);
          moved(result);
        }}
      />
    </section>
  );
}

function Lane({
  category,
  unresolved,
  href,
  children,
}: {
  category: BlockerCategory;
  unresolved: number;
  href: string;
  children: React.ReactNode;
}) {
  return (
    <>
      <h4 className="blocker-lane-head" id={`lane-${category}`}>
        {categoryLabel(category)}{' '}
        <a
          href={href}
          className="board-count-link"
          aria-label={`List the ${count(unresolved, 'unresolved blocker')} of ${categoryLabel(category)}`}
        >
          {unresolved.toLocaleString('en')} unresolved
        </a>
      </h4>
      {children}
    </>
  );
}
