/**
 * "When did these steps happen?": a move on the pipeline board that skips steps (Selected straight
 * to On platform) asks for the dates it would otherwise stamp with today, so that a card moved
 * late does not record "hello world in 0 days". Each date starts as today and can be changed; the
 * dates must be real days in the pipeline's order (the domain's rule), and a date outside the
 * app's cycle is flagged while it is typed (allowed, as the owner may know better).
 */
import { useMemo, useState, type FormEvent } from 'react';
import {
  APP_STAGE_LABELS,
  PIPELINE_DATE_FIELDS,
  cycleContaining,
  cycleDateWarnings,
  formatIsoDate,
  pipelineDatesSchema,
  validate,
  type App,
  type AppStage,
  type Cycle,
  type PipelineDateField,
  type PipelineDates,
  type SkippedSteps,
} from '../../../shared/domain';
import { useSaveForm } from '../../ui/use-save';
import { Dialog } from '../../ui/Dialog';
import { Field, FormError } from '../../ui/Field';
import { today } from './parts';

/** A move waiting for the dates of the steps it skips. */
export interface SkipRequest {
  app: App;
  to: AppStage;
  skipped: SkippedSteps;
}

const DATE_FIELD_LABELS: Record<PipelineDateField, string> = {
  selectedOn: 'Selected on',
  firstDeployOn: 'First deploy (hello world)',
  productionOn: 'In production on',
};

interface Props {
  request: SkipRequest | null;
  cycles: readonly Cycle[];
  /** Makes the move with the dates given; a ValidationError is shown at its date. */
  onMove: (request: SkipRequest, dates: PipelineDates) => Promise<unknown>;
  /** Called after the move, or when it is cancelled. */
  onClose: () => void;
}

export function SkipStepsDialog({ request, cycles, onMove, onClose }: Props) {
  return (
    <Dialog open={request !== null} title="When did these steps happen?" onClose={onClose}>
      {request && <SkipStepsForm request={request} cycles={cycles} onMove={onMove} onClose={onClose} />}
    </Dialog>
  );
}

function SkipStepsForm({ request, cycles, onMove, onClose }: Props & { request: SkipRequest }) {
  const { app, to, skipped } = request;
  const [dates, setDates] = useState<Record<PipelineDateField, string>>(() => {
    const day = today();
    return { selectedOn: day, firstDeployOn: day, productionOn: day };
  });
  const { errors, formError, saving, save } = useSaveForm();

  /** The app's dates once moved: those it has, and those typed here. */
  const given = useMemo(() => {
    const out: PipelineDates = {};
    for (const field of skipped.dates) out[field] = dates[field].trim();
    return out;
  }, [dates, skipped.dates]);
  const after = {
    selectedOn: app.selectedOn ?? given.selectedOn ?? null,
    firstDeployOn: app.firstDeployOn ?? given.firstDeployOn ?? null,
    productionOn: app.productionOn ?? given.productionOn ?? null,
  };
  // The cycle the app will be in: its own, or the one running on its selection day (as the move decides).
  const cycle = app.cycleId
    ? cycles.find((c) => c.id === app.cycleId)
    : cycleContaining(cycles, after.selectedOn ?? today());
  const warnings = cycleDateWarnings(after, cycle);

  const onSubmit = async (event: FormEvent) => {
    event.preventDefault();
    const moved = await save(
      async () => {
        // Checked here first so every date's problem shows at once, named by its field.
        const known = Object.fromEntries(
          PIPELINE_DATE_FIELDS.filter((f) => after[f] !== null).map((f) => [f, after[f]]),
        );
        validate(pipelineDatesSchema, known, 'The dates');
        await onMove(request, given);
        return true;
      },
      { shownFields: skipped.dates },
    );
    if (moved) onClose();
  };

  const from = APP_STAGE_LABELS[app.stage];
  const skippedNames = skipped.stages.map((s) => APP_STAGE_LABELS[s]).join(' and ');
  const recorded = PIPELINE_DATE_FIELDS.filter((f) => app[f] !== null && !skipped.dates.includes(f));

  return (
    <form className="skip-steps" onSubmit={onSubmit} noValidate aria-label={`Dates for ${app.name}`}>
      <p>
        Moving <strong>{app.name}</strong> from {from} to {APP_STAGE_LABELS[to]} skips {skippedNames}. When
        did {skipped.dates.length === 1 ? 'this step' : 'these steps'} happen?
      </p>
      <FormError message={formError} />
      {recorded.length > 0 && (
        <p className="muted">
          Already recorded:{' '}
          {recorded.map((f) => `${DATE_FIELD_LABELS[f].toLowerCase()} ${formatIsoDate(app[f])}`).join(', ')}.
        </p>
      )}
      <div className="skip-steps-dates">
        {skipped.dates.map((field, i) => (
          <Field key={field} label={DATE_FIELD_LABELS[field]} error={errors[field]}>
            <input
              type="date"
              value={dates[field]}
              data-autofocus={i === 0 ? true : undefined}
              required
              onChange={(e) => setDates((d) => ({ ...d, [field]: e.target.value }))}
            />
          </Field>
        ))}
      </div>
      <div aria-live="polite">
        {warnings.length > 0 && (
          <ul className="date-warnings">
            {warnings.map((w) => (
              <li key={w.field}>{w.message}</li>
            ))}
          </ul>
        )}
      </div>
      <div className="form-actions">
        <button type="button" onClick={onClose}>
          Cancel
        </button>
        <button type="submit" className="primary" disabled={saving}>
          {saving ? 'Moving…' : `Move to ${APP_STAGE_LABELS[to]}`}
        </button>
      </div>
    </form>
  );
}
