// @vitest-environment jsdom
/**
 * The metrics on the leadership overview: a tile per chosen metric with its latest value as of
 * the overview's day, its change over the last cycle, opening its readings; and the "Speeds and
 * feeds over time" chart with its reading, its picker kept in the settings, and its table rows
 * opening the reading behind them.
 */
import { afterEach, describe, expect, it, vi } from 'vitest';
import { act, cleanup, render, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { AdoptionDatabase } from '../../../renderer/db/database';
import { DatabaseProvider } from '../../../renderer/db/DatabaseContext';
import { useUi } from '../../../renderer/store/ui';
import MetricTiles from '../../../renderer/features/metrics/MetricTiles';
import MetricsChart from '../../../renderer/features/metrics/MetricsChart';
import { setCell } from '../../../renderer/features/metrics/data/metrics';
import { CHART_METRIC_KEY, setTileMetrics } from '../../../renderer/features/metrics/data/preferences';
import type { OverviewScope } from '../../../renderer/ui/contributions';

const opens: AdoptionDatabase[] = [];
function freshDb() {
  const database = new AdoptionDatabase(`metrics-overview-${crypto.randomUUID()}`);
  opens.push(database);
  return database;
}
afterEach(async () => {
  cleanup();
  useUi.setState({ toasts: [], route: '' });
  for (const d of opens.splice(0)) await d.delete();
});

const TODAY = '2026-12-03';
const scope = (asOf = '2026-11-30'): OverviewScope => ({
  asOf,
  from: '2026-01-01',
  to: '2026-12-31',
  granularity: 'month',
  teamId: null,
});

async function withReadings() {
  const database = freshDb();
  for (const [date, value] of [
    ['2026-03-01', 10],
    ['2026-08-01', 12],
    ['2026-10-01', 15],
    ['2026-12-01', 19],
  ] as const) {
    await setCell({ metricKey: 'clusters', date, value, today: TODAY }, database);
  }
  await setCell({ metricKey: 'servers', date: '2026-10-01', value: 120, today: TODAY }, database);
  await setTileMetrics(['clusters', 'servers', 'pools'], database);
  return database;
}

describe('the metrics’ tiles', () => {
  it('show each chosen metric as of the overview’s day with its change over a cycle, and open its readings', async () => {
    const user = userEvent.setup();
    const database = await withReadings();
    render(
      <DatabaseProvider database={database}>
        <MetricTiles {...scope()} />
      </DatabaseProvider>,
    );
    // As of 30 November: the reading of 1 October (15), against 1 August's (12) three months before.
    const clusters = await screen.findByRole('button', { name: /^Open the readings of Clusters/ });
    expect(clusters).toHaveTextContent('15');
    expect(clusters).toHaveTextContent('clusters · +3 since 30 Aug · read 1 Oct');
    expect(screen.getByRole('button', { name: /^Open the readings of Servers/ })).toHaveTextContent(
      'no reading a cycle before',
    );
    expect(screen.getByRole('button', { name: /^Open the readings of Pools: none/ })).toHaveTextContent('—');
    await user.click(clusters);
    expect(useUi.getState().route).toBe('metrics/readings?metric=clusters&date=2026-10-01');
  });
});

/** The chart as of 31 December, over the readings of {@link withReadings}. */
async function chartWithReadings() {
  const database = await withReadings();
  render(
    <DatabaseProvider database={database}>
      <MetricsChart {...scope('2026-12-31')} />
    </DatabaseProvider>,
  );
  return { database, card: await screen.findByRole('region', { name: 'Speeds and feeds over time' }) };
}

describe('the speeds and feeds chart', () => {
  it('reads the chosen metric, keeps the choice, and opens the reading behind each row', async () => {
    const user = userEvent.setup();
    const { database, card } = await chartWithReadings();
    // The default metric (container workloads) has no reading: the card says why.
    expect(await within(card).findByText(/No reading of Container workloads between/)).toBeInTheDocument();

    // As of 31 December: the reading of 1 December (19), against the one standing on 30 September (12).
    await user.selectOptions(within(card).getByRole('combobox', { name: 'Metric' }), 'clusters');
    await waitFor(async () =>
      expect((await database.settings.get(CHART_METRIC_KEY))?.value).toBe('clusters'),
    );
    expect(
      await within(card).findByText(
        'Clusters: 19 clusters on 1 Dec 2026, +7 over the last cycle; 4 monthly readings from 1 Jan 2026 to 31 Dec 2026.',
      ),
    ).toBeInTheDocument();
    await user.click(within(card).getByRole('button', { name: 'Show as table' }));
    const rows = within(card).getAllByRole('row').slice(1);
    expect(rows.map((r) => within(r).getByRole('rowheader').textContent)).toEqual([
      'Mar 2026',
      'Aug 2026',
      'Oct 2026',
      'Dec 2026',
    ]);
    await user.click(
      within(card).getByRole('button', { name: 'Open the reading of Clusters on 1 Aug 2026' }),
    );
    expect(useUi.getState().route).toBe('metrics/readings?metric=clusters&date=2026-08-01');
  });

  it('shows a choice at once, the kept one again when the write is refused, and another window’s later choice', async () => {
    const user = userEvent.setup();
    const { database, card } = await chartWithReadings();
    const picker = await within(card).findByRole('combobox', { name: 'Metric' });

    // The write held back: the chart draws the choice all the same; then it is refused.
    let fail: (error: Error) => void = () => {};
    const put = vi
      .spyOn(database.settings, 'put')
      .mockImplementationOnce(() => new Promise((_, reject) => (fail = reject)) as never);
    await user.selectOptions(picker, 'servers');
    expect(picker).toHaveValue('servers');
    expect(await within(card).findByText(/^Servers: 120 servers on 1 Oct 2026/)).toBeInTheDocument();
    await act(async () => fail(new Error('disk full')));
    await waitFor(() => expect(picker).toHaveValue('container-workloads'));
    expect(useUi.getState().toasts.at(-1)?.text).toMatch(/^The choice was not kept: /);
    put.mockRestore();

    // Kept; then another window's later choice is what this one shows.
    await user.selectOptions(picker, 'clusters');
    await waitFor(async () =>
      expect((await database.settings.get(CHART_METRIC_KEY))?.value).toBe('clusters'),
    );
    await database.settings.put({ key: CHART_METRIC_KEY, value: 'servers' });
    await waitFor(() => expect(picker).toHaveValue('servers'));
  });
});
