/**
 * Saving a chart, end to end in Chromium against the built app with the demo program: "Save PNG"
 * on the overview's Adoption over time downloads a real PNG (the signature, an IHDR twice the
 * chart's size, tens of kilobytes) with the chart in it (decoded again in the page: many pixels
 * unlike the background, some in the chart's first series colour); "Save CSV" downloads its table.
 * The picture is also kept under test-results/screenshots/ to look at.
 */
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openApp, SCREENSHOT_DIR, type OpenedApp } from './harness';
import { loadDemo } from './program';

let app: OpenedApp;
beforeAll(async () => {
  app = await openApp();
});
afterAll(async () => {
  await app?.close();
});

const PNG_SIGNATURE = [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a];

describe('saving a chart', () => {
  it('downloads Adoption over time as a PNG with the chart in it, and its data as CSV', async () => {
    const { page } = app;
    await loadDemo(page);
    await page.getByRole('navigation', { name: 'Areas' }).getByRole('link', { name: 'Overview' }).click();
    const card = page.getByRole('region', { name: 'Adoption over time' });
    const surface = card.locator('.recharts-surface').first();
    await surface.waitFor();
    const box = (await surface.boundingBox())!;
    // The demo's cycles shaded behind the lines: in time order, side by side, under the lines.
    const bands = (await page.evaluate(`(() => {
      const group = document.querySelector('.adoption-card .cycle-bands');
      const svg = group?.ownerSVGElement;
      const line = svg?.querySelector('.recharts-line');
      return {
        under: !!group && !!line && !!(group.compareDocumentPosition(line) & Node.DOCUMENT_POSITION_FOLLOWING),
        spans: [...(group?.querySelectorAll('rect') ?? [])].map((r) => [
          Number(r.getAttribute('x')),
          Number(r.getAttribute('x')) + Number(r.getAttribute('width')),
        ]),
      };
    })()`)) as { under: boolean; spans: [number, number][] };
    expect(bands.under).toBe(true);
    expect(bands.spans.length).toBeGreaterThanOrEqual(10);
    bands.spans.forEach(([x1, x2], i) => {
      expect(x2).toBeGreaterThan(x1);
      if (i > 0) expect(x1).toBeGreaterThanOrEqual(bands.spans[i - 1]![1] - 0.5);
    });

    const [download] = await Promise.all([
      page.waitForEvent('download'),
      card.getByRole('button', { name: 'Save PNG of Adoption over time' }).click(),
    ]);
    expect(download.suggestedFilename()).toMatch(/^adoption-over-time-\d{4}-\d{2}-\d{2}\.png$/);
    const png = readFileSync((await download.path())!);
    mkdirSync(SCREENSHOT_DIR, { recursive: true });
    writeFileSync(join(SCREENSHOT_DIR, 'chart-export-adoption.png'), png);

    expect([...png.subarray(0, 8)]).toEqual(PNG_SIGNATURE);
    expect(png.subarray(12, 16).toString('latin1')).toBe('IHDR');
    const width = png.readUInt32BE(16);
    const height = png.readUInt32BE(20);
    // Twice the chart's size, with room for the title around it.
    expect(width).toBeGreaterThanOrEqual(Math.round(box.width) * 2);
    expect(height).toBeGreaterThanOrEqual(Math.round(box.height) * 2);
    expect(png.byteLength).toBeGreaterThan(20_000);

    // Decoded in the page: the chart's marks are there, in the theme's colours.
    // Run in the page (a string: this side is type-checked without the DOM's types).
    const decode = `async (base64) => {
      const image = new Image();
      image.src = 'data:image/png;base64,' + base64;
      await image.decode();
      const canvas = document.createElement('canvas');
      canvas.width = image.width;
      canvas.height = image.height;
      const context = canvas.getContext('2d');
      context.drawImage(image, 0, 0);
      const { data } = context.getImageData(0, 0, image.width, image.height);
      const probe = document.createElement('span');
      probe.style.color = 'var(--series-1)';
      document.body.append(probe);
      const [r, g, b] = getComputedStyle(probe).color.match(/\\d+/g).map(Number);
      probe.remove();
      const [br, bg, bb] = [data[0], data[1], data[2]];
      let unlikeBackground = 0;
      let series = 0;
      for (let i = 0; i < data.length; i += 4) {
        const [pr, pg, pb] = [data[i], data[i + 1], data[i + 2]];
        if (Math.abs(pr - br) + Math.abs(pg - bg) + Math.abs(pb - bb) > 30) unlikeBackground++;
        if (Math.abs(pr - r) + Math.abs(pg - g) + Math.abs(pb - b) < 40) series++;
      }
      return { total: data.length / 4, unlikeBackground, series, background: [br, bg, bb] };
    }`;
    const pixels = (await page.evaluate(`(${decode})(${JSON.stringify(png.toString('base64'))})`)) as {
      total: number;
      unlikeBackground: number;
      series: number;
      background: number[];
    };
    // The card's background in the light theme (white), and a chart drawn on it.
    expect(pixels.background).toEqual([255, 255, 255]);
    expect(pixels.unlikeBackground / pixels.total).toBeGreaterThan(0.03);
    expect(pixels.series).toBeGreaterThan(500);

    const [csv] = await Promise.all([
      page.waitForEvent('download'),
      card.getByRole('button', { name: 'Save CSV of Adoption over time' }).click(),
    ]);
    expect(csv.suggestedFilename()).toMatch(/^adoption-over-time-\d{4}-\d{2}-\d{2}\.csv$/);
    const lines = readFileSync((await csv.path())!, 'utf8')
      .replace(/^\uFEFF/, '')
      .trim()
      .split('\r\n');
    expect(lines[0]).toMatch(/^Period,As of,Selected,Hello world,On the platform/);
    expect(lines.length).toBeGreaterThan(3);
    expect(app.errors).toEqual([]);
  });
});
