/**
 * Going back from resolved, from the board: a blocker is reopened only with a note saying why
 * (and the day it happened, today unless changed). Nothing changes until the note is given; the
 * problem shows at its field.
 */
import { useState, type FormEvent } from 'react';
import { BLOCKER_STATUS_LABELS, type Blocker, type BlockerStatus } from '../../../shared/domain';
import { useDatabase } from '../../db/DatabaseContext';
import { Dialog } from '../../ui/Dialog';
import { Field, FormError } from '../../ui/Field';
import { useSaveForm } from '../../ui/use-save';
import { changeBlockerStatus, type BlockerCommandResult } from './data/blockers';
import { today } from './parts';

export interface ReopenRequest {
  blocker: Blocker;
  to: BlockerStatus;
}

export function ReopenDialog({
  request,
  onDone,
  onClose,
}: {
  request: ReopenRequest | null;
  onDone(result: BlockerCommandResult): void;
  onClose(): void;
}) {
  return (
    <Dialog
      open={request !== null}
      title={request ? `Reopen “${request.blocker.title}”` : 'Reopen'}
      onClose={onClose}
    >
      {request && <ReopenForm key={request.blocker.id} request={request} onDone={onDone} onClose={onClose} />}
    </Dialog>
  );
}

function ReopenForm({
  request,
  onDone,
  onClose,
}: {
  request: ReopenRequest;
  onDone(result: BlockerCommandResult): void;
  onClose(): void;
}) {
  const database = useDatabase();
  const [note, setNote] = useState('');
  const [on, setOn] = useState(today());
  // No form ref: the dialog starts on the note (data-autofocus), not on the first input.
  const { errors, formError, saving, save } = useSaveForm();
  const { blocker, to } = request;

  const onSubmit = async (event: FormEvent) => {
    event.preventDefault();
    const done = await save(
      () => changeBlockerStatus({ id: blocker.id, status: to, on, note, from: blocker.status }, database),
      { shownFields: ['note', 'on'] },
    );
    if (done) onDone(done);
  };

  return (
    <form onSubmit={onSubmit} noValidate>
      <p>
        It goes back to <strong>{BLOCKER_STATUS_LABELS[to].toLowerCase()}</strong>. Say why it came back: the
        note stays in its history.
      </p>
      <FormError message={formError} />
      <Field label="Why it was reopened" error={errors.note}>
        <textarea value={note} rows={3} onChange={(e) => setNote(e.target.value)} data-autofocus />
      </Field>
      <Field label="On" error={errors.on}>
        <input type="date" value={on} onChange={(e) => setOn(e.target.value)} />
      </Field>
      <div className="form-actions">
        <button type="button" onClick={onClose}>
          Cancel
        </button>
        <button type="submit" className="primary" disabled={saving}>
          {saving ? 'Saving…' : 'Reopen'}
        </button>
      </div>
    </form>
  );
}
