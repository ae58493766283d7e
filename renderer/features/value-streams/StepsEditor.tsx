/**
 * The ordered steps of a map, edited inline: one row per step with its name, wait, process time
 * and % complete & accurate. A row moves by mouse (drag its handle onto another row), with
 * Alt+↑/↓ from any of its fields, or with its Move up / Move down buttons; the focus stays on the
 * field it was in and a status line says where the step went. Messages show at the field that
 * needs fixing, naming the step.
 */
import { useLayoutEffect, useRef, useState, type DragEvent, type KeyboardEvent } from 'react';

/** A step as the form holds it: numbers as typed, a key that follows the row when it moves. */
export interface StepDraft {
  key: string;
  name: string;
  wait: string;
  process: string;
  pct: string;
}

export type StepField = 'name' | 'waitMinutes' | 'processMinutes' | 'pctCompleteAccurate';

const COLUMNS: readonly { field: StepField; draft: keyof Omit<StepDraft, 'key'>; label: string }[] = [
  { field: 'name', draft: 'name', label: 'Step' },
  { field: 'waitMinutes', draft: 'wait', label: 'Wait (min)' },
  { field: 'processMinutes', draft: 'process', label: 'Process (min)' },
  { field: 'pctCompleteAccurate', draft: 'pct', label: '% C&A' },
];

/** Moves the item at `from` to `to` (both in range); a new array. */
export function moveItem<T>(items: readonly T[], from: number, to: number): T[] {
  const next = [...items];
  const [item] = next.splice(from, 1);
  if (item !== undefined) next.splice(to, 0, item);
  return next;
}

interface StepsEditorProps {
  steps: readonly StepDraft[];
  onChange: (steps: StepDraft[]) => void;
  /** The message for a step's field, by row index, if any. */
  errorAt: (index: number, field: StepField) => string | undefined;
  /** Called when a field is left, to show its message from then on. */
  onTouch: (key: string, field: StepField) => void;
  newKey: () => string;
  /** A message about the steps as a whole ("needs at least one step"). */
  listError?: string | undefined;
}

