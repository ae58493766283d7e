// @vitest-environment jsdom
/**
 * The people list and a person's form: filters, the keyboard (one stop, arrows, Enter opens),
 * adding and editing a person with roles as check boxes, an edit changed elsewhere meanwhile, and
 * a delete that asks when records refer to the person.
 */
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { pairingSessionInputSchema, type PairingSession } from '../../../shared/domain';
import type { AdoptionDatabase } from '../../../renderer/db/database';
import { buildRecord } from '../../../renderer/db/repository';
import { createPerson, savePerson } from '../../../renderer/features/people/data/people';
import { createTeam } from '../../../renderer/features/people/data/teams';
import { useUi } from '../../../renderer/store/ui';
import { freshDb, giveElementsASize, renderPeople, resetAll } from './helpers';

beforeAll(() => giveElementsASize());
afterEach(resetAll);

async function seed() {
  const database = freshDb();
  const platform = await createTeam({ name: 'Nimbus Platform', kind: 'platform' }, database);
  const payments = await createTeam({ name: 'Payments', kind: 'product' }, database);
  const ana = await createPerson(
    { name: 'Ana Ruiz', teamId: platform.id, roles: ['advocate', 'engineer'], canSeed: true },
    database,
  );
  const ben = await createPerson({ name: 'Ben Okafor', teamId: payments.id, roles: ['developer'] }, database);
  await createPerson({ name: 'Cleo Park', roles: ['executive-sponsor'] }, database);
  await createPerson(
    { name: 'Dan Levi', teamId: payments.id, roles: ['developer'], leftOn: '2026-01-31' },
    database,
  );
  return { database, platform, payments, ana, ben };
}

const rowNames = () =>
  within(screen.getByRole('table', { name: /^People,/ }))
    .getAllByRole('row')
    .slice(1)
    .filter((r) => !r.classList.contains('spacer'))
    .map((r) => within(r).getAllByRole('cell')[0]!.textContent);

