/**
 * The feasibility criteria: what an app's business value and technical feasibility are made
 * of, and how much each counts. Renaming, re-weighting, moving a criterion to the other axis or
 * deleting it (with Undo) re-scores every app in the same transaction.
 */
import { useState, type FormEvent } from 'react';
import { CRITERION_AXES, type Criterion, type CriterionAxis } from '../../../shared/domain';
import {
  addDefaultCriteria,
  createCriterion,
  deleteCriterion,
  moveCriterion,
  updateCriterion,
} from './data/criteria';
import { useOfferUndo } from '../../ui/undo';
import { useAction, useSaveForm } from '../../ui/use-save';
import { useDatabase } from '../../db/DatabaseContext';
import { useUi } from '../../store/ui';
import { Field, FormError } from '../../ui/Field';
import { numberValue } from '../../ui/forms';
import { count } from './parts';
import type { AppsData } from './data/queries';

const AXIS_LABELS: Record<CriterionAxis, string> = {
  business: 'Business value',
  technical: 'Technical feasibility',
};

interface Draft {
  name: string;
  axis: CriterionAxis;
  weight: string;
  description: string;
}

const draftOf = (c: Criterion | null): Draft => ({
  name: c?.name ?? '',
  axis: c?.axis ?? 'business',
  weight: c ? String(c.weight) : '1',
  description: c?.description ?? '',
});

const inputOf = (d: Draft) => ({
  name: d.name,
  axis: d.axis,
  weight: numberValue(d.weight) as number,
  description: d.description,
});

/** The fields of a criterion, shared by the editor of an existing one and the "Add" form. */
function CriterionFields({
  draft,
  setDraft,
  errors,
}: {
  draft: Draft;
  setDraft: (draft: Draft) => void;
  errors: Record<string, string>;
}) {
  return (
    <>
      <Field label="Name" error={errors.name}>
        <input value={draft.name} onChange={(e) => setDraft({ ...draft, name: e.target.value })} />
      </Field>
      <Field label="Axis" error={errors.axis}>
        <select
          value={draft.axis}
          onChange={(e) => setDraft({ ...draft, axis: e.target.value as CriterionAxis })}
        >
          {CRITERION_AXES.map((a) => (
            <option key={a} value={a}>
              {AXIS_LABELS[a]}
            </option>
          ))}
        </select>
      </Field>
      <Field label="Weight" error={errors.weight}>
        <input
          type="number"
          inputMode="decimal"
          min={0.1}
          step={0.5}
          value={draft.weight}
          onChange={(e) => setDraft({ ...draft, weight: e.target.value })}
        />
      </Field>
      <Field label="Description" error={errors.description} className="criterion-description">
        <input
          value={draft.description}
          onChange={(e) => setDraft({ ...draft, description: e.target.value })}
        />
      </Field>
    </>
  );
}

/** Offered when there are no criteria at all (an older workspace, or all were deleted). */
function SuggestedCriteria() {
  const database = useDatabase();
  const toast = useUi((s) => s.toast);
  const { busy, run } = useAction();
  const add = async () => {
    const added = await run(() => addDefaultCriteria(database));
    if (added) {
      toast({
        kind: 'success',
        text: `Added ${count(added.length, 'suggested criterion', 'suggested criteria')}.`,
      });
    }
  };
  return (
    <div className="card">
      <p>
        There are no criteria yet. Start from the suggested ones (business criticality, visibility to
        leadership, team willingness, technical fit, few dependencies) and adjust them to your program.
      </p>
      <button type="button" className="button primary" onClick={add} disabled={busy}>
        Add the suggested criteria
      </button>
    </div>
  );
}

