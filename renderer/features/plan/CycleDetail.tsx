/**
 * One cycle in full: its label, phase, status, dates, goal and what it actually got to the
 * platform; the actions that move it along (start, close and start the next, edit, delete the
 * last); its playbook checklist; the apps selected into it; and its retro notes. Closing says
 * what is left open (checklist steps, apps not on the platform yet) and offers to carry the
 * unfinished apps over into the next cycle; the close can be undone. After an action the focus
 * lands on this cycle's heading (or the next one's) or on the button that opened the dialog.
 */
import { useEffect, useRef, useState } from 'react';
import {
  APP_STAGE_LABELS,
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
import { useUnfinishedApps, type UnfinishedApp } from '../../db/workspace-queries';
import { useAction, useSaveForm } from '../../ui/use-save';
import { useOfferUndo } from '../../ui/undo';
import { closeActiveAndStartNext, deleteCycle, startCycle, updateCycle } from './data/cycles';
import { useUi } from '../../store/ui';
import { Dialog } from '../../ui/Dialog';
import { ContributionStage, Slot } from '../../ui/contributions';
import { ConfirmDialog } from '../../ui/ConfirmDialog';
import { ConflictNotice } from '../../ui/ConflictNotice';
import { useEditDraft } from '../../ui/use-edit-draft';
import { CycleChecklist } from './CycleChecklist';
import { CycleForm } from './CycleForm';
import { PHASE_LABELS, pluralApps, STATUS_BADGE, STATUS_LABELS } from './labels';
import { defaultCycle, usePlanUi } from './plan-store';
import { useFocusReturn } from './use-focus-return';
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
  // Follows the stored notes while untouched (another window may write them); notes changed here
  // and there are shown side by side until the user keeps one.
  const form = useEditDraft({ retroNotes: cycle.retroNotes });
  const notes = form.draft.retroNotes;
  const [saved, setSaved] = useState(false);
  const { formError: error, saving, save: saveForm, setFormError } = useSaveForm();
  // The schema trims what it stores: compare as stored, or leading or trailing line breaks would
  // keep the notes "unsaved" forever.
  const dirty = storedText(notes) !== storedText(cycle.retroNotes);
  const state = saving ? 'saving' : saved ? 'saved' : 'idle';
  const id = `retro-${cycle.id}`;

  async function save() {
    if (!dirty) return;
    if (form.conflicts.length) {
      setFormError('Not saved: choose which notes to keep.');
      return;
    }
    setSaved(false);
    // The text as it will be stored, so the stored notes coming back are not a change of their own.
    const text = storedText(notes);
    form.set('retroNotes', text);
    const { expected } = form.edit((d) => d);
    const result = await saveForm(
      () => updateCycle(cycle.id, { retroNotes: text }, database, { retroNotes: expected.retroNotes ?? '' }),
      { onConflict: form.noteConflicts },
    );
    setSaved(result !== undefined);
  }

  return (
    <section className="retro" aria-labelledby={`${id}-label`}>
      <h3 id={`${id}-label`}>Retro notes</h3>
      <ConflictNotice conflicts={form.conflicts} label={() => 'Retro notes'} onResolve={form.resolve} />
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
            form.set('retroNotes', e.target.value);
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

/** Apps listed by name in the close dialog; the rest are counted. */
const LISTED_APPS = 8;

/** What closing a cycle leaves open: its unticked steps and its apps not on the platform yet. */
function LeftOpen({
  cycle,
  nextLabel,
  unfinished,
  carryOver,
  onCarryOver,
}: {
  cycle: Cycle;
  nextLabel: string;
  unfinished: UnfinishedApp[] | undefined;
  carryOver: boolean;
  onCarryOver: (on: boolean) => void;
}) {
  const label = cycleLabel(cycle);
  const openSteps = cycle.checklist.filter((i) => !i.done);
  const n = unfinished?.length ?? 0;
  return (
    <div className="close-open">
      <section aria-labelledby="close-steps">
        <h3 id="close-steps">Checklist</h3>
        {openSteps.length === 0 ? (
          <p>Every step of the checklist is ticked.</p>
        ) : (
          <>
            <p className="close-warning">
              <strong>
                {openSteps.length} of {cycle.checklist.length} steps
              </strong>{' '}
              {openSteps.length === 1 ? 'is' : 'are'} not ticked:
            </p>
            <ul className="close-list">
              {openSteps.map((i) => (
                <li key={i.stepId}>{i.text}</li>
              ))}
            </ul>
          </>
        )}
      </section>
      <section aria-labelledby="close-apps">
        <h3 id="close-apps">Apps not on the platform yet</h3>
        {unfinished === undefined ? (
          <p className="muted" role="status">
            Looking for the cycle’s unfinished apps…
          </p>
        ) : n === 0 ? (
          <p>No app selected into {label} is still selected or onboarding.</p>
        ) : (
          <>
            <p className="close-warning">
              <strong>{pluralApps(n)}</strong> selected into {label} {n === 1 ? 'is' : 'are'} not on the
              platform yet:
            </p>
            <ul className="close-list">
              {unfinished.slice(0, LISTED_APPS).map((a) => (
                <li key={a.id}>
                  {a.name} <span className="muted">· {APP_STAGE_LABELS[a.stage]}</span>
                </li>
              ))}
              {n > LISTED_APPS && <li className="muted">and {n - LISTED_APPS} more</li>}
            </ul>
            <label className="close-carry">
              <input type="checkbox" checked={carryOver} onChange={(e) => onCarryOver(e.target.checked)} />
              <span>
                Carry {n === 1 ? 'it' : `the ${n} unfinished apps`} over into <strong>{nextLabel}</strong>
              </span>
            </label>
            <p className="muted close-carry-note">
              {carryOver
                ? `${n === 1 ? 'It keeps its' : 'They keep their'} stage and dates, and ${n === 1 ? 'counts' : 'count'} toward ${nextLabel}.`
                : `${n === 1 ? 'It stays' : 'They stay'} in ${label}, which will be closed.`}
            </p>
          </>
        )}
      </section>
    </div>
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
  const offerUndo = useOfferUndo();
  const selectCycle = usePlanUi((s) => s.selectCycle);
  const focusHeadingOf = usePlanUi((s) => s.focusHeadingOf);
  const focusHeading = usePlanUi((s) => s.focusHeading);
  const [open, setOpen] = useState<Open>(null);
  const [carryOver, setCarryOver] = useState(true);
  const { run } = useAction();
  const heading = useRef<HTMLHeadingElement>(null);
  const { remember, forget } = useFocusReturn(open !== null);
  const unfinished = useUnfinishedApps(open === 'close' ? cycle.id : null);

  const label = cycleLabel(cycle);
  const isLast = cycles.every((c) => c.index <= cycle.index);
  const anotherActive = cycles.find((c) => c.status === 'active' && c.id !== cycle.id);
  const next = cycles.find((c) => c.index === cycle.index + 1);
  const proposedNext = next ? null : proposeNextCycle(program, cycles);
  const nextLabel = next ? cycleLabel(next) : proposedNext ? cycleLabel(proposedNext) : 'the next cycle';
  const outcome = cycleOutcome(cycle.goalApps, actual);

  // An action elsewhere (closing the previous cycle, adding this one) hands the focus to this
  // cycle's heading once it shows.
  useEffect(() => {
    if (focusHeadingOf !== cycle.id || open !== null) return;
    heading.current?.focus();
    focusHeading(null);
  }, [focusHeadingOf, cycle.id, open, focusHeading]);

  function openDialog(which: Exclude<Open, null>) {
    remember();
    if (which === 'close') setCarryOver(true);
    setOpen(which);
  }

  async function start() {
    const started = await run(() => startCycle(cycle.id, database));
    if (!started) return;
    // The Start button is gone: the focus would fall to the page body.
    heading.current?.focus();
    toast({ kind: 'success', text: `${label} is now the active cycle.` });
  }

  return (
    <article className="card cycle-detail" aria-labelledby={`cycle-title-${cycle.id}`}>
      <header className="cycle-detail-header">
        <div>
          <div className="cycle-badges">
            <span className={`badge badge-${cycle.phase}`}>{PHASE_LABELS[cycle.phase]}</span>
            <span className={STATUS_BADGE[cycle.status]}>{STATUS_LABELS[cycle.status]}</span>
          </div>
          <h2 id={`cycle-title-${cycle.id}`} ref={heading} tabIndex={-1}>
            {label}
          </h2>
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
            <button type="button" className="primary" onClick={() => openDialog('close')}>
              Close cycle and start next
            </button>
          )}
          <button type="button" onClick={() => openDialog('edit')} aria-label={`Edit ${label}`}>
            Edit
          </button>
          {isLast && (
            <button
              type="button"
              className="danger"
              onClick={() => openDialog('delete')}
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

      {/* The cycle's apps lead (the apps area ranks first): on a large workspace they are read
          before the other areas' panels read theirs (ui/contributions.tsx, ContributionStage). */}
      <ContributionStage>
        <Slot name="cycleDetail" props={{ cycle }} staged={{ waiting: 'Loading more of the cycle…' }} />
      </ContributionStage>

      <RetroNotes key={cycle.id} cycle={cycle} />

      <Dialog open={open === 'edit'} title={`Edit ${label}`} onClose={() => setOpen(null)}>
        <CycleForm
          mode="edit"
          initial={cycle}
          cycleLengthMonths={program.cycleLengthMonths}
          onCancel={() => setOpen(null)}
          onSave={async (values, expected) => {
            await updateCycle(cycle.id, values, database, expected);
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
          const handOver = await closeActiveAndStartNext(today, { carryOver }, database);
          // This detail gives way to the started cycle's: its heading takes the focus.
          forget();
          focusHeading(handOver.started.id);
          selectCycle(handOver.started.id);
          const carried = handOver.carried.length;
          offerUndo(
            `${label} is closed. ${cycleLabel(handOver.started)} is now active${handOver.created ? ' (added to the plan)' : ''}.` +
              (carried > 0 ? ` ${pluralApps(carried)} carried over into it.` : ''),
            handOver.undo,
          );
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
        <LeftOpen
          cycle={cycle}
          nextLabel={nextLabel}
          unfinished={unfinished}
          carryOver={carryOver}
          onCarryOver={setCarryOver}
        />
        <p className="muted">
          The planned dates stay as they are. Checklist ticks and retro notes are kept. You can undo the close
          right after.
        </p>
      </ConfirmDialog>

      <ConfirmDialog
        open={open === 'delete'}
        title={`Delete ${label}?`}
        confirmLabel="Delete cycle"
        danger
        onClose={() => setOpen(null)}
        onConfirm={async () => {
          await deleteCycle(cycle.id, database);
          forget();
          focusHeading(defaultCycle(cycles.filter((c) => c.id !== cycle.id))?.id ?? null);
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
