/**
 * One blocker's page: log a new one (on an app, when opened from the app's page) or edit one —
 * title, category and sub-category as the deck names them, severity, opened date, owner, app,
 * team, cycle, notes and the mitigation taken. An edit follows the stored blocker live until the
 * user types, saves only the changed fields and shows both values of a field changed elsewhere
 * meanwhile (ConflictNotice). Below the form: the status history and the change of status (with
 * its date and a note, required when going back from resolved), and Delete with Undo. Nothing is
 * saved while a field is wrong; each problem shows at its field.
 */
import { useId, useRef, useState, type FormEvent } from 'react';
import {
  BLOCKER_CATEGORIES,
  BLOCKER_CATEGORY_IDS,
  BLOCKER_SEVERITIES,
  BLOCKER_SEVERITY_LABELS,
  BLOCKER_STATUSES,
  BLOCKER_STATUS_LABELS,
  cycleContaining,
  cycleLabel,
  formatIsoDate,
  ValidationError,
  type Blocker,
  type BlockerCategory,
  type BlockerSeverity,
  type BlockerStatus,
} from '../../../shared/domain';
import { daysOpen, timeToResolveDays } from '../../../shared/domain/blocker-stats';
import { useDatabase } from '../../db/DatabaseContext';
import { useUi } from '../../store/ui';
import { ConflictNotice } from '../../ui/ConflictNotice';
import { Field, FormError } from '../../ui/Field';
import { useOfferUndo } from '../../ui/undo';
import { useEditDraft } from '../../ui/use-edit-draft';
import { useSaveForm } from '../../ui/use-save';
import { AppPicker } from './AppPicker';
import {
  changeBlockerStatus,
  createBlocker,
  deleteBlocker,
  updateBlocker,
  type BlockerFields,
} from './data/blockers';
import { appNamed, useBlocker, type BlockerLookups } from './data/queries';
import { days, SeverityBadge, StatusBadge, today } from './parts';

interface Draft {
  title: string;
  category: BlockerCategory;
  subCategory: string;
  severity: BlockerSeverity;
  openedOn: string;
  ownerId: string;
  appId: string;
  teamId: string;
  cycleId: string;
  notes: string;
  mitigation: string;
}

function draftOf(b: Blocker | undefined, defaults: Partial<Draft> = {}): Draft {
  return {
    title: b?.title ?? '',
    category: b?.category ?? 'people-culture',
    subCategory: b?.subCategory ?? '',
    severity: b?.severity ?? 'medium',
    openedOn: b?.openedOn ?? today(),
    ownerId: b?.ownerId ?? '',
    appId: b?.appId ?? '',
    teamId: b?.teamId ?? '',
    cycleId: b?.cycleId ?? '',
    notes: b?.notes ?? '',
    mitigation: b?.mitigation ?? '',
    ...defaults,
  };
}

function fieldsOf(d: Draft): BlockerFields {
  return {
    title: d.title,
    category: d.category,
    subCategory: d.subCategory,
    severity: d.severity,
    openedOn: d.openedOn,
    ownerId: d.ownerId || null,
    appId: d.appId || null,
    teamId: d.teamId || null,
    cycleId: d.cycleId || null,
    notes: d.notes,
    mitigation: d.mitigation,
  };
}

const FIELD_LABELS: Record<string, string> = {
  title: 'Title',
  category: 'Category',
  subCategory: 'Sub-category',
  severity: 'Severity',
  openedOn: 'Opened on',
  ownerId: 'Owner',
  appId: 'App',
  teamId: 'Team',
  cycleId: 'Cycle',
  notes: 'Notes',
  mitigation: 'Mitigation taken',
};

