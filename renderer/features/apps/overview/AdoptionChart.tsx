/**
 * The adoption chart drawn from a computed series: cumulative apps at each step (selected, hello
 * world, on the platform), the plan, the program's target, the cycles shaded by phase, and — when
 * given — the forecast as a fan. Time runs on a numeric day axis, so the cycles, "as of" and the
 * fan beyond the range sit on their true days. No chart draws more than MAX_CHART_POINTS points
 * (downsample); nothing is animated. A click on the chart opens the apps behind the
 * nearest point; the table (ChartCard) does the same from the keyboard.
 */
import {
  Area,
  CartesianGrid,
  ComposedChart,
  Legend,
  Line,
  ReferenceLine,
  ResponsiveContainer,
  Tooltip,
  XAxis,
  YAxis,
  usePlotArea,
  useXAxisScale,
} from 'recharts';
import { downsample, type AdoptionPoint, type CycleBand } from '../../../../shared/domain/adoption';
import {
  formatIsoDate,
  isoDayNumber,
  isoOfDay,
  type Granularity,
  type IsoDate,
} from '../../../../shared/domain';
import { TOOLTIP_STYLE } from '../../../ui/chart/chart-style';

/**
 * The forecast drawn as a fan: a subset of shared/domain/forecast.ts's Forecast (its `target`,
 * the 50/85/95 % `dates` and the weekly `fan` of percentiles), so a forecast result passes as it
 * is. The overview passes none until the forecast is wired in.
 */
export interface AdoptionForecastFan {
  target: number;
  dates: readonly { likelihood: number; date: IsoDate | null }[];
  fan: readonly { date: IsoDate; p5: number; p15: number; p50: number; p85: number; p95: number }[];
}

/**
 * No animation: long series stay fast, and a chart is complete the moment it is drawn (the
 * printed report and screenshots never catch a line half-way).
 */
const ANIMATE = false;

const TICK = { fill: 'var(--text-muted)', fontSize: 12 };

function day(value: IsoDate): number {
  return isoDayNumber(value) ?? 0;
}

const TICK_FORMAT: Record<Granularity, string> = {
  week: 'd MMM yy',
  month: 'MMM yy',
  quarter: 'MMM yy',
  cycle: 'MMM yy',
};

interface Drawn extends AdoptionPoint {
  t: number;
}

interface FanDrawn {
  t: number;
  outer: [number, number];
  inner: [number, number];
  p50: number;
}

