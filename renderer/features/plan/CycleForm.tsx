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
import { useEditDraft } from '../../ui/use-edit-draft';
import { ConflictNotice } from '../../ui/ConflictNotice';

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
  /**
   * Saves the values. Editing, `values` holds only the fields the user changed and `expected`
   * the values they had when the form last followed the stored cycle (pass both to updateCycle).
   */
  onSave: (values: CycleFormValues, expected?: Partial<CycleFormValues>) => Promise<unknown>;
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

interface Draft {
  name: string;
  startDate: string;
  endDate: string;
  goal: string;
  status: CycleStatus;
}

function draftOf(cycle: CycleFormProps['initial']): Draft {
  return {
    name: cycle.name,
    startDate: cycle.startDate,
    endDate: cycle.endDate,
    goal: String(cycle.goalApps),
    status: cycle.status,
  };
}

/** The form's values as the cycle's; a goal that is not a number goes through as text so the schema names it. */
function valuesOf(draft: Draft): CycleFormValues {
  const { goal, ...rest } = draft;
  return { ...rest, goalApps: numberValue(goal) as number };
}

const FIELD_LABELS: Record<string, string> = {
  name: 'Cycle name',
  startDate: 'Start date',
  endDate: 'End date',
  goalApps: 'Goal (apps)',
  goal: 'Goal (apps)',
  status: 'Status',
};

export function CycleForm({ initial, mode, cycleLengthMonths, previous, onSave, onCancel }: CycleFormProps) {
  // Follows the stored cycle while untouched; a field changed here and elsewhere is a conflict.
  const form = useEditDraft<Draft>(draftOf(initial));
  const { name, startDate, endDate, goal, status } = form.draft;
  const [endTouched, setEndTouched] = useState(mode === 'edit');
  const formRef = useRef<HTMLFormElement>(null);
  const { errors, formError, saving, save, setFormError } = useSaveForm(formRef);
  const setName = (value: string) => form.set('name', value);
  const setEndDate = (value: string) => form.set('endDate', value);
  const setGoal = (value: string) => form.set('goal', value);
  const setStatus = (value: CycleStatus) => form.set('status', value);

  function changeStart(value: string) {
    // A proposed end keeps following the start until the user sets one.
    form.update((d) => ({
      ...d,
      startDate: value,
      endDate: !endTouched && isIsoDate(value) ? cycleEndDate(value, cycleLengthMonths) : d.endDate,
    }));
  }

  async function submit(event: FormEvent) {
    event.preventDefault();
    if (form.conflicts.length) {
      setFormError('Nothing was saved. Choose which value to keep for each field changed elsewhere.');
      return;
    }
    if (mode === 'add') {
      await save(() => onSave(valuesOf(form.draft)), { shownFields: FIELDS });
      return;
    }
    const { patch, expected } = form.edit(valuesOf);
    await save(() => onSave(patch as CycleFormValues, expected), {
      shownFields: FIELDS,
      onConflict: form.noteConflicts,
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
      <ConflictNotice
        conflicts={form.conflicts}
        label={(field) => FIELD_LABELS[field] ?? field}
        onResolve={form.resolve}
      />
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
