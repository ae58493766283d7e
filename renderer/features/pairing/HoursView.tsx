/**
 * Hours of pairing per person, app, team, cycle or topic, over all time or within one cycle:
 * a chart of the twelve with the most hours (with its reading and its data as a table), and
 * every one of them in a list below. Every number leads to its sessions: a bar, a row of the
 * table or of the list opens the session log filtered to them. All-time hours come from the
 * totals kept with every write; a cycle's from that cycle's sessions.
 */
import { memo, useCallback, useMemo, useState } from 'react';
import { Bar, BarChart, CartesianGrid, ResponsiveContainer, Tooltip, XAxis, YAxis } from 'recharts';
import {
  cycleLabel,
  formatHours,
  formatIsoDate,
  NO_ENTITY,
  TOTAL_DIMENSIONS,
  type PairingTotal,
  type SessionFilter,
  type TotalDimension,
} from '../../../shared/domain';
import { useUi } from '../../store/ui';
import { ChartCard, type ChartColumn } from '../../ui/chart/ChartCard';
import { shownAppName, useCycles, useHours, useRowNames } from './data/queries';
import { usePairingUi } from './pairing-store';
import { VirtualTable, type VirtualColumn } from './VirtualTable';
import './hours.css';
import { CycleOptions } from '../../ui/filters';

const DIMENSION_LABELS: Record<
  TotalDimension,
  { tab: string; column: string; one: string; many: string; none: string }
> = {
  person: { tab: 'People', column: 'Person', one: 'person', many: 'people', none: 'Nobody' },
  app: { tab: 'Apps', column: 'App', one: 'app', many: 'apps', none: 'No app' },
  team: { tab: 'Teams', column: 'Team', one: 'team', many: 'teams', none: 'No team' },
  cycle: { tab: 'Cycles', column: 'Cycle', one: 'cycle', many: 'cycles', none: 'Outside every cycle' },
  topic: { tab: 'Topics', column: 'Topic', one: 'topic', many: 'topics', none: 'No topic' },
};

/** The bars of the chart: the ones with the most hours. */
const CHART_ROWS = 12;

const LIST_COLUMNS: readonly VirtualColumn[] = [
  { label: 'Name', width: 220 },
  { label: 'Hours', width: 70, numeric: true },
  { label: 'Sessions', width: 70, numeric: true },
  { label: 'Last session', width: 100 },
];

/** "the session" or "the 12 sessions". */
const theSessions = (n: number) => (n === 1 ? 'the session' : `the ${n.toLocaleString('en')} sessions`);

interface Row {
  total: PairingTotal;
  name: string;
  hours: number;
}

