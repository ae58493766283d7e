/**
 * Every screen of the app with the demo program loaded, in the light and the dark theme: axe-core
 * finds no serious or critical accessibility problem on any of them, and the page never violates
 * its own Content-Security-Policy (listened for from the page's first script on). The screens
 * are reached the way a user reaches them, through the area and view links.
 */
import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Locator, Page } from 'playwright-core';
import { describeFindings, findBlockingViolations } from './axe';
import { openApp, type OpenedApp } from './harness';

interface Screen {
  name: string;
  /** Gets there from anywhere in the app and waits until the screen shows its data. */
  open(page: Page): Promise<void>;
}

/** A ServiceNow export whose criticality texts the import maps to business values. */
const CMDB_CSV = readFileSync(new URL('../fixtures/csv/cmdb-30.csv', import.meta.url));

const area = (page: Page, name: string) =>
  page.getByRole('navigation', { name: 'Areas' }).getByRole('link', { name, exact: true }).click();
const blockersView = (page: Page, name: string) =>
  page.getByRole('navigation', { name: 'Blockers views' }).getByRole('link', { name, exact: true }).click();
const pairingView = (page: Page, name: string) =>
  page.getByRole('navigation', { name: 'Pairing views' }).getByRole('link', { name, exact: true }).click();
const appsView = (page: Page, name: string) =>
  page.getByRole('navigation', { name: 'Apps views' }).getByRole('link', { name, exact: true }).click();
const peopleView = (page: Page, name: string) =>
  page.getByRole('navigation', { name: 'People views' }).getByRole('link', { name, exact: true }).click();

/** Value streams: the leadership list of the latest improvement per app. */
const improvements = (page: Page) =>
  page.getByRole('region', { name: 'Latest improvement per app, as a table' });
const firstLink = (scope: Locator) => scope.getByRole('link').first();

