/**
 * Placing a person with a team or app, for a cycle or a date range: pairing (temporary) or
 * seeding (they join the team for the cycle). New, or an existing assignment's form, which
 * follows the stored one live and saves only what the user changed. An end before the start,
 * or a seeder in two places at once, is refused with the message at its field.
 */
import { useMemo, useRef, type FormEvent } from 'react';
import {
  cycleDays,
  type Assignment,
  type AssignmentInput,
  type AssignmentKind,
  type Cycle,
} from '../../../shared/domain';
import { useDatabase } from '../../db/DatabaseContext';
import { Dialog } from '../../ui/Dialog';
import { Field } from '../../ui/Field';
import { RecordForm } from '../../ui/RecordForm';
import { useOfferUndo } from '../../ui/undo';
import { useEditDraft } from '../../ui/use-edit-draft';
import { useSaveForm } from '../../ui/use-save';
import { createAssignment, editAssignment } from './data/assignments';
import { searchApps, shownAppName, useAppNames, usePeople, useTeams } from './data/queries';
import { matchOptions, Picker } from './Picker';
import { CycleOptions } from '../../ui/filters';

interface Draft {
  kind: AssignmentKind;
  personId: string | null;
  targetTeamId: string | null;
  appId: string | null;
  cycleId: string | null;
  startDate: string;
  endDate: string;
  notes: string;
}

const LABELS: Record<string, string> = {
  kind: 'Kind',
  personId: 'Person',
  targetTeamId: 'Target team',
  appId: 'App',
  cycleId: 'Cycle',
  startDate: 'Start date',
  endDate: 'End date',
  notes: 'Notes',
};

function draftOf(a: Assignment): Draft {
  return {
    kind: a.kind,
    personId: a.personId,
    targetTeamId: a.targetTeamId,
    appId: a.appId,
    cycleId: a.cycleId,
    startDate: a.startDate,
    endDate: a.endDate ?? '',
    notes: a.notes,
  };
}

function inputOf(d: Draft): AssignmentInput {
  return {
    kind: d.kind,
    personId: d.personId ?? '',
    targetTeamId: d.targetTeamId,
    appId: d.appId,
    cycleId: d.cycleId,
    startDate: d.startDate.trim(),
    endDate: d.endDate.trim() === '' ? null : d.endDate.trim(),
    notes: d.notes,
  };
}

interface AssignmentDialogProps {
  /** The assignment to edit; a new one when absent. */
  assignment?: Assignment | undefined;
  cycles: readonly Cycle[];
  /** A new assignment's cycle (its dates by default). */
  cycle?: Cycle | undefined;
  onClose(): void;
}

export function AssignmentDialog({ assignment, cycles, cycle, onClose }: AssignmentDialogProps) {
  return (
    <Dialog open title={assignment ? 'Edit the assignment' : 'Assign someone'} onClose={onClose} wide>
      <AssignmentForm assignment={assignment} cycles={cycles} cycle={cycle} onDone={onClose} />
    </Dialog>
  );
}

