// @vitest-environment jsdom
/**
 * No lost update: an app's page open while the same app is changed elsewhere (another window,
 * written straight to the database here) follows the change in the fields it has not touched,
 * saves only what it changed, and shows both values where both sides changed the same field.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import AppsScreen from '../../../renderer/features/apps/AppsScreen';
import { createApp, saveApp } from '../../../renderer/features/apps/data/apps';
import { EditConflictError } from '../../../shared/domain/three-way';
import { freshDb, renderWith, resetAll } from './helpers';

afterEach(resetAll);

/** The other window: a save from a form opened on the stored app, changing `patch`. */
async function saveElsewhere(
  database: ReturnType<typeof freshDb>,
  id: string,
  patch: Record<string, unknown>,
) {
  const stored = (await database.apps.get(id))!;
  const expected = Object.fromEntries(
    Object.keys(patch).map((k) => [k, (stored as Record<string, unknown>)[k]]),
  );
  await saveApp({ id, input: patch, expected }, database);
}

describe('editing an app changed elsewhere', () => {
  it('keeps the other window’s description and stage when this one renames the app', async () => {
    const user = userEvent.setup();
    const database = freshDb();
    const app = await createApp({ name: 'Payments', description: 'Old text' } as never, database);
    renderWith(database, <AppsScreen route={`apps/${app.id}`} />);
    const name = await screen.findByRole('textbox', { name: 'Name' });

    await user.clear(name);
    await user.type(name, 'Payments API');
    await saveElsewhere(database, app.id, {
      description: 'Card payments',
      stage: 'selected',
      selectedOn: '2026-03-02',
    });

    // The untouched fields follow the stored app while the form is open.
    await waitFor(() =>
      expect(screen.getByRole('textbox', { name: 'Description' })).toHaveValue('Card payments'),
    );
    expect(name).toHaveValue('Payments API');

    await user.click(screen.getAllByRole('button', { name: 'Save changes' })[0]!);
    await waitFor(async () => expect((await database.apps.get(app.id))?.name).toBe('Payments API'));
    const saved = (await database.apps.get(app.id))!;
    expect(saved).toMatchObject({
      description: 'Card payments',
      stage: 'selected',
      selectedOn: '2026-03-02',
    });
  });

  it('shows both values of a field changed on both sides and saves only after the user chooses', async () => {
    const user = userEvent.setup();
    const database = freshDb();
    const app = await createApp({ name: 'Payments', description: 'Old text' } as never, database);
    renderWith(database, <AppsScreen route={`apps/${app.id}`} />);
    const description = await screen.findByRole('textbox', { name: 'Description' });
    await user.clear(description);
    await user.type(description, 'Mine');
    await saveElsewhere(database, app.id, { description: 'Theirs' });

    const notice = await screen.findByRole('alert', { name: 'Changed elsewhere' });
    expect(notice).toHaveTextContent('Description');
    expect(notice).toHaveTextContent('yours: “Mine” · saved elsewhere: “Theirs”');
    expect(description).toHaveValue('Mine');

    await user.click(screen.getAllByRole('button', { name: 'Save changes' })[0]!);
    expect(
      await screen.findByText(/Choose which value to keep for each field changed elsewhere/),
    ).toBeInTheDocument();
    expect((await database.apps.get(app.id))?.description).toBe('Theirs');

    await user.click(screen.getByRole('button', { name: 'Keep yours for Description' }));
    expect(screen.queryByRole('alert', { name: 'Changed elsewhere' })).toBeNull();
    await user.click(screen.getAllByRole('button', { name: 'Save changes' })[0]!);
    await waitFor(async () => expect((await database.apps.get(app.id))?.description).toBe('Mine'));
  });

  it('takes the saved value when the user chooses it, and writes nothing for that field', async () => {
    const user = userEvent.setup();
    const database = freshDb();
    const app = await createApp({ name: 'Payments', description: 'Old text' } as never, database);
    renderWith(database, <AppsScreen route={`apps/${app.id}`} />);
    const description = await screen.findByRole('textbox', { name: 'Description' });
    await user.clear(description);
    await user.type(description, 'Mine');
    await saveElsewhere(database, app.id, { description: 'Theirs' });
    await screen.findByRole('alert', { name: 'Changed elsewhere' });
    await user.click(await screen.findByRole('button', { name: 'Use saved for Description' }));
    expect(description).toHaveValue('Theirs');
  });
});

describe('saveApp with the values the form started from', () => {
  it('refuses, writing nothing, when a changed field was changed elsewhere since', async () => {
    const database = freshDb();
    const app = await createApp({ name: 'Payments' } as never, database);
    await saveApp({ id: app.id, input: { name: 'Pay' }, expected: { name: 'Payments' } }, database);
    const before = await database.apps.get(app.id);
    const refused = await saveApp(
      {
        id: app.id,
        input: { name: 'Payments API', description: 'x' },
        expected: { name: 'Payments', description: '' },
      },
      database,
    ).catch((e: unknown) => e);
    expect(refused).toBeInstanceOf(EditConflictError);
    expect((refused as EditConflictError).conflicts).toEqual([
      { field: 'name', mine: 'Payments API', theirs: 'Pay' },
    ]);
    expect(await database.apps.get(app.id)).toEqual(before);
  });
});
