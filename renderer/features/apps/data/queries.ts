/**
 * The data every Apps view reads, loaded once for the whole area with useLiveQuery: switching
 * between the table, the board and the matrix does not reload 20,000 apps, and any write (here
 * or in another window's transaction) refreshes every view.
 */
import { useLiveQuery } from 'dexie-react-hooks';
import type { App, Criterion, Cycle, GoldenPath, Team } from '../../../../shared/domain';
import { useDatabase } from '../../../db/DatabaseContext';

export interface AppsData {
  apps: App[];
  teams: Team[];
  /** In time order (by index). */
  cycles: Cycle[];
  goldenPaths: GoldenPath[];
  /** In the owner's order. */
  criteria: Criterion[];
}

/** The Apps area's data, or undefined while the first read is under way. */
export function useAppsData(): AppsData | undefined {
  const db = useDatabase();
  const apps = useLiveQuery(() => db.apps.toArray(), [db]);
  const teams = useLiveQuery(() => db.teams.orderBy('name').toArray(), [db]);
  const cycles = useLiveQuery(() => db.cycles.orderBy('index').toArray(), [db]);
  const goldenPaths = useLiveQuery(() => db.goldenPaths.orderBy('name').toArray(), [db]);
  const criteria = useLiveQuery(() => db.criteria.orderBy('order').toArray(), [db]);
  if (!apps || !teams || !cycles || !goldenPaths || !criteria) return undefined;
  return { apps, teams, cycles, goldenPaths, criteria };
}

/** The apps selected into one cycle (any stage), or undefined while the first read is under way. */
export function useCycleApps(cycleId: string): App[] | undefined {
  const db = useDatabase();
  return useLiveQuery(() => db.apps.where('cycleId').equals(cycleId).toArray(), [db, cycleId]);
}
