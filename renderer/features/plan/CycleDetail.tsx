/**
 * One cycle in full: its label, phase, status, dates, goal and what it actually got to the
 * platform; the actions that move it along (start, close and start the next, edit, delete the
 * last); its playbook checklist; the apps selected into it; and its retro notes.
 */
import { useState } from 'react';
import {
  cycleLabel,
  cycleLengthDays,
  cycleOutcome,
  formatIsoDate,
  proposeNextCycle,
  storedText,
  type Cycle,
  type CycleActual,
  type Program,
} from '../../../shared/domain';
import { useDatabase } from '../../db/DatabaseContext';
import { useAction, useSaveForm } from '../../ui/use-save';
import { closeActiveAndStartNext, deleteCycle, startCycle, updateCycle } from './data/cycles';
import { useUi } from '../../store/ui';
import { Dialog } from '../../ui/Dialog';
import { Slot } from '../../ui/contributions';
import { ConfirmDialog } from '../../ui/ConfirmDialog';
import { CycleChecklist } from './CycleChecklist';
import { CycleForm } from './CycleForm';
import { PHASE_LABELS, pluralApps, STATUS_BADGE, STATUS_LABELS } from './labels';
import { usePlanUi } from './plan-store';
import './plan.css';

interface CycleDetailProps {
  program: Program;
  cycle: Cycle;
  cycles: readonly Cycle[];
  today: string;
  /** The cycle's actual apps; undefined while they load or when it has none. */
  actual?: CycleActual | undefined;
  /** False while the actual apps are still loading. */
  actualLoaded?: boolean;
}

type Open = null | 'edit' | 'close' | 'delete';

function RetroNotes({ cycle }: { cycle: Cycle }) {
  const database = useDatabase();
  const [notes, setNotes] = useState(cycle.retroNotes);
  const [saved, setSaved] = useState(false);
  const { formError: error, saving, save: saveForm } = useSaveForm();
  // The schema trims what it stores: compare as stored, or leading or trailing line breaks would
  // keep the notes "unsaved" forever.
  const dirty = storedText(notes) !== storedText(cycle.retroNotes);
  const state = saving ? 'saving' : saved ? 'saved' : 'idle';
  const id = `retro-${cycle.id}`;

  async function save() {
    if (!dirty) return;
    setSaved(false);
    setSaved((await saveForm(() => updateCycle(cycle.id, { retroNotes: notes }, database))) !== undefined);
  }

  return (
    <section className="retro" aria-labelledby={`${id}-label`}>
      <h3 id={`${id}-label`}>Retro notes</h3>
      <div className={`field${error ? ' field-invalid' : ''}`}>
        <textarea
          id={id}
          aria-labelledby={`${id}-label`}
          value={notes}
          rows={4}
          placeholder="What went well, what to change in the next cycle…"
          aria-invalid={error ? true : undefined}
          aria-describedby={error ? `${id}-error` : undefined}
          onChange={(e) => {
            setNotes(e.target.value);
            setSaved(false);
          }}
          // Leaving the field saves it, so notes are not lost by clicking elsewhere.
          onBlur={() => void save()}
        />
        {error && (
          <small id={`${id}-error`} className="field-error" role="alert">
            {error}
          </small>
        )}
      </div>
      <div className="retro-actions">
        <span className="muted" role="status">
          {state === 'saving' ? 'Saving…' : dirty ? 'Unsaved changes' : state === 'saved' ? 'Saved' : ''}
        </span>
        <button type="button" onClick={() => void save()} disabled={!dirty || state === 'saving'}>
          Save notes
        </button>
      </div>
    </section>
  );
}

