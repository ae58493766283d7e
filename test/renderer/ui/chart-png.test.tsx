// @vitest-environment jsdom
/**
 * A chart's PNG carries its legend (issue 12): the legend entries are read from the HTML beside
 * the SVG (Recharts' <Legend> items, and a chart's own swatches such as the forecast's), and the
 * drawing list puts each entry's key and text under the chart, flowing onto more rows when a row
 * is full, inside the picture.
 */
import { cleanup, render } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import {
  legendEntries,
  pictureLayout,
  wrapText,
  type DrawOp,
  type LegendEntry,
  type PictureSpec,
} from '../../../renderer/ui/chart/chart-png';

afterEach(cleanup);

/** 7 px a character: a stand-in for the canvas's measureText. */
const measure = (text: string) => text.length * 7;

const texts = (ops: DrawOp[]) => ops.flatMap((op) => (op.kind === 'text' ? [op.text] : []));

function spec(legend: LegendEntry[], chartWidth = 600): PictureSpec {
  return {
    title: 'Forecast with odds',
    chartWidth,
    chartHeight: 300,
    background: 'rgb(255, 255, 255)',
    textColor: 'rgb(20, 20, 20)',
    fontFamily: 'sans-serif',
    legend,
  };
}

describe('legendEntries', () => {
  it('reads a chart’s own legend (the forecast’s list of swatches) with each key’s look', () => {
    const { container } = render(
      <div className="chart-card-chart">
        <svg width="600" height="300">
          <rect className="not-a-swatch" />
        </svg>
        <ul className="forecast-legend" aria-label="Series">
          <li>
            <span
              className="forecast-swatch actual"
              aria-hidden="true"
              style={{ borderTop: '3px solid rgb(0, 128, 128)', height: 0 }}
            />
            On the platform
          </li>
          <li>
            <span
              className="forecast-swatch median"
              aria-hidden="true"
              style={{ borderTop: '3px dashed rgb(255, 140, 0)', height: 0 }}
            />
            Forecast, 50% likely
          </li>
          <li>
            <span
              className="forecast-swatch band"
              aria-hidden="true"
              style={{ background: 'rgb(255, 140, 0)', opacity: 0.3, height: 12 }}
            />
            Fan: 95% likely above its lower edge, 5% likely above its upper edge
          </li>
        </ul>
      </div>,
    );
    expect(legendEntries(container)).toEqual([
      { text: 'On the platform', swatch: { kind: 'line', color: 'rgb(0, 128, 128)', width: 3, dash: [] } },
      {
        text: 'Forecast, 50% likely',
        swatch: { kind: 'line', color: 'rgb(255, 140, 0)', width: 3, dash: [6, 4] },
      },
      {
        text: 'Fan: 95% likely above its lower edge, 5% likely above its upper edge',
        swatch: { kind: 'box', color: 'rgb(255, 140, 0)', opacity: 0.3 },
      },
    ]);
  });

  it('reads several keys in one line, each with the text up to the next', () => {
    const { container } = render(
      <p className="vs-legend" aria-hidden="true">
        <span className="vs-swatch vs-wait" style={{ background: 'rgb(200, 100, 0)' }} /> Wait{' '}
        <span className="vs-swatch vs-process" style={{ background: 'rgb(0, 100, 200)' }} /> Process
      </p>,
    );
    expect(legendEntries(container)).toEqual([
      { text: 'Wait', swatch: { kind: 'box', color: 'rgb(200, 100, 0)', opacity: 1 } },
      { text: 'Process', swatch: { kind: 'box', color: 'rgb(0, 100, 200)', opacity: 1 } },
    ]);
  });

  it('reads Recharts’ legend items: a line series as a stroke, a bar series as a box', () => {
    const { container } = render(
      <div className="recharts-legend-wrapper">
        <ul className="recharts-default-legend">
          <li className="recharts-legend-item legend-item-0">
            <svg className="recharts-surface" width="14" height="14">
              <path className="recharts-legend-icon" fill="none" stroke="rgb(1, 2, 3)" strokeWidth={4} />
            </svg>
            <span className="recharts-legend-item-text">Plan</span>
          </li>
          <li className="recharts-legend-item legend-item-1">
            <svg className="recharts-surface" width="14" height="14">
              <path className="recharts-legend-icon" fill="rgb(4, 5, 6)" stroke="none" />
            </svg>
            <span className="recharts-legend-item-text">People &amp; Culture</span>
          </li>
        </ul>
      </div>,
    );
    expect(legendEntries(container)).toEqual([
      { text: 'Plan', swatch: { kind: 'line', color: 'rgb(1, 2, 3)', width: 3, dash: [] } },
      { text: 'People & Culture', swatch: { kind: 'box', color: 'rgb(4, 5, 6)', opacity: 1 } },
    ]);
  });

  it('finds nothing in a chart without a legend, nor in swatch-named elements holding text', () => {
    const { container } = render(
      <div>
        <svg width="10" height="10" />
        <span className="swatch-note">Not a key</span>
      </div>,
    );
    expect(legendEntries(container)).toEqual([]);
  });
});

