/**
 * Editing a logged session: the same fields as quick entry, following the stored session live
 * until the user changes a field; a save writes only the changed fields and, when another
 * window changed one of them meanwhile, shows both values to choose from (no silent overwrite).
 */
import { useRef, type FormEvent } from 'react';
import { parseDuration, ValidationError, type PairingSession } from '../../../shared/domain';
import { useDatabase } from '../../db/DatabaseContext';
import { ConflictNotice } from '../../ui/ConflictNotice';
import { Dialog } from '../../ui/Dialog';
import { FormError } from '../../ui/Field';
import { useOfferUndo } from '../../ui/undo';
import { useEditDraft } from '../../ui/use-edit-draft';
import { useSaveForm } from '../../ui/use-save';
import {
  useAppNames,
  useCycles,
  useGoldenPaths,
  usePeople,
  useSession,
  useTeams,
  useTopics,
} from './data/queries';
import { editSession, sessionLabel } from './data/sessions';
import {
  draftOfSession,
  inputOfDraft,
  SessionFields,
  type SessionDraft,
  type SessionLists,
} from './SessionFields';
import { useStartField } from './use-start-field';

const FIELD_LABELS: Record<string, string> = {
  personId: 'Who paired',
  date: 'Date',
  durationMinutes: 'Duration',
  duration: 'Duration',
  teamId: 'Team',
  appId: 'App',
  partnerIds: 'Partners',
  topic: 'Topic',
  goldenPathId: 'Golden path',
  outcome: 'Outcome',
  notes: 'Notes',
};

export function EditSessionDialog({ id, onClose }: { id: string; onClose(): void }) {
  const session = useSession(id);
  const people = usePeople();
  const teams = useTeams();
  const cycles = useCycles();
  const goldenPaths = useGoldenPaths();
  const topics = useTopics();
  const ready = session !== undefined && people && teams && cycles && goldenPaths && topics;
  return (
    <Dialog open title="Edit the session" onClose={onClose} wide>
      {!ready ? (
        <p role="status">Loading…</p>
      ) : session === null ? (
        <p role="alert">This session was deleted meanwhile (here or in another window).</p>
      ) : (
        <EditSessionForm
          session={session}
          lists={{ people, teams, cycles, goldenPaths, topics, appName: undefined }}
          onDone={onClose}
        />
      )}
    </Dialog>
  );
}

function EditSessionForm({
  session,
  lists,
  onDone,
}: {
  session: PairingSession;
  lists: SessionLists;
  onDone(): void;
}) {
  const database = useDatabase();
  const offerUndo = useOfferUndo();
  const formRef = useRef<HTMLFormElement>(null);
  const { errors, formError, saving, save } = useSaveForm(formRef);
  const form = useEditDraft<SessionDraft>(draftOfSession(session));
  const { draft } = form;
  const appName = useAppNames(draft.appId ? [draft.appId] : []);
  useStartField(formRef);

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    const saved = await save(
      async () => {
        const duration = parseDuration(draft.duration);
        if (!duration.ok) {
          throw new ValidationError([{ field: 'durationMinutes', message: duration.message }], 'The session');
        }
        const { patch, expected } = form.edit(inputOfDraft);
        return editSession(session.id, patch, expected, database);
      },
      { onConflict: form.noteConflicts },
    );
    if (!saved) return;
    offerUndo(`Saved the session of ${sessionLabel(saved.session)}.`, saved.undo);
    onDone();
  };

  return (
    <form
      ref={formRef}
      className="session-form"
      aria-label="Pairing session"
      onSubmit={(e) => void submit(e)}
      noValidate
    >
      <ConflictNotice
        conflicts={form.conflicts}
        label={(field) => FIELD_LABELS[field] ?? field}
        onResolve={form.resolve}
      />
      <FormError message={formError} />
      <SessionFields
        draft={draft}
        set={form.set}
        errors={errors}
        lists={{ ...lists, appName: draft.appId ? appName(draft.appId) : null }}
        start="duration"
      />
      <div className="form-actions">
        <button type="button" onClick={onDone}>
          Cancel
        </button>
        <button type="submit" className="primary" disabled={saving || form.conflicts.length > 0}>
          {saving ? 'Saving…' : 'Save'}
        </button>
      </div>
    </form>
  );
}