export default function HoursView() {
  const dimension = usePairingUi((s) => s.hoursDimension);
  const cycleId = usePairingUi((s) => s.hoursCycleId);
  const setHours = usePairingUi((s) => s.setHours);
  const showSessions = usePairingUi((s) => s.showSessions);
  const navigate = useUi((s) => s.navigate);
  const hours = useHours(dimension, cycleId);
  const totals = hours?.totals;
  const busy = hours !== undefined && (hours.dimension !== dimension || hours.cycleId !== cycleId);
  const cycles = useCycles();
  const [range, setRange] = useState<[number, number]>([0, 0]);
  const onRange = useCallback(
    (start: number, end: number) => setRange((r) => (r[0] === start && r[1] === end ? r : [start, end])),
    [],
  );

  // Names of the entities charted and in view only (not all 5,000 people or 20,000 apps).
  const named = (of: TotalDimension) =>
    dimension === of && totals
      ? [...totals.slice(0, CHART_ROWS), ...totals.slice(range[0], range[1])]
          .map((t) => t.entityId)
          .filter((id) => id !== NO_ENTITY)
      : [];
  const names = useRowNames({ people: named('person'), teams: named('team'), apps: named('app') });
  const cycleName = useMemo(() => new Map((cycles ?? []).map((c) => [c.id, cycleLabel(c)])), [cycles]);

  const labels = DIMENSION_LABELS[dimension];
  // The same function while the names are (the list's rows are drawn again only then).
  const nameOf = useCallback(
    (t: PairingTotal): string => {
      if (t.entityId === NO_ENTITY) return DIMENSION_LABELS[t.dimension].none;
      switch (t.dimension) {
        case 'person':
          return shownName(names.person(t.entityId), 'Deleted person');
        case 'team':
          return shownName(names.team(t.entityId), 'Deleted team');
        case 'cycle':
          return cycleName.get(t.entityId) ?? 'Deleted cycle';
        case 'app':
          return shownAppName(names.app(t.entityId));
        case 'topic':
          return t.entityId;
      }
    },
    [names, cycleName],
  );
  const rowOf = (t: PairingTotal): Row => ({
    total: t,
    name: nameOf(t),
    hours: Math.round(t.minutes / 6) / 10,
  });

  const open = useCallback(
    (t: PairingTotal) => {
      if (t.entityId === NO_ENTITY) return;
      const filter: Partial<SessionFilter> = { cycleId };
      if (t.dimension === 'person') filter.personId = t.entityId;
      else if (t.dimension === 'app') filter.appId = t.entityId;
      else if (t.dimension === 'team') filter.teamId = t.entityId;
      else if (t.dimension === 'cycle') filter.cycleId = t.entityId;
      else filter.topic = t.entityId;
      showSessions(filter);
      navigate('pairing');
    },
    [cycleId, showSessions, navigate],
  );

  // A row of the list: drawn again only when its total, the names or `open` change (VirtualTable).
  const cells = useCallback(
    (t: PairingTotal) => {
      const name = nameOf(t);
      const hoursText = formatHours(t.minutes);
      return [
        name,
        t.entityId === NO_ENTITY ? (
          hoursText
        ) : (
          <button
            type="button"
            className="link"
            tabIndex={-1}
            aria-label={`${hoursText} h: open ${theSessions(t.sessions)} of ${name}`}
            onClick={() => open(t)}
          >
            {hoursText}
          </button>
        ),
        t.sessions.toLocaleString('en'),
        t.lastDate ? formatIsoDate(t.lastDate) : '—',
      ];
    },
    [nameOf, open],
  );

  const ready = totals && cycles;
  const all = totals ?? NO_TOTALS;
  // The chart's rows stay the same object while their bars do (rows in view scrolled, names read
  // for other apps), so the chart is not drawn again: Recharts redraws everything it is given.
  const fresh = all.slice(0, CHART_ROWS).map(rowOf);
  const [top, setTop] = useState(fresh);
  if (!sameBars(top, fresh)) setTop(fresh);
  const minutes = all.reduce((sum, t) => sum + t.minutes, 0);
  const scope = cycleId ? `in ${cycleName.get(cycleId) ?? 'this cycle'}` : 'over all time';
  const columns: ChartColumn<Row>[] = [
    { label: labels.column, value: (r) => r.name },
    { label: 'Hours', value: (r) => formatHours(r.total.minutes), numeric: true },
    { label: 'Sessions', value: (r) => r.total.sessions, numeric: true },
  ];

  return (
    <section className="hours-view" aria-label="Hours">
      <div className="hours-controls">
        <div role="group" aria-label="Hours by" className="hours-dimensions">
          {TOTAL_DIMENSIONS.map((d) => (
            <button
              key={d}
              type="button"
              aria-pressed={d === dimension}
              className={d === dimension ? 'active' : undefined}
              onClick={() => setHours({ dimension: d })}
            >
              {DIMENSION_LABELS[d].tab}
            </button>
          ))}
        </div>
        <label className="hours-scope">
          <span>Over</span>
          <select
            name="hoursCycle"
            value={cycleId ?? ''}
            onChange={(e) => setHours({ cycleId: e.target.value || null })}
          >
            <option value="">All time</option>
            <CycleOptions cycles={cycles ?? []} />
          </select>
        </label>
      </div>
      {!ready ? (
        <p role="status" className="muted">
          Loading the hours…
        </p>
      ) : (
        <>
          <ChartCard
            title={`Hours per ${labels.one} ${scope}`}
            reading={
              top[0]
                ? `${formatHours(minutes)} h in ${all.reduce((n, t) => n + t.sessions, 0).toLocaleString('en')} sessions across ${all.length.toLocaleString('en')} ${all.length === 1 ? labels.one : labels.many}; the most: ${top[0].name}, ${formatHours(top[0].total.minutes)} h.`
                : 'No session yet.'
            }
            columns={columns}
            rows={top}
            rowKey={(r) => r.total.id}
            onOpen={(r) => open(r.total)}
            openLabel={(r) => `Open ${theSessions(r.total.sessions)} of ${r.name}`}
            empty={`No session ${scope}. Log one with Ctrl+Shift+L.`}
          >
            <HoursChart rows={top} open={open} />
          </ChartCard>
          <h3 className="hours-list-title">
            Every {labels.one} {scope}
          </h3>
          <VirtualTable
            label={`Hours per ${labels.one}, ${all.length.toLocaleString('en')} shown`}
            busy={busy}
            columns={LIST_COLUMNS}
            count={all.length}
            rowHeight={40}
            onRange={onRange}
            item={(i) => all[i] ?? null}
            itemKey={(t) => t.id}
            cells={cells}
            onOpen={(i) => all[i] && open(all[i])}
            empty={`No session ${scope}.`}
          />
          <p className="muted pairing-keys">On a row, Enter opens its sessions.</p>
        </>
      )}
    </section>
  );
}

