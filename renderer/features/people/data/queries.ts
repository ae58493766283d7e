/**
 * The People area's reads, as hooks over useLiveQuery: the teams and people every view of the
 * area shares (read once for the area, so switching views does not reload 5,000 people), and the
 * platform team for the staffing check on Plan. Any write, here or in another window, refreshes
 * them.
 */
import { useLiveQuery } from 'dexie-react-hooks';
import type { Person, Team } from '../../../../shared/domain';
import { useDatabase } from '../../../db/DatabaseContext';

export interface PeopleData {
  /** By name. */
  teams: Team[];
  /** Everyone, including people who left. */
  people: Person[];
}

/** The area's teams and people, or undefined while the first read is under way. */
export function usePeopleData(): PeopleData | undefined {
  const db = useDatabase();
  const teams = useLiveQuery(() => db.teams.orderBy('name').toArray(), [db]);
  const people = useLiveQuery(() => db.people.toArray(), [db]);
  if (!teams || !people) return undefined;
  return { teams, people };
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
