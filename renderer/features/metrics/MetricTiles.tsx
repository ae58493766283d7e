/**
 * The metrics' tiles on the leadership overview (overviewTiles): for each chosen metric, its
 * latest value as of the overview's day with its change over the last cycle (one cycle length
 * back), and a sparkline of its readings over the overview's range. A tile opens the metric's
 * readings in the Metrics area, at the reading it shows. Metrics are the platform's, so a team
 * filter does not narrow them (the tile says so).
 */
import { DEFAULT_CYCLE_LENGTH_MONTHS, formatIsoDate } from '../../../shared/domain';
import {
  bucketSeries,
  downsample,
  formatMetricChange,
  formatMetricValue,
  latestAsOf,
} from '../../../shared/domain/metric-series';
import { useCycles, useProgram } from '../../db/workspace-queries';
import { useUi } from '../../store/ui';
import { StatTile } from '../../ui/chart/StatTile';
import type { OverviewScope } from '../../ui/contributions';
import { useMetricSeries } from './data/queries';
import { useTileMetrics } from './data/preferences';
import { readingsHref } from './route';

/** Points a sparkline draws at most: it is 120 pixels wide. */
const SPARK_POINTS = 60;

export default function MetricTiles(scope: OverviewScope) {
  const data = useMetricSeries();
  const chosen = useTileMetrics();
  const program = useProgram();
  const cycles = useCycles();
  const navigate = useUi((s) => s.navigate);
  if (!data || !chosen || program === undefined || !cycles) return null;

  const cycleMonths = program?.cycleLengthMonths ?? DEFAULT_CYCLE_LENGTH_MONTHS;
  const cycleStarts = cycles.map((c) => c.startDate).sort();
  const tiles = chosen.flatMap((key) => {
    const column = data.columns.find((c) => c.key === key && !c.retired);
    return column ? [column] : [];
  });

  return (
    <>
      {tiles.map((column) => {
        const points = data.pointsOf(column);
        const latest = latestAsOf(points, scope.asOf, cycleMonths);
        if (!latest) {
          return (
            <StatTile
              key={column.key}
              label={column.name}
              value="—"
              detail={`No reading on or before ${formatIsoDate(scope.asOf)}`}
              onOpen={() => navigate(readingsHref(column.key).slice(2))}
              openLabel={`Open the readings of ${column.name}: none on or before ${formatIsoDate(scope.asOf)}`}
            />
          );
        }
        const trend = downsample(
          bucketSeries(
            points,
            scope.granularity,
            scope.from,
            scope.asOf < scope.to ? scope.asOf : scope.to,
            cycleStarts,
          ),
          SPARK_POINTS,
        ).map((p) => p.value);
        const value = `${formatMetricValue(latest.latest.value)}${column.unit ? ` ${column.unit}` : ''}`;
        const change =
          latest.change === null
            ? `no reading a cycle before (${formatIsoDate(latest.since)})`
            : `${formatMetricChange(latest.change)} since ${formatIsoDate(latest.since)}`;
        const detail = `${change} · as of ${formatIsoDate(latest.latest.date)}${
          column.source === 'apps' ? ' · counted from Apps' : ''
        }${scope.teamId ? ' · whole platform' : ''}`;
        return (
          <StatTile
            key={column.key}
            label={column.name}
            value={value}
            detail={detail}
            trend={trend}
            onOpen={() => navigate(readingsHref(column.key, latest.latest.date).slice(2))}
            openLabel={`Open the readings of ${column.name}: ${value} on ${formatIsoDate(latest.latest.date)}, ${change}`}
          />
        );
      })}
    </>
  );
}
