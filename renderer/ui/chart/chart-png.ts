/**
 * A chart as a PNG picture, as it looks on screen: the chart's SVG drawn on a canvas at twice its
 * size, on the theme's card background, under the chart's title, with its legend's entries below.
 *
 * An SVG drawn as an image sees none of the page's CSS, and the charts colour their marks with
 * the theme's custom properties (`fill="var(--series-1)"`). So the SVG is cloned with every
 * element's computed paint and text style written on it first: the picture has the colours the
 * user sees, in the theme the user sees. The legend is HTML beside the SVG (Recharts' `<Legend>`,
 * or a chart's own list of swatches), so its entries are read from the page and drawn under the
 * chart with their keys: the picture says which line is which.
 */

/** Drawn at twice the size on screen, sharp on high-density displays and in slides. */
export const PNG_SCALE = 2;

/** The computed properties copied onto each cloned element: what paints the chart and its text. */
const STYLE_PROPERTIES = [
  'fill',
  'fill-opacity',
  'stroke',
  'stroke-opacity',
  'stroke-width',
  'stroke-dasharray',
  'opacity',
  'visibility',
  'display',
  'font-family',
  'font-size',
  'font-weight',
  'font-style',
  'text-anchor',
  'dominant-baseline',
  'stop-color',
  'stop-opacity',
] as const;

/** Recharts' marks of the pointer's position: drawn only while it hovers, left out of the picture. */
const HOVER_MARKS = '.recharts-tooltip-cursor, .recharts-active-dot';

/** The chart's main SVG inside `container`: the largest one (icons in a legend are small). */
export function mainSvg(container: Element): SVGSVGElement | null {
  let best: SVGSVGElement | null = null;
  let bestArea = 0;
  for (const svg of container.querySelectorAll('svg')) {
    // Nested SVGs are drawn with their parent.
    if (svg.parentElement?.closest('svg')) continue;
    const box = svg.getBoundingClientRect();
    const area = box.width * box.height;
    if (area > bestArea) {
      best = svg;
      bestArea = area;
    }
  }
  return best;
}

/** A standalone copy of `svg`: each element carries its computed style, the whole its size. */
export function standaloneSvg(svg: SVGSVGElement, width: number, height: number): string {
  const clone = svg.cloneNode(true) as SVGSVGElement;
  const originals = [svg, ...svg.querySelectorAll('*')];
  const copies = [clone, ...clone.querySelectorAll('*')];
  originals.forEach((original, i) => {
    const copy = copies[i];
    if (!copy) return;
    const computed = getComputedStyle(original);
    // Through the CSSOM: the page's CSP (style-src 'self') refuses a style attribute set as text.
    const style = (copy as SVGElement).style;
    for (const property of STYLE_PROPERTIES) {
      const value = computed.getPropertyValue(property);
      if (value !== '') style.setProperty(property, value);
    }
  });
  // What the pointer shows over the chart (the hovered band, the active dots) is not the chart.
  for (const hover of clone.querySelectorAll(HOVER_MARKS)) hover.remove();
  clone.setAttribute('xmlns', 'http://www.w3.org/2000/svg');
  clone.setAttribute('width', String(width));
  clone.setAttribute('height', String(height));
  if (!clone.getAttribute('viewBox')) clone.setAttribute('viewBox', `0 0 ${width} ${height}`);
  return new XMLSerializer().serializeToString(clone);
}

/** How a legend entry's key is drawn: a filled box (an area, a bar) or a stroke (a line). */
export type Swatch =
  | { kind: 'box'; color: string; opacity: number }
  | { kind: 'line'; color: string; width: number; dash: readonly number[] };

/** A legend entry drawn below the chart: its text and its key. */
export interface LegendEntry {
  text: string;
  swatch: Swatch;
}

/**
 * Legends sit in HTML beside the chart's SVG, so the SVG alone has no key. Two kinds are read:
 * Recharts' `<Legend>` items, and a chart's own legend, whose keys are elements with a class
 * naming a swatch (`forecast-swatch`, `vs-swatch`…): no text of their own, their label the text
 * that follows them up to the next swatch (an `<li>` each, or several in one line).
 */
const LEGEND_PARTS = '.recharts-legend-item, [class*="swatch"]';

function isOwnSwatch(element: Element): boolean {
  return (
    element.matches('[class*="swatch"]') &&
    !element.closest('svg, .recharts-legend-wrapper') &&
    !element.textContent?.trim()
  );
}

