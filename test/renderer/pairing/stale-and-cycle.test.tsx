// @vitest-environment jsdom
/**
 * Onboarding apps with no session in the last two weeks, in the area (never paired first, then
 * the longest without) and on a cycle's detail on Plan, beside its assignments (flags included)
 * and its hours; each leads to its app, its sessions, or quick entry for it.
 */
import { screen, waitFor, within } from '@testing-library/react';
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import { buildRecord } from '../../../renderer/db/repository';
import CyclePairingSummary, { LISTED_PLACES } from '../../../renderer/features/pairing/CyclePairingSummary';
import { createAssignment } from '../../../renderer/features/pairing/data/assignments';
import { usePairingUi } from '../../../renderer/features/pairing/pairing-store';
import StaleAppsView from '../../../renderer/features/pairing/StaleAppsView';
import { useUi } from '../../../renderer/store/ui';
import {
  addDaysIso,
  assignmentInputSchema,
  NO_SESSION_FILTER,
  personInputSchema,
  teamInputSchema,
  todayIso,
  type Assignment,
  type Cycle,
  type Person,
  type Team,
} from '../../../shared/domain';
import { appRecord } from '../db/db-helpers';
import { logAt } from './fixtures';
import { countingKeyboard, giveElementsASize, pairingDb, renderWith, resetAll } from './ui-helpers';

beforeAll(() => giveElementsASize());
afterEach(resetAll);

/** Ledger paired 3 days ago, Cards 20 days ago, Vault (no cycle) never; Fraud is on the platform. */
async function setUp() {
  const { database, w } = await pairingDb();
  const today = todayIso();
  const vault = appRecord({ name: 'Vault', teamId: w.risk.id, stage: 'onboarding', cycleId: null });
  await database.apps.add(vault);
  await logAt(database, {
    person: w.ana,
    date: addDaysIso(today, -3),
    minutes: 60,
    team: w.payments,
    app: w.ledger,
    topic: 'CI',
  });
  await logAt(database, {
    person: w.ana,
    date: addDaysIso(today, -20),
    minutes: 30,
    team: w.payments,
    app: w.cards,
    topic: 'CI',
  });
  await logAt(database, {
    person: w.bo,
    date: addDaysIso(today, -30),
    minutes: 30,
    team: w.risk,
    app: w.fraud,
    topic: 'CI',
  });
  return { database, w, vault };
}

describe('stale onboarding apps', () => {
  it('lists the onboarding apps not paired on for two weeks, never paired first', async () => {
    const { database: db, w, vault } = await setUp();
    renderWith(db, <StaleAppsView />);
    const table = await screen.findByRole('table', { name: 'Stale onboarding apps, 2 shown' });
    expect(
      screen.getByText('2 onboarding apps have had no pairing session in the last 14 days (1 never).'),
    ).toBeInTheDocument();
    const rows = within(table).getAllByRole('row').slice(1);
    expect(rows.map((r) => within(r).getAllByRole('cell')[0]?.textContent)).toEqual(['Vault', 'Cards']);
    expect(rows[1]).toHaveTextContent('Payments');
    expect(rows[1]).toHaveTextContent('(20 days ago)');

    // Enter opens the app; Log a session opens quick entry for it.
    const keys = countingKeyboard();
    rows[0]!.focus();
    await keys.press('{ArrowDown}');
    await keys.press('{Enter}');
    expect(useUi.getState().route).toBe(`apps/${w.cards.id}`);
    await keys.user.click(within(rows[0]!).getByRole('button', { name: 'Log a session' }));
    expect(usePairingUi.getState()).toMatchObject({
      quickEntryOpen: true,
      quickEntryPreset: { appId: vault.id, teamId: w.risk.id },
    });
    await keys.user.click(within(rows[1]!).getByRole('button', { name: /^\d+ \w+ \d{4} \(20 days ago\)$/ }));
    expect(usePairingUi.getState().filter).toEqual({ ...NO_SESSION_FILTER, appId: w.cards.id });
  });

  it("lists one cycle's stale apps when opened from it, and changes cycle by its select", async () => {
    const { database: db, w } = await setUp();
    renderWith(db, <StaleAppsView cycleId={w.active.id} />);
    // Vault is in no cycle: only Cards, of the active cycle.
    const table = await screen.findByRole('table', { name: 'Stale onboarding apps, 1 shown' });
    expect(within(table).getAllByRole('row')[1]).toHaveTextContent('Cards');
    expect(screen.getByRole('status')).toHaveTextContent(
      /^1 onboarding app of .+ has had no pairing session in the last 14 days \(0 never\)\.$/,
    );
    const select = screen.getByRole('combobox', { name: 'Cycle' });
    expect(select).toHaveValue(w.active.id);
    await countingKeyboard().user.selectOptions(select, '');
    expect(useUi.getState().route).toBe('pairing/stale');
  });

  it('says so when its address names no cycle, and offers every cycle', async () => {
    const { database: db } = await setUp();
    renderWith(db, <StaleAppsView cycleId="no-such-cycle" />);
    expect(
      await screen.findByText('No cycle has this address (it may have been deleted): choose one above.'),
    ).toHaveAttribute('role', 'status');
    expect(screen.queryByRole('table')).not.toBeInTheDocument();
    expect(screen.getByRole('combobox', { name: 'Cycle' })).toHaveValue('');
  });

  it('says so when every onboarding app had a session lately', async () => {
    const { database: db, w, vault } = await setUp();
    await logAt(db, { person: w.bo, date: todayIso(), minutes: 30, team: w.risk, app: vault, topic: 'CI' });
    await logAt(db, {
      person: w.bo,
      date: todayIso(),
      minutes: 30,
      team: w.payments,
      app: w.cards,
      topic: 'CI',
    });
    renderWith(db, <StaleAppsView />);
    expect(
      await screen.findByText('Every onboarding app had a pairing session in the last 14 days.'),
    ).toBeInTheDocument();
    expect(screen.getByText('Nothing to catch up on.')).toBeInTheDocument();
  });
});

