/**
 * A small bar chart drawn as plain SVG: a few categories along the x axis, one bar per series in
 * each (side by side, or stacked), a y axis with round ticks and dashed grid lines. It looks like
 * the app's Recharts bar charts (the same axes, colours and hover band) at a fraction of their cost:
 * nothing is measured and nothing is drawn twice. The plot is laid out in percentages of the SVG
 * and px (see `box`), so the chart fills its box at any size without reading the layout.
 *
 * Every bar is a button: it has an accessible name and a title (the tooltip), it is in one tab stop
 * with the arrow keys moving between bars (useRovingFocus), and a click, Enter or Space opens the
 * records it counts. Bars of 0 (or of no value) are not drawn, as they have nothing to open.
 */
import { memo, type CSSProperties, type KeyboardEvent, type ReactNode } from 'react';
import { useRovingFocus } from '../use-roving-focus';
import './svg-chart.css';
import './bar-chart-svg.css';

export interface BarSeries {
  key: string;
  /** The series' name, in the bar's title. */
  name: string;
  /** Its fill: a colour or a CSS variable. */
  color: string;
}

export interface BarChartSvgProps {
  /** The accessible name of the whole chart (the bars' group). */
  label: string;
  /** The x axis' categories, in order. */
  categories: readonly string[];
  series: readonly BarSeries[];
  /** values[category][series]; null for no value. */
  values: readonly (readonly (number | null)[])[];
  /** Bars of one category side by side, or stacked in the order of `series` from the bottom. */
  layout: 'grouped' | 'stacked';
  /** The y ticks' unit, after the number (" d"). */
  unit?: string;
  /** Each bar's accessible name and title, e.g. "12 blockers of People & Culture open 31–90 days". */
  describe: (category: number, series: number, value: number) => string;
  /** Opens the records a bar counts. */
  onOpen: (category: number, series: number) => void;
}

/** Room around the plot for the axes, in px (the same as the Recharts bar charts it replaces). */
const PLOT = { top: 8, right: 8, bottom: 30, left: 44 };
/** Each category's band keeps 10% on each side empty; grouped bars are 4% of the band apart. */
const BAND_GAP = 0.1;
const BAR_GAP = 0.04;
const TICK = 6;

/**
 * Round y ticks from 0 covering `max`: about `count` of them, a step of 1, 2, 2.5 or 5 times a power
 * of ten (whole numbers only when `allowDecimals` is false).
 */
export function niceTicks(max: number, count = 5, allowDecimals = false): number[] {
  if (!(max > 0)) return [0, 1];
  const rough = max / (count - 1);
  const magnitude = 10 ** Math.floor(Math.log10(rough));
  let step = 10 * magnitude;
  for (const m of [1, 2, 2.5, 5, 10]) {
    const candidate = m * magnitude;
    if (!allowDecimals && !Number.isInteger(candidate)) continue;
    if (candidate * (count - 1) >= max) {
      step = candidate;
      break;
    }
  }
  if (!allowDecimals) step = Math.max(1, Math.round(step));
  const top = Math.ceil(max / step - 1e-9) * step;
  const ticks: number[] = [];
  for (let i = 0; i * step <= top + 1e-9; i++) ticks.push(Math.round(i * step * 1e6) / 1e6);
  return ticks;
}

const pct = (fraction: number) => `${+(fraction * 100).toFixed(4)}%`;
const barKey = (category: number, series: number) => `${category}:${series}`;

/*
 * Where things go: fractions of the plot (x from its left, y from its top), the plot being the
 * SVG's box less PLOT's margins in px. An SVG attribute takes a percentage or a length, not both,
 * so a point is put at its percentage of the whole SVG and moved by the px that make up the
 * difference (a transform); a box, whose size a transform cannot make, is placed and sized in CSS
 * with calc() (SVG 2: a rect's x, y, width and height are CSS properties).
 */
const WIDE = PLOT.left + PLOT.right;
const TALL = PLOT.top + PLOT.bottom;
const px = (n: number) => +n.toFixed(3);
/** The px that move a point at `x` (`y`) percent of the SVG to `x` (`y`) of the plot. */
const shiftX = (x: number) => px(PLOT.left - x * WIDE);
const shiftY = (y: number) => px(PLOT.top - y * TALL);
const along = (fraction: number, margins: number, offset: number) =>
  `calc(${pct(fraction)} + ${px(offset - fraction * margins)}px)`;

/** A rectangle of the plot (fractions), as CSS geometry. */
function box(x: number, y: number, width: number, height: number): CSSProperties {
  return {
    x: along(x, WIDE, PLOT.left),
    y: along(y, TALL, PLOT.top),
    width: along(width, WIDE, 0),
    height: along(height, TALL, 0),
  } as CSSProperties;
}

/** A horizontal line at `y` of the plot: across it, or from `from` to `to` px off its left edge. */
function HLine({ y, from, to }: { y: number; from?: number; to?: number }) {
  return from === undefined || to === undefined ? (
    <line x1={WIDE} x2="100%" y1={pct(y)} y2={pct(y)} transform={`translate(${-PLOT.right} ${shiftY(y)})`} />
  ) : (
    <line
      x1={PLOT.left + from}
      x2={PLOT.left + to}
      y1={pct(y)}
      y2={pct(y)}
      transform={`translate(0 ${shiftY(y)})`}
    />
  );
}

