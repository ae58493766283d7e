/**
 * A line chart over many points (a decade month by month) drawn as plain SVG: one path per series
 * (straight, or in steps that hold each value until the next point), a y axis with round ticks and
 * dashed grid lines, dated ticks along the x axis. It looks like the app's Recharts line charts at
 * a fraction of their cost: nothing is measured, nothing is drawn twice, and a series is one path
 * however many points it has.
 *
 * The SVG is `height` px high and as wide as its box: across, everything is placed in percentages
 * (the margins too); the lines are drawn in an inner SVG whose viewBox is the data (point index ×
 * value), stretched to the plot, their strokes kept 2 px wide.
 *
 * Hovering shows the nearest point's values in a tooltip, over a cursor line; a click opens the
 * records of that point. The plot is one tab stop: ← → (Home, End) move between points, showing
 * each, and Enter or Space opens it.
 */
import { memo, useState, type KeyboardEvent, type MouseEvent } from 'react';
import { TOOLTIP_STYLE } from './chart-style';
import { niceTicks } from './BarChartSvg';
import './svg-chart.css';
import './line-chart-svg.css';

export interface LineSeries {
  key: string;
  name: string;
  color: string;
}

export interface LineChartSvgProps {
  /** The accessible name of the plot (what it shows, what a key does). */
  label: string;
  /** The SVG's height in px (the plot and the axes). */
  height: number;
  /** How many points along the x axis. */
  points: number;
  series: readonly LineSeries[];
  /** values[point][series]. */
  values: readonly (readonly number[])[];
  /** Hold each value until the next point (a count that changes on a day), or join them straight. */
  step?: boolean;
  /** A point's short name under the axis ("Aug 25"). */
  tick: (point: number) => string;
  /** A point's name in the tooltip ("31 Aug 2025"). */
  title: (point: number) => string;
  /** What opening a point lists, read out while it is the active point. */
  openLabel: (point: number) => string;
  /** Opens a point's records. */
  onOpen: (point: number) => void;
}

/** Room for the axes: across, in % of the width; up and down, in px. */
const LEFT = 6;
const RIGHT = 1.5;
const TOP = 8;
const BOTTOM = 30;
const TICK = 6;
/** At most this many dated ticks along the x axis (1024 px wide: each about 60 px apart). */
const MAX_TICKS = 12;

const pct = (n: number) => `${+n.toFixed(4)}%`;

/** The points that get a tick: the last one, and every k-th before it. */
function tickPoints(points: number): number[] {
  const every = Math.max(1, Math.ceil(points / MAX_TICKS));
  const out: number[] = [];
  for (let i = points - 1; i >= 0; i -= every) out.unshift(i);
  return out;
}

/** A series' path in data units (x: point index, y: top − value), straight or in steps. */
function pathOf(values: readonly (readonly number[])[], s: number, top: number, step: boolean): string {
  let d = '';
  values.forEach((row, i) => {
    const y = top - (row[s] ?? 0);
    d += i === 0 ? `M0 ${y}` : step ? `H${i}V${y}` : `L${i} ${y}`;
  });
  return d;
}

