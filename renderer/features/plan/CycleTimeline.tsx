/**
 * All cycles on one date axis: a bar per cycle coloured by phase, styled by status (planned bars
 * are hatched, the active one is solid and ringed, closed ones are muted), years and quarters
 * along the top, and a vertical "Today" marker. The bars form a listbox: click one, or focus the
 * timeline and use the arrow keys, Home and End, to select a cycle.
 */
import { useEffect, useMemo, useRef, type KeyboardEvent } from 'react';
import {
  checklistProgress,
  cycleContaining,
  cycleLabel,
  formatIsoDate,
  type Cycle,
  type IsoDate,
} from '../../../shared/domain';
import { pluralApps, STATUS_LABELS } from './labels';
import { layoutTimeline } from './timeline';
import './plan.css';

interface CycleTimelineProps {
  cycles: readonly Cycle[];
  selectedId: string | undefined;
  onSelect: (id: string) => void;
  today: IsoDate;
}

/** What a bar shows, longest first; plan.css shows the longest that fits the bar's width. */
function barLabels(cycle: Cycle) {
  return {
    long: cycle.index === 0 ? 'Initial phase' : `Cycle ${cycle.index}`,
    goal: pluralApps(cycle.goalApps),
    mid: cycle.index === 0 ? 'Initial' : `C${cycle.index}`,
    short: String(cycle.index),
  };
}

/**
 * A bar's accessible name: first every form of its visible text (C11 · Cycle 11 · 5 apps), so
 * whichever one the bar shows is in the name (label in name: a speech user says what they see),
 * then the rest of the cycle. The phase goes unsaid: the index decides it, the label names it.
 */
function describe(cycle: Cycle): string {
  const { long, goal, mid } = barLabels(cycle);
  const { done, total } = checklistProgress(cycle.checklist);
  const shown = long.includes(mid) ? `${long} · ${goal}` : `${mid} · ${long} · ${goal}`;
  return (
    `${shown}: ${cycleLabel(cycle)}, ${STATUS_LABELS[cycle.status].toLowerCase()}, ` +
    `${formatIsoDate(cycle.startDate)} to ${formatIsoDate(cycle.endDate)}, checklist ${done} of ${total} done`
  );
}

export function CycleTimeline({ cycles, selectedId, onSelect, today }: CycleTimelineProps) {
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

  const current = cycleContaining(cycles, today);
  const todayNote =
    'left' in layout.today
      ? `Today, ${formatIsoDate(today)}, ${current ? `falls in ${cycleLabel(current)}` : 'falls in no cycle'}.`
      : `Today, ${formatIsoDate(today)}, is ${layout.today.beyond === 'before' ? 'before the first' : 'after the last'} cycle.`;

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
              const labels = barLabels(cycle);
              return (
                <div
                  key={cycle.id}
                  ref={(el) => {
                    if (el) optionRefs.current.set(cycle.id, el);
                    else optionRefs.current.delete(cycle.id);
                  }}
                  role="option"
                  aria-selected={selected}
                  aria-label={describe(cycle)}
                  title={describe(cycle)}
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
                    <span className="bar-mid">{labels.mid}</span>
                    <span className="bar-short">{labels.short}</span>
                  </span>
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
      <p className="visually-hidden">{todayNote}</p>
    </div>
  );
}
