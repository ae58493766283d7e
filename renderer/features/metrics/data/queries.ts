/**
 * The Metrics area's reads, live (a write here or in another window refreshes them): the
 * program's metrics as columns (built-in ones included before they are stored) and every
 * snapshot. Both are kept queries (db/kept-query.ts): ten years of daily readings are 33,000
 * records, read once and kept while the user moves between the grid, the overview and the other
 * areas, instead of read and copied out of IndexedDB on every opening. What is derived from them
 * (points by metric, rows by date) is kept with them (memoizeLast). Nothing else reads the
 * metrics tables; the apps' production dates (for a counted "Production apps") come from
 * renderer/db/workspace-queries.
 */
import { useMemo } from 'react';
import type { MetricSnapshot } from '../../../../shared/domain';
import {
  metricColumns,
  pointsByMetric,
  productionAppsSeries,
  type MetricColumn,
  type MetricPoint,
} from '../../../../shared/domain/metric-series';
import { useDatabase } from '../../../db/DatabaseContext';
import type { AdoptionDatabase } from '../../../db/database';
import { keptQuery } from '../../../db/kept-query';
import { useProductionDates } from '../../../db/workspace-queries';
import { memoizeLast } from '../../../ui/memoize-last';

const useKeptColumns = keptQuery(async (db) => metricColumns(await db.metrics.toArray()));
const useKeptSnapshots = keptQuery(readSnapshots);

/** Every metric, built-in ones first in the deck's order; undefined while the first read is under way. */
export function useMetricColumns(): MetricColumn[] | undefined {
  return useKeptColumns(useDatabase());
}

/** Every snapshot (ten years of nine daily metrics is 33,000 small records). */
export function readSnapshots(database: AdoptionDatabase): Promise<MetricSnapshot[]> {
  return database.metricSnapshots.toArray();
}

export function useSnapshots(): MetricSnapshot[] | undefined {
  return useKeptSnapshots(useDatabase());
}

/** The readings of each metric, oldest first; the same map for the same snapshots. */
export const keptPointsByMetric = memoizeLast(pointsByMetric);

/** Every metric with its readings, oldest first: typed in, or counted from the apps' production dates. */
export interface MetricSeriesData {
  columns: MetricColumn[];
  pointsOf(column: MetricColumn): readonly MetricPoint[];
}

/** The metrics and their readings for the overview's tiles and chart; undefined while read. */
export function useMetricSeries(): MetricSeriesData | undefined {
  const columns = useMetricColumns();
  const snapshots = useSnapshots();
  const productionDates = useProductionDates(columns?.some((c) => c.source === 'apps') ?? false);
  return useMemo(() => {
    if (!columns || !snapshots || !productionDates) return undefined;
    const byMetric = keptPointsByMetric(snapshots);
    const counted = productionAppsSeries(productionDates);
    return {
      columns,
      pointsOf: (column) =>
        column.source === 'apps' ? counted : (column.id && byMetric.get(column.id)) || [],
    };
  }, [columns, snapshots, productionDates]);
}
