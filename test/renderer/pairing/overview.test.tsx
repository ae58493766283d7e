// @vitest-environment jsdom
/**
 * The Pairing area on the leadership overview: "Pairing hours this cycle" (the cycle holding
 * "as of", up to that day, of the chosen team) and "Pairing hours per cycle", each opening the
 * sessions it counts in the session log.
 */
import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, describe, expect, it } from 'vitest';
import OverviewPairingChart from '../../../renderer/features/pairing/OverviewPairingChart';
import OverviewPairingTile from '../../../renderer/features/pairing/OverviewPairingTile';
import { usePairingUi } from '../../../renderer/features/pairing/pairing-store';
import { useUi } from '../../../renderer/store/ui';
import type { OverviewScope } from '../../../renderer/ui/contributions';
import { NO_SESSION_FILTER } from '../../../shared/domain';
import { logAt } from './fixtures';
import { pairingDb, renderWith, resetAll } from './ui-helpers';

afterEach(resetAll);

/** Sessions in both fixture cycles: closed (Jan–Mar 2026), active (Apr–Jun 2026). */
async function world() {
  const { database, w } = await pairingDb();
  const log = (date: string, minutes: number, team = w.payments) =>
    logAt(database, { person: w.ana, date, minutes, team, topic: 'Pipelines' });
  await log('2026-02-10', 120);
  await log('2026-03-10', 60, w.risk);
  await log('2026-04-10', 90);
  await log('2026-05-20', 30, w.risk);
  await log('2026-06-15', 45);
  return { database, w };
}

const scope = (over: Partial<OverviewScope> = {}): OverviewScope => ({
  asOf: '2026-06-01',
  from: '2026-01-01',
  to: '2026-06-30',
  granularity: 'cycle',
  teamId: null,
  ...over,
});

describe('pairing hours this cycle', () => {
  it('adds up the cycle holding "as of" up to that day, and opens those sessions in the log', async () => {
    const { database, w } = await world();
    renderWith(database, <OverviewPairingTile {...scope()} />);
    const tile = await screen.findByRole('button', {
      name: 'Pairing hours this cycle: list the 2 sessions of Scaling cycle 2',
    });
    // 10 Apr (1.5 h) and 20 May (0.5 h); 15 June is after "as of".
    expect(tile).toHaveTextContent('2 h');
    expect(tile).toHaveTextContent('2 sessions in Cycle 2 to 1 Jun 2026');
    await userEvent.click(tile);
    expect(usePairingUi.getState().filter).toEqual({
      ...NO_SESSION_FILTER,
      cycleId: w.active.id,
      to: '2026-06-01',
    });
    expect(useUi.getState().route).toBe('pairing');
  });

  it("counts only the chosen team's sessions", async () => {
    const { database, w } = await world();
    renderWith(database, <OverviewPairingTile {...scope({ teamId: w.risk.id })} />);
    const tile = await screen.findByRole('button', { name: /list the 1 sessions of Scaling cycle 2/ });
    expect(tile).toHaveTextContent('0.5 h');
  });

  it('says so when no cycle runs on "as of"', async () => {
    const { database } = await world();
    renderWith(database, <OverviewPairingTile {...scope({ asOf: '2027-01-10' })} />);
    expect(await screen.findByText('No cycle runs on 10 Jan 2027')).toBeInTheDocument();
  });
});

describe('pairing hours per cycle', () => {
  it('lists each cycle of the range up to "as of", and each row opens its sessions', async () => {
    const { database, w } = await world();
    renderWith(database, <OverviewPairingChart {...scope()} />);
    const card = await screen.findByRole('region', { name: 'Pairing hours per cycle' });
    await waitFor(() =>
      expect(card).toHaveAccessibleDescription(
        '5 hours over 2 cycles; 2 h in Cycle 2 to 1 Jun 2026 against 3 h in Cycle 1; most in Cycle 1 (3 h).',
      ),
    );
    await userEvent.click(within(card).getByRole('button', { name: 'Show as table' }));
    const rows = within(card).getAllByRole('row').slice(1);
    expect(rows.map((r) => [...r.querySelectorAll('th,td')].slice(0, 3).map((c) => c.textContent))).toEqual([
      ['Scaling cycle 1', '3', '2'],
      ['Scaling cycle 2', '2', '2'],
    ]);
    await userEvent.click(
      within(card).getByRole('button', { name: 'List the 2 sessions of Scaling cycle 1' }),
    );
    expect(usePairingUi.getState().filter).toEqual({
      ...NO_SESSION_FILTER,
      cycleId: w.closed.id,
      to: '2026-06-01',
    });
    expect(useUi.getState().route).toBe('pairing');
  });

  it('reads the kept totals as of today, and a team from its own sessions', async () => {
    const { database, w } = await world();
    const { unmount } = renderWith(
      database,
      <OverviewPairingChart {...scope({ asOf: '2030-01-01', to: '2030-01-01' })} />,
    );
    const card = await screen.findByRole('region', { name: 'Pairing hours per cycle' });
    await waitFor(() => expect(card).toHaveAccessibleDescription(/^5.8 hours over 2 cycles/));
    unmount();
    renderWith(database, <OverviewPairingChart {...scope({ teamId: w.risk.id })} />);
    const teamCard = await screen.findByRole('region', { name: 'Pairing hours per cycle' });
    await waitFor(() => expect(teamCard).toHaveAccessibleDescription(/^1.5 hours over 2 cycles/));
  });
});
