// @vitest-environment jsdom
/**
 * The assignments board of a cycle: one column per team, one card per assignment; a person over
 * the load limit or in two places at once flagged on their cards and above; the board is one tab
 * stop (arrows move, Enter edits, Delete deletes with Undo); assigning someone by keyboard, with
 * an end before the start or a seeder's second place refused at the field and nothing saved.
 */
import { screen, waitFor, within } from '@testing-library/react';
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import type { AdoptionDatabase } from '../../../renderer/db/database';
import { buildRecord } from '../../../renderer/db/repository';
import AssignmentsBoard from '../../../renderer/features/pairing/AssignmentsBoard';
import { createAssignment } from '../../../renderer/features/pairing/data/assignments';
import { Toasts } from '../../../renderer/ui/Toasts';
import {
  assignmentInputSchema,
  type Assignment,
  type AssignmentInput,
  type Person,
  type Team,
} from '../../../shared/domain';
import type { PairingWorld } from './fixtures';
import { countingKeyboard, giveElementsASize, pairingDb, renderWith, resetAll } from './ui-helpers';

beforeAll(() => giveElementsASize());
afterEach(resetAll);

function input(w: PairingWorld, person: Person, kind: Assignment['kind'], team: Team): AssignmentInput {
  return {
    kind,
    personId: person.id,
    targetTeamId: team.id,
    appId: null,
    cycleId: w.active.id,
    startDate: w.active.startDate,
    endDate: '2026-06-30',
    notes: '',
  };
}

/**
 * Ana pairs with Payments and with Risk (two places, within the default limit of 2); Bo seeds
 * Risk; Dee seeds Payments while pairing with Risk, as an imported workspace may hold (the
 * commands refuse it, so it is written directly).
 */
async function staffed(): Promise<{ database: AdoptionDatabase; w: PairingWorld }> {
  const { database, w } = await pairingDb();
  await createAssignment(input(w, w.ana, 'pairing', w.payments), database);
  await createAssignment(input(w, w.ana, 'pairing', w.risk), database);
  await createAssignment(input(w, w.bo, 'seeding', w.risk), database);
  await database.assignments.bulkAdd([
    buildRecord(assignmentInputSchema, input(w, w.dev2, 'seeding', w.payments), 'A') as Assignment,
    buildRecord(assignmentInputSchema, input(w, w.dev2, 'pairing', w.risk), 'A') as Assignment,
  ]);
  renderWith(
    database,
    <>
      <AssignmentsBoard />
      <Toasts />
    </>,
  );
  await screen.findByRole('region', { name: 'Assignments in Scaling cycle 2' });
  return { database, w };
}

/** The line above the board saying who is flagged. */
const summary = () => document.querySelector<HTMLElement>('.board-summary')!;
const board = () => screen.getByRole('region', { name: 'Assignments in Scaling cycle 2' });
const column = (team: string) => within(board()).getByRole('region', { name: team });
const cards = (team: string) =>
  within(column(team))
    .getAllByRole('listitem')
    .map((c) => c.getAttribute('aria-label'));

