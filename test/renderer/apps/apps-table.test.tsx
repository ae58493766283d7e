// @vitest-environment jsdom
/** The portfolio table: filters, sorting by header, keyboard navigation, and the CSV export of exactly what is shown. */
import { afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import type { SaveFileRequest } from '../../../shared/ipc/contract';
import AppsScreen from '../../../renderer/features/apps/AppsScreen';
import { createApp } from '../../../renderer/features/apps/data/apps';
import { useUi } from '../../../renderer/store/ui';
import { freshDb, giveElementsASize, renderWith, resetAll } from './helpers';

const saved = vi.hoisted(() => ({ requests: [] as SaveFileRequest[] }));
vi.mock('../../../renderer/desktop', () => ({
  desktop: {
    saveFile: async (request: SaveFileRequest) => {
      saved.requests.push(request);
      return { status: 'saved', path: '/tmp/apps.csv' };
    },
    openFile: async () => ({ status: 'canceled' }),
    appInfo: async () => ({}),
  },
}));

beforeAll(() => giveElementsASize());
afterEach(async () => {
  saved.requests.length = 0;
  await resetAll();
});

async function seed() {
  const database = freshDb();
  const team = {
    id: crypto.randomUUID(),
    name: 'Payments',
    kind: 'product' as const,
    notes: '',
    externalRef: null,
  };
  const now = new Date().toISOString();
  await database.teams.add({ ...team, createdAt: now, updatedAt: now });
  await createApp({ name: 'Checkout', teamId: team.id, businessScore: 4, technicalScore: 3 }, database);
  await createApp(
    {
      name: 'Ledger',
      teamId: team.id,
      businessScore: 5,
      technicalScore: 2,
      stage: 'onboarding',
      selectedOn: '2026-01-10',
    },
    database,
  );
  await createApp(
    { name: 'Analytics', businessScore: 2, technicalScore: 5, stage: 'selected', selectedOn: '2026-02-01' },
    database,
  );
  return database;
}

const bodyRowNames = () =>
  within(screen.getByRole('table'))
    .getAllByRole('row')
    .slice(1)
    .filter((r) => !r.classList.contains('spacer'))
    .map((r) => within(r).getAllByRole('cell')[0]!.textContent);

describe('the apps table', () => {
  it('lists every app, sorted by name, with the count', async () => {
    renderWith(await seed(), <AppsScreen route="apps" />);
    expect(await screen.findByText('Showing 3 of 3')).toBeInTheDocument();
    expect(bodyRowNames()).toEqual(['Analytics', 'Checkout', 'Ledger']);
    expect(screen.getByRole('columnheader', { name: /name/i })).toHaveAttribute('aria-sort', 'ascending');
  });

  it('filters by text, stage and team', async () => {
    const user = userEvent.setup();
    renderWith(await seed(), <AppsScreen route="apps" />);
    await screen.findByText('Showing 3 of 3');

    await user.type(screen.getByRole('searchbox', { name: 'Search apps' }), 'pay');
    await waitFor(() => expect(screen.getByText('Showing 2 of 3')).toBeInTheDocument());
    expect(bodyRowNames()).toEqual(['Checkout', 'Ledger']);

    await user.selectOptions(screen.getByRole('combobox', { name: 'Stage' }), 'onboarding');
    await waitFor(() => expect(screen.getByText('Showing 1 of 3')).toBeInTheDocument());
    expect(bodyRowNames()).toEqual(['Ledger']);

    await user.click(screen.getAllByRole('button', { name: 'Clear filters' })[0]!);
    await user.type(screen.getByRole('combobox', { name: 'Team' }), 'No team');
    await waitFor(() => expect(screen.getByText('Showing 1 of 3')).toBeInTheDocument());
    expect(bodyRowNames()).toEqual(['Analytics']);
  });

  it('sorts by a column header, highest score first, and flips on a second click', async () => {
    const user = userEvent.setup();
    renderWith(await seed(), <AppsScreen route="apps" />);
    await screen.findByText('Showing 3 of 3');
    await user.click(screen.getByRole('button', { name: 'Business' }));
    expect(screen.getByRole('columnheader', { name: /business/i })).toHaveAttribute(
      'aria-sort',
      'descending',
    );
    expect(bodyRowNames()).toEqual(['Ledger', 'Checkout', 'Analytics']);
    await user.click(screen.getByRole('button', { name: 'Business' }));
    expect(screen.getByRole('columnheader', { name: /business/i })).toHaveAttribute('aria-sort', 'ascending');
    expect(bodyRowNames()).toEqual(['Analytics', 'Checkout', 'Ledger']);
  });

  it('moves between rows with the arrow keys and opens the focused app with Enter', async () => {
    const user = userEvent.setup();
    const database = await seed();
    renderWith(database, <AppsScreen route="apps" />);
    await screen.findByText('Showing 3 of 3');
    const rows = within(screen.getByRole('table')).getAllByRole('row').slice(1);
    rows[0]!.focus();
    await user.keyboard('{ArrowDown}');
    expect(document.activeElement).toBe(rows[1]);
    await user.keyboard('{End}');
    expect(document.activeElement).toBe(rows[2]);
    await user.keyboard('{Enter}');
    const ledger = (await database.apps.toArray()).find((a) => a.name === 'Ledger')!;
    expect(useUi.getState().route).toBe(`apps/${ledger.id}`);
  });

  it('exports exactly the filtered and sorted rows as CSV', async () => {
    const user = userEvent.setup();
    renderWith(await seed(), <AppsScreen route="apps" />);
    await screen.findByText('Showing 3 of 3');
    await user.type(screen.getByRole('searchbox', { name: 'Search apps' }), 'payments');
    await user.click(screen.getByRole('button', { name: 'Technical' }));
    await waitFor(() => expect(screen.getByText('Showing 2 of 3')).toBeInTheDocument());
    await user.click(screen.getByRole('button', { name: 'Export CSV' }));
    await waitFor(() => expect(saved.requests).toHaveLength(1));
    const lines = (saved.requests[0]!.content as string)
      .replace(/^\uFEFF/, '')
      .trim()
      .split(/\r\n/);
    expect(lines).toHaveLength(3);
    expect(lines[0]).toMatch(/^Name,Team,Stage/);
    expect(lines.slice(1).map((l) => l.split(',')[0])).toEqual(['Checkout', 'Ledger']);
    expect(saved.requests[0]!.suggestedName).toMatch(/^apps-\d{4}-\d{2}-\d{2}\.csv$/);
  });

  it('offers the import and a new app when the portfolio is empty', async () => {
    renderWith(freshDb(), <AppsScreen route="apps" />);
    expect(await screen.findByRole('heading', { name: 'No apps yet' })).toBeInTheDocument();
    expect(screen.getByRole('link', { name: 'Import apps' })).toHaveAttribute('href', '#/apps/import');
  });
});
