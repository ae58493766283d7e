// @vitest-environment jsdom
/**
 * The teams by kind: counts of people per team and kind, a team's people in the people list,
 * adding a team (a duplicate name is refused at the field), editing one changed elsewhere, and
 * deleting one that has people (asked) or that history names (refused).
 */
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { pairingSessionInputSchema, type PairingSession } from '../../../shared/domain';
import { buildRecord } from '../../../renderer/db/repository';
import { createPerson } from '../../../renderer/features/people/data/people';
import { createTeam, saveTeam } from '../../../renderer/features/people/data/teams';
import { usePeopleUi } from '../../../renderer/features/people/people-store';
import { useUi } from '../../../renderer/store/ui';
import { freshDb, giveElementsASize, renderPeople, resetAll } from './helpers';

beforeAll(() => giveElementsASize());
afterEach(resetAll);

async function seed() {
  const database = freshDb();
  const platform = await createTeam({ name: 'Nimbus Platform', kind: 'platform' }, database);
  const payments = await createTeam(
    { name: 'Payments', kind: 'product', notes: 'Cards and transfers' },
    database,
  );
  await createTeam({ name: 'Data Center', kind: 'infrastructure' }, database);
  await createPerson({ name: 'Ana Ruiz', teamId: platform.id, roles: ['advocate'] }, database);
  await createPerson({ name: 'Ben Okafor', teamId: payments.id, roles: ['developer'] }, database);
  await createPerson({ name: 'Cleo Park', teamId: payments.id, roles: ['developer'] }, database);
  await createPerson({ name: 'Dan Levi', teamId: payments.id, leftOn: '2026-01-31' }, database);
  return { database, platform, payments };
}

const kind = (name: string) => screen.getByRole('region', { name });

describe('the teams view', () => {
  it('groups the teams by kind with the people of the program in each', async () => {
    const { database } = await seed();
    renderPeople(database, 'people/teams');
    await screen.findByRole('heading', { name: 'Platform' });
    expect(kind('Platform')).toHaveTextContent('1 team · 1 person');
    expect(kind('Product')).toHaveTextContent('1 team · 2 people');
    expect(within(kind('Product')).getByRole('link', { name: '2 people in Payments' })).toBeInTheDocument();
    expect(kind('Infrastructure')).toHaveTextContent('1 team · 0 people');
    expect(kind('Governance / security')).toHaveTextContent('No governance / security team yet.');
  });

  it('opens a team’s people in the people list', async () => {
    const user = userEvent.setup();
    const { database, payments } = await seed();
    renderPeople(database, 'people/teams');
    await user.click(await screen.findByRole('link', { name: '2 people in Payments' }));
    await waitFor(() => expect(useUi.getState().route).toBe('people'));
    expect(usePeopleUi.getState().filters.teamId).toBe(payments.id);
    expect(await screen.findByText('Showing 2 of 4')).toBeInTheDocument();
  });

  it('adds a team of the kind chosen, refusing a name another team has at the name field', async () => {
    const user = userEvent.setup();
    const { database } = await seed();
    renderPeople(database, 'people/teams');
    await user.click(await screen.findByRole('button', { name: '+ New team' }));
    const form = await screen.findByRole('form', { name: 'New team' });
    await user.type(within(form).getByRole('textbox', { name: 'Team name' }), 'payments');
    await user.click(within(form).getByRole('button', { name: 'Add team' }));
    expect(await within(form).findByText('A team named “Payments” already exists')).toBeInTheDocument();
    expect(within(form).getByRole('textbox', { name: 'Team name' })).toHaveFocus();

    await user.clear(within(form).getByRole('textbox', { name: 'Team name' }));
    await user.type(within(form).getByRole('textbox', { name: 'Team name' }), 'Security Office');
    await user.selectOptions(within(form).getByRole('combobox', { name: 'Kind' }), 'governance-security');
    await user.click(within(form).getByRole('button', { name: 'Add team' }));
    await waitFor(() => expect(kind('Governance / security')).toHaveTextContent('Security Office'));
    expect(await database.teams.count()).toBe(4);
  });

  it('edits a team, keeping a note changed elsewhere while the form was open', async () => {
    const user = userEvent.setup();
    const { database, payments } = await seed();
    renderPeople(database, 'people/teams');
    await user.click(await screen.findByRole('button', { name: 'Payments: edit the team' }));
    const form = await screen.findByRole('form', { name: 'Edit the team Payments' });
    await user.selectOptions(within(form).getByRole('combobox', { name: 'Kind' }), 'infrastructure');
    await saveTeam({ id: payments.id, input: { notes: 'Card payments' } }, database);
    await waitFor(() =>
      expect(within(form).getByRole('textbox', { name: 'Notes' })).toHaveValue('Card payments'),
    );
    await user.click(within(form).getByRole('button', { name: 'Save team' }));
    await waitFor(() => expect(kind('Infrastructure')).toHaveTextContent('Payments'));
    expect(await database.teams.get(payments.id)).toMatchObject({
      kind: 'infrastructure',
      notes: 'Card payments',
    });
  });

  it('asks before deleting a team with people, leaves them without a team, and Undo puts them back', async () => {
    const user = userEvent.setup();
    const { database, payments } = await seed();
    renderPeople(database, 'people/teams');
    await user.click(await screen.findByRole('button', { name: 'Payments: edit the team' }));
    await user.click(await screen.findByRole('button', { name: 'Delete…' }));
    const question = await screen.findByRole('group', { name: 'Payments has 3 people.' });
    await user.click(
      within(question).getByRole('button', { name: 'Delete the team, leave them without one' }),
    );

    await waitFor(async () => expect(await database.teams.get(payments.id)).toBeUndefined());
    const people = await database.people.toArray();
    expect(
      people
        .filter((p) => p.teamId === null)
        .map((p) => p.name)
        .sort(),
    ).toEqual(['Ben Okafor', 'Cleo Park', 'Dan Levi']);
    const toast = useUi.getState().toasts[0]!;
    expect(toast.text).toBe('Deleted the team Payments; 3 records left without a team.');
    await toast.action!.run();
    expect((await database.people.toArray()).filter((p) => p.teamId === payments.id)).toHaveLength(3);
  });

  it('keeps a team that pairing sessions name, and says why in the form', async () => {
    const user = userEvent.setup();
    const { database, payments } = await seed();
    const ana = (await database.people.toArray()).find((p) => p.name === 'Ana Ruiz')!;
    await database.pairingSessions.add(
      buildRecord(
        pairingSessionInputSchema,
        {
          date: '2026-02-02',
          durationMinutes: 60,
          topic: 'Pipelines',
          personId: ana.id,
          teamId: payments.id,
        },
        'The session',
      ) as PairingSession,
    );
    renderPeople(database, 'people/teams');
    await user.click(await screen.findByRole('button', { name: 'Payments: edit the team' }));
    await user.click(await screen.findByRole('button', { name: 'Delete…' }));
    expect(
      await screen.findByText(
        "Payments cannot be deleted: 1 pairing session refers to it and keeps it in the program's history. Rename the team instead.",
      ),
    ).toBeInTheDocument();
    expect(await database.teams.get(payments.id)).toBeDefined();
  });
});
