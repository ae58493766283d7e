// @vitest-environment jsdom
/**
 * Hours per person, app, team, cycle and topic, over all time (from the kept totals) or within
 * one cycle; a new session moves them at once; Enter on a row (or its hours) opens its sessions
 * in the log.
 */
import { act, screen, waitFor, within } from '@testing-library/react';
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import HoursView from '../../../renderer/features/pairing/HoursView';
import { usePairingUi } from '../../../renderer/features/pairing/pairing-store';
import { useUi } from '../../../renderer/store/ui';
import { NO_SESSION_FILTER } from '../../../shared/domain';
import { logAt } from './fixtures';
import { countingKeyboard, giveElementsASize, pairingDb, renderWith, resetAll } from './ui-helpers';

beforeAll(() => giveElementsASize());
afterEach(resetAll);

async function setUp() {
  const { database, w } = await pairingDb();
  await logAt(database, {
    person: w.ana,
    date: '2026-04-10',
    minutes: 60,
    team: w.payments,
    app: w.ledger,
    topic: 'CI',
  });
  await logAt(database, {
    person: w.bo,
    date: '2026-03-02',
    minutes: 30,
    team: w.risk,
    app: w.fraud,
    topic: 'Logging',
  });
  await logAt(database, {
    person: w.ana,
    date: '2026-04-20',
    minutes: 45,
    team: w.payments,
    app: w.cards,
    topic: 'Logging',
  });
  await logAt(database, { person: w.bo, date: '2026-05-05', minutes: 120, team: w.risk, topic: 'CI' });
  renderWith(database, <HoursView />);
  return { database, w };
}

/** The full list's rows: name, hours, sessions; once every name is read (none "…"). */
async function listed(of: string): Promise<string[][]> {
  const table = await screen.findByRole('table', { name: new RegExp(`^Hours per ${of}, `) });
  const rows = () =>
    within(table)
      .getAllByRole('row')
      .slice(1)
      .map((r) =>
        within(r)
          .getAllByRole('cell')
          .slice(0, 3)
          .map((c) => c.textContent ?? ''),
      );
  await waitFor(() => expect(rows().some(([name]) => name === '…')).toBe(false));
  return rows();
}

describe('hours', () => {
  it('counts hours per person, team, app, cycle and topic, most first', async () => {
    const { w } = await setUp();
    expect(await listed('person')).toEqual([
      ['Bo Chen', '2.5', '2'],
      ['Ana Lima', '1.8', '2'],
    ]);
    expect(
      screen.getByText(/^4\.3 h in 4 sessions across 2 people; the most: Bo Chen, 2\.5 h\.$/),
    ).toBeInTheDocument();
    const keys = countingKeyboard();
    await keys.user.click(screen.getByRole('button', { name: 'Teams' }));
    expect(await listed('team')).toEqual([
      ['Risk', '2.5', '2'],
      ['Payments', '1.8', '2'],
    ]);
    await keys.user.click(screen.getByRole('button', { name: 'Apps' }));
    expect(await listed('app')).toEqual([
      ['No app', '2', '1'],
      ['Ledger', '1', '1'],
      ['Cards', '0.8', '1'],
      ['Fraud', '0.5', '1'],
    ]);
    await keys.user.click(screen.getByRole('button', { name: 'Cycles' }));
    expect(await listed('cycle')).toEqual([
      ['Scaling cycle 2', '3.8', '3'],
      ['Scaling cycle 1', '0.5', '1'],
    ]);
    await keys.user.click(screen.getByRole('button', { name: 'Topics' }));
    expect(await listed('topic')).toEqual([
      ['CI', '3', '2'],
      ['Logging', '1.3', '2'],
    ]);
    // Within one cycle.
    await keys.user.selectOptions(screen.getByRole('combobox', { name: 'Over' }), w.closed.id);
    expect(await listed('topic')).toEqual([['Logging', '0.5', '1']]);
    expect(screen.getByRole('heading', { name: 'Every topic in Scaling cycle 1' })).toBeInTheDocument();
  });

  it('moves at once when a session is logged', async () => {
    const { database, w } = await setUp();
    expect((await listed('person'))[1]).toEqual(['Ana Lima', '1.8', '2']);
    await logAt(database, { person: w.ana, date: '2026-05-06', minutes: 90, team: w.payments, topic: 'CI' });
    await waitFor(async () =>
      expect(await listed('person')).toEqual([
        ['Ana Lima', '3.3', '3'],
        ['Bo Chen', '2.5', '2'],
      ]),
    );
  });

  it('opens the sessions of a row with Enter, within the cycle shown', async () => {
    const { w } = await setUp();
    await listed('person');
    const keys = countingKeyboard();
    // From the scope, Tab reaches the chart's controls, then the list: one stop.
    screen.getByRole('combobox', { name: 'Over' }).focus();
    const table = screen.getByRole('table', { name: /^Hours per person, / });
    for (let i = 0; i < 10 && !table.contains(document.activeElement); i++) await keys.press('{Tab}');
    expect(document.activeElement).toBe(within(table).getAllByRole('row')[1]);
    await keys.press('{ArrowDown}');
    await keys.press('{Enter}');
    expect(usePairingUi.getState().filter).toEqual({ ...NO_SESSION_FILTER, personId: w.ana.id });
    expect(useUi.getState().route).toBe('pairing');
  });

  it('opens a row’s sessions from its hours, and says when there is nothing to count', async () => {
    const { w } = await setUp();
    await listed('person');
    const keys = countingKeyboard();
    await keys.user.click(screen.getByRole('button', { name: '2.5 h: open the 2 sessions of Bo Chen' }));
    expect(usePairingUi.getState().filter).toEqual({ ...NO_SESSION_FILTER, personId: w.bo.id });

    act(() => usePairingUi.getState().setHours({ cycleId: w.active.id, dimension: 'app' }));
    await screen.findByRole('table', { name: /^Hours per app, 3 shown/ });
    await keys.user.click(await screen.findByRole('button', { name: '1 h: open the session of Ledger' }));
    expect(usePairingUi.getState().filter).toEqual({
      ...NO_SESSION_FILTER,
      cycleId: w.active.id,
      appId: w.ledger.id,
    });
  });
});
