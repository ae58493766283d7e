/**
 * All cycles on one date axis: a bar per cycle coloured by phase, styled by status (planned bars
 * are hatched, the active one is solid and ringed, closed ones are muted), saying what the cycle
 * actually got to the platform against its goal; years and quarters along the top, a vertical
 * "Today" marker, and a line that reads where today stands. The bars form a listbox: click one,
 * or focus the timeline and use the arrow keys, Home and End, to select a cycle.
 */
import { useEffect, useMemo, useRef, type KeyboardEvent } from 'react';
import {
  checklistProgress,
  cycleLabel,
  formatIsoDate,
  type Cycle,
  type CycleActual,
  type IsoDate,
} from '../../../shared/domain';
import { STATUS_LABELS } from './labels';
import { barFraction, barSummary, describeActual, layoutTimeline, todayNote } from './timeline';
import './plan.css';

interface CycleTimelineProps {
  cycles: readonly Cycle[];
  selectedId: string | undefined;
  onSelect: (id: string) => void;
  today: IsoDate;
  /** Per cycle id, its actual apps (absent while they load, or for a cycle without apps). */
  actuals?: ReadonlyMap<string, CycleActual> | undefined;
}

/**
 * What a bar shows, longest first; plan.css shows the longest that fits the bar's width. With the
 * actual apps loaded, what the cycle got to the platform against its goal; before, the goal.
 */
function barLabels(cycle: Cycle, actual: CycleActual | undefined, withActuals: boolean) {
  return {
    long: cycle.index === 0 ? 'Initial phase' : `Cycle ${cycle.index}`,
    goal: withActuals ? barSummary(cycle, actual) : `goal ${cycle.goalApps}`,
    mid: cycle.index === 0 ? 'Initial' : `C${cycle.index}`,
    fraction: withActuals ? barFraction(cycle, actual) : '',
    short: String(cycle.index),
  };
}

/**
 * A bar's accessible name: first every form of its visible text (C11 4/5 · Cycle 11 · 4 on
 * platform · goal 5), so whichever one the bar shows is in the name (label in name: a speech user
 * says what they see), then the rest of the cycle. The phase goes unsaid: the index decides it,
 * the label names it.
 */
function describe(cycle: Cycle, labels: ReturnType<typeof barLabels>): string {
  const { long, goal, mid, fraction } = labels;
  const { done, total } = checklistProgress(cycle.checklist);
  const shown =
    long.includes(mid) && !fraction
      ? `${long} · ${goal}`
      : `${fraction ? `${mid} ${fraction}` : mid} · ${long} · ${goal}`;
  return (
    `${shown}: ${cycleLabel(cycle)}, ${STATUS_LABELS[cycle.status].toLowerCase()}, ` +
    `${formatIsoDate(cycle.startDate)} to ${formatIsoDate(cycle.endDate)}, checklist ${done} of ${total} done`
  );
}