export function CycleDetail({
  program,
  cycle,
  cycles,
  today,
  actual,
  actualLoaded = true,
}: CycleDetailProps) {
  const database = useDatabase();
  const toast = useUi((s) => s.toast);
  const selectCycle = usePlanUi((s) => s.selectCycle);
  const [open, setOpen] = useState<Open>(null);
  const { run } = useAction();

  const label = cycleLabel(cycle);
  const isLast = cycles.every((c) => c.index <= cycle.index);
  const anotherActive = cycles.find((c) => c.status === 'active' && c.id !== cycle.id);
  const next = cycles.find((c) => c.index === cycle.index + 1);
  const proposedNext = next ? null : proposeNextCycle(program, cycles);
  const outcome = cycleOutcome(cycle.goalApps, actual);

  async function start() {
    const started = await run(() => startCycle(cycle.id, database));
    if (started) toast({ kind: 'success', text: `${label} is now the active cycle.` });
  }

  return (
    <article className="card cycle-detail" aria-labelledby={`cycle-title-${cycle.id}`}>
      <header className="cycle-detail-header">
        <div>
          <div className="cycle-badges">
            <span className={`badge badge-${cycle.phase}`}>{PHASE_LABELS[cycle.phase]}</span>
            <span className={STATUS_BADGE[cycle.status]}>{STATUS_LABELS[cycle.status]}</span>
          </div>
          <h2 id={`cycle-title-${cycle.id}`}>{label}</h2>
          <p className="cycle-facts">
            <span>
              {formatIsoDate(cycle.startDate)} → {formatIsoDate(cycle.endDate)}
            </span>
            <span className="muted">{cycleLengthDays(cycle)} days</span>
            <span>
              Goal <strong>{pluralApps(cycle.goalApps)}</strong>
            </span>
          </p>
          {actualLoaded && (
            <p className="cycle-facts cycle-actual" data-testid="cycle-actual">
              <span>
                On the platform <strong>{outcome.onPlatform}</strong>{' '}
                <span className="muted">of {outcome.goal}</span>
              </span>
              <span>
                Selected <strong>{outcome.selected}</strong>
              </span>
              {outcome.unfinished > 0 && (
                <span>
                  On the way <strong>{outcome.unfinished}</strong>
                </span>
              )}
              {cycle.status !== 'planned' && (
                <span className={outcome.met ? 'goal-met' : 'goal-short'}>
                  {outcome.met
                    ? 'Goal met'
                    : `${outcome.short} short of the goal${cycle.status === 'active' ? ' so far' : ''}`}
                </span>
              )}
            </p>
          )}
        </div>
        <div className="toolbar cycle-actions">
          {cycle.status === 'planned' && (
            <button
              type="button"
              className="primary"
              onClick={() => void start()}
              disabled={!!anotherActive}
              title={anotherActive ? `${cycleLabel(anotherActive)} is active: close it first` : undefined}
            >
              Start cycle
            </button>
          )}
          {cycle.status === 'active' && (
            <button type="button" className="primary" onClick={() => setOpen('close')}>
              Close cycle and start next
            </button>
          )}
          <button type="button" onClick={() => setOpen('edit')} aria-label={`Edit ${label}`}>
            Edit
          </button>
          {isLast && (
            <button
              type="button"
              className="danger"
              onClick={() => setOpen('delete')}
              aria-label={`Delete ${label}`}
            >
              Delete
            </button>
          )}
        </div>
      </header>
      {cycle.status === 'planned' && anotherActive && (
        <p className="cycle-note muted">
          {cycleLabel(anotherActive)} is active. Close it to start this one (one cycle is active at a time).
        </p>
      )}

      <CycleChecklist cycle={cycle} today={today} />

      <Slot name="cycleDetail" props={{ cycle }} />

      <RetroNotes key={cycle.id} cycle={cycle} />

      <Dialog open={open === 'edit'} title={`Edit ${label}`} onClose={() => setOpen(null)}>
        <CycleForm
          mode="edit"
          initial={cycle}
          cycleLengthMonths={program.cycleLengthMonths}
          onCancel={() => setOpen(null)}
          onSave={async (values) => {
            await updateCycle(cycle.id, values, database);
            setOpen(null);
            toast({ kind: 'success', text: `${label} saved.` });
          }}
        />
      </Dialog>

      <ConfirmDialog
        open={open === 'close'}
        title={`Close ${label}?`}
        confirmLabel="Close and start next"
        onClose={() => setOpen(null)}
        onConfirm={async () => {
          const handOver = await closeActiveAndStartNext(today, {}, database);
          selectCycle(handOver.started.id);
          toast({
            kind: 'success',
            text: `${label} is closed. ${cycleLabel(handOver.started)} is now active${handOver.created ? ' (added to the plan)' : ''}.`,
          });
        }}
      >
        <p>
          <strong>{label}</strong> becomes closed, and in the same step{' '}
          {next ? (
            <>
              <strong>{cycleLabel(next)}</strong> ({formatIsoDate(next.startDate)} →{' '}
              {formatIsoDate(next.endDate)}, goal {pluralApps(next.goalApps)}) becomes the active cycle.
            </>
          ) : proposedNext ? (
            <>
              a new <strong>{cycleLabel(proposedNext)}</strong> is added and started:{' '}
              {formatIsoDate(proposedNext.startDate)} → {formatIsoDate(proposedNext.endDate)}, goal{' '}
              {pluralApps(proposedNext.goalApps)}. You can edit it afterwards.
            </>
          ) : null}
        </p>
        <p className="muted">The planned dates stay as they are. Checklist ticks and retro notes are kept.</p>
      </ConfirmDialog>

      <ConfirmDialog
        open={open === 'delete'}
        title={`Delete ${label}?`}
        confirmLabel="Delete cycle"
        danger
        onClose={() => setOpen(null)}
        onConfirm={async () => {
          await deleteCycle(cycle.id, database);
          selectCycle(null);
          toast({ kind: 'success', text: `${label} deleted.` });
        }}
      >
        <p>
          <strong>{label}</strong> ({formatIsoDate(cycle.startDate)} → {formatIsoDate(cycle.endDate)}) is
          removed from the plan, with its checklist and retro notes.
        </p>
        <p className="muted">Only the last cycle can be deleted, so cycle numbers stay continuous.</p>
      </ConfirmDialog>
    </article>
  );
}
