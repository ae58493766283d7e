/**
 * Adding or editing a team: name (one no other team has), kind and notes. An edit follows the
 * stored team live until the user types and saves only the fields changed here (ConflictNotice
 * for a field changed elsewhere meanwhile). Deleting a team that still has people or apps asks
 * whether to leave them without a team; a team the program's history names is kept, and the form
 * says why.
 */
import { useRef, useState, type FormEvent } from 'react';
import {
  TEAM_KIND_LABELS,
  TEAM_KINDS,
  type Team,
  type TeamInput,
  type TeamKind,
} from '../../../shared/domain';
import { useDatabase } from '../../db/DatabaseContext';
import { describeError } from '../../db/errors';
import { useUi } from '../../store/ui';
import { ConflictNotice } from '../../ui/ConflictNotice';
import { Field, FormError } from '../../ui/Field';
import { useOfferUndo } from '../../ui/undo';
import { useEditDraft } from '../../ui/use-edit-draft';
import { useSaveForm } from '../../ui/use-save';
import { AskPanel } from './AskPanel';
import { deleteTeam, saveTeam, TeamHasMembersError, type DeletedTeam } from './data/teams';
import { count, FormButtons } from './parts';

type Draft = Required<Pick<TeamInput, 'name' | 'kind' | 'notes'>>;

const draftOf = (team: Team | null, kind: TeamKind): Draft => ({
  name: team?.name ?? '',
  kind: team?.kind ?? kind,
  notes: team?.notes ?? '',
});

const FIELD_LABELS: Record<string, string> = { name: 'Team name', kind: 'Kind', notes: 'Notes' };

export function TeamForm({
  team,
  kind = 'product',
  people,
  onDone,
}: {
  /** null for a new team. */
  team: Team | null;
  /** A new team's kind, to start with. */
  kind?: TeamKind;
  /** The team's current people, for the delete button's note. */
  people: number;
  onDone: () => void;
}) {
  const database = useDatabase();
  const toast = useUi((s) => s.toast);
  const offerUndo = useOfferUndo();
  const form = useEditDraft<Draft>(draftOf(team, kind));
  const { draft, set } = form;
  const formRef = useRef<HTMLFormElement>(null);
  const { errors, formError, saving, save, setFormError } = useSaveForm(formRef);
  const [asking, setAsking] = useState<TeamHasMembersError | null>(null);

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    if (form.conflicts.length) {
      setFormError('Nothing was saved. Choose which value to keep for each field changed elsewhere.');
      return;
    }
    const change = team ? form.edit((d) => d) : { patch: draft, expected: undefined };
    const saved = await save(
      () => saveTeam({ id: team?.id, input: change.patch, expected: change.expected }, database),
      {
        refusedMessage: 'Nothing was saved. Correct the fields marked below.',
        onConflict: form.noteConflicts,
      },
    );
    if (!saved) return;
    toast({
      kind: 'success',
      text: team ? `Saved the team ${saved.name}.` : `Added the team ${saved.name}.`,
    });
    onDone();
  };

  const finished = (done: DeletedTeam) => {
    onDone();
    const left = done.unlinked.reduce((n, l) => n + l.count, 0);
    offerUndo(
      `Deleted the team ${done.team.name}${left ? `; ${count(left, 'record')} left without a team` : ''}.`,
      done.undo,
    );
  };

  const remove = async (members: 'ask' | 'unlink') => {
    if (!team) return;
    setFormError(null);
    try {
      finished(await deleteTeam(team.id, { members }, database));
    } catch (error) {
      setAsking(error instanceof TeamHasMembersError ? error : null);
      if (!(error instanceof TeamHasMembersError)) setFormError(describeError(error));
    }
  };

  if (asking) {
    return (
      <AskPanel
        question={asking.message}
        confirmLabel="Delete the team, leave them without one"
        onConfirm={() => void remove('unlink')}
        onCancel={() => setAsking(null)}
      >
        <p>
          Deleting {asking.team.name} leaves its people and apps without a team; they are not deleted. Undo
          puts the team back with them in it.
        </p>
      </AskPanel>
    );
  }

  return (
    <form
      ref={formRef}
      onSubmit={submit}
      noValidate
      aria-label={team ? `Edit the team ${team.name}` : 'New team'}
      className="team-form"
    >
      <FormError message={formError} />
      <ConflictNotice
        conflicts={form.conflicts}
        label={(field) => FIELD_LABELS[field] ?? field}
        show={(field, value) =>
          field === 'kind'
            ? (TEAM_KIND_LABELS[value as TeamKind] ?? String(value))
            : String(value ?? '') || 'none'
        }
        onResolve={form.resolve}
      />
      <Field label="Team name" error={errors.name}>
        <input value={draft.name} onChange={(e) => set('name', e.target.value)} autoComplete="off" />
      </Field>
      <Field label="Kind" error={errors.kind}>
        <select value={draft.kind} onChange={(e) => set('kind', e.target.value as TeamKind)}>
          {TEAM_KINDS.map((k) => (
            <option key={k} value={k}>
              {TEAM_KIND_LABELS[k]}
            </option>
          ))}
        </select>
      </Field>
      <Field label="Notes" error={errors.notes}>
        <textarea value={draft.notes} onChange={(e) => set('notes', e.target.value)} rows={3} />
      </Field>
      {team && <p className="muted">{count(people, 'person', 'people')} in the program.</p>}
      <FormButtons
        onDelete={team ? () => void remove('ask') : undefined}
        onCancel={onDone}
        saving={saving}
        saveLabel={team ? 'Save team' : 'Add team'}
      />
    </form>
  );
}
