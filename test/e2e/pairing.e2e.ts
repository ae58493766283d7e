/**
 * The Pairing area in a real browser against the built app, with the demo program: the owner
 * assigns a seeder from the first developer team to a new team (HR & Workplace); the seeder logs
 * three sessions by keyboard alone (quick entry from other screens, keys counted), sees them in
 * the log and their hours per team and per person; the cycle's pairing shows on Plan. Every
 * Pairing screen is photographed at 1440×900 and 1024×700, light and dark:
 * test-results/screenshots/pairing-*.png.
 */
import { afterEach, describe, expect, it } from 'vitest';
import type { Locator, Page } from 'playwright-core';
import { generateDemoProgram } from '../../shared/demo/generate';
import { rangesOverlap, todayIso, type Person } from '../../shared/domain';
import { openApp, type OpenedApp } from './harness';

let app: OpenedApp | undefined;

afterEach(async () => {
  await app?.close();
  app = undefined;
});

const NEW_TEAM = 'HR & Workplace';

/**
 * A person of the first developer team who can seed, is not assigned anywhere this cycle and has
 * logged no session yet (so quick entry asks them for a topic the first time).
 */
function freeSeeder(): Person {
  const demo = generateDemoProgram({ today: todayIso() });
  const active = demo.cycles.find((c) => c.status === 'active')!;
  const payments = demo.teams.find((t) => t.name === 'Payments')!;
  const cycle = { startDate: active.startDate, endDate: active.endDate };
  const busy = new Set([
    ...demo.assignments.filter((a) => rangesOverlap(a, cycle)).map((a) => a.personId),
    ...demo.pairingSessions.map((s) => s.personId),
  ]);
  const free = demo.people.filter((p) => p.canSeed && !busy.has(p.id));
  const seeder = free.find((p) => p.teamId === payments.id) ?? free[0];
  if (!seeder) throw new Error('The demo has no free seeder');
  return seeder;
}

const area = (page: Page, name: string) =>
  page.getByRole('navigation', { name: 'Areas' }).getByRole('link', { name, exact: true }).click();
const view = (page: Page, name: string) =>
  page.getByRole('navigation', { name: 'Pairing views' }).getByRole('link', { name, exact: true }).click();

/** Whether the element has the focus (this side has no DOM types). */
const hasFocus = (locator: Locator) =>
  locator.evaluate(
    (el) => el === (globalThis as unknown as { document: { activeElement: unknown } }).document.activeElement,
  );

/** Keys pressed, counted: a chord such as Control+Shift+L is one. */
function counter(page: Page) {
  let count = 0;
  return {
    get count() {
      return count;
    },
    async press(key: string) {
      count += 1;
      await page.keyboard.press(key);
    },
    async type(text: string) {
      count += text.length;
      await page.keyboard.type(text);
    },
  };
}

async function loadDemo(page: Page) {
  await page.getByRole('button', { name: 'Load the demo program' }).click();
  await page.getByRole('heading', { level: 1, name: 'Plan', exact: true }).waitFor();
}

