/**
 * The DX self-assessment area: once per cycle the platform team scores itself against the
 * fifteen points of "A Successful Developer Experience", 1 to 5 with a note, and sees the radar
 * across cycles, the points that fell since the previous scored cycle, and the mean per cycle.
 * Routes: `#/dx` (the active cycle, else the latest), `#/dx/<cycle id>`.
 */
import { useMemo } from 'react';
import {
  cycleLabel,
  previousScored,
  scoredCycles,
  scoresByCycle,
  todayIso,
  type Cycle,
} from '../../../shared/domain';
import { useCycles } from '../../db/workspace-queries';
import { useUi } from '../../store/ui';
import { PageHeader } from '../../ui/PageHeader';
import { AssessmentForm } from './AssessmentForm';
import { AssessmentCharts } from './AssessmentCharts';
import { useScores } from './data/queries';
import './dx.css';

/** The cycle shown when the route names none: the active one, else the latest that has started. */
export function defaultCycle(cycles: readonly Cycle[], today: string): Cycle | undefined {
  return (
    cycles.find((c) => c.status === 'active') ??
    [...cycles].reverse().find((c) => c.startDate <= today) ??
    cycles[0]
  );
}

export default function DxScreen({ route }: { route: string }) {
  const navigate = useUi((s) => s.navigate);
  const cycles = useCycles();
  const scores = useScores();
  const requested = route.split('/')[1] ?? '';
  const today = todayIso();
  const cycle = cycles && (requested ? cycles.find((c) => c.id === requested) : defaultCycle(cycles, today));
  const byCycle = useMemo(() => scoresByCycle(scores ?? []), [scores]);
  const scored = useMemo(() => scoredCycles(cycles ?? [], byCycle), [cycles, byCycle]);

  let body;
  if (!cycles || !scores) {
    body = (
      <p role="status" className="empty">
        Loading the self-assessment…
      </p>
    );
  } else if (cycles.length === 0) {
    body = (
      <p className="empty">
        The self-assessment is scored per cycle, and the program has no cycle yet.{' '}
        <a href="#/plan">Plan the first</a>.
      </p>
    );
  } else if (!cycle) {
    body = (
      <p className="empty" role="status">
        This cycle does not exist (it may have been deleted). <a href="#/dx">The current cycle</a>
      </p>
    );
  } else {
    // The scored cycles up to the one shown, so an earlier cycle is compared with the one before it.
    const upTo = scored.filter((s) => s.cycle.index <= cycle.index);
    const current = upTo.find((s) => s.cycle.id === cycle.id);
    const previous = current ? previousScored(scored, cycle.id) : upTo.at(-1);
    // The charts tell the cycle shown when it is scored, else the latest scored before it.
    const focus = current ?? upTo.at(-1);
    body = (
      <>
        <div className="dx-picker">
          <label htmlFor="dx-cycle">Cycle</label>
          <select id="dx-cycle" value={cycle.id} onChange={(e) => navigate(`dx/${e.target.value}`)}>
            {[...cycles].reverse().map((c) => (
              <option key={c.id} value={c.id}>
                {cycleLabel(c)}
                {byCycle.has(c.id) ? '' : ' (not scored)'}
              </option>
            ))}
          </select>
        </div>
        <div className="dx-layout">
          <AssessmentForm key={cycle.id} cycle={cycle} scores={scores} previous={previous} />
          <AssessmentCharts
            scored={upTo}
            focus={focus}
            focusPrevious={focus ? previousScored(scored, focus.cycle.id) : undefined}
            focusIsShown={focus !== undefined && focus === current}
          />
        </div>
      </>
    );
  }

  return (
    <div className="dx-screen">
      <PageHeader
        title="DX self-assessment"
        summary={
          scored.length
            ? `${scored.length} ${scored.length === 1 ? 'cycle' : 'cycles'} scored against the fifteen points of “A Successful Developer Experience”.`
            : 'Score each cycle against the fifteen points of “A Successful Developer Experience”, 1 to 5 with a note.'
        }
      />
      {body}
    </div>
  );
}
