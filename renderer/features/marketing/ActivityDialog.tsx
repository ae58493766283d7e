/**
 * Logging an activity, or editing one, in a dialog over the list. A new one starts on today and
 * on the kind of the list's filter (else the newsletter); Enter saves. An edit follows the stored
 * activity live until the user changes a field, and saves only the changed fields: when another
 * window changed one of them meanwhile, both values are shown to choose from (no silent
 * overwrite). Delete offers Undo.
 */
import { useRef, type FormEvent } from 'react';
import {
  MARKETING_KIND_LABELS,
  MARKETING_KINDS,
  todayIso,
  ValidationError,
  type ActivityFilter,
  type MarketingActivity,
  type MarketingActivityInput,
  type MarketingKind,
} from '../../../shared/domain';
import { useDatabase } from '../../db/DatabaseContext';
import { useUi } from '../../store/ui';
import { Dialog } from '../../ui/Dialog';
import { Field } from '../../ui/Field';
import { RecordForm } from '../../ui/RecordForm';
import { useOfferUndo } from '../../ui/undo';
import { useEditDraft } from '../../ui/use-edit-draft';
import { useAction, useSaveForm } from '../../ui/use-save';
import { addActivity, deleteActivity, editActivity } from './data/activities';
import { useActivity } from './data/queries';
import { listRoute } from './route';

interface Draft {
  date: string;
  kind: MarketingKind;
  title: string;
  reach: string;
  notes: string;
}

const LABELS: Record<string, string> = {
  date: 'Date',
  kind: 'Kind',
  title: 'Title',
  reach: 'Reach or attendees',
  notes: 'Notes',
};

function draftOf(a: MarketingActivity): Draft {
  return { date: a.date, kind: a.kind, title: a.title, reach: String(a.reach), notes: a.notes };
}

/** The draft as the command takes it; a reach that is not a number is refused at its field. */
function inputOf(draft: Partial<Draft>): Partial<MarketingActivityInput> {
  const out: Partial<MarketingActivityInput> = {};
  if (draft.date !== undefined) out.date = draft.date;
  if (draft.kind !== undefined) out.kind = draft.kind;
  if (draft.title !== undefined) out.title = draft.title;
  if (draft.notes !== undefined) out.notes = draft.notes;
  if (draft.reach !== undefined) {
    const text = draft.reach.trim();
    const reach = text === '' ? 0 : Number(text.replace(/[,\s]/g, ''));
    if (!Number.isFinite(reach)) {
      throw new ValidationError(
        [{ field: 'reach', message: 'Reach must be a number' }],
        'The marketing activity',
      );
    }
    out.reach = reach;
  }
  return out;
}

export function ActivityDialog({ id, filter }: { id: string | null; filter: ActivityFilter }) {
  const navigate = useUi((s) => s.navigate);
  const close = () => navigate(listRoute(filter));
  return (
    <Dialog open title={id ? 'Edit the activity' : 'Log a marketing activity'} onClose={close}>
      {id ? (
        <EditActivity id={id} onDone={close} />
      ) : (
        <NewActivity kind={filter.kind || 'newsletter'} onDone={close} />
      )}
    </Dialog>
  );
}

function NewActivity({ kind, onDone }: { kind: MarketingKind; onDone(): void }) {
  const database = useDatabase();
  const offerUndo = useOfferUndo();
  const formRef = useRef<HTMLFormElement>(null);
  const { errors, formError, saving, save } = useSaveForm(formRef);
  const form = useEditDraft<Draft>({ date: todayIso(), kind, title: '', reach: '', notes: '' });

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    const saved = await save(() => addActivity(inputOf(form.draft) as MarketingActivityInput, database));
    if (!saved) return;
    offerUndo(`Logged “${saved.activity.title}”.`, saved.undo);
    onDone();
  };
  return (
    <RecordForm
      formRef={formRef}
      label="Marketing activity"
      className="mk-form"
      onSubmit={(e) => void submit(e)}
      formError={formError}
      submitLabel="Log activity"
      saving={saving}
      onCancel={onDone}
    >
      <ActivityFields draft={form.draft} set={form.set} errors={errors} />
    </RecordForm>
  );
}

