/**
 * The Plan area: the program, all its cycles on a timeline, the cycle list, and the selected
 * cycle in full (checklist, apps, retro notes, actions), each set against what actually happened
 * (apps selected into each cycle and on the platform, read through the workspace queries, never
 * the Apps area), and the seeding capacity forecast against the plan and the actual apps. Persisted data is read live from Dexie; only the selection lives in the Plan
 * store.
 */
import { lazy, Suspense, useState } from 'react';
import { cycleLabel, proposeNextCycle, todayIso } from '../../../shared/domain';
import { useDatabase } from '../../db/DatabaseContext';
import { useAppActuals, useCycles, useProgram } from '../../db/workspace-queries';
import { addCycle } from './data/cycles';
import { saveProgram } from './data/program';
import { useUi } from '../../store/ui';
import { Dialog } from '../../ui/Dialog';
import { CycleDetail } from './CycleDetail';
import { CycleForm } from './CycleForm';
import { CycleList } from './CycleList';
import { CycleTimeline } from './CycleTimeline';
import { ProgramForm } from './ProgramForm';
import { ProgramSummary } from './ProgramSummary';
import { selectedCycle, usePlanUi } from './plan-store';
import { useFocusReturn } from './use-focus-return';
import { MountWhenNear } from '../../ui/MountWhenNear';
import './plan.css';

// The forecast's chart library loads after the plan is drawn: Plan is the first screen.
const CapacityForecast = lazy(() => import('./CapacityForecast'));

export default function PlanScreen(_props: { route: string }) {
  const database = useDatabase();
  const toast = useUi((s) => s.toast);
  const selectedId = usePlanUi((s) => s.selectedCycleId);
  const selectCycle = usePlanUi((s) => s.selectCycle);
  const focusHeading = usePlanUi((s) => s.focusHeading);
  const [dialog, setDialog] = useState<null | 'program' | 'add'>(null);
  const { remember, forget } = useFocusReturn(dialog !== null);
  // undefined while loading; null when there is none.
  const program = useProgram();
  const cycles = useCycles();
  const actuals = useAppActuals();
  const today = todayIso();

  function openDialog(which: 'program' | 'add') {
    remember();
    setDialog(which);
  }

  if (program === undefined || cycles === undefined) {
    return (
      <div className="plan-loading" role="status">
        Loading the plan…
      </div>
    );
  }
  if (program === null) {
    return <p className="empty">There is no program yet: create one from the welcome screen.</p>;
  }

  const selected = selectedCycle(cycles, selectedId);
  const proposal = proposeNextCycle(program, cycles);
  const last = cycles.at(-1);

  return (
    <div className="plan">
      <header className="page-header">
        <div>
          <h1>Plan</h1>
          <p>
            The initial phase, then {program.cycleLengthMonths}-month scaling cycles that grow adoption
            through pairing and seeding.
          </p>
        </div>
        <div className="toolbar">
          <button type="button" className="primary" onClick={() => openDialog('add')}>
            + Add cycle
          </button>
        </div>
      </header>

      <ProgramSummary
        program={program}
        cycles={cycles}
        onPlatform={actuals?.onPlatform}
        onEdit={() => openDialog('program')}
      />

      <section className="card timeline-card" aria-labelledby="timeline-title">
        <div className="card-head">
          <h2 id="timeline-title">Timeline</h2>
          <span className="muted">Select a cycle to see its checklist</span>
        </div>
        {cycles.length > 0 ? (
          <CycleTimeline
            cycles={cycles}
            selectedId={selected?.id}
            onSelect={selectCycle}
            today={today}
            actuals={actuals?.byCycle}
          />
        ) : (
          <p className="empty">No cycles yet. Add the first one to see it here.</p>
        )}
      </section>

      <div className="plan-columns">
        <CycleList
          cycles={cycles}
          selectedId={selected?.id}
          onSelect={selectCycle}
          onAdd={() => openDialog('add')}
        />
        {selected ? (
          <CycleDetail
            key={selected.id}
            program={program}
            cycle={selected}
            cycles={cycles}
            today={today}
            actual={actuals?.byCycle.get(selected.id)}
            actualLoaded={actuals !== undefined}
          />
        ) : (
          <div className="card empty">Add a cycle to plan its goal and checklist.</div>
        )}
      </div>

      {/* Far below the fold: drawn (its code, its reads of every person and assignment, its chart)
          only as the page nears it, so opening Plan, and leaving it, do not pay for it. */}
      <MountWhenNear className="capacity-box" placeholder={(show) => <CapacityPlaceholder show={show} />}>
        <Suspense
          fallback={
            <p className="muted" role="status">
              Loading the capacity forecast…
            </p>
          }
        >
          <CapacityForecast program={program} cycles={cycles} actuals={actuals} />
        </Suspense>
      </MountWhenNear>

      <Dialog open={dialog === 'program'} title="Edit program" onClose={() => setDialog(null)} wide>
        <ProgramForm
          program={program}
          submitLabel="Save program"
          onCancel={() => setDialog(null)}
          onSave={async (input, expected) => {
            await saveProgram(input, database, expected);
            setDialog(null);
            toast({ kind: 'success', text: 'Program saved.' });
          }}
        />
      </Dialog>

      <Dialog open={dialog === 'add'} title="Add cycle" onClose={() => setDialog(null)}>
        <CycleForm
          mode="add"
          initial={proposal}
          previous={last}
          cycleLengthMonths={program.cycleLengthMonths}
          onCancel={() => setDialog(null)}
          onSave={async ({ status: _status, ...values }) => {
            const cycle = await addCycle({ ...values, index: proposal.index }, database);
            // The new cycle's detail takes the place of the one shown: its heading takes the focus.
            forget();
            focusHeading(cycle.id);
            selectCycle(cycle.id);
            setDialog(null);
            toast({ kind: 'success', text: `${cycleLabel(cycle)} added to the plan.` });
          }}
        />
      </Dialog>
    </div>
  );
}

/** The capacity forecast's stand-in until the page nears it: about as tall, with a way in for the keyboard. */
function CapacityPlaceholder({ show }: { show: () => void }) {
  return (
    <section className="card capacity-waiting" aria-labelledby="capacity-waiting-title">
      <h2 id="capacity-waiting-title">Capacity forecast</h2>
      <p className="muted">How fast the program can grow with the people it has, and what limits it.</p>
      <button type="button" onFocus={show} onClick={show}>
        Show the capacity forecast
      </button>
    </section>
  );
}
