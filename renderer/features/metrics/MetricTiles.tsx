/**
 * The metrics' tiles on the leadership overview (overviewTiles): for each chosen metric, its
 * latest value as of the overview's day with its change over the last cycle (one cycle length
 * back), and a sparkline of its readings over the overview's range. A tile opens the metric's
 * readings in the Metrics area, at the reading it shows. Metrics are the platform's, so a team
 * filter does not narrow them (the tile says so).
 */
import { DEFAULT_CYCLE_LENGTH_MONTHS, formatIsoDate } from '../../../shared/domain';
import {
  formatMetricChange,
  formatMetricValue,
  latestAsOf,
  scopeSeries,
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
        const trend = scopeSeries(points, scope, cycles, SPARK_POINTS).map((p) => p.value);
        // The number alone, big; its unit opens the line under it (a long unit would wrap the number).
        const value = formatMetricValue(latest.latest.value);
        const withUnit = `${value}${column.unit ? ` ${column.unit}` : ''}`;
        const change =
          latest.change === null
            ? `no reading a cycle before (${formatIsoDate(latest.since)})`
            : `${formatMetricChange(latest.change)} since ${formatIsoDate(latest.since)}`;
        // Dates of the overview's own year without it, so the line fits a tile at 1024 px.
        const short = (date: string) =>
          formatIsoDate(date, date.slice(0, 4) === scope.asOf.slice(0, 4) ? 'd MMM' : 'd MMM yyyy');
        const detail = [
          column.unit,
          latest.change === null
            ? 'no reading a cycle before'
            : `${formatMetricChange(latest.change)} since ${short(latest.since)}`,
          `read ${short(latest.latest.date)}`,
          column.source === 'apps' ? 'counted from Apps' : '',
          scope.teamId ? 'whole platform' : '',
        ]
          .filter(Boolean)
          .join(' · ');
        return (
          <StatTile
            key={column.key}
            label={column.name}
            value={value}
            detail={detail}
            trend={trend}
            onOpen={() => navigate(readingsHref(column.key, latest.latest.date).slice(2))}
            openLabel={`Open the readings of ${column.name}: ${withUnit} on ${formatIsoDate(latest.latest.date)}, ${change}`}
          />
        );
      })}
    </>
  );
}
