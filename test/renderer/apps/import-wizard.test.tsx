// @vitest-environment jsdom
/**
 * The import wizard: a bad file gets a clear message and changes nothing; a CSV goes through
 * column mapping and a preview with every row's problems to a result with counts and reasons.
 */
import { afterEach, describe, expect, it, vi } from 'vitest';
import { createEvent, fireEvent, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import type { OpenFileRequest, OpenFileResponse } from '../../../shared/ipc/contract';
import AppsScreen from '../../../renderer/features/apps/AppsScreen';
import { createApp } from '../../../renderer/features/apps/data/apps';
import allYaml from '../../fixtures/backstage/all.yaml?raw';
import { catalogApiJson } from '../../fixtures/backstage/generate';
import componentsYaml from '../../fixtures/backstage/team-b-components.yaml?raw';
import groupYaml from '../../fixtures/backstage/team-b-group.yaml?raw';
import { freshDb, renderWith, resetAll } from './helpers';

const files = vi.hoisted(() => ({ next: [] as OpenFileResponse[], requests: [] as OpenFileRequest[] }));
vi.mock('../../../renderer/desktop', () => ({
  desktop: {
    openFile: async (request: OpenFileRequest) => {
      files.requests.push(request);
      return files.next.shift() ?? { status: 'canceled' };
    },
    saveFile: async () => ({ status: 'canceled' }),
    appInfo: async () => ({}),
  },
}));

afterEach(async () => {
  files.next.length = 0;
  files.requests.length = 0;
  await resetAll();
});

const FIXTURES: Record<string, string> = {
  'all.yaml': allYaml,
  'team-b-components.yaml': componentsYaml,
  'team-b-group.yaml': groupYaml,
};
const fixture = (name: string) => FIXTURES[name]!;

const opened = (name: string, content: string): Extract<OpenFileResponse, { status: 'opened' }> => ({
  status: 'opened',
  name,
  size: content.length,
  content,
});

async function openWizard() {
  const database = freshDb();
  const existing = await createApp({ name: 'Already here', description: 'untouched' }, database);
  renderWith(database, <AppsScreen route="apps/import" />);
  // The first render loads the screen's modules: slow on a busy machine.
  await screen.findByRole('heading', { name: 'Import apps' }, { timeout: 15_000 });
  return { database, existing };
}

async function expectUnchanged(
  database: Awaited<ReturnType<typeof openWizard>>['database'],
  existing: { id: string },
) {
  expect(await database.apps.count()).toBe(1);
  expect(await database.teams.count()).toBe(0);
  expect((await database.apps.get(existing.id))!.description).toBe('untouched');
}

describe('the import wizard', () => {
  it('refuses a binary file with a clear message and changes nothing', async () => {
    const user = userEvent.setup();
    const { database, existing } = await openWizard();
    files.next.push(
      opened('photo.csv', '\u0089PNG\r\n\u001a\n\u0000\u0000\u0000\rIHDR\u0000\u0000\u0001\u0000'.repeat(20)),
    );
    await user.click(screen.getByRole('button', { name: 'Choose file…' }));
    const alert = await screen.findByRole('alert');
    expect(alert).toHaveTextContent(/binary|not a text/i);
    expect(alert).toHaveTextContent('Nothing was imported.');
    await expectUnchanged(database, existing);
  });

  it('refuses broken YAML as a Backstage catalog', async () => {
    const user = userEvent.setup();
    const { database, existing } = await openWizard();
    await user.click(screen.getByRole('radio', { name: /Backstage catalog/ }));
    files.next.push(
      opened('catalog-info.yaml', 'apiVersion: [unclosed\nkind: {Component\n  metadata: : :\n'),
    );
    await user.click(screen.getByRole('button', { name: 'Choose file…' }));
    expect(await screen.findByRole('alert')).toHaveTextContent('Nothing was imported.');
    await expectUnchanged(database, existing);
  });

  it('imports the catalog API’s one-line JSON of 300 entities, one team per owner', async () => {
    const user = userEvent.setup();
    const { database } = await openWizard();
    await user.click(screen.getByRole('radio', { name: /Backstage catalog/ }));
    files.next.push(opened('entities.json', catalogApiJson(300)));
    await user.click(screen.getByRole('button', { name: 'Choose file…' }));
    await user.click(await screen.findByRole('button', { name: 'Import 300 apps and 5 teams' }));
    expect(await screen.findByRole('list', { name: 'Import result' })).toHaveTextContent('300 created');
    await waitFor(async () => expect(await database.apps.count()).toBe(301));
    expect(await database.teams.count()).toBe(5);
  });

  it('offers .tsv for a CSV, .json for a catalog, and All files for both in the open dialog', async () => {
    const user = userEvent.setup();
    await openWizard();
    await user.click(screen.getByRole('button', { name: 'Choose file…' }));
    await user.click(screen.getByRole('radio', { name: /Backstage catalog/ }));
    await user.click(screen.getByRole('button', { name: 'Choose file…' }));
    await waitFor(() => expect(files.requests).toHaveLength(2));
    const [csv, catalog] = files.requests.map((r) => r.filters);
    expect(csv).toEqual([
      { name: 'CSV or TSV', extensions: ['csv', 'tsv', 'txt'] },
      { name: 'All files', extensions: ['*'] },
    ]);
    expect(catalog).toEqual([
      { name: 'Backstage catalog (YAML or JSON)', extensions: ['yaml', 'yml', 'json'] },
      { name: 'All files', extensions: ['*'] },
    ]);
  });

  it('says which files a Location names, then imports them chosen together: one team per Group', async () => {
    const user = userEvent.setup();
    const { database } = await openWizard();
    await user.click(screen.getByRole('radio', { name: /Backstage catalog/ }));
    files.next.push(opened('all.yaml', fixture('all.yaml')));
    await user.click(screen.getByRole('button', { name: 'Choose file…' }));
    expect(
      await screen.findByText(
        /“example-all” is a Backstage Location: it imports nothing itself but names 3 catalog files: \.\/team-b-group\.yaml, \.\/team-b-components\.yaml and \.\/apis\/payments-api\.yaml\. Import those files/,
      ),
    ).toBeInTheDocument();
    expect(screen.getByRole('button', { name: 'Import 0 apps' })).toBeDisabled();
    expect(files.requests[0]).toMatchObject({ multiple: true });

    await user.click(screen.getByRole('button', { name: 'Choose another file' }));
    const [first, ...more] = ['all.yaml', 'team-b-components.yaml', 'team-b-group.yaml'].map((name) =>
      opened(name, fixture(name)),
    );
    files.next.push({ ...first!, more: more.map(({ name, size, content }) => ({ name, size, content })) });
    await user.click(await screen.findByRole('button', { name: 'Choose file…' }));
    expect(await screen.findByText(/all\.yaml and 2 more files/)).toBeInTheDocument();
    expect(
      screen.getByText(/1 of them is not among the files chosen: \.\/apis\/payments-api\.yaml/),
    ).toBeInTheDocument();
    const preview = screen.getByRole('table', { name: 'Preview' });
    expect(within(preview).getAllByRole('row')[1]).toHaveTextContent(
      'team-b-components.yaml, 1checkoutTeam B',
    );
    await user.click(screen.getByRole('button', { name: 'Import 3 apps and 1 team' }));
    expect(await screen.findByRole('list', { name: 'Import result' })).toHaveTextContent('3 created');
    await waitFor(async () => expect(await database.apps.count()).toBe(4));
    expect(await database.teams.toArray()).toEqual([
      expect.objectContaining({ name: 'Team B', externalRef: 'group:default/team-b' }),
    ]);
  });

  it('reads several catalog files dropped together as one catalog', async () => {
    await openWizard();
    const dropped = ['team-b-group.yaml', 'team-b-components.yaml'].map(
      (name) => new File([fixture(name)], name, { type: 'application/yaml' }),
    );
    const card = screen.getByRole('heading', { name: 'Import apps' }).parentElement!;
    fireEvent(card, createEvent.drop(card, { dataTransfer: { files: dropped, types: ['Files'] } }));
    expect(await screen.findByText(/team-b-group\.yaml and 1 more file/)).toBeInTheDocument();
    expect(screen.getByRole('list', { name: 'What the file holds' })).toHaveTextContent('3 components');
    expect(screen.getByRole('button', { name: 'Import 3 apps and 1 team' })).toBeEnabled();
  });

  it('asks for one file at a time for a CSV', async () => {
    const user = userEvent.setup();
    await openWizard();
    await user.click(screen.getByRole('button', { name: 'Choose file…' }));
    await waitFor(() => expect(files.requests[0]).toMatchObject({ multiple: false }));
  });

  it('refuses a file larger than the import limit', async () => {
    const user = userEvent.setup();
    const { database, existing } = await openWizard();
    files.next.push({ status: 'too-large', name: 'dump.csv', size: 52 * 1024 * 1024 });
    await user.click(screen.getByRole('button', { name: 'Choose file…' }));
    expect(await screen.findByRole('alert')).toHaveTextContent(/dump\.csv is 52\.0 MB; the largest file/);
    await expectUnchanged(database, existing);
  });

  it('says there is no name column, lets the user pick it, and previews each row’s problems', async () => {
    const user = userEvent.setup();
    const { database } = await openWizard();
    files.next.push(
      opened('portfolio.csv', 'Workload,Squad,Business value\nPayments,Checkout,4\nLedger,Finance,nine\n'),
    );
    await user.click(screen.getByRole('button', { name: 'Choose file…' }));
    expect(await screen.findByRole('alert')).toHaveTextContent(/no column for the app name/);
    expect(screen.getByRole('button', { name: /^Import/ })).toBeDisabled();

    await user.selectOptions(screen.getByRole('combobox', { name: /App name/ }), 'Workload');
    const preview = await screen.findByRole('table', { name: 'Preview' });
    const rows = within(preview).getAllByRole('row');
    expect(rows[1]).toHaveTextContent('OK');
    // "nine" is not a score: the row is imported with its business value left empty, said as a warning.
    expect(rows[2]).toHaveTextContent(
      'Business value: “nine” is not a number; scores are 1 to 5; left empty',
    );
    expect(screen.getByRole('table', { name: 'Values that will be left empty' })).toHaveTextContent('Row 3');

    await user.click(screen.getByRole('button', { name: 'Import 2 apps' }));
    const result = await screen.findByRole('list', { name: 'Import result' });
    expect(result).toHaveTextContent('2 created');
    expect(result).toHaveTextContent('0 rejected');
    await waitFor(async () => expect(await database.apps.count()).toBe(3));
    expect((await database.apps.toArray()).find((a) => a.name === 'Ledger')!.businessScore).toBeNull();
    expect((await database.teams.toArray()).map((t) => t.name).sort()).toEqual(['Checkout', 'Finance']);
  });

  it('maps a CMDB column’s criticality texts to business values, and imports every row', async () => {
    const user = userEvent.setup();
    const { database } = await openWizard();
    files.next.push(
      opened(
        'cmdb.csv',
        [
          'Name,Owner Group,Business Criticality',
          'Payments,Checkout,1 - Mission Critical',
          'Ledger,Finance,2 - High',
          'Search,Discovery,Crown',
          'Reports,Finance,2 - High',
        ].join('\n'),
      ),
    );
    await user.click(screen.getByRole('button', { name: 'Choose file…' }));
    const values = await screen.findByRole('region', { name: '“Business Criticality” as Business value' });
    // Suggested from the words and ranks; a text that says nothing starts as "Leave empty".
    expect(
      within(values).getByRole('combobox', { name: 'Business value for “1 - Mission Critical”' }),
    ).toHaveValue('5');
    expect(within(values).getByRole('combobox', { name: 'Business value for “2 - High”' })).toHaveValue('4');
    const crown = within(values).getByRole('combobox', { name: 'Business value for “Crown”' });
    expect(crown).toHaveValue('');
    expect(within(values).getAllByRole('row')[2]).toHaveTextContent('2 - High2');
    expect(screen.getByRole('table', { name: 'Values that will be left empty' })).toHaveTextContent('Row 4');

    await user.selectOptions(crown, '3');
    await waitFor(() =>
      expect(screen.queryByRole('table', { name: 'Values that will be left empty' })).toBeNull(),
    );
    await user.click(screen.getByRole('button', { name: 'Import 4 apps' }));
    expect(await screen.findByRole('list', { name: 'Import result' })).toHaveTextContent('4 created');
    await waitFor(async () => expect(await database.apps.count()).toBeGreaterThanOrEqual(4));
    const scores = Object.fromEntries((await database.apps.toArray()).map((a) => [a.name, a.businessScore]));
    expect(scores).toMatchObject({ Payments: 5, Ledger: 4, Search: 3, Reports: 4 });
    const teams = (await database.teams.toArray()).map((t) => t.name).sort();
    expect(teams).toEqual(expect.arrayContaining(['Checkout', 'Discovery', 'Finance']));
  });

  it('maps criticality and stage texts with the keyboard alone, and says each value left empty on its row', async () => {
    const user = userEvent.setup();
    const { database } = await openWizard();
    files.next.push(
      opened(
        'servicenow.csv',
        [
          'name,short_description,support_group,business_criticality,Stage',
          'Payments,Takes the money,Checkout,1 - Mission Critical,Live',
          'Ledger,Books,Finance,Crown jewels,Live',
          'Search,Finds,Discovery,3 - Moderate,Someday',
          'Reports,Sums,Finance,Crown jewels,Backlog',
          'Archive,Keeps,Finance,Unknown,Live',
        ].join('\n'),
      ),
    );
    const tab = async (target: HTMLElement) => {
      for (let i = 0; i < 40 && document.activeElement !== target; i++) await user.tab();
      expect(target).toHaveFocus();
    };
    await tab(screen.getByRole('button', { name: 'Choose file…' }));
    await user.keyboard('{Enter}');
    expect(await screen.findByRole('heading', { name: 'Map the columns' })).toHaveFocus();

    const scores = screen.getByRole('region', { name: '“business_criticality” as Business value' });
    const select = (text: string) =>
      within(scores).getByRole('combobox', { name: `Business value for “${text}”` });
    // In the order of the scale the texts are suggested for, then the rest, most rows first.
    expect(
      within(scores)
        .getAllByRole('rowheader')
        .map((h) => h.textContent),
    ).toEqual(['1 - Mission Critical', '3 - Moderate', 'Crown jewels', 'Unknown']);
    expect(select('1 - Mission Critical')).toHaveValue('5');
    expect(select('3 - Moderate')).toHaveValue('3');
    expect(select('Crown jewels')).toHaveValue('');
    expect(select('Crown jewels')).toHaveAccessibleDescription(/type 1 to 5, or 0 to leave it empty/);

    // From the heading, Tab goes through the column selects to the texts; a digit is a score.
    await tab(select('1 - Mission Critical'));
    await user.tab();
    expect(select('3 - Moderate')).toHaveFocus();
    await user.keyboard('2');
    expect(select('3 - Moderate')).toHaveValue('2');
    await user.keyboard('{Delete}');
    expect(select('3 - Moderate')).toHaveValue('');
    await user.keyboard('3');
    expect(select('3 - Moderate')).toHaveValue('3');
    await user.tab();
    expect(select('Crown jewels')).toHaveFocus();
    await user.keyboard('5');
    expect(select('Crown jewels')).toHaveValue('5');
    await user.tab();
    await user.keyboard('9'); // no such score: nothing changes
    expect(select('Unknown')).toHaveValue('');

    // Stage words come suggested; "Someday" is left empty, which its row says.
    const stages = screen.getByRole('region', { name: '“Stage” as Stage' });
    expect(within(stages).getByRole('combobox', { name: 'Stage for “Live”' })).toHaveValue('on-platform');
    expect(within(stages).getByRole('combobox', { name: 'Stage for “Backlog”' })).toHaveValue('candidate');
    expect(within(stages).getByRole('combobox', { name: 'Stage for “Someday”' })).toHaveValue('');

    const preview = screen.getByRole('table', { name: 'Preview' });
    await waitFor(() => expect(within(preview).getAllByRole('row')[2]).toHaveTextContent('Crown jewels → 5'));
    const rows = within(preview).getAllByRole('row');
    expect(rows[3]).toHaveTextContent('Stage: “Someday” is not a stage');
    expect(rows[5]).toHaveTextContent(
      'Business value: “Unknown” is not a number; scores are 1 to 5; left empty',
    );
    expect(
      within(screen.getByRole('table', { name: 'Values that will be left empty' }))
        .getAllByRole('row')
        .slice(1)
        .map(
          (r) =>
            within(r).getAllByRole('cell')[0]!.textContent +
            ' ' +
            within(r).getAllByRole('cell')[1]!.textContent,
        ),
    ).toEqual(['Row 4 Stage', 'Row 6 Business value']);

    await tab(screen.getByRole('button', { name: 'Import 5 apps' }));
    await user.keyboard('{Enter}');
    const result = await screen.findByRole('list', { name: 'Import result' });
    expect(result).toHaveTextContent('5 created');
    expect(result).toHaveTextContent('0 rejected');
    // The result says again what was left empty, with the row and the field.
    expect(screen.getByRole('table', { name: 'Values left empty' })).toHaveTextContent(
      /Row 4.*Stage.*Row 6.*Business value/,
    );
    await waitFor(async () => expect(await database.apps.count()).toBe(6));
    const byName = Object.fromEntries((await database.apps.toArray()).map((a) => [a.name, a]));
    expect(Object.fromEntries(Object.entries(byName).map(([n, a]) => [n, a.businessScore]))).toMatchObject({
      Payments: 5,
      Ledger: 5,
      Search: 3,
      Reports: 5,
      Archive: null,
    });
    expect(byName.Payments!.stage).toBe('on-platform');
    expect(byName.Search!.stage).toBe('candidate');
    expect(byName.Ledger!.description).toBe('Books');
  });
});