function EditActivity({ id, onDone }: { id: string; onDone(): void }) {
  const activity = useActivity(id);
  if (activity === undefined) return <p role="status">Loading…</p>;
  if (activity === null) {
    return (
      <p role="alert">
        This activity no longer exists (it was deleted, here or in another window).{' '}
        <button type="button" className="link" onClick={onDone}>
          Back to the list
        </button>
      </p>
    );
  }
  return <EditForm activity={activity} onDone={onDone} />;
}

function EditForm({ activity, onDone }: { activity: MarketingActivity; onDone(): void }) {
  const database = useDatabase();
  const offerUndo = useOfferUndo();
  const formRef = useRef<HTMLFormElement>(null);
  const { errors, formError, saving, save } = useSaveForm(formRef);
  const form = useEditDraft<Draft>(draftOf(activity));
  const remove = useAction();

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    const saved = await save(
      async () => {
        const { patch, expected } = form.edit((d) => d);
        return editActivity(activity.id, inputOf(patch), inputOf(expected), database);
      },
      { onConflict: form.noteConflicts },
    );
    if (!saved) return;
    offerUndo(`Saved “${saved.activity.title}”.`, saved.undo);
    onDone();
  };
  const onDelete = async () => {
    const deleted = await remove.run(
      () => deleteActivity(activity.id, database),
      'Could not delete the activity',
    );
    if (!deleted) return;
    offerUndo(`Deleted “${deleted.activity.title}”.`, deleted.undo);
    onDone();
  };
  return (
    <RecordForm
      formRef={formRef}
      label="Marketing activity"
      className="mk-form"
      onSubmit={(e) => void submit(e)}
      formError={formError}
      edit={{ form, label: (f) => LABELS[f] ?? f }}
      submitLabel="Save"
      saving={saving}
      canSubmit={form.dirty}
      onCancel={onDone}
      remove={{ run: () => void onDelete(), busy: remove.busy, className: 'mk-delete' }}
    >
      <ActivityFields draft={form.draft} set={form.set} errors={errors} />
    </RecordForm>
  );
}

function ActivityFields({
  draft,
  set,
  errors,
}: {
  draft: Draft;
  set: <K extends keyof Draft>(key: K, value: Draft[K]) => void;
  errors: Record<string, string>;
}) {
  return (
    <div className="form-grid mk-fields">
      <Field label="Title" error={errors.title} className="mk-field-title">
        <input
          name="title"
          data-autofocus
          value={draft.title}
          maxLength={200}
          onChange={(e) => set('title', e.target.value)}
          placeholder="Nimbus News #12, Demo day: cycle 5…"
        />
      </Field>
      <Field label="Kind" error={errors.kind}>
        <select name="kind" value={draft.kind} onChange={(e) => set('kind', e.target.value as MarketingKind)}>
          {MARKETING_KINDS.map((k) => (
            <option key={k} value={k}>
              {MARKETING_KIND_LABELS[k]}
            </option>
          ))}
        </select>
      </Field>
      <Field label="Date" error={errors.date}>
        <input name="date" type="date" value={draft.date} onChange={(e) => set('date', e.target.value)} />
      </Field>
      <Field label="Reach or attendees" error={errors.reach} hint="People reached, or who came">
        <input
          name="reach"
          inputMode="numeric"
          value={draft.reach}
          onChange={(e) => set('reach', e.target.value)}
          placeholder="0"
        />
      </Field>
      <Field label="Notes" error={errors.notes} className="mk-field-notes">
        <textarea name="notes" rows={3} value={draft.notes} onChange={(e) => set('notes', e.target.value)} />
      </Field>
    </div>
  );
}
