/**
 * The People area in a real browser against the built app, on the demo program: the platform
 * owner leaves and the staffing check on Plan flags the empty role; a new owner who can seed is
 * added and the check is whole again, and the capacity forecast counts one more person able to
 * seed; the knowledge map shows the seeding lineage, and marking a single point of knowledge as
 * leaving (by keyboard) lists what loses its last holder; a what-if input on Plan moves the
 * forecast. Screenshots of every People view at 1440×900 and 1024×700, light and dark, go to
 * test-results/screenshots/people-*.png.
 */
import { afterEach, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { openApp, type OpenedApp } from './harness';

let app: OpenedApp | undefined;

afterEach(async () => {
  await app?.close();
  app = undefined;
});

const area = (page: Page, name: string) =>
  page.getByRole('navigation', { name: 'Areas' }).getByRole('link', { name, exact: true }).click();
const peopleView = (page: Page, name: string) =>
  page.getByRole('navigation', { name: 'People views' }).getByRole('link', { name, exact: true }).click();

/** Plan with the first cycle (the initial phase) open: its staffing check. */
async function staffingCheck(page: Page) {
  await area(page, 'Plan');
  await page.getByRole('listbox', { name: 'Cycles on the timeline' }).getByRole('option').first().click();
  const check = page.getByRole('region', { name: 'Platform team' });
  await check.waitFor();
  return check;
}

/** Screenshots of what is on screen at both sizes, in both themes (light last). */
async function shots(opened: OpenedApp, name: string) {
  for (const [width, height] of [
    [1440, 900],
    [1024, 700],
  ] as const) {
    await opened.page.setViewportSize({ width, height });
    for (const theme of ['dark', 'light'] as const) {
      await opened.page.getByRole('combobox', { name: 'Theme' }).selectOption(theme);
      await opened.shot(`people-${name}-${width}-${theme}`);
    }
  }
  await opened.page.setViewportSize({ width: 1360, height: 860 });
}

/** Scrolls Plan to its foot, where the capacity forecast is drawn as the page nears it. */
async function scrollToForecast(page: Page) {
  await page.getByRole('heading', { level: 1, name: 'Plan', exact: true }).waitFor();
  await page.locator('main').evaluate((main) => main.scrollTo(0, main.scrollHeight));
}

describe('the People area', () => {
  it('staffs the platform team, shows who holds the knowledge and what a departure costs, and feeds the forecast', async () => {
    app = await openApp();
    const { page } = app;
    await page.getByRole('button', { name: 'Load the demo program' }).click();
    await page.getByRole('heading', { level: 1, name: 'Plan', exact: true }).waitFor({ timeout: 60_000 });

    // The forecast (at the foot of Plan, drawn as the page is scrolled down to it) starts from
    // the people who can seed today.
    await scrollToForecast(page);
    const forecast = page.getByRole('region', { name: 'Capacity forecast: plan, forecast and actual apps' });
    const seeders = page.getByRole('textbox', { name: 'People able to seed' });
    await expect.poll(async () => Number(await seeders.inputValue())).toBeGreaterThan(0);
    const seedersBefore = Number(await seeders.inputValue());

    // The demo's platform team has every role; its owner leaves.
    let check = await staffingCheck(page);
    await expect.poll(() => check.getByTestId('staffing-state').textContent()).toBe('Every role staffed');
    const ownerLink = check.locator('dt', { hasText: 'Owner' }).locator('xpath=..').locator('dd a').first();
    const owner = (await ownerLink.textContent())!;
    await ownerLink.click();
    const ownerForm = page.getByRole('form', { name: `Edit ${owner}` });
    await ownerForm.getByLabel('Left the program on').fill('2026-01-31');
    await ownerForm.getByRole('button', { name: 'Save person' }).click();
    await ownerForm.waitFor({ state: 'detached' });

    check = await staffingCheck(page);
    await expect.poll(() => check.getByTestId('staffing-state').textContent()).toBe('1 role empty');
    await check.getByText('No platform owner yet').waitFor();
    await check.scrollIntoViewIfNeeded();
    await app.shot('people-01-staffing-flagged');

    // A new owner, who can seed, fills the role.
    await check.getByRole('link', { name: 'Add a person' }).click();
    const form = page.getByRole('form', { name: 'New person' });
    await form.getByLabel('Name', { exact: true }).fill('Zoe Quinn');
    await form.getByLabel('Team', { exact: true }).selectOption({ label: 'Nimbus Platform Team' });
    await form.getByRole('checkbox', { name: 'Platform owner' }).check();
    await form.getByRole('checkbox', { name: /^Can seed others/ }).check();
    await shots(app, 'person-form');
    await form.getByRole('button', { name: 'Add person' }).click();
    await form.waitFor({ state: 'detached' });
    await page.getByRole('searchbox', { name: 'Search people' }).fill('zoe quinn');
    await page
      .getByRole('table', { name: /^People,/ })
      .getByRole('cell', { name: 'Zoe Quinn' })
      .waitFor();
    await page.getByRole('searchbox', { name: 'Search people' }).fill('');
    await shots(app, 'list');

    check = await staffingCheck(page);
    await expect.poll(() => check.getByTestId('staffing-state').textContent()).toBe('Every role staffed');
    await check.getByRole('link', { name: 'Zoe Quinn' }).waitFor();
    await scrollToForecast(page);
    await expect.poll(async () => Number(await seeders.inputValue())).toBe(seedersBefore + 1);
    await page.getByText(`${seedersBefore + 1} can seed today`).waitFor();

    await area(page, 'People');
    await peopleView(page, 'Teams');
    await page.getByText('Nimbus Platform Team').first().waitFor();
    await shots(app, 'teams');

    // The knowledge map: the lineage by generation, its single points, and a departure's cost.
    await peopleView(page, 'Knowledge map');
    await expect.poll(() => page.url()).toContain('#/people/knowledge');
    const tree = page.getByRole('tree', { name: 'Seeding lineage' });
    await tree.getByRole('treeitem').first().waitFor({ timeout: 30_000 });
    await page
      .getByText(/^\d+ people in the seeding lineage, \d+ generations? from the first team/)
      .waitFor();
    await shots(app, 'knowledge');

    const single = page
      .getByRole('region', { name: 'Single points of knowledge' })
      .getByRole('button', { name: / leaves$/ })
      .first();
    const leaver = ((await single.getAttribute('aria-label')) ?? (await single.textContent()) ?? '').replace(
      / leaves$/,
      '',
    );
    expect(leaver).not.toBe('');
    const whatIf = page.getByRole('region', { name: 'What if these people leave?' });
    const combobox = whatIf.getByRole('combobox', { name: 'Add a person who leaves' });
    await combobox.focus();
    await page.keyboard.type(leaver);
    await expect.poll(() => whatIf.getByRole('option', { selected: true }).textContent()).toContain(leaver);
    await page.keyboard.press('Enter');
    await whatIf.getByRole('list', { name: 'People who leave' }).getByText(leaver).waitFor();
    // A single point of knowledge: leaving takes at least one team's last holder of something.
    await expect
      .poll(() => whatIf.getByRole('status').textContent())
      .toMatch(new RegExp(`^If ${leaver} leaves: .* \\d+ teams? (loses|lose) (its|their) last holder`));
    await whatIf
      .getByRole('list', { name: 'Teams losing their last holder' })
      .getByRole('listitem')
      .first()
      .waitFor();
    // The single points list marks them as leaving too.
    await expect.poll(() => single.getAttribute('aria-pressed')).toBe('true');
    await app.shot('people-02-knowledge-what-if');
    await whatIf.getByRole('button', { name: `Remove ${leaver}` }).click();
    await whatIf.getByText('Pick people to see what would lose its last holder.').waitFor();

    // A what-if on Plan redraws the forecast.
    await area(page, 'Plan');
    await scrollToForecast(page);
    const reading = forecast.locator('.chart-card-reading');
    await expect
      .poll(() => reading.textContent())
      .toMatch(/^The target of \d+ apps is (reached|not reached)/);
    const line = forecast.locator('.recharts-line').nth(1).locator('path').first();
    // The line as drawn once its animation is over: the same twice, a moment apart.
    let drawn = await line.getAttribute('d');
    await expect
      .poll(async () => {
        const now = await line.getAttribute('d');
        const still = now === drawn;
        drawn = now;
        return still;
      })
      .toBe(true);
    const before = await reading.textContent();
    // Ten times the seeders of today: always a different forecast.
    await seeders.fill(String((seedersBefore + 1) * 10));
    // Recharts animates the new line in: wait past its animation.
    await expect.poll(() => line.getAttribute('d'), { timeout: 10_000 }).not.toBe(drawn);
    await expect.poll(() => reading.textContent()).not.toBe(before);
    expect(app.errors).toEqual([]);
  }, 240_000);
});
