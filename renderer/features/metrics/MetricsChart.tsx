/**
 * "Speeds and feeds over time" on the leadership overview (overviewCharts): one metric, chosen
 * with a picker kept as this machine's preference, over the overview's range in its granularity
 * (the last reading in each week, month, quarter or cycle; at most 600 points), with a one-line
 * reading, its data as a table, and each point or row opening the reading behind it in the
 * Metrics area.
 */
import { useMemo } from 'react';
import { CartesianGrid, Line, LineChart, ResponsiveContainer, Tooltip, XAxis, YAxis } from 'recharts';
import { DEFAULT_CYCLE_LENGTH_MONTHS, formatIsoDate, type Granularity } from '../../../shared/domain';
import {
  scopeEnd,
  scopeSeries,
  formatMetricChange,
  formatMetricValue,
  latestAsOf,
  type BucketPoint,
} from '../../../shared/domain/metric-series';
import { useDatabase } from '../../db/DatabaseContext';
import { describeError } from '../../db/errors';
import { useCycles, useProgram } from '../../db/workspace-queries';
import { useUi } from '../../store/ui';
import { ChartCard } from '../../ui/chart/ChartCard';
import type { OverviewScope } from '../../ui/contributions';
import { useKeptChoice } from '../../ui/use-kept-choice';
import { setChartMetric, useChartMetric } from './data/preferences';
import { useMetricSeries } from './data/queries';
import { readingsHref } from './route';
import { TOOLTIP_STYLE } from '../../ui/chart/chart-style';

const GRANULARITY_WORD: Record<Granularity, string> = {
  week: 'weekly',
  month: 'monthly',
  quarter: 'quarterly',
  cycle: 'per-cycle',
};

export default function MetricsChart(scope: OverviewScope) {
  const data = useMetricSeries();
  const database = useDatabase();
  const toast = useUi((s) => s.toast);
  // The choice draws at once while it is written (this machine's preference); another window's
  // choice shows once ours has landed.
  const [chosen, choose] = useKeptChoice(
    useChartMetric(),
    (key) => setChartMetric(key, database),
    (error) => toast({ kind: 'error', text: `The choice was not kept: ${describeError(error)}` }),
  );
  const program = useProgram();
  const cycles = useCycles();
  const navigate = useUi((s) => s.navigate);

  const choices = useMemo(() => (data ? data.columns.filter((c) => !c.retired) : []), [data]);
  const column = choices.find((c) => c.key === chosen) ?? choices[0];
  const end = scopeEnd(scope);
  const { from, to, asOf, granularity } = scope;
  const series = useMemo(
    () =>
      data && column ? scopeSeries(data.pointsOf(column), { from, to, asOf, granularity }, cycles ?? []) : [],
    [data, column, from, to, asOf, granularity, cycles],
  );
  if (!data || !chosen || program === undefined || !cycles || !column) return null;

  const cycleMonths = program?.cycleLengthMonths ?? DEFAULT_CYCLE_LENGTH_MONTHS;
  const latest = latestAsOf(data.pointsOf(column), scope.asOf, cycleMonths);
  const unit = column.unit ? ` ${column.unit}` : '';
  const reading = latest
    ? `${column.name}: ${formatMetricValue(latest.latest.value)}${unit} on ${formatIsoDate(latest.latest.date)}${
        latest.change === null ? '' : `, ${formatMetricChange(latest.change)} over the last cycle`
      }; ${series.length} ${GRANULARITY_WORD[scope.granularity]} readings from ${formatIsoDate(scope.from)} to ${formatIsoDate(end)}.`
    : `${column.name} has no reading on or before ${formatIsoDate(scope.asOf)}.`;
  const open = (point: BucketPoint) => navigate(readingsHref(column.key, point.date).slice(2));
  const rows = series;

  const picker = (
    <label className="metric-chart-picker">
      <span className="visually-hidden">Metric</span>
      <select value={column.key} onChange={(e) => choose(e.target.value)}>
        {choices.map((c) => (
          <option key={c.key} value={c.key}>
            {c.name}
          </option>
        ))}
      </select>
    </label>
  );

  return (
    <ChartCard
      title="Speeds and feeds over time"
      reading={reading}
      actions={picker}
      columns={[
        { label: 'Period', value: (r) => r.label },
        { label: 'Reading of', value: (r) => formatIsoDate(r.date) },
        {
          label: `${column.name}${column.unit ? ` (${column.unit})` : ''}`,
          value: (r) => r.value,
          numeric: true,
        },
      ]}
      rows={rows}
      rowKey={(r) => r.bucket}
      onOpen={open}
      canOpen={() => true}
      openLabel={(r) => `Open the reading of ${column.name} on ${formatIsoDate(r.date)}`}
      empty={
        scope.from > end
          ? `The range starts after ${formatIsoDate(end)}: nothing to draw.`
          : `No reading of ${column.name} between ${formatIsoDate(scope.from)} and ${formatIsoDate(end)}. Type or import some under Metrics.`
      }
    >
      <ResponsiveContainer width="100%" height={240}>
        <LineChart
          data={rows}
          margin={{ top: 8, right: 12, bottom: 0, left: 0 }}
          onClick={(state) => {
            const index = Number(state?.activeIndex);
            const point = Number.isInteger(index) ? rows[index] : undefined;
            if (point) open(point);
          }}
        >
          <CartesianGrid strokeDasharray="3 3" stroke="var(--border)" vertical={false} />
          <XAxis
            dataKey="date"
            tickFormatter={(d: string) => formatIsoDate(d, 'MMM yy')}
            tick={{ fill: 'var(--text-muted)', fontSize: 12 }}
            minTickGap={24}
          />
          <YAxis
            tick={{ fill: 'var(--text-muted)', fontSize: 12 }}
            tickFormatter={(v: number) => formatMetricValue(v)}
            width={56}
          />
          <Tooltip
            contentStyle={TOOLTIP_STYLE}
            labelFormatter={(d) => formatIsoDate(String(d))}
            formatter={(v) => [`${formatMetricValue(Number(v))}${unit}`, column.name]}
          />
          <Line
            type="stepAfter"
            dataKey="value"
            name={column.name}
            stroke="var(--series-1)"
            strokeWidth={2}
            dot={rows.length <= 60}
            isAnimationActive={false}
          />
        </LineChart>
      </ResponsiveContainer>
    </ChartCard>
  );
}
