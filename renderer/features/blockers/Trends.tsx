/**
 * The trends of the blockers the filters select, each in a ChartCard (title, one-line reading,
 * the data as a table): category × severity as a heat map, ageing (how long the unresolved ones
 * have been open), open blockers per category over time, and the mean and median time to
 * resolve per category. Every count opens the register with the filters that list exactly the
 * blockers it counts: a heat map cell, a bar, a point of the trend, a row of any table.
 */
import { memo, useMemo, useState, type KeyboardEvent, type ReactElement } from 'react';
import { DefaultLegendContent } from 'recharts';
import {
  addDaysIso,
  BLOCKER_CATEGORY_IDS,
  BLOCKER_SEVERITIES,
  BLOCKER_SEVERITY_LABELS,
  formatIsoDate,
  type BlockerCategory,
  type BlockerSeverity,
} from '../../../shared/domain';
import type { BlockerFilters } from '../../../shared/domain/blocker-filters';
import {
  ageing,
  ageingByBucket,
  categorySeverityCounts,
  isUnresolved,
  openPerCategoryOver,
  timeToResolveByCategory,
  trendPoints,
  TREND_STEPS,
  AGE_BUCKETS,
  type AgeingRow,
  type OpenPoint,
  type SeverityRow,
  type TrendStep,
} from '../../../shared/domain/blocker-stats';
import type { Blocker } from '../../../shared/domain';
import { useUi } from '../../store/ui';
import { memoizeLast } from '../../ui/memoize-last';
import { BarChartSvg, type BarSeries } from '../../ui/chart/BarChartSvg';
import { LineChartSvg } from '../../ui/chart/LineChartSvg';
import { ChartCard } from '../../ui/chart/ChartCard';
import { useRovingFocus } from '../../ui/use-roving-focus';
import { useBlockers, type BlockerLookups } from './data/queries';
import { categoryLabel, count, days, today } from './parts';
import { blockerHref, viewRoute } from './route';
import './trends.css';

/** Each category's colour, the same in every chart. */
const CATEGORY_COLOURS: Record<BlockerCategory, string> = {
  'people-culture': 'var(--series-1)',
  'plans-alignment': 'var(--series-3)',
  'technical-execution': 'var(--series-2)',
};

/*
 * What each chart counts, remembered in the module (memoizeLast): the trends opened again over
 * the same blockers (kept for the area, filtered once: data/queries.ts) count nothing again.
 */
const unresolvedOf = memoizeLast((blockers: readonly Blocker[]) =>
  blockers.filter((b) => isUnresolved(b.status)),
);
const severityCountsOf = memoizeLast(categorySeverityCounts);
const ageingOf = memoizeLast((blockers: readonly Blocker[], day: string) => ageing(blockers, day));
const ageingRowsOf = memoizeLast(ageingByBucket);
const timeToResolveOf = memoizeLast((blockers: readonly Blocker[]) => timeToResolveByCategory(blockers));
const openOverTimeOf = memoizeLast((blockers: readonly Blocker[], day: string, step: TrendStep) => {
  const first = blockers.reduce<string | null>(
    (min, b) => (min === null || b.openedOn < min ? b.openedOn : min),
    null,
  );
  const series = first && first <= day ? openPerCategoryOver(blockers, trendPoints(first, day, step)) : [];
  const yearAgo = addDaysIso(day, -365);
  const then = first && first <= yearAgo ? openPerCategoryOver(blockers, [yearAgo])[0]!.total : 0;
  return { series, then };
});

/*
 * What each chart draws, with the same identity while its counts are the same: a chart drawn
 * again (another step, the parent's state) gets the same data, so nothing is worked out again.
 */
const ageingValuesOf = memoizeLast((rows: readonly AgeingRow[]) =>
  rows.map((r) => BLOCKER_CATEGORY_IDS.map((c) => r.counts[c])),
);
const trendValuesOf = memoizeLast((series: readonly OpenPoint[]) =>
  series.map((p) => BLOCKER_CATEGORY_IDS.map((c) => p.counts[c])),
);
const resolveValuesOf = memoizeLast((categories: readonly ResolveRow[]) =>
  categories.map((c) => [c.medianDays, c.meanDays === null ? null : Math.round(c.meanDays * 10) / 10]),
);
const categoryNamesOf = memoizeLast((categories: readonly ResolveRow[]) =>
  categories.map((c) => categoryLabel(c.category)),
);
const AGE_LABELS = AGE_BUCKETS.map((b) => b.label);
const CATEGORY_SERIES: BarSeries[] = BLOCKER_CATEGORY_IDS.map((c) => ({
  key: c,
  name: categoryLabel(c),
  color: CATEGORY_COLOURS[c],
}));
const RESOLVE_SERIES: BarSeries[] = [
  { key: 'median', name: 'Median days', color: 'var(--series-4)' },
  { key: 'mean', name: 'Mean days', color: 'var(--series-6)' },
];

