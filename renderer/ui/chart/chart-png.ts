/**
 * A chart as a PNG picture, as it looks on screen: the chart's SVG drawn on a canvas at twice its
 * size, on the theme's card background, under the chart's title, with its legend's entries below.
 *
 * An SVG drawn as an image sees none of the page's CSS, and the charts colour their marks with
 * the theme's custom properties (`fill="var(--series-1)"`). So the SVG is cloned with every
 * element's computed paint and text style written on it first: the picture has the colours the
 * user sees, in the theme the user sees.
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

/** A legend entry drawn below the chart: its text and its swatch's colour. */
interface LegendEntry {
  text: string;
  color: string;
}

/** The entries of the chart's legend (Recharts draws it as HTML beside the SVG). */
function legendEntries(container: Element): LegendEntry[] {
  return [...container.querySelectorAll('.recharts-legend-item')].flatMap((item) => {
    const text = item.textContent?.trim() ?? '';
    const mark = item.querySelector('path, line, rect, circle');
    if (!text) return [];
    const style = mark ? getComputedStyle(mark) : null;
    const paint = [style?.fill, style?.stroke].find((c) => c && c !== 'none' && !c.startsWith('url('));
    return [{ text, color: paint ?? getComputedStyle(item).color }];
  });
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

/** A colour, unless it is transparent (a card drawn without a background of its own). */
function opaque(color: string): string | undefined {
  return color && color !== 'transparent' && !/^rgba\(.*,\s*0\)$/.test(color) ? color : undefined;
}

const PADDING = 16;
const TITLE_SIZE = 16;
const LEGEND_SIZE = 12;
const LEGEND_ROW = 20;

/**
 * Draws the chart in `card` (its `.chart-card-chart` part) with `title` above it, on the card's
 * background, at PNG_SCALE; resolves with the PNG's bytes.
 */
export async function chartPng(card: HTMLElement, title: string): Promise<Uint8Array<ArrayBuffer>> {
  const area = card.querySelector('.chart-card-chart') ?? card;
  const svg = mainSvg(area);
  if (!svg) throw new Error('This chart has no picture to save');
  const box = svg.getBoundingClientRect();
  const width = Math.max(1, Math.round(box.width));
  const height = Math.max(1, Math.round(box.height));
  const cardStyle = getComputedStyle(card);
  const background =
    opaque(cardStyle.backgroundColor) ?? opaque(getComputedStyle(document.body).backgroundColor) ?? '#ffffff';
  const textColor = cardStyle.color || '#000000';
  const fontFamily = cardStyle.fontFamily || 'sans-serif';
  const legend = legendEntries(area);

  const titleHeight = TITLE_SIZE + PADDING;
  const legendHeight = legend.length ? PADDING / 2 + Math.ceil(legend.length / 3) * LEGEND_ROW : 0;
  const fullWidth = width + 2 * PADDING;
  const fullHeight = PADDING + titleHeight + height + legendHeight + PADDING;

  const canvas = document.createElement('canvas');
  canvas.width = fullWidth * PNG_SCALE;
  canvas.height = fullHeight * PNG_SCALE;
  const context = canvas.getContext('2d');
  if (!context) throw new Error('This browser cannot draw a picture');
  context.scale(PNG_SCALE, PNG_SCALE);
  context.fillStyle = background;
  context.fillRect(0, 0, fullWidth, fullHeight);

  context.fillStyle = textColor;
  context.textBaseline = 'top';
  context.font = `600 ${TITLE_SIZE}px ${fontFamily}`;
  context.fillText(title, PADDING, PADDING, width);

  const url = URL.createObjectURL(
    new Blob([standaloneSvg(svg, width, height)], { type: 'image/svg+xml;charset=utf-8' }),
  );
  try {
    const image = await loadImage(url);
    context.drawImage(image, PADDING, PADDING + titleHeight, width, height);
  } finally {
    URL.revokeObjectURL(url);
  }

  context.font = `${LEGEND_SIZE}px ${fontFamily}`;
  context.textBaseline = 'middle';
  const column = width / 3;
  legend.forEach((entry, i) => {
    const x = PADDING + (i % 3) * column;
    const y = PADDING + titleHeight + height + PADDING / 2 + Math.floor(i / 3) * LEGEND_ROW + LEGEND_ROW / 2;
    context.fillStyle = entry.color;
    context.fillRect(x, y - 5, 10, 10);
    context.fillStyle = textColor;
    context.fillText(entry.text, x + 16, y, column - 20);
  });

  return new Uint8Array(await (await canvasBlob(canvas)).arrayBuffer());
}