describe('the people list', () => {
  it('lists the people in the program by name, with who left on request, and filters by team, role and can seed', async () => {
    const user = userEvent.setup();
    const { database, payments } = await seed();
    renderPeople(database);
    expect(await screen.findByText('Showing 3 of 4')).toBeInTheDocument();
    expect(screen.getByText('3 people in 2 teams; 1 can seed others.')).toBeInTheDocument();
    expect(rowNames()).toEqual(['Ana Ruiz', 'Ben Okafor', 'Cleo Park']);

    await user.selectOptions(screen.getByRole('combobox', { name: 'In the program' }), 'all');
    await screen.findByText('Showing 4 of 4');
    expect(rowNames()).toContain('Dan Levi Left 31 Jan 2026');

    await user.selectOptions(screen.getByRole('combobox', { name: 'Team' }), payments.id);
    await screen.findByText('Showing 2 of 4');
    await user.selectOptions(screen.getByRole('combobox', { name: 'In the program' }), 'current');
    await screen.findByText('Showing 1 of 4');
    expect(rowNames()).toEqual(['Ben Okafor']);

    await user.click(screen.getByRole('button', { name: 'Clear filters' }));
    await user.selectOptions(screen.getByRole('combobox', { name: 'Role' }), 'advocate');
    await screen.findByText('Showing 1 of 4');
    expect(rowNames()).toEqual(['Ana Ruiz']);
    await user.selectOptions(screen.getByRole('combobox', { name: 'Role' }), '');
    await user.selectOptions(screen.getByRole('combobox', { name: 'Can seed' }), 'no');
    await screen.findByText('Showing 2 of 4');

    await user.click(screen.getByRole('button', { name: 'Clear filters' }));
    await user.type(screen.getByRole('searchbox', { name: 'Search people' }), 'cleo');
    await waitFor(() => expect(rowNames()).toEqual(['Cleo Park']));
  });

  it('is one stop in the Tab order: arrows move between people and Enter opens one', async () => {
    const user = userEvent.setup();
    const { database, ben } = await seed();
    renderPeople(database);
    await screen.findByText('Showing 3 of 4');
    const rows = () => screen.getAllByRole('row').filter((r) => r.classList.contains('person-row'));
    expect(rows().filter((r) => r.tabIndex === 0)).toHaveLength(1);

    rows()[0]!.focus();
    await user.keyboard('{ArrowDown}');
    await waitFor(() => expect(document.activeElement).toBe(rows()[1]));
    await user.keyboard('{End}');
    await waitFor(() => expect(document.activeElement).toBe(rows()[2]));
    await user.keyboard('{ArrowUp}{Enter}');
    await waitFor(() => expect(useUi.getState().route).toBe(`people/${ben.id}`));
    const form = await screen.findByRole('form', { name: 'Edit Ben Okafor' });
    expect(within(form).getByRole('checkbox', { name: 'Developer' })).toBeChecked();
  });

  it('adds a person with their team, roles and whether they can seed, checked at the fields', async () => {
    const user = userEvent.setup();
    const { database, platform } = await seed();
    renderPeople(database, 'people/new');
    const form = await screen.findByRole('form', { name: 'New person' });

    await user.click(within(form).getByRole('button', { name: 'Add person' }));
    expect(await within(form).findByText('Name is required')).toBeInTheDocument();
    expect(await database.people.count()).toBe(4);

    await user.type(within(form).getByRole('textbox', { name: 'Name' }), 'Eve Moreau');
    await user.selectOptions(within(form).getByRole('combobox', { name: 'Team' }), platform.id);
    await user.click(within(form).getByRole('checkbox', { name: 'Operator' }));
    await user.click(within(form).getByRole('checkbox', { name: 'Platform owner' }));
    await user.click(within(form).getByRole('checkbox', { name: /^Can seed others/ }));
    await user.click(within(form).getByRole('button', { name: 'Add person' }));

    await waitFor(() => expect(useUi.getState().route).toBe('people'));
    const eve = (await database.people.toArray()).find((p) => p.name === 'Eve Moreau');
    expect(eve).toMatchObject({
      teamId: platform.id,
      roles: ['platform-owner', 'operator'],
      canSeed: true,
      leftOn: null,
    });
    expect(useUi.getState().toasts[0]?.text).toBe('Added Eve Moreau.');
  });

  it('follows a change made elsewhere while the form is untouched, and shows both values of a field changed on both sides', async () => {
    const user = userEvent.setup();
    const { database, ben } = await seed();
    renderPeople(database, `people/${ben.id}`);
    const form = await screen.findByRole('form', { name: 'Edit Ben Okafor' });

    await savePerson({ id: ben.id, input: { notes: 'Lead on Ledger' } }, database);
    await waitFor(() =>
      expect(within(form).getByRole('textbox', { name: 'Notes' })).toHaveValue('Lead on Ledger'),
    );

    await user.click(within(form).getByRole('checkbox', { name: 'Advocate' }));
    await savePerson(
      { id: ben.id, input: { roles: ['developer', 'engineer'] }, expected: { roles: ['developer'] } },
      database,
    );
    const notice = await screen.findByRole('alert', { name: 'Changed elsewhere' });
    expect(notice).toHaveTextContent('yours: “Developer, Advocate” · saved elsewhere: “Engineer, Developer”');
    await user.click(within(notice).getByRole('button', { name: 'Keep yours for Roles' }));
    await user.click(within(form).getByRole('button', { name: 'Save person' }));
    await waitFor(async () =>
      expect((await database.people.get(ben.id))?.roles).toEqual(['advocate', 'developer']),
    );
    expect((await database.people.get(ben.id))?.notes).toBe('Lead on Ledger');
  });

  it('asks before deleting a person with pairing sessions, keeps them marked as left, and Undo brings them back', async () => {
    const user = userEvent.setup();
    const { database, ana } = await seed();
    await addSession(database, ana.id);
    renderPeople(database, `people/${ana.id}`);
    const form = await screen.findByRole('form', { name: 'Edit Ana Ruiz' });

    await user.click(within(form).getByRole('button', { name: 'Delete…' }));
    const question = await screen.findByRole('group', { name: 'Ana Ruiz has 1 pairing session.' });
    const keep = within(question).getByRole('button', { name: 'Keep their records, mark as left' });
    expect(document.activeElement).toBe(keep);
    await user.click(keep);

    await waitFor(async () =>
      expect((await database.people.get(ana.id))?.leftOn).toEqual(expect.any(String)),
    );
    expect(await database.people.count()).toBe(4);
    await screen.findByText('Showing 2 of 4');
    const toast = useUi.getState().toasts[0]!;
    expect(toast.text).toBe('Ana Ruiz is marked as left; their records keep their name.');
    await toast.action!.run();
    expect((await database.people.get(ana.id))?.leftOn).toBeNull();
  });

  it('deletes a person no record refers to at once, with Undo', async () => {
    const user = userEvent.setup();
    const { database, ben } = await seed();
    renderPeople(database, `people/${ben.id}`);
    const form = await screen.findByRole('form', { name: 'Edit Ben Okafor' });
    await user.click(within(form).getByRole('button', { name: 'Delete…' }));
    await waitFor(async () => expect(await database.people.get(ben.id)).toBeUndefined());
    expect(useUi.getState().toasts[0]?.text).toBe('Deleted Ben Okafor.');
  });
});

async function addSession(database: AdoptionDatabase, personId: string) {
  const session = buildRecord(
    pairingSessionInputSchema,
    { date: '2026-02-02', durationMinutes: 60, topic: 'Pipelines', personId },
    'The session',
  ) as PairingSession;
  await database.pairingSessions.add(session);
}