const NO_TOTALS: PairingTotal[] = [];

/** A name as a cell shows it: `deleted` for one that no longer exists, "…" while it is read. */
const shownName = (name: string | null | undefined, deleted: string) =>
  name ?? (name === null ? deleted : '…');

/** The same bars: entities, names, hours and sessions (the chart's table shows them). */
function sameBars(a: readonly Row[], b: readonly Row[]): boolean {
  return (
    a.length === b.length &&
    a.every(
      (r, i) =>
        r.total.id === b[i]!.total.id &&
        r.name === b[i]!.name &&
        r.total.minutes === b[i]!.total.minutes &&
        r.total.sessions === b[i]!.total.sessions,
    )
  );
}

/** The bars of the most hours; a bar opens its sessions. Drawn again only when its rows change. */
const HoursChart = memo(function HoursChart({ rows, open }: { rows: Row[]; open(t: PairingTotal): void }) {
  return (
    <ResponsiveContainer width="100%" height={Math.max(140, rows.length * 30 + 40)}>
      <BarChart data={rows} layout="vertical" margin={{ top: 4, right: 24, bottom: 4, left: 8 }}>
        <CartesianGrid horizontal={false} stroke="var(--border)" />
        {/* Every tick drawn (a handful of hours): Recharts then measures no label text to thin them. */}
        <XAxis type="number" tick={{ fill: 'var(--text-muted)', fontSize: 12 }} unit=" h" interval={0} />
        <YAxis
          type="category"
          dataKey="name"
          width={180}
          tick={{ fill: 'var(--text)', fontSize: 12 }}
          interval={0}
        />
        <Tooltip
          cursor={{ fill: 'var(--surface-2)' }}
          formatter={(value) => [`${String(value)} h`, 'Hours']}
          contentStyle={{ background: 'var(--surface)', border: '1px solid var(--border)' }}
        />
        <Bar
          dataKey="hours"
          fill="var(--series-1)"
          cursor="pointer"
          isAnimationActive={false}
          onClick={(entry) => open((entry as unknown as { payload: Row }).payload.total)}
        />
      </BarChart>
    </ResponsiveContainer>
  );
});
