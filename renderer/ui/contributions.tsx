/**
 * Where one area shows something inside another without either importing the other: an area
 * declares what it contributes to a named place (renderer/areas.ts, the composition root), the
 * app frame provides them, and the host screen renders whatever is there. Plan's cycle detail
 * shows the cycle's apps this way; the slots below list every place open to contributions.
 */
import {
  createContext,
  memo,
  Suspense,
  useCallback,
  useContext,
  useEffect,
  useMemo,
  useRef,
  useState,
  type ComponentType,
  type ReactNode,
} from 'react';
import { flushSync } from 'react-dom';
import type { Cycle } from '../../shared/domain';
import type { Granularity, IsoDate } from '../../shared/domain/dates';

/** What the leadership overview shows: the range and step of its series, and the day it is "as of". */
export interface OverviewScope {
  /** The overview shows the program as it stood at the end of this day (today, or a past cycle's end). */
  asOf: IsoDate;
  from: IsoDate;
  to: IsoDate;
  granularity: Granularity;
  /** Only this team's records, when set. */
  teamId: string | null;
}

/** Every field of a scope; the compiler says so when one is added to OverviewScope and not here. */
const SCOPE_FIELDS = Object.keys({
  asOf: true,
  from: true,
  to: true,
  granularity: true,
  teamId: true,
} satisfies Record<keyof OverviewScope, true>) as (keyof OverviewScope)[];

/** Two scopes every contribution draws alike: the same fields, in the same or a new object. */
export function sameScope(a: OverviewScope | undefined, b: OverviewScope | undefined): boolean {
  return a === b || (!!a && !!b && SCOPE_FIELDS.every((field) => a[field] === b[field]));
}

/**
 * An overview contribution that draws from only some of the scope's fields: it renders again only
 * when one of those changes (pairing hours per cycle do not move with the granularity), so a
 * change of the controls redraws only the charts it concerns. Its props are typed as those
 * fields alone: it cannot read one it did not name.
 */
export function usingScope<K extends keyof OverviewScope>(
  fields: readonly K[],
  component: ComponentType<Pick<OverviewScope, K>>,
): ComponentType<OverviewScope> {
  return memo(component as ComponentType<OverviewScope>, (before, after) =>
    fields.every((field) => before[field] === after[field]),
  );
}

/** The places areas may contribute to, with the props each contribution receives. */
export interface SlotProps {
  /** Panels in a cycle's detail on the Plan screen. */
  cycleDetail: { cycle: Cycle };
  /** Panels under an app's page (Apps area): the app's sessions, blockers, value streams… */
  appDetail: { appId: string };
  /** Tiles at the top of the leadership overview: one area's headline numbers. */
  overviewTiles: OverviewScope;
  /** Charts on the leadership overview, each in a ChartCard (renderer/ui/chart). */
  overviewCharts: OverviewScope;
  /** Mounted once in the app frame while a program exists: global shortcuts and their dialogs. */
  global: Record<string, never>;
}

export type ContributionSlots = { [S in keyof SlotProps]: ComponentType<SlotProps[S]> };

export type Contributions = { [S in keyof ContributionSlots]: readonly ContributionSlots[S][] };

export const NO_CONTRIBUTIONS: Contributions = {
  cycleDetail: [],
  appDetail: [],
  overviewTiles: [],
  overviewCharts: [],
  global: [],
};

const ContributionsContext = createContext<Contributions>(NO_CONTRIBUTIONS);

export function ContributionsProvider({ value, children }: { value: Contributions; children: ReactNode }) {
  return <ContributionsContext.Provider value={value}>{children}</ContributionsContext.Provider>;
}

/**
 * A screen's lead contribution first: on a large workspace every contribution reads its records
 * at once, and IndexedDB answers them in turn, so the first screen's chart would wait behind
 * reads for charts further down. In a staged Slot only the lead (the first contribution) renders
 * at first; the others follow once it says it has drawn (useLeadDrawn), or after FALLBACK_MS if it
 * never does. One stage can hold several slots (the overview's tiles and charts).
 */
interface Stage {
  open: boolean;
  markLeadDrawn(): void;
}

const StageContext = createContext<Stage | null>(null);

/** How long the others wait for a lead that never says it has drawn (it failed, say). */
export const FALLBACK_MS = 4000;

export function ContributionStage({ children }: { children: ReactNode }) {
  const [open, setOpen] = useState(false);
  useEffect(() => {
    if (open) return;
    const timer = setTimeout(() => setOpen(true), FALLBACK_MS);
    return () => clearTimeout(timer);
  }, [open]);
  const stage = useMemo(() => ({ open, markLeadDrawn: () => setOpen(true) }), [open]);
  return <StageContext.Provider value={stage}>{children}</StageContext.Provider>;
}

/**
 * A lead contribution calls this with whether it has what it draws (its data, or the knowledge
 * that there is none): the other contributions of its stage then render. Outside a stage it does
 * nothing.
 */
