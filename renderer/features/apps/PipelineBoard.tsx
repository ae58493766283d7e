/**
 * The onboarding pipeline as a board: a column per stage (candidate → selected → onboarding →
 * on platform, then paused and dropped) with a card per app. Cards move by drag-and-drop with
 * the mouse, or from the keyboard: on a focused card, Left/Right (or the "Move…" menu) moves it
 * one stage, and the result is announced. Every move stamps the date of the step it passes
 * (stageTransitionPatch); a move that skips steps (Selected straight to On platform) first asks
 * when they happened (SkipStepsDialog), and the focus comes back to the card afterwards. A card
 * whose dates contradict its cycle says so. Columns show their first cards only, with "Show all",
 * so the board stays fast with thousands of apps.
 *
 * The board is one tab stop (the last card used, and its "Move…" menu): ↑/↓ and Home/End move
 * the focus within a column, Ctrl+←/→ (⌘ on a Mac) to the next column that has cards.
 *
 * A card with unresolved blockers says how many (issue 10) and links to them in the register.
 * The counts of every card in view come from one read (useOpenBlockerCounts, a shared read so
 * that this area need not import the Blockers area), not one per card.
 */
import {
  useEffect,
  useMemo,
  useRef,
  useState,
  type DragEvent,
  type KeyboardEvent,
  type RefObject,
} from 'react';
import {
  APP_STAGE_LABELS,
  STAGE_ORDER,
  cycleDateWarnings,
  cycleLabel,
  formatIsoDate,
  skippedSteps,
  type App,
  type AppStage,
  type PipelineDates,
} from '../../../shared/domain';
import { moveAppToStage } from './data/apps';
import { SkipStepsDialog, type SkipRequest } from './SkipStepsDialog';
import { describeError } from '../../db/errors';
import { useDatabase } from '../../db/DatabaseContext';
import { useAppsUi } from '../../store/apps';
import { useUi } from '../../store/ui';
import { count, formatScore, today } from './parts';
import type { AppsData } from './data/queries';
import { collator } from '../../../shared/domain/app-table';
import { queryOfFilters } from '../../../shared/domain/blocker-filters';
import { useOpenBlockerCounts } from '../../db/workspace-queries';
import { useRovingFocus } from '../../ui/use-roving-focus';

/** Cards a column shows before "Show all". */
export const COLUMN_LIMIT = 50;

const DRAG_TYPE = 'application/x-pat-app-id';

const STAGE_HINT: Record<AppStage, string> = {
  candidate: 'In the portfolio, not picked yet',
  selected: 'Picked for a cycle',
  onboarding: 'Pairing with the platform team',
  'on-platform': 'In production on the platform',
  paused: 'On hold, keeps its slot',
  dropped: 'No longer pursued',
};

/** The date a card shows: the latest step the app reached. */
function stepDate(app: App): string {
  if (app.productionOn) return `In production ${formatIsoDate(app.productionOn)}`;
  if (app.firstDeployOn) return `Hello world ${formatIsoDate(app.firstDeployOn)}`;
  if (app.selectedOn) return `Selected ${formatIsoDate(app.selectedOn)}`;
  return '';
}

/** The columns cut off at either side of the board's scroll area (a narrow window shows fewer). */
function useColumnsOutOfView(boardRef: RefObject<HTMLDivElement | null>) {
  const [out, setOut] = useState<{ left: AppStage[]; right: AppStage[] }>({ left: [], right: [] });
  useEffect(() => {
    const board = boardRef.current;
    if (!board) return;
    const measure = () => {
      const left: AppStage[] = [];
      const right: AppStage[] = [];
      const from = board.scrollLeft;
      const to = from + board.clientWidth;
      board.querySelectorAll<HTMLElement>('[data-stage]').forEach((column) => {
        const stage = column.dataset.stage as AppStage;
        if (column.offsetLeft + column.offsetWidth > to + 1) right.push(stage);
        else if (column.offsetLeft < from - 1) left.push(stage);
      });
      setOut((was) =>
        was.left.join() === left.join() && was.right.join() === right.join() ? was : { left, right },
      );
    };
    measure();
    board.addEventListener('scroll', measure, { passive: true });
    // Every browser and Electron have ResizeObserver; a DOM without layout (jsdom) need not.
    const observer = typeof ResizeObserver === 'undefined' ? null : new ResizeObserver(measure);
    observer?.observe(board);
    return () => {
      board.removeEventListener('scroll', measure);
      observer?.disconnect();
    };
  }, [boardRef]);
  return out;
}

