/**
 * What the Value streams screens read: every map with the names of the apps mapped (kept for the
 * whole area, db/kept-query.ts), and one app's maps for its page in Apps. Any write, here or in
 * another window, refreshes them.
 */
import { useLiveQuery } from 'dexie-react-hooks';
import { useMemo } from 'react';
import { mapVersions, type App, type ValueStreamMap } from '../../../../shared/domain';
import { useDatabase } from '../../../db/DatabaseContext';
import { keptQuery } from '../../../db/kept-query';

export interface ValueStreamsData {
  maps: ValueStreamMap[];
  /** The apps that have maps, by id (name for labels and links). */
  apps: ReadonlyMap<string, Pick<App, 'id' | 'name'>>;
  /** Every app, by name, to map a new one (its team for the overview's team filter). */
  appChoices: Pick<App, 'id' | 'name' | 'teamId'>[];
}

const useMaps = keptQuery((db) => db.valueStreamMaps.orderBy('date').toArray());
const useAppNames = keptQuery(async (db) => {
  const apps = await db.apps.orderBy('name').toArray();
  return apps.map(({ id, name, teamId }) => ({ id, name, teamId }));
});

/** The area's data, or undefined while the first read is under way. */
export function useValueStreamsData(): ValueStreamsData | undefined {
  const db = useDatabase();
  const maps = useMaps(db);
  const appChoices = useAppNames(db);
  return useMemo(() => {
    if (!maps || !appChoices) return undefined;
    const mapped = new Set(maps.map((m) => m.appId));
    return {
      maps,
      appChoices,
      apps: new Map(appChoices.filter((a) => mapped.has(a.id)).map((a) => [a.id, a])),
    };
  }, [maps, appChoices]);
}

/** One app's maps, oldest version first, or undefined while the read is under way. */
export function useAppMaps(appId: string): ValueStreamMap[] | undefined {
  const db = useDatabase();
  const maps = useLiveQuery(() => db.valueStreamMaps.where('appId').equals(appId).toArray(), [db, appId]);
  return useMemo(() => maps && mapVersions(maps), [maps]);
}

const useCycles = keptQuery((db) => db.cycles.orderBy('index').toArray());

/** "Cycle 1", "Cycle 2"…: the labels a map per cycle takes. */
export function useCycleLabels(): string[] {
  const cycles = useCycles(useDatabase());
  return useMemo(() => (cycles ?? []).map((c) => `Cycle ${c.index}`), [cycles]);
}