export function useLeadDrawn(drawn: boolean) {
  const stage = useContext(StageContext);
  const mark = stage && !stage.open ? stage.markLeadDrawn : null;
  useEffect(() => {
    if (drawn && mark) mark();
  }, [drawn, mark]);
}

/**
 * Each contribution as a memo component, made once: a host that renders again with props equal
 * field by field (the overview's controls read back from the database, a toast, a button's busy
 * state) does not render every chart below it again. The props are spread, so the comparison is
 * of their fields, not of the object holding them.
 */
const memoized = new WeakMap<ComponentType<object>, ComponentType<object>>();
function memoOf(component: ComponentType<object>): ComponentType<object> {
  let made = memoized.get(component);
  if (!made) {
    made = memo(component) as ComponentType<object>;
    memoized.set(component, made);
  }
  return made;
}

/** How many contributions a slot has (the host of a staggered slot sizes its catch-up with it). */
export function useContributionCount(name: keyof ContributionSlots): number {
  return useContext(ContributionsContext)[name].length;
}

/**
 * How long the others wait after a change before they start catching up: changes in quick
 * succession (arrowing through a select's options) redraw the leads each time and the others
 * once, when the controls rest.
 */
export const QUIET_MS = 200;

/**
 * What the contributions after the leads draw when the host's props change: `value`, reached one
 * contribution at a time (`lagging(i)`, i from 0 to count - 1), each in a render and commit of its
 * own. An input meanwhile waits for at most one contribution's drawing. (A deferred value draws
 * them all in one commit, and Recharts lays out every chart in that commit's effects, which no
 * input interrupts: 46–104 ms on the overview of the enterprise workspace, against a
 * contribution's 5–50.) They start once the value has rested for QUIET_MS. `settled` once every
 * one draws `value`; a contribution beyond `count` draws `value` at once. `now()` moves every one
 * at once, in the same call (before printing the page).
 */
export function useCatchUp<T>(
  value: T,
  count: number,
  /** Whether a contribution drawing `a` draws the same as one drawing `b` (no step needed). */
  same: (a: T, b: T) => boolean = Object.is,
): { lagging: (i: number) => T; settled: boolean; now: () => void } {
  const [shown, setShown] = useState<readonly T[]>(() => Array<T>(count).fill(value));
  // The first contribution not yet drawing the value: the next step. It is set after each commit,
  // in a task of its own (a timer): an input that came meanwhile goes first, and a chart's own
  // updates while it commits (Recharts measures in its effects) never carry the next step along.
  let next = -1;
  for (let i = 0; i < count; i++) {
    const drawn = shown[i] as T;
    if (drawn === undefined ? value !== undefined : value === undefined || !same(drawn, value)) {
      next = i;
      break;
    }
  }
  // Whether the next step only fills in what drew nothing yet: no need to wait for that.
  const filling = next >= 0 && shown[next] === undefined;
  // The value the steps are moving the others to: a new one waits for the controls to rest.
  const movingTo = useRef(value);
  useEffect(() => {
    if (next < 0) return;
    const delay = filling || movingTo.current === value ? 0 : QUIET_MS;
    movingTo.current = value;
    const step = () =>
      setShown((current) => {
        // Those that drew nothing yet (the host's first value was undefined) take it at once.
        const caught = current.map((shownValue) => (shownValue === undefined ? value : shownValue));
        caught[next] = value;
        return caught;
      });
    const timer = setTimeout(step, delay);
    return () => clearTimeout(timer);
  }, [next, value, filling]);
  // Every one at once, drawn before this returns (a report printing the page needs them all).
  const now = useCallback(() => {
    if (next >= 0) flushSync(() => setShown(Array<T>(count).fill(value)));
  }, [next, count, value]);
  return { lagging: (i) => (i < shown.length ? (shown[i] as T) : value), settled: next < 0, now };
}

/**
 * Renders every contribution to `slot` with the same props, each loading on its own. Inside a
 * ContributionStage, a `staged` slot renders its first contribution at once and the others when
 * the stage opens, saying meanwhile that they are on their way (`staged.waiting`).
 *
 * `lagging` gives what the contributions after the first receive instead of `props`, by their
 * place in the slot (1 and on): the host's {@link useCatchUp}. A change then draws the lead in the
 * next frame, and the others one after another, each in a render that any input goes before.
 */
export function Slot<S extends keyof ContributionSlots>({
  name,
  props,
  lagging,
  staged,
}: {
  name: S;
  props: SlotProps[S];
  lagging?: (index: number) => SlotProps[S];
  staged?: { waiting: string };
}) {
  const list = useContext(ContributionsContext)[name] as readonly ComponentType<object>[];
  const stage = useContext(StageContext);
  const shown = staged && stage && !stage.open ? list.slice(0, 1) : list;
  return (
    <>
      {shown.map((component, i) => {
        const Panel = memoOf(component);
        return (
          <Suspense key={i} fallback={null}>
            <Panel {...(i === 0 || !lagging ? props : lagging(i))} />
          </Suspense>
        );
      })}
      {shown.length < list.length && (
        <p className="muted slot-waiting" role="status">
          {staged?.waiting}
        </p>
      )}
    </>
  );
}
