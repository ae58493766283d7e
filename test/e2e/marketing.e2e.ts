/**
 * Marketing and the DX self-assessment in a real browser against the built app, with the demo
 * program, by keyboard: an activity is logged from the list (a bad one is refused at its fields,
 * nothing saved) and counts in its cycle; the active cycle's fifteen points are scored through
 * their radio groups, saved, and the radar's reading and the list of points that fell follow.
 * Screenshots at 1440×900 and 1024×700, light and dark, go to test-results/screenshots/marketing-*.png.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openApp, type OpenedApp } from './harness';
import { loadDemo } from './program';

const SIZES = [
  { width: 1440, height: 900 },
  { width: 1024, height: 700 },
] as const;

async function shots(app: OpenedApp, name: string) {
  for (const colorScheme of ['light', 'dark'] as const) {
    await app.page.emulateMedia({ colorScheme });
    for (const size of SIZES) {
      await app.page.setViewportSize(size);
      await app.shot(`marketing-${name}-${colorScheme}-${size.width}`);
    }
  }
  await app.page.emulateMedia({ colorScheme: 'light' });
  await app.page.setViewportSize(SIZES[0]);
}

describe('marketing and the DX self-assessment', () => {
  let app: OpenedApp;

  beforeAll(async () => {
    app = await openApp();
    await loadDemo(app.page);
  });
  afterAll(async () => {
    await app?.close();
  });

  it('logs an activity by keyboard, refuses a bad one, and counts it in its cycle', async () => {
    const { page } = app;
    await page
      .getByRole('navigation', { name: 'Areas' })
      .getByRole('link', { name: 'Marketing', exact: true })
      .click();
    const status = page
      .getByRole('search', { name: 'Filter activities' })
      .locator('xpath=following-sibling::p[1]');
    await page.getByText(/^\d+ activities, [\d,]+ reached\.$/).waitFor();
    const before = Number((await status.textContent())!.match(/^(\d+)/)![1]);
    await shots(app, 'list');

    // A bad activity: no title, a negative reach. Refused at the fields; nothing saved.
    await page.getByRole('link', { name: '+ Log activity' }).focus();
    await page.keyboard.press('Enter');
    const form = page.getByRole('form', { name: 'Marketing activity' });
    await form.waitFor();
    expect(await form.getByLabel('Title').evaluate((el) => el === el.ownerDocument.activeElement)).toBe(true);
    await form.getByLabel('Reach or attendees').fill('-5');
    await form.getByLabel('Title').focus();
    await page.keyboard.press('Enter');
    await form.getByText('Title is required').waitFor();
    await form.getByText('Reach cannot be negative').waitFor();
    await page.keyboard.press('Escape');
    await form.waitFor({ state: 'detached' });
    expect(await page.getByText(`${before} activities,`, { exact: false }).count()).toBe(1);

    // A good one, by keyboard alone: title, kind by its first letter, today's date kept, reach, Enter.
    await page.getByRole('link', { name: '+ Log activity' }).focus();
    await page.keyboard.press('Enter');
    await form.waitFor();
    await page.keyboard.type('Payments guild demo');
    await page.keyboard.press('Tab');
    await page.keyboard.type('D');
    expect(await form.getByLabel('Kind').inputValue()).toBe('demo-day');
    // Past the date (today, kept): its day, month and year are stops of their own.
    const reach = form.getByLabel('Reach or attendees');
    for (let i = 0; i < 6 && !(await reach.evaluate((el) => el === el.ownerDocument.activeElement)); i++)
      await page.keyboard.press('Tab');
    await page.keyboard.type('45');
    await page.keyboard.press('Enter');
    await form.waitFor({ state: 'detached' });
    const row = page
      .getByRole('row')
      .filter({ has: page.getByRole('link', { name: 'Payments guild demo' }) });
    await row.waitFor();
    expect(await row.getByText('Demo day').count()).toBe(1);
    expect(await row.getByRole('cell', { name: '45', exact: true }).count()).toBe(1);
    await page.getByText(`${before + 1} activities,`, { exact: false }).waitFor();

    // Per cycle: the reading counts it.
    await page
      .getByRole('navigation', { name: 'Marketing views' })
      .getByRole('link', { name: 'Per cycle' })
      .click();
    await page.getByText(new RegExp(`over ${before + 1} activities`)).waitFor();
  });

  it('scores the active cycle by keyboard, and the radar and the fallen points follow', async () => {
    const { page } = app;
    await page
      .getByRole('navigation', { name: 'Areas' })
      .getByRole('link', { name: 'DX assessment', exact: true })
      .click();
    const form = page.getByRole('form', { name: /^Self-assessment of / });
    await form.waitFor();
    await form.getByText('0 of 15 points scored', { exact: false }).waitFor();
    const wasFirst = Number((await form.locator('.dx-before').first().textContent())!.match(/was (\d)/)![1]);
    expect(wasFirst).toBeGreaterThan(1);

    // Into the first point's radio group ("not scored" is checked): ArrowRight wraps to 1.
    await form.getByRole('radio').first().focus();
    await page.keyboard.press('Shift+Tab');
    await page.keyboard.press('Tab');
    await page.keyboard.press('ArrowRight');
    for (let point = 2; point <= 15; point++) {
      await page.keyboard.press('Tab'); // the note
      await page.keyboard.press('Tab'); // the next point's scale
      await page.keyboard.press('ArrowLeft'); // from "not scored" to 5
    }
    await form.getByText('15 of 15 points scored', { exact: false }).waitFor();
    await page.keyboard.press('Tab'); // the last note
    await page.keyboard.type('Portal launch slipped');
    await form.getByRole('button', { name: 'Save scores' }).focus();
    await page.keyboard.press('Enter');
    await page.getByText(/^Saved 15 scores of /).waitFor();

    // Until the saved scores come back from the database, the charts still tell the latest cycle
    // scored before this one (its own "since" list), so wait for this cycle's reading first: only
    // the new scores (one 1 and fourteen 5s) average 4.7.
    const reading = page.getByRole('region', { name: 'The fifteen points across cycles' });
    await reading
      .getByText(/averages 4\.7 of 5, (up|down) [\d.]+ on Cycle \d+; \d+ points? fell\./)
      .waitFor();
    expect(await reading.getByText(/not scored yet/).count()).toBe(0);
    const changes = page.getByRole('region', { name: /^Cycle \d+ since Cycle \d+$/ });
    await changes.getByText(`1. Customer Focus: Treat internal developers like clients`).waitFor();
    expect(await changes.getByText(`${wasFirst} → 1`).count()).toBe(1);
    expect(
      await page.getByRole('combobox', { name: 'Cycle' }).locator('option:checked').textContent(),
    ).not.toMatch(/not scored/);
    await shots(app, 'dx-saved');
  });
});
