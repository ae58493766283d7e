/**
 * Adding or editing a person: name, team, roles (a group of check boxes), whether they can seed
 * others, notes, and — once they leave — the day they left. An edit follows the stored person
 * live until the user types, saves only the fields changed here, and shows both values of a field
 * changed elsewhere meanwhile (ConflictNotice). Deleting a person whom sessions, assignments or
 * blockers refer to asks first: keep them under their name, marked as left, or cancel.
 */
import { useId, useRef, useState, type FormEvent } from 'react';
import {
  formatIsoDate,
  ROLE_LABELS,
  ROLES,
  type Person,
  type PersonInput,
  type Role,
} from '../../../shared/domain';
import { useDatabase } from '../../db/DatabaseContext';
import { describeError } from '../../db/errors';
import { useUi } from '../../store/ui';
import { ConflictNotice, plainValue } from '../../ui/ConflictNotice';
import { Field, FormError } from '../../ui/Field';
import { useOfferUndo } from '../../ui/undo';
import { useEditDraft } from '../../ui/use-edit-draft';
import { useSaveForm } from '../../ui/use-save';
import { deletePerson, PersonHasRecordsError, savePerson, type DeletedPerson } from './data/people';
import type { PeopleData } from './data/queries';
import { AskPanel } from './AskPanel';
import { FormButtons, today } from './parts';

interface Draft {
  name: string;
  teamId: string;
  roles: Role[];
  canSeed: boolean;
  notes: string;
  leftOn: string;
}

function draftOf(person: Person | undefined): Draft {
  return {
    name: person?.name ?? '',
    teamId: person?.teamId ?? '',
    roles: person?.roles ?? [],
    canSeed: person?.canSeed ?? false,
    notes: person?.notes ?? '',
    leftOn: person?.leftOn ?? '',
  };
}

function inputOf(draft: Draft): PersonInput {
  return {
    name: draft.name,
    teamId: draft.teamId || null,
    // As stored (the save puts them in the role list's order): a stale-edit check compares them as they are.
    roles: draft.roles,
    canSeed: draft.canSeed,
    notes: draft.notes,
    leftOn: draft.leftOn.trim() || null,
  };
}

const FIELD_LABELS: Record<string, string> = {
  name: 'Name',
  teamId: 'Team',
  roles: 'Roles',
  canSeed: 'Can seed others',
  notes: 'Notes',
  leftOn: 'Left the program on',
};

/** A value of a field changed elsewhere, as the user reads it. */
function showValue(data: PeopleData, field: string, value: unknown): string {
  if (field === 'canSeed') return value ? 'yes' : 'no';
  if (value && field === 'teamId') return data.teams.find((t) => t.id === value)?.name ?? 'a deleted team';
  if (value && field === 'leftOn') return formatIsoDate(String(value));
  const roles =
    field === 'roles' && Array.isArray(value) ? value.map((r) => ROLE_LABELS[r as Role] ?? r) : value;
  return plainValue(field, roles);
}

export function PersonForm({
  data,
  personId,
  onDone,
}: {
  data: PeopleData;
  /** null for a new person. */
  personId: string | null;
  onDone: () => void;
}) {
  const person = personId ? data.people.find((p) => p.id === personId) : undefined;
  if (personId && !person) {
    return (
      <div role="status">
        <p>This person no longer exists; they may have been deleted.</p>
        <div className="form-actions">
          <button type="button" onClick={onDone} data-autofocus>
            Close
          </button>
        </div>
      </div>
    );
  }
  return <PersonFields data={data} person={person} onDone={onDone} />;
}

