/**
 * The self-assessment across cycles: the radar of the cycle shown against the two scored cycles
 * before it, the points that fell (and rose) since the previous scored cycle with the notes given,
 * and the mean score per cycle. Each table row opens that cycle's assessment.
 */
import {
  CartesianGrid,
  Legend,
  Line,
  LineChart,
  PolarAngleAxis,
  PolarGrid,
  PolarRadiusAxis,
  Radar,
  RadarChart,
  ResponsiveContainer,
  Tooltip,
  XAxis,
  YAxis,
} from 'recharts';
import {
  assessmentReading,
  cycleLabel,
  DX_POINTS,
  pointChanges,
  radarRows,
  type RadarRow,
  type ScoredCycle,
} from '../../../shared/domain';
import { shortCycleLabel } from '../../../shared/domain/adoption';
import { useUi } from '../../store/ui';
import { ChartCard } from '../../ui/chart/ChartCard';
import { TOOLTIP_STYLE } from '../../ui/chart/chart-style';

/** Oldest to newest: the cycle shown is drawn last, in the strongest colour. */
const SERIES = ['var(--series-7)', 'var(--series-2)', 'var(--series-1)'];

export function AssessmentCharts({
  scored,
  focus,
  focusPrevious,
  focusIsShown,
}: {
  /** The scored cycles up to the one shown, oldest first. */
  scored: readonly ScoredCycle[];
  /** The cycle the charts tell: the one shown when scored, else the latest scored before it. */
  focus: ScoredCycle | undefined;
  /** The scored cycle before the focus. */
  focusPrevious: ScoredCycle | undefined;
  /** Whether the focus is the cycle shown in the form (else the form's cycle is not scored yet). */
  focusIsShown: boolean;
}) {
  const navigate = useUi((s) => s.navigate);
  const current = focus;
  const previous = focusPrevious;
  const upToFocus = focus ? scored.slice(0, scored.indexOf(focus) + 1) : [];
  const drawn = upToFocus.slice(-3);
  const rows = radarRows(drawn);
  const { fell, rose } = pointChanges(previous?.scores, current?.scores);
  const notes = current?.scores;
  const short = (c: ScoredCycle['cycle']) => shortCycleLabel(c);

  return (
    <div className="dx-charts">
      <ChartCard<RadarRow>
        title="The fifteen points across cycles"
        reading={
          (focus && !focusIsShown ? 'This cycle is not scored yet. ' : '') +
          assessmentReading(current, previous, short)
        }
        columns={[
          { label: 'Point', value: (r) => `${r.point}. ${r.text}` },
          ...drawn.map((c) => ({
            label: short(c.cycle),
            value: (r: RadarRow) => (r[c.cycle.id] === null ? '—' : (r[c.cycle.id] as number)),
            numeric: true,
          })),
        ]}
        rows={drawn.length ? rows : []}
        rowKey={(r) => String(r.point)}
        empty="No cycle has been scored yet: score the points on the left and save."
      >
        <ResponsiveContainer width="100%" height={360}>
          <RadarChart data={rows} outerRadius="68%" margin={{ top: 8, right: 24, bottom: 8, left: 24 }}>
            <PolarGrid stroke="var(--border)" />
            <PolarAngleAxis dataKey="short" tick={{ fill: 'var(--text-muted)', fontSize: 11 }} />
            <PolarRadiusAxis
              domain={[0, 5]}
              tickCount={6}
              angle={90}
              tick={{ fill: 'var(--text-muted)', fontSize: 10 }}
            />
            {drawn.map((c, i) => {
              const colour = SERIES[SERIES.length - drawn.length + i] ?? 'var(--series-1)';
              const last = i === drawn.length - 1;
              return (
                <Radar
                  key={c.cycle.id}
                  name={cycleLabel(c.cycle)}
                  dataKey={c.cycle.id}
                  stroke={colour}
                  fill={colour}
                  fillOpacity={last ? 0.25 : 0.05}
                  strokeWidth={last ? 2 : 1}
                  isAnimationActive={false}
                />
              );
            })}
            <Tooltip contentStyle={TOOLTIP_STYLE} />
            <Legend wrapperStyle={{ color: 'var(--text-muted)', fontSize: 12 }} />
          </RadarChart>
        </ResponsiveContainer>
      </ChartCard>

      <section className="card dx-changes" aria-labelledby="dx-changes-title">
        <h3 id="dx-changes-title">
          {current && previous
            ? `${shortCycleLabel(current.cycle)} since ${shortCycleLabel(previous.cycle)}`
            : 'Changes since the previous cycle'}
        </h3>
        {!current || !previous ? (
          <p className="muted">
            {current
              ? `${cycleLabel(current.cycle)} is the first cycle scored: the next one will be compared with it.`
              : 'Score this cycle to see which points fell or rose since the previous one.'}
          </p>
        ) : fell.length === 0 && rose.length === 0 ? (
          <p className="muted">Every point scored in both cycles kept its score.</p>
        ) : (
          <>
            <h4 className="dx-fell">
              {fell.length === 0
                ? 'No point fell'
                : `${fell.length} ${fell.length === 1 ? 'point' : 'points'} fell`}
            </h4>
            {fell.length > 0 && (
              <ul className="dx-change-list">
                {fell.map((c) => (
                  <li key={c.point}>
                    <strong>
                      {c.point}. {c.text}
                    </strong>{' '}
                    <span className="dx-fell">
                      {c.before} → {c.after}
                    </span>
                    {notes?.get(c.point)?.note && (
                      <span className="dx-change-note muted">{notes.get(c.point)!.note}</span>
                    )}
                  </li>
                ))}
              </ul>
            )}
            {rose.length > 0 && (
              <>
                <h4 className="dx-rose">
                  {rose.length} {rose.length === 1 ? 'point' : 'points'} rose
                </h4>
                <ul className="dx-change-list">
                  {rose.map((c) => (
                    <li key={c.point}>
                      {c.point}. {c.text}{' '}
                      <span className="dx-rose">
                        {c.before} → {c.after}
                      </span>
                    </li>
                  ))}
                </ul>
              </>
            )}
          </>
        )}
      </section>

      <ChartCard<ScoredCycle>
        title="Mean score per cycle"
        reading={
          scored.length < 2
            ? scored.length === 1
              ? `${cycleLabel(scored[0]!.cycle)} averages ${scored[0]!.mean.toFixed(1)} of 5.`
              : 'No cycle has been scored yet.'
            : `From ${scored[0]!.mean.toFixed(1)} in ${short(scored[0]!.cycle)} to ${scored.at(-1)!.mean.toFixed(1)} in ${short(scored.at(-1)!.cycle)}, of 5.`
        }
        columns={[
          { label: 'Cycle', value: (c) => cycleLabel(c.cycle) },
          { label: 'Mean', value: (c) => c.mean.toFixed(1), numeric: true },
          { label: 'Points scored', value: (c) => `${c.scores.size} of ${DX_POINTS.length}`, numeric: true },
        ]}
        rows={scored}
        rowKey={(c) => c.cycle.id}
        onOpen={(c) => navigate(`dx/${c.cycle.id}`)}
        openLabel={(c) => `Open the self-assessment of ${cycleLabel(c.cycle)}`}
        empty="No cycle has been scored yet."
      >
        <ResponsiveContainer width="100%" height={200}>
          <LineChart
            data={scored.map((c) => ({
              label: short(c.cycle),
              mean: Math.round(c.mean * 10) / 10,
              id: c.cycle.id,
            }))}
            margin={{ top: 8, right: 12, bottom: 0, left: -16 }}
            style={{ cursor: 'pointer' }}
            onClick={(state) => {
              const index = Number(state?.activeTooltipIndex);
              const c = Number.isInteger(index) ? scored[index] : undefined;
              if (c) navigate(`dx/${c.cycle.id}`);
            }}
          >
            <CartesianGrid strokeDasharray="3 3" stroke="var(--border)" vertical={false} />
            <XAxis dataKey="label" tick={{ fill: 'var(--text-muted)', fontSize: 12 }} minTickGap={8} />
            <YAxis domain={[1, 5]} tickCount={5} tick={{ fill: 'var(--text-muted)', fontSize: 12 }} />
            <Tooltip contentStyle={TOOLTIP_STYLE} />
            <Line
              dataKey="mean"
              name="Mean score"
              stroke="var(--series-1)"
              strokeWidth={2}
              dot={{ r: 3 }}
              isAnimationActive={false}
            />
          </LineChart>
        </ResponsiveContainer>
      </ChartCard>
    </div>
  );
}
