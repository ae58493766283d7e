/**
 * "Open blockers by category over time" on the leadership overview (overviewCharts slot): the
 * blockers unresolved at the end of each bucket of the scope (week, month, quarter or cycle;
 * the running one on "as of"), stacked by category, at most 600 buckets. Computed by
 * blocker-stats' openPerCategoryOver in one pass over the status changes, from the blockers
 * opened by "as of" (of the scope's team when one is chosen). Each bar segment and each table
 * row opens the register listing the blockers of that category unresolved on that day.
 *
 * A long series (ten years by week) is drawn as stacked areas instead of bars: hundreds of bars a
 * few pixels wide read no better and took a fifth of a second to draw. A click on the areas
 * opens that day's unresolved blockers of every category; the table keeps one row per category.
 */
import { useMemo } from 'react';
import {
  Area,
  AreaChart,
  Bar,
  BarChart,
  CartesianGrid,
  Legend,
  ResponsiveContainer,
  Tooltip,
  XAxis,
  YAxis,
} from 'recharts';
import { BLOCKER_CATEGORY_IDS, formatIsoDate, type BlockerCategory } from '../../../shared/domain';
import { bucketsBetween, MAX_CHART_POINTS } from '../../../shared/domain/adoption';
import { openBlockersAtPoints, pointsAsOf } from '../../../shared/domain/area-overview';
import { useCycles } from '../../db/workspace-queries';
import { useUi } from '../../store/ui';
import { ChartCard } from '../../ui/chart/ChartCard';
import type { OverviewScope } from '../../ui/contributions';
import { useBlockersOpenedBy } from './data/queries';
import { categoryLabel, count } from './parts';
import { viewRoute } from './route';
import { TOOLTIP_STYLE } from '../../ui/chart/chart-style';

/** Each category's colour, as on the Blockers trends. */
const CATEGORY_COLOURS: Record<BlockerCategory, string> = {
  'people-culture': 'var(--series-1)',
  'plans-alignment': 'var(--series-3)',
  'technical-execution': 'var(--series-2)',
};

/** One row of the table: a bucket's count of one category. */
interface Row {
  label: string;
  on: string;
  category: BlockerCategory;
  open: number;
}

/**
 * Up to this many points, each is a bar of every category, stacked; beyond, stacked areas. The
 * counts are levels (blockers unresolved on a day), so a series thinned to MAX_CHART_POINTS
 * shows days that happened, evenly spread, first and last kept.
 */
const MAX_BARS = 60;
const MARGIN = { top: 8, right: 12, bottom: 0, left: -16 };
const TICK = { fill: 'var(--text-muted)', fontSize: 12 };