function AssignmentForm({
  assignment,
  cycles,
  cycle,
  onDone,
}: {
  assignment?: Assignment | undefined;
  cycles: readonly Cycle[];
  cycle?: Cycle | undefined;
  onDone(): void;
}) {
  const database = useDatabase();
  const offerUndo = useOfferUndo();
  const formRef = useRef<HTMLFormElement>(null);
  const { errors, formError, saving, save } = useSaveForm(formRef);
  const people = usePeople();
  const teams = useTeams();
  const initial = useMemo<Draft>(
    () =>
      assignment
        ? draftOf(assignment)
        : {
            kind: 'pairing',
            personId: null,
            targetTeamId: null,
            appId: null,
            cycleId: cycle?.id ?? null,
            ...(cycle ? cycleDays(cycle) : { startDate: '', endDate: '' }),
            notes: '',
          },
    [assignment, cycle],
  );
  const form = useEditDraft<Draft>(initial);
  const { draft, set } = form;
  const appName = useAppNames(draft.appId ? [draft.appId] : []);
  const personOptions = useMemo(() => (people ?? []).map((p) => ({ id: p.id, label: p.name })), [people]);
  const teamOptions = useMemo(() => (teams ?? []).map((t) => ({ id: t.id, label: t.name })), [teams]);
  const personName = (id: string | null) =>
    id ? ((people ?? []).find((p) => p.id === id)?.name ?? 'Unknown person') : '';
  const teamName = (id: string | null) =>
    id ? ((teams ?? []).find((t) => t.id === id)?.name ?? 'Deleted team') : '';

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    const saved = await save(
      () => {
        if (!assignment) return createAssignment(inputOf(draft), database);
        const { patch, expected } = form.edit(inputOf);
        return editAssignment(assignment.id, patch, expected, database);
      },
      { onConflict: form.noteConflicts },
    );
    if (!saved) return;
    offerUndo(`${saved.undo.label}.`, saved.undo);
    onDone();
  };

  return (
    <RecordForm
      formRef={formRef}
      label="Assignment"
      onSubmit={(e) => void submit(e)}
      formError={formError}
      edit={{ form, label: (f) => LABELS[f] ?? f }}
      submitLabel={assignment ? 'Save' : 'Assign'}
      saving={saving}
      onCancel={onDone}
    >
      <div className="form-grid">
        <Field label="Person" error={errors.personId}>
          <Picker
            value={draft.personId}
            valueLabel={personName(draft.personId)}
            search={(text) => matchOptions(personOptions, text)}
            onChange={(id) => set('personId', id)}
            allowNone={false}
            placeholder="Type a name…"
            data-autofocus
          />
        </Field>
        <Field
          label="Kind"
          error={errors.kind}
          hint={
            draft.kind === 'seeding'
              ? 'Joins the team for the whole assignment, so the knowledge stays'
              : 'Works alongside the team for a while'
          }
        >
          <select value={draft.kind} onChange={(e) => set('kind', e.target.value as AssignmentKind)}>
            <option value="pairing">Pairing</option>
            <option value="seeding">Seeding</option>
          </select>
        </Field>
        <Field label="Target team" error={errors.targetTeamId}>
          <Picker
            value={draft.targetTeamId}
            valueLabel={teamName(draft.targetTeamId)}
            search={(text) => matchOptions(teamOptions, text)}
            onChange={(id) => set('targetTeamId', id)}
            placeholder="Type a team…"
          />
        </Field>
        <Field label="App" error={errors.appId} hint="Optional">
          <Picker
            value={draft.appId}
            valueLabel={draft.appId ? shownAppName(appName(draft.appId)) : ''}
            search={async (text) =>
              (await searchApps(database, text, draft.targetTeamId)).map((a) => ({ id: a.id, label: a.name }))
            }
            onChange={(id) => set('appId', id)}
            placeholder="None"
          />
        </Field>
        <Field label="Cycle" error={errors.cycleId}>
          <select
            value={draft.cycleId ?? ''}
            onChange={(e) => {
              const next = cycles.find((c) => c.id === e.target.value);
              form.update((d) => ({ ...d, cycleId: next?.id ?? null, ...(next ? cycleDays(next) : {}) }));
            }}
          >
            <option value="">No cycle (dates only)</option>
            <CycleOptions cycles={cycles} />
          </select>
        </Field>
        <Field label="Start date" error={errors.startDate} hint="yyyy-mm-dd">
          <input
            type="text"
            inputMode="numeric"
            value={draft.startDate}
            onChange={(e) => set('startDate', e.target.value)}
          />
        </Field>
        <Field label="End date" error={errors.endDate} hint="yyyy-mm-dd; empty runs on">
          <input
            type="text"
            inputMode="numeric"
            value={draft.endDate}
            onChange={(e) => set('endDate', e.target.value)}
          />
        </Field>
      </div>
      <Field label="Notes" error={errors.notes}>
        <textarea rows={2} value={draft.notes} onChange={(e) => set('notes', e.target.value)} />
      </Field>
    </RecordForm>
  );
}
