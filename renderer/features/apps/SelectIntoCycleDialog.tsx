/**
 * "Select into cycle…": choose the cycle for the picked apps and see, before confirming, how
 * many apps that cycle will have against the playbook's range (initial phase: exactly one;
 * scaling: two to five). Outside the range is allowed, but said plainly. The choice starts on the
 * active cycle (else the next planned one); closed cycles are listed but cannot be chosen until
 * the owner reopens one on the Plan screen.
 */
import { useMemo, useState } from 'react';
import {
  acceptsSelection,
  countsTowardCycle,
  cycleLabel,
  cycleSelectionCheck,
  defaultSelectionCycle,
  type App,
  type Cycle,
} from '../../../shared/domain';
import { selectIntoCycle } from './data/apps';
import { useSaveForm } from '../../ui/use-save';
import { useOfferUndo } from '../../ui/undo';
import { useDatabase } from '../../db/DatabaseContext';
import { Dialog } from '../../ui/Dialog';
import { Field } from '../../ui/Field';
import { count, today } from './parts';
import './cycle-check.css';

/** How many apps a cycle will count once the picked apps are in it. */
export function countAfterSelection(apps: readonly App[], picked: readonly App[], cycleId: string): number {
  const pickedIds = new Set(picked.map((a) => a.id));
  const already = apps.filter((a) => !pickedIds.has(a.id) && countsTowardCycle(a, cycleId)).length;
  // A picked app counts after the move unless it was dropped (it becomes "selected" again).
  return already + picked.length;
}

interface Props {
  open: boolean;
  onClose: () => void;
  apps: readonly App[];
  picked: readonly App[];
  cycles: readonly Cycle[];
  onDone: () => void;
}

export function SelectIntoCycleDialog({ open, onClose, apps, picked, cycles, onDone }: Props) {
  return (
    <Dialog open={open} title="Select into cycle" onClose={onClose}>
      {open && (
        <SelectIntoCycleForm apps={apps} picked={picked} cycles={cycles} onDone={onDone} onCancel={onClose} />
      )}
    </Dialog>
  );
}

function SelectIntoCycleForm({
  apps,
  picked,
  cycles,
  onDone,
  onCancel,
}: Omit<Props, 'open' | 'onClose'> & { onCancel: () => void }) {
  const database = useDatabase();
  // Never a closed cycle by default, whatever its dates (shared/domain/cycle-choice).
  const [cycleId, setCycleId] = useState(() => defaultSelectionCycle(cycles, today())?.id ?? '');
  const { formError: error, saving: busy, save } = useSaveForm();
  const offerUndo = useOfferUndo();
  const cycle = cycles.find((c) => c.id === cycleId && acceptsSelection(c));
  const openCycles = cycles.filter(acceptsSelection);
  const closed = cycles.filter((c) => !acceptsSelection(c));

  const check = useMemo(
    () => (cycle ? cycleSelectionCheck(cycle.phase, countAfterSelection(apps, picked, cycle.id)) : null),
    [apps, picked, cycle],
  );

  if (cycles.length === 0) {
    return (
      <div>
        <p>There is no cycle to select apps into yet.</p>
        <p>
          <a href="#/plan">Plan the initial phase or a scaling cycle</a> first, then come back.
        </p>
        <div className="form-actions">
          <button type="button" onClick={onCancel}>
            Close
          </button>
        </div>
      </div>
    );
  }

  const confirm = async () => {
    if (!cycle) return;
    const selected = await save(() =>
      selectIntoCycle(
        picked.map((a) => a.id),
        cycle.id,
        today(),
        database,
      ),
    );
    if (!selected) return;
    offerUndo(`${count(picked.length, 'app')} selected into ${cycleLabel(cycle)}.`, selected.undo);
    onDone();
  };

  return (
    <div className="select-into-cycle">
      <p>
        {count(picked.length, 'app')} picked:{' '}
        {picked
          .slice(0, 6)
          .map((a) => a.name)
          .join(', ')}
        {picked.length > 6 && `, and ${picked.length - 6} more`}.
      </p>
      {openCycles.length > 0 ? (
        <Field
          label="Cycle"
          hint={
            closed.length > 0
              ? 'Closed cycles cannot take new apps. To correct one, reopen it on the Plan screen first (Edit → Status).'
              : undefined
          }
        >
          <select value={cycleId} onChange={(e) => setCycleId(e.target.value)}>
            {openCycles.map((c) => (
              <option key={c.id} value={c.id}>
                {cycleLabel(c)} ({c.status})
              </option>
            ))}
            {closed.length > 0 && (
              <optgroup label="Closed: reopen on the Plan screen to select into">
                {closed.map((c) => (
                  <option key={c.id} value={c.id} disabled>
                    {cycleLabel(c)} (closed)
                  </option>
                ))}
              </optgroup>
            )}
          </select>
        </Field>
      ) : (
        <div className="form-error" role="alert">
          Every cycle is closed, so there is no cycle to select apps into.{' '}
          <a href="#/plan">Add the next cycle on the Plan screen</a>, or reopen a closed one there (Edit →
          Status) to correct its history.
        </div>
      )}
      {cycle && check && (
        <div
          className={`cycle-check cycle-check-${check.state}`}
          role="status"
          aria-live="polite"
          data-testid="cycle-check"
        >
          <strong>
            {cycleLabel(cycle)} will have {count(check.count, 'app')}
          </strong>{' '}
          — {check.message}
          {check.state !== 'within' && (
            <div className="muted">
              {check.state === 'over'
                ? 'You can still select them: the playbook is a guide, and the cycle will be flagged.'
                : 'You can add more later.'}
            </div>
          )}
        </div>
      )}
      <p className="muted">
        Candidates become “Selected” today; apps already in the pipeline move to this cycle and keep their
        stage.
      </p>
      {error && (
        <div className="form-error" role="alert">
          {error}
        </div>
      )}
      <div className="form-actions">
        <button type="button" onClick={onCancel}>
          Cancel
        </button>
        <button type="button" className="primary" disabled={!cycle || busy} onClick={() => void confirm()}>
          {busy ? 'Selecting…' : `Select into ${cycle ? cycleLabel(cycle) : 'cycle'}`}
        </button>
      </div>
    </div>
  );
}
