/**
 * Marketing per cycle: the activities and the people they reached in each cycle, beside the apps
 * onboarded in the cycle after it (the apps selected into that cycle now on the platform), so the
 * owner sees whether the program's marketing is followed by demand. Each bar and row opens the
 * cycle's activities; the apps of the next cycle open in the Apps area's table.
 */
import { useMemo } from 'react';
import {
  Bar,
  CartesianGrid,
  ComposedChart,
  Legend,
  Line,
  ResponsiveContainer,
  Tooltip,
  XAxis,
  YAxis,
} from 'recharts';
import {
  cycleLabel,
  MARKETING_KIND_LABELS,
  MARKETING_KINDS,
  marketingByCycle,
  marketingReading,
  type Cycle,
  type MarketingActivity,
  type MarketingCycleRow,
} from '../../../shared/domain';
import { shortCycleLabel } from '../../../shared/domain/adoption';
import { useAppActuals } from '../../db/workspace-queries';
import { openAppsTable } from '../../store/apps';
import { useUi } from '../../store/ui';
import { ChartCard } from '../../ui/chart/ChartCard';
import { listRoute } from './route';
import { TOOLTIP_STYLE } from '../../ui/chart/chart-style';

type Row = MarketingCycleRow & { cycle: Cycle; next: Cycle | undefined };

export function PerCycleView({
  activities,
  cycles,
}: {
  activities: readonly MarketingActivity[];
  cycles: readonly Cycle[];
}) {
  const navigate = useUi((s) => s.navigate);
  const actuals = useAppActuals();
  const rows: Row[] = useMemo(() => {
    if (!actuals) return [];
    const onPlatform = new Map([...actuals.byCycle].map(([id, a]) => [id, a.onPlatform]));
    const byId = new Map(cycles.map((c) => [c.id, c]));
    return marketingByCycle(activities, cycles, onPlatform).map((r) => ({
      ...r,
      cycle: byId.get(r.cycleId)!,
      next: r.nextCycleId ? byId.get(r.nextCycleId) : undefined,
    }));
  }, [activities, cycles, actuals]);

  if (!actuals) {
    return (
      <p role="status" className="empty">
        Counting the apps each cycle onboarded…
      </p>
    );
  }
  const openActivities = (row: Row) => navigate(listRoute({ cycleId: row.cycleId }));
  const openApps = (row: Row) => {
    if (!row.next) return;
    openAppsTable({ cycleId: row.next.id, stage: 'on-platform' });
  };
  const shown = rows.some((r) => r.activities > 0) ? rows : [];
  const data = shown.map((r) => ({
    label: shortCycleLabel(r.cycle),
    name: cycleLabel(r.cycle),
    reach: r.reach,
    apps: r.nextOnPlatform,
  }));
  const reading = marketingReading(rows, (index) => shortCycleLabel({ index }));

  return (
    <div className="mk-cycles">
      <ChartCard<Row>
        title="Marketing reach per cycle, and apps onboarded the cycle after"
        reading={reading}
        columns={[
          { label: 'Cycle', value: (r) => cycleLabel(r.cycle) },
          { label: 'Activities', value: (r) => r.activities, numeric: true },
          { label: 'Reach', value: (r) => r.reach.toLocaleString('en-US'), numeric: true },
          ...MARKETING_KINDS.map((k) => ({
            label: MARKETING_KIND_LABELS[k],
            value: (r: Row) => r.byKind[k],
            numeric: true,
          })),
          {
            label: 'Apps onboarded next cycle',
            value: (r) =>
              r.nextOnPlatform === null
                ? '—'
                : r.nextUnderWay
                  ? `${r.nextOnPlatform} so far`
                  : r.nextOnPlatform,
            numeric: true,
          },
        ]}
        rows={shown}
        rowKey={(r) => r.cycleId}
        onOpen={openActivities}
        canOpen={(r) => r.activities > 0}
        openLabel={(r) => `List the ${r.activities} activities of ${cycleLabel(r.cycle)}`}
        empty="No marketing activity falls in a cycle yet: log one, or plan the cycles on Plan."
      >
        <ResponsiveContainer width="100%" height={300}>
          <ComposedChart data={data} margin={{ top: 8, right: 12, bottom: 0, left: 0 }}>
            <CartesianGrid strokeDasharray="3 3" stroke="var(--border)" vertical={false} />
            <XAxis dataKey="label" tick={{ fill: 'var(--text-muted)', fontSize: 12 }} minTickGap={8} />
            <YAxis yAxisId="reach" tick={{ fill: 'var(--text-muted)', fontSize: 12 }} />
            <YAxis
              yAxisId="apps"
              orientation="right"
              allowDecimals={false}
              tick={{ fill: 'var(--text-muted)', fontSize: 12 }}
            />
            <Tooltip
              contentStyle={TOOLTIP_STYLE}
              cursor={{ fill: 'var(--surface-2)' }}
              labelFormatter={(label, payload) =>
                (payload?.[0]?.payload as { name?: string } | undefined)?.name ?? String(label)
              }
            />
            <Legend wrapperStyle={{ color: 'var(--text-muted)', fontSize: 12 }} />
            <Bar
              yAxisId="reach"
              dataKey="reach"
              name="People reached"
              fill="var(--series-2)"
              isAnimationActive={false}
              cursor="pointer"
              onClick={(_, index) => {
                const row = shown[index];
                if (row && row.activities > 0) openActivities(row);
              }}
            />
            <Line
              yAxisId="apps"
              dataKey="apps"
              name="Apps onboarded the cycle after"
              stroke="var(--series-3)"
              strokeWidth={2}
              dot={{ r: 3 }}
              connectNulls={false}
              isAnimationActive={false}
            />
          </ComposedChart>
        </ResponsiveContainer>
      </ChartCard>

      <section className="card" aria-labelledby="mk-next-apps">
        <h3 id="mk-next-apps">The apps behind each cycle’s count</h3>
        <p className="muted">
          A cycle’s onboarded apps are those selected into it that are on the platform now. Open a cycle’s to
          see them in Apps.
        </p>
        <ul className="mk-next-list">
          {shown
            .filter((r) => r.next && (r.nextOnPlatform ?? 0) > 0)
            .map((r) => (
              <li key={r.cycleId}>
                <button type="button" className="link" onClick={() => openApps(r)}>
                  {r.nextOnPlatform} {r.nextOnPlatform === 1 ? 'app' : 'apps'} onboarded in{' '}
                  {cycleLabel(r.next!)}
                </button>{' '}
                <span className="muted">
                  after {r.activities} {r.activities === 1 ? 'activity' : 'activities'} reaching{' '}
                  {r.reach.toLocaleString('en-US')} in {shortCycleLabel(r.cycle)}
                </span>
              </li>
            ))}
        </ul>
      </section>
    </div>
  );
}