const SCREENS: Screen[] = [
  {
    name: 'plan',
    async open(page) {
      await area(page, 'Plan');
      await page.getByRole('heading', { level: 1, name: 'Plan', exact: true }).waitFor();
      await page
        .getByRole('listbox', { name: 'Cycles on the timeline' })
        .getByRole('option')
        .first()
        .waitFor();
    },
  },
  {
    name: 'apps table',
    async open(page) {
      await area(page, 'Apps');
      await appsView(page, 'Table');
      await page.getByText(/^Showing [\d,]+ of [\d,]+/).waitFor();
    },
  },
  {
    name: 'apps pipeline',
    async open(page) {
      await appsView(page, 'Pipeline');
      await page.getByRole('region', { name: 'Pipeline board' }).getByRole('listitem').first().waitFor();
    },
  },
  {
    name: 'apps feasibility',
    async open(page) {
      await appsView(page, 'Feasibility');
      await page.getByRole('heading', { name: 'Feasibility matrix' }).waitFor();
      await page.locator('.matrix-chart circle.point').first().waitFor();
    },
  },
  {
    name: 'apps scoring',
    async open(page) {
      await appsView(page, 'Scoring');
      await page
        .getByRole('grid', { name: /^Scores, / })
        .locator('[role="gridcell"]')
        .first()
        .waitFor();
    },
  },
  {
    name: 'apps golden paths',
    async open(page) {
      await appsView(page, 'Golden paths');
      await page.getByRole('region', { name: 'Golden paths' }).getByRole('article').first().waitFor();
    },
  },
  {
    name: 'apps criteria',
    async open(page) {
      await appsView(page, 'Criteria');
      await page
        .getByRole('form', { name: /^Criterion / })
        .first()
        .waitFor();
    },
  },
  {
    name: 'apps import',
    async open(page) {
      await appsView(page, 'Import');
      await page.getByRole('button', { name: 'Choose file…' }).waitFor();
    },
  },
  {
    name: 'apps import, values of a CMDB export',
    async open(page) {
      const [chooser] = await Promise.all([
        page.waitForEvent('filechooser'),
        page.getByRole('button', { name: 'Choose file…' }).click(),
      ]);
      await chooser.setFiles({ name: 'cmdb-30.csv', mimeType: 'text/csv', buffer: CMDB_CSV });
      await page.getByRole('region', { name: '“business_criticality” as Business value' }).waitFor();
    },
  },
  {
    name: 'app page',
    async open(page) {
      await appsView(page, 'Table');
      await page.getByText(/^Showing [\d,]+ of [\d,]+/).waitFor();
      await page.locator('.app-name-link').first().click();
      await page.getByRole('combobox', { name: 'Stage' }).waitFor();
    },
  },
  {
    name: 'new app',
    async open(page) {
      await area(page, 'Apps');
      await page.getByRole('link', { name: '+ New app' }).click();
      await page.getByRole('textbox', { name: /^Name/ }).first().waitFor();
    },
  },
  {
    name: 'people list',
    async open(page) {
      await area(page, 'People');
      await peopleView(page, 'People');
      await page.getByText(/^Showing [\d,]+ of [\d,]+/).waitFor();
    },
  },
  {
    name: 'new person',
    async open(page) {
      await page.getByRole('link', { name: '+ Add person' }).click();
      await page.getByRole('form', { name: 'New person' }).waitFor();
    },
  },
  {
    name: 'people teams',
    async open(page) {
      // The new person's form, left open by the screen before, is closed first.
      await page.getByRole('form', { name: 'New person' }).getByRole('button', { name: 'Cancel' }).click();
      await peopleView(page, 'Teams');
      await page.getByRole('heading', { name: 'Platform', exact: true }).waitFor();
    },
  },
  {
    name: 'people knowledge map',
    async open(page) {
      await peopleView(page, 'Knowledge map');
      await page.getByRole('tree', { name: 'Seeding lineage' }).getByRole('treeitem').first().waitFor();
    },
  },
  {
    name: 'people import',
    async open(page) {
      await peopleView(page, 'Import');
      await page.getByRole('button', { name: 'Choose file…' }).waitFor();
    },
  },
  {
    name: 'pairing session log',
    async open(page) {
      await area(page, 'Pairing');
      await pairingView(page, 'Session log');
      await page
        .getByRole('table', { name: /^Sessions, [\d,]+ shown$/ })
        .locator('tr.virtual-row:not(.loading)')
        .first()
        .waitFor();
    },
  },
  {
    name: 'pairing quick entry',
    async open(page) {
      await page.keyboard.press('Control+Shift+L');
      await page
        .getByRole('dialog', { name: 'Log a pairing session' })
        .getByRole('combobox', { name: 'Who paired' })
        .waitFor();
    },
  },
  {
    name: 'pairing hours',
    async open(page) {
      await page.keyboard.press('Escape');
      await page.getByRole('dialog', { name: 'Log a pairing session' }).waitFor({ state: 'detached' });
      await pairingView(page, 'Hours');
      await page
        .getByRole('table', { name: /^Hours per person, / })
        .locator('tr.virtual-row')
        .first()
        .waitFor();
    },
  },
  {
    name: 'pairing assignments',
    async open(page) {
      await pairingView(page, 'Assignments');
      await page
        .getByRole('region', { name: /^Assignments in / })
        .getByRole('listitem')
        .first()
        .waitFor();
    },
  },
  {
    name: 'pairing stale apps',
    async open(page) {
      await pairingView(page, 'Stale apps');
      await page.getByRole('table', { name: /^Stale onboarding apps, / }).waitFor();
    },
  },
  {
    name: 'blockers register',
    async open(page) {
      await area(page, 'Blockers');
      await blockersView(page, 'Register');
      await page.locator('tr.register-row').first().waitFor();
    },
  },
  {
    name: 'blockers board',
    async open(page) {
      await blockersView(page, 'Board');
      await page.getByRole('region', { name: 'Blocker board' }).locator('li.blocker-card').first().waitFor();
    },
  },
  {
    name: 'blockers trends',
    async open(page) {
      await blockersView(page, 'Trends');
      await page.locator('.trend-card .line-chart-svg path').first().waitFor();
    },
  },
  {
    name: 'blockers import',
    async open(page) {
      await blockersView(page, 'Import');
      await page.getByRole('button', { name: 'Choose file…' }).waitFor();
    },
  },
  {
    name: 'blocker page',
    async open(page) {
      await blockersView(page, 'Register');
      await page.locator('a.register-title').first().click();
      await page.getByRole('form', { name: 'Change the status' }).waitFor();
    },
  },
  {
    name: 'new blocker',
    async open(page) {
      await page.getByRole('link', { name: '+ Log a blocker' }).click();
      await page.getByRole('form', { name: 'Log a blocker' }).waitFor();
    },
  },
  {
    name: 'value streams',
    async open(page) {
      await area(page, 'Value streams');
      await improvements(page).getByRole('row').nth(1).waitFor();
    },
  },
  {
    name: 'value stream map',
    async open(page) {
      await firstLink(improvements(page).getByRole('rowheader')).click();
      await page.getByRole('region', { name: 'Derived figures' }).waitFor();
    },
  },
  {
    name: 'value streams compared',
    async open(page) {
      await firstLink(page.getByRole('navigation', { name: 'Compare with another version' })).click();
      await page.getByRole('table', { name: 'Figures' }).waitFor();
    },
  },
  {
    name: 'toil audits',
    async open(page) {
      await area(page, 'Toil audits');
      await page.locator('.toil-list-head').waitFor();
    },
  },
  {
    name: 'toil audit results',
    async open(page) {
      await page.locator('a[href^="#/toil/"]').filter({ hasNotText: '+' }).first().click();
      await page.getByRole('heading', { level: 2 }).first().waitFor();
    },
  },
  {
    name: 'toil heat map',
    async open(page) {
      await page
        .getByRole('navigation', { name: 'Toil audits views' })
        .getByRole('link', { name: 'Heat map', exact: true })
        .click();
      await page.locator('.toil-heat-table tbody tr').first().waitFor();
    },
  },
  {
    name: 'toil template',
    async open(page) {
      await page
        .getByRole('navigation', { name: 'Toil audits views' })
        .getByRole('link', { name: 'Template', exact: true })
        .click();
      await page.getByRole('heading', { name: 'The survey' }).waitFor();
    },
  },
  {
    name: 'marketing',
    async open(page) {
      await area(page, 'Marketing');
      await page
        .getByRole('link', { name: /^Nimbus News #\d+$/ })
        .first()
        .waitFor();
    },
  },
  {
    name: 'marketing activity',
    async open(page) {
      await page
        .getByRole('link', { name: /^Nimbus News #\d+$/ })
        .first()
        .click();
      await page.getByRole('form', { name: 'Marketing activity' }).waitFor();
    },
  },
  {
    name: 'marketing per cycle',
    async open(page) {
      await page.keyboard.press('Escape');
      await page
        .getByRole('navigation', { name: 'Marketing views' })
        .getByRole('link', { name: 'Per cycle', exact: true })
        .click();
      await page.locator('.mk-cycles .recharts-surface').first().waitFor();
    },
  },
  {
    name: 'dx assessment',
    async open(page) {
      await area(page, 'DX assessment');
      await page.getByRole('form', { name: /^Self-assessment of / }).waitFor();
      await page.locator('.dx-charts .recharts-surface').first().waitFor();
    },
  },
  {
    name: 'data',
    async open(page) {
      await area(page, 'Data');
      await page.getByRole('heading', { level: 1, name: 'Data', exact: true }).waitFor();
      await expect
        .poll(() => page.getByLabel('Records per area').locator('dd').first().textContent())
        .not.toBe('0');
    },
  },
];

/** Waits for the lazy parts of a screen: no "Loading…" status left in the main pane. */
async function settled(page: Page) {
  await expect
    .poll(() =>
      page
        .getByRole('main')
        .getByRole('status')
        .filter({ hasText: /^Loading/ })
        .count(),
    )
    .toBe(0);
}

// One app per theme, the demo loaded once, one test per screen in order: each screen gets its
// own time budget, and a failure names the screen.
describe.each(['light', 'dark'] as const)('every screen with the demo program, %s theme', (colorScheme) => {
  let app: OpenedApp;

  beforeAll(async () => {
    app = await openApp({ colorScheme });
  });
  afterAll(async () => {
    await app?.close();
  });

  it('welcome: no serious accessibility problem', async () => {
    await app.page.getByRole('button', { name: 'Load the demo program' }).waitFor();
    expect(describeFindings('welcome', await findBlockingViolations(app.page))).toEqual([]);
  });

  it('loads the demo program', async () => {
    await app.page.getByRole('button', { name: 'Load the demo program' }).click();
    await app.page.getByRole('heading', { level: 1, name: 'Plan', exact: true }).waitFor();
  });

  it.each(SCREENS)('$name: no serious accessibility problem', async (screen) => {
    await screen.open(app.page);
    await settled(app.page);
    expect(describeFindings(screen.name, await findBlockingViolations(app.page))).toEqual([]);
  });

  it('broke no rule of its Content-Security-Policy and logged no error on any screen', () => {
    expect(app.cspViolations).toEqual([]);
    expect(app.errors).toEqual([]);
  });

  it('made no request beyond its own origin on any screen', () => {
    expect(app.offOriginRequests).toEqual([]);
  });

  it('runs isolated: no Node globals in the page, and a policy with no eval and no remote origin', async () => {
    const globals = await app.page.evaluate(() => {
      const page = globalThis as Record<string, unknown>;
      return ['require', 'process', 'module', 'Buffer', 'global'].filter((name) => name in page);
    });
    expect(globals).toEqual([]);
    const policy = await app.page
      .locator('meta[http-equiv="Content-Security-Policy"]')
      .getAttribute('content');
    expect(policy).toContain("default-src 'self'");
    expect(policy).not.toMatch(/unsafe-eval|unsafe-inline|https?:|\*/);
  });
});