export function BlockerPage({
  id,
  appId,
  lookups,
}: {
  id: string | null;
  appId: string | null;
  lookups: BlockerLookups;
}) {
  const blocker = useBlocker(id ?? '');
  if (id && blocker === undefined) {
    return (
      <div role="status" className="empty">
        Loading the blocker…
      </div>
    );
  }
  if (id && !blocker) {
    return (
      <div className="card empty" role="status">
        <h2>This blocker no longer exists</h2>
        <p>It may have been deleted.</p>
        <a href="#/blockers">Back to the register</a>
      </div>
    );
  }
  return (
    <div className="blocker-page">
      <BlockerForm blocker={blocker ?? undefined} appId={appId} lookups={lookups} />
      {blocker && <StatusSection blocker={blocker} />}
    </div>
  );
}

function BlockerForm({
  blocker,
  appId,
  lookups,
}: {
  blocker: Blocker | undefined;
  appId: string | null;
  lookups: BlockerLookups;
}) {
  const database = useDatabase();
  const navigate = useUi((s) => s.navigate);
  const toast = useUi((s) => s.toast);
  const offerUndo = useOfferUndo();
  const formRef = useRef<HTMLFormElement>(null);
  // A new blocker starts on today's cycle (an open one), and on the app it was logged from.
  const [initial] = useState(() =>
    blocker
      ? undefined
      : {
          appId: appId ?? '',
          cycleId:
            cycleContaining(
              lookups.cycles.filter((c) => c.status !== 'closed'),
              today(),
            )?.id ?? '',
        },
  );
  const form = useEditDraft<Draft>(draftOf(blocker, initial));
  const { draft, set } = form;
  const { errors, formError, saving, save, setFormError } = useSaveForm(blocker ? undefined : formRef);
  const [unmatchedApp, setUnmatchedApp] = useState<string | null>(null);
  const headingId = useId();
  const subCategories: readonly string[] = BLOCKER_CATEGORIES[draft.category].subCategories;

  const onSubmit = async (event: FormEvent) => {
    event.preventDefault();
    if (form.conflicts.length) {
      setFormError('Nothing was saved. Choose which value to keep for each field changed elsewhere.');
      return;
    }
    const saved = await save(
      async () => {
        // Text the picker has not matched yet (typed and submitted before its read ended) is looked up here.
        let settled: Partial<Draft> = {};
        if (unmatchedApp) {
          const named = await appNamed(unmatchedApp, database);
          if (!named) {
            throw new ValidationError(
              [{ field: 'appId', message: `No app is named “${unmatchedApp}”; choose one from the list` }],
              'The blocker',
            );
          }
          settled = { appId: named.id };
        }
        if (!blocker) return createBlocker(fieldsOf({ ...draft, ...settled }), database);
        const change = form.edit(fieldsOf, settled);
        return updateBlocker({ id: blocker.id, patch: change.patch, expected: change.expected }, database);
      },
      {
        refusedMessage: 'Nothing was saved. Correct the fields marked below.',
        shownFields: Object.keys(FIELD_LABELS),
        onConflict: form.noteConflicts,
      },
    );
    if (!saved) return;
    if (blocker) toast({ kind: 'success', text: `Saved “${saved.blocker.title}”.` });
    else {
      offerUndo(`Logged “${saved.blocker.title}”.`, saved.undo);
      navigate(`blockers/${saved.blocker.id}`);
    }
  };

  const onDelete = async () => {
    if (!blocker) return;
    const deleted = await save(() => deleteBlocker(blocker.id, database));
    if (!deleted) return;
    navigate('blockers');
    offerUndo(`Deleted “${deleted.blocker.title}”.`, deleted.undo);
  };

  return (
    <form
      ref={formRef}
      className="card blocker-form"
      onSubmit={onSubmit}
      aria-labelledby={headingId}
      noValidate
    >
      <div className="page-header">
        <div>
          <a href="#/blockers" className="back-link">
            ← Register
          </a>
          <h2 id={headingId}>
            {blocker ? blocker.title : 'Log a blocker'} {blocker && <StatusBadge status={blocker.status} />}
          </h2>
        </div>
        <div className="toolbar">
          {blocker && (
            <button type="button" className="danger" onClick={() => void onDelete()}>
              Delete blocker
            </button>
          )}
          <button type="submit" className="primary" disabled={saving}>
            {saving ? 'Saving…' : blocker ? 'Save changes' : 'Log blocker'}
          </button>
        </div>
      </div>
      <FormError message={formError} />
      <ConflictNotice
        conflicts={form.conflicts}
        label={(field) => FIELD_LABELS[field] ?? field}
        show={(field, value) => shown(lookups, field, value)}
        onResolve={form.resolve}
      />
      <Field label="Title" error={errors.title}>
        <input value={draft.title} onChange={(e) => set('title', e.target.value)} autoFocus={!blocker} />
      </Field>
      <div className="form-grid">
        <Field label="Category" error={errors.category}>
          <select
            value={draft.category}
            onChange={(e) => {
              const category = e.target.value as BlockerCategory;
              const subs: readonly string[] = BLOCKER_CATEGORIES[category].subCategories;
              form.update((d) => ({
                ...d,
                category,
                subCategory: subs.includes(d.subCategory) ? d.subCategory : '',
              }));
            }}
          >
            {BLOCKER_CATEGORY_IDS.map((c) => (
              <option key={c} value={c}>
                {BLOCKER_CATEGORIES[c].label}
              </option>
            ))}
          </select>
        </Field>
        <Field label="Sub-category" error={errors.subCategory}>
          <select value={draft.subCategory} onChange={(e) => set('subCategory', e.target.value)}>
            <option value="">Choose…</option>
            {subCategories.map((s) => (
              <option key={s} value={s}>
                {s}
              </option>
            ))}
          </select>
        </Field>
        <Field label="Severity" error={errors.severity}>
          <select value={draft.severity} onChange={(e) => set('severity', e.target.value as BlockerSeverity)}>
            {BLOCKER_SEVERITIES.map((s) => (
              <option key={s} value={s}>
                {BLOCKER_SEVERITY_LABELS[s]}
              </option>
            ))}
          </select>
        </Field>
        <Field label="Opened on" error={errors.openedOn}>
          <input type="date" value={draft.openedOn} onChange={(e) => set('openedOn', e.target.value)} />
        </Field>
        <Field label="Owner" error={errors.ownerId}>
          <select value={draft.ownerId} onChange={(e) => set('ownerId', e.target.value)}>
            <option value="">No owner</option>
            {draft.ownerId && !lookups.people.some((p) => p.id === draft.ownerId) && (
              <option value={draft.ownerId}>A deleted person</option>
            )}
            {lookups.people.map((p) => (
              <option key={p.id} value={p.id}>
                {p.name}
              </option>
            ))}
          </select>
        </Field>
        <Field label="App" error={errors.appId} hint="Type the first letters of its name.">
          <AppPicker
            label="App"
            appId={draft.appId || null}
            onChange={(id) => set('appId', id ?? '')}
            onUnmatched={setUnmatchedApp}
          />
        </Field>
        <Field label="Team" error={errors.teamId}>
          <select value={draft.teamId} onChange={(e) => set('teamId', e.target.value)}>
            <option value="">No team</option>
            {lookups.teams.map((t) => (
              <option key={t.id} value={t.id}>
                {t.name}
              </option>
            ))}
          </select>
        </Field>
        <Field label="Cycle" error={errors.cycleId}>
          <select value={draft.cycleId} onChange={(e) => set('cycleId', e.target.value)}>
            <option value="">No cycle</option>
            {lookups.cycles.map((c) => (
              <option key={c.id} value={c.id}>
                {cycleLabel(c)}
              </option>
            ))}
          </select>
        </Field>
      </div>
      <div className="grid-2">
        <Field label="Notes" error={errors.notes}>
          <textarea value={draft.notes} rows={3} onChange={(e) => set('notes', e.target.value)} />
        </Field>
        <Field
          label="Mitigation taken"
          error={errors.mitigation}
          hint="What was done, or is being done, about it."
        >
          <textarea value={draft.mitigation} rows={3} onChange={(e) => set('mitigation', e.target.value)} />
        </Field>
      </div>
    </form>
  );
}