/** Text at (`x`, `y`) of the plot, moved by `dx`, `dy` px. */
function Text({
  x,
  y,
  dx = 0,
  dy = 0,
  baseline,
  anchor,
  children,
}: {
  x: number;
  y: number;
  dx?: number;
  dy?: number;
  baseline: string;
  anchor: 'start' | 'middle' | 'end';
  children: ReactNode;
}) {
  return (
    <text
      x={pct(x)}
      y={pct(y)}
      dy={baseline}
      textAnchor={anchor}
      transform={`translate(${px(shiftX(x) + dx)} ${px(shiftY(y) + dy)})`}
    >
      {children}
    </text>
  );
}

interface Bar {
  key: string;
  category: number;
  series: number;
  value: number;
  x: number;
  width: number;
  /** Top and height, as fractions of the plot's height. */
  y: number;
  height: number;
}

function barsOf({ categories, series, values, layout }: BarChartSvgProps, top: number): Bar[] {
  const band = 1 / Math.max(1, categories.length);
  const inner = band * (1 - 2 * BAND_GAP);
  const n = series.length;
  const width = layout === 'stacked' ? inner : (inner - band * BAR_GAP * (n - 1)) / n;
  const bars: Bar[] = [];
  categories.forEach((_, c) => {
    let base = 0;
    series.forEach((_, s) => {
      const value = values[c]?.[s] ?? null;
      if (value === null || !(value > 0)) return;
      const x = c * band + band * BAND_GAP + (layout === 'stacked' ? 0 : s * (width + band * BAR_GAP));
      const from = layout === 'stacked' ? base : 0;
      base = from + value;
      bars.push({
        key: barKey(c, s),
        category: c,
        series: s,
        value,
        x,
        width,
        y: 1 - (from + value) / top,
        height: value / top,
      });
    });
  });
  return bars;
}

export const BarChartSvg = memo(function BarChartSvg(props: BarChartSvgProps) {
  const { label, categories, series, values, layout, unit = '', describe, onOpen } = props;
  const max = Math.max(
    0,
    ...values.map((row) =>
      layout === 'stacked'
        ? row.reduce<number>((sum, v) => sum + Math.max(0, v ?? 0), 0)
        : Math.max(0, ...row.map((v) => v ?? 0)),
    ),
  );
  const ticks = niceTicks(max);
  const top = ticks.at(-1)!;
  const bars = barsOf(props, top);
  const roving = useRovingFocus(
    bars.map((b) => b.key),
    { previous: ['ArrowLeft', 'ArrowDown'], next: ['ArrowRight', 'ArrowUp'] },
  );
  const band = 1 / Math.max(1, categories.length);

  const onKeyDown = (event: KeyboardEvent, bar: Bar) => {
    if (event.key === 'Enter' || event.key === ' ') {
      event.preventDefault();
      onOpen(bar.category, bar.series);
    } else roving.onKeyDown(event, bar.key);
  };

  return (
    <svg className="bar-chart-svg" width="100%" height="100%">
      <g className="bar-chart-grid" aria-hidden="true">
        {ticks.map((t) => (
          <HLine key={t} y={1 - t / top} />
        ))}
      </g>
      <g role="group" aria-label={label}>
        {categories.map((name, c) => (
          <g key={name} className="bar-chart-band">
            <rect className="bar-chart-hover" style={box(c * band, 0, band, 1)} aria-hidden="true" />
            {bars
              .filter((b) => b.category === c)
              .map((b) => {
                const text = describe(b.category, b.series, b.value);
                return (
                  <rect
                    key={b.key}
                    className="bar-chart-bar"
                    style={box(b.x, b.y, b.width, b.height)}
                    fill={series[b.series]!.color}
                    role="button"
                    aria-label={text}
                    {...roving.itemProps(b.key)}
                    onKeyDown={(e) => onKeyDown(e, b)}
                    onClick={() => onOpen(b.category, b.series)}
                  >
                    <title>{text}</title>
                  </rect>
                );
              })}
          </g>
        ))}
      </g>
      <g className="bar-chart-axis" aria-hidden="true">
        <line x1={PLOT.left} x2={PLOT.left} y1={TALL} y2="100%" transform={`translate(0 ${-PLOT.bottom})`} />
        {ticks.map((t) => (
          <g key={t}>
            <HLine y={1 - t / top} from={-TICK} to={0} />
            <Text x={0} y={1 - t / top} dx={-TICK - 3} baseline="0.355em" anchor="end">
              {t.toLocaleString('en')}
              {unit}
            </Text>
          </g>
        ))}
        <HLine y={1} />
        {categories.map((name, c) => (
          <g key={name}>
            <rect
              className="bar-chart-tick"
              style={
                {
                  x: along((c + 0.5) * band, WIDE, PLOT.left - 0.5),
                  y: along(1, TALL, PLOT.top),
                  width: '1px',
                  height: `${TICK}px`,
                } as CSSProperties
              }
            />
            <Text x={(c + 0.5) * band} y={1} dy={TICK + 2} baseline="0.71em" anchor="middle">
              {name}
            </Text>
          </g>
        ))}
      </g>
    </svg>
  );
});
