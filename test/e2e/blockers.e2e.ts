/**
 * The Blockers area end to end, in Chromium against the built app with the demo program: log a
 * blocker on an app from the app's page, move it to mitigating and to resolved on the board by
 * keyboard, and see the app's panel and the trends follow; import a RAID log with one bad row.
 * Then every Blockers screen at 1440×900 and 1024×700, light and dark:
 * test-results/screenshots/blockers-*.png.
 */
import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Locator, Page } from 'playwright-core';
import { openApp, type OpenedApp } from './harness';

let app: OpenedApp;
beforeAll(async () => {
  app = await openApp();
});
afterAll(async () => {
  await app?.close();
});

const TITLE = 'E2E: nobody on the team has written a pipeline';
const RAID_LOG = readFileSync(new URL('../fixtures/csv/raid-log.csv', import.meta.url), 'utf8');

const area = (page: Page, name: string) =>
  page.getByRole('navigation', { name: 'Areas' }).getByRole('link', { name, exact: true }).click();
const view = (page: Page, name: string) =>
  page.getByRole('navigation', { name: 'Blockers views' }).getByRole('link', { name, exact: true }).click();

/** The first number in a text ("7 unresolved blockers today…" → 7). */
const firstNumber = (text: string | null) =>
  Number(/(\d[\d,]*)/.exec(text ?? '')?.[1]?.replace(/,/g, '') ?? NaN);

/** The accessible label of the element with the focus ('' when none has one). */
async function focusedLabel(page: Page) {
  const focused = page.locator(':focus');
  return (await focused.count()) === 1 ? ((await focused.getAttribute('aria-label')) ?? '') : '';
}

/** Presses Tab until the element labelled `label` has the focus: reached by the keyboard alone. */
async function tabTo(page: Page, label: string, limit = 30) {
  for (let i = 0; i < limit; i++) {
    if ((await focusedLabel(page)) === label) return;
    await page.keyboard.press('Tab');
  }
  throw new Error(`“${label}” was not reached with ${limit} presses of Tab`);
}

/** The trends' readings: unresolved today, and resolved so far. */
async function trendReadings(page: Page) {
  await area(page, 'Blockers');
  await view(page, 'Trends');
  const open = page.locator('.trend-card .chart-card-reading');
  const resolved = page.locator('.resolve-card .chart-card-reading');
  await open.waitFor();
  return { open: firstNumber(await open.textContent()), resolved: firstNumber(await resolved.textContent()) };
}

/** Opens the first app of the portfolio table and returns its page's blockers badge text. */
async function openFirstApp(page: Page) {
  await area(page, 'Apps');
  await page.getByText(/^Showing [\d,]+ of [\d,]+/).waitFor();
  await page.locator('.app-name-link').first().click();
  const badge = page.getByTestId('app-open-blockers');
  await badge.waitFor();
  return badge;
}

/**
 * The open-blockers badge on an app's pipeline card (the board filtered to that app), or null
 * when its card shows none.
 */
async function pipelineCardBadge(page: Page, appName: string) {
  await area(page, 'Apps');
  await page.getByRole('navigation', { name: 'Apps views' }).getByRole('link', { name: 'Pipeline' }).click();
  await page.getByRole('searchbox', { name: 'Filter cards' }).fill(appName);
  const card = page
    .locator('li.board-card')
    .filter({ has: page.getByRole('link', { name: appName, exact: true }) });
  await card.first().waitFor();
  return card.getByTestId('card-open-blockers');
}

