/**
 * The adoption figures one overview scope needs, computed from the Apps area's data (read once
 * for the area, db/kept-query) and the program: the reached dates are gathered once per change
 * of the apps or the team, so changing the range or the granularity only counts again.
 */
import { useMemo } from 'react';
import {
  adoptionHeadline,
  adoptionSeriesFrom,
  cycleBands,
  reachedDates,
  type AdoptionHeadline,
  type AdoptionPoint,
  type CycleBand,
} from '../../../../shared/domain/adoption';
import type { App, Cycle, Program, Team } from '../../../../shared/domain';
import { useProgram } from '../../../db/workspace-queries';
import type { OverviewScope } from '../../../ui/contributions';
import { memoizeLast } from '../../../ui/memoize-last';
import { useAppsData } from '../data/queries';

/** The tiles and the chart both ask for the same apps and team: the dates are gathered once. */
const reachedDatesOf = memoizeLast(reachedDates);

export interface Adoption {
  program: Program;
  apps: App[];
  cycles: Cycle[];
  /** The chosen team, when the scope names one that exists. */
  team: Team | null;
  series: AdoptionPoint[];
  headline: AdoptionHeadline;
  bands: CycleBand[];
}

/** Undefined while loading; null without a program. */
export function useAdoption(scope: OverviewScope): Adoption | null | undefined {
  const data = useAppsData();
  const program = useProgram();
  const { asOf, from, to, granularity, teamId } = scope;
  const apps = data?.apps;
  const cycles = data?.cycles;
  const dates = useMemo(() => (apps ? reachedDatesOf(apps, teamId) : undefined), [apps, teamId]);
  return useMemo(() => {
    if (program === null) return null;
    if (!data || !program || !dates || !apps || !cycles) return undefined;
    const team = teamId ? (data.teams.find((t) => t.id === teamId) ?? null) : null;
    return {
      program,
      apps,
      cycles,
      team,
      series: adoptionSeriesFrom(dates, { cycles, from, to, asOf, granularity, teamId }),
      headline: adoptionHeadline(apps, cycles, program.eligibleApps, asOf, teamId),
      bands: cycleBands(cycles, from, to),
    };
  }, [data, program, dates, apps, cycles, from, to, asOf, granularity, teamId]);
}
