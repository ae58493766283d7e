// @vitest-environment jsdom
/**
 * The Metrics screens with Testing Library: typing readings into the grid with the keyboard alone
 * (a new date row, Tab and Enter to save, a bad value refused in its cell, Delete on a date with
 * Undo), and a CSV import whose bad rows are listed by number before anything is written.
 */
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { cleanup, render, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import type { ReactElement } from 'react';
import { AdoptionDatabase } from '../../../renderer/db/database';
import { DatabaseProvider } from '../../../renderer/db/DatabaseContext';
import { useUi } from '../../../renderer/store/ui';
import MetricsScreen from '../../../renderer/features/metrics/MetricsScreen';
import { setCell } from '../../../renderer/features/metrics/data/metrics';
import { addDaysIso, todayIso } from '../../../shared/domain';
import { opened, openedFiles } from '../fake-desktop';

vi.mock('../../../renderer/desktop', () => import('../fake-desktop'));

const opens: AdoptionDatabase[] = [];
function freshDb() {
  const database = new AdoptionDatabase(`metrics-ui-${crypto.randomUUID()}`);
  opens.push(database);
  return database;
}
const renderWith = (database: AdoptionDatabase, ui: ReactElement) =>
  render(<DatabaseProvider database={database}>{ui}</DatabaseProvider>);

beforeEach(() => {
  // jsdom lays nothing out: give the grid's scroller a window's height so its rows are drawn.
  Object.defineProperty(HTMLElement.prototype, 'clientHeight', { configurable: true, get: () => 800 });
  Object.defineProperty(HTMLElement.prototype, 'offsetHeight', { configurable: true, get: () => 800 });
});
afterEach(async () => {
  cleanup();
  useUi.setState({ toasts: [], route: '' });
  openedFiles.length = 0;
  for (const d of opens.splice(0)) await d.delete();
});

async function valueOf(database: AdoptionDatabase, key: string, date: string) {
  const metric = await database.metrics.where('key').equals(key).first();
  if (!metric) return undefined;
  return (await database.metricSnapshots.where('[metricId+date]').equals([metric.id, date]).first())?.value;
}

const today = todayIso();
const earlier = addDaysIso(today, -30);

describe('the readings grid', () => {
  it('takes a new date row and its values by keyboard: a digit starts editing, Tab and Enter save', async () => {
    const user = userEvent.setup();
    const database = freshDb();
    await setCell({ metricKey: 'servers', date: earlier, value: 40, today }, database);
    renderWith(database, <MetricsScreen route="metrics" />);
    await screen.findByRole('grid');

    // The new date defaults to today: Add date row puts the focus on its first metric.
    await user.click(screen.getByRole('button', { name: 'Add date row' }));
    const grid = screen.getByRole('grid');
    await waitFor(() =>
      expect(document.activeElement?.getAttribute('aria-label')).toMatch(/^Production apps on .*: empty$/),
    );
    await user.keyboard('7');
    const input = within(grid).getByRole('textbox', { name: /^Production apps on / });
    expect(input).toHaveValue('7');
    await user.keyboard('{Tab}');
    await waitFor(async () => expect(await valueOf(database, 'production-apps', today)).toBe(7));
    await waitFor(() =>
      expect(document.activeElement?.getAttribute('aria-label')).toMatch(
        /^Container workloads on .*: empty$/,
      ),
    );
    await user.keyboard('120{Enter}');
    await waitFor(async () => expect(await valueOf(database, 'container-workloads', today)).toBe(120));

    // Down to the older row (Enter moved there), then right along it to Servers, and change it.
    await waitFor(() =>
      expect(document.activeElement?.getAttribute('aria-label')).toMatch(
        /^Container workloads on .*: empty$/,
      ),
    );
    await user.keyboard('{End}');
    await user.keyboard('{ArrowLeft}{ArrowLeft}{ArrowLeft}{ArrowLeft}{ArrowLeft}{ArrowLeft}');
    expect(document.activeElement?.getAttribute('aria-label')).toMatch(/^Running memory on /);
    await user.keyboard('{ArrowRight}'.repeat(6));
    expect(document.activeElement?.getAttribute('aria-label')).toMatch(/^Servers on .*: 40$/);
    await user.keyboard('{Enter}');
    const servers = within(grid).getByRole('textbox', { name: /^Servers on / });
    expect(servers).toHaveValue('40');
    await user.clear(servers);
    await user.type(servers, '41{Enter}');
    await waitFor(async () => expect(await valueOf(database, 'servers', earlier)).toBe(41));
  });

  it('keeps a value that is not a number in its cell with the reason, and Escape leaves it unsaved', async () => {
    const user = userEvent.setup();
    const database = freshDb();
    await setCell({ metricKey: 'clusters', date: earlier, value: 4, today }, database);
    renderWith(database, <MetricsScreen route="metrics" />);
    const cell = await screen.findByRole('gridcell', { name: /^Clusters on .*: 4$/ });
    await user.click(cell);
    await user.keyboard('{F2}');
    const input = screen.getByRole('textbox', { name: /^Clusters on / });
    await user.clear(input);
    await user.type(input, 'lots{Enter}');
    expect(await screen.findByRole('alert')).toHaveTextContent('“lots” is not a number');
    expect(input).toHaveAttribute('aria-invalid', 'true');
    await user.clear(input);
    await user.type(input, '-3{Enter}');
    expect(await screen.findByRole('alert')).toHaveTextContent('“-3” is negative');
    await user.keyboard('{Escape}');
    expect(screen.queryByRole('textbox', { name: /^Clusters on / })).not.toBeInTheDocument();
    expect(await valueOf(database, 'clusters', earlier)).toBe(4);
  });

  it('deletes a date’s readings with Delete on the date, and Undo brings them back', async () => {
    const user = userEvent.setup();
    const database = freshDb();
    await setCell({ metricKey: 'clusters', date: earlier, value: 4, today }, database);
    await setCell({ metricKey: 'pools', date: earlier, value: 2, today }, database);
    renderWith(database, <MetricsScreen route="metrics" />);
    const cell = await screen.findByRole('gridcell', { name: /^Clusters on .*: 4$/ });
    await user.click(cell);
    await user.keyboard('{Home}{Delete}');
    await waitFor(async () => expect(await database.metricSnapshots.count()).toBe(0));
    const toast = useUi.getState().toasts[0];
    expect(toast?.text).toMatch(/^Deleted the 2 readings of /);
    await toast?.action?.run();
    await waitFor(async () => expect(await database.metricSnapshots.count()).toBe(2));
  });

  it('shows one metric’s readings when opened from the overview', async () => {
    const database = freshDb();
    await setCell({ metricKey: 'clusters', date: earlier, value: 4, today }, database);
    await setCell({ metricKey: 'pools', date: addDaysIso(earlier, -1), value: 2, today }, database);
    renderWith(database, <MetricsScreen route={`metrics/readings?metric=clusters&date=${earlier}`} />);
    expect(await screen.findByText(/Showing/)).toHaveTextContent('Showing Clusters only (1 readings');
    expect(screen.getAllByRole('gridcell')).toHaveLength(1);
  });
});

describe('importing a metrics CSV', () => {
  it('lists every bad row by number before writing, and imports the rest with the metrics chosen to be created', async () => {
    const user = userEvent.setup();
    const database = freshDb();
    const future = addDaysIso(today, 5);
    openedFiles.push(
      opened(
        'metrics.csv',
        [
          'Date,Metric,Value',
          `${earlier},Clusters,4`,
          `${earlier},Servers,many`,
          `${future},Servers,3`,
          `${earlier},Pools,-1`,
          `${earlier},CPU cores,64`,
          `${earlier},Clusters,5`,
        ].join('\n'),
      ),
    );
    renderWith(database, <MetricsScreen route="metrics/import" />);
    await user.click(await screen.findByRole('button', { name: /Choose file/ }));
    const problems = await screen.findByRole('table', { name: 'Rows that will not be imported' });
    const rows = within(problems)
      .getAllByRole('row')
      .slice(1)
      .map((r) =>
        within(r)
          .getAllByRole('cell')
          .map((c) => c.textContent),
      );
    expect(rows.map((r) => [r[0], r[1]])).toEqual([
      ['Row 3', 'Value'],
      ['Row 4', 'Date'],
      ['Row 5', 'Value'],
      ['Row 2', 'Date'],
      ['Row 6', 'Metric'],
    ]);
    expect(rows[0]![2]).toMatch(/“many” is not a number/);
    expect(rows[1]![2]).toMatch(/in the future/);
    expect(rows[2]![2]).toMatch(/negative/);
    expect(rows[3]![2]).toMatch(/read again in Row 7; the later row wins/);
    expect(rows[4]![2]).toMatch(/“CPU cores” is not one of the program’s metrics/);
    expect(await database.metricSnapshots.count()).toBe(0);

    await user.click(screen.getByRole('checkbox', { name: /Create the metrics the file names/ }));
    await user.click(await screen.findByRole('button', { name: 'Import 2 readings and 1 new metric' }));
    await waitFor(async () => expect(await database.metricSnapshots.count()).toBe(2));
    expect(await valueOf(database, 'clusters', earlier)).toBe(5);
    expect(await valueOf(database, 'cpu-cores', earlier)).toBe(64);
  });
});
