/**
 * What the overview shows of the metrics, as this machine's preferences (the settings table:
 * never in a backup, kept by a restore, like the CSV format in renderer/ui/csv-export): which
 * metrics have a tile, and which one the "Speeds and feeds over time" chart draws.
 */
import { useLiveQuery } from 'dexie-react-hooks';
import { useDatabase } from '../../../db/DatabaseContext';
import { db as defaultDb, type AdoptionDatabase } from '../../../db/database';
import { guardStorage } from '../../../db/errors';

export const TILE_METRICS_KEY = 'metrics.overviewTiles';
export const CHART_METRIC_KEY = 'metrics.overviewChart';

/** The tiles before the user chooses: the deck's headline numbers. */
export const DEFAULT_TILE_METRICS: readonly string[] = [
  'production-apps',
  'container-workloads',
  'deployments-per-day',
  'clusters',
];
export const DEFAULT_CHART_METRIC = 'container-workloads';

const KEY = /^[a-z0-9-]{1,100}$/;

function isKeyList(value: unknown): value is string[] {
  return (
    Array.isArray(value) && value.length <= 100 && value.every((k) => typeof k === 'string' && KEY.test(k))
  );
}

/** The metrics with a tile on the overview, in the user's order; undefined while read. */
export function useTileMetrics(): readonly string[] | undefined {
  const database = useDatabase();
  return useLiveQuery(async () => {
    const stored = (await database.settings.get(TILE_METRICS_KEY))?.value;
    return isKeyList(stored) ? stored : DEFAULT_TILE_METRICS;
  }, [database]);
}

export async function setTileMetrics(keys: readonly string[], database: AdoptionDatabase = defaultDb) {
  if (!isKeyList([...keys])) throw new Error('Tile metrics must be metric keys');
  await guardStorage(() => database.settings.put({ key: TILE_METRICS_KEY, value: [...new Set(keys)] }));
}

/** The metric the overview's chart draws; undefined while read. */
export function useChartMetric(): string | undefined {
  const database = useDatabase();
  return useLiveQuery(async () => {
    const stored = (await database.settings.get(CHART_METRIC_KEY))?.value;
    return typeof stored === 'string' && KEY.test(stored) ? stored : DEFAULT_CHART_METRIC;
  }, [database]);
}

export async function setChartMetric(key: string, database: AdoptionDatabase = defaultDb) {
  if (!KEY.test(key)) throw new Error(`“${key}” is not a metric key`);
  await guardStorage(() => database.settings.put({ key: CHART_METRIC_KEY, value: key }));
}