export function CycleTimeline({ cycles, selectedId, onSelect, today, actuals }: CycleTimelineProps) {
  const layout = useMemo(() => layoutTimeline(cycles, today), [cycles, today]);
  const optionRefs = useRef(new Map<string, HTMLDivElement>());
  const moveFocus = useRef(false);

  // Arrow keys select the neighbour; the focus follows the selection, once it has rendered.
  useEffect(() => {
    if (!moveFocus.current || !selectedId) return;
    moveFocus.current = false;
    optionRefs.current.get(selectedId)?.focus();
  }, [selectedId]);

  const ordered = layout.bars.map((b) => b.cycle);
  const focusable = selectedId && ordered.some((c) => c.id === selectedId) ? selectedId : ordered[0]?.id;

  function onKeyDown(event: KeyboardEvent<HTMLDivElement>) {
    const at = ordered.findIndex((c) => c.id === selectedId);
    const target = {
      ArrowRight: at + 1,
      ArrowDown: at + 1,
      ArrowLeft: at - 1,
      ArrowUp: at - 1,
      Home: 0,
      End: ordered.length - 1,
    }[event.key];
    if (target === undefined) return;
    event.preventDefault();
    const next = ordered[Math.min(Math.max(target, 0), ordered.length - 1)];
    if (next && next.id !== selectedId) {
      moveFocus.current = true;
      onSelect(next.id);
    }
  }

  const reading = todayNote(cycles, today, layout.today);

  return (
    <div className="timeline">
      <div className="timeline-legend" aria-hidden="true">
        <span className="legend-item">
          <span className="legend-swatch phase-initial" /> Initial phase
        </span>
        <span className="legend-item">
          <span className="legend-swatch phase-scaling" /> Scaling cycle
        </span>
        <span className="legend-sep" />
        <span className="legend-item">
          <span className="legend-swatch status-planned" /> Planned
        </span>
        <span className="legend-item">
          <span className="legend-swatch status-active" /> Active
        </span>
        <span className="legend-item">
          <span className="legend-swatch status-closed" /> Closed
        </span>
        <span className="legend-sep" />
        <span className="legend-item">
          <strong>2/5</strong>&nbsp;apps on the platform / goal
        </span>
      </div>
      <div className="timeline-chart">
        <div className="timeline-axis" aria-hidden="true">
          <div className="timeline-years">
            {layout.years.map((y) => (
              <span
                key={y.key}
                className="timeline-year"
                style={{ left: `${y.left}%`, width: `${y.width}%` }}
              >
                {y.label}
              </span>
            ))}
          </div>
          <div className="timeline-quarters">
            {layout.quarters.map((q) => (
              <span
                key={q.key}
                className={`timeline-quarter${q.label === 'Q1' ? ' year-start' : ''}`}
                style={{ left: `${q.left}%`, width: `${q.width}%` }}
              >
                {layout.quarterLabels ? q.label : ''}
              </span>
            ))}
          </div>
        </div>
        <div className="timeline-track" style={{ height: `${layout.lanes * 44 + 12}px` }}>
          <div className="timeline-grid" aria-hidden="true">
            {layout.quarters.map((q) => (
              <span
                key={q.key}
                className={q.label === 'Q1' ? 'grid-line year-start' : 'grid-line'}
                style={{ left: `${q.left}%` }}
              />
            ))}
          </div>
          <div
            role="listbox"
            aria-label="Cycles on the timeline"
            aria-orientation="horizontal"
            className="timeline-bars"
            onKeyDown={onKeyDown}
          >
            {layout.bars.map(({ cycle, left, width, lane }) => {
              const { done, total } = checklistProgress(cycle.checklist);
              const selected = cycle.id === selectedId;
              const actual = actuals?.get(cycle.id);
              const actualId = `bar-actual-${cycle.id}`;
              const labels = barLabels(cycle, actual, actuals !== undefined);
              const name = describe(cycle, labels);
              return (
                <div
                  key={cycle.id}
                  ref={(el) => {
                    if (el) optionRefs.current.set(cycle.id, el);
                    else optionRefs.current.delete(cycle.id);
                  }}
                  role="option"
                  aria-selected={selected}
                  aria-label={name}
                  aria-describedby={actuals ? actualId : undefined}
                  title={actuals ? `${name}; ${describeActual(cycle, actual)}` : name}
                  tabIndex={cycle.id === focusable ? 0 : -1}
                  className={`timeline-bar phase-${cycle.phase} status-${cycle.status}${selected ? ' selected' : ''}`}
                  style={{ left: `${left}%`, width: `${width}%`, top: `${lane * 44 + 6}px` }}
                  onClick={() => onSelect(cycle.id)}
                  onKeyDown={(e) => {
                    if (e.key === 'Enter' || e.key === ' ') {
                      e.preventDefault();
                      onSelect(cycle.id);
                    }
                  }}
                >
                  <span className="bar-text">
                    <span className="bar-long">
                      {labels.long}
                      <small> · {labels.goal}</small>
                    </span>
                    <span className="bar-mid">
                      <span className="bar-mid-name">{labels.mid}</span>
                      {/* The space keeps the visible text as the name says it (“C4 3/5”); the gap lays it out. */}
                      {labels.fraction && <small> {labels.fraction}</small>}
                    </span>
                    <span className="bar-short">{labels.short}</span>
                  </span>
                  {actuals && (
                    <span id={actualId} hidden>
                      {describeActual(cycle, actual)}
                    </span>
                  )}
                  {total > 0 && (
                    <span className="bar-progress" aria-hidden="true">
                      <span style={{ width: `${(done / total) * 100}%` }} />
                    </span>
                  )}
                </div>
              );
            })}
          </div>
          {'left' in layout.today ? (
            <div className="timeline-today" style={{ left: `${layout.today.left}%` }} aria-hidden="true">
              <span>Today</span>
            </div>
          ) : (
            <div className={`timeline-today-beyond ${layout.today.beyond}`} aria-hidden="true">
              {layout.today.beyond === 'before'
                ? `← Today, ${formatIsoDate(today)}`
                : `Today, ${formatIsoDate(today)} →`}
            </div>
          )}
        </div>
      </div>
      <p className="timeline-note muted">{reading}</p>
    </div>
  );
}