export function StepsEditor({ steps, onChange, errorAt, onTouch, newKey, listError }: StepsEditorProps) {
  const [status, setStatus] = useState('');
  const [dragging, setDragging] = useState<number | null>(null);
  const refocus = useRef<HTMLElement | null>(null);
  const tableRef = useRef<HTMLTableElement>(null);

  // A moved row's DOM node is re-inserted, which drops the focus: put it back where it was.
  useLayoutEffect(() => {
    const element = refocus.current;
    refocus.current = null;
    if (element && document.activeElement !== element && element.isConnected) element.focus();
  });

  const name = (step: StepDraft, index: number) => step.name.trim() || `step ${index + 1}`;

  const move = (from: number, to: number) => {
    if (to < 0 || to >= steps.length || from === to) return;
    const step = steps[from]!;
    onChange(moveItem(steps, from, to));
    setStatus(`Moved ${name(step, from)} to position ${to + 1} of ${steps.length}.`);
  };

  const onRowKeyDown = (event: KeyboardEvent, index: number) => {
    if (!event.altKey || (event.key !== 'ArrowUp' && event.key !== 'ArrowDown')) return;
    event.preventDefault();
    refocus.current = event.target as HTMLElement;
    move(index, event.key === 'ArrowUp' ? index - 1 : index + 1);
  };

  const setField = (index: number, draft: keyof Omit<StepDraft, 'key'>, value: string) =>
    onChange(steps.map((s, i) => (i === index ? { ...s, [draft]: value } : s)));

  const add = () => {
    const key = newKey();
    onChange([...steps, { key, name: '', wait: '0', process: '0', pct: '100' }]);
    setStatus(`Added step ${steps.length + 1}.`);
  };

  const remove = (index: number) => {
    const step = steps[index]!;
    onChange(steps.filter((_, i) => i !== index));
    setStatus(`Removed ${name(step, index)}.`);
    // The focus goes to the next row's name, or the Add button when none is left below.
    const names = tableRef.current?.querySelectorAll<HTMLInputElement>('input[data-field="name"]');
    refocus.current = names?.[index + 1] ?? names?.[index - 1] ?? null;
  };

  const onDrop = (event: DragEvent, index: number) => {
    event.preventDefault();
    if (dragging !== null) move(dragging, index);
    setDragging(null);
  };

  return (
    <div className="vs-steps">
      <p className="muted vs-steps-hint" id="vs-steps-hint">
        Drag a step’s handle to reorder, or press Alt+↑ / Alt+↓ in any of its fields.
      </p>
      <table className="data vs-steps-table" ref={tableRef} aria-describedby="vs-steps-hint">
        <thead>
          <tr>
            <th scope="col">
              <span className="visually-hidden">Order</span>#
            </th>
            {COLUMNS.map((c) => (
              <th key={c.field} scope="col" className={c.field === 'name' ? undefined : 'numeric'}>
                {c.label}
              </th>
            ))}
            <th scope="col">
              <span className="visually-hidden">Actions</span>
            </th>
          </tr>
        </thead>
        <tbody>
          {steps.map((step, index) => {
            const label = name(step, index);
            return (
              <tr
                key={step.key}
                className={dragging === index ? 'vs-dragging' : undefined}
                onKeyDown={(e) => onRowKeyDown(e, index)}
                onDragOver={(e) => e.preventDefault()}
                onDrop={(e) => onDrop(e, index)}
                data-testid="vs-step-row"
              >
                <td className="vs-handle-cell">
                  <span
                    className="vs-handle"
                    draggable
                    onDragStart={(e) => {
                      e.dataTransfer.effectAllowed = 'move';
                      e.dataTransfer.setData('text/plain', String(index));
                      setDragging(index);
                    }}
                    onDragEnd={() => setDragging(null)}
                    title="Drag to reorder"
                    aria-hidden="true"
                  >
                    ⠿
                  </span>
                  {index + 1}
                </td>
                {COLUMNS.map((c) => {
                  const error = errorAt(index, c.field);
                  const errorId = `vs-step-${step.key}-${c.field}-error`;
                  return (
                    <td key={c.field} className={error ? 'field-invalid' : undefined}>
                      <input
                        data-field={c.field}
                        aria-label={c.field === 'name' ? `Step ${index + 1} name` : `${c.label} of ${label}`}
                        value={step[c.draft]}
                        inputMode={c.field === 'name' ? undefined : 'decimal'}
                        className={c.field === 'name' ? 'vs-step-name' : 'vs-step-number'}
                        aria-invalid={error ? true : undefined}
                        aria-describedby={error ? errorId : undefined}
                        onChange={(e) => setField(index, c.draft, e.target.value)}
                        onBlur={() => onTouch(step.key, c.field)}
                      />
                      {error && (
                        <small id={errorId} className="field-error">
                          {error}
                        </small>
                      )}
                    </td>
                  );
                })}
                <td className="vs-row-actions">
                  <button
                    type="button"
                    className="icon-button"
                    aria-label={`Move ${label} up`}
                    disabled={index === 0}
                    onClick={(e) => {
                      refocus.current = e.currentTarget;
                      move(index, index - 1);
                    }}
                  >
                    ↑
                  </button>
                  <button
                    type="button"
                    className="icon-button"
                    aria-label={`Move ${label} down`}
                    disabled={index === steps.length - 1}
                    onClick={(e) => {
                      refocus.current = e.currentTarget;
                      move(index, index + 1);
                    }}
                  >
                    ↓
                  </button>
                  <button
                    type="button"
                    className="icon-button"
                    aria-label={`Remove ${label}`}
                    onClick={() => remove(index)}
                  >
                    ✕
                  </button>
                </td>
              </tr>
            );
          })}
        </tbody>
      </table>
      {listError && (
        <p className="field-error" role="alert">
          {listError}
        </p>
      )}
      <div className="vs-steps-footer">
        <button type="button" onClick={add}>
          + Add step
        </button>
        <span role="status" className="muted">
          {status}
        </span>
      </div>
    </div>
  );
}
