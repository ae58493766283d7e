/**
 * One app's page: create or edit it (details, owning team — or a new one typed in place —,
 * stage, cycle and dates, feasibility criteria or direct scores, golden paths), see its time to
 * hello world, its time in the pipeline and how much of it was blocked (from its blockers' status
 * histories, a shared read), any date that contradicts its cycle, and delete it with Undo. Nothing is saved while a field is wrong: the repository
 * validates the whole app and each problem is shown at its field.
 */
import { useId, useMemo, useState, type FormEvent } from 'react';
import {
  APP_STAGES,
  APP_STAGE_LABELS,
  QUADRANT_LABELS,
  cycleDateWarnings,
  cycleLabel,
  formatIsoDate,
  quadrantOfApp,
  scoresFromCriteria,
  stageTransitionPatch,
  timeToHelloWorldDays,
  medianTimeToHelloWorld,
  type App,
  type AppInput,
  type AppStage,
  type Criterion,
} from '../../../shared/domain';
import { deleteApp, saveApp } from './data/apps';
import { useOfferUndo } from '../../ui/undo';
import { useSaveForm } from '../../ui/use-save';
import { useEditDraft } from '../../ui/use-edit-draft';
import { ConflictNotice } from '../../ui/ConflictNotice';
import { useDatabase } from '../../db/DatabaseContext';
import { useUi } from '../../store/ui';
import { Slot } from '../../ui/contributions';
import { Field } from '../../ui/Field';
import { numberValue } from '../../ui/forms';
import { StageBadge, formatDays, formatScore, today } from './parts';
import type { AppsData } from './data/queries';
import { pipelineTime } from '../../../shared/domain/blocked-time';
import { useAppBlockerHistories } from '../../db/workspace-queries';

const NEW_TEAM = '__new__';

interface Draft {
  name: string;
  teamId: string;
  newTeamName: string;
  description: string;
  stage: AppStage;
  cycleId: string;
  selectedOn: string;
  firstDeployOn: string;
  productionOn: string;
  externalId: string;
  lifecycle: string;
  system: string;
  goldenPathIds: string[];
  criteriaScores: Record<string, number>;
  businessScore: string;
  technicalScore: string;
}

function draftOf(app: App | undefined): Draft {
  return {
    name: app?.name ?? '',
    teamId: app?.teamId ?? '',
    newTeamName: '',
    description: app?.description ?? '',
    stage: app?.stage ?? 'candidate',
    cycleId: app?.cycleId ?? '',
    selectedOn: app?.selectedOn ?? '',
    firstDeployOn: app?.firstDeployOn ?? '',
    productionOn: app?.productionOn ?? '',
    externalId: app?.externalId ?? '',
    lifecycle: app?.lifecycle ?? '',
    system: app?.system ?? '',
    goldenPathIds: app?.goldenPathIds ?? [],
    criteriaScores: app?.criteriaScores ?? {},
    businessScore:
      app?.businessScore === null || app?.businessScore === undefined ? '' : String(app.businessScore),
    technicalScore:
      app?.technicalScore === null || app?.technicalScore === undefined ? '' : String(app.technicalScore),
  };
}

const orNull = (text: string) => (text.trim() === '' ? null : text.trim());
const scoreOf = (text: string) => (text.trim() === '' ? null : numberValue(text));

/** A typed direct score, when it is one the app could store (shown live; the save validates it properly). */
function validScore(text: string): number | null {
  const value = scoreOf(text);
  return typeof value === 'number' && value >= 1 && value <= 5 ? value : null;
}

function inputOf(draft: Draft): AppInput {
  return {
    name: draft.name,
    teamId: draft.teamId && draft.teamId !== NEW_TEAM ? draft.teamId : null,
    description: draft.description,
    stage: draft.stage,
    cycleId: draft.cycleId || null,
    selectedOn: orNull(draft.selectedOn),
    firstDeployOn: orNull(draft.firstDeployOn),
    productionOn: orNull(draft.productionOn),
    externalId: orNull(draft.externalId),
    lifecycle: draft.lifecycle,
    system: draft.system,
    goldenPathIds: draft.goldenPathIds,
    criteriaScores: draft.criteriaScores,
    // The form shows text; a typed "abc" reaches zod as text so it says "must be a number".
    businessScore: scoreOf(draft.businessScore) as number | null,
    technicalScore: scoreOf(draft.technicalScore) as number | null,
  };
}

