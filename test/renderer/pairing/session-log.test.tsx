// @vitest-environment jsdom
/**
 * The session log: filters by person (who paired or a partner), team, app, cycle, topic and
 * dates, each narrowing the list at once; a bad date is said at its field; a row is edited
 * (Enter) and deleted (Delete) from the keyboard, and Undo puts the deleted session back.
 */
import { screen, waitFor, within } from '@testing-library/react';
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import type { AdoptionDatabase } from '../../../renderer/db/database';
import { SessionLog } from '../../../renderer/features/pairing/SessionLog';
import { Toasts } from '../../../renderer/ui/Toasts';
import { totalId } from '../../../shared/domain';
import { logAt, type PairingWorld } from './fixtures';
import { countingKeyboard, giveElementsASize, pairingDb, renderWith, resetAll } from './ui-helpers';

beforeAll(() => giveElementsASize());
afterEach(resetAll);

/** Four sessions: two of Ana's at Payments (Dev partnered one), two of Bo's at Risk, one in the closed cycle. */
async function logged(): Promise<{ database: AdoptionDatabase; w: PairingWorld }> {
  const { database, w } = await pairingDb();
  await logAt(database, {
    person: w.ana,
    date: '2026-04-10',
    minutes: 60,
    team: w.payments,
    app: w.ledger,
    topic: 'CI pipeline',
    partners: [w.dev],
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
  await logAt(database, {
    person: w.bo,
    date: '2026-05-05',
    minutes: 120,
    team: w.risk,
    topic: 'CI pipeline',
  });
  renderWith(
    database,
    <>
      <SessionLog />
      <Toasts />
    </>,
  );
  await screen.findByRole('table', { name: 'Sessions, 4 shown' });
  return { database, w };
}

/** The list's rows as "date · who paired · topic", in order. */
function rows(): string[] {
  const table = screen.getByRole('table', { name: /^Sessions, / });
  return within(table)
    .getAllByRole('row')
    .slice(1)
    .map((r) => {
      const cells = within(r).getAllByRole('cell');
      return `${cells[0]?.textContent} · ${cells[1]?.textContent} · ${cells[5]?.textContent}`;
    });
}

/** Waits for the rows: names are read apart from the sessions, so a row shows "…" until they are. */
async function expectRows(expected: string[]) {
  await waitFor(() => expect(rows()).toEqual(expected));
}

async function shown(count: number) {
  await screen.findByRole('table', { name: `Sessions, ${count} shown` });
}

describe('the session log', () => {
  it('lists every session newest first, with their hours from the totals', async () => {
    await logged();
    await expectRows([
      '5 May 26 · Bo Chen · CI pipeline',
      '20 Apr 26 · Ana Lima · Logging',
      '10 Apr 26 · Ana Lima · CI pipeline',
      '2 Mar 26 · Bo Chen · Logging',
    ]);
    expect(screen.getByText(/^4 sessions · 4\.3 h in all$/)).toBeInTheDocument();
  });

  it('names its rows live: a person renamed, an app deleted show at once', async () => {
    const { database, w } = await logged();
    await expectRows([
      '5 May 26 · Bo Chen · CI pipeline',
      '20 Apr 26 · Ana Lima · Logging',
      '10 Apr 26 · Ana Lima · CI pipeline',
      '2 Mar 26 · Bo Chen · Logging',
    ]);
    await database.people.update(w.bo.id, { name: 'Bo Chen-Li' });
    await expectRows([
      '5 May 26 · Bo Chen-Li · CI pipeline',
      '20 Apr 26 · Ana Lima · Logging',
      '10 Apr 26 · Ana Lima · CI pipeline',
      '2 Mar 26 · Bo Chen-Li · Logging',
    ]);
    await database.apps.delete(w.cards.id);
    const table = screen.getByRole('table', { name: /^Sessions, / });
    await waitFor(() => expect(within(table).getAllByRole('row')[2]!.textContent).toContain('Deleted app'));
  });

  it('filters by person, partners included, by team, cycle, topic and dates, and clears them', async () => {
    const { w } = await logged();
    const keys = countingKeyboard();
    const person = screen.getByRole('combobox', { name: 'Person' });
    person.focus();
    await keys.type('Dev');
    await screen.findByRole('option', { name: /Dev Rao/ });
    await keys.press('{Enter}');
    await shown(1);
    await expectRows(['10 Apr 26 · Ana Lima · CI pipeline']);
    expect(screen.getByText(/^1 session · 1 h match the filters$/)).toBeInTheDocument();

    await keys.user.click(screen.getByRole('button', { name: 'Clear filters' }));
    await shown(4);
    expect(person).toHaveValue('');

    const team = screen.getByRole('combobox', { name: 'Team' });
    team.focus();
    await keys.type('Ris');
    await screen.findByRole('option', { name: /Risk/ });
    await keys.press('{Enter}');
    await shown(2);
    await waitFor(() => expect(rows().map((r) => r.split(' · ')[1])).toEqual(['Bo Chen', 'Bo Chen']));

    await keys.user.selectOptions(screen.getByRole('combobox', { name: 'Cycle' }), w.closed.id);
    await shown(1);
    await expectRows(['2 Mar 26 · Bo Chen · Logging']);
    await keys.user.click(screen.getByRole('button', { name: 'Clear filters' }));
    await shown(4);

    await keys.user.selectOptions(screen.getByRole('combobox', { name: 'Topic' }), 'Logging');
    await shown(2);
    // Several filters at once: Ana's Logging sessions.
    person.focus();
    await keys.type('Ana');
    await screen.findByRole('option', { name: /Ana Lima/ });
    await keys.press('{Enter}');
    await shown(1);
    await expectRows(['20 Apr 26 · Ana Lima · Logging']);
    await keys.user.click(screen.getByRole('button', { name: 'Clear filters' }));
    await shown(4);

    const from = screen.getByRole('textbox', { name: 'From' });
    from.focus();
    await keys.type('2026-04-15');
    await shown(2);
    await waitFor(() => expect(rows().map((r) => r.split(' · ')[0])).toEqual(['5 May 26', '20 Apr 26']));
    const to = screen.getByRole('textbox', { name: 'To' });
    to.focus();
    await keys.type('2026-04-30');
    await shown(1);
  });

  it('says at the field when a date filter is not a date, and keeps the list as it was', async () => {
    await logged();
    const keys = countingKeyboard();
    const from = screen.getByRole('textbox', { name: 'From' });
    from.focus();
    await keys.type('2026-4-1');
    expect(screen.getByText('From must be a date (yyyy-mm-dd)')).toBeInTheDocument();
    expect(from).toHaveAttribute('aria-invalid', 'true');
    expect(screen.getByRole('table', { name: 'Sessions, 4 shown' })).toBeInTheDocument();
  });

  it('filters by app, offering the chosen team’s apps first', async () => {
    const { w } = await logged();
    const keys = countingKeyboard();
    const app = screen.getByRole('combobox', { name: 'App' });
    app.focus();
    await keys.type('Car');
    await screen.findByRole('option', { name: /Cards/ });
    await keys.press('{Enter}');
    await shown(1);
    await expectRows(['20 Apr 26 · Ana Lima · Logging']);
    // The name shows once the app names are read ("…" until then).
    await waitFor(() => expect(app).toHaveValue(w.cards.name));
  });

  it('edits a session from the keyboard: Enter on a row opens it, Enter saves', async () => {
    const { database } = await logged();
    const keys = countingKeyboard();
    await waitFor(() => expect(rows()[0]).toBe('5 May 26 · Bo Chen · CI pipeline'));
    screen.getByRole('textbox', { name: 'To' }).focus();
    await keys.press('{Tab}');
    const first = screen.getAllByRole('row')[1]!;
    expect(first).toHaveFocus();
    await keys.press('{ArrowDown}');
    const second = screen.getAllByRole('row')[2]!;
    expect(second).toHaveFocus();
    await keys.press('{Enter}');
    const dialog = await screen.findByRole('dialog', { name: 'Edit the session' });
    const duration = await within(dialog).findByRole('textbox', { name: /^Duration/ });
    await waitFor(() => expect(duration).toHaveFocus());
    expect(duration).toHaveValue('0.75');
    await keys.press('{Control>}a{/Control}');
    await keys.type('2');
    await keys.press('{Enter}');
    await waitFor(() => expect(screen.queryByRole('dialog', { name: 'Edit the session' })).toBeNull());
    const [edited] = await database.pairingSessions.where('date').equals('2026-04-20').toArray();
    expect(edited?.durationMinutes).toBe(120);
    expect(await screen.findByText(/^Saved the session of 20 Apr 2026, 2 h\.$/)).toBeInTheDocument();
    await screen.findByText(/^4 sessions · 5\.5 h in all$/);
  });

  it('deletes a session with Delete on its row, and Undo puts it back with its hours', async () => {
    const { database, w } = await logged();
    const keys = countingKeyboard();
    await waitFor(() => expect(rows()[0]).toBe('5 May 26 · Bo Chen · CI pipeline'));
    screen.getByRole('textbox', { name: 'To' }).focus();
    await keys.press('{Tab}');
    await keys.press('{Delete}');
    await shown(3);
    await waitFor(() => expect(rows()[0]).toBe('20 Apr 26 · Ana Lima · Logging'));
    expect(await database.pairingSessions.count()).toBe(3);
    expect(await database.pairingTotals.get(totalId('person', w.bo.id))).toMatchObject({ minutes: 30 });
    expect(screen.getByText(/^Deleted the session of 5 May 2026, 2 h\.$/)).toBeInTheDocument();
    screen.getByRole('button', { name: 'Undo' }).focus();
    await keys.press('{Enter}');
    await shown(4);
    await waitFor(() => expect(rows()[0]).toBe('5 May 26 · Bo Chen · CI pipeline'));
    await screen.findByText(/^4 sessions · 4\.3 h in all$/);
  });
});