export default function OverviewBlockersChart(scope: OverviewScope) {
  const { asOf, from, to, granularity, teamId } = scope;
  const navigate = useUi((s) => s.navigate);
  const blockers = useBlockersOpenedBy(asOf, teamId);
  const cycles = useCycles();
  const series = useMemo(
    () =>
      blockers && cycles
        ? openBlockersAtPoints(
            blockers,
            pointsAsOf(bucketsBetween(from, to, granularity, cycles), asOf, MAX_CHART_POINTS),
          )
        : undefined,
    [blockers, cycles, from, to, granularity, asOf],
  );
  const rows = useMemo(
    () =>
      (series ?? []).flatMap((p) =>
        BLOCKER_CATEGORY_IDS.map((category) => ({
          label: p.bucket.label,
          on: p.on,
          category,
          open: p.counts[category],
        })),
      ),
    [series],
  );
  const data = useMemo(
    () => (series ?? []).map((p) => ({ label: p.bucket.label, on: p.on, ...p.counts })),
    [series],
  );
  const open = (on: string, category: BlockerCategory | '') =>
    navigate(viewRoute('register', { openOn: on, category, teamId: teamId ?? '' }));

  if (!series) {
    return (
      <section className="card chart-card" aria-busy="true">
        <h3>Open blockers by category over time</h3>
        <p className="muted" role="status">
          Counting the blockers…
        </p>
      </section>
    );
  }
  const first = series[0];
  const last = series.at(-1);
  const worst = last
    ? [...BLOCKER_CATEGORY_IDS].sort((a, b) => last.counts[b] - last.counts[a])[0]!
    : undefined;
  const change = first && last ? last.total - first.total : 0;
  const reading =
    !first || !last || !worst
      ? 'No period of the range has started yet.'
      : `${count(last.total, 'unresolved blocker')} on ${formatIsoDate(last.on)}` +
        (last.total ? `, most in ${categoryLabel(worst)} (${last.counts[worst].toLocaleString('en')})` : '') +
        (series.length > 1
          ? `; ${change === 0 ? 'as many as' : `${Math.abs(change).toLocaleString('en')} ${change < 0 ? 'fewer' : 'more'} than`} at the end of ${first.bucket.label} (${first.total.toLocaleString('en')})${change < 0 ? ': getting better' : change > 0 ? ': getting worse' : ''}.`
          : '.');
  // The grid, the axes, the tooltip and the legend, the same for bars and areas.
  const frame = [
    <CartesianGrid key="grid" strokeDasharray="3 3" stroke="var(--border)" vertical={false} />,
    <XAxis key="x" dataKey="label" tick={TICK} minTickGap={16} />,
    <YAxis key="y" allowDecimals={false} tick={TICK} />,
    <Tooltip
      key="tooltip"
      contentStyle={TOOLTIP_STYLE}
      cursor={{ fill: 'var(--surface-2)' }}
      labelFormatter={(label, payload) => {
        const on = (payload?.[0]?.payload as { on?: string } | undefined)?.on;
        return on ? `${String(label)} (on ${formatIsoDate(on)})` : String(label);
      }}
    />,
    <Legend key="legend" />,
  ];
  return (
    <ChartCard<Row>
      title="Open blockers by category over time"
      reading={reading}
      columns={[
        { label: 'Period', value: (r) => r.label },
        { label: 'Counted on', value: (r) => formatIsoDate(r.on) },
        { label: 'Category', value: (r) => categoryLabel(r.category) },
        { label: 'Unresolved', value: (r) => r.open, numeric: true },
      ]}
      rows={series.every((p) => p.total === 0) ? [] : rows}
      rowKey={(r) => `${r.on}:${r.category}`}
      onOpen={(r) => open(r.on, r.category)}
      canOpen={(r) => r.open > 0}
      openLabel={(r) =>
        `List the ${count(r.open, 'blocker')} of ${categoryLabel(r.category)} unresolved on ${formatIsoDate(r.on)}`
      }
      empty={`No blocker was unresolved in this range${teamId ? ' for this team' : ''}.`}
    >
      <ResponsiveContainer width="100%" height={240}>
        {series.length > MAX_BARS ? (
          <AreaChart
            data={data}
            margin={MARGIN}
            onClick={(state) => {
              const index = Number(state?.activeIndex);
              const point = Number.isInteger(index) ? series[index] : undefined;
              if (point && point.total > 0) open(point.on, '');
            }}
          >
            {frame}
            {BLOCKER_CATEGORY_IDS.map((c) => (
              <Area
                key={c}
                type="linear"
                dataKey={c}
                name={categoryLabel(c)}
                stackId="open"
                stroke={CATEGORY_COLOURS[c]}
                fill={CATEGORY_COLOURS[c]}
                fillOpacity={0.7}
                isAnimationActive={false}
                cursor="pointer"
              />
            ))}
          </AreaChart>
        ) : (
          <BarChart data={data} margin={MARGIN}>
            {frame}
            {BLOCKER_CATEGORY_IDS.map((c) => (
              <Bar
                key={c}
                dataKey={c}
                name={categoryLabel(c)}
                stackId="open"
                fill={CATEGORY_COLOURS[c]}
                isAnimationActive={false}
                cursor="pointer"
                onClick={(_, index) => {
                  const point = series[index];
                  if (point) open(point.on, c);
                }}
              />
            ))}
          </BarChart>
        )}
      </ResponsiveContainer>
    </ChartCard>
  );
}