export const LineChartSvg = memo(function LineChartSvg({
  label,
  height,
  points,
  series,
  values,
  step = false,
  tick,
  title,
  openLabel,
  onOpen,
}: LineChartSvgProps) {
  const [chosen, setActive] = useState<number | null>(null);
  // A point chosen before the points changed (another step) may be gone.
  const active = chosen !== null && chosen < points ? chosen : null;
  let max = 0;
  for (const row of values) for (const v of row) if (v > max) max = v;
  const ticks = niceTicks(max);
  const top = ticks.at(-1)!;
  const plot = height - TOP - BOTTOM;
  const width = 100 - LEFT - RIGHT;
  /** Across, in % of the SVG: point i. */
  const xOf = (i: number) => LEFT + (points > 1 ? (i / (points - 1)) * width : width / 2);
  const yOf = (v: number) => TOP + plot * (1 - v / top);
  const last = points - 1;

  const pointAt = (event: MouseEvent<SVGRectElement>) => {
    const box = event.currentTarget.getBoundingClientRect();
    const fraction = box.width > 0 ? (event.clientX - box.left) / box.width : 0;
    return Math.min(last, Math.max(0, Math.round(fraction * last)));
  };
  const onKeyDown = (event: KeyboardEvent) => {
    const from = active ?? last;
    const to =
      event.key === 'ArrowLeft'
        ? from - 1
        : event.key === 'ArrowRight'
          ? from + 1
          : event.key === 'Home'
            ? 0
            : event.key === 'End'
              ? last
              : null;
    if (to !== null) {
      event.preventDefault();
      setActive(Math.min(last, Math.max(0, to)));
    } else if (event.key === 'Enter' || event.key === ' ') {
      event.preventDefault();
      onOpen(from);
    }
  };

  return (
    <div className="line-chart-svg-box">
      <svg className="line-chart-svg" width="100%" height={height}>
        <g className="line-chart-grid" aria-hidden="true">
          {ticks.map((t) => (
            <line key={t} x1={pct(LEFT)} x2={pct(100 - RIGHT)} y1={yOf(t)} y2={yOf(t)} />
          ))}
        </g>
        <g className="line-chart-axis" aria-hidden="true">
          <line x1={pct(LEFT)} x2={pct(LEFT)} y1={TOP} y2={TOP + plot} />
          {ticks.map((t) => (
            <g key={t}>
              <rect
                className="line-chart-tick"
                x={pct(LEFT)}
                y={yOf(t) - 0.5}
                width={TICK}
                height={1}
                transform={`translate(${-TICK} 0)`}
              />
              <text x={pct(LEFT)} y={yOf(t)} dx={-TICK - 3} dy="0.355em" textAnchor="end">
                {t.toLocaleString('en')}
              </text>
            </g>
          ))}
          <line x1={pct(LEFT)} x2={pct(100 - RIGHT)} y1={TOP + plot} y2={TOP + plot} />
          {tickPoints(points).map((i) => (
            <g key={i}>
              <line x1={pct(xOf(i))} x2={pct(xOf(i))} y1={TOP + plot} y2={TOP + plot + TICK} />
              <text x={pct(xOf(i))} y={TOP + plot + TICK + 2} dy="0.71em" textAnchor="middle">
                {tick(i)}
              </text>
            </g>
          ))}
        </g>
        {active !== null && (
          <line
            className="line-chart-cursor"
            x1={pct(xOf(active))}
            x2={pct(xOf(active))}
            y1={TOP}
            y2={TOP + plot}
          />
        )}
        <svg
          x={pct(LEFT)}
          y={TOP}
          width={pct(width)}
          height={plot}
          viewBox={`0 0 ${Math.max(1, last)} ${top}`}
          preserveAspectRatio="none"
          overflow="visible"
          aria-hidden="true"
        >
          {series.map((s, i) => (
            <path
              key={s.key}
              d={pathOf(values, i, top, step)}
              fill="none"
              stroke={s.color}
              strokeWidth={2}
              vectorEffect="non-scaling-stroke"
            />
          ))}
        </svg>
        <rect
          className="line-chart-hit"
          x={pct(LEFT)}
          y={TOP}
          width={pct(width)}
          height={plot}
          tabIndex={0}
          role="button"
          aria-label={`${label}${active === null ? '' : `. ${openLabel(active)}`}`}
          onMouseMove={(e) => setActive(pointAt(e))}
          onMouseLeave={() => setActive(null)}
          onBlur={() => setActive(null)}
          onClick={(e) => onOpen(pointAt(e))}
          onKeyDown={onKeyDown}
        />
      </svg>
      {active !== null && (
        <div
          className="line-chart-tooltip"
          role="presentation"
          style={{
            ...TOOLTIP_STYLE,
            left: pct(xOf(active)),
            top: TOP,
            transform: xOf(active) > 60 ? 'translateX(calc(-100% - 12px))' : 'translateX(12px)',
          }}
        >
          <p className="line-chart-tooltip-title">{title(active)}</p>
          <ul>
            {series.map((s, i) => (
              <li key={s.key} style={{ color: s.color }}>
                {s.name} : {(values[active]?.[i] ?? 0).toLocaleString('en')}
              </li>
            ))}
          </ul>
        </div>
      )}
    </div>
  );
});
