/**
 * A ServiceNow CMDB export of 30 business applications (test/fixtures/csv/cmdb-30.csv: snake_case
 * headers, criticality as text such as "1 - most critical") imported in Chromium with the keyboard
 * alone: its columns map themselves, the criticality texts come mapped to business values, two are
 * changed from the keyboard (an arrow key on one select, a digit on another), and every row is
 * imported with the chosen scores. The value-mapping step is photographed at 1440×900 and
 * 1024×700 in both themes: test-results/screenshots/cmdb-values-*.png.
 */
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { openApp, SCREENSHOT_DIR, type OpenedApp } from './harness';
import { createProgram } from './program';

const CMDB_CSV = readFileSync(new URL('../fixtures/csv/cmdb-30.csv', import.meta.url));

const SIZES = [
  { width: 1440, height: 900 },
  { width: 1024, height: 700 },
] as const;

let app: OpenedApp | undefined;

afterEach(async () => {
  await app?.close();
  app = undefined;
});

/** The page-side fields of the focused element the name is read from (this side has no DOM types). */
interface FocusedElement {
  getAttribute(name: string): string | null;
  textContent: string | null;
}

/** The focused element's name as the tests address it: its aria-label, else its text. */
function focusedName(page: Page): Promise<string> {
  return page.evaluate(() => {
    const doc = (globalThis as unknown as { document: { activeElement: FocusedElement | null } }).document;
    const el = doc.activeElement;
    return (el?.getAttribute('aria-label') ?? el?.textContent ?? '').trim();
  });
}

/** Presses Tab until the focused element's name is `name`; returns how many presses it took. */
async function tabTo(page: Page, name: string, max = 60): Promise<number> {
  for (let presses = 1; presses <= max; presses++) {
    await page.keyboard.press('Tab');
    if ((await focusedName(page)) === name) return presses;
  }
  throw new Error(`${max} Tab presses never reached “${name}” (last: “${await focusedName(page)}”)`);
}

/** The value-mapping step in view, photographed as the window shows it (not the whole page). */
async function photographValues(page: Page, theme: string) {
  const values = page.getByRole('heading', { name: 'Map the values' });
  for (const size of SIZES) {
    await page.setViewportSize(size);
    await values.evaluate((heading) => (heading as unknown as { scrollIntoView(): void }).scrollIntoView());
    await page.screenshot({
      path: resolve(SCREENSHOT_DIR, `cmdb-values-${size.width}x${size.height}-${theme}.png`),
    });
  }
}

