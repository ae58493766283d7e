/**
 * The Metrics area end to end, in Chromium against the built app with the demo program: type a
 * reading into the grid with the keyboard alone and see it kept after a reload; switch
 * "Production apps" to counted from the Apps area; import a metrics CSV whose bad rows are
 * reported by number, creating the metric it names that the program does not have.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { addDaysIso, todayIso } from '../../shared/domain';
import { openApp, type OpenedApp } from './harness';
import { loadDemo } from './program';

let app: OpenedApp;
beforeAll(async () => {
  app = await openApp();
  await loadDemo(app.page);
});
afterAll(async () => {
  await app?.close();
});

const area = (page: Page, name: string) =>
  page.getByRole('navigation', { name: 'Areas' }).getByRole('link', { name, exact: true }).click();
const view = (page: Page, name: string) =>
  page.getByRole('navigation', { name: 'Metrics views' }).getByRole('link', { name, exact: true }).click();
const focusedLabel = (page: Page) =>
  page.evaluate(() => document.activeElement?.getAttribute('aria-label') ?? '');

describe('Metrics', () => {
  it('takes a reading typed into the grid by keyboard and keeps it after a reload', async () => {
    const { page } = app;
    await area(page, 'Metrics');
    const grid = page.getByRole('grid');
    await grid.waitFor();
    // Today has no reading in the demo: add its row; the focus goes to its first metric.
    await page.getByRole('button', { name: 'Add date row' }).click();
    await expect.poll(() => focusedLabel(page)).toMatch(/^Production apps on .*: empty$/);
    await page.keyboard.press('ArrowRight');
    await expect.poll(() => focusedLabel(page)).toMatch(/^Container workloads on .*: empty$/);
    await page.keyboard.type('777');
    await page.keyboard.press('Tab');
    await expect.poll(() => focusedLabel(page)).toMatch(/^Running memory on .*: empty$/);
    // Letters do not start editing (a digit does); Enter does.
    await page.keyboard.press('Enter');
    await page.keyboard.type('abc');
    await page.keyboard.press('Enter');
    const problem = page.getByRole('alert').filter({ hasText: 'is not a number' });
    await expect.poll(() => problem.textContent()).toContain('Running memory on');
    expect(
      await page.getByRole('textbox', { name: /^Running memory on / }).getAttribute('aria-invalid'),
    ).toBe('true');
    await page.keyboard.press('Escape');
    await app.shot('metrics-01-grid-entry');

    await page.reload();
    const kept = page.getByRole('gridcell', { name: /^Container workloads on .*: 777$/ });
    await kept.waitFor();
    expect(
      await page.getByRole('gridcell', { name: /^Running memory on .*: empty$/ }).count(),
    ).toBeGreaterThan(0);
  }, 120_000);

  it('counts production apps from the Apps area when the program chooses so', async () => {
    const { page } = app;
    await area(page, 'Metrics');
    // The radios show what is stored: they change once the choice is saved.
    await page.getByRole('radio', { name: 'Counted from the Apps area' }).click();
    await page.getByRole('columnheader', { name: /Production apps\s*counted from Apps/ }).waitFor();
    const derived = page.locator('td.metric-grid-derived').first();
    expect(await derived.getAttribute('aria-readonly')).toBe('true');
    await page.getByRole('radio', { name: 'Typed in' }).click();
    await expect.poll(() => page.locator('td.metric-grid-derived').count()).toBe(0);
  }, 60_000);

  it('imports a metrics CSV, reporting bad rows by number and creating the metric it names', async () => {
    const { page } = app;
    // A day the demo has no reading of (it reads on the first of each month).
    const twoAgo = addDaysIso(todayIso(), -2);
    const day = twoAgo.endsWith('-01') ? addDaysIso(twoAgo, -1) : twoAgo;
    const csv = [
      'Date,Clusters,Servers,GPU nodes (nodes)',
      `${day},21,600,8`,
      `${addDaysIso(todayIso(), 3)},22,610,9`,
      `${addDaysIso(day, -1)},twenty,590,7`,
    ].join('\n');
    await area(page, 'Metrics');
    await view(page, 'Import');
    const [chooser] = await Promise.all([
      page.waitForEvent('filechooser'),
      page.getByRole('button', { name: 'Choose file…' }).click(),
    ]);
    await chooser.setFiles({ name: 'metrics.csv', mimeType: 'text/csv', buffer: Buffer.from(csv) });
    const rejected = page.getByRole('table', { name: 'Rows that will not be imported' });
    await expect.poll(() => rejected.textContent()).toContain('Row 3');
    const text = (await rejected.textContent()) ?? '';
    expect(text).toContain('is in the future');
    expect(text).toContain('“twenty” is not a number');
    expect(text).toContain('“GPU nodes” is not one of the program’s metrics');
    await page.getByRole('checkbox', { name: /Create the metrics the file names/ }).check();
    await app.shot('metrics-02-import');
    await page.getByRole('button', { name: 'Import 3 readings and 1 new metric' }).click();
    const result = page.getByRole('list', { name: 'Import result' });
    await expect.poll(() => result.textContent()).toContain('3 created');

    await view(page, 'Readings');
    await page.getByRole('columnheader', { name: /GPU nodes\s*nodes/ }).waitFor();
    await page.getByRole('gridcell', { name: /^GPU nodes on .*: 8$/ }).waitFor();
    expect(app.errors).toEqual([]);
  }, 120_000);
});
