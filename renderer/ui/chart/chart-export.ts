/**
 * Saving a chart: its data table as CSV (the rows and columns the table shows, in the CSV dialect
 * chosen on the Data screen) and its picture as PNG (chart-png.ts), through the desktop bridge's
 * save call: a save dialog in the desktop app, a download in a browser.
 */
import { csvDocument, type CsvFormat } from '../../../shared/export/csv';
import type { DesktopApi, SaveFileResponse } from '../../../shared/ipc/contract';
import type { ChartColumn } from './ChartCard';
import { chartPng } from './chart-png';

/** The chart's table as a CSV document: the columns' labels, then one line per row. */
export function chartCsv<R>(
  columns: readonly ChartColumn<R>[],
  rows: readonly R[],
  format: CsvFormat,
): string {
  return csvDocument(
    columns.map((c) => c.label),
    rows.map((row) => columns.map((c) => c.value(row))),
    { format },
  );
}

/** "Adoption over time" on 4 Dec 2026 → `adoption-over-time-2026-12-04.png`. */
export function chartFileName(title: string, day: string, extension: 'csv' | 'png'): string {
  const slug = title
    .normalize('NFD')
    .replace(/\p{M}/gu, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 80);
  return `${slug || 'chart'}-${day}.${extension}`;
}

/** Draws the chart in `card` as a PNG and saves it as `fileName`. */
export async function saveChartPng(
  api: Pick<DesktopApi, 'saveFile'>,
  card: HTMLElement,
  title: string,
  fileName: string,
): Promise<SaveFileResponse> {
  const content = await chartPng(card, title);
  return api.saveFile({
    suggestedName: fileName,
    content,
    mimeType: 'image/png',
    filters: [{ name: 'PNG image', extensions: ['png'] }],
  });
}
