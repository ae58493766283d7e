// @vitest-environment jsdom
/**
 * Quick entry with the keyboard alone: from any screen, a session the defaults fit is logged in
 * at most six keystrokes (here two) and shows in the log at once; bad durations get a message at
 * the field and save nothing; a date in a closed cycle is allowed and said so.
 */
import { screen, waitFor, within } from '@testing-library/react';
import { afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { App } from '../../../renderer/App';
import { createAssignment } from '../../../renderer/features/pairing/data/assignments';
import { setMe } from '../../../renderer/features/pairing/data/preferences';
import { logSession } from '../../../renderer/features/pairing/data/sessions';
import { usePairingUi } from '../../../renderer/features/pairing/pairing-store';
import { useUi } from '../../../renderer/store/ui';
import { addDaysIso, formatIsoDate, todayIso } from '../../../shared/domain';
import type { AdoptionDatabase } from '../../../renderer/db/database';
import type { PairingWorld } from './fixtures';
import {
  countingKeyboard,
  giveElementsASize,
  pairingDb,
  QUICK_ENTRY,
  renderWith,
  resetAll,
} from './ui-helpers';

beforeAll(() => giveElementsASize());
afterEach(resetAll);

/** An advocate at this machine, on a pairing assignment with Payments, who logged a session there before. */
async function advocate(): Promise<{ database: AdoptionDatabase; w: PairingWorld }> {
  const { database, w } = await pairingDb();
  const today = todayIso();
  await setMe(w.ana.id, database);
  await createAssignment(
    {
      kind: 'pairing',
      personId: w.ana.id,
      targetTeamId: w.payments.id,
      appId: null,
      cycleId: null,
      startDate: addDaysIso(today, -20),
      endDate: null,
      notes: '',
    },
    database,
  );
  await logSession(
    {
      date: addDaysIso(today, -2),
      durationMinutes: 90,
      personId: w.ana.id,
      partnerIds: [w.dev.id],
      appId: w.ledger.id,
      teamId: w.payments.id,
      goldenPathId: w.javaPath.id,
      topic: 'CI pipeline',
      notes: '',
      outcome: 'productive',
    },
    database,
  );
  return { database, w };
}

async function openAt(database: AdoptionDatabase, route: string) {
  useUi.setState({ route });
  location.hash = `#/${route}`;
  renderWith(database, <App />);
}

async function quickEntryOpen() {
  const dialog = await screen.findByRole('dialog', { name: 'Log a pairing session' });
  const duration = await within(dialog).findByRole('textbox', { name: /^Duration/ });
  await waitFor(() => expect(duration).toHaveFocus());
  return { dialog, duration };
}

/**
 * A first entry at this machine (nobody remembered as "who paired"), from Plan: opens quick
 * entry, types "ana" and picks Ana Lima with Enter. Returns the dialog and its "Who paired" box.
 */
async function firstEntryPickingAna(database: AdoptionDatabase) {
  await openAt(database, 'plan');
  await screen.findByRole('heading', { level: 1, name: 'Plan' }, { timeout: 30_000 });
  const keys = countingKeyboard();
  await keys.press(QUICK_ENTRY);
  const dialog = await screen.findByRole('dialog', { name: 'Log a pairing session' });
  const who = within(dialog).getByRole('combobox', { name: 'Who paired' });
  await waitFor(() => expect(who).toHaveFocus());
  await keys.type('ana');
  await within(dialog).findByRole('option', { name: /Ana Lima/ });
  await keys.press('{Enter}'); // picks Ana (the list is open), does not submit
  return { keys, dialog, who };
}

/** Enter on a first entry without a topic: the topic is asked for, and focused to be typed. */
async function enterAsksForTopic(keys: ReturnType<typeof countingKeyboard>, dialog: HTMLElement) {
  await keys.press('{Enter}');
  const topic = within(dialog).getByRole('combobox', { name: 'Topic' });
  await waitFor(() => expect(topic).toHaveFocus());
  return topic;
}

describe('quick entry', () => {
  it('logs a session the defaults fit in two keystrokes from another area', async () => {
    const { database, w } = await advocate();
    await openAt(database, 'apps');
    // The first load of a lazy area compiles it: slow on a busy machine.
    await screen.findByRole('heading', { level: 1, name: 'Apps' }, { timeout: 30_000 });
    const keys = countingKeyboard();

    await keys.press(QUICK_ENTRY);
    const { dialog } = await quickEntryOpen();
    // Prefilled from the assignment and the last session at the same place.
    expect(within(dialog).getByRole('textbox', { name: /^Date/ })).toHaveValue(todayIso());
    expect(within(dialog).getByRole('textbox', { name: /^Duration/ })).toHaveValue('1.5');
    expect(within(dialog).getByRole('combobox', { name: 'Team' })).toHaveValue('Payments');
    await waitFor(() => expect(within(dialog).getByRole('combobox', { name: 'App' })).toHaveValue('Ledger'));
    expect(within(dialog).getByRole('button', { name: 'Remove Dev Rao' })).toBeInTheDocument();
    expect(within(dialog).getByRole('combobox', { name: 'Topic' })).toHaveValue('CI pipeline');
    expect(within(dialog).getByRole('combobox', { name: 'Golden path' })).toHaveValue(w.javaPath.id);
    await keys.press('{Enter}');

    await waitFor(() => expect(screen.queryByRole('dialog', { name: 'Log a pairing session' })).toBeNull());
    expect(keys.count).toBe(2);
    expect(keys.count).toBeLessThanOrEqual(6);
    expect(await screen.findByText(/^Logged 1 h 30 min with Ledger on /)).toBeInTheDocument();
    const sessions = await database.pairingSessions.where('date').equals(todayIso()).toArray();
    expect(sessions).toEqual([
      expect.objectContaining({
        personId: w.ana.id,
        durationMinutes: 90,
        partnerIds: [w.dev.id],
        appId: w.ledger.id,
        teamId: w.payments.id,
        goldenPathId: w.javaPath.id,
        topic: 'CI pipeline',
      }),
    ]);
  });

  it('shows the new session in the log at once', async () => {
    const { database } = await advocate();
    await openAt(database, 'pairing');
    const list = await screen.findByRole('table', { name: 'Sessions, 1 shown' }, { timeout: 30_000 });
    expect(within(list).getAllByRole('row')).toHaveLength(2);
    const keys = countingKeyboard();
    await keys.press(QUICK_ENTRY);
    await quickEntryOpen();
    await keys.press('{Enter}');
    const updated = await screen.findByRole('table', { name: 'Sessions, 2 shown' });
    expect(within(updated).getAllByRole('row')).toHaveLength(3);
    expect(keys.count).toBe(2);
    await screen.findByText(/^Logged 1 h 30 min with Ledger on /);
    await waitFor(() => expect(usePairingUi.getState().pending).toEqual([]));
    expect(screen.getByRole('table', { name: 'Sessions, 2 shown' })).toBeInTheDocument();
  });

  /** Holds the next write transaction until `release`; then runs it, or fails it with `error`. */
  function holdNextWrite(database: AdoptionDatabase, error?: Error) {
    let release = () => {};
    const gate = new Promise<void>((resolve) => (release = resolve));
    const original = database.transaction.bind(database) as (...args: unknown[]) => Promise<unknown>;
    let held = false;
    vi.spyOn(database, 'transaction').mockImplementation(((...args: unknown[]) => {
      if (held || args[0] !== 'rw') return original(...args);
      held = true;
      return gate.then(() => (error ? Promise.reject(error) : original(...args)));
    }) as never);
    return () => release();
  }

  /** Quick entry from the session log, Enter pressed with the write held (failing with `error`). */
  async function enterWithWriteHeld(error?: Error) {
    const { database } = await advocate();
    await openAt(database, 'pairing');
    await screen.findByRole('table', { name: 'Sessions, 1 shown' }, { timeout: 30_000 });
    const keys = countingKeyboard();
    await keys.press(QUICK_ENTRY);
    await quickEntryOpen();
    const release = holdNextWrite(database, error);
    await keys.press('{Enter}');
    return { database, release };
  }

  it('shows the session at the top of the log while it is stored, then as stored', async () => {
    const { database, release } = await enterWithWriteHeld();
    const list = await screen.findByRole('table', { name: 'Sessions, 2 shown' });
    const [, first] = within(list).getAllByRole('row');
    expect(first).toHaveTextContent('Saving…');
    expect(first).toHaveTextContent(formatIsoDate(todayIso(), 'd MMM yy'));
    expect(screen.getByText(/^2 sessions · 3 h in all$/)).toBeInTheDocument();
    expect(await database.pairingSessions.count()).toBe(1);

    release();
    await screen.findByText(/^Logged 1 h 30 min with Ledger on /);
    await waitFor(() => expect(screen.queryByText('Saving…')).toBeNull());
    expect(screen.getByRole('table', { name: 'Sessions, 2 shown' })).toBeInTheDocument();
    expect(await database.pairingSessions.count()).toBe(2);
  });

  it('removes the session it showed when storing it fails, and says why', async () => {
    const { database, release } = await enterWithWriteHeld(new Error('The disk is full'));
    await screen.findByRole('table', { name: 'Sessions, 2 shown' });

    release();
    expect(
      await screen.findByText(/^The session of .+, 1 h 30 min was not logged: The disk is full/),
    ).toBeInTheDocument();
    expect(await screen.findByRole('table', { name: 'Sessions, 1 shown' })).toBeInTheDocument();
    expect(screen.queryByText('Saving…')).toBeNull();
    expect(usePairingUi.getState().pending).toEqual([]);
    expect(await database.pairingSessions.count()).toBe(1);
  });

  it.each([
    ['0', 'Duration must be more than 0'],
    ['-1', 'Duration cannot be negative'],
    ['25', 'Duration must be at most 24 hours: 25 hours is more (for minutes, type 25m)'],
    ['lots', 'Duration must be a number of hours (1.5 or 1:30) or minutes (90m)'],
  ])('refuses a duration of %j with a message at the field, saving nothing', async (typed, message) => {
    const { database } = await advocate();
    await openAt(database, 'plan');
    await screen.findByRole('heading', { level: 1, name: 'Plan' }, { timeout: 30_000 });
    const keys = countingKeyboard();
    await keys.press(QUICK_ENTRY);
    const { dialog, duration } = await quickEntryOpen();
    await keys.type(typed);
    await keys.press('{Enter}');
    expect(await within(dialog).findByText(message)).toBeInTheDocument();
    expect(duration).toHaveAttribute('aria-invalid', 'true');
    expect(duration).toHaveAccessibleDescription(expect.stringContaining(message));
    expect(await database.pairingSessions.count()).toBe(1);
    // Fixed, it saves.
    await keys.press('{Control>}a{/Control}');
    await keys.type('45m');
    await keys.press('{Enter}');
    await waitFor(() => expect(screen.queryByRole('dialog', { name: 'Log a pairing session' })).toBeNull());
    await screen.findByText(/^Logged 45 min with Ledger on /);
    expect(await database.pairingSessions.count()).toBe(2);
  });

  it('logs a session dated in a closed cycle, and says so', async () => {
    const { database, w } = await advocate();
    await openAt(database, 'plan');
    await screen.findByRole('heading', { level: 1, name: 'Plan' }, { timeout: 30_000 });
    const keys = countingKeyboard();
    await keys.press(QUICK_ENTRY);
    const { dialog } = await quickEntryOpen();
    await keys.press('{Shift>}{Tab}{/Shift}');
    await keys.press('{Control>}a{/Control}');
    await keys.type('2026-03-02');
    expect(within(dialog).getByRole('note')).toHaveTextContent(
      'In Scaling cycle 1, which is closed: it is logged there all the same.',
    );
    await keys.press('{Enter}');
    expect(await screen.findByText(/It is in Scaling cycle 1, which is closed\.$/)).toBeInTheDocument();
    const [session] = await database.pairingSessions.where('date').equals('2026-03-02').toArray();
    expect(session?.cycleId).toBe(w.closed.id);
  });

  it('opened again while the first session is still stored, starts from it once stored', async () => {
    const { database, w } = await pairingDb();
    const { keys, dialog } = await firstEntryPickingAna(database);
    await enterAsksForTopic(keys, dialog);
    await keys.type('Golden path walkthrough');
    const release = holdNextWrite(database);
    await keys.press('{Enter}');
    await waitFor(() => expect(screen.queryByRole('dialog', { name: 'Log a pairing session' })).toBeNull());

    // At once again, the first session not stored yet: the form waits for it…
    await keys.press(QUICK_ENTRY);
    const again = await screen.findByRole('dialog', { name: 'Log a pairing session' });
    expect(within(again).getByRole('status')).toHaveTextContent('Loading…');
    expect(within(again).queryByRole('combobox', { name: 'Who paired' })).toBeNull();
    // …and starts from it: who paired, and its topic.
    release();
    await quickEntryOpen();
    expect(within(again).getByRole('combobox', { name: 'Who paired' })).toHaveValue('Ana Lima');
    expect(within(again).getByRole('combobox', { name: 'Topic' })).toHaveValue('Golden path walkthrough');
    await keys.press('{Enter}');
    await waitFor(() => expect(screen.queryByRole('dialog', { name: 'Log a pairing session' })).toBeNull());
    await waitFor(async () => expect(await database.pairingSessions.count()).toBe(2));
    const sessions = await database.pairingSessions.toArray();
    expect(sessions.map((s) => [s.personId, s.topic])).toEqual([
      [w.ana.id, 'Golden path walkthrough'],
      [w.ana.id, 'Golden path walkthrough'],
    ]);
  });

  it('asks who the advocate is the first time, and remembers it', async () => {
    const { database, w } = await pairingDb();
    const { keys, dialog, who } = await firstEntryPickingAna(database);
    expect(who).toHaveValue('Ana Lima');
    expect(await database.pairingSessions.count()).toBe(0);
    // No earlier session: the topic is needed.
    await enterAsksForTopic(keys, dialog);
    expect(within(dialog).getByText('Topic is required')).toBeInTheDocument();
    await keys.type('Golden path walkthrough');
    await keys.press('{Enter}');
    await waitFor(() => expect(screen.queryByRole('dialog', { name: 'Log a pairing session' })).toBeNull());
    // Remembered once the session is stored (the dialog closes before).
    await screen.findByText(/^Logged 1 h on /);
    expect(await database.settings.get('pairing.me')).toEqual({ key: 'pairing.me', value: w.ana.id });

    // Next time it starts from that session, on the duration.
    await keys.press(QUICK_ENTRY);
    const again = await quickEntryOpen();
    expect(within(again.dialog).getByRole('combobox', { name: 'Topic' })).toHaveValue(
      'Golden path walkthrough',
    );
  });
});