describe('the Blockers area', () => {
  it('logs a blocker on an app, moves it by keyboard, and the app and the trends follow', async () => {
    const { page } = app;
    await page.getByRole('button', { name: 'Load the demo program' }).click();
    await page.getByRole('heading', { level: 1, name: 'Plan', exact: true }).waitFor();

    const before = await trendReadings(page);
    expect(before.open).toBeGreaterThan(0);

    const badge = await openFirstApp(page);
    const appName = (await page.locator('form.app-page h2').textContent())?.trim() ?? '';
    // The heading's first text is the name alone (the stage badge follows it).
    const cardName = await page
      .locator('form.app-page h2')
      .evaluate((h) => (h.firstChild?.textContent ?? '').trim());
    const openBefore = (await badge.textContent())?.startsWith('Nothing')
      ? 0
      : firstNumber(await badge.textContent());
    await page.getByRole('link', { name: 'Log a blocker on this app' }).click();
    const form = page.getByRole('form', { name: 'Log a blocker' });
    await expect
      .poll(() => form.getByRole('combobox', { name: 'App' }).inputValue())
      .toContain(appName.split(' ')[0]!);
    // Nothing is saved while a field is wrong: the message is at the field.
    await form.getByRole('button', { name: 'Log blocker' }).click();
    await form.getByText('Title is required').waitFor();
    await form.getByRole('textbox', { name: 'Title' }).fill(TITLE);
    await form.getByRole('combobox', { name: 'Sub-category' }).selectOption('Skills, hiring');
    await form.getByRole('combobox', { name: 'Severity' }).selectOption('critical');
    await form.getByRole('button', { name: 'Log blocker' }).click();
    await page.getByRole('heading', { level: 2, name: new RegExp(`^${TITLE}`) }).waitFor();
    await app.shot('blockers-01-logged');

    // The app's page counts it.
    await openFirstApp(page);
    await expect
      .poll(() => badge.textContent())
      .toBe(`${openBefore + 1} open blocker${openBefore ? 's' : ''}`);
    expect(await page.getByRole('list', { name: 'Unresolved blockers of this app' }).textContent()).toContain(
      TITLE,
    );
    expect(await trendReadings(page)).toEqual({ open: before.open + 1, resolved: before.resolved });

    // Its pipeline card counts it, and the count opens the register listing those blockers.
    const cardBadge = await pipelineCardBadge(page, cardName);
    await expect
      .poll(() => cardBadge.textContent())
      .toBe(`${openBefore + 1} open blocker${openBefore ? 's' : ''}`);
    await app.shot('blockers-01b-pipeline-card');
    await cardBadge.click();
    await expect
      .poll(() => page.getByRole('table', { name: /^Blockers, / }).getAttribute('aria-label'))
      .toBe(`Blockers, ${openBefore + 1} shown`);
    // Back to the area without those filters (its views keep a route's filters).
    await area(page, 'Blockers');
    await page.getByRole('table', { name: /^Blockers, / }).waitFor();

    // The board, by keyboard: → to mitigating, → to resolved.
    await view(page, 'Board');
    await page.getByRole('searchbox', { name: 'Search blockers' }).fill('E2E: nobody');
    // The search applies through the route and a live query: until the board shows that card
    // alone, the card holding the board's tab stop may be another that the search then removes.
    await expect.poll(() => page.locator('li.blocker-card').count()).toBe(1);
    await page.locator(`li.blocker-card[aria-label="${TITLE}, critical, open"]`).waitFor();
    // From the search box, Tab alone reaches the card (the board is one stop in the Tab order).
    await tabTo(page, `${TITLE}, critical, open`);
    await page.keyboard.press('ArrowRight');
    await expect.poll(() => focusedLabel(page)).toBe(`${TITLE}, critical, mitigating`);
    await app.shot('blockers-02-board-mitigating');
    await page.keyboard.press('ArrowRight');
    await expect.poll(() => focusedLabel(page)).toBe(`${TITLE}, critical, resolved`);
    await page
      .getByRole('status')
      .filter({ hasText: `“${TITLE}” moved to resolved.` })
      .first()
      .waitFor({ state: 'attached' });

    // Resolved: the trend and time to resolve change, and the app is no longer blocked by it.
    expect(await trendReadings(page)).toEqual({ open: before.open, resolved: before.resolved + 1 });
    await app.shot('blockers-03-trends-after');
    await openFirstApp(page);
    await expect
      .poll(() => badge.textContent())
      .not.toBe(`${openBefore + 1} open blocker${openBefore ? 's' : ''}`);
    expect(await page.locator('.blocker-panel').textContent()).not.toContain(TITLE);
    // And its pipeline card no longer counts it.
    const after = await pipelineCardBadge(page, cardName);
    if (openBefore === 0) await after.waitFor({ state: 'detached' });
    else
      await expect
        .poll(() => after.textContent())
        .toBe(`${openBefore} open blocker${openBefore > 1 ? 's' : ''}`);
  }, 240_000);

  it('opens, from every count on the trends and the board, the register listing exactly those blockers', async () => {
    const { page } = app;
    const shown = page.getByRole('table', { name: /^Blockers, / });
    /** Follows a count's link or button and checks the register lists as many blockers, then comes back. */
    const opensItsList = async (target: Locator) => {
      const label = (await target.getAttribute('aria-label')) ?? (await target.textContent());
      const n = firstNumber(label);
      expect(n, label ?? '').not.toBeNaN();
      await target.click();
      await expect
        .poll(() => shown.getAttribute('aria-label'), { message: label ?? '' })
        .toBe(`Blockers, ${n.toLocaleString('en')} shown`);
      await page.goBack();
    };

    await area(page, 'Blockers');
    await view(page, 'Trends');
    // Each cell of the heat map (unresolved, then every logged blocker).
    const cells = page.locator('.heat-map button.heat-cell');
    await cells.first().waitFor();
    for (const scope of ['unresolved', 'all']) {
      await page.getByRole('combobox', { name: 'Blockers counted' }).selectOption(scope);
      const total = await cells.count();
      expect(total).toBe(12);
      for (let i = 0; i < total; i++) {
        await opensItsList(cells.nth(i));
        await cells.first().waitFor();
        await page.getByRole('combobox', { name: 'Blockers counted' }).selectOption(scope);
      }
    }
    // Each row of the ageing, time-to-resolve and trend tables (the trend's last point: today).
    for (const card of ['Ageing', 'Time to resolve', 'Open blockers over time']) {
      const region = page.getByRole('region', { name: card, exact: true });
      await region.getByRole('button', { name: 'Show as table' }).click();
      const buttons = region.getByRole('button', { name: /^List the / });
      await buttons.first().waitFor();
      const rows =
        card === 'Open blockers over time'
          ? [(await buttons.count()) - 1]
          : [...Array(await buttons.count()).keys()];
      for (const i of rows) {
        await opensItsList(buttons.nth(i));
        await region.getByRole('button', { name: 'Show as table' }).click();
        await buttons.first().waitFor();
      }
    }

    // Each bar of the ageing and time-to-resolve charts, by keyboard: Enter lists what it counts.
    for (const card of ['Ageing', 'Time to resolve']) {
      const bars = page.getByRole('region', { name: card, exact: true }).locator('.bar-chart-bar');
      await bars.first().waitFor();
      const total = await bars.count();
      expect(total, card).toBeGreaterThan(1);
      for (let i = 0; i < total; i++) {
        const bar = bars.nth(i);
        const label = (await bar.getAttribute('aria-label')) ?? '';
        await bar.focus();
        await page.keyboard.press('Enter');
        await expect
          .poll(() => shown.getAttribute('aria-label'), { message: label })
          .toBe(`Blockers, ${firstNumber(label).toLocaleString('en')} shown`);
        await page.goBack();
        await bars.first().waitFor();
      }
    }

    // The trend's plot by keyboard: ← → choose a date (today's first), Enter lists those unresolved then.
    const plot = page
      .getByRole('region', { name: 'Open blockers over time', exact: true })
      .locator('.line-chart-hit');
    await plot.focus();
    await page.keyboard.press('ArrowLeft');
    await page.keyboard.press('ArrowRight');
    const today = (await plot.getAttribute('aria-label')) ?? '';
    expect(today).toMatch(/List the [\d,]+ blockers? unresolved on /);
    await page.keyboard.press('Enter');
    await expect
      .poll(() => shown.getAttribute('aria-label'), { message: today })
      .toBe(`Blockers, ${firstNumber(today).toLocaleString('en')} shown`);
    await page.goBack();

    // The board: each column's count and each lane's unresolved count.
    await view(page, 'Board');
    const board = page.getByRole('region', { name: 'Blocker board' });
    const links = board.locator('a.board-count-link');
    await links.first().waitFor();
    expect(await links.count()).toBe(6);
    for (let i = 0; i < 6; i++) {
      await opensItsList(links.nth(i));
      await links.first().waitFor();
    }
  }, 240_000);

  it('imports a RAID log, reporting its bad row by number until the user maps it', async () => {
    const { page } = app;
    await area(page, 'Blockers');
    await view(page, 'Import');
    const [chooser] = await Promise.all([
      page.waitForEvent('filechooser'),
      page.getByRole('button', { name: 'Choose file…' }).click(),
    ]);
    await chooser.setFiles({ name: 'raid-log.csv', mimeType: 'text/csv', buffer: Buffer.from(RAID_LOG) });
    await page.getByRole('heading', { name: 'Map the columns' }).waitFor();
    const rejected = page.getByRole('table', { name: 'Rows that will not be imported' });
    await expect.poll(() => rejected.textContent()).toContain('Row 6');
    expect(await rejected.textContent()).toContain("“Procurement” is not one of the deck's sub-categories");
    // The unknown sub-category is listed to map, left empty (not filed under Other) by default.
    const procurement = page.getByRole('combobox', { name: 'Sub-category for “Procurement”' });
    expect(await procurement.inputValue()).toBe('');
    await app.shot('blockers-04-import-mapping');
    await page.getByRole('button', { name: 'Import 5 blockers' }).click();
    const result = page.getByRole('list', { name: 'Import result' });
    await expect.poll(() => result.textContent()).toContain('5 created');
    expect(await page.getByRole('table', { name: 'Rejected rows' }).textContent()).toContain('Row 6');
    await app.shot('blockers-05-import-result');

    await view(page, 'Register');
    await page.getByRole('searchbox', { name: 'Search blockers' }).fill('change board approves');
    await expect
      .poll(() => page.getByRole('table', { name: /^Blockers, / }).getAttribute('aria-label'))
      .toBe('Blockers, 1 shown');
    expect(await page.locator('tr.register-row').first().textContent()).toContain('Compliance');
  }, 180_000);

  it('looks right at 1440×900 and 1024×700, light and dark', async () => {
    const { page } = app;
    const screens: [string, string][] = [
      ['register', '#/blockers'],
      ['board', '#/blockers/board'],
      ['trends', '#/blockers/trends'],
      ['new', '#/blockers/new'],
    ];
    for (const theme of ['light', 'dark'] as const) {
      await page.emulateMedia({ colorScheme: theme });
      for (const [width, height] of [
        [1440, 900],
        [1024, 700],
      ] as const) {
        await page.setViewportSize({ width, height });
        for (const [name, hash] of screens) {
          await page.evaluate((h) => {
            (globalThis as unknown as { location: { hash: string } }).location.hash = h;
          }, hash);
          await page.getByRole('heading', { level: 1, name: 'Blockers', exact: true }).waitFor();
          await expect
            .poll(() =>
              page
                .getByRole('main')
                .getByRole('status')
                .filter({ hasText: /^Loading/ })
                .count(),
            )
            .toBe(0);
          await app.shot(`blockers-${name}-${width}-${theme}`);
        }
      }
    }
    expect(app.cspViolations).toEqual([]);
    expect(app.errors).toEqual([]);
  }, 240_000);
});