export function AdoptionChart({
  series,
  bands,
  from,
  to,
  asOf,
  granularity,
  target,
  forecast,
  onOpenPoint,
  height = 280,
}: {
  series: readonly AdoptionPoint[];
  bands: readonly CycleBand[];
  from: IsoDate;
  to: IsoDate;
  asOf: IsoDate;
  granularity: Granularity;
  /** The program's target apps, drawn as a line. */
  target: number;
  /** The forecast fan, when there is one: see AdoptionForecastFan. */
  forecast?: AdoptionForecastFan | null;
  /** Opens the apps behind a drawn point. */
  onOpenPoint: (point: AdoptionPoint) => void;
  height?: number;
}) {
  const data: Drawn[] = downsample(series).map((p) => ({ ...p, t: day(p.date) }));
  const fanEnd = forecast?.dates.reduce<IsoDate | null>(
    (end, d) => (d.date && (!end || d.date > end) ? d.date : end),
    null,
  );
  const fan: FanDrawn[] = forecast
    ? downsample(forecast.fan.filter((p) => !fanEnd || p.date <= fanEnd)).map((p) => ({
        t: day(p.date),
        outer: [p.p5, p.p95],
        inner: [p.p15, p.p85],
        p50: p.p50,
      }))
    : [];
  const start = day(from);
  const end = Math.max(day(to), fan.at(-1)?.t ?? 0);
  const labelBands = bands.length <= 12;

  return (
    <ResponsiveContainer width="100%" height={height}>
      <ComposedChart
        data={data}
        margin={{ top: 16, right: 16, bottom: 0, left: 0 }}
        onClick={(state) => {
          const index = Number(state?.activeIndex);
          const point = Number.isInteger(index) ? data[index] : undefined;
          if (point && point.production !== null) onOpenPoint(point);
        }}
      >
        <CycleBands bands={bands} label={labelBands} />
        <CartesianGrid strokeDasharray="3 3" stroke="var(--border)" vertical={false} />
        <XAxis
          dataKey="t"
          type="number"
          domain={[start, end]}
          allowDataOverflow
          tickFormatter={(t: number) => formatIsoDate(isoOfDay(t), TICK_FORMAT[granularity])}
          tick={TICK}
          minTickGap={28}
          tickCount={8}
        />
        <YAxis allowDecimals={false} tick={TICK} width="auto" />
        <Tooltip
          contentStyle={TOOLTIP_STYLE}
          labelFormatter={(t) => formatIsoDate(isoOfDay(Number(t)))}
          formatter={(value) => (Array.isArray(value) ? value.join('–') : value)}
        />
        <Legend wrapperStyle={{ fontSize: 12 }} />
        {forecast && (
          <>
            <Area
              data={fan}
              dataKey="outer"
              name="Forecast, 5–95 %"
              stroke="none"
              fill="var(--series-4)"
              fillOpacity={0.15}
              isAnimationActive={false}
            />
            <Area
              data={fan}
              dataKey="inner"
              name="Forecast, 15–85 %"
              stroke="none"
              fill="var(--series-4)"
              fillOpacity={0.3}
              isAnimationActive={false}
            />
            <Line
              data={fan}
              dataKey="p50"
              name="Forecast, median"
              stroke="var(--series-4)"
              strokeDasharray="2 3"
              dot={false}
              isAnimationActive={false}
            />
          </>
        )}
        <Area
          type="linear"
          dataKey="production"
          name="On the platform"
          stroke="var(--series-1)"
          strokeWidth={2}
          fill="var(--series-1)"
          fillOpacity={0.18}
          isAnimationActive={ANIMATE}
          dot={false}
        />
        <Line
          type="linear"
          dataKey="helloWorld"
          name="Hello world"
          stroke="var(--series-2)"
          strokeWidth={1.5}
          dot={false}
          isAnimationActive={ANIMATE}
        />
        <Line
          type="linear"
          dataKey="selected"
          name="Selected"
          stroke="var(--series-3)"
          strokeWidth={1.5}
          dot={false}
          isAnimationActive={ANIMATE}
        />
        <Line
          type="linear"
          dataKey="planned"
          name="Plan"
          stroke="var(--text-muted)"
          strokeWidth={1.5}
          strokeDasharray="6 4"
          dot={false}
          isAnimationActive={ANIMATE}
        />
        <ReferenceLine
          y={target}
          stroke="var(--series-5)"
          strokeDasharray="2 2"
          ifOverflow="extendDomain"
          label={{
            value: `Target ${target.toLocaleString('en')}`,
            position: 'insideTopLeft',
            fill: 'var(--text-muted)',
            fontSize: 11,
          }}
        />
        {asOf < to && (
          <ReferenceLine
            x={day(asOf)}
            stroke="var(--text-muted)"
            label={{ value: 'as of', position: 'insideTopRight', fill: 'var(--text-muted)', fontSize: 11 }}
          />
        )}
      </ComposedChart>
    </ResponsiveContainer>
  );
}

/**
 * The cycles shaded by phase, alternating in strength, behind everything else: one group of
 * rectangles on the chart's day axis (Recharts' hooks give the axis' scale and the plot area)
 * rather than a ReferenceArea per cycle, whose upkeep in Recharts' store cost a few hundred
 * milliseconds on the first draw of a ten-year program. Labelled with the cycles' names when
 * there are few enough to read.
 */
function CycleBands({ bands, label }: { bands: readonly CycleBand[]; label: boolean }) {
  const x = useXAxisScale();
  const area = usePlotArea();
  if (!x || !area) return null;
  const left = area.x;
  const right = area.x + area.width;
  return (
    <g className="cycle-bands" aria-hidden="true">
      {bands.map((b, i) => {
        const x1 = Math.max(left, Math.min(right, x(day(b.start)) ?? left));
        const x2 = Math.max(left, Math.min(right, x(day(b.end) + 1) ?? right));
        if (x2 <= x1) return null;
        return (
          <g key={b.cycleId}>
            <rect
              x={x1}
              y={area.y}
              width={x2 - x1}
              height={area.height}
              fill={b.phase === 'initial' ? 'var(--phase-initial)' : 'var(--phase-scaling)'}
              fillOpacity={i % 2 === 0 ? 0.07 : 0.14}
            />
            {label && (
              <text
                x={(x1 + x2) / 2}
                y={area.y + 14}
                textAnchor="middle"
                fill="var(--text-muted)"
                fontSize={10}
              >
                {b.label}
              </text>
            )}
          </g>
        );
      })}
    </g>
  );
}