describe('a ServiceNow CMDB export with text criticality', () => {
  it('imports every row with the keyboard alone, its criticality texts mapped to business values', async () => {
    app = await openApp();
    const { page } = app;
    await createProgram(page);
    await page.goto(new URL('#/apps/import', app.baseURL).toString());
    await page.getByRole('button', { name: 'Choose file…' }).waitFor();

    // From here on, keys only.
    // Listening for the picker well before the key: the browser intercepts it only once Playwright has said so.
    const picker = page.waitForEvent('filechooser', { timeout: 60_000 });
    await tabTo(page, 'Choose file…');
    await page.keyboard.press('Enter');
    const chooser = await picker;
    await chooser.setFiles({ name: 'cmdb-export.csv', mimeType: 'text/csv', buffer: CMDB_CSV });
    await page.getByRole('heading', { name: 'Map the columns' }).waitFor();
    expect(await focusedName(page)).toBe('Map the columns');

    // The CMDB headers are mapped without help.
    const columns = page.getByRole('group', { name: 'Columns for each field' });
    const chosenColumn = async (label: string) =>
      (
        await columns
          .getByRole('combobox', { name: label, exact: true })
          .locator('option:checked')
          .textContent()
      )?.trim();
    expect(await chosenColumn('Team')).toBe('support_group');
    expect(await chosenColumn('Description')).toBe('short_description');
    expect(await chosenColumn('Business value')).toBe('business_criticality');
    expect(await chosenColumn('External id')).toBe('sys_id');

    const values = page.getByRole('region', { name: '“business_criticality” as Business value' });
    const score = (text: string) => values.getByRole('combobox', { name: `Business value for “${text}”` });
    expect(await values.getByRole('rowheader').allTextContents()).toEqual([
      '1 - most critical',
      '2 - somewhat critical',
      '3 - less critical',
      '4 - not critical',
    ]);
    expect(
      await Promise.all(
        ['1 - most critical', '2 - somewhat critical', '3 - less critical', '4 - not critical'].map((t) =>
          score(t).inputValue(),
        ),
      ),
    ).toEqual(['5', '4', '3', '2']);
    expect(await values.getByRole('row').nth(4).getByRole('cell').first().textContent()).toBe('8');
    expect(await page.getByRole('table', { name: 'Values that will be left empty' }).count()).toBe(0);
    await photographValues(page, 'light');

    // "3 - less critical" as 2 by its digit; "4 - not critical" one lower with the select's own arrow key.
    await tabTo(page, 'Business value for “3 - less critical”');
    await page.keyboard.press('2');
    await expect.poll(() => score('3 - less critical').inputValue()).toBe('2');
    expect(await tabTo(page, 'Business value for “4 - not critical”')).toBe(1);
    await page.keyboard.press('ArrowDown');
    await expect.poll(() => score('4 - not critical').inputValue()).toBe('1');
    await expect
      .poll(() => page.getByRole('table', { name: 'Preview' }).getByRole('row').nth(2).textContent())
      .toContain('4 - not critical → 1');

    await tabTo(page, 'Import 30 apps');
    await page.keyboard.press('Enter');
    const result = page.getByRole('list', { name: 'Import result' });
    await expect.poll(() => result.textContent()).toContain('30 created');
    expect(await result.textContent()).toContain('0 rejected');
    expect(await page.getByRole('table', { name: 'Values left empty' }).count()).toBe(0);

    // Every app is there with the score its text was mapped to.
    await tabTo(page, 'See the apps');
    await page.keyboard.press('Enter');
    await page.getByText('Showing 30 of 30').waitFor();
    const businessOf = async (name: string) => {
      await page.getByRole('searchbox', { name: 'Search apps' }).fill(name);
      await page.getByText('Showing 1 of 30').waitFor();
      const row = page.getByRole('table').getByRole('row').nth(1);
      const headers = await page.getByRole('table').getByRole('columnheader').allTextContents();
      const index = headers.findIndex((h) => h.startsWith('Business'));
      return (await row.getByRole('cell').nth(index).textContent())?.trim();
    };
    expect(await businessOf('Payments Gateway')).toBe('5.0'); // 1 - most critical
    expect(await businessOf('Card Authorisation')).toBe('1.0'); // 4 - not critical, changed
    expect(await businessOf('Core Ledger')).toBe('2.0'); // 3 - less critical, changed
    expect(await businessOf('Customer Profile')).toBe('4.0'); // 2 - somewhat critical
    expect(app.errors).toEqual([]);
  }, 180_000); // some 60 key presses, each answered by the page: slow on a busy machine, never timed

  it('shows the value-mapping step in the dark theme', async () => {
    app = await openApp({ colorScheme: 'dark' });
    const { page } = app;
    await createProgram(page);
    await page.goto(new URL('#/apps/import', app.baseURL).toString());
    const [chooser] = await Promise.all([
      page.waitForEvent('filechooser'),
      page.getByRole('button', { name: 'Choose file…' }).click(),
    ]);
    await chooser.setFiles({ name: 'cmdb-export.csv', mimeType: 'text/csv', buffer: CMDB_CSV });
    await page.getByRole('region', { name: '“business_criticality” as Business value' }).waitFor();
    await photographValues(page, 'dark');
    // A text left empty: each of its rows is still imported, with a warning naming the field.
    const values = page.getByRole('region', { name: '“business_criticality” as Business value' });
    await values.getByRole('combobox', { name: 'Business value for “4 - not critical”' }).selectOption('');
    const warnings = page.getByRole('table', { name: 'Values that will be left empty' });
    await expect.poll(() => warnings.getByRole('row').count()).toBe(9);
    expect(await page.getByRole('button', { name: 'Import 30 apps' }).count()).toBe(1);
    await page.setViewportSize(SIZES[1]);
    await page.getByRole('table', { name: 'Preview' }).scrollIntoViewIfNeeded();
    await page.screenshot({ path: resolve(SCREENSHOT_DIR, 'cmdb-values-left-empty-1024x700-dark.png') });
    expect(app.errors).toEqual([]);
  });
});
