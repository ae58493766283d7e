// @vitest-environment jsdom
/**
 * Importing people through the one wizard: a file naming a team that does not exist offers to
 * create it (or, declined, rejects the rows that name it), a name already in the file is
 * reported by row, and the result counts the teams created.
 */
import { afterEach, describe, expect, it, vi } from 'vitest';
import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { createTeam } from '../../../renderer/features/people/data/teams';
import { opened, openedFiles } from '../fake-desktop';
import { freshDb, renderPeople, resetAll } from './helpers';

vi.mock('../../../renderer/desktop', () => import('../fake-desktop'));

afterEach(async () => {
  openedFiles.length = 0;
  await resetAll();
});

const CSV = [
  'Name,Team,Roles,Can seed',
  'Ana Ruiz,Nimbus Platform,Advocate,yes',
  'Ben Okafor,Payments Core,Developer,no',
  'Cleo Park,Payments Core,Developer,',
  'ana ruiz,Payments Core,Developer,',
].join('\n');

async function openFile() {
  const user = userEvent.setup();
  const database = freshDb();
  await createTeam({ name: 'Nimbus Platform', kind: 'platform' }, database);
  renderPeople(database, 'people/import');
  await screen.findByRole('heading', { name: 'Import people' });
  openedFiles.push(opened('people.csv', CSV));
  await user.click(screen.getByRole('button', { name: 'Choose file…' }));
  await screen.findByRole('heading', { name: 'Map the columns' });
  return { user, database };
}

describe('importing people', () => {
  it('offers to create a team the file names, reports a name already in the file by row, and imports', async () => {
    const { user, database } = await openFile();
    const offer = screen.getByRole('group', { name: 'Teams not found' });
    expect(offer).toHaveTextContent(
      'The file names 1 team that does not exist yet: Payments Core (2 people).',
    );
    expect(within(offer).getByRole('checkbox', { name: /Create it with the import/ })).toBeChecked();
    await user.selectOptions(
      within(offer).getByRole('combobox', { name: 'Kind of the new teams' }),
      'product',
    );
    const rejected = screen.getByRole('table', { name: 'Rows that will not be imported' });
    expect(rejected).toHaveTextContent('Row 5');
    expect(rejected).toHaveTextContent('is the same person as Row 2 (same name); only the first is imported');

    await user.click(screen.getByRole('button', { name: 'Import 3 people' }));
    const result = await screen.findByRole('list', { name: 'Import result' });
    expect(result).toHaveTextContent('3 created');
    expect(result).toHaveTextContent('1 teams created');
    await waitFor(async () => expect(await database.people.count()).toBe(3));
    const team = (await database.teams.toArray()).find((t) => t.name === 'Payments Core');
    expect(team?.kind).toBe('product');
  });

  it('declined, rejects the rows that name the team, each saying why, and creates no team', async () => {
    const { user, database } = await openFile();
    await user.click(screen.getByRole('checkbox', { name: /Create it with the import/ }));
    const rejected = await screen.findByRole('table', { name: 'Rows that will not be imported' });
    await waitFor(() =>
      expect(rejected).toHaveTextContent(
        '“Payments Core” is not a team yet; choose to create the teams the file names',
      ),
    );
    await user.click(screen.getByRole('button', { name: 'Import 1 person' }));
    await screen.findByRole('list', { name: 'Import result' });
    await waitFor(async () => expect(await database.people.count()).toBe(1));
    expect(await database.teams.count()).toBe(1);
  });
});
