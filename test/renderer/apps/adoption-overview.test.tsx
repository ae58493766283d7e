// @vitest-environment jsdom
/**
 * The Apps area on the leadership overview: the tiles (apps on the platform with the adoption
 * rate, median time to hello world) and the "Adoption over time" chart, as of a past day; each
 * number opens exactly the apps it counts in the apps table (the "reached" filter), which names
 * the filter and lets it go.
 */
import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import AdoptionOverTime from '../../../renderer/features/apps/overview/AdoptionOverTime';
import AdoptionTiles from '../../../renderer/features/apps/overview/AdoptionTiles';
import AppsScreen from '../../../renderer/features/apps/AppsScreen';
import { createApp } from '../../../renderer/features/apps/data/apps';
import { createProgram } from '../../../renderer/features/plan/data/program';
import { useAppsUi } from '../../../renderer/store/apps';
import { useUi } from '../../../renderer/store/ui';
import type { OverviewScope } from '../../../renderer/ui/contributions';
import { EMPTY_FILTERS } from '../../../shared/domain/app-table';
import { freshDb, giveElementsASize, renderWith, resetAll } from './helpers';

beforeAll(() => giveElementsASize());
afterEach(resetAll);

const SCOPE: OverviewScope = {
  asOf: '2026-06-30',
  from: '2026-01-31',
  to: '2026-07-30',
  granularity: 'month',
  teamId: null,
};

async function seed() {
  const database = freshDb();
  // Cycle 0 runs 31 Jan – 30 Apr 2026 with a goal of 1 app: the plan holds 1 from its last day on.
  await createProgram(
    {
      name: 'Cloud-native 2026',
      platformName: 'Tanzu',
      startDate: '2026-01-31',
      targetApps: 10,
      eligibleApps: 40,
    },
    database,
  );
  const onPlatform = (name: string, selectedOn: string, firstDeployOn: string, productionOn: string) =>
    createApp({ name, stage: 'on-platform', selectedOn, firstDeployOn, productionOn }, database);
  await onPlatform('Checkout', '2026-02-01', '2026-02-11', '2026-03-01');
  await onPlatform('Ledger', '2026-02-01', '2026-02-21', '2026-04-15');
  await onPlatform('Search', '2026-03-01', '2026-03-31', '2026-06-01');
  // In production after "as of": not on the platform as the overview stood then.
  await onPlatform('Payroll', '2026-05-01', '2026-06-10', '2026-07-10');
  await createApp({ name: 'Reports', stage: 'selected', selectedOn: '2026-05-02' }, database);
  return database;
}

describe('the Apps tiles on the overview', () => {
  it('count the apps on the platform as of the day, with the adoption rate and the plan, and open them', async () => {
    const user = userEvent.setup();
    renderWith(await seed(), <AdoptionTiles {...SCOPE} />);
    const tile = await screen.findByRole('button', {
      name: 'Open the 3 apps on the platform by 30 Jun 2026',
    });
    expect(tile).toHaveTextContent('Apps on the platform3');
    expect(tile).toHaveTextContent('7.5 % of 40 eligible · 2 ahead of plan');
    // Hello world after 10, 20, 30 and 40 days (Payroll's first deploy was before 30 June).
    const median = screen.getByRole('button', {
      name: 'Open the apps that had reached hello world by 30 Jun 2026',
    });
    expect(median).toHaveTextContent('25 d');
    expect(median).toHaveTextContent('over 4 apps');

    await user.click(tile);
    expect(useAppsUi.getState().filters).toEqual({
      ...EMPTY_FILTERS,
      reached: { step: 'production', after: null, onOrBefore: '2026-06-30' },
    });
    expect(useUi.getState().route).toBe('apps');
  });
});

describe('Adoption over time', () => {
  it('reads the headline against the plan and opens the apps behind each row of its table', async () => {
    const user = userEvent.setup();
    renderWith(await seed(), <AdoptionOverTime {...SCOPE} />);
    const card = await screen.findByRole('region', { name: 'Adoption over time' });
    // The program's own forecast (shared/domain/forecast.ts) is drawn as a fan and read out too.
    await waitFor(() =>
      expect(card).toHaveAccessibleDescription(
        /^3 apps on the platform, 2 ahead of plan \(7\.5 % of the eligible 40\); target of 10: 50 % by .+, 85 % by .+, 95 % by .+\.$/,
      ),
    );

    await user.click(within(card).getByRole('button', { name: 'Show as table' }));
    const table = within(card).getByRole('table');
    const rows = within(table).getAllByRole('row').slice(1);
    // January (31st only) to July; July is after "as of" and carries only the plan.
    expect(rows.map((r) => within(r).getByRole('rowheader').textContent)).toEqual([
      'Jan 2026',
      'Feb 2026',
      'Mar 2026',
      'Apr 2026',
      'May 2026',
      'Jun 2026',
      'Jul 2026',
    ]);
    expect(rows[3]).toHaveTextContent(/Apr 2026.*30 Apr 2026.*3.*3.*2.*1/);
    expect(within(rows[6]!).queryByRole('button')).toBeNull();

    await user.click(
      within(table).getByRole('button', { name: 'Open the 2 apps on the platform by 30 Apr 2026' }),
    );
    expect(useAppsUi.getState().filters.reached).toEqual({
      step: 'production',
      after: null,
      onOrBefore: '2026-04-30',
    });
    expect(useUi.getState().route).toBe('apps');
  });

  it('says why there is nothing to chart for a range before any app and any plan', async () => {
    renderWith(
      await seed(),
      <AdoptionOverTime {...SCOPE} from="2025-01-01" to="2025-12-31" asOf="2025-12-31" />,
    );
    const card = await screen.findByRole('region', { name: 'Adoption over time' });
    expect(card).toHaveTextContent(
      'No app had been selected by 31 Dec 2025 in this range, and no plan covers it',
    );
    expect(within(card).queryByRole('button', { name: 'Show as table' })).toBeNull();
  });
});

describe('the apps table opened from the overview', () => {
  it('lists only the apps the number counted, names the filter and lets it go', async () => {
    const user = userEvent.setup();
    const database = await seed();
    useAppsUi.setState({
      filters: { ...EMPTY_FILTERS, reached: { step: 'production', after: null, onOrBefore: '2026-04-30' } },
    });
    renderWith(database, <AppsScreen route="apps" />);
    expect(await screen.findByText('Showing 2 of 5')).toBeInTheDocument();
    expect(screen.getByText('On the platform by 30 Apr 2026')).toBeInTheDocument();
    await user.click(
      screen.getByRole('button', { name: 'Remove the filter: On the platform by 30 Apr 2026' }),
    );
    await waitFor(() => expect(screen.getByText('Showing 5 of 5')).toBeInTheDocument());
  });
});
