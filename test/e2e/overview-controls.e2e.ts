/**
 * The overview's controls end to end, in Chromium against the built app with the demo program:
 * a granularity chosen by keyboard redraws the adoption chart and then every other chart (the
 * sections say they are busy meanwhile, and stop); a long series of open blockers is drawn as
 * stacked areas, whose click opens the register listing that day's unresolved blockers, and a
 * short one as bars; the choice is still there after a reload. The blockers chart both ways:
 * test-results/screenshots/overview-controls-blockers-*.png; the overview by week at both sizes,
 * light and dark: overview-controls-{light,dark}-{1440,1024}{,-charts}.png.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { join } from 'node:path';
import { openApp, SCREENSHOT_DIR, type OpenedApp } from './harness';
import { loadDemo } from './program';

let app: OpenedApp;
beforeAll(async () => {
  app = await openApp();
});
afterAll(async () => {
  await app?.close();
});

const granularity = (page: Page) => page.getByLabel('Granularity', { exact: true });
const blockersChart = (page: Page) =>
  page.getByRole('region', { name: 'Open blockers by category over time' });

/** Every chart has caught up with the controls. */
async function settled(page: Page) {
  await expect
    .poll(() => page.getByRole('region', { name: 'Charts' }).getAttribute('aria-busy'))
    .toBe('false');
}

describe('the overview controls', () => {
  it('redraw every chart for a granularity chosen by keyboard, kept after a reload', async () => {
    const { page } = app;
    await loadDemo(page);
    await page.getByRole('navigation', { name: 'Areas' }).getByRole('link', { name: 'Overview' }).click();
    await page.getByLabel('Time range').selectOption('all-time');
    const adoption = page.locator('.adoption-card');
    await adoption.locator('.recharts-surface').first().waitFor();
    await blockersChart(page).getByRole('application').waitFor();

    // By cycle: a few bars per category.
    await granularity(page).selectOption('cycle');
    await settled(page);
    await blockersChart(page).screenshot({
      path: join(SCREENSHOT_DIR, 'overview-controls-blockers-cycle.png'),
    });
    const cycles = Number(await adoption.getAttribute('data-rows'));
    expect(cycles).toBeGreaterThan(1);
    await expect
      .poll(() => blockersChart(page).locator('.recharts-bar-rectangle').count())
      .toBeGreaterThan(0);
    expect(await blockersChart(page).locator('.recharts-area').count()).toBe(0);

    // By week, chosen from the keyboard: the adoption chart has more periods, the blockers are areas.
    await granularity(page).focus();
    await page.keyboard.press('Home');
    await expect.poll(() => granularity(page).inputValue()).toBe('week');
    await expect.poll(async () => Number(await adoption.getAttribute('data-rows'))).toBeGreaterThan(60);
    await settled(page);
    await expect.poll(() => blockersChart(page).locator('.recharts-area').count()).toBe(3);
    expect(await blockersChart(page).locator('.recharts-bar-rectangle').count()).toBe(0);
    await blockersChart(page).screenshot({
      path: join(SCREENSHOT_DIR, 'overview-controls-blockers-week.png'),
    });

    // A click near the end of the areas (blockers are unresolved today) opens that day's list.
    const surface = blockersChart(page).getByRole('application');
    await surface.scrollIntoViewIfNeeded();
    const box = (await surface.boundingBox())!;
    await page.mouse.move(box.x + box.width * 0.9, box.y + box.height * 0.5);
    await page.mouse.click(box.x + box.width * 0.9, box.y + box.height * 0.5);
    await expect.poll(() => page.url()).toMatch(/#\/blockers\/register\?.*openOn=\d{4}-\d{2}-\d{2}/);
    const shown = page.getByRole('table', { name: /^Blockers, / });
    await expect
      .poll(async () => Number(/(\d+) shown/.exec((await shown.getAttribute('aria-label')) ?? '')?.[1]))
      .toBeGreaterThan(0);

    // Kept: the overview opens as it was left, after a reload too.
    await page.reload();
    await page.getByRole('navigation', { name: 'Areas' }).getByRole('link', { name: 'Overview' }).click();
    await expect.poll(() => granularity(page).inputValue()).toBe('week');
    await settled(page);
    expect(app.errors).toEqual([]);
  }, 120_000);

  it('looks right at 1440×900 and 1024×700, light and dark', async () => {
    const { page } = app;
    for (const [width, height] of [
      [1440, 900],
      [1024, 700],
    ] as const) {
      for (const scheme of ['light', 'dark'] as const) {
        await page.setViewportSize({ width, height });
        await page.emulateMedia({ colorScheme: scheme });
        await settled(page);
        await blockersChart(page).getByRole('application').waitFor();
        // The main area scrolls on its own: the top of the overview, then its charts.
        await page.getByRole('heading', { level: 1 }).scrollIntoViewIfNeeded();
        await page.screenshot({ path: join(SCREENSHOT_DIR, `overview-controls-${scheme}-${width}.png`) });
        await blockersChart(page).scrollIntoViewIfNeeded();
        await page.screenshot({
          path: join(SCREENSHOT_DIR, `overview-controls-${scheme}-${width}-charts.png`),
        });
      }
    }
    await page.emulateMedia({ colorScheme: 'light' });
  }, 60_000);
});
