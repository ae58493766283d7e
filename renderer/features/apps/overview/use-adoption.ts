/**
 * The adoption figures one overview scope needs. For the whole program they come from the apps'
 * tallies (shared/domain/app-tallies.ts, a derived table kept with every write to the apps): the
 * days each step was reached and the times to hello world, a few thousand small rows instead of
 * 20,000 apps. For one team, from that team's apps (an index read). The dates are gathered once
 * per change of the data or the team, so changing the range or the granularity only counts again.
 */
import { useLiveQuery } from 'dexie-react-hooks';
import {
  adoptionHeadlineFrom,
  adoptionSeriesFrom,
  cycleBands,
  helloWorldTimes,
  reachedDates,
  type AdoptionHeadline,
  type AdoptionPoint,
  type AdoptionStep,
  type CycleBand,
  type HelloWorldTimes,
} from '../../../../shared/domain/adoption';
import { helloWorldTimesFromTallies, reachedDatesFromTallies } from '../../../../shared/domain/app-tallies';
import type { Cycle, IsoDate, Program, Team } from '../../../../shared/domain';
import type { Granularity } from '../../../../shared/domain/dates';
import { memoizeLast } from '../../../ui/memoize-last';
import { useDatabase } from '../../../db/DatabaseContext';
import { keptQuery } from '../../../db/kept-query';
import { readTallies, useCycles, useProgram, warmProgramAndCycles } from '../../../db/workspace-queries';
import type { AdoptionDatabase } from '../../../db/database';
import type { OverviewScope } from '../../../ui/contributions';

export interface Adoption {
  program: Program;
  cycles: Cycle[];
  /** The chosen team, when the scope names one that exists. */
  team: Team | null;
  series: AdoptionPoint[];
  headline: AdoptionHeadline;
  bands: CycleBand[];
  /** The scope's apps' times from selection to hello world, by day of first deploy; undefined while read. */
  helloWorld: HelloWorldTimes | undefined;
}

/** What the series and the tiles are computed from: each step's dates and the times to hello world. */
interface AdoptionFacts {
  /** The team these are for; null: the whole program. */
  teamId: string | null;
  team: Team | null;
  dates: Record<AdoptionStep, IsoDate[]>;
  /** Undefined while read. */
  helloWorld: HelloWorldTimes | undefined;
}

/*
 * The whole program's facts, kept (db/kept-query.ts): the tiles and the chart, and coming back,
 * read them once. Two reads: the chart needs only the days each step was reached, and draws
 * without waiting for the times to hello world (the tile's median), read after them.
 */
const useProgramReached = keptQuery(async (database) =>
  reachedDatesFromTallies(await readTallies(database, 'reached')),
);
const useProgramHello = keptQuery(async (database) =>
  helloWorldTimesFromTallies(await readTallies(database, 'hello')),
);

const wholeProgramFacts = memoizeLast(
  (dates: Record<AdoptionStep, IsoDate[]>, helloWorld: HelloWorldTimes | undefined): AdoptionFacts => ({
    teamId: null,
    team: null,
    dates,
    helloWorld,
  }),
);

/**
 * Starts the reads the overview's adoption chart and tiles draw from before they mount, the small
 * ones first (IndexedDB answers them in turn): the program, its cycles, the days reached, the
 * times to hello world. The app calls it while the overview's code loads.
 */
export function warmAdoption(database: AdoptionDatabase): void {
  warmProgramAndCycles(database);
  useProgramReached.warm(database);
  useProgramHello.warm(database);
}

/** One team's facts, from its apps; undefined while read. */
function useTeamFacts(teamId: string | null): AdoptionFacts | undefined {
  const database = useDatabase();
  return useLiveQuery(async () => {
    if (teamId === null) return undefined;
    const [team, apps] = await Promise.all([
      database.teams.get(teamId),
      database.apps.where('teamId').equals(teamId).toArray(),
    ]);
    return {
      teamId,
      team: team ?? null,
      dates: reachedDates(apps, teamId),
      helloWorld: helloWorldTimes(apps, teamId),
    };
  }, [database, teamId]);
}

/** Undefined while loading; null without a program. */
export function useAdoption(scope: OverviewScope): Adoption | null | undefined {
  const database = useDatabase();
  const program = useProgram();
  const cycles = useCycles();
  const { asOf, from, to, granularity, teamId } = scope;
  const reached = useProgramReached(database);
  const hello = useProgramHello(database);
  const whole = reached && wholeProgramFacts(reached, hello);
  const ofTeam = useTeamFacts(teamId);
  // While a newly chosen team's apps are read, the last answer is not this scope's.
  const facts = teamId === null ? whole : ofTeam?.teamId === teamId ? ofTeam : undefined;
  if (program === null) return null;
  if (!program || !cycles || !facts) return undefined;
  return adoptionOf(program, cycles, facts, from, to, asOf, granularity, teamId);
}

/**
 * The figures of one scope, remembered in the module: the tiles and the chart ask for the same
 * scope in the same render, and it is worked out once for both.
 */
const adoptionOf = memoizeLast(
  (
    program: Program,
    cycles: Cycle[],
    facts: AdoptionFacts,
    from: IsoDate,
    to: IsoDate,
    asOf: IsoDate,
    granularity: Granularity,
    teamId: string | null,
  ): Adoption => ({
    program,
    cycles,
    team: facts.team,
    series: adoptionSeriesFrom(facts.dates, { cycles, from, to, asOf, granularity, teamId }),
    headline: adoptionHeadlineFrom(facts.dates, cycles, program.eligibleApps, asOf, teamId),
    bands: cycleBands(cycles, from, to),
    helloWorld: facts.helloWorld,
  }),
);
