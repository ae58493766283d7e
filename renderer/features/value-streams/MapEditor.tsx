/**
 * One version of an app's value stream: its label, date and notes, its ordered steps edited
 * inline, the figures derived from them as typed, and the map drawn as a timeline. A new map may
 * start from an earlier version's steps ("New version from this"). Saving writes the whole map in
 * one transaction and offers Undo; an edit follows the stored map live and refuses to overwrite
 * a change made elsewhere meanwhile (ConflictNotice).
 */
import { useId, useMemo, useRef, useState, type FormEvent } from 'react';
import {
  todayIso,
  valueStreamStats,
  valueStreamStepSchema,
  type ValueStreamMap,
  type ValueStreamMapInput,
  type ValueStreamStep,
} from '../../../shared/domain';
import { useDatabase } from '../../db/DatabaseContext';
import { useUi } from '../../store/ui';
import { ConflictNotice } from '../../ui/ConflictNotice';
import { Field, FormError } from '../../ui/Field';
import { useOfferUndo } from '../../ui/undo';
import { useEditDraft } from '../../ui/use-edit-draft';
import { useSaveForm } from '../../ui/use-save';
import { deleteMap, saveMap } from './data/maps';
import type { ValueStreamsData } from './data/queries';
import { MapTimeline } from './MapTimeline';
import { StatsList, versionName } from './parts';
import { StepsEditor, type StepDraft, type StepField } from './StepsEditor';

interface Draft {
  appId: string;
  label: string;
  date: string;
  notes: string;
  steps: StepDraft[];
}

const FIELD_LABELS: Record<string, string> = {
  appId: 'App',
  label: 'Label',
  date: 'Date',
  notes: 'Notes',
  steps: 'Steps',
};

/** A number as typed: empty is no number (refused as "must be a number"), not zero. */
function typedNumber(text: string): number {
  return text.trim() === '' ? Number.NaN : Number(text.trim());
}

function stepDrafts(steps: readonly ValueStreamStep[]): StepDraft[] {
  return steps.map((s, i) => ({
    key: `s${i}`,
    name: s.name,
    wait: String(s.waitMinutes),
    process: String(s.processMinutes),
    pct: String(s.pctCompleteAccurate),
  }));
}

function stepOf(d: StepDraft): ValueStreamStep {
  return {
    name: d.name,
    waitMinutes: typedNumber(d.wait),
    processMinutes: typedNumber(d.process),
    pctCompleteAccurate: typedNumber(d.pct),
  };
}

function draftOf(map: ValueStreamMap | undefined, fresh: Omit<Draft, 'notes'>): Draft {
  if (!map) return { ...fresh, notes: '' };
  return {
    appId: map.appId,
    label: map.label,
    date: map.date,
    notes: map.notes,
    steps: stepDrafts(map.steps),
  };
}

function inputOf(draft: Draft): ValueStreamMapInput {
  return {
    appId: draft.appId,
    label: draft.label,
    date: draft.date,
    notes: draft.notes,
    steps: draft.steps.map(stepOf),
  };
}

/** Each row's problems as typed, by field (the schema's own rules and messages). */
function liveProblems(steps: readonly StepDraft[]): Partial<Record<StepField, string>>[] {
  return steps.map((d) => {
    const parsed = valueStreamStepSchema.safeParse(stepOf(d));
    const out: Partial<Record<StepField, string>> = {};
    for (const issue of parsed.error?.issues ?? []) {
      const field = issue.path[0] as StepField;
      out[field] ??= issue.message;
    }
    return out;
  });
}

interface MapEditorProps {
  data: ValueStreamsData;
  /** The map to edit; a new version when absent. */
  map: ValueStreamMap | undefined;
  /** For a new map: its app and the version whose steps it starts from. */
  appId?: string | undefined;
  from?: ValueStreamMap | undefined;
  /** Label suggestions ("Cycle 3"). */
  cycleLabels: readonly string[];
}

