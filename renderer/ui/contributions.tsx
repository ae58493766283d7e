/**
 * Where one area shows something inside another without either importing the other: an area
 * declares what it contributes to a named place (renderer/areas.ts, the composition root), the
 * app frame provides them, and the host screen renders whatever is there. Plan's cycle detail
 * shows the cycle's apps this way; the pairing and blockers areas will add their own panels.
 */
import { createContext, Suspense, useContext, type ComponentType, type ReactNode } from 'react';
import type { Cycle } from '../../shared/domain';

/** The places areas may contribute to, with the props each contribution receives. */
export interface SlotProps {
  /** Panels in a cycle's detail on the Plan screen. */
  cycleDetail: { cycle: Cycle };
}

export type ContributionSlots = { [S in keyof SlotProps]: ComponentType<SlotProps[S]> };

export type Contributions = { [S in keyof ContributionSlots]: readonly ContributionSlots[S][] };

export const NO_CONTRIBUTIONS: Contributions = { cycleDetail: [] };

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