/** The text after a swatch, up to the next swatch among its siblings. */
function labelAfter(swatch: Element): string {
  let text = '';
  for (let node = swatch.nextSibling; node; node = node.nextSibling) {
    if (node.nodeType === Node.ELEMENT_NODE && isOwnSwatch(node as Element)) break;
    text += node.textContent ?? '';
  }
  return text.replace(/\s+/g, ' ').trim();
}

/** A colour that paints something: not none, not a gradient, not fully transparent. */
function paint(color: string | null | undefined): string | undefined {
  if (!color || color === 'none' || color.startsWith('url(') || color === 'transparent') return undefined;
  return /^rgba\(.*,\s*0\)$/.test(color) ? undefined : color;
}

function dashOf(value: string | null | undefined): number[] {
  return (value ?? '')
    .split(/[\s,]+/)
    .map(Number)
    .filter((n) => Number.isFinite(n) && n > 0);
}

/** The key of a Recharts legend item, from its icon's paint. */
function rechartsSwatch(item: Element): Swatch {
  const mark = item.querySelector('path, line, rect, circle');
  const style = mark ? getComputedStyle(mark) : null;
  const fill = paint(style?.fill || mark?.getAttribute('fill'));
  const stroke = paint(style?.stroke || mark?.getAttribute('stroke'));
  if (!fill && stroke) {
    const dash = dashOf(mark?.getAttribute('stroke-dasharray') ?? style?.strokeDasharray);
    return { kind: 'line', color: stroke, width: 3, dash };
  }
  return { kind: 'box', color: fill ?? stroke ?? getComputedStyle(item).color, opacity: 1 };
}

/** The key of a chart's own swatch, from its computed style: its background, else its top border. */
function ownSwatch(swatch: Element): Swatch {
  const style = getComputedStyle(swatch);
  const opacity = Number.parseFloat(style.opacity);
  const background = paint(style.backgroundColor);
  if (background) return { kind: 'box', color: background, opacity: Number.isFinite(opacity) ? opacity : 1 };
  const width = Number.parseFloat(style.borderTopWidth);
  const border = paint(style.borderTopColor);
  if (border && width > 0 && style.borderTopStyle !== 'none' && style.borderTopStyle !== 'hidden') {
    const dash =
      style.borderTopStyle === 'dashed' ? [6, 4] : style.borderTopStyle === 'dotted' ? [width, width] : [];
    return { kind: 'line', color: border, width, dash };
  }
  return { kind: 'box', color: paint(style.color) ?? '#888888', opacity: 1 };
}

/** The entries of the chart's legends in `container`, in the order they read. */
export function legendEntries(container: Element): LegendEntry[] {
  const entries: LegendEntry[] = [];
  for (const part of container.querySelectorAll(LEGEND_PARTS)) {
    if (getComputedStyle(part).display === 'none') continue;
    if (part.matches('.recharts-legend-item')) {
      const text = part.textContent?.replace(/\s+/g, ' ').trim() ?? '';
      if (text) entries.push({ text, swatch: rechartsSwatch(part) });
    } else if (isOwnSwatch(part)) {
      const text = labelAfter(part);
      if (text) entries.push({ text, swatch: ownSwatch(part) });
    }
  }
  return entries;
}

/** What the picture holds, read from the page: the chart's size, the theme's colours and font, the legend. */
export interface PictureSpec {
  title: string;
  /** The chart's SVG size on screen, in CSS pixels. */
  chartWidth: number;
  /**
   * The height of the SVG drawn: its top part, without the band at its foot where Recharts
   * leaves room for its HTML legend (the legend is drawn below from its entries instead).
   */
  chartHeight: number;
  background: string;
  textColor: string;
  fontFamily: string;
  legend: readonly LegendEntry[];
}

/** One thing to draw, in CSS pixels (the canvas is scaled by PNG_SCALE). */
export type DrawOp =
  | { kind: 'fill'; x: number; y: number; width: number; height: number; color: string; opacity: number }
  | {
      kind: 'line';
      x1: number;
      y1: number;
      x2: number;
      y2: number;
      color: string;
      width: number;
      dash: readonly number[];
    }
  | {
      kind: 'text';
      text: string;
      x: number;
      y: number;
      font: string;
      color: string;
      baseline: 'top' | 'middle';
    }
  /** Where the chart's SVG goes: its top `height` pixels, at their size. */
  | { kind: 'chart'; x: number; y: number; width: number; height: number };