type Margin = { top: number; right: number; bottom: number; left: number };
const AGEING_MARGIN: Margin = { top: 8, right: 8, bottom: 0, left: -16 };
const TREND_MARGIN: Margin = { top: 8, right: 12, bottom: 0, left: -16 };
const RESOLVE_MARGIN: Margin = { top: 8, right: 8, bottom: 0, left: -16 };
type LegendEntry = { value: string; type: 'line' | 'rect'; color: string };
const CATEGORY_LINES: LegendEntry[] = BLOCKER_CATEGORY_IDS.map((c) => ({
  value: categoryLabel(c),
  type: 'line',
  color: CATEGORY_COLOURS[c],
}));
const CATEGORY_BARS: LegendEntry[] = CATEGORY_LINES.map((e) => ({ ...e, type: 'rect' }));
// In the order Recharts' <Legend> lists its items: by name.
const RESOLVE_BARS: LegendEntry[] = [
  { value: 'Mean days', type: 'rect', color: 'var(--series-6)' },
  { value: 'Median days', type: 'rect', color: 'var(--series-4)' },
];

/**
 * A chart `height` high with its legend at the bottom, drawn as Recharts' <Legend> draws it (its
 * own list, centred under the plot area between the margins), the chart taking the height the
 * legend leaves. Recharts' <Legend> measures itself after the chart is drawn and has the chart
 * laid out again around it: three charts did that on every opening of the trends. Here the
 * browser lays out both in one go. The chart fills the box (a BarChartSvg), or has a height of its
 * own (a LineChartSvg) and the legend goes under it.
 */
function ChartWithLegend({
  height,
  margin,
  legend,
  children,
}: {
  /** The whole height, the chart taking what the legend leaves; without it, the chart's own. */
  height?: number;
  margin: Margin;
  legend: LegendEntry[];
  children: ReactElement;
}) {
  return (
    <div className={`chart-with-legend${height === undefined ? ' chart-own-height' : ''}`} style={{ height }}>
      <div className="chart-with-legend-plot">{children}</div>
      <div
        className="recharts-legend-wrapper"
        style={{ marginLeft: margin.left, marginRight: margin.right, marginBottom: margin.bottom }}
      >
        <DefaultLegendContent
          payload={legend}
          layout="horizontal"
          align="center"
          verticalAlign="bottom"
          iconSize={14}
        />
      </div>
    </div>
  );
}

/** Opens the register with the view's filters and a count's own. */
function useOpenRegister(filters: BlockerFilters) {
  const navigate = useUi((s) => s.navigate);
  return (own: Partial<BlockerFilters>) => navigate(viewRoute('register', { ...filters, ...own }));
}

export default function Trends({ filters }: { filters: BlockerFilters; lookups: BlockerLookups }) {
  const day = today();
  const blockers = useBlockers(filters, day);
  if (!blockers) {
    return (
      <div role="status" className="empty">
        Loading the trends…
      </div>
    );
  }
  return (
    <div className="blocker-trends">
      <HeatMap blockers={blockers} filters={filters} />
      <TimeToResolve blockers={blockers} filters={filters} />
      <OpenOverTime blockers={blockers} filters={filters} day={day} />
      <Ageing blockers={blockers} filters={filters} day={day} />
    </div>
  );
}

const heatKey = (category: BlockerCategory, severity: BlockerSeverity) => `${category}|${severity}`;