describe('the Pairing area', () => {
  it('assigns a seeder to a new team, logs three sessions by keyboard and shows their hours', async () => {
    app = await openApp();
    const { page } = app;
    await page.setViewportSize({ width: 1440, height: 900 });
    await loadDemo(page);
    const seeder = freeSeeder();

    // The owner staffs the new team for the active cycle.
    await area(page, 'Pairing');
    await view(page, 'Assignments');
    await page.getByRole('region', { name: /^Assignments in / }).waitFor();
    await page.getByRole('button', { name: '+ Assign someone' }).click();
    const form = page.getByRole('form', { name: 'Assignment' });
    await form.getByRole('combobox', { name: 'Person' }).fill(seeder.name);
    await form.getByRole('option', { name: seeder.name }).first().click();
    await form.getByRole('combobox', { name: 'Kind' }).selectOption('seeding');
    await form.getByRole('combobox', { name: 'Target team' }).fill(NEW_TEAM);
    await form.getByRole('option', { name: NEW_TEAM }).click();
    await form.getByRole('button', { name: 'Assign' }).click();
    await page.getByText(`Assigned ${seeder.name} seeding with ${NEW_TEAM}.`).waitFor();
    const column = page
      .getByRole('region', { name: /^Assignments in / })
      .getByRole('region', { name: NEW_TEAM });
    await column.getByRole('listitem', { name: `${seeder.name}, seeding` }).waitFor();
    await app.shot('pairing-board-1440-light');

    // The seeder logs three sessions from other screens, keyboard only.
    const keys = counter(page);
    await area(page, 'Plan');
    await page.getByRole('heading', { level: 1, name: 'Plan', exact: true }).waitFor();
    await keys.press('Control+Shift+L');
    const dialog = page.getByRole('dialog', { name: 'Log a pairing session' });
    const who = dialog.getByRole('combobox', { name: 'Who paired' });
    await expect.poll(() => hasFocus(who)).toBe(true);
    // First time on this machine: who is logging.
    await keys.type(seeder.name);
    await dialog.getByRole('option', { name: seeder.name }).first().waitFor();
    await keys.press('Enter');
    await expect.poll(() => who.inputValue()).toBe(seeder.name);
    // Their seeding assignment gives the team.
    await expect.poll(() => dialog.getByRole('combobox', { name: 'Team' }).inputValue()).toBe(NEW_TEAM);
    await keys.press('Enter');
    // No earlier session of theirs: the topic is asked for at its field.
    await dialog.getByText('Topic is required').waitFor();
    await keys.type('Repo setup and first pipeline');
    await app.shot('pairing-quick-entry-1440-light');
    await keys.press('Enter');
    await dialog.waitFor({ state: 'detached' });
    const first = keys.count;

    await area(page, 'Apps');
    await page.getByRole('heading', { level: 1, name: 'Apps', exact: true }).waitFor();
    for (let n = 0; n < 2; n++) {
      const before = keys.count;
      await keys.press('Control+Shift+L');
      const duration = dialog.getByRole('textbox', { name: /^Duration/ });
      await expect.poll(() => hasFocus(duration)).toBe(true);
      // Prefilled from the seeding assignment and the session before.
      expect(await dialog.getByRole('combobox', { name: 'Team' }).inputValue()).toBe(NEW_TEAM);
      expect(await dialog.getByRole('combobox', { name: 'Topic' }).inputValue()).toBe(
        'Repo setup and first pipeline',
      );
      await keys.press('Enter');
      await dialog.waitFor({ state: 'detached' });
      expect(keys.count - before).toBe(2);
    }
    expect(keys.count - first).toBe(4);

    // The sessions are in the log at once, and their hours per team and per person.
    await area(page, 'Pairing');
    await view(page, 'Session log');
    await page.getByRole('combobox', { name: 'Team' }).fill(NEW_TEAM);
    await page.getByRole('option', { name: NEW_TEAM }).click();
    await page.getByRole('table', { name: 'Sessions, 3 shown' }).waitFor();
    await app.shot('pairing-log-1440-light');

    await view(page, 'Hours');
    await page.getByRole('button', { name: 'Teams', exact: true }).click();
    const teams = page.getByRole('table', { name: /^Hours per team, / });
    const row = teams.getByRole('row').filter({ hasText: NEW_TEAM });
    await expect.poll(() => row.locator('td').nth(1).textContent()).toBe('3');
    await expect.poll(() => row.locator('td').nth(2).textContent()).toBe('3');
    await page.getByRole('button', { name: 'People', exact: true }).click();
    const person = page
      .getByRole('table', { name: /^Hours per person, / })
      .getByRole('row')
      .filter({
        hasText: seeder.name,
      });
    await expect.poll(() => person.locator('td').nth(2).textContent()).toBe('3');
    await app.shot('pairing-hours-1440-light');

    // A number leads to its sessions.
    await page.getByRole('button', { name: 'Teams', exact: true }).click();
    await row.getByRole('button', { name: /^3 h: open the 3 sessions of / }).click();
    await page.getByRole('table', { name: 'Sessions, 3 shown' }).waitFor();

    // Plan's cycle detail shows the cycle's pairing with the new seeder.
    await area(page, 'Plan');
    const pairing = page.getByRole('region', { name: 'Pairing and seeding' });
    await pairing.getByText(`${NEW_TEAM}:`).waitFor();
    await expect.poll(() => pairing.textContent()).toContain(`${seeder.name} (seeding)`);
    await pairing.scrollIntoViewIfNeeded();
    await app.shot('pairing-plan-cycle-1440-light');
    expect(app.errors).toEqual([]);
  }, 240_000);

  it.each([
    ['light', 1440, 900],
    ['dark', 1440, 900],
    ['light', 1024, 700],
    ['dark', 1024, 700],
  ] as const)(
    'shows every Pairing screen in the %s theme at %i×%i',
    async (colorScheme, width, height) => {
      app = await openApp({ colorScheme });
      const { page } = app;
      await page.setViewportSize({ width, height });
      await loadDemo(page);
      const suffix = `${width}-${colorScheme}`;
      await area(page, 'Pairing');
      await page.getByRole('table', { name: /^Sessions, [\d,]+ shown$/ }).waitFor();
      await app.shot(`pairing-log-${suffix}`);
      await page.keyboard.press('Control+Shift+L');
      await page
        .getByRole('dialog', { name: 'Log a pairing session' })
        .getByRole('combobox', { name: 'Who paired' })
        .waitFor();
      await app.shot(`pairing-quick-entry-${suffix}`);
      await page.keyboard.press('Escape');
      await view(page, 'Hours');
      await page.getByRole('table', { name: /^Hours per person, / }).waitFor();
      await page.locator('.recharts-bar-rectangle').first().waitFor();
      await app.shot(`pairing-hours-${suffix}`);
      await view(page, 'Assignments');
      await page.getByRole('region', { name: /^Assignments in / }).waitFor();
      await app.shot(`pairing-board-${suffix}`);
      await view(page, 'Stale apps');
      await page
        .getByText(/onboarding app/)
        .first()
        .waitFor();
      await app.shot(`pairing-stale-${suffix}`);
      expect(app.errors).toEqual([]);
    },
    180_000,
  );
});
