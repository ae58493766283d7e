/**
 * The overview's own reads: the teams its team filter offers. Everything it shows beyond that
 * comes from the areas' contributions (overviewTiles, overviewCharts), each reading its own data.
 */
import { useLiveQuery } from 'dexie-react-hooks';
import { useDatabase } from '../../../db/DatabaseContext';

export interface TeamChoice {
  id: string;
  name: string;
}

/** Every team by name, as id and name only. */
export function useTeamChoices(): TeamChoice[] | undefined {
  const database = useDatabase();
  return useLiveQuery(
    async () => (await database.teams.orderBy('name').toArray()).map(({ id, name }) => ({ id, name })),
    [database],
  );
}
