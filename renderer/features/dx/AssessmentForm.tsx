/**
 * A cycle's self-assessment as one form: the fifteen points, word for word, each scored 1 to 5
 * (or left unscored) with a note, beside the score the previous scored cycle gave it. Scores are
 * radio groups: Tab moves from point to point, the arrow keys choose the score. The form follows
 * the stored scores live until the user changes one; Save writes only the points changed, and a
 * point changed elsewhere meanwhile is shown with both values to choose from.
 */
import { useEffect, useRef, type FormEvent } from 'react';
import {
  cycleLabel,
  DX_POINTS,
  DX_SCORE_LABELS,
  type Cycle,
  type DxScore,
  type ScoredCycle,
} from '../../../shared/domain';
import { useDatabase } from '../../db/DatabaseContext';
import { ConflictNotice } from '../../ui/ConflictNotice';
import { FormError } from '../../ui/Field';
import { useOfferUndo } from '../../ui/undo';
import { useEditDraft } from '../../ui/use-edit-draft';
import { useSaveForm } from '../../ui/use-save';
import { assessmentOf, noteField, saveAssessment, scoreField, type CycleAssessment } from './data/scores';

const SCORES = [1, 2, 3, 4, 5] as const;

function fieldLabel(field: string): string {
  const match = /^(score|note)(\d+)$/.exec(field);
  if (!match) return field;
  return `${match[1] === 'score' ? 'Score' : 'Note'} of point ${match[2]}`;
}

function showValue(field: string, value: unknown): string {
  if (value === null || value === undefined || value === '')
    return field.startsWith('score') ? 'not scored' : 'none';
  return String(value as string | number);
}

export function AssessmentForm({
  cycle,
  scores,
  previous,
}: {
  cycle: Cycle;
  scores: readonly DxScore[];
  previous: ScoredCycle | undefined;
}) {
  const database = useDatabase();
  const offerUndo = useOfferUndo();
  const formRef = useRef<HTMLFormElement>(null);
  // Not given the form: it would take the focus when it mounts, away from the cycle picker.
  const { errors, formError, saving, save } = useSaveForm();
  useEffect(() => {
    if (Object.keys(errors).length === 0) return;
    formRef.current?.querySelector<HTMLElement>('[aria-invalid="true"]')?.focus();
  }, [errors]);
  const stored = assessmentOf(scores, cycle.id);
  const form = useEditDraft<CycleAssessment>(stored);
  const { draft } = form;
  const scoredCount = DX_POINTS.filter((_, i) => draft[scoreField(i + 1)] !== null).length;

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    const saved = await save(
      async () => {
        const { patch, expected } = form.edit((d) => d);
        return saveAssessment(cycle.id, patch, expected, database);
      },
      {
        onConflict: form.noteConflicts,
        refusedMessage: 'Some points need fixing before the scores are saved.',
      },
    );
    if (!saved) return;
    // The form follows the stored scores: once the save lands they equal the draft, which is clean again.
    offerUndo(
      `Saved ${saved.changed} ${saved.changed === 1 ? 'score' : 'scores'} of ${cycleLabel(cycle)}.`,
      saved.undo,
    );
  };

  return (
    <form
      ref={formRef}
      className="card dx-form"
      aria-label={`Self-assessment of ${cycleLabel(cycle)}`}
      onSubmit={(e) => void submit(e)}
      noValidate
    >
      <header className="dx-form-header">
        <h2>{cycleLabel(cycle)}</h2>
        <p className="muted">
          {scoredCount} of {DX_POINTS.length} points scored
          {previous ? `; beside each, the score of ${cycleLabel(previous.cycle)}` : ''}. 1 ={' '}
          {DX_SCORE_LABELS[1]}, 5 = {DX_SCORE_LABELS[5]}.
        </p>
      </header>
      <ConflictNotice
        conflicts={form.conflicts}
        label={fieldLabel}
        show={showValue}
        onResolve={form.resolve}
      />
      <FormError message={formError} />
      <ol className="dx-points">
        {DX_POINTS.map((text, i) => {
          const point = i + 1;
          const sField = scoreField(point);
          const nField = noteField(point);
          const value = draft[sField] ?? null;
          const before = previous?.scores.get(point)?.score;
          const error = errors[sField] ?? errors[nField];
          return (
            <li key={point} className={`dx-point${error ? ' dx-point-invalid' : ''}`}>
              <fieldset aria-describedby={error ? `dx-error-${point}` : undefined}>
                <legend>
                  <span className="dx-number">{point}.</span> {text}
                </legend>
                <div className="dx-scale" role="radiogroup" aria-label={`Score of point ${point}`}>
                  {SCORES.map((s) => (
                    <label
                      key={s}
                      className={`dx-choice${value === s ? ' dx-chosen' : ''}`}
                      title={DX_SCORE_LABELS[s]}
                    >
                      <input
                        type="radio"
                        name={sField}
                        value={s}
                        checked={value === s}
                        aria-invalid={errors[sField] ? true : undefined}
                        onChange={() => form.set(sField, s)}
                      />
                      <span>{s}</span>
                    </label>
                  ))}
                  <label
                    className={`dx-choice dx-none${value === null ? ' dx-chosen' : ''}`}
                    title="Not scored"
                  >
                    <input
                      type="radio"
                      name={sField}
                      value=""
                      checked={value === null}
                      onChange={() => form.set(sField, null)}
                    />
                    <span aria-label="Not scored">–</span>
                  </label>
                </div>
                <span className="dx-before muted">
                  {previous ? (before === undefined ? 'was not scored' : `was ${before}`) : ''}
                  {before !== undefined && value !== null && value !== before && (
                    <span className={value < before ? 'dx-fell' : 'dx-rose'}>
                      {value < before ? ` ▼ ${before - value}` : ` ▲ ${value - before}`}
                    </span>
                  )}
                </span>
                <input
                  className="dx-note"
                  aria-label={`Note on point ${point}`}
                  placeholder="Note"
                  maxLength={2000}
                  aria-invalid={errors[nField] ? true : undefined}
                  value={draft[nField]}
                  onChange={(e) => form.set(nField, e.target.value)}
                />
                {error && (
                  <small id={`dx-error-${point}`} className="field-error" role="alert">
                    {error}
                  </small>
                )}
              </fieldset>
            </li>
          );
        })}
      </ol>
      <div className="form-actions">
        <button type="button" disabled={!form.dirty || saving} onClick={() => form.reset(stored)}>
          Discard changes
        </button>
        <button
          type="submit"
          className="primary"
          disabled={saving || !form.dirty || form.conflicts.length > 0}
        >
          {saving ? 'Saving…' : 'Save scores'}
        </button>
      </div>
    </form>
  );
}