describe('the assignments board', () => {
  it('shows who is where in the cycle, and flags a person in two places at once', async () => {
    await staffed();
    expect(cards('Payments')).toEqual(
      expect.arrayContaining(['Ana Lima, pairing', 'Dee Ortiz, seeding, two places at once while seeding']),
    );
    expect(cards('Risk')).toEqual(
      expect.arrayContaining([
        'Ana Lima, pairing',
        'Bo Chen, seeding',
        'Dee Ortiz, pairing, two places at once while seeding',
      ]),
    );
    expect(summary()).toHaveTextContent(
      '1 of 3 people flagged: Dee Ortiz (two places at once while seeding)',
    );
    expect(within(column('Risk')).getAllByText('Two places at once')).toHaveLength(1);
  });

  it('flags people over the load limit, which is checked where it is typed', async () => {
    const { database } = await staffed();
    const keys = countingKeyboard();
    const limit = screen.getByRole('spinbutton', { name: /^Flag people at more places at once than/ });
    limit.focus();
    await keys.press('{End}');
    await keys.press('{Backspace}');
    await keys.type('1');
    await waitFor(() => expect(summary()).toHaveTextContent('2 of 3 people flagged:'));
    expect(summary()).toHaveTextContent('Ana Lima (2 places at once, over 1)');
    expect(summary()).toHaveTextContent(
      'Dee Ortiz (2 places at once, over 1, two places at once while seeding)',
    );
    expect(cards('Payments')).toContain('Ana Lima, pairing, 2 places at once, over 1');
    expect(await database.settings.get('pairing.maxLoad')).toEqual({ key: 'pairing.maxLoad', value: 1 });
    await keys.press('{Backspace}');
    await keys.type('11');
    expect(await screen.findByText('Load limit must be at most 10')).toBeInTheDocument();
    expect(limit).toHaveAttribute('aria-invalid', 'true');
    expect(await database.settings.get('pairing.maxLoad')).toEqual({ key: 'pairing.maxLoad', value: 1 });
  });

  it('is one tab stop: arrows move between cards and columns, Enter edits, Delete deletes with Undo', async () => {
    const { database } = await staffed();
    const keys = countingKeyboard();
    screen.getByRole('button', { name: '+ Assign someone' }).focus();
    await keys.press('{Tab}');
    const columns = within(board()).getAllByRole('region');
    const firstCards = within(columns[0]!).getAllByRole('listitem');
    const secondCards = within(columns[1]!).getAllByRole('listitem');
    expect(firstCards[0]).toHaveFocus();
    await keys.press('{ArrowDown}');
    expect(firstCards[1]).toHaveFocus();
    await keys.press('{ArrowRight}');
    expect(secondCards[1]).toHaveFocus();
    await keys.press('{End}');
    expect(secondCards.at(-1)).toHaveFocus();
    // ← keeps the row where the column has one: the last card's row, or the column's last card.
    await keys.press('{ArrowLeft}');
    expect(firstCards[Math.min(secondCards.length, firstCards.length) - 1]).toHaveFocus();
    // Only one card is in the tab order.
    expect(
      within(board())
        .getAllByRole('listitem')
        .filter((c) => c.tabIndex === 0),
    ).toHaveLength(1);

    await keys.press('{Home}');
    const focused = document.activeElement!.getAttribute('aria-label')!;
    await keys.press('{Enter}');
    const dialog = await screen.findByRole('dialog', { name: 'Edit the assignment' });
    expect(within(dialog).getByRole('combobox', { name: 'Person' })).toHaveValue(focused.split(',')[0]);
    within(dialog).getByRole('button', { name: 'Cancel' }).focus();
    await keys.press('{Enter}');
    await waitFor(() => expect(screen.queryByRole('dialog', { name: 'Edit the assignment' })).toBeNull());

    const before = await database.assignments.count();
    within(board()).getAllByRole('listitem')[0]!.focus();
    await keys.press('{Delete}');
    await waitFor(async () => expect(await database.assignments.count()).toBe(before - 1));
    const toast = await screen.findByText(/^Deleted the assignment of /);
    expect(toast).toBeInTheDocument();
    screen.getByRole('button', { name: 'Undo' }).focus();
    await keys.press('{Enter}');
    await waitFor(async () => expect(await database.assignments.count()).toBe(before));
    expect(await screen.findByText(/^Undone: Deleted the assignment of /)).toBeInTheDocument();
    expect(cards('Risk')).toContain('Bo Chen, seeding');
  });

  it('assigns someone by keyboard, refusing a seeder’s second place and an end before the start', async () => {
    const { database, w } = await staffed();
    const keys = countingKeyboard();
    screen.getByRole('button', { name: '+ Assign someone' }).focus();
    await keys.press('{Enter}');
    const dialog = await screen.findByRole('dialog', { name: 'Assign someone' });
    const person = within(dialog).getByRole('combobox', { name: 'Person' });
    await waitFor(() => expect(person).toHaveFocus());
    // Bo seeds Risk all cycle: pairing with Payments too would put him in two places at once.
    await keys.type('Bo');
    await within(dialog).findByRole('option', { name: /Bo Chen/ });
    await keys.press('{Enter}');
    await keys.press('{Tab}'); // Kind
    await keys.press('{Tab}'); // Target team
    await keys.type('Pay');
    await within(dialog).findByRole('option', { name: /Payments/ });
    await keys.press('{Enter}');
    expect(within(dialog).getByRole('textbox', { name: /^Start date/ })).toHaveValue('2026-04-01');
    expect(within(dialog).getByRole('textbox', { name: /^End date/ })).toHaveValue('2026-06-30');
    await keys.press('{Enter}');
    expect(
      await within(dialog).findByText(
        'Bo Chen would be in two places at once: already seeding with Risk from 1 Apr 2026 to 30 Jun 2026, and a seeder stays with one team for the whole assignment',
      ),
    ).toBeInTheDocument();
    expect(person).toHaveAttribute('aria-invalid', 'true');
    const count = await database.assignments.count();

    // Dev instead, with an end before the start.
    person.focus();
    await keys.press('{Control>}a{/Control}');
    await keys.type('Dev');
    await within(dialog).findByRole('option', { name: /Dev Rao/ });
    await keys.press('{Enter}');
    const end = within(dialog).getByRole('textbox', { name: /^End date/ });
    end.focus();
    await keys.press('{Control>}a{/Control}');
    await keys.type('2026-03-01');
    await keys.press('{Enter}');
    expect(await within(dialog).findByText('End date cannot be before the start date')).toBeInTheDocument();
    expect(end).toHaveAttribute('aria-invalid', 'true');
    expect(await database.assignments.count()).toBe(count);

    await keys.press('{Control>}a{/Control}');
    await keys.type('2026-05-15');
    await keys.press('{Enter}');
    await waitFor(() => expect(screen.queryByRole('dialog', { name: 'Assign someone' })).toBeNull());
    expect(await screen.findByText('Assigned Dev Rao pairing with Payments.')).toBeInTheDocument();
    expect(cards('Payments')).toContain('Dev Rao, pairing');
    const saved = await database.assignments.where('personId').equals(w.dev.id).toArray();
    expect(saved).toEqual([
      expect.objectContaining({
        kind: 'pairing',
        targetTeamId: w.payments.id,
        cycleId: w.active.id,
        startDate: '2026-04-01',
        endDate: '2026-05-15',
      }),
    ]);
  });
});