describe('pictureLayout', () => {
  const line = { kind: 'line', color: 'rgb(0, 128, 128)', width: 3, dash: [] } as const;
  const box = { kind: 'box', color: 'rgb(255, 140, 0)', opacity: 0.3 } as const;

  it('draws the title, the chart, then every legend entry’s key and text under the chart', () => {
    const legend: LegendEntry[] = [
      { text: 'On the platform', swatch: line },
      { text: 'Forecast, 50% likely', swatch: { ...line, dash: [6, 4] } },
      { text: 'Fan: 95% likely above its lower edge', swatch: box },
    ];
    const layout = pictureLayout(spec(legend), measure);
    expect(texts(layout.ops)).toEqual([
      'Forecast with odds',
      'On the platform',
      'Forecast, 50% likely',
      'Fan: 95% likely above its lower edge',
    ]);
    const chart = layout.ops.find((op) => op.kind === 'chart')!;
    const legendTexts = layout.ops.filter((op) => op.kind === 'text').slice(1);
    for (const op of legendTexts) {
      expect(op.y).toBeGreaterThan(chart.y + chart.height);
      expect(op.y).toBeLessThan(layout.height);
    }
    // Each entry's key: a dashed line for the forecast, a translucent box for the fan.
    expect(layout.ops.filter((op) => op.kind === 'line').map((op) => op.dash)).toEqual([[], [6, 4]]);
    expect(layout.ops.filter((op) => op.kind === 'fill')).toEqual([
      expect.objectContaining({ color: 'rgb(255, 140, 0)', opacity: 0.3 }),
    ]);
  });

  it('flows entries onto a new row when the row is full, and keeps them inside the picture', () => {
    const legend = Array.from({ length: 6 }, (_, i) => ({ text: `Series number ${i + 1}`, swatch: box }));
    const narrow = pictureLayout(spec(legend, 300), measure);
    const wide = pictureLayout(spec(legend, 1200), measure);
    const rows = (ops: DrawOp[]) =>
      new Set(ops.flatMap((op) => (op.kind === 'text' && op.baseline === 'middle' ? [op.y] : []))).size;
    expect(rows(wide.ops)).toBe(1);
    expect(rows(narrow.ops)).toBeGreaterThan(2);
    expect(narrow.height).toBeGreaterThan(wide.height);
    for (const op of narrow.ops) {
      if (op.kind === 'text') expect(op.x + measure(op.text)).toBeLessThanOrEqual(300 + 16);
    }
  });

  it('wraps an entry too long for a row, word by word, without losing a word', () => {
    const text = 'Fan: 95% likely above its lower edge, 5% likely above its upper edge';
    const layout = pictureLayout(spec([{ text, swatch: box }], 200), measure);
    const lines = texts(layout.ops).slice(1);
    expect(lines.length).toBeGreaterThan(1);
    expect(lines.join(' ')).toBe(text);
  });

  it('leaves no room for a legend when the chart has none', () => {
    const layout = pictureLayout(spec([]), measure);
    const chart = layout.ops.find((op) => op.kind === 'chart')!;
    expect(texts(layout.ops)).toEqual(['Forecast with odds']);
    expect(layout.height).toBe(chart.y + chart.height + 16);
  });
});

describe('wrapText', () => {
  it('keeps words whole and a word wider than the line alone', () => {
    expect(wrapText('aa bb cc', 35, '', measure)).toEqual(['aa bb', 'cc']);
    expect(wrapText('averyveryverylongword x', 35, '', measure)).toEqual(['averyveryverylongword', 'x']);
    expect(wrapText('', 35, '', measure)).toEqual([]);
  });
});
