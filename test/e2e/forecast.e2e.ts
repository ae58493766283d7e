/**
 * The forecast with odds and its calibration end to end, in Chromium against the built app with
 * the demo program: the overview reads the three dates with their odds (worked out in the
 * forecast worker), a wider history window changes the reading and is still chosen after a
 * reload, and a calibration row opens the apps its forecast was made from, each opening its page.
 * Screenshot: test-results/screenshots/forecast-overview.png.
 */
import axe from 'axe-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { openApp, type OpenedApp } from './harness';
import { loadDemo } from './program';

let app: OpenedApp;
beforeAll(async () => {
  app = await openApp();
});
afterAll(async () => {
  await app?.close();
});

const odds = (page: Page) => page.getByRole('region', { name: 'Forecast with odds' });
const calibration = (page: Page) => page.getByRole('region', { name: 'Forecast calibration' });
const DATES =
  /^Target 50% likely by \d{1,2} \w{3} \d{4}, 85% likely by \d{1,2} \w{3} \d{4}, 95% (likely by \d{1,2} \w{3} \d{4}|: not within 10 years)/;

/** axe's serious and critical findings inside the forecast cards only (the rest of the overview is not this test's). */
async function forecastViolations(page: Page) {
  if (!(await page.evaluate(() => 'axe' in globalThis))) await page.evaluate(axe.source);
  return page.evaluate(async () => {
    const { axe: run } = globalThis as unknown as { axe: typeof axe };
    const result = await run.run({ include: [['.forecast-card']] }, { resultTypes: ['violations'] });
    return result.violations
      .filter((v) => v.impact === 'serious' || v.impact === 'critical')
      .map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`);
  });
}

describe('the forecast with odds', () => {
  it('reads the odds, keeps the history window, and opens the records behind the calibration', async () => {
    const { page } = app;
    await loadDemo(page);
    await page
      .getByRole('navigation', { name: 'Areas' })
      .getByRole('link', { name: 'Overview', exact: true })
      .click();

    const reading = odds(page).locator('.chart-card-reading');
    await expect.poll(() => reading.textContent(), { timeout: 30_000 }).toMatch(DATES);
    expect(await reading.textContent()).toMatch(/at the pace of the last 26 weeks\./);
    // The trials ran in the forecast worker, not on the page's thread.
    expect(page.workers().some((w) => w.url().includes('forecast.worker'))).toBe(true);

    await odds(page).getByRole('combobox', { name: 'History' }).selectOption({ label: 'Last 52 weeks' });
    await expect.poll(() => reading.textContent()).toMatch(/at the pace of the last 52 weeks\./);
    await page.reload();
    await expect
      .poll(() => odds(page).locator('.chart-card-reading').textContent(), { timeout: 30_000 })
      .toMatch(/at the pace of the last 52 weeks\./);
    expect(await odds(page).getByRole('combobox', { name: 'History' }).inputValue()).toBe('52');

    await expect
      .poll(() => calibration(page).locator('.chart-card-reading').textContent(), { timeout: 30_000 })
      .toMatch(/cycle closes|forecasts come due/);
    await calibration(page).locator('.forecast-chart').waitFor();
    await app.shot('forecast-overview');
    expect(await forecastViolations(page)).toEqual([]);

    await calibration(page).getByRole('button', { name: 'Show as table' }).click();
    const openers = calibration(page).getByRole('button', {
      name: /^Open the \d+ apps? the forecast at the close of/,
    });
    expect(await openers.count()).toBeGreaterThan(0);
    await openers.last().click();
    const dialog = page.getByRole('dialog', { name: /the forecast was made from/ });
    const first = dialog.getByRole('rowheader').first().getByRole('button');
    const name = (await first.textContent()) ?? '';
    await first.click();
    await expect.poll(() => page.url()).toMatch(/#\/apps\/[0-9a-f-]{36}$/);
    await page.getByRole('form', { name }).waitFor();

    expect(app.errors).toEqual([]);
  });
});