export function AppPage({ data, appId }: { data: AppsData; appId: string | null }) {
  const app = appId ? data.apps.find((a) => a.id === appId) : undefined;
  if (appId && !app) {
    return (
      <div className="card empty" role="status">
        <h2>This app no longer exists</h2>
        <p>It may have been deleted.</p>
        <a href="#/apps">Back to all apps</a>
      </div>
    );
  }
  // Keyed by id: opening another app starts from its stored values, not the previous draft.
  // Other areas' panels (its sessions, blockers…) come after the form, never inside it.
  return (
    <>
      <AppForm key={appId ?? 'new'} data={data} app={app} />
      {app && <Slot name="appDetail" props={{ appId: app.id }} />}
    </>
  );
}

function AppForm({ data, app }: { data: AppsData; app: App | undefined }) {
  const database = useDatabase();
  const navigate = useUi((s) => s.navigate);
  const toast = useUi((s) => s.toast);
  const offerUndo = useOfferUndo();
  // Follows the stored app live while untouched; a field changed here and elsewhere is a conflict.
  const form = useEditDraft<Draft>(draftOf(app));
  const { draft, update: setDraft } = form;
  const { errors, formError, saving, save, setFormError } = useSaveForm();
  const [stageNote, setStageNote] = useState<string | null>(null);
  const headingId = useId();

  const set = <K extends keyof Draft>(key: K, value: Draft[K]) => setDraft((d) => ({ ...d, [key]: value }));

  const derived = useMemo(
    () => scoresFromCriteria(data.criteria, draft.criteriaScores),
    [data.criteria, draft.criteriaScores],
  );
  const business = derived.businessScore ?? validScore(draft.businessScore);
  const technical = derived.technicalScore ?? validScore(draft.technicalScore);
  const quadrant = quadrantOfApp({ businessScore: business, technicalScore: technical });
  const helloWorld = timeToHelloWorldDays({
    selectedOn: orNull(draft.selectedOn),
    firstDeployOn: orNull(draft.firstDeployOn),
  });
  const cycle = data.cycles.find((c) => c.id === draft.cycleId);
  // A new app has no blockers yet: nothing to read for it.
  const blockerHistories = useAppBlockerHistories(app?.id ?? '');
  const inPipeline = pipelineTime(
    { stage: draft.stage, selectedOn: orNull(draft.selectedOn), productionOn: orNull(draft.productionOn) },
    blockerHistories ?? [],
    today(),
  );
  // As typed: a date moved outside the cycle is flagged before the app is saved.
  const dateWarnings = cycleDateWarnings(
    {
      selectedOn: orNull(draft.selectedOn),
      firstDeployOn: orNull(draft.firstDeployOn),
      productionOn: orNull(draft.productionOn),
    },
    cycle,
  );
  const cycleMedian = useMemo(
    () => (cycle ? medianTimeToHelloWorld(data.apps.filter((a) => a.cycleId === cycle.id)) : null),
    [cycle, data.apps],
  );

  const changeStage = (stage: AppStage) => {
    const patch = stageTransitionPatch(
      {
        stage: draft.stage,
        cycleId: draft.cycleId || null,
        selectedOn: orNull(draft.selectedOn),
        firstDeployOn: orNull(draft.firstDeployOn),
        productionOn: orNull(draft.productionOn),
      },
      stage,
      today(),
    );
    const stamped = (['selectedOn', 'firstDeployOn', 'productionOn'] as const).filter((k) => patch[k]);
    setDraft((d) => ({
      ...d,
      stage,
      selectedOn: patch.selectedOn ?? d.selectedOn,
      firstDeployOn: patch.firstDeployOn ?? d.firstDeployOn,
      productionOn: patch.productionOn ?? d.productionOn,
    }));
    setStageNote(
      stamped.length
        ? `Moving to ${APP_STAGE_LABELS[stage]} filled in ${stamped
            .map((k) => DATE_LABELS[k].toLowerCase())
            .join(', ')} with today. Change them if the step happened on another day.`
        : null,
    );
  };

  const setCriterion = (criterion: Criterion, value: string) => {
    setDraft((d) => {
      const criteriaScores = { ...d.criteriaScores };
      if (value === '') delete criteriaScores[criterion.id];
      else criteriaScores[criterion.id] = Number(value);
      return { ...d, criteriaScores };
    });
  };

  const onSubmit = async (event: FormEvent) => {
    event.preventDefault();
    if (form.conflicts.length) {
      setFormError('Nothing was saved. Choose which value to keep for each field changed elsewhere.');
      return;
    }
    // An edit writes only the fields changed here, refused if one was changed elsewhere meanwhile.
    const change = app ? form.edit(inputOf) : { patch: inputOf(draft), expected: undefined };
    const saved = await save(
      () =>
        saveApp(
          {
            id: app?.id,
            input: change.patch,
            expected: change.expected,
            newTeamName: draft.teamId === NEW_TEAM ? draft.newTeamName : undefined,
          },
          database,
        ),
      {
        refusedMessage: 'Nothing was saved. Correct the fields marked below.',
        onConflict: form.noteConflicts,
      },
    );
    if (!saved) return;
    if (draft.teamId === NEW_TEAM) setDraft((d) => ({ ...d, teamId: saved.teamId ?? '', newTeamName: '' }));
    toast({ kind: 'success', text: app ? `Saved ${saved.name}.` : `Added ${saved.name}.` });
    if (!app) navigate(`apps/${saved.id}`);
  };

  const onDelete = async () => {
    if (!app) return;
    const deleted = await save(() => deleteApp(app.id, database));
    if (!deleted) return;
    navigate('apps');
    offerUndo(`Deleted ${deleted.app.name}.`, deleted.undo);
  };

  const axisCriteria = (axis: Criterion['axis']) => data.criteria.filter((c) => c.axis === axis);

  return (
    <form className="app-page" onSubmit={onSubmit} aria-labelledby={headingId} noValidate>
      <div className="page-header">
        <div>
          <a href="#/apps" className="back-link">
            ← All apps
          </a>
          <h2 id={headingId}>
            {app ? app.name : 'New app'} {app && <StageBadge stage={app.stage} />}
          </h2>
          {app?.externalId && <p className="muted">{app.externalId}</p>}
        </div>
        <div className="toolbar">
          {app && (
            <button type="button" className="danger" onClick={() => void onDelete()}>
              Delete app
            </button>
          )}
          <button type="submit" className="primary" disabled={saving}>
            {saving ? 'Saving…' : app ? 'Save changes' : 'Add app'}
          </button>
        </div>
      </div>

      {formError && (
        <div className="form-error" role="alert">
          {formError}
        </div>
      )}
      <ConflictNotice
        conflicts={form.conflicts}
        label={(field) => FIELD_LABELS[field] ?? field}
        show={(field, value) => showValue(data, field, value)}
        onResolve={form.resolve}
      />

      <div className="app-page-grid">
        <section className="card" aria-label="Details">
          <h3>Details</h3>
          <div className="form-grid">
            <Field label="Name" error={errors.name}>
              <input value={draft.name} onChange={(e) => set('name', e.target.value)} autoFocus={!app} />
            </Field>
            <Field label="Owning team" error={errors.teamId}>
              <select value={draft.teamId} onChange={(e) => set('teamId', e.target.value)}>
                <option value="">No team</option>
                {data.teams.map((t) => (
                  <option key={t.id} value={t.id}>
                    {t.name}
                  </option>
                ))}
                <option value={NEW_TEAM}>+ New team…</option>
              </select>
            </Field>
            {draft.teamId === NEW_TEAM && (
              <Field
                label="New team name"
                error={errors.newTeamName}
                hint="Created as a product team when you save."
              >
                <input
                  value={draft.newTeamName}
                  onChange={(e) => set('newTeamName', e.target.value)}
                  autoFocus
                />
              </Field>
            )}
            <Field label="System" error={errors.system}>
              <input value={draft.system} onChange={(e) => set('system', e.target.value)} />
            </Field>
            <Field label="Lifecycle" error={errors.lifecycle} hint="e.g. production, experimental">
              <input value={draft.lifecycle} onChange={(e) => set('lifecycle', e.target.value)} />
            </Field>
            <Field label="External id" error={errors.externalId} hint="CMDB id or Backstage entity ref">
              <input value={draft.externalId} onChange={(e) => set('externalId', e.target.value)} />
            </Field>
          </div>
          <Field label="Description" error={errors.description}>
            <textarea
              value={draft.description}
              onChange={(e) => set('description', e.target.value)}
              rows={3}
            />
          </Field>
        </section>

        <section className="card" aria-label="Pipeline">
          <h3>Pipeline</h3>
          <div className="form-grid">
            <Field label="Stage" error={errors.stage}>
              <select value={draft.stage} onChange={(e) => changeStage(e.target.value as AppStage)}>
                {APP_STAGES.map((s) => (
                  <option key={s} value={s}>
                    {APP_STAGE_LABELS[s]}
                  </option>
                ))}
              </select>
            </Field>
            <Field label="Cycle" error={errors.cycleId}>
              <select value={draft.cycleId} onChange={(e) => set('cycleId', e.target.value)}>
                <option value="">No cycle</option>
                {data.cycles.map((c) => (
                  <option key={c.id} value={c.id}>
                    {cycleLabel(c)}
                  </option>
                ))}
              </select>
            </Field>
            {(['selectedOn', 'firstDeployOn', 'productionOn'] as const).map((key) => (
              <Field key={key} label={DATE_LABELS[key]} error={errors[key]}>
                <input type="date" value={draft[key]} onChange={(e) => set(key, e.target.value)} />
              </Field>
            ))}
          </div>
          {stageNote && (
            <p className="apps-note" role="status">
              {stageNote}
            </p>
          )}
          <div aria-live="polite">
            {dateWarnings.length > 0 && (
              <ul className="date-warnings" aria-label="Dates outside the cycle">
                {dateWarnings.map((w) => (
                  <li key={w.field}>{w.message}</li>
                ))}
              </ul>
            )}
          </div>
          <dl className="app-facts">
            <div>
              <dt>Time to hello world</dt>
              <dd>
                {helloWorld === null
                  ? 'Not yet (needs a selected and a first deploy date)'
                  : formatDays(helloWorld)}
              </dd>
            </div>
            <div>
              <dt>Time in the pipeline</dt>
              <dd data-testid="app-pipeline-time">
                {inPipeline === null
                  ? 'Not in the pipeline (needs a selected date; ends at production)'
                  : `${formatDays(inPipeline.days)}${inPipeline.ongoing ? ' so far' : ''}` +
                    (blockerHistories === undefined
                      ? ''
                      : inPipeline.blockedDays === 0
                        ? ', never blocked'
                        : `, ${formatDays(inPipeline.blockedDays)} of them blocked`)}
              </dd>
            </div>
            {cycle && (
              <div>
                <dt>Median in {cycleLabel(cycle)}</dt>
                <dd>
                  {cycleMedian === null ? 'No app has reached hello world yet' : formatDays(cycleMedian)}
                </dd>
              </div>
            )}
          </dl>
        </section>

        <section className="card" aria-label="Feasibility">
          <h3>Feasibility</h3>
          {(['business', 'technical'] as const).map((axis) => {
            const list = axisCriteria(axis);
            const derivedScore = axis === 'business' ? derived.businessScore : derived.technicalScore;
            const directKey = axis === 'business' ? 'businessScore' : 'technicalScore';
            return (
              <fieldset key={axis} className="criteria-fieldset">
                <legend>
                  {axis === 'business' ? 'Business value' : 'Technical feasibility'}:{' '}
                  <strong className="score-figure">
                    {formatScore(axis === 'business' ? business : technical)}
                  </strong>
                  {derivedScore !== null && <span className="muted"> (from the criteria)</span>}
                </legend>
                {list.map((c) => (
                  <div className="criterion-row" key={c.id}>
                    <label htmlFor={`crit-${c.id}`} title={c.description}>
                      {c.name} <span className="muted">× {c.weight}</span>
                    </label>
                    <select
                      id={`crit-${c.id}`}
                      value={draft.criteriaScores[c.id] ?? ''}
                      onChange={(e) => setCriterion(c, e.target.value)}
                      aria-invalid={errors[`criteriaScores.${c.id}`] ? true : undefined}
                    >
                      <option value="">Not scored</option>
                      {[1, 2, 3, 4, 5].map((n) => (
                        <option key={n} value={n}>
                          {n}
                        </option>
                      ))}
                    </select>
                  </div>
                ))}
                {derivedScore === null && (
                  <Field
                    label={`${axis === 'business' ? 'Business value' : 'Technical feasibility'} (1–5, direct)`}
                    error={errors[directKey]}
                    hint={
                      list.length ? 'Or score the criteria above; they take over once scored.' : undefined
                    }
                  >
                    <input
                      type="number"
                      inputMode="decimal"
                      min={1}
                      max={5}
                      step={0.1}
                      value={draft[directKey]}
                      onChange={(e) => set(directKey, e.target.value)}
                    />
                  </Field>
                )}
              </fieldset>
            );
          })}
          {quadrant && (
            <p className="apps-note">
              <strong>{QUADRANT_LABELS[quadrant].label}:</strong> {QUADRANT_LABELS[quadrant].explanation}
            </p>
          )}
          <p className="muted">
            <a href="#/apps/criteria">Edit the criteria and their weights</a>
          </p>
        </section>

        <section className="card" aria-label="Golden paths">
          <fieldset className="golden-path-checks">
            <legend>
              <h3>Golden paths</h3>
            </legend>
            {data.goldenPaths.length === 0 ? (
              <p className="muted">
                No golden paths yet. <a href="#/apps/golden-paths">Create one</a>.
              </p>
            ) : (
              data.goldenPaths.map((g) => (
                <label key={g.id} className="check">
                  <input
                    type="checkbox"
                    checked={draft.goldenPathIds.includes(g.id)}
                    onChange={(e) =>
                      set(
                        'goldenPathIds',
                        e.target.checked
                          ? [...draft.goldenPathIds, g.id]
                          : draft.goldenPathIds.filter((id) => id !== g.id),
                      )
                    }
                  />
                  {g.name} <span className="badge">{g.kind}</span>
                </label>
              ))
            )}
          </fieldset>
        </section>
      </div>

      <div className="form-actions">
        <a className="button" href="#/apps">
          Cancel
        </a>
        <button type="submit" className="primary" disabled={saving}>
          {saving ? 'Saving…' : app ? 'Save changes' : 'Add app'}
        </button>
      </div>
    </form>
  );
}

