/**
 * Where one area shows something inside another without either importing the other: an area
 * declares what it contributes to a named place (renderer/areas.ts, the composition root), the
 * app frame provides them, and the host screen renders whatever is there. Plan's cycle detail
 * shows the cycle's apps this way; the slots below list every place open to contributions.
 */
import { createContext, Suspense, useContext, type ComponentType, type ReactNode } from 'react';
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

/** Renders every contribution to `slot` with the same props, each loading on its own. */
export function Slot<S extends keyof ContributionSlots>({ name, props }: { name: S; props: SlotProps[S] }) {
  const list = useContext(ContributionsContext)[name] as readonly ComponentType<object>[];
  return (
    <>
      {list.map((Panel, i) => (
        <Suspense key={i} fallback={null}>
          <Panel {...props} />
        </Suspense>
      ))}
    </>
  );
}
