/**
 * "Pairing hours per cycle" on the leadership overview (overviewCharts slot): the hours paired
 * in each cycle of the scope's range that has started by "as of", counted up to that day (of
 * the scope's team when one is chosen). Each bar and each table row opens that cycle's sessions
 * in the session log.
 */
import { useMemo } from 'react';
import { Bar, BarChart, CartesianGrid, ResponsiveContainer, Tooltip, XAxis, YAxis } from 'recharts';
import { cycleLabel, formatHours, formatIsoDate, todayIso, type Cycle } from '../../../shared/domain';
import { shortCycleLabel } from '../../../shared/domain/adoption';
import type { CycleHours } from '../../../shared/domain/area-overview';
import { useUi } from '../../store/ui';
import { ChartCard } from '../../ui/chart/ChartCard';
import { usingScope, type OverviewScope } from '../../ui/contributions';
import { useCycleHours, useCycles } from './data/queries';
import { usePairingUi } from './pairing-store';
import { TOOLTIP_STYLE } from '../../ui/chart/chart-style';

type Row = CycleHours & { cycle: Cycle };

const FIELDS = ['asOf', 'from', 'to', 'teamId'] as const;

function OverviewPairingChart({
  asOf,
  from,
  to,
  teamId,
}: Pick<OverviewScope, 'asOf' | 'from' | 'to' | 'teamId'>) {
  const today = todayIso();
  const navigate = useUi((s) => s.navigate);
  const showSessions = usePairingUi((s) => s.showSessions);
  const cycles = useCycles();
  // The cycles that overlap the range and have started by "as of".
  const shown = useMemo(
    () => (cycles ?? []).filter((c) => c.startDate <= to && c.endDate > from && c.startDate <= asOf),
    [cycles, from, to, asOf],
  );
  const ids = useMemo(() => shown.map((c) => c.id), [shown]);
  const hours = useCycleHours(ids, asOf, teamId, today);
  const rows: Row[] = useMemo(
    () => (hours ?? []).flatMap((h, i) => (shown[i]?.id === h.cycleId ? [{ ...h, cycle: shown[i] }] : [])),
    [hours, shown],
  );
  const past = asOf < today;
  const open = (row: Row) => {
    showSessions({ cycleId: row.cycleId, teamId, to: past ? asOf : null });
    navigate('pairing');
  };

  if (!cycles || !hours) {
    return (
      <section className="card chart-card" aria-busy="true">
        <h3>Pairing hours per cycle</h3>
        <p className="muted" role="status">
          Adding up the sessions…
        </p>
      </section>
    );
  }
  const total = rows.reduce((s, r) => s + r.minutes, 0);
  const most = [...rows].sort((a, b) => b.minutes - a.minutes)[0];
  const last = rows.at(-1);
  const before = rows.at(-2);
  const reading =
    !last || total === 0
      ? 'No pairing session in this range yet.'
      : `${formatHours(total)} hours over ${rows.length} cycle${rows.length === 1 ? '' : 's'}; ` +
        `${formatHours(last.minutes)} h in ${shortCycleLabel(last.cycle)}${past ? ` to ${formatIsoDate(asOf)}` : ''}` +
        (before ? ` against ${formatHours(before.minutes)} h in ${shortCycleLabel(before.cycle)}` : '') +
        (most && most !== last
          ? `; most in ${shortCycleLabel(most.cycle)} (${formatHours(most.minutes)} h).`
          : '.');
  // Short names on the axis ("Cycle 4"); the tooltip and the table give the full one.
  const data = rows.map((r) => ({
    label: shortCycleLabel(r.cycle),
    name: cycleLabel(r.cycle),
    hours: Math.round(r.minutes / 6) / 10,
  }));
  return (
    <ChartCard<Row>
      title="Pairing hours per cycle"
      reading={reading}
      columns={[
        { label: 'Cycle', value: (r) => cycleLabel(r.cycle) },
        { label: 'Hours', value: (r) => formatHours(r.minutes), numeric: true },
        { label: 'Sessions', value: (r) => r.sessions, numeric: true },
      ]}
      rows={total === 0 ? [] : rows}
      rowKey={(r) => r.cycleId}
      onOpen={open}
      canOpen={(r) => r.sessions > 0}
      openLabel={(r) => `List the ${r.sessions.toLocaleString('en')} sessions of ${cycleLabel(r.cycle)}`}
      empty={`No pairing session in this range${teamId ? ' for this team' : ''} yet.`}
    >
      <ResponsiveContainer width="100%" height={240}>
        <BarChart data={data} margin={{ top: 8, right: 12, bottom: 0, left: 0 }}>
          <CartesianGrid strokeDasharray="3 3" stroke="var(--border)" vertical={false} />
          <XAxis dataKey="label" tick={{ fill: 'var(--text-muted)', fontSize: 12 }} minTickGap={8} />
          <YAxis tick={{ fill: 'var(--text-muted)', fontSize: 12 }} unit=" h" width="auto" />
          <Tooltip
            contentStyle={TOOLTIP_STYLE}
            cursor={{ fill: 'var(--surface-2)' }}
            labelFormatter={(label, payload) =>
              (payload?.[0]?.payload as { name?: string } | undefined)?.name ?? String(label)
            }
          />
          <Bar
            dataKey="hours"
            name="Hours"
            fill="var(--series-4)"
            isAnimationActive={false}
            cursor="pointer"
            onClick={(_, index) => {
              const row = rows[index];
              if (row) open(row);
            }}
          />
        </BarChart>
      </ResponsiveContainer>
    </ChartCard>
  );
}

/** Drawn again only when one of FIELDS changes (not the granularity, say). */
export default usingScope(FIELDS, OverviewPairingChart);
