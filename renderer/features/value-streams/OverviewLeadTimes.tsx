/**
 * "Lead time before and after per app" on the leadership overview (overviewCharts slot): for each
 * app mapped at least twice by "as of" (of the scope's team when one is chosen), the lead time on
 * its first map against its latest, with the change in percent; the reading says how the lead
 * time changed over all of them ("Lead time fell 38 % across 9 apps"). Each bar and each table
 * row opens that app's two maps compared. The range does not apply: a map is a snapshot of a
 * path to production, not an event in the period.
 */
import { useMemo } from 'react';
import { Bar, BarChart, CartesianGrid, Legend, ResponsiveContainer, Tooltip, XAxis, YAxis } from 'recharts';
import {
  leadTimeHeadline,
  leadTimesBeforeAfter,
  type LeadTimeChange,
  type ValueStreamMap,
} from '../../../shared/domain';
import { useUi } from '../../store/ui';
import { ChartCard } from '../../ui/chart/ChartCard';
import { usingScope, type OverviewScope } from '../../ui/contributions';
import { useMappedApps } from './data/queries';
import { formatDuration, versionName } from './parts';
import { TOOLTIP_STYLE } from '../../ui/chart/chart-style';

const TITLE = 'Lead time before and after per app';

/** Most apps drawn as bars (largest cuts first); the table lists every one. */
const MAX_BARS = 12;

const MINUTES_PER_DAY = 24 * 60;

type Row = LeadTimeChange<ValueStreamMap> & { name: string };

/** "−38 %", "+12 %", "±0 %"; "no base" when the first map has no time. */
function changeText(pct: number | undefined): string {
  if (pct === undefined) return 'no base';
  const rounded = Math.round(pct);
  if (rounded === 0) return '±0 %';
  return `${rounded > 0 ? '+' : '−'}${Math.abs(rounded)} %`;
}

const FIELDS = ['asOf', 'teamId'] as const;

function OverviewLeadTimes({ asOf, teamId }: Pick<OverviewScope, 'asOf' | 'teamId'>) {
  const navigate = useUi((s) => s.navigate);
  const data = useMappedApps();
  const result = useMemo(() => {
    if (!data) return undefined;
    const appIds = teamId
      ? new Set([...data.apps.values()].filter((a) => a.teamId === teamId).map((a) => a.id))
      : undefined;
    return leadTimesBeforeAfter(data.maps, { asOf, appIds });
  }, [data, asOf, teamId]);
  const rows: Row[] = useMemo(
    () => (result?.rows ?? []).map((r) => ({ ...r, name: data?.apps.get(r.appId)?.name ?? 'Unknown app' })),
    [result, data],
  );

  if (!result) {
    return (
      <section className="card chart-card" aria-busy="true">
        <h3>{TITLE}</h3>
        <p className="muted" role="status">
          Reading the value stream maps…
        </p>
      </section>
    );
  }

  const open = (row: Row) => navigate(`value-streams/compare/${row.before.id}/${row.after.id}`);
  const headline = leadTimeHeadline(result);
  const reading = headline
    ? `${headline} (mean ${formatDuration(result.meanBeforeMinutes)} → ${formatDuration(result.meanAfterMinutes)}), first map against latest.` +
      (rows.length > MAX_BARS ? ` The ${MAX_BARS} largest cuts drawn; the table lists all.` : '')
    : 'No app has been mapped before and after yet.';
  const drawn = rows.slice(0, MAX_BARS);
  const chartData = drawn.map((r) => ({
    name: r.name,
    before: Math.round((r.beforeMinutes / MINUTES_PER_DAY) * 10) / 10,
    after: Math.round((r.afterMinutes / MINUTES_PER_DAY) * 10) / 10,
    change: changeText(r.changePct),
  }));

  return (
    <ChartCard<Row>
      title={TITLE}
      reading={reading}
      columns={[
        { label: 'App', value: (r) => r.name },
        { label: 'Before', value: (r) => `${formatDuration(r.beforeMinutes)} (${versionName(r.before)})` },
        { label: 'After', value: (r) => `${formatDuration(r.afterMinutes)} (${versionName(r.after)})` },
        { label: 'Change', value: (r) => changeText(r.changePct), numeric: true },
      ]}
      rows={rows}
      rowKey={(r) => r.appId}
      onOpen={open}
      openLabel={(r) => `Compare the first and latest maps of ${r.name}`}
      empty={`No app${teamId ? ' of this team' : ''} has been mapped before and after by ${asOf}: map its path to production before onboarding and again after.`}
    >
      <ResponsiveContainer width="100%" height={Math.max(160, 48 + drawn.length * 34)}>
        <BarChart data={chartData} layout="vertical" margin={{ top: 4, right: 16, bottom: 0, left: 8 }}>
          <CartesianGrid strokeDasharray="3 3" stroke="var(--border)" horizontal={false} />
          <XAxis type="number" tick={{ fill: 'var(--text-muted)', fontSize: 12 }} unit=" d" />
          <YAxis
            type="category"
            dataKey="name"
            width={150}
            tick={{ fill: 'var(--text-muted)', fontSize: 12 }}
            interval={0}
          />
          <Tooltip
            contentStyle={TOOLTIP_STYLE}
            cursor={{ fill: 'var(--surface-2)' }}
            formatter={(value, name) => [`${String(value)} d`, name]}
            labelFormatter={(label, payload) => {
              const change = (payload?.[0]?.payload as { change?: string } | undefined)?.change;
              return change ? `${String(label)}: ${change}` : String(label);
            }}
          />
          <Legend />
          {(['before', 'after'] as const).map((key) => (
            <Bar
              key={key}
              dataKey={key}
              name={key === 'before' ? 'Lead time, first map' : 'Lead time, latest map'}
              fill={key === 'before' ? 'var(--series-3)' : 'var(--series-1)'}
              isAnimationActive={false}
              cursor="pointer"
              onClick={(_, index) => {
                const row = drawn[index];
                if (row) open(row);
              }}
            />
          ))}
        </BarChart>
      </ResponsiveContainer>
    </ChartCard>
  );
}

/** Drawn again only when one of FIELDS changes (not the granularity, say). */
export default usingScope(FIELDS, OverviewLeadTimes);
