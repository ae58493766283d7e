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

/**
 * The apps that have maps (id, name, team), read by id through the maps' appId index: the
 * overview's chart names them and filters them by team without reading every app, as the area's
 * own screens do (to map a new one).
 */
const useMappedAppsRead = keptQuery(async (db) => {
  const ids = (await db.valueStreamMaps.orderBy('appId').uniqueKeys()) as string[];
  const apps = await db.apps.bulkGet(ids);
  return new Map(
    apps.flatMap((a) => (a ? [[a.id, { id: a.id, name: a.name, teamId: a.teamId }] as const] : [])),
  );
});

/** Every map and the apps they are of, for the overview; undefined while the first read is under way. */
export function useMappedApps():
  { maps: ValueStreamMap[]; apps: ReadonlyMap<string, Pick<App, 'id' | 'name' | 'teamId'>> } | undefined {
  const db = useDatabase();
  const maps = useMaps(db);
  const apps = useMappedAppsRead(db);
  return useMemo(() => (maps && apps ? { maps, apps } : undefined), [maps, apps]);
}

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
