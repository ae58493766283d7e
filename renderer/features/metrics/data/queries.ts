/**
 * The Metrics area's reads, live (useLiveQuery: a write here or in another window refreshes
 * them): the program's metrics as columns (built-in ones included before they are stored) and
 * every snapshot. Nothing else reads the metrics tables; the apps' production dates (for a
 * counted "Production apps") come from renderer/db/workspace-queries.
 */
import { useMemo } from 'react';
import { useLiveQuery } from 'dexie-react-hooks';
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
import { useProductionDates } from '../../../db/workspace-queries';

/** Every metric, built-in ones first in the deck's order; undefined while the first read is under way. */
export function useMetricColumns(): MetricColumn[] | undefined {
  const database = useDatabase();
  return useLiveQuery(async () => metricColumns(await database.metrics.toArray()), [database]);
}

/** Every snapshot (ten years of nine daily metrics is 33,000 small records). */
export function readSnapshots(database: AdoptionDatabase): Promise<MetricSnapshot[]> {
  return database.metricSnapshots.toArray();
}

export function useSnapshots(): MetricSnapshot[] | undefined {
  const database = useDatabase();
  return useLiveQuery(() => readSnapshots(database), [database]);
}

/** Every metric with its readings, oldest first: typed in, or counted from the apps' production dates. */
export interface MetricSeriesData {
  columns: MetricColumn[];
  pointsOf(column: MetricColumn): readonly MetricPoint[];
}

/** The metrics and their readings for the overview's tiles and chart; undefined while read. */
export function useMetricSeries(): MetricSeriesData | undefined {
  const columns = useMetricColumns();
  const snapshots = useSnapshots();
  const productionDates = useProductionDates();
  return useMemo(() => {
    if (!columns || !snapshots || !productionDates) return undefined;
    const byMetric = pointsByMetric(snapshots);
    const counted = productionAppsSeries(productionDates);
    return {
      columns,
      pointsOf: (column) =>
        column.source === 'apps' ? counted : (column.id && byMetric.get(column.id)) || [],
    };
  }, [columns, snapshots, productionDates]);
}
