/**
 * The shell every form that adds or edits one record in a dialog shares: the conflicts with
 * another window's changes (when editing), the form's own error, the fields, and the actions —
 * Delete (when editing), Cancel and the submit button, which waits while saving and while a
 * conflict is unsettled. The fields and what a save does stay with each area.
 */
import type { FormEvent, ReactNode, RefObject } from 'react';
import { ConflictNotice } from './ConflictNotice';
import type { EditDraft } from './use-edit-draft';
import { FormError } from './Field';

export interface RecordFormProps {
  formRef: RefObject<HTMLFormElement | null>;
  /** The form's accessible name ("Assignment", "Marketing activity"). */
  label: string;
  className?: string;
  onSubmit(event: FormEvent): void;
  /** The message of a refused save that belongs to no field. */
  formError: string | null;
  /** When editing: the draft whose conflicts are shown to settle, and the fields' labels. */
  edit?: { form: Pick<EditDraft<object>, 'conflicts' | 'resolve'>; label(field: string): string };
  children: ReactNode;
  /** "Save", "Assign", "Log activity". */
  submitLabel: string;
  saving: boolean;
  /** False while nothing would be saved (an edit with no change). Default true. */
  canSubmit?: boolean;
  onCancel(): void;
  /** When editing: Delete, disabled while it runs. */
  remove?: { run(): void; busy: boolean; className?: string };
}

export function RecordForm({
  formRef,
  label,
  className,
  onSubmit,
  formError,
  edit,
  children,
  submitLabel,
  saving,
  canSubmit = true,
  onCancel,
  remove,
}: RecordFormProps) {
  const conflicts = edit?.form.conflicts ?? [];
  return (
    <form ref={formRef} className={className} aria-label={label} onSubmit={onSubmit} noValidate>
      {edit && <ConflictNotice conflicts={conflicts} label={edit.label} onResolve={edit.form.resolve} />}
      <FormError message={formError} />
      {children}
      <div className="form-actions">
        {remove && (
          <button
            type="button"
            className={['danger', remove.className].filter(Boolean).join(' ')}
            disabled={remove.busy}
            onClick={remove.run}
          >
            Delete
          </button>
        )}
        <button type="button" onClick={onCancel}>
          Cancel
        </button>
        <button type="submit" className="primary" disabled={saving || conflicts.length > 0 || !canSubmit}>
          {saving ? 'Saving…' : submitLabel}
        </button>
      </div>
    </form>
  );
}