/** Category × severity: the unresolved blockers (or all of them), each cell opening its list. */
const HeatMap = memo(function HeatMap({
  blockers,
  filters,
}: {
  blockers: Blocker[];
  filters: BlockerFilters;
}) {
  const open = useOpenRegister(filters);
  const [scope, setScope] = useState<'unresolved' | 'all'>('unresolved');
  // A status filter already says which blockers count.
  const effective = filters.status ? 'filtered' : scope;
  const counted = useMemo(
    () => (effective === 'unresolved' ? unresolvedOf(blockers) : blockers),
    [blockers, effective],
  );
  const { rows, total } = useMemo(() => severityCountsOf(counted), [counted]);
  const max = Math.max(1, ...rows.flatMap((r) => BLOCKER_SEVERITIES.map((s) => r.counts[s])));
  const statusFilter: Partial<BlockerFilters> = effective === 'unresolved' ? { status: 'unresolved' } : {};
  const keys = useMemo(
    () => BLOCKER_CATEGORY_IDS.flatMap((c) => BLOCKER_SEVERITIES.map((s) => heatKey(c, s))),
    [],
  );
  const roving = useRovingFocus(keys, { previous: ['ArrowLeft'], next: ['ArrowRight'] });
  const worst = rows
    .flatMap((r) => BLOCKER_SEVERITIES.map((s) => ({ category: r.category, severity: s, n: r.counts[s] })))
    .sort(
      (a, b) => b.n - a.n || BLOCKER_SEVERITIES.indexOf(b.severity) - BLOCKER_SEVERITIES.indexOf(a.severity),
    )[0];
  const what = effective === 'unresolved' ? 'unresolved blocker' : 'blocker';

  const onKeyDown = (event: KeyboardEvent, key: string) => {
    if (event.key === 'ArrowUp' || event.key === 'ArrowDown') {
      event.preventDefault();
      const target =
        keys[keys.indexOf(key) + (event.key === 'ArrowDown' ? 1 : -1) * BLOCKER_SEVERITIES.length];
      if (target) roving.focus(target);
    } else roving.onKeyDown(event, key);
  };

  return (
    <ChartCard<SeverityRow>
      title="Category × severity"
      className="heat-card"
      reading={
        total === 0
          ? `No ${what}s.`
          : `${count(total, what)}; the most in ${categoryLabel(worst!.category)}, ${BLOCKER_SEVERITY_LABELS[worst!.severity].toLowerCase()} (${worst!.n}).`
      }
      actions={
        filters.status ? undefined : (
          <select
            aria-label="Blockers counted"
            value={scope}
            onChange={(e) => setScope(e.target.value as 'unresolved' | 'all')}
          >
            <option value="unresolved">Unresolved</option>
            <option value="all">All logged</option>
          </select>
        )
      }
      columns={[
        { label: 'Category', value: (r) => categoryLabel(r.category) },
        ...BLOCKER_SEVERITIES.map((s) => ({
          label: BLOCKER_SEVERITY_LABELS[s],
          value: (r: SeverityRow) => r.counts[s],
          numeric: true,
        })),
        { label: 'Total', value: (r) => r.total, numeric: true },
      ]}
      rows={rows}
      rowKey={(r) => r.category}
      onOpen={(r) => open({ ...statusFilter, category: r.category })}
      openLabel={(r) => `List the ${count(r.total, what)} of ${categoryLabel(r.category)}`}
    >
      <table className="heat-map">
        <caption className="visually-hidden">
          {what}s per category and severity; each count lists its blockers
        </caption>
        <thead>
          <tr>
            <td />
            {BLOCKER_SEVERITIES.map((s) => (
              <th key={s} scope="col">
                {BLOCKER_SEVERITY_LABELS[s]}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {rows.map((r) => (
            <tr key={r.category}>
              <th scope="row">{categoryLabel(r.category)}</th>
              {BLOCKER_SEVERITIES.map((s) => {
                const n = r.counts[s];
                const key = heatKey(r.category, s);
                return (
                  <td key={s}>
                    <button
                      type="button"
                      className="heat-cell"
                      style={{
                        background: `color-mix(in srgb, var(--series-8) ${n === 0 ? 0 : Math.round(8 + (42 * n) / max)}%, var(--surface))`,
                      }}
                      {...roving.itemProps(key)}
                      aria-label={`${count(n, what)}: ${categoryLabel(r.category)}, ${BLOCKER_SEVERITY_LABELS[s].toLowerCase()}`}
                      onKeyDown={(e) => onKeyDown(e, key)}
                      onClick={() => open({ ...statusFilter, category: r.category, severity: s })}
                    >
                      {n.toLocaleString('en')}
                    </button>
                  </td>
                );
              })}
            </tr>
          ))}
        </tbody>
      </table>
    </ChartCard>
  );
});

/** What each trends view draws from: the filtered blockers, the filters (to open the register), today. */
interface TrendViewProps {
  blockers: Blocker[];
  filters: BlockerFilters;
  day: string;
}

/** Unresolved blockers by how long they have been open, stacked by category; the oldest named. */
const Ageing = memo(function Ageing({ blockers, filters, day }: TrendViewProps) {
  const open = useOpenRegister(filters);
  const entries = ageingOf(blockers, day);
  const rows = ageingRowsOf(entries);
  const values = ageingValuesOf(rows);
  const oldest = entries[0];
  return (
    <ChartCard<AgeingRow>
      title="Ageing"
      className="ageing-card"
      reading={
        oldest ? (
          <>
            {count(entries.length, 'unresolved blocker')}; the oldest, “
            <a href={blockerHref(oldest.blocker.id)}>{oldest.blocker.title}</a>”, open {days(oldest.days)}.
          </>
        ) : (
          'No unresolved blockers.'
        )
      }
      columns={[
        { label: 'Open for', value: (r) => r.bucket.label },
        ...BLOCKER_CATEGORY_IDS.map((c) => ({
          label: categoryLabel(c),
          value: (r: AgeingRow) => r.counts[c],
          numeric: true,
        })),
        { label: 'Total', value: (r) => r.total, numeric: true },
      ]}
      rows={entries.length ? rows : []}
      rowKey={(r) => r.bucket.id}
      onOpen={(r) => open({ age: r.bucket.id })}
      openLabel={(r) => `List the ${count(r.total, 'blocker')} open ${r.bucket.label.toLowerCase()}`}
      empty="No unresolved blockers: nothing is ageing."
    >
      <div className="ageing-body">
        <ChartWithLegend height={220} margin={AGEING_MARGIN} legend={CATEGORY_BARS}>
          <BarChartSvg
            label="Unresolved blockers by time open and category; each bar lists its blockers"
            categories={AGE_LABELS}
            series={CATEGORY_SERIES}
            values={values}
            layout="stacked"
            describe={(bucket, category, n) =>
              `List the ${count(n, 'unresolved blocker')} of ${CATEGORY_SERIES[category]!.name} open ${AGE_LABELS[bucket]!.toLowerCase()}`
            }
            onOpen={(bucket, category) =>
              open({ age: AGE_BUCKETS[bucket]!.id, category: BLOCKER_CATEGORY_IDS[category]! })
            }
          />
        </ChartWithLegend>
        <ol className="ageing-oldest" aria-label="The oldest unresolved blockers">
          {entries.slice(0, 5).map((e) => (
            <li key={e.blocker.id}>
              <a href={blockerHref(e.blocker.id)}>{e.blocker.title}</a>{' '}
              <span className="muted">
                {categoryLabel(e.blocker.category)} · open {days(e.days)}
              </span>
            </li>
          ))}
        </ol>
      </div>
    </ChartCard>
  );
});

const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];
/**
 * "2025-08-31" → "Aug 25" (date-fns' "MMM yy"), read off the ISO date's text: Recharts formats
 * every point's tick while it works out which fit (120 a decade, monthly; 520 weekly), and
 * date-fns took about 9 ms of each opening of the trends at 20,000 blockers.
 */
function monthTick(on: string): string {
  return `${MONTHS[Number(on.slice(5, 7)) - 1] ?? ''} ${on.slice(2, 4)}`;
}

const STEP_LABELS: Record<TrendStep, string> = { week: 'Weekly', month: 'Monthly', quarter: 'Quarterly' };

/** Unresolved blockers per category at the end of each week, month or quarter, up to today. */
const OpenOverTime = memo(function OpenOverTime({ blockers, filters, day }: TrendViewProps) {
  const open = useOpenRegister(filters);
  const [step, setStep] = useState<TrendStep>('month');
  const { series, then } = openOverTimeOf(blockers, day, step);
  const now = series.at(-1)?.total ?? 0;
  const change = now - then;
  const values = trendValuesOf(series);
  const openLabel = (p: OpenPoint) =>
    `List the ${count(p.total, 'blocker')} unresolved on ${formatIsoDate(p.on)}`;
  return (
    <ChartCard<OpenPoint>
      title="Open blockers over time"
      className="trend-card"
      reading={
        series.length === 0
          ? 'No blockers yet.'
          : `${count(now, 'unresolved blocker')} today, ${change === 0 ? 'as many as' : `${Math.abs(change)} ${change < 0 ? 'fewer' : 'more'} than`} a year ago (${then})${change < 0 ? ': getting better' : change > 0 ? ': getting worse' : ''}.`
      }
      actions={
        <select aria-label="Step" value={step} onChange={(e) => setStep(e.target.value as TrendStep)}>
          {TREND_STEPS.map((s) => (
            <option key={s} value={s}>
              {STEP_LABELS[s]}
            </option>
          ))}
        </select>
      }
      columns={[
        { label: 'At the end of', value: (p) => formatIsoDate(p.on) },
        ...BLOCKER_CATEGORY_IDS.map((c) => ({
          label: categoryLabel(c),
          value: (p: OpenPoint) => p.counts[c],
          numeric: true,
        })),
        { label: 'Total', value: (p) => p.total, numeric: true },
      ]}
      rows={series}
      rowKey={(p) => p.on}
      onOpen={(p) => open({ openOn: p.on })}
      openLabel={openLabel}
      empty="No blockers logged yet."
    >
      <ChartWithLegend margin={TREND_MARGIN} legend={CATEGORY_LINES}>
        <LineChartSvg
          label="Unresolved blockers per category over time: ← → move between dates, Enter lists the blockers unresolved on one"
          height={216}
          points={series.length}
          series={CATEGORY_SERIES}
          values={values}
          step
          tick={(i) => monthTick(series[i]!.on)}
          title={(i) => formatIsoDate(series[i]!.on)}
          openLabel={(i) => openLabel(series[i]!)}
          onOpen={(i) => open({ openOn: series[i]!.on })}
        />
      </ChartWithLegend>
    </ChartCard>
  );
});

type ResolveRow = ReturnType<typeof timeToResolveByCategory>['categories'][number];

/** Mean and median days to resolve per category; the unresolved are counted apart. */
const TimeToResolve = memo(function TimeToResolve({
  blockers,
  filters,
}: {
  blockers: Blocker[];
  filters: BlockerFilters;
}) {
  const open = useOpenRegister(filters);
  const { categories, all } = timeToResolveOf(blockers);
  const timed = categories.filter((c) => c.medianDays !== null);
  const fastest = [...timed].sort((a, b) => a.medianDays! - b.medianDays!)[0];
  const slowest = [...timed].sort((a, b) => b.medianDays! - a.medianDays!)[0];
  const values = resolveValuesOf(categories);
  const categoryNames = categoryNamesOf(categories);
  return (
    <ChartCard<ResolveRow>
      title="Time to resolve"
      className="resolve-card"
      reading={
        all.resolved === 0
          ? 'No blocker resolved yet.'
          : `${count(all.resolved, 'resolved blocker')}, median ${days(all.medianDays)}` +
            (fastest && slowest && fastest !== slowest
              ? `; fastest ${categoryLabel(fastest.category)} (${days(fastest.medianDays)}), slowest ${categoryLabel(slowest.category)} (${days(slowest.medianDays)}).`
              : '.')
      }
      columns={[
        { label: 'Category', value: (r) => categoryLabel(r.category) },
        { label: 'Resolved', value: (r) => r.resolved, numeric: true },
        {
          label: 'Mean days',
          value: (r) => (r.meanDays === null ? '—' : Math.round(r.meanDays * 10) / 10),
          numeric: true,
        },
        { label: 'Median days', value: (r) => r.medianDays ?? '—', numeric: true },
        { label: 'Still unresolved', value: (r) => r.unresolved, numeric: true },
      ]}
      rows={all.resolved ? categories : []}
      rowKey={(r) => r.category}
      onOpen={(r) => open({ category: r.category, status: 'resolved' })}
      openLabel={(r) => `List the ${count(r.resolved, 'resolved blocker')} of ${categoryLabel(r.category)}`}
      empty="No blocker resolved yet: no time to show."
    >
      <ChartWithLegend height={220} margin={RESOLVE_MARGIN} legend={RESOLVE_BARS}>
        <BarChartSvg
          label="Median and mean days to resolve per category; each bar lists the resolved blockers"
          categories={categoryNames}
          series={RESOLVE_SERIES}
          values={values}
          layout="grouped"
          unit=" d"
          describe={(c, s, n) =>
            `List the ${count(categories[c]!.resolved, 'resolved blocker')} of ${categoryNames[c]}: ${RESOLVE_SERIES[s]!.name.replace(' days', '').toLowerCase()} ${days(n)} to resolve`
          }
          onOpen={(c) => open({ category: categories[c]!.category, status: 'resolved' })}
        />
      </ChartWithLegend>
    </ChartCard>
  );
});