export function MapEditor({ data, map, appId, from, cycleLabels }: MapEditorProps) {
  const database = useDatabase();
  const navigate = useUi((s) => s.navigate);
  const offerUndo = useOfferUndo();
  const formRef = useRef<HTMLFormElement>(null);
  const headingId = useId();
  const nextKey = useRef(0);
  const fresh = {
    appId: appId ?? '',
    label: from ? '' : 'Before onboarding',
    date: todayIso(),
    steps: from ? stepDrafts(from.steps) : [{ key: 'n', name: '', wait: '0', process: '0', pct: '100' }],
  };
  const form = useEditDraft<Draft>(draftOf(map, fresh));
  const { draft } = form;
  const { errors, formError, saving, save, setFormError } = useSaveForm(formRef);
  const [touched, setTouched] = useState<ReadonlySet<string>>(new Set());
  const [submitted, setSubmitted] = useState(false);

  const set = <K extends keyof Draft>(key: K, value: Draft[K]) =>
    form.update((d) => ({ ...d, [key]: value }));
  const problems = useMemo(() => liveProblems(draft.steps), [draft.steps]);
  const validSteps = useMemo(
    () => draft.steps.filter((_, i) => Object.keys(problems[i] ?? {}).length === 0).map(stepOf),
    [draft.steps, problems],
  );
  const stats = valueStreamStats(validSteps);
  const invalidCount = draft.steps.length - validSteps.length;

  const errorAt = (index: number, field: StepField): string | undefined => {
    const key = draft.steps[index]?.key ?? '';
    const live = submitted || touched.has(`${key}.${field}`) ? problems[index]?.[field] : undefined;
    return live ?? errors[`steps.${index}.${field}`];
  };
  const listError =
    draft.steps.length === 0 ? 'A value stream needs at least one step: add one.' : errors.steps;

  const versions = useMemo(
    () => data.maps.filter((m) => m.appId === draft.appId && m.id !== map?.id),
    [data.maps, draft.appId, map?.id],
  );
  const appName = data.appChoices.find((a) => a.id === draft.appId)?.name;

  const onSubmit = async (event: FormEvent) => {
    event.preventDefault();
    setSubmitted(true);
    if (form.conflicts.length) {
      setFormError('Nothing was saved. Choose which value to keep for each field changed elsewhere.');
      return;
    }
    const change = map ? form.edit(inputOf) : { patch: inputOf(draft), expected: undefined };
    const saved = await save(
      () => saveMap({ id: map?.id, input: change.patch, expected: change.expected }, database),
      {
        refusedMessage: 'Nothing was saved. Correct the fields marked below.',
        onConflict: form.noteConflicts,
      },
    );
    if (!saved) return;
    form.reset(draftOf(saved.map, fresh));
    setSubmitted(false);
    setTouched(new Set());
    offerUndo(`${map ? 'Saved' : 'Added'} ${versionName(saved.map)}.`, saved.undo);
    if (!map) navigate(`value-streams/${saved.map.id}`);
  };

  const onDelete = async () => {
    if (!map) return;
    const deleted = await save(() => deleteMap(map.id, database));
    if (!deleted) return;
    navigate('value-streams');
    offerUndo(`Deleted ${versionName(deleted.map)}.`, deleted.undo);
  };

  // Step problems the save refused, named by row, for the banner (the fields show them too).
  const stepSummary = Object.entries(errors)
    .filter(([field]) => field.startsWith('steps.'))
    .map(([field, message]) => {
      const [, index] = field.split('.');
      const row = Number(index);
      const step = draft.steps[row]?.name.trim();
      return `Step ${row + 1}${step ? ` (${step})` : ''}: ${message}`;
    });

  return (
    <form ref={formRef} className="vs-editor" onSubmit={onSubmit} aria-labelledby={headingId} noValidate>
      <div className="page-header">
        <div>
          <a href="#/value-streams" className="back-link">
            ← All value streams
          </a>
          <h2 id={headingId}>
            {map
              ? `${appName ?? 'App'}: ${map.label}`
              : `New value stream map${appName ? ` for ${appName}` : ''}`}
          </h2>
          {from && !map && <p className="muted">Starting from the steps of {versionName(from)}.</p>}
        </div>
        <div className="toolbar">
          {map && (
            <>
              <a className="button" href={`#/value-streams/new/${map.appId}/${map.id}`}>
                New version from this
              </a>
              <button type="button" className="danger" onClick={() => void onDelete()}>
                Delete map
              </button>
            </>
          )}
          <button type="submit" className="primary" disabled={saving}>
            {saving ? 'Saving…' : map ? 'Save changes' : 'Add map'}
          </button>
        </div>
      </div>

      <FormError message={formError} />
      {stepSummary.length > 0 && (
        <ul className="vs-problems" aria-label="Steps to fix">
          {stepSummary.map((text) => (
            <li key={text}>{text}</li>
          ))}
        </ul>
      )}
      <ConflictNotice
        conflicts={form.conflicts}
        label={(field) => FIELD_LABELS[field] ?? field}
        show={(field, value) =>
          field === 'steps' && Array.isArray(value)
            ? `${value.length} steps: ${(value as { name: string }[]).map((s) => s.name).join(', ')}`
            : String(value ?? 'none')
        }
        onResolve={form.resolve}
      />

      <div className="vs-editor-grid">
        <section className="card vs-details" aria-label="Map details">
          <h3>Details</h3>
          <div className="form-grid">
            {!map && (
              <Field label="App" error={errors.appId}>
                <select value={draft.appId} onChange={(e) => set('appId', e.target.value)}>
                  <option value="">Choose an app…</option>
                  {data.appChoices.map((a) => (
                    <option key={a.id} value={a.id}>
                      {a.name}
                    </option>
                  ))}
                </select>
              </Field>
            )}
            <Field label="Label" error={errors.label} hint="Before onboarding, After onboarding, or a cycle">
              <input
                list="vs-label-suggestions"
                value={draft.label}
                onChange={(e) => set('label', e.target.value)}
              />
            </Field>
            <datalist id="vs-label-suggestions">
              {['Before onboarding', 'After onboarding', ...cycleLabels].map((l) => (
                <option key={l} value={l} />
              ))}
            </datalist>
            <Field label="Date" error={errors.date}>
              <input type="date" value={draft.date} onChange={(e) => set('date', e.target.value)} />
            </Field>
            <Field label="Notes" error={errors.notes} className="vs-notes">
              <textarea rows={2} value={draft.notes} onChange={(e) => set('notes', e.target.value)} />
            </Field>
          </div>
        </section>

        <section className="card vs-figures" aria-label="Derived figures">
          <h3>Figures</h3>
          <StatsList stats={stats} />
          {invalidCount > 0 && (
            <p className="muted">
              Leaving out {invalidCount === 1 ? 'one step' : `${invalidCount} steps`} with a value to fix.
            </p>
          )}
          {versions.length > 0 && map && (
            <nav aria-label="Compare with another version" className="vs-compare-links">
              <h4>Compare with</h4>
              <ul>
                {versions.map((v) => (
                  <li key={v.id}>
                    <a
                      href={`#/value-streams/compare/${v.date <= map.date ? v.id : map.id}/${v.date <= map.date ? map.id : v.id}`}
                    >
                      {versionName(v)}
                    </a>
                  </li>
                ))}
              </ul>
            </nav>
          )}
        </section>
      </div>

      <section className="card" aria-labelledby={`${headingId}-steps`}>
        <h3 id={`${headingId}-steps`}>Steps, in order</h3>
        <StepsEditor
          steps={draft.steps}
          onChange={(steps) => set('steps', steps)}
          errorAt={errorAt}
          listError={listError}
          onTouch={(key, field) => setTouched((t) => new Set(t).add(`${key}.${field}`))}
          newKey={() => `n${++nextKey.current}`}
        />
      </section>

      <MapTimeline steps={validSteps} />
    </form>
  );
}
