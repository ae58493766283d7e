// @vitest-environment jsdom
/**
 * The Blockers area on the leadership overview: the "Open blockers" tile (unresolved on "as of",
 * by category, of the chosen team) and "Open blockers by category over time" (per bucket of the
 * scope, cut at "as of"), each opening the register listing exactly what it counts.
 */
import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, describe, expect, it } from 'vitest';
import OverviewBlockersChart from '../../../renderer/features/blockers/OverviewBlockersChart';
import OverviewBlockersTile from '../../../renderer/features/blockers/OverviewBlockersTile';
import { readBlockers } from '../../../renderer/features/blockers/data/queries';
import { useUi } from '../../../renderer/store/ui';
import type { OverviewScope } from '../../../renderer/ui/contributions';
import { filtersFromQuery } from '../../../shared/domain/blocker-filters';
import { blockerRecord } from '../db/db-helpers';
import { freshDb, renderWith, resetAll } from './helpers';

afterEach(resetAll);

const TEAM = '0b0b0b0b-0000-4000-8000-000000000001';

async function world() {
  const database = freshDb();
  await database.blockers.bulkAdd([
    // Open since June, of the team.
    blockerRecord([{ status: 'open', on: '2026-06-01' }], { teamId: TEAM }),
    // Technical Execution: open in October, resolved in November.
    {
      ...blockerRecord([
        { status: 'open', on: '2026-10-10' },
        { status: 'mitigating', on: '2026-10-20' },
        { status: 'resolved', on: '2026-11-15' },
      ]),
      category: 'technical-execution',
      subCategory: 'Dependencies between teams',
    },
    // Plans & Alignment: opened in November, resolved after "as of".
    {
      ...blockerRecord([
        { status: 'open', on: '2026-11-20' },
        { status: 'resolved', on: '2026-12-10' },
      ]),
      category: 'plans-alignment',
      subCategory: 'Budgeting',
    },
    // Opened after "as of": not counted.
    blockerRecord([{ status: 'open', on: '2026-12-20' }]),
  ]);
  return database;
}

const scope = (over: Partial<OverviewScope> = {}): OverviewScope => ({
  asOf: '2026-12-03',
  from: '2026-10-01',
  to: '2026-12-31',
  granularity: 'month',
  teamId: null,
  ...over,
});

/** The blockers the register lists for the route the overview navigated to. */
async function listed(database: Parameters<typeof readBlockers>[0]) {
  const route = useUi.getState().route;
  expect(route).toMatch(/^blockers\/register\?/);
  return readBlockers(database, filtersFromQuery(route.split('?')[1]!), '2026-12-03');
}

describe('the open blockers tile', () => {
  it('counts the blockers unresolved on "as of" by category, and opens exactly those', async () => {
    const database = await world();
    renderWith(database, <OverviewBlockersTile {...scope()} />);
    const tile = await screen.findByRole('button', {
      name: 'Open blockers: list the 2 blockers unresolved on 3 Dec 2026',
    });
    expect(tile).toHaveTextContent('1 People & Culture · 1 Plans & Alignment');
    await userEvent.click(tile);
    expect(await listed(database)).toHaveLength(2);
  });

  it("counts only the chosen team's blockers, and opens them", async () => {
    const database = await world();
    renderWith(database, <OverviewBlockersTile {...scope({ teamId: TEAM })} />);
    const tile = await screen.findByRole('button', { name: /list the 1 blocker unresolved/ });
    await userEvent.click(tile);
    expect(useUi.getState().route).toContain(`teamId=${TEAM}`);
    expect(await listed(database)).toHaveLength(1);
  });
});

describe('open blockers by category over time', () => {
  it('counts each month at its end (the running one on "as of"); each row opens its blockers', async () => {
    const database = await world();
    renderWith(database, <OverviewBlockersChart {...scope()} />);
    const card = await screen.findByRole('region', { name: 'Open blockers by category over time' });
    await waitFor(() =>
      expect(card).toHaveAccessibleDescription(
        '2 unresolved blockers on 3 Dec 2026, most in People & Culture (1); as many as at the end of Oct 2026 (2).',
      ),
    );
    await userEvent.click(within(card).getByRole('button', { name: 'Show as table' }));
    const rows = within(card)
      .getAllByRole('row')
      .slice(1)
      .map((r) => [...r.querySelectorAll('th,td')].slice(0, 4).map((c) => c.textContent));
    expect(rows).toEqual([
      ['Oct 2026', '31 Oct 2026', 'People & Culture', '1'],
      ['Oct 2026', '31 Oct 2026', 'Plans & Alignment', '0'],
      ['Oct 2026', '31 Oct 2026', 'Technical Execution', '1'],
      ['Nov 2026', '30 Nov 2026', 'People & Culture', '1'],
      ['Nov 2026', '30 Nov 2026', 'Plans & Alignment', '1'],
      ['Nov 2026', '30 Nov 2026', 'Technical Execution', '0'],
      ['Dec 2026', '3 Dec 2026', 'People & Culture', '1'],
      ['Dec 2026', '3 Dec 2026', 'Plans & Alignment', '1'],
      ['Dec 2026', '3 Dec 2026', 'Technical Execution', '0'],
    ]);
    await userEvent.click(
      within(card).getByRole('button', {
        name: 'List the 1 blocker of Technical Execution unresolved on 31 Oct 2026',
      }),
    );
    const opened = await listed(database);
    expect(opened.map((b) => b.category)).toEqual(['technical-execution']);
  });

  it('says why when nothing was unresolved in the range', async () => {
    const database = await world();
    renderWith(
      database,
      <OverviewBlockersChart {...scope({ teamId: TEAM, asOf: '2026-05-01', from: '2026-01-01' })} />,
    );
    expect(
      await screen.findByText('No blocker was unresolved in this range for this team.'),
    ).toBeInTheDocument();
  });
});