export interface PictureLayout {
  width: number;
  height: number;
  ops: DrawOp[];
}

/** The width of `text` drawn in `font` (a canvas's measureText; a stand-in in tests). */
export type MeasureText = (text: string, font: string) => number;

const PADDING = 16;
const TITLE_SIZE = 16;
const TITLE_LINE = 22;
const LEGEND_SIZE = 12;
const LEGEND_ROW = 20;
const SWATCH_WIDTH = 18;
const SWATCH_GAP = 6;
const ENTRY_GAP = 16;

/** `text` in lines no wider than `width` (words kept whole; a word wider than a line stands alone). */
export function wrapText(text: string, width: number, font: string, measure: MeasureText): string[] {
  const lines: string[] = [];
  let line = '';
  for (const word of text.split(/\s+/).filter(Boolean)) {
    const candidate = line ? `${line} ${word}` : word;
    if (line && measure(candidate, font) > width) {
      lines.push(line);
      line = word;
    } else line = candidate;
  }
  if (line) lines.push(line);
  return lines;
}

/**
 * What the PNG draws, in order: the background, the title (wrapped to the chart's width), the
 * chart, and the legend's entries under it, each its key then its text, flowing left to right
 * and onto the next row when the row is full (an entry too long for a row wraps its words).
 */
export function pictureLayout(spec: PictureSpec, measure: MeasureText): PictureLayout {
  const width = spec.chartWidth + 2 * PADDING;
  const ops: DrawOp[] = [];
  const titleFont = `600 ${TITLE_SIZE}px ${spec.fontFamily}`;
  const titleLines = wrapText(spec.title, spec.chartWidth, titleFont, measure);
  let y = PADDING;
  for (const line of titleLines) {
    ops.push({
      kind: 'text',
      text: line,
      x: PADDING,
      y,
      font: titleFont,
      color: spec.textColor,
      baseline: 'top',
    });
    y += TITLE_LINE;
  }
  y += PADDING - (TITLE_LINE - TITLE_SIZE);
  ops.push({ kind: 'chart', x: PADDING, y, width: spec.chartWidth, height: spec.chartHeight });
  y += spec.chartHeight;

  const legendFont = `${LEGEND_SIZE}px ${spec.fontFamily}`;
  const right = PADDING + spec.chartWidth;
  const textRoom = spec.chartWidth - SWATCH_WIDTH - SWATCH_GAP;
  let x = PADDING;
  let rowTop = y + PADDING / 2;
  let rows = 0;
  for (const entry of spec.legend) {
    const textWidth = measure(entry.text, legendFont);
    const entryWidth = SWATCH_WIDTH + SWATCH_GAP + textWidth;
    if (rows === 0) rows = 1;
    else if (x > PADDING && x + entryWidth > right) {
      x = PADDING;
      rowTop += LEGEND_ROW;
      rows++;
    }
    const middle = rowTop + LEGEND_ROW / 2;
    const { swatch } = entry;
    if (swatch.kind === 'box') {
      ops.push({
        kind: 'fill',
        x,
        y: middle - 6,
        width: SWATCH_WIDTH,
        height: 12,
        color: swatch.color,
        opacity: swatch.opacity,
      });
    } else {
      ops.push({
        kind: 'line',
        x1: x,
        y1: middle,
        x2: x + SWATCH_WIDTH,
        y2: middle,
        color: swatch.color,
        width: swatch.width,
        dash: swatch.dash,
      });
    }
    const lines = textWidth > textRoom ? wrapText(entry.text, textRoom, legendFont, measure) : [entry.text];
    lines.forEach((line, i) =>
      ops.push({
        kind: 'text',
        text: line,
        x: x + SWATCH_WIDTH + SWATCH_GAP,
        y: middle + i * LEGEND_ROW,
        font: legendFont,
        color: spec.textColor,
        baseline: 'middle',
      }),
    );
    if (lines.length > 1) {
      // A wrapped entry fills its rows: the next one starts on a row of its own.
      rowTop += (lines.length - 1) * LEGEND_ROW;
      rows += lines.length - 1;
      x = right;
    } else x += entryWidth + ENTRY_GAP;
  }
  const legendHeight = rows > 0 ? PADDING / 2 + rows * LEGEND_ROW : 0;
  return { width, height: y + legendHeight + PADDING, ops };
}

