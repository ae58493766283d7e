/**
 * Value streams in a real browser against the built app, with the demo program: the latest
 * improvement per app is listed; a map opened from it becomes the start of a new version whose
 * steps are edited inline and reordered by keyboard; the two versions compared show the change
 * in percent. Screenshots at 1440×900 and 1024×700, light and dark, go to
 * test-results/screenshots/value-streams-*.png.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { openApp, type OpenedApp } from './harness';

const SIZES = [
  { width: 1440, height: 900 },
  { width: 1024, height: 700 },
] as const;

async function shots(app: OpenedApp, name: string) {
  for (const size of SIZES) {
    await app.page.setViewportSize(size);
    await app.shot(`value-streams-${name}-${size.width}`);
  }
  await app.page.setViewportSize(SIZES[0]);
}

const stepNames = (page: Page) =>
  page
    .getByRole('textbox', { name: /^Step \d+ name$/ })
    .evaluateAll((inputs) => inputs.map((i) => (i as unknown as { value: string }).value));

describe.each(['light', 'dark'] as const)('value streams, %s theme', (colorScheme) => {
  let app: OpenedApp;

  beforeAll(async () => {
    app = await openApp({ colorScheme });
    await app.page.getByRole('button', { name: 'Load the demo program' }).click();
    await app.page.getByRole('heading', { level: 1, name: 'Plan', exact: true }).waitFor();
  });
  afterAll(async () => {
    await app?.close();
  });

  it('lists the latest improvement per app and builds a two-version comparison', async () => {
    const { page } = app;
    await page
      .getByRole('navigation', { name: 'Areas' })
      .getByRole('link', { name: 'Value streams', exact: true })
      .click();
    const table = page.getByRole('region', { name: 'Latest improvement per app, as a table' });
    await table.getByRole('row').nth(1).waitFor();
    expect(await page.getByRole('heading', { level: 1, name: 'Value streams' }).isVisible()).toBe(true);
    await shots(app, `overview-${colorScheme}`);

    // Open the first app's latest map from the leadership list and start a new version from it.
    const appName = (await table.getByRole('rowheader').first().textContent())!;
    await table.getByRole('rowheader').first().getByRole('link').click();
    await page.getByRole('region', { name: 'Derived figures' }).waitFor();
    await shots(app, `map-${colorScheme}`);
    await page.getByRole('img', { name: /^Timeline of process and wait/ }).scrollIntoViewIfNeeded();
    await shots(app, `timeline-${colorScheme}`);
    await page.getByRole('link', { name: 'New version from this' }).click();
    await page.getByRole('heading', { name: `New value stream map for ${appName}` }).waitFor();

    await page.getByRole('combobox', { name: 'Label' }).fill('Cycle 4');
    const before = await stepNames(page);
    // Reorder by keyboard: the first step goes down one place, the focus stays in its field.
    await page.getByRole('textbox', { name: 'Step 1 name' }).focus();
    await page.keyboard.press('Alt+ArrowDown');
    expect(await stepNames(page)).toEqual([before[1], before[0], ...before.slice(2)]);
    expect(await page.locator(':focus').inputValue()).toBe(before[0]);
    // Halve the waiting: every wait field set to 0 except the first.
    const waits = page.getByRole('textbox', { name: /^Wait \(min\) of / });
    for (let i = 1; i < (await waits.count()); i++) await waits.nth(i).fill('0');
    // A bad value is refused at its field, nothing saved.
    await waits.nth(0).fill('-1');
    await page.getByRole('button', { name: 'Add map' }).click();
    await page
      .getByRole('list', { name: 'Steps to fix' })
      .getByText(/Step 1 \(.+\): Wait time cannot be negative/)
      .waitFor();
    await shots(app, `invalid-${colorScheme}`);
    await waits.nth(0).fill('30');
    await page.getByRole('button', { name: 'Add map' }).click();
    await page.getByRole('heading', { name: `${appName}: Cycle 4` }).waitFor();
    await page
      .getByText(/^Added Cycle 4 · /)
      .first()
      .waitFor();

    // Compare with the version it started from.
    const compareWith = page
      .getByRole('navigation', { name: 'Compare with another version' })
      .getByRole('link');
    await compareWith.last().click();
    await page.getByRole('heading', { name: `${appName}: two versions compared` }).waitFor();
    const figures = page.getByRole('table', { name: 'Figures' });
    const leadChange = (await figures
      .getByRole('row', { name: /^Lead time/ })
      .getByRole('cell')
      .last()
      .textContent())!;
    expect(leadChange).toMatch(/^(−\d+|±0) %$/);
    await shots(app, `compare-${colorScheme}`);
    expect(app.errors).toEqual([]);
  });
});
