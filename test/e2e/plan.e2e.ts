/**
 * The Plan area in a real browser against the built app: a first start that creates a program,
 * adds cycles and ticks a checklist step, all still there after a reload; and the demo program
 * showing its cycles and its capacity forecast, which a what-if input redraws. Screenshots go to
 * test-results/screenshots/plan-*.png.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { openApp, type OpenedApp } from './harness';

let app: OpenedApp | undefined;

afterEach(async () => {
  await app?.close();
  app = undefined;
});

describe('the Plan area', () => {
  it('creates a program, adds cycles, ticks a step, and keeps it all over a reload', async () => {
    app = await openApp();
    const { page } = app;

    await page.getByRole('button', { name: 'Create a program' }).waitFor();
    await app.shot('plan-00-welcome');
    await page.getByRole('button', { name: 'Create a program' }).click();
    const form = page.getByRole('form', { name: 'Program' });
    // A bad form first: the messages sit at their fields and nothing is created.
    await form.getByRole('button', { name: 'Create program' }).click();
    await expect.poll(() => form.getByText('Program name is required').count()).toBe(1);
    await app.shot('plan-01-program-form-errors');

    await form.getByLabel('Program name').fill('Cloud-native modernization');
    await form.getByLabel('Platform name').fill('Tanzu Platform');
    await form.getByLabel('Start date').fill('2026-01-31');
    await form.getByLabel('Target apps').fill('40');
    await form.getByLabel('Eligible app population').fill('400');
    await app.shot('plan-02-program-form');
    await form.getByRole('button', { name: 'Create program' }).click();

    await page.getByRole('heading', { level: 1, name: 'Plan', exact: true }).waitFor();
    await expect.poll(() => page.url()).toContain('#/plan');
    await page.getByRole('heading', { level: 2, name: 'Initial phase', exact: true }).waitFor();
    await app.shot('plan-03-new-program');

    // Two cycles, each proposed from the hand-over day of the one before.
    const proposals = [
      ['2026-04-30', '2026-07-30'],
      ['2026-07-30', '2026-10-30'],
    ];
    for (const [n, [start, end]] of proposals.entries()) {
      await page.getByRole('button', { name: '+ Add cycle' }).first().click();
      const cycleForm = page.getByRole('form', { name: 'New cycle' });
      expect(await cycleForm.getByLabel('Start date').inputValue()).toBe(start);
      expect(await cycleForm.getByLabel('End date').inputValue()).toBe(end);
      if (n === 0) {
        await cycleForm.getByLabel('Cycle name').fill('Payments & search');
        await app.shot('plan-04-add-cycle');
      }
      await cycleForm.getByRole('button', { name: 'Add cycle' }).click();
      await page.getByRole('form', { name: 'New cycle' }).waitFor({ state: 'detached' });
    }
    const bars = page.getByRole('listbox', { name: 'Cycles on the timeline' }).getByRole('option');
    await expect.poll(() => bars.count()).toBe(3);

    // Back to the initial phase: start it and tick a step.
    await bars.first().click();
    await page.getByRole('heading', { level: 2, name: 'Initial phase', exact: true }).waitFor();
    await page.getByRole('button', { name: 'Start cycle' }).click();
    await page.getByRole('button', { name: 'Close cycle and start next' }).waitFor();
    await page.getByRole('checkbox', { name: 'Developer toil audit.' }).check();
    const doneDate = page.getByLabel('Done date of “Developer toil audit.”');
    await doneDate.waitFor();
    await doneDate.fill('2026-02-12');
    await doneDate.blur();
    await page.getByRole('textbox', { name: 'Retro notes' }).fill('One app picked with the payments team.');
    await page.getByRole('button', { name: 'Save notes' }).click();
    await page.getByText('Saved', { exact: true }).waitFor();
    await page.getByText('1 of 8 done').waitFor();
    await app.shot('plan-05-checklist-ticked');

    await page.reload();
    await page.getByRole('heading', { level: 2, name: 'Initial phase', exact: true }).waitFor();
    await expect.poll(() => bars.count()).toBe(3);
    expect(await page.getByRole('checkbox', { name: 'Developer toil audit.' }).isChecked()).toBe(true);
    expect(await page.getByLabel('Done date of “Developer toil audit.”').inputValue()).toBe('2026-02-12');
    expect(await page.getByRole('textbox', { name: 'Retro notes' }).inputValue()).toBe(
      'One app picked with the payments team.',
    );
    expect(await page.getByRole('heading', { name: 'Cloud-native modernization' }).count()).toBe(1);
    expect(await bars.first().getAttribute('aria-label')).toContain('active');
    expect(await bars.nth(1).getAttribute('aria-label')).toContain('Scaling cycle 1 — Payments & search');
    // The app scrolls inside its main pane: a tall window shows the whole screen in one picture.
    await page.setViewportSize({ width: 1360, height: 1500 });
    await app.shot('plan-06-after-reload');

    await page.getByRole('combobox', { name: 'Theme' }).selectOption('dark');
    await app.shot('plan-07-dark');
    expect(app.errors).toEqual([]);
  });

  it('loads the demo program and shows its cycles on the Plan', async () => {
    app = await openApp({ colorScheme: 'dark' });
    const { page } = app;
    await page.getByRole('button', { name: 'Load the demo program' }).click();
    await page.getByRole('heading', { level: 1, name: 'Plan', exact: true }).waitFor({ timeout: 60_000 });
    const bars = page.getByRole('listbox', { name: 'Cycles on the timeline' }).getByRole('option');
    await expect.poll(() => bars.count(), { timeout: 10_000 }).toBeGreaterThan(4);
    expect(await bars.first().getAttribute('aria-label')).toMatch(
      /^Initial \d+\/1 · Initial phase · \d+ on platform · goal 1:/,
    );
    expect(await page.getByRole('button', { name: /^Scaling cycle 1(?!\d)/ }).count()).toBe(1);
    await page.setViewportSize({ width: 1360, height: 1500 });
    await app.shot('plan-10-demo-dark');
    await page.getByRole('combobox', { name: 'Theme' }).selectOption('light');
    await app.shot('plan-11-demo-light');

    // The capacity forecast, drawn as the page is scrolled down to it: defaults from the demo's
    // history, redrawn as a what-if is typed.
    await page.locator('main').evaluate((main) => main.scrollTo(0, main.scrollHeight));
    const forecast = page.getByRole('region', { name: 'Capacity forecast: plan, forecast and actual apps' });
    const reading = forecast.locator('.chart-card-reading');
    await expect
      .poll(() => reading.textContent())
      .toMatch(/^The target of \d+ apps is (reached|not reached)/);
    const seeders = page.getByRole('textbox', { name: 'People able to seed' });
    expect(Number(await seeders.inputValue())).toBeGreaterThan(0);
    await expect.poll(() => forecast.locator('.recharts-line').count()).toBe(3);
    const before = await reading.textContent();
    const line = forecast.locator('.recharts-line').nth(1).locator('path').first();
    const drawn = await line.getAttribute('d');
    for (const [width, height] of [
      [1440, 900],
      [1024, 700],
    ] as const) {
      await page.setViewportSize({ width, height });
      await forecast.scrollIntoViewIfNeeded();
      for (const theme of ['light', 'dark'] as const) {
        await page.getByRole('combobox', { name: 'Theme' }).selectOption(theme);
        await app.shot(`plan-20-forecast-${width}-${theme}`);
      }
    }
    await seeders.fill('1');
    await expect.poll(() => reading.textContent()).not.toBe(before);
    // Recharts animates the new line in: wait past its animation.
    await expect.poll(() => line.getAttribute('d'), { timeout: 10_000 }).not.toBe(drawn);
    await page.getByRole('textbox', { name: 'Ceiling, apps per cycle' }).fill('x');
    await page.getByText('Ceiling per cycle must be a number').waitFor();
    await app.shot('plan-21-forecast-what-if');
    await page.getByRole('button', { name: 'Back to the program’s history' }).click();
    await expect.poll(() => reading.textContent()).toBe(before);
    expect(app.errors).toEqual([]);
  });
});
