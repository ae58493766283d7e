/**
 * The Apps area in a real browser against the built app: bring a portfolio in from a CSV and a
 * Backstage catalog (through the browser's file picker), see the apps in the table and on the
 * feasibility matrix, select the first app into the initial phase, move it to "on platform" on
 * the board, and find it all again after a reload. A bad file is refused with a message.
 * Screenshots go to test-results/screenshots/apps-*.png.
 */
import { readFileSync } from 'node:fs';
import { afterEach, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { openApp, type OpenedApp } from './harness';
import { createProgram } from './program';

let app: OpenedApp | undefined;

afterEach(async () => {
  await app?.close();
  app = undefined;
});

const PORTFOLIO_CSV = [
  'Name,Team,CMDB id,Business value,Technical feasibility,Lifecycle,Description',
  'Payments API,Checkout,CI-1001,5,4.5,production,Card and wallet payments',
  'Ledger,Finance,CI-1002,4.5,2,production,General ledger on a mainframe bridge',
  'Search,Discovery,CI-1003,3.5,4,production,Product search',
  'Recommendations,Discovery,CI-1004,2.5,4.5,experimental,Suggested products',
  'Loyalty,Marketing,CI-1005,3,3,production,Points and rewards',
  'Warehouse sync,Logistics,CI-1006,4,1.5,production,Nightly stock sync',
  'Fraud scoring,Risk,CI-1007,4.5,3.5,production,Scores card payments for fraud',
  'Intranet,Workplace,CI-1008,1.5,4,production,Staff news',
  'Reporting,Finance,CI-1009,2,2,deprecated,Month-end reports',
  'Broken row,Finance,CI-1010,eleven,3,production,Has a bad score',
].join('\n');

const CATALOG_YAML = `apiVersion: backstage.io/v1alpha1
kind: Group
metadata:
  name: identity-team
spec:
  type: team
  profile:
    displayName: Identity
  children: []
---
apiVersion: backstage.io/v1alpha1
kind: Component
metadata:
  name: login-service
  title: Login service
  description: Sign-in for customers
spec:
  type: service
  lifecycle: production
  owner: group:default/identity-team
  system: identity
---
apiVersion: backstage.io/v1alpha1
kind: Component
metadata:
  name: profile-service
  description: Customer profiles
spec:
  type: service
  lifecycle: production
  owner: identity-team
  system: identity
---
apiVersion: backstage.io/v1alpha1
kind: API
metadata:
  name: login-api
spec:
  type: openapi
  lifecycle: production
  owner: identity-team
  definition: "openapi: 3.0.0"
---
kind: Component
metadata:
  name: no-api-version
spec:
  owner: identity-team
`;

/**
 * Clicks "Choose file…" and answers the browser's file picker with the given file. The picker is
 * awaited together with the click, so a click that fails takes the waiter down with it instead of
 * leaving it to time out later as an unhandled rejection.
 */
async function chooseFile(page: Page, name: string, content: string | Buffer, mimeType = 'text/plain') {
  const [chooser] = await Promise.all([
    page.waitForEvent('filechooser'),
    page.getByRole('button', { name: 'Choose file…' }).click(),
  ]);
  await chooser.setFiles({
    name,
    mimeType,
    buffer: Buffer.isBuffer(content) ? content : Buffer.from(content),
  });
}

describe('the Apps area', () => {
  it('imports a portfolio, picks the first app and follows it to the platform, and keeps it over a reload', async () => {
    app = await openApp();
    const { page } = app;
    await createProgram(page);

    await page.getByRole('navigation', { name: 'Areas' }).getByRole('link', { name: 'Apps' }).click();
    await page.getByRole('heading', { name: 'No apps yet' }).waitFor();
    await app.shot('apps-01-empty');

    // A binary file is refused and nothing changes.
    await page.getByRole('navigation', { name: 'Apps views' }).getByRole('link', { name: 'Import' }).click();
    await chooseFile(
      page,
      'logo.csv',
      Buffer.from([0x89, 0x50, 0x4e, 0x47, 0, 0, 0, 0x0d, 0x49, 0x48, 0x44, 0x52, 0, 0, 1, 0, 0, 0, 0, 0]),
      'text/csv',
    );
    await expect.poll(() => page.getByRole('alert').textContent()).toContain('Nothing was imported.');
    await app.shot('apps-02-binary-file-refused');

    // CSV: the columns are guessed, the preview shows the bad row.
    await chooseFile(page, 'portfolio.csv', PORTFOLIO_CSV, 'text/csv');
    await page.getByRole('heading', { name: 'Map the columns' }).waitFor();
    expect(await page.getByRole('combobox', { name: /App name/ }).inputValue()).toBe('0');
    expect(await page.getByRole('combobox', { name: /External id/ }).inputValue()).toBe('2');
    await expect
      .poll(() => page.getByRole('table', { name: 'Preview' }).getByRole('row').last().textContent())
      .toContain('“eleven” is not a number');
    await app.shot('apps-03-csv-mapping-preview');
    // A score that cannot be read costs the row only that value: it is left empty, with a warning.
    expect(await page.getByRole('table', { name: 'Values that will be left empty' }).textContent()).toContain(
      'Row 11',
    );
    await page.getByRole('button', { name: 'Import 10 apps' }).click();
    const result = page.getByRole('list', { name: 'Import result' });
    await expect.poll(() => result.textContent()).toContain('10 created');
    expect(await result.textContent()).toContain('0 rejected');
    await app.shot('apps-04-csv-result');

    // Backstage catalog: components become apps, the group a team, the API is skipped, the broken document rejected.
    await page.getByRole('button', { name: 'Import another file' }).click();
    await page.getByRole('radio', { name: /Backstage catalog/ }).check();
    await chooseFile(page, 'catalog-info.yaml', CATALOG_YAML, 'application/yaml');
    await page.getByRole('heading', { name: 'Backstage catalog' }).waitFor();
    await app.shot('apps-05-catalog-summary');
    await page.getByRole('button', { name: /^Import 2 apps/ }).click();
    await expect.poll(() => result.textContent()).toContain('2 created');
    expect(await result.textContent()).toContain('1 skipped');
    expect(await page.getByRole('table', { name: 'Rejected rows' }).textContent()).toContain('Document 5');

    // Importing the catalog again creates nothing new.
    await page.getByRole('button', { name: 'Import another file' }).click();
    await page.getByRole('radio', { name: /Backstage catalog/ }).check();
    await chooseFile(page, 'catalog-info.yaml', CATALOG_YAML, 'application/yaml');
    await page.getByRole('button', { name: /^Import 2 apps/ }).click();
    await expect.poll(() => result.textContent()).toContain('0 created');
    expect(await result.textContent()).toContain('2 updated');

    // The table has all twelve; the search narrows it.
    await page.getByRole('navigation', { name: 'Apps views' }).getByRole('link', { name: 'Table' }).click();
    await page.getByText('Showing 12 of 12').waitFor();
    await app.shot('apps-06-table');
    await page.getByRole('searchbox', { name: 'Search apps' }).fill('identity');
    await page.getByText('Showing 2 of 12').waitFor();
    await page.getByRole('button', { name: 'Clear filters' }).click();
    await page.getByRole('button', { name: 'Business' }).click();
    await expect
      .poll(() => page.getByRole('table').getByRole('row').nth(1).getByRole('cell').first().textContent())
      .toBe('Payments API');

    // The matrix shows the scored apps; the ranked list puts Payments API first.
    await page
      .getByRole('navigation', { name: 'Apps views' })
      .getByRole('link', { name: 'Feasibility' })
      .click();
    await page.getByRole('heading', { name: 'Feasibility matrix' }).waitFor();
    await expect.poll(() => page.locator('.matrix-chart circle.point').count()).toBe(9);
    expect(await page.getByText('Start here').count()).toBeGreaterThan(0);
    const ranked = page
      .getByRole('list')
      .filter({ has: page.getByRole('checkbox', { name: 'Pick Payments API' }) });
    expect(await ranked.getByRole('listitem').first().textContent()).toContain('Payments API');
    await page.getByRole('checkbox', { name: 'Pick Payments API' }).check();
    await app.shot('apps-07-matrix');

    // Select it into the initial phase: the playbook check says it is exactly right.
    await page.getByRole('button', { name: 'Select into cycle…' }).click();
    const dialog = page.getByRole('dialog', { name: 'Select into cycle' });
    const initial = await dialog.locator('option', { hasText: 'Initial phase' }).getAttribute('value');
    await dialog.getByRole('combobox', { name: 'Cycle' }).selectOption(initial!);
    await expect
      .poll(() => dialog.getByTestId('cycle-check').textContent())
      .toContain('Initial phase will have 1 app');
    await app.shot('apps-08-select-into-cycle');
    await dialog.getByRole('button', { name: 'Select into Initial phase' }).click();
    await dialog.waitFor({ state: 'hidden' });

    // The board: move it from Selected to On platform with the keyboard.
    await page
      .getByRole('navigation', { name: 'Apps views' })
      .getByRole('link', { name: 'Pipeline' })
      .click();
    const card = page.getByRole('listitem', { name: 'Payments API, Selected' });
    await card.focus();
    await page.keyboard.press('ArrowRight');
    await page.getByRole('listitem', { name: 'Payments API, Onboarding' }).waitFor();
    await page.keyboard.press('ArrowRight');
    await page.getByRole('listitem', { name: 'Payments API, On platform' }).waitFor();
    await app.shot('apps-09-board');

    // After a reload everything is still there.
    await page.reload();
    await page.getByRole('listitem', { name: 'Payments API, On platform' }).waitFor();
    await page.getByRole('navigation', { name: 'Apps views' }).getByRole('link', { name: 'Table' }).click();
    await page.getByText('Showing 12 of 12').waitFor();
    await page.getByRole('table').getByText('Payments API').click();
    await page.getByRole('heading', { name: /Payments API/ }).waitFor();
    expect(await page.getByRole('combobox', { name: 'Stage' }).inputValue()).toBe('on-platform');
    expect(await page.getByRole('combobox', { name: 'Cycle' }).locator('option:checked').textContent()).toBe(
      'Initial phase',
    );
    await expect.poll(() => page.getByText('0 days').count()).toBeGreaterThan(0);
    await app.shot('apps-10-app-page');

    // The cycle in Plan shows its one app, within the playbook's range.
    await page.getByRole('navigation', { name: 'Areas' }).getByRole('link', { name: 'Plan' }).click();
    const summary = page.getByRole('region', { name: 'Apps selected' });
    await expect
      .poll(() => summary.getByTestId('cycle-range').textContent())
      .toContain('within the playbook');
    expect(await summary.getByRole('link', { name: 'Payments API' }).count()).toBe(1);
    await summary.scrollIntoViewIfNeeded();
    await app.shot('apps-11-plan-cycle');

    expect(app.errors).toEqual([]);
  });

  it('reads well in the dark theme', async () => {
    app = await openApp({ colorScheme: 'dark' });
    const { page } = app;
    await createProgram(page);
    await page.goto(new URL('#/apps/import', app.baseURL).toString());
    await chooseFile(page, 'portfolio.csv', PORTFOLIO_CSV, 'text/csv');
    await page.getByRole('button', { name: 'Import 10 apps' }).click();
    await page.getByRole('list', { name: 'Import result' }).waitFor();
    await page
      .getByRole('navigation', { name: 'Apps views' })
      .getByRole('link', { name: 'Feasibility' })
      .click();
    await expect.poll(() => page.locator('.matrix-chart circle.point').count()).toBe(9);
    await app.shot('apps-12-matrix-dark');
    await page
      .getByRole('navigation', { name: 'Apps views' })
      .getByRole('link', { name: 'Pipeline' })
      .click();
    await page.getByRole('listitem', { name: 'Ledger, Candidate' }).waitFor();
    await app.shot('apps-13-board-dark');

    // A golden path, marked on two apps from its card.
    await page
      .getByRole('navigation', { name: 'Apps views' })
      .getByRole('link', { name: 'Golden paths' })
      .click();
    await page.getByRole('button', { name: 'Create the first golden path' }).click();
    const form = page.getByRole('dialog', { name: 'New golden path' });
    await form.getByLabel('Name').fill('Spring Boot service');
    await form.getByLabel('Description').fill('Build, scan and deploy a Java service in one pipeline.');
    await form.getByRole('button', { name: 'Create' }).click();
    await page.getByRole('heading', { name: 'Spring Boot service' }).waitFor();
    await page.getByRole('button', { name: 'Mark apps…' }).click();
    const picker = page.getByRole('dialog', { name: 'Apps using Spring Boot service' });
    await picker.getByRole('checkbox', { name: 'Payments API' }).check();
    await picker.getByRole('checkbox', { name: 'Search' }).check();
    await picker.getByRole('button', { name: 'Save' }).click();
    await expect.poll(() => page.getByText('Used by 2 apps').count()).toBe(1);
    await app.shot('apps-14-golden-paths-dark');

    await page
      .getByRole('navigation', { name: 'Apps views' })
      .getByRole('link', { name: 'Criteria' })
      .click();
    await page.getByRole('form', { name: 'Criterion Business criticality' }).waitFor();
    await app.shot('apps-15-criteria-dark');
    expect(app.errors).toEqual([]);
  });

  it('reads a Backstage Location, then the files it names picked together (one UTF-16 without a mark): one team', async () => {
    app = await openApp();
    const { page } = app;
    await page.setViewportSize({ width: 1024, height: 700 });
    await createProgram(page);
    await page.goto(new URL('#/apps/import', app.baseURL).toString());
    await page.getByRole('radio', { name: /Backstage catalog/ }).click();
    const fixture = (name: string) => readFileSync(new URL(`../fixtures/backstage/${name}`, import.meta.url));
    const pick = async (files: { name: string; buffer: Buffer }[]) => {
      const [chooser] = await Promise.all([
        page.waitForEvent('filechooser'),
        page.getByRole('button', { name: 'Choose file…' }).click(),
      ]);
      expect(chooser.isMultiple()).toBe(true);
      await chooser.setFiles(files.map((f) => ({ ...f, mimeType: 'text/yaml' })));
    };

    await pick([{ name: 'all.yaml', buffer: fixture('all.yaml') }]);
    await page
      .getByText(/“example-all” is a Backstage Location: it imports nothing itself but names 3/)
      .waitFor();
    await app.shot('apps-16-backstage-location');

    await page.getByRole('button', { name: 'Choose another file' }).click();
    await pick([
      { name: 'all.yaml', buffer: fixture('all.yaml') },
      { name: 'team-b-components.yaml', buffer: fixture('team-b-components.yaml') },
      // As a Windows tool saves "Unicode": UTF-16 little endian, no byte order mark.
      {
        name: 'team-b-group.yaml',
        buffer: Buffer.from(fixture('team-b-group.yaml').toString('utf8'), 'utf16le'),
      },
    ]);
    await page.getByText(/1 of them is not among the files chosen: \.\/apis\/payments-api\.yaml/).waitFor();
    await app.shot('apps-17-backstage-several-files');
    await page.getByRole('button', { name: 'Import 3 apps and 1 team' }).click();
    await expect
      .poll(() => page.getByRole('list', { name: 'Import result' }).textContent())
      .toMatch(/3 created.*1 teams created/);
    expect(app.errors).toEqual([]);
  });
});
