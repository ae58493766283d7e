/**
 * Adding or editing a cycle: name, start, end, goal (and status when editing). Adding starts from
 * what the plan proposes (the hand-over day of the last cycle, one cycle length long); while the
 * user has not touched the end date, it follows the start date. Messages come from the
 * repository's ValidationError and are shown at their fields.
 */
import { useRef, useState, type FormEvent } from 'react';
import {
  APPS_PER_CYCLE,
  CYCLE_STATUSES,
  cycleEndDate,
  cycleLabel,
  formatIsoDate,
  isIsoDate,
  type Cycle,
  type CycleStatus,
  type Phase,
} from '../../../shared/domain';
import { Field } from '../../ui/Field';
import { numberValue } from '../../ui/forms';
import { STATUS_LABELS } from './labels';
import './plan.css';
import { useSaveForm } from '../../ui/use-save';

export interface CycleFormValues {
  name: string;
  startDate: string;
  endDate: string;
  goalApps: number;
  status: CycleStatus;
}

interface CycleFormProps {
  /** The cycle as it is (edit), or as proposed (add). */
  initial: Pick<Cycle, 'index' | 'phase' | 'name' | 'startDate' | 'endDate' | 'goalApps' | 'status'>;
  mode: 'add' | 'edit';
  cycleLengthMonths: number;
  /** For the add form's note: the cycle whose end is the proposed start. */
  previous?: Pick<Cycle, 'index' | 'name' | 'endDate'> | undefined;
  onSave: (values: CycleFormValues) => Promise<unknown>;
  onCancel: () => void;
}

function goalHint(phase: Phase): string {
  const { min, max } = APPS_PER_CYCLE[phase];
  return phase === 'initial'
    ? `The playbook picks ${min} app in the initial phase`
    : `The playbook finds ${min} to ${max} more apps per scaling cycle`;
}

/** The fields this form shows; any other refused field is said in the banner. */
const FIELDS = ['name', 'startDate', 'endDate', 'goalApps', 'status'];

export function CycleForm({ initial, mode, cycleLengthMonths, previous, onSave, onCancel }: CycleFormProps) {
  const [name, setName] = useState(initial.name);
  const [startDate, setStartDate] = useState(initial.startDate);
  const [endDate, setEndDate] = useState(initial.endDate);
  const [endTouched, setEndTouched] = useState(mode === 'edit');
  const [goal, setGoal] = useState(String(initial.goalApps));
  const [status, setStatus] = useState<CycleStatus>(initial.status);
  const formRef = useRef<HTMLFormElement>(null);
  const { errors, formError, saving, save } = useSaveForm(formRef);

  function changeStart(value: string) {
    setStartDate(value);
    // A proposed end keeps following the start until the user sets one.
    if (!endTouched && isIsoDate(value)) setEndDate(cycleEndDate(value, cycleLengthMonths));
  }

  async function submit(event: FormEvent) {
    event.preventDefault();
    await save(() => onSave({ name, startDate, endDate, goalApps: numberValue(goal) as number, status }), {
      shownFields: FIELDS,
    });
  }

  const label = cycleLabel({ index: initial.index, name: '' });
  return (
    <form
      ref={formRef}
      onSubmit={submit}
      noValidate
      aria-label={mode === 'add' ? 'New cycle' : `Edit ${label}`}
    >
      {mode === 'add' && (
        <p className="form-note">
          This will be <strong>{label}</strong>
          {previous ? (
            <>
              , starting on the hand-over day of {cycleLabel(previous)} ({formatIsoDate(previous.endDate)})
              and ending {cycleLengthMonths} {cycleLengthMonths === 1 ? 'month' : 'months'} later. Every value
              can be changed.
            </>
          ) : (
            '.'
          )}
        </p>
      )}
      {formError && (
        <div className="form-error" role="alert">
          {formError}
        </div>
      )}
      <div className="form-grid">
        <Field
          label="Cycle name"
          error={errors.name}
          hint="Optional, e.g. “Payments & search”"
          className="span-all"
        >
          <input value={name} onChange={(e) => setName(e.target.value)} autoComplete="off" />
        </Field>
        <Field label="Start date" error={errors.startDate}>
          <input type="date" value={startDate} onChange={(e) => changeStart(e.target.value)} />
        </Field>
        <Field label="End date" error={errors.endDate} hint="The hand-over day to the next cycle">
          <input
            type="date"
            value={endDate}
            onChange={(e) => {
              setEndTouched(true);
              setEndDate(e.target.value);
            }}
          />
        </Field>
        <Field label="Goal (apps)" error={errors.goalApps} hint={goalHint(initial.phase)}>
          <input
            type="number"
            inputMode="numeric"
            min={0}
            step={1}
            value={goal}
            onChange={(e) => setGoal(e.target.value)}
          />
        </Field>
        {mode === 'edit' && (
          <Field label="Status" error={errors.status}>
            <select value={status} onChange={(e) => setStatus(e.target.value as CycleStatus)}>
              {CYCLE_STATUSES.map((s) => (
                <option key={s} value={s}>
                  {STATUS_LABELS[s]}
                </option>
              ))}
            </select>
          </Field>
        )}
      </div>
      <div className="form-actions">
        <button type="button" onClick={onCancel}>
          Cancel
        </button>
        <button type="submit" className="primary" disabled={saving}>
          {saving ? 'Saving…' : mode === 'add' ? 'Add cycle' : 'Save cycle'}
        </button>
      </div>
    </form>
  );
}
