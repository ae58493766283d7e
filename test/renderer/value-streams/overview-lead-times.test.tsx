// @vitest-environment jsdom
/**
 * The overview's "Lead time before and after per app": the reading over the apps mapped before and
 * after, a table row per app with its change, each row opening the two maps compared; the team
 * filter and "as of" apply.
 */
import { cleanup, render, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, describe, expect, it } from 'vitest';
import { DatabaseProvider } from '../../../renderer/db/DatabaseContext';
import type { AdoptionDatabase } from '../../../renderer/db/database';
import { saveMap } from '../../../renderer/features/value-streams/data/maps';
import OverviewLeadTimes from '../../../renderer/features/value-streams/OverviewLeadTimes';
import { useUi } from '../../../renderer/store/ui';
import type { OverviewScope } from '../../../renderer/ui/contributions';
import { appRecord, freshDatabases } from '../db/db-helpers';

const freshDb = freshDatabases('vs-overview');

afterEach(() => {
  cleanup();
  useUi.setState({ route: '' });
});

const SCOPE: OverviewScope = {
  asOf: '2026-12-04',
  from: '2024-01-01',
  to: '2026-12-31',
  granularity: 'month',
  teamId: null,
};

/** A map of one step: `days` of lead time, 1 hour of it hands-on. */
async function mapOf(database: AdoptionDatabase, appId: string, label: string, date: string, days: number) {
  const { map } = await saveMap(
    {
      input: {
        appId,
        label,
        date,
        steps: [{ name: 'All', processMinutes: 60, waitMinutes: days * 1440 - 60, pctCompleteAccurate: 90 }],
      },
    },
    database,
  );
  return map;
}

async function twoApps() {
  const database = freshDb();
  const ledger = appRecord({ name: 'Ledger', teamId: crypto.randomUUID() });
  const cards = appRecord({ name: 'Cards' });
  await database.apps.bulkAdd([ledger, cards]);
  const before = await mapOf(database, ledger.id, 'Before onboarding', '2025-01-10', 40);
  const after = await mapOf(database, ledger.id, 'After onboarding', '2026-02-10', 10);
  await mapOf(database, cards.id, 'Before onboarding', '2025-03-01', 20);
  await mapOf(database, cards.id, 'After onboarding', '2026-06-01', 15);
  return { database, ledger, cards, before, after };
}

function show(database: AdoptionDatabase, scope: OverviewScope = SCOPE) {
  return render(
    <DatabaseProvider database={database}>
      <OverviewLeadTimes {...scope} />
    </DatabaseProvider>,
  );
}

describe('Lead time before and after per app', () => {
  it('reads the change over the apps, lists each app, and opens its maps compared', async () => {
    const user = userEvent.setup();
    const { database, before, after } = await twoApps();
    show(database);
    const card = await screen.findByRole('region', { name: 'Lead time before and after per app' });
    // (10 + 15) − (40 + 20) = −35 of 60 days: −58 %.
    expect(card).toHaveAccessibleDescription(
      'Lead time fell 58 % across 2 apps (mean 30 d → 12.5 d), first map against latest.',
    );
    await user.click(within(card).getByRole('button', { name: 'Show as table' }));
    const rows = within(card)
      .getAllByRole('row')
      .slice(1)
      .map((r) => [...r.querySelectorAll('th, td')].slice(0, 4).map((c) => c.textContent));
    expect(rows).toEqual([
      ['Ledger', '40 d (Before onboarding · 2025-01-10)', '10 d (After onboarding · 2026-02-10)', '−75 %'],
      ['Cards', '20 d (Before onboarding · 2025-03-01)', '15 d (After onboarding · 2026-06-01)', '−25 %'],
    ]);
    await user.click(
      within(card).getByRole('button', { name: 'Compare the first and latest maps of Ledger' }),
    );
    expect(useUi.getState().route).toBe(`value-streams/compare/${before.id}/${after.id}`);
  });

  it('keeps the team’s apps, and the maps dated by "as of"', async () => {
    const { database, ledger } = await twoApps();
    const { unmount } = show(database, { ...SCOPE, teamId: ledger.teamId! });
    expect(await screen.findByText(/^Lead time fell 75 % across 1 app/)).toBeInTheDocument();
    unmount();
    show(database, { ...SCOPE, asOf: '2026-03-01' });
    expect(await screen.findByText(/^Lead time fell 75 % across 1 app/)).toBeInTheDocument();
  });

  it('says why when no app was mapped before and after', async () => {
    const { database } = await twoApps();
    show(database, { ...SCOPE, asOf: '2025-12-31' });
    expect(await screen.findByText('No app has been mapped before and after yet.')).toBeInTheDocument();
    expect(
      screen.getByText(/map its path to production before onboarding and again after/),
    ).toBeInTheDocument();
    expect(screen.queryByRole('button', { name: /Save (PNG|CSV)/ })).toBeNull();
  });
});
