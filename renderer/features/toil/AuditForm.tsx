/**
 * Runs a new audit (team or app, date, cycle, title, notes) or edits one. The cycle is chosen
 * from the date until the user picks one. An edit saves only the fields changed, and refuses to
 * overwrite a change made elsewhere meanwhile (ConflictNotice).
 */
import { useId, useRef, useState, type FormEvent } from 'react';
import { todayIso, type ToilAudit, type ToilAuditInput } from '../../../shared/domain';
import { useDatabase } from '../../db/DatabaseContext';
import { useUi } from '../../store/ui';
import { ConflictNotice } from '../../ui/ConflictNotice';
import { Field, FormError } from '../../ui/Field';
import { useOfferUndo } from '../../ui/undo';
import { useEditDraft } from '../../ui/use-edit-draft';
import { useSaveForm } from '../../ui/use-save';
import { useAppChoices, type ToilData } from './data/queries';
import { saveAudit } from './data/toil';

interface Draft {
  title: string;
  date: string;
  teamId: string;
  appId: string;
  cycleId: string;
  notes: string;
}

const LABELS: Record<string, string> = {
  title: 'Title',
  date: 'Date',
  teamId: 'Team',
  appId: 'App',
  cycleId: 'Cycle',
  notes: 'Notes',
};

function draftOf(audit: ToilAudit | undefined, cycleOf: (date: string) => string): Draft {
  if (!audit) {
    const date = todayIso();
    return { title: '', date, teamId: '', appId: '', cycleId: cycleOf(date), notes: '' };
  }
  return {
    title: audit.title,
    date: audit.date,
    teamId: audit.teamId ?? '',
    appId: audit.appId ?? '',
    cycleId: audit.cycleId ?? '',
    notes: audit.notes,
  };
}

function inputOf(d: Draft): ToilAuditInput {
  return {
    title: d.title,
    date: d.date,
    teamId: d.teamId || null,
    appId: d.appId || null,
    cycleId: d.cycleId || null,
    notes: d.notes,
  };
}

export function AuditForm({ data, audit }: { data: ToilData; audit: ToilAudit | undefined }) {
  const database = useDatabase();
  const navigate = useUi((s) => s.navigate);
  const offerUndo = useOfferUndo();
  const apps = useAppChoices();
  const formRef = useRef<HTMLFormElement>(null);
  const headingId = useId();
  const cycleOf = (date: string) =>
    data.cycleChoices.find((c) => c.startDate <= date && date <= c.endDate)?.id ?? '';
  const form = useEditDraft<Draft>(draftOf(audit, cycleOf));
  const { draft } = form;
  const [cyclePicked, setCyclePicked] = useState(Boolean(audit));
  const { errors, formError, saving, save, setFormError } = useSaveForm(formRef);

  const teamName = data.teams.get(draft.teamId)?.name;
  const suggestedTitle = `${teamName ?? apps?.find((a) => a.id === draft.appId)?.name ?? 'Team'}: toil audit`;

  const onSubmit = async (event: FormEvent) => {
    event.preventDefault();
    if (form.conflicts.length) {
      setFormError('Nothing was saved. Choose which value to keep for each field changed elsewhere.');
      return;
    }
    const withTitle = (d: Draft) => inputOf({ ...d, title: d.title.trim() || suggestedTitle });
    const change = audit ? form.edit(withTitle) : { patch: withTitle(draft), expected: undefined };
    const saved = await save(
      () => saveAudit({ id: audit?.id, input: change.patch, expected: change.expected }, database),
      {
        refusedMessage: 'Nothing was saved. Correct the fields marked below.',
        onConflict: form.noteConflicts,
      },
    );
    if (!saved) return;
    offerUndo(`${audit ? 'Saved' : 'Ran'} “${saved.audit.title}”.`, saved.undo);
    navigate(`toil/${saved.audit.id}`);
  };

  return (
    <form ref={formRef} className="card toil-form" onSubmit={onSubmit} aria-labelledby={headingId} noValidate>
      <a href={audit ? `#/toil/${audit.id}` : '#/toil'} className="back-link">
        ← {audit ? audit.title : 'All audits'}
      </a>
      <h2 id={headingId}>{audit ? 'Edit the audit' : 'Run a toil audit'}</h2>
      <p className="muted">
        The deck’s survey, for one team (or one app) on one day. Responses are anonymous: no name is asked,
        and results show only from the privacy threshold’s number of responses.
      </p>
      <FormError message={formError} />
      <ConflictNotice
        conflicts={form.conflicts}
        label={(field) => LABELS[field] ?? field}
        show={(_field, value) => String(value ?? 'none')}
        onResolve={form.resolve}
      />
      <div className="form-grid">
        <Field label="Team" error={errors.teamId} hint="The team surveyed; or choose only an app">
          <select value={draft.teamId} onChange={(e) => form.set('teamId', e.target.value)}>
            <option value="">No team</option>
            {data.teamChoices.map((t) => (
              <option key={t.id} value={t.id}>
                {t.name}
              </option>
            ))}
          </select>
        </Field>
        <Field label="App" error={errors.appId}>
          <select value={draft.appId} onChange={(e) => form.set('appId', e.target.value)}>
            <option value="">{apps ? 'No app' : 'Loading the apps…'}</option>
            {(apps ?? []).map((a) => (
              <option key={a.id} value={a.id}>
                {a.name}
              </option>
            ))}
          </select>
        </Field>
        <Field label="Date" error={errors.date}>
          <input
            type="date"
            value={draft.date}
            onChange={(e) => {
              const date = e.target.value;
              form.update((d) => ({ ...d, date, cycleId: cyclePicked ? d.cycleId : cycleOf(date) }));
            }}
          />
        </Field>
        <Field label="Cycle" error={errors.cycleId}>
          <select
            value={draft.cycleId}
            onChange={(e) => {
              setCyclePicked(true);
              form.set('cycleId', e.target.value);
            }}
          >
            <option value="">No cycle</option>
            {data.cycleChoices.map((c) => (
              <option key={c.id} value={c.id}>
                {c.name}
              </option>
            ))}
          </select>
        </Field>
        <Field label="Title" error={errors.title} hint={`Empty: “${suggestedTitle}”`}>
          <input value={draft.title} onChange={(e) => form.set('title', e.target.value)} />
        </Field>
        <Field label="Notes" error={errors.notes} className="toil-notes">
          <textarea rows={2} value={draft.notes} onChange={(e) => form.set('notes', e.target.value)} />
        </Field>
      </div>
      <div className="toolbar">
        <button type="submit" className="primary" disabled={saving}>
          {saving ? 'Saving…' : audit ? 'Save changes' : 'Run the audit'}
        </button>
        <a className="button" href={audit ? `#/toil/${audit.id}` : '#/toil'}>
          Cancel
        </a>
      </div>
    </form>
  );
}