const stageList = (stages: AppStage[]) =>
  stages
    .map((s) => APP_STAGE_LABELS[s])
    .join(', ')
    .replace(/, ([^,]*)$/, ' and $1');

/** The register listing an app's unresolved blockers. */
export function openBlockersHref(appId: string): string {
  return `#/blockers/register?${queryOfFilters({ status: 'unresolved', appId })}`;
}

const blockerCount = (n: number) => `${n.toLocaleString('en')} open blocker${n === 1 ? '' : 's'}`;

export default function PipelineBoard({ data }: { data: AppsData }) {
  const database = useDatabase();
  const { apps, teams, cycles } = data;
  const expanded = useAppsUi((s) => s.expandedStages);
  const toggleExpanded = useAppsUi((s) => s.toggleExpanded);
  const toast = useUi((s) => s.toast);
  const [announcement, setAnnouncement] = useState('');
  const [dropTarget, setDropTarget] = useState<AppStage | null>(null);
  const [filter, setFilter] = useState('');
  const [skip, setSkip] = useState<SkipRequest | null>(null);
  /** The card to give the focus back to, once it shows in the column of `stage`. */
  const focusAfterMove = useRef<{ id: string; stage: AppStage } | null>(null);
  const boardRef = useRef<HTMLDivElement>(null);
  const outOfView = useColumnsOutOfView(boardRef);

  const teamNames = useMemo(() => new Map(teams.map((t) => [t.id, t.name])), [teams]);
  const cycleById = useMemo(() => new Map(cycles.map((c) => [c.id, c])), [cycles]);
  const cycleNames = useMemo(() => new Map(cycles.map((c) => [c.id, cycleLabel(c)])), [cycles]);

  const columns = useMemo(() => {
    const words = filter.toLowerCase().split(/\s+/).filter(Boolean);
    const byStage = new Map<AppStage, App[]>(STAGE_ORDER.map((s) => [s, []]));
    for (const app of apps) {
      if (words.length) {
        const text = `${app.name} ${(app.teamId && teamNames.get(app.teamId)) || ''}`.toLowerCase();
        if (!words.every((w) => text.includes(w))) continue;
      }
      byStage.get(app.stage)?.push(app);
    }
    // The most recently moved first: what the owner just did stays in view.
    for (const list of byStage.values()) {
      list.sort((a, b) =>
        a.updatedAt === b.updatedAt ? collator.compare(a.name, b.name) : a.updatedAt < b.updatedAt ? 1 : -1,
      );
    }
    return byStage;
  }, [apps, filter, teamNames]);

  const shownByStage = useMemo(
    () =>
      STAGE_ORDER.map((stage) => {
        const list = columns.get(stage) ?? [];
        return expanded.includes(stage) ? list : list.slice(0, COLUMN_LIMIT);
      }),
    [columns, expanded],
  );
  const cardIds = useMemo(() => shownByStage.flatMap((list) => list.map((a) => a.id)), [shownByStage]);
  const roving = useRovingFocus(cardIds);
  const openBlockers = useOpenBlockerCounts(cardIds);

  /** Focus moves inside the board: within a column, or to the neighbouring column with cards. */
  const moveFocus = (event: KeyboardEvent<HTMLElement>, app: App): boolean => {
    const column = shownByStage.findIndex((list) => list.some((a) => a.id === app.id));
    const list = shownByStage[column] ?? [];
    const row = list.findIndex((a) => a.id === app.id);
    let target: App | undefined;
    if (event.key === 'ArrowDown') target = list[row + 1];
    else if (event.key === 'ArrowUp') target = list[row - 1];
    else if (event.key === 'Home') target = list[0];
    else if (event.key === 'End') target = list.at(-1);
    else if ((event.ctrlKey || event.metaKey) && (event.key === 'ArrowRight' || event.key === 'ArrowLeft')) {
      const step = event.key === 'ArrowRight' ? 1 : -1;
      for (let c = column + step; c >= 0 && c < shownByStage.length; c += step) {
        const next = shownByStage[c]!;
        if (next.length) {
          target = next[Math.min(row, next.length - 1)];
          break;
        }
      }
      if (!target) setAnnouncement(`No cards ${step > 0 ? 'after' : 'before'} this column.`);
    } else return false;
    event.preventDefault();
    if (target) roving.focus(target.id);
    return true;
  };

  // Moves not yet seen by the live query: a quick second key press must start from the stage the
  // first one moved the card to, not from the stale one still on screen.
  const pending = useRef(new Map<string, AppStage>());
  useEffect(() => {
    for (const app of apps) if (pending.current.get(app.id) === app.stage) pending.current.delete(app.id);
  }, [apps]);
  const stageOf = (app: App) => pending.current.get(app.id) ?? app.stage;

  // A card moved by keyboard (or after the dates dialog) re-renders in its new column: give it
  // the focus back there, not to the old card that is about to go.
  useEffect(() => {
    const target = focusAfterMove.current;
    if (!target || skip) return;
    if (apps.find((a) => a.id === target.id)?.stage !== target.stage) return;
    const card = boardRef.current?.querySelector<HTMLElement>(`[data-app-id="${target.id}"]`);
    if (card) {
      card.focus();
      focusAfterMove.current = null;
    }
  }, [apps, skip]);

  /** Makes the move; throws what moveAppToStage throws (the dates dialog shows it). */
  const commit = async (app: App, stage: AppStage, dates?: PipelineDates) => {
    pending.current.set(app.id, stage);
    try {
      const { assignedCycle } = await moveAppToStage(app.id, stage, today(), database, dates);
      setAnnouncement(
        `${app.name} moved to ${APP_STAGE_LABELS[stage]}` +
          (assignedCycle ? `, in ${cycleLabel(assignedCycle)}` : '') +
          '.',
      );
    } catch (error) {
      pending.current.delete(app.id);
      throw error;
    }
  };

  const move = async (app: App, stage: AppStage, viaKeyboard: boolean) => {
    const from = stageOf(app);
    if (from === stage) return;
    const skipped = skippedSteps({ ...app, stage: from }, stage);
    if (skipped) {
      setSkip({ app: { ...app, stage: from }, to: stage, skipped });
      return;
    }
    try {
      await commit(app, stage);
      // The moved card sorts first in its column, so it is in view even when the column is cut.
      if (viaKeyboard) focusAfterMove.current = { id: app.id, stage };
    } catch (error) {
      toast({ kind: 'error', text: `Could not move ${app.name}: ${describeError(error)}` });
    }
  };

  const onSkipMove = async (request: SkipRequest, dates: PipelineDates) => {
    await commit(request.app, request.to, dates);
    focusAfterMove.current = { id: request.app.id, stage: request.to };
  };

  const closeSkip = () => {
    // Cancelled: the card stays where it was and gets the focus back.
    if (skip && focusAfterMove.current?.id !== skip.app.id) {
      focusAfterMove.current = { id: skip.app.id, stage: skip.app.stage };
    }
    setSkip(null);
  };

  const onCardKeyDown = (event: KeyboardEvent<HTMLElement>, app: App) => {
    if (event.target !== event.currentTarget) return;
    if (moveFocus(event, app)) return;
    const index = STAGE_ORDER.indexOf(stageOf(app));
    if (event.key === 'ArrowRight' || event.key === 'ArrowLeft') {
      event.preventDefault();
      const next = STAGE_ORDER[index + (event.key === 'ArrowRight' ? 1 : -1)];
      if (next) void move(app, next, true);
      else
        setAnnouncement(
          `${app.name} is already in the ${event.key === 'ArrowRight' ? 'last' : 'first'} column.`,
        );
    } else if (event.key === 'Enter') {
      event.preventDefault();
      location.hash = `#/apps/${app.id}`;
    }
  };

  const onDrop = (event: DragEvent, stage: AppStage) => {
    event.preventDefault();
    setDropTarget(null);
    const id = event.dataTransfer.getData(DRAG_TYPE) || event.dataTransfer.getData('text/plain');
    const app = apps.find((a) => a.id === id);
    if (app) void move(app, stage, false);
  };

  return (
    <section aria-label="Pipeline board" className="board-section">
      <div className="toolbar board-toolbar">
        <input
          type="search"
          aria-label="Filter cards"
          placeholder="Filter cards by app or team…"
          value={filter}
          onChange={(e) => setFilter(e.target.value)}
        />
        <span className="muted" id="board-help">
          Drag a card to another column, or focus it and press ← / → (or use its “Move…” menu). ↑ / ↓ and
          Ctrl+← / → move between cards; Enter opens the app.
        </span>
      </div>
      <div className="apps-sr-only" role="status" aria-live="polite">
        {announcement}
      </div>
      {(outOfView.left.length > 0 || outOfView.right.length > 0) && (
        <p className="board-more-columns toolbar">
          {outOfView.left.length > 0 && (
            <button
              type="button"
              className="link"
              onClick={() => boardRef.current?.scrollBy({ left: -boardRef.current.clientWidth })}
            >
              ← {stageList(outOfView.left)}
            </button>
          )}
          <span className="spacer-flex" />
          {outOfView.right.length > 0 && (
            <button
              type="button"
              className="link"
              onClick={() => boardRef.current?.scrollBy({ left: boardRef.current.clientWidth })}
            >
              {stageList(outOfView.right)} →
            </button>
          )}
        </p>
      )}
      <div className={`board-frame${outOfView.right.length ? ' has-more-right' : ''}`}>
        <div className="board" ref={boardRef}>
          {STAGE_ORDER.map((stage, column) => {
            const list = columns.get(stage) ?? [];
            const showAll = expanded.includes(stage);
            const shown = shownByStage[column] ?? [];
            const headingId = `board-col-${stage}`;
            return (
              <section
                key={stage}
                data-stage={stage}
                className={`board-column stage-col-${stage}${dropTarget === stage ? ' is-drop-target' : ''}`}
                aria-labelledby={headingId}
                onDragOver={(e) => {
                  if (!e.dataTransfer.types.includes(DRAG_TYPE)) return;
                  e.preventDefault();
                  e.dataTransfer.dropEffect = 'move';
                  if (dropTarget !== stage) setDropTarget(stage);
                }}
                onDragLeave={(e) => {
                  if (!e.currentTarget.contains(e.relatedTarget as Node | null)) setDropTarget(null);
                }}
                onDrop={(e) => onDrop(e, stage)}
              >
                <header className="board-column-header">
                  <h3 id={headingId}>
                    {APP_STAGE_LABELS[stage]}{' '}
                    <span className="board-count">{list.length.toLocaleString('en')}</span>
                  </h3>
                  <small className="muted">{STAGE_HINT[stage]}</small>
                </header>
                <ul className="board-cards" aria-labelledby={headingId}>
                  {shown.map((app) => {
                    const warnings = cycleDateWarnings(app, app.cycleId ? cycleById.get(app.cycleId) : null);
                    const warningsId = `board-warnings-${app.id}`;
                    const lastWarning = warnings.at(-1);
                    const blocked = openBlockers?.get(app.id) ?? 0;
                    return (
                      <li
                        key={app.id}
                        className="board-card"
                        {...roving.itemProps(app.id)}
                        draggable
                        data-app-id={app.id}
                        aria-label={`${app.name}, ${APP_STAGE_LABELS[app.stage]}${blocked ? `, ${blockerCount(blocked)}` : ''}`}
                        aria-describedby={warnings.length ? `board-help ${warningsId}` : 'board-help'}
                        onDragStart={(e) => {
                          e.dataTransfer.setData(DRAG_TYPE, app.id);
                          e.dataTransfer.setData('text/plain', app.id);
                          e.dataTransfer.effectAllowed = 'move';
                        }}
                        onDragEnd={() => setDropTarget(null)}
                        onKeyDown={(e) => onCardKeyDown(e, app)}
                      >
                        <a
                          href={`#/apps/${app.id}`}
                          className="board-card-name"
                          tabIndex={-1}
                          draggable={false}
                        >
                          {app.name}
                        </a>
                        <div className="board-card-meta">
                          {app.teamId && teamNames.get(app.teamId) && (
                            <span>{teamNames.get(app.teamId)}</span>
                          )}
                          {app.cycleId && cycleNames.get(app.cycleId) && (
                            <span className="badge">{cycleNames.get(app.cycleId)}</span>
                          )}
                          {blocked > 0 && (
                            // Out of the tab order like the name: the card is one tab stop, and
                            // the app's page (Enter) lists its blockers with links.
                            <a
                              href={openBlockersHref(app.id)}
                              className="badge badge-warning board-card-blockers"
                              tabIndex={-1}
                              draggable={false}
                              data-testid="card-open-blockers"
                            >
                              {blockerCount(blocked)}
                            </a>
                          )}
                        </div>
                        {stepDate(app) && <small className="muted">{stepDate(app)}</small>}
                        {lastWarning && (
                          // The latest step's date, as the card shows it; the app's page lists them all.
                          <p className="date-warnings board-card-warnings" id={warningsId}>
                            {lastWarning.message}
                            {warnings.length > 1 &&
                              `; ${count(warnings.length - 1, 'more date')} outside the cycle`}
                          </p>
                        )}
                        <div className="board-card-foot">
                          <span
                            className="muted board-scores"
                            title={`Business value ${formatScore(app.businessScore)}, technical feasibility ${formatScore(app.technicalScore)}`}
                          >
                            {app.businessScore === null && app.technicalScore === null
                              ? 'Not scored'
                              : `${formatScore(app.businessScore)} × ${formatScore(app.technicalScore)}`}
                          </span>
                          <select
                            className="move-select"
                            tabIndex={roving.active === app.id ? 0 : -1}
                            aria-label={`Move ${app.name} to`}
                            value=""
                            onChange={(e) => void move(app, e.target.value as AppStage, true)}
                          >
                            <option value="" disabled>
                              Move…
                            </option>
                            {STAGE_ORDER.filter((s) => s !== app.stage).map((s) => (
                              <option key={s} value={s}>
                                {APP_STAGE_LABELS[s]}
                              </option>
                            ))}
                          </select>
                        </div>
                      </li>
                    );
                  })}
                </ul>
                {list.length === 0 && <p className="board-empty muted">No apps</p>}
                {list.length > COLUMN_LIMIT && (
                  <button type="button" className="link board-more" onClick={() => toggleExpanded(stage)}>
                    {showAll ? 'Show fewer' : `Show all ${list.length.toLocaleString('en')}`}
                  </button>
                )}
              </section>
            );
          })}
        </div>
      </div>
      <SkipStepsDialog request={skip} cycles={cycles} onMove={onSkipMove} onClose={closeSkip} />
    </section>
  );
}
