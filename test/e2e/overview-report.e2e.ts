/**
 * The one-page leadership report end to end, in Chromium against the built app with the demo
 * program: the overview printed (print media, as the print dialog and the desktop's print-to-PDF
 * lay it out) is ONE A4 page and ONE Letter page holding the program's name, the day it was made
 * and the charts, without the navigation or the controls. The PDF is also saved as a picture
 * source under test-results/screenshots/overview-report.pdf.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
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

/** Pages of a PDF file: its page objects. */
const pageCount = (pdf: Buffer) => (pdf.toString('latin1').match(/\/Type\s*\/Page[^s]/g) ?? []).length;

describe('the leadership report', () => {
  it('prints the overview on one page, with the program name and the charts', async () => {
    const { page } = app;
    await loadDemo(page);
    await page.getByRole('navigation', { name: 'Areas' }).getByRole('link', { name: 'Overview' }).click();
    const programName = (await page.getByRole('heading', { level: 1 }).textContent())!.trim();
    await page
      .getByRole('region', { name: 'Adoption over time' })
      .locator('.recharts-surface')
      .first()
      .waitFor();
    await page.getByRole('region', { name: 'Forecast with odds' }).locator('svg').first().waitFor();
    await expect(page.getByRole('button', { name: 'Print report…' })).toBeTruthy();

    await page.emulateMedia({ media: 'print' });
    // In print: the navigation and the controls are gone, the report's day is shown.
    expect(await page.getByRole('navigation', { name: 'Areas' }).isVisible()).toBe(false);
    expect(await page.getByRole('button', { name: 'Print report…' }).isVisible()).toBe(false);
    expect(await page.getByText(/^Report made on \d{1,2} \w{3} \d{4}$/).isVisible()).toBe(true);
    expect(await page.getByRole('heading', { level: 1, name: programName }).isVisible()).toBe(true);
    expect(await page.getByLabel('Paper').isVisible()).toBe(false);
    for (const chart of [
      'Adoption over time',
      'Forecast with odds',
      'Open blockers by category over time',
      'Lead time before and after per app',
    ]) {
      expect(await page.getByRole('region', { name: chart }).isVisible(), chart).toBe(true);
    }

    mkdirSync(SCREENSHOT_DIR, { recursive: true });
    for (const format of ['A4', 'Letter'] as const) {
      const pdf = await page.pdf({ format, printBackground: true });
      writeFileSync(join(SCREENSHOT_DIR, `overview-report-${format}.pdf`), pdf);
      expect(pageCount(pdf), format).toBe(1);
    }
    await page.emulateMedia({ media: 'screen' });
  });
});
