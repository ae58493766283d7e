/** Every cycle in order, with its dates, status and checklist progress; picking one shows it in full. */
import { useEffect, useRef } from 'react';
import { checklistProgress, cycleLabel, formatIsoDate, type Cycle } from '../../../shared/domain';
import { STATUS_BADGE, STATUS_LABELS } from './labels';
import './plan.css';

interface CycleListProps {
  cycles: readonly Cycle[];
  selectedId: string | undefined;
  onSelect: (id: string) => void;
  onAdd: () => void;
}

export function CycleList({ cycles, selectedId, onSelect, onAdd }: CycleListProps) {
  const listRef = useRef<HTMLOListElement>(null);
  // A cycle picked on the timeline scrolls into view in a long list. Only the list scrolls:
  // scrollIntoView would also move the page away from the timeline the user is working in.
  useEffect(() => {
    const list = listRef.current;
    const item = list?.querySelector('[aria-current="true"]');
    if (!list || !item) return;
    const outer = list.getBoundingClientRect();
    const inner = item.getBoundingClientRect();
    if (inner.top < outer.top) list.scrollTop -= outer.top - inner.top;
    else if (inner.bottom > outer.bottom) list.scrollTop += inner.bottom - outer.bottom;
  }, [selectedId]);

  return (
    <section className="card cycle-list" aria-labelledby="cycle-list-title">
      <div className="card-head">
        <h2 id="cycle-list-title">
          Cycles <span className="count">{cycles.length}</span>
        </h2>
        <button type="button" onClick={onAdd}>
          + Add cycle
        </button>
      </div>
      <ol ref={listRef}>
        {cycles.map((cycle) => {
          const { done, total } = checklistProgress(cycle.checklist);
          const selected = cycle.id === selectedId;
          return (
            <li key={cycle.id}>
              <button
                type="button"
                className={`cycle-item phase-${cycle.phase}${selected ? ' selected' : ''}`}
                aria-current={selected ? 'true' : undefined}
                onClick={() => onSelect(cycle.id)}
              >
                <span className="cycle-item-main">
                  <strong>{cycleLabel(cycle)}</strong>
                  <small>
                    {formatIsoDate(cycle.startDate)} → {formatIsoDate(cycle.endDate)}
                  </small>
                </span>
                <span className="cycle-item-meta">
                  <span className={STATUS_BADGE[cycle.status]}>{STATUS_LABELS[cycle.status]}</span>
                  <small>
                    {done}/{total}
                    <span className="visually-hidden"> steps done</span>
                  </small>
                </span>
              </button>
            </li>
          );
        })}
      </ol>
    </section>
  );
}