/** Draws `layout` on `context` (scaled already), with the chart's picture where it goes. */
function drawLayout(context: CanvasRenderingContext2D, layout: PictureLayout, chart: CanvasImageSource) {
  for (const op of layout.ops) {
    context.save();
    if (op.kind === 'fill') {
      context.globalAlpha = op.opacity;
      context.fillStyle = op.color;
      context.fillRect(op.x, op.y, op.width, op.height);
    } else if (op.kind === 'line') {
      context.strokeStyle = op.color;
      context.lineWidth = op.width;
      context.setLineDash([...op.dash]);
      context.beginPath();
      context.moveTo(op.x1, op.y1);
      context.lineTo(op.x2, op.y2);
      context.stroke();
    } else if (op.kind === 'text') {
      context.font = op.font;
      context.fillStyle = op.color;
      context.textBaseline = op.baseline;
      context.fillText(op.text, op.x, op.y);
    } else {
      context.drawImage(chart, 0, 0, op.width, op.height, op.x, op.y, op.width, op.height);
    }
    context.restore();
  }
}

function loadImage(url: string): Promise<HTMLImageElement> {
  return new Promise((resolve, reject) => {
    const image = new Image();
    image.onload = () => resolve(image);
    image.onerror = () => reject(new Error('The chart could not be drawn as a picture'));
    image.src = url;
  });
}

function canvasBlob(canvas: HTMLCanvasElement): Promise<Blob> {
  return new Promise((resolve, reject) =>
    canvas.toBlob(
      (blob) => (blob ? resolve(blob) : reject(new Error('The picture could not be encoded as PNG'))),
      'image/png',
    ),
  );
}

/**
 * The height of the band at the SVG's foot that Recharts keeps for a legend drawn under the
 * chart (its legend sits over it as HTML); 0 when the legend is elsewhere or there is none.
 */
function legendBand(area: Element, svgBox: DOMRect): number {
  const wrapper = area.querySelector('.recharts-legend-wrapper');
  if (!wrapper) return 0;
  const box = wrapper.getBoundingClientRect();
  const below = box.top >= svgBox.top + svgBox.height / 2 && box.bottom <= svgBox.bottom + 1;
  return below && box.height > 0 ? Math.round(svgBox.bottom - box.top) : 0;
}

/**
 * Draws the chart in `card` (its `.chart-card-chart` part) with `title` above it and its legend
 * below, on the card's background, at PNG_SCALE; resolves with the PNG's bytes.
 */
export async function chartPng(card: HTMLElement, title: string): Promise<Uint8Array<ArrayBuffer>> {
  const area = card.querySelector('.chart-card-chart') ?? card;
  const svg = mainSvg(area);
  if (!svg) throw new Error('This chart has no picture to save');
  const box = svg.getBoundingClientRect();
  const chartWidth = Math.max(1, Math.round(box.width));
  const svgHeight = Math.max(1, Math.round(box.height));
  const chartHeight = Math.max(1, svgHeight - legendBand(area, box));
  const cardStyle = getComputedStyle(card);
  const spec: PictureSpec = {
    title,
    chartWidth,
    chartHeight,
    background:
      paint(cardStyle.backgroundColor) ?? paint(getComputedStyle(document.body).backgroundColor) ?? '#ffffff',
    textColor: cardStyle.color || '#000000',
    fontFamily: cardStyle.fontFamily || 'sans-serif',
    legend: legendEntries(area),
  };

  const canvas = document.createElement('canvas');
  const context = canvas.getContext('2d');
  if (!context) throw new Error('This browser cannot draw a picture');
  const layout = pictureLayout(spec, (text, font) => {
    context.font = font;
    return context.measureText(text).width;
  });
  // Sizing the canvas resets the context: scale and paint after.
  canvas.width = Math.ceil(layout.width * PNG_SCALE);
  canvas.height = Math.ceil(layout.height * PNG_SCALE);
  context.scale(PNG_SCALE, PNG_SCALE);
  context.fillStyle = spec.background;
  context.fillRect(0, 0, layout.width, layout.height);

  const url = URL.createObjectURL(
    new Blob([standaloneSvg(svg, chartWidth, svgHeight)], { type: 'image/svg+xml;charset=utf-8' }),
  );
  try {
    drawLayout(context, layout, await loadImage(url));
  } finally {
    URL.revokeObjectURL(url);
  }
  return new Uint8Array(await (await canvasBlob(canvas)).arrayBuffer());
}
