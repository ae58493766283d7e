/**
 * The People area's reads, as hooks over useLiveQuery: the teams and people every view of the
 * area shares (read once for the area, so switching views does not reload 5,000 people), and the
 * platform team for the staffing check on Plan. Any write, here or in another window, refreshes
 * them.
 */
import { useLiveQuery } from 'dexie-react-hooks';
import type { Person, Team } from '../../../../shared/domain';
import { useDatabase } from '../../../db/DatabaseContext';
import { keptQuery } from '../../../db/kept-query';

export interface PeopleData {
  /** By name. */
  teams: Team[];
  /** Everyone, including people who left; by name (in the index's order). */
  people: Person[];
}

/**
 * The area's teams and people, kept (renderer/db/kept-query.ts): coming back to the area draws
 * the list at once, and what the list works out from them (memoized by identity) is not worked
 * out again. People come in the name index's order, which the list's sort by name (a collator:
 * case, accents and numbers aside) mostly keeps, so sorting 5,000 of them is nearly linear.
 */
const useKeptPeopleData = keptQuery(async (db): Promise<PeopleData> => {
  const [teams, people] = await Promise.all([
    db.teams.orderBy('name').toArray(),
    db.people.orderBy('name').toArray(),
  ]);
  return { teams, people };
});

/** The area's teams and people, or undefined while the first read is under way. */
export function usePeopleData(): PeopleData | undefined {
  return useKeptPeopleData(useDatabase());
}

/** The platform teams (kind platform) and their people, read through the kind and team indexes. */
export function usePlatformTeams(): PeopleData | undefined {
  const db = useDatabase();
  return useLiveQuery(async () => {
    const teams = await db.teams.where('kind').equals('platform').sortBy('name');
    const people = teams.length
      ? await db.people
          .where('teamId')
          .anyOf(teams.map((t) => t.id))
          .toArray()
      : [];
    return { teams, people };
  }, [db]);
}