/** A value of a field changed elsewhere, as the user reads it: names, not ids. */
function shown(lookups: BlockerLookups, field: string, value: unknown): string {
  if (value === null || value === undefined || value === '') return 'none';
  const text = String(value as string);
  if (field === 'category') return BLOCKER_CATEGORIES[text as BlockerCategory]?.label ?? text;
  if (field === 'severity') return BLOCKER_SEVERITY_LABELS[text as BlockerSeverity] ?? text;
  if (field === 'openedOn') return formatIsoDate(text);
  if (field === 'ownerId') return lookups.people.find((p) => p.id === text)?.name ?? 'a deleted person';
  if (field === 'teamId') return lookups.teams.find((t) => t.id === text)?.name ?? 'a deleted team';
  if (field === 'cycleId') {
    const cycle = lookups.cycles.find((c) => c.id === text);
    return cycle ? cycleLabel(cycle) : 'a deleted cycle';
  }
  if (field === 'appId') return 'another app';
  return text;
}

/** The status history, newest last, and the form that changes the status. */
function StatusSection({ blocker }: { blocker: Blocker }) {
  const database = useDatabase();
  const offerUndo = useOfferUndo();
  const headingId = useId();
  const others = BLOCKER_STATUSES.filter((s) => s !== blocker.status);
  const [status, setStatus] = useState<BlockerStatus>(others[0]!);
  const [on, setOn] = useState(today());
  const [note, setNote] = useState('');
  const { errors, formError, saving, save } = useSaveForm();
  const target = others.includes(status) ? status : others[0]!;
  const reopening = blocker.status === 'resolved';
  const took = timeToResolveDays(blocker);
  const open = daysOpen(blocker, today());

  const onSubmit = async (event: FormEvent) => {
    event.preventDefault();
    const done = await save(
      () => changeBlockerStatus({ id: blocker.id, status: target, on, note, from: blocker.status }, database),
      { shownFields: ['status', 'on', 'note'] },
    );
    if (!done) return;
    setNote('');
    offerUndo(
      `“${done.blocker.title}” is ${BLOCKER_STATUS_LABELS[done.blocker.status].toLowerCase()}.`,
      done.undo,
    );
  };

  return (
    <section className="card blocker-status" aria-labelledby={headingId}>
      <h3 id={headingId}>Status</h3>
      <p>
        <StatusBadge status={blocker.status} /> <SeverityBadge severity={blocker.severity} />{' '}
        {took !== null ? `Resolved in ${days(took)}.` : `Open for ${days(open)}.`}
      </p>
      <ol className="status-history" aria-label="Status history">
        {blocker.statusHistory.map((change, i) => (
          <li key={i}>
            <span className="status-history-date">{formatIsoDate(change.on)}</span>{' '}
            <StatusBadge status={change.status} />
            {change.note && <span className="status-history-note"> {change.note}</span>}
          </li>
        ))}
      </ol>
      <form className="status-change" onSubmit={onSubmit} aria-label="Change the status" noValidate>
        <FormError message={formError} />
        <div className="form-grid">
          <Field label="New status" error={errors.status}>
            <select value={target} onChange={(e) => setStatus(e.target.value as BlockerStatus)}>
              {others.map((s) => (
                <option key={s} value={s}>
                  {BLOCKER_STATUS_LABELS[s]}
                </option>
              ))}
            </select>
          </Field>
          <Field label="On" error={errors.on}>
            <input type="date" value={on} onChange={(e) => setOn(e.target.value)} />
          </Field>
        </div>
        <Field
          label={reopening ? 'Why it was reopened' : 'Note'}
          error={errors.note}
          hint={reopening ? 'Required: going back from resolved says why.' : 'Optional: what changed.'}
        >
          <textarea value={note} rows={2} onChange={(e) => setNote(e.target.value)} />
        </Field>
        <div className="form-actions">
          <button type="submit" disabled={saving}>
            {saving ? 'Saving…' : `Move to ${BLOCKER_STATUS_LABELS[target].toLowerCase()}`}
          </button>
        </div>
      </form>
    </section>
  );
}