export default function CriteriaEditor({ data }: { data: AppsData }) {
  const { criteria } = data;
  const scored = data.apps.filter((a) => Object.keys(a.criteriaScores).length > 0).length;
  return (
    <section aria-label="Feasibility criteria" className="criteria-editor">
      <p className="muted">
        Each app is scored 1–5 on every criterion; its business value and technical feasibility are the
        weighted means of its scores on each axis. {count(scored, 'app')} scored on criteria so far. Changing
        a weight re-scores them all.
      </p>
      {criteria.length === 0 && <SuggestedCriteria />}
      {(['business', 'technical'] as const).map((axis) => {
        const list = criteria.filter((c) => c.axis === axis);
        return (
          <div className="card" key={axis}>
            <h3>{AXIS_LABELS[axis]}</h3>
            {list.length === 0 ? (
              <p className="muted">
                No criterion on this axis: apps keep the {AXIS_LABELS[axis].toLowerCase()} score typed on
                their page.
              </p>
            ) : (
              <ul className="criteria-list">
                {list.map((c) => (
                  <CriterionRow
                    key={`${c.id}-${c.updatedAt}`}
                    criterion={c}
                    first={list[0]?.id === c.id}
                    last={list.at(-1)?.id === c.id}
                  />
                ))}
              </ul>
            )}
          </div>
        );
      })}
      <NewCriterion />
    </section>
  );
}

function CriterionRow({ criterion, first, last }: { criterion: Criterion; first: boolean; last: boolean }) {
  const database = useDatabase();
  const toast = useUi((s) => s.toast);
  const offerUndo = useOfferUndo();
  const [draft, setDraft] = useState(() => draftOf(criterion));
  const { errors, formError, saving: busy, save: saveForm } = useSaveForm();
  const { run } = useAction();
  const dirty = JSON.stringify(draft) !== JSON.stringify(draftOf(criterion));

  const save = async (event: FormEvent) => {
    event.preventDefault();
    const saved = await saveForm(() => updateCriterion(criterion.id, inputOf(draft), database));
    if (!saved) return;
    const { appsRescored } = saved;
    toast({
      kind: 'success',
      text: `Saved ${draft.name.trim()}${appsRescored ? `; re-scored ${count(appsRescored, 'app')}` : ''}.`,
    });
  };

  const remove = async () => {
    const deleted = await run(() => deleteCriterion(criterion.id, database));
    if (!deleted) return;
    offerUndo(
      `Deleted ${criterion.name}${deleted.scores.length ? ` and its scores on ${count(deleted.scores.length, 'app')}` : ''}.`,
      deleted.undo,
    );
  };

  const move = (direction: -1 | 1) => run(() => moveCriterion(criterion.id, direction, database));

  return (
    <li>
      <form className="criterion-form" onSubmit={save} noValidate aria-label={`Criterion ${criterion.name}`}>
        <FormError message={formError} />
        <CriterionFields draft={draft} setDraft={setDraft} errors={errors} />
        <div className="criterion-actions">
          <button type="submit" className="primary" disabled={!dirty || busy}>
            Save
          </button>
          <button
            type="button"
            className="icon-button"
            aria-label={`Move ${criterion.name} up`}
            disabled={first}
            onClick={() => void move(-1)}
          >
            ↑
          </button>
          <button
            type="button"
            className="icon-button"
            aria-label={`Move ${criterion.name} down`}
            disabled={last}
            onClick={() => void move(1)}
          >
            ↓
          </button>
          <button
            type="button"
            className="danger"
            onClick={() => void remove()}
            aria-label={`Delete ${criterion.name}`}
          >
            Delete
          </button>
        </div>
      </form>
    </li>
  );
}

function NewCriterion() {
  const database = useDatabase();
  const toast = useUi((s) => s.toast);
  const [draft, setDraft] = useState<Draft>(() => draftOf(null));
  const { errors, formError, save } = useSaveForm();

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    const created = await save(() => createCriterion(inputOf(draft), database));
    if (!created) return;
    setDraft(draftOf(null));
    toast({ kind: 'success', text: `Added the criterion ${created.name}.` });
  };

  return (
    <div className="card">
      <h3>Add a criterion</h3>
      <form className="criterion-form" onSubmit={submit} noValidate aria-label="New criterion">
        <FormError message={formError} />
        <CriterionFields draft={draft} setDraft={setDraft} errors={errors} />
        <div className="criterion-actions">
          <button type="submit" className="primary">
            Add
          </button>
        </div>
      </form>
    </div>
  );
}