/** An assignment of `personId` to `teamId` for the whole of `cycle` (written as stored, unchecked). */
function placed(
  cycle: Pick<Cycle, 'id' | 'startDate'>,
  personId: string,
  teamId: string,
  kind: Assignment['kind'] = 'pairing',
): Assignment {
  return buildRecord(
    assignmentInputSchema,
    { kind, personId, targetTeamId: teamId, cycleId: cycle.id, startDate: cycle.startDate, endDate: null },
    'A',
  ) as Assignment;
}

describe('a cycle’s pairing on Plan', () => {
  it('shows who is placed where, flags, its hours and its stale apps, each leading on', async () => {
    const { database: db, w } = await setUp();
    await createAssignment(
      {
        kind: 'pairing',
        personId: w.ana.id,
        targetTeamId: w.payments.id,
        appId: null,
        cycleId: w.active.id,
        startDate: w.active.startDate,
        endDate: null,
        notes: '',
      },
      db,
    );
    await db.assignments.bulkAdd([
      placed(w.active, w.dev2.id, w.risk.id, 'seeding'),
      placed(w.active, w.dev2.id, w.payments.id),
    ]);
    await logAt(db, {
      person: w.ana,
      date: '2026-04-10',
      minutes: 90,
      team: w.payments,
      app: w.ledger,
      topic: 'CI',
    });
    renderWith(db, <CyclePairingSummary cycle={w.active} />);

    const region = await screen.findByRole('region', { name: 'Pairing and seeding' });
    await within(region).findByText('Payments:');
    // Cards of one place in the order they started: the same day here, so either order.
    const payments = within(region).getByText('Payments:').closest('li')!;
    expect(payments).toHaveTextContent('Ana Lima (pairing)');
    expect(payments).toHaveTextContent('Dee Ortiz (pairing)');
    expect(within(region).getByText('Risk:').closest('li')).toHaveTextContent('Risk: Dee Ortiz (seeding)');
    expect(within(region).getByRole('note')).toHaveTextContent(
      'Flagged: Dee Ortiz (two places at once while seeding).',
    );
    // Ledger was paired 3 days ago; Cards, of this cycle too, 20 days ago; Vault is in no cycle.
    expect(region).toHaveTextContent('1 onboarding app with no session in the last two weeks:');
    expect(within(region).getByRole('link', { name: 'Cards' })).toHaveAttribute(
      'href',
      `#/apps/${w.cards.id}`,
    );

    const keys = countingKeyboard();
    within(region).getByRole('button', { name: '1.5 h in 1 session' }).focus();
    await keys.press('{Enter}');
    expect(usePairingUi.getState().filter).toEqual({ ...NO_SESSION_FILTER, cycleId: w.active.id });
    expect(useUi.getState().route).toBe('pairing');

    within(region).getByRole('link', { name: 'Staff this cycle on the assignments board' }).focus();
    await keys.press('{Enter}');
    await waitFor(() => expect(usePairingUi.getState().boardCycleId).toBe(w.active.id));
  });

  it('lists the first places, and leads to the board for the rest', async () => {
    const { database: db, w } = await setUp();
    const teams = Array.from(
      { length: LISTED_PLACES + 2 },
      (_, i) =>
        buildRecord(
          teamInputSchema,
          { name: `Team ${String(i).padStart(2, '0')}`, kind: 'product' },
          'T',
        ) as Team,
    );
    await db.teams.bulkAdd(teams);
    await db.assignments.bulkAdd(
      teams.map((team, i) => placed(w.active, i % 2 ? w.ana.id : w.dev2.id, team.id)),
    );
    renderWith(db, <CyclePairingSummary cycle={w.active} />);
    const region = await screen.findByRole('region', { name: 'Pairing and seeding' });
    await within(region).findAllByText(/^Team \d\d:$/);
    const places = within(within(region).getAllByRole('list')[0]!).getAllByRole('listitem');
    expect(places).toHaveLength(LISTED_PLACES);
    for (const place of places)
      expect(place).toHaveTextContent(/^Team \d\d: (Dee Ortiz|Ana Lima) \(pairing\)$/);
    // Dee and Ana are each in seven places at once: two flagged, under the limit of the list.
    expect(within(region).getByRole('note')).toHaveTextContent(
      /^Flagged: .+ \(7 places at once, over 2\); .+\.$/,
    );
    const more = within(region).getByRole('link', { name: '2 more places on the assignments board' });
    more.focus();
    await countingKeyboard().press('{Enter}');
    await waitFor(() => expect(usePairingUi.getState().boardCycleId).toBe(w.active.id));
  });

  it('names the first flagged people, and leads to the board for the rest', async () => {
    const { database: db, w } = await setUp();
    const people = Array.from(
      { length: LISTED_PLACES + 3 },
      (_, i) =>
        buildRecord(personInputSchema, { name: `Person ${String(i).padStart(2, '0')}` }, 'P') as Person,
    );
    await db.people.bulkAdd(people);
    // Each in three places at once (over the limit of 2): every one flagged.
    await db.assignments.bulkAdd(
      people.flatMap((person) =>
        [w.payments, w.risk, w.platform].map((team) => placed(w.active, person.id, team.id)),
      ),
    );
    renderWith(db, <CyclePairingSummary cycle={w.active} />);
    const region = await screen.findByRole('region', { name: 'Pairing and seeding' });
    const note = await within(region).findByRole('note');
    expect(note.textContent?.match(/\(3 places at once, over 2\)/g)).toHaveLength(LISTED_PLACES);
    expect(note).toHaveTextContent(/; and 3 more on the assignments board\.$/);
    within(note).getByRole('link', { name: '3 more on the assignments board' }).focus();
    await countingKeyboard().press('{Enter}');
    await waitFor(() => expect(usePairingUi.getState().boardCycleId).toBe(w.active.id));
  });

  it('stays drawn when someone is placed meanwhile, their name following', async () => {
    const { database: db, w } = await setUp();
    await db.assignments.add(placed(w.active, w.ana.id, w.payments.id));
    renderWith(db, <CyclePairingSummary cycle={w.active} />);
    const region = await screen.findByRole('region', { name: 'Pairing and seeding' });
    await within(region).findByText('Payments:');
    const loading: string[] = [];
    const watch = new MutationObserver(() => {
      if (document.body.textContent?.includes('Loading the cycle’s pairing…')) loading.push('loading');
    });
    watch.observe(document.body, { subtree: true, childList: true, characterData: true });
    await db.assignments.add(placed(w.active, w.bo.id, w.payments.id));
    // Cards of one place in the order they started: the same day here, so either order.
    await waitFor(() =>
      expect(within(region).getByText('Payments:').closest('li')).toHaveTextContent(w.bo.name),
    );
    expect(within(region).getByText('Payments:').closest('li')).toHaveTextContent(w.ana.name);
    watch.disconnect();
    expect(loading).toEqual([]);
  });

  it("lists eight stale apps and leads to all of the cycle's", async () => {
    const { database: db, w } = await setUp();
    await db.apps.bulkAdd(
      Array.from({ length: 9 }, (_, i) =>
        appRecord({ name: `Quiet ${i}`, teamId: w.risk.id, stage: 'onboarding', cycleId: w.active.id }),
      ),
    );
    renderWith(db, <CyclePairingSummary cycle={w.active} />);
    const region = await screen.findByRole('region', { name: 'Pairing and seeding' });
    expect(await within(region).findByText(/^10 onboarding apps with no session/)).toBeInTheDocument();
    expect(within(region).getAllByRole('link', { name: /^(Quiet \d|Cards)$/ })).toHaveLength(8);
    expect(within(region).getByRole('link', { name: 'All 10 stale apps of this cycle' })).toHaveAttribute(
      'href',
      `#/pairing/stale/${w.active.id}`,
    );
  });

  it('says when no one is placed and nothing was logged in the cycle', async () => {
    const { database: db, w } = await setUp();
    renderWith(db, <CyclePairingSummary cycle={w.closed} />);
    const region = await screen.findByRole('region', { name: 'Pairing and seeding' });
    expect(region).toHaveTextContent('No one is assigned in this cycle yet.');
    expect(region).toHaveTextContent('no session in this cycle');
    expect(region).toHaveTextContent(
      'Every onboarding app of this cycle had a session in the last two weeks.',
    );
  });
});
