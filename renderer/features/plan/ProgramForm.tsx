/**
 * The program's form: name, platform, start date, target, eligible population and cycle length.
 * Used by the welcome screen (create) and the Plan screen (edit). It does not validate on its
 * own: it hands the values to `onSave` (a repository write) and shows the ValidationError's
 * messages at their fields, so the rules live in one place, the schema.
 */
import { useRef, type FormEvent } from 'react';
import {
  DEFAULT_CYCLE_LENGTH_MONTHS,
  todayIso,
  type Program,
  type ProgramInput,
} from '../../../shared/domain';
import { Field } from '../../ui/Field';
import { numberValue } from '../../ui/forms';
import './plan.css';
import { useSaveForm } from '../../ui/use-save';
import { useEditDraft } from '../../ui/use-edit-draft';
import { ConflictNotice } from '../../ui/ConflictNotice';

interface ProgramFormProps {
  /** The program being edited; absent when creating one. */
  program?: Program | undefined;
  submitLabel: string;
  /**
   * Saves the values; a rejected promise with a ValidationError shows its messages at the fields.
   * Editing, `input` holds only the fields the user changed and `expected` the values they had
   * when the form last followed the stored program (pass both on to `saveProgram`).
   */
  onSave: (input: ProgramInput, expected?: Partial<ProgramInput>) => Promise<unknown>;
  onCancel: () => void;
}

interface Draft {
  name: string;
  platformName: string;
  startDate: string;
  targetApps: string;
  eligibleApps: string;
  cycleLengthMonths: string;
}

function draftOf(program: Program | undefined): Draft {
  return {
    name: program?.name ?? '',
    platformName: program?.platformName ?? '',
    startDate: program?.startDate ?? todayIso(),
    targetApps: program ? String(program.targetApps) : '',
    eligibleApps: program ? String(program.eligibleApps) : '',
    cycleLengthMonths: String(program?.cycleLengthMonths ?? DEFAULT_CYCLE_LENGTH_MONTHS),
  };
}

/** The form's values as the program's input. Numbers that are not numbers go through as text so the schema names the field. */
function inputOf(draft: Draft): ProgramInput {
  return {
    name: draft.name,
    platformName: draft.platformName,
    startDate: draft.startDate,
    targetApps: numberValue(draft.targetApps) as number,
    eligibleApps: numberValue(draft.eligibleApps) as number,
    cycleLengthMonths: numberValue(draft.cycleLengthMonths) as number,
  };
}

const FIELD_LABELS: Record<string, string> = {
  name: 'Program name',
  platformName: 'Platform name',
  startDate: 'Start date',
  cycleLengthMonths: 'Cycle length (months)',
  targetApps: 'Target apps',
  eligibleApps: 'Eligible app population',
};

export function ProgramForm({ program, submitLabel, onSave, onCancel }: ProgramFormProps) {
  // Follows the stored program while untouched; a field changed here and elsewhere is a conflict.
  const form = useEditDraft<Draft>(draftOf(program));
  const { draft } = form;
  const formRef = useRef<HTMLFormElement>(null);
  const { errors, formError, saving, save, setFormError } = useSaveForm(formRef);

  const set = (key: keyof Draft) => (e: { target: { value: string } }) => form.set(key, e.target.value);

  async function submit(event: FormEvent) {
    event.preventDefault();
    if (form.conflicts.length) {
      setFormError('Nothing was saved. Choose which value to keep for each field changed elsewhere.');
      return;
    }
    if (!program) {
      await save(() => onSave(inputOf(draft)));
      return;
    }
    const { patch, expected } = form.edit(inputOf);
    await save(() => onSave(patch as ProgramInput, expected), { onConflict: form.noteConflicts });
  }

  return (
    <form ref={formRef} className="program-form" onSubmit={submit} noValidate aria-label="Program">
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
        <Field label="Program name" error={errors.name} hint="e.g. “Cloud-native modernization”">
          <input value={draft.name} onChange={set('name')} autoComplete="off" />
        </Field>
        <Field label="Platform name" error={errors.platformName} hint="The platform apps move onto">
          <input value={draft.platformName} onChange={set('platformName')} autoComplete="off" />
        </Field>
        <Field
          label="Start date"
          error={errors.startDate}
          hint={program ? 'Existing cycles keep their dates' : 'The initial phase starts on this day'}
        >
          <input type="date" value={draft.startDate} onChange={set('startDate')} />
        </Field>
        <Field
          label="Cycle length (months)"
          error={errors.cycleLengthMonths}
          hint="The playbook runs 3-month cycles"
        >
          <input
            type="number"
            inputMode="numeric"
            min={1}
            max={12}
            step={1}
            value={draft.cycleLengthMonths}
            onChange={set('cycleLengthMonths')}
          />
        </Field>
        <Field label="Target apps" error={errors.targetApps} hint="The north star: apps on the platform">
          <input
            type="number"
            inputMode="numeric"
            min={1}
            step={1}
            value={draft.targetApps}
            onChange={set('targetApps')}
          />
        </Field>
        <Field
          label="Eligible app population"
          error={errors.eligibleApps}
          hint="All apps that could move: the adoption denominator"
        >
          <input
            type="number"
            inputMode="numeric"
            min={1}
            step={1}
            value={draft.eligibleApps}
            onChange={set('eligibleApps')}
          />
        </Field>
      </div>
      <div className="form-actions">
        <button type="button" onClick={onCancel}>
          Cancel
        </button>
        <button type="submit" className="primary" disabled={saving}>
          {saving ? 'Saving…' : submitLabel}
        </button>
      </div>
    </form>
  );
}