function PersonFields({
  data,
  person,
  onDone,
}: {
  data: PeopleData;
  person: Person | undefined;
  onDone: () => void;
}) {
  const database = useDatabase();
  const toast = useUi((s) => s.toast);
  const offerUndo = useOfferUndo();
  const form = useEditDraft<Draft>(draftOf(person));
  const { draft, set } = form;
  const formRef = useRef<HTMLFormElement>(null);
  const { errors, formError, saving, save, setFormError } = useSaveForm(formRef);
  const [asking, setAsking] = useState<PersonHasRecordsError | null>(null);
  const rolesId = useId();

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    if (form.conflicts.length) {
      setFormError('Nothing was saved. Choose which value to keep for each field changed elsewhere.');
      return;
    }
    const change = person ? form.edit(inputOf) : { patch: inputOf(draft), expected: undefined };
    const saved = await save(
      () => savePerson({ id: person?.id, input: change.patch, expected: change.expected }, database),
      {
        refusedMessage: 'Nothing was saved. Correct the fields marked below.',
        onConflict: form.noteConflicts,
      },
    );
    if (!saved) return;
    toast({ kind: 'success', text: person ? `Saved ${saved.name}.` : `Added ${saved.name}.` });
    onDone();
  };

  const finished = (done: DeletedPerson) => {
    onDone();
    offerUndo(
      done.outcome === 'deleted'
        ? `Deleted ${done.person.name}.`
        : `${done.person.name} is marked as left; their records keep their name.`,
      done.undo,
    );
  };

  const remove = async (records: 'ask' | 'keep') => {
    if (!person) return;
    setFormError(null);
    try {
      finished(await deletePerson(person.id, { records, today: today() }, database));
    } catch (error) {
      if (error instanceof PersonHasRecordsError) setAsking(error);
      else {
        setAsking(null);
        setFormError(describeError(error));
      }
    }
  };

  if (asking) {
    const left = asking.person.leftOn;
    return (
      <AskPanel
        question={asking.message}
        confirmLabel={left ? undefined : 'Keep their records, mark as left'}
        cancelLabel={left ? 'Back' : 'Cancel'}
        onConfirm={() => void remove('keep')}
        onCancel={() => setAsking(null)}
      >
        {left ? (
          <p>
            {asking.person.name} left on {formatIsoDate(left)} and is kept so that these records keep their
            name. They cannot be deleted while records refer to them.
          </p>
        ) : (
          <p>
            Keep their records under their name? {asking.person.name} stays in those records, marked as left
            today, and no longer shows among the people in the program. Undo brings them back.
          </p>
        )}
      </AskPanel>
    );
  }

  const toggleRole = (role: Role, on: boolean) =>
    set('roles', on ? [...draft.roles, role] : draft.roles.filter((r) => r !== role));

  return (
    <form
      ref={formRef}
      onSubmit={submit}
      noValidate
      aria-label={person ? `Edit ${person.name}` : 'New person'}
      className="person-form"
    >
      <FormError message={formError} />
      <ConflictNotice
        conflicts={form.conflicts}
        label={(field) => FIELD_LABELS[field] ?? field}
        show={(field, value) => showValue(data, field, value)}
        onResolve={form.resolve}
      />
      <div className="form-grid">
        <Field label="Name" error={errors.name}>
          <input value={draft.name} onChange={(e) => set('name', e.target.value)} autoComplete="off" />
        </Field>
        <Field label="Team" error={errors.teamId}>
          <select value={draft.teamId} onChange={(e) => set('teamId', e.target.value)}>
            <option value="">No team</option>
            {data.teams.map((t) => (
              <option key={t.id} value={t.id}>
                {t.name}
              </option>
            ))}
          </select>
        </Field>
      </div>
      <fieldset className="person-roles" aria-describedby={errors.roles ? `${rolesId}-error` : undefined}>
        <legend>Roles</legend>
        <div className="person-role-grid">
          {ROLES.map((role) => (
            <label key={role}>
              <input
                type="checkbox"
                checked={draft.roles.includes(role)}
                onChange={(e) => toggleRole(role, e.target.checked)}
              />
              {ROLE_LABELS[role]}
            </label>
          ))}
        </div>
        {errors.roles && (
          <small id={`${rolesId}-error`} className="field-error" role="alert">
            {errors.roles}
          </small>
        )}
      </fieldset>
      <label className="person-can-seed">
        <input type="checkbox" checked={draft.canSeed} onChange={(e) => set('canSeed', e.target.checked)} />
        Can seed others: pairs with new teams and passes the platform’s knowledge on
      </label>
      <Field label="Notes" error={errors.notes}>
        <textarea value={draft.notes} onChange={(e) => set('notes', e.target.value)} rows={3} />
      </Field>
      {person && (
        <Field
          label="Left the program on"
          error={errors.leftOn}
          hint="Empty while they are in the program. People who left keep their sessions and assignments."
        >
          <input type="date" value={draft.leftOn} onChange={(e) => set('leftOn', e.target.value)} />
        </Field>
      )}
      <FormButtons
        onDelete={person ? () => void remove('ask') : undefined}
        onCancel={onDone}
        saving={saving}
        saveLabel={person ? 'Save person' : 'Add person'}
      />
    </form>
  );
}
