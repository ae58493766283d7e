/**
 * A cycle's checklist: its phase's playbook steps, word for word, each with a checkbox. Ticking
 * stamps today's date, which stays editable; unticking clears it. Progress reads "3 of 8 done".
 *
 * One tab stop for the whole list: Tab reaches the last step used, ↑/↓ (Home/End) move between
 * steps, Space ticks; a ticked step's date is one more stop after its checkbox, typed as
 * yyyy-mm-dd (a date input would add a stop per part of the date).
 */
import { useState } from 'react';
import { useRovingFocus } from '../../ui/use-roving-focus';
import {
  checklistProgress,
  isIsoDate,
  PHASE_TITLES,
  type ChecklistItem,
  type Cycle,
} from '../../../shared/domain';
import { useDatabase } from '../../db/DatabaseContext';
import { useAction, useSaveForm } from '../../ui/use-save';
import { setChecklistDoneDate, setChecklistStep } from './data/cycles';
import './plan.css';

interface CycleChecklistProps {
  cycle: Cycle;
  today: string;
}

function DoneDate({ cycle, item, tabIndex }: { cycle: Cycle; item: ChecklistItem; tabIndex: 0 | -1 }) {
  const database = useDatabase();
  const [value, setValue] = useState(item.doneOn ?? '');
  // A date that is not one is said here; a refused save, by the save.
  const [localError, setLocalError] = useState<string | null>(null);
  const { formError, save, setFormError } = useSaveForm();
  const error = localError ?? formError;
  const errorId = `done-error-${cycle.id}-${item.stepId}`;

  // Saved when the field is left (or Enter is pressed), not on every keystroke: typing a date
  // digit by digit passes through other valid dates.
  async function commit() {
    setLocalError(null);
    if (value === item.doneOn) {
      setFormError(null);
      return;
    }
    // A date input reports '' while its value is incomplete or impossible: say so, keep the stored date.
    if (!isIsoDate(value)) {
      setLocalError('Enter the date the step was done, e.g. 2026-01-31');
      return;
    }
    await save(() => setChecklistDoneDate(cycle.id, item.stepId, value, database));
  }

  return (
    <span className="check-date">
      <label>
        <span className="muted">done on</span>
        <input
          type="text"
          inputMode="numeric"
          size={10}
          maxLength={10}
          placeholder="yyyy-mm-dd"
          autoComplete="off"
          spellCheck={false}
          tabIndex={tabIndex}
          value={value}
          aria-label={`Done date of “${item.text}”`}
          aria-invalid={error ? true : undefined}
          aria-describedby={error ? errorId : undefined}
          onChange={(e) => setValue(e.target.value)}
          onBlur={() => void commit()}
          onKeyDown={(e) => {
            if (e.key === 'Enter') {
              e.preventDefault();
              void commit();
            }
          }}
        />
      </label>
      {error && (
        <small id={errorId} className="field-error" role="alert">
          {error}
        </small>
      )}
    </span>
  );
}

export function CycleChecklist({ cycle, today }: CycleChecklistProps) {
  const database = useDatabase();
  const { run } = useAction();
  // The tick shows at once, before the write lands: it holds while the stored cycle is the one it
  // was made on, and gives way to the stored state as soon as that changes (or the write fails).
  const [ticking, setTicking] = useState<{ stepId: string; done: boolean; basis: string } | null>(null);
  const shown =
    ticking && ticking.basis === cycle.updatedAt
      ? cycle.checklist.map((i) => (i.stepId === ticking.stepId ? { ...i, done: ticking.done } : i))
      : cycle.checklist;
  const { done, total } = checklistProgress(shown);
  const headingId = `checklist-${cycle.id}`;
  const roving = useRovingFocus(shown.map((i) => i.stepId));

  async function toggle(item: ChecklistItem, checked: boolean) {
    setTicking({ stepId: item.stepId, done: checked, basis: cycle.updatedAt });
    const ticked = await run(() => setChecklistStep(cycle.id, item.stepId, checked, today, database));
    if (!ticked) setTicking(null);
  }

  return (
    <section className="checklist" aria-labelledby={headingId}>
      <div className="checklist-header">
        <h3 id={headingId}>{PHASE_TITLES[cycle.phase]}</h3>
        <span className="checklist-progress">
          <span>
            {done} of {total} done
          </span>
          <progress max={total} value={done} aria-label={`Checklist progress: ${done} of ${total} done`} />
        </span>
      </div>
      <ol className="checklist-items">
        {shown.map((item) => (
          <li key={item.stepId} className={item.done ? 'done' : undefined}>
            <label className="check-label">
              <input
                type="checkbox"
                {...roving.itemProps(item.stepId)}
                checked={item.done}
                onChange={(e) => void toggle(item, e.target.checked)}
                onKeyDown={(e) => roving.onKeyDown(e, item.stepId)}
              />
              <span>{item.text}</span>
            </label>
            {item.done && item.doneOn && (
              <DoneDate
                key={item.doneOn}
                cycle={cycle}
                item={item}
                tabIndex={roving.active === item.stepId ? 0 : -1}
              />
            )}
          </li>
        ))}
      </ol>
    </section>
  );
}