const DATE_LABELS = {
  selectedOn: 'Selected on',
  firstDeployOn: 'First deploy (hello world)',
  productionOn: 'In production on',
} as const;

/** Field labels as the form shows them, for the fields changed elsewhere meanwhile. */
const FIELD_LABELS: Record<string, string> = {
  name: 'Name',
  teamId: 'Owning team',
  description: 'Description',
  stage: 'Stage',
  cycleId: 'Cycle',
  ...DATE_LABELS,
  externalId: 'External id',
  lifecycle: 'Lifecycle',
  system: 'System',
  goldenPathIds: 'Golden paths',
  criteriaScores: 'Criteria scores',
  businessScore: 'Business value',
  technicalScore: 'Technical feasibility',
};

/** A value of a field changed elsewhere, as the user reads it: names, not ids. */
function showValue(data: AppsData, field: string, value: unknown): string {
  if (value === null || value === undefined || value === '') return 'none';
  if (field === 'stage') return APP_STAGE_LABELS[value as AppStage] ?? String(value);
  if (field === 'teamId') return data.teams.find((t) => t.id === value)?.name ?? 'a deleted team';
  if (field === 'cycleId') {
    const cycle = data.cycles.find((c) => c.id === value);
    return cycle ? cycleLabel(cycle) : 'a deleted cycle';
  }
  if (field === 'goldenPathIds' && Array.isArray(value)) {
    return (
      value.map((id) => data.goldenPaths.find((g) => g.id === id)?.name ?? 'a deleted path').join(', ') ||
      'none'
    );
  }
  if (field === 'criteriaScores' && typeof value === 'object') {
    const entries = Object.entries(value as Record<string, number>);
    return entries.length
      ? entries
          .map(([id, v]) => `${data.criteria.find((c) => c.id === id)?.name ?? 'criterion'} ${v}`)
          .join(', ')
      : 'none';
  }
  if (field in DATE_LABELS) return formatIsoDate(String(value));
  return typeof value === 'object' ? JSON.stringify(value) : String(value as string | number);
}
