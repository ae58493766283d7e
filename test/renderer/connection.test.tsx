// @vitest-environment jsdom
/**
 * Two windows on one database: when the other one upgrades the schema, this one stops and says
 * to reload (never a write in the old format); an app older than its stored data says so too.
 */
import { screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { App } from '../../renderer/App';
import { AdoptionDatabase } from '../../renderer/db/database';
import { ConnectionNotice } from '../../renderer/ui/ConnectionNotice';
import { createProgram } from '../../renderer/features/plan/data/program';
import { freshDb, PROGRAM, renderWith, resetAll } from './plan/helpers';

afterEach(resetAll);

/** Opens the database the way a newer app in another window would: one version up. */
function openNewerElsewhere(name: string, version: number): Promise<IDBDatabase> {
  return new Promise((resolve, reject) => {
    const request = indexedDB.open(name, version);
    request.onsuccess = () => resolve(request.result);
    request.onerror = () => reject(request.error);
  });
}

describe('the connection to the data', () => {
  it('stops with a message and a Reload button when another window upgrades the database', async () => {
    const database = freshDb();
    await createProgram(PROGRAM, database);
    renderWith(database, <App />);
    // The first screen once a program exists: the overview, headed by the program's name.
    await screen.findByRole('heading', { level: 1, name: PROGRAM.name });
    const stored = database.backendDB().version;

    const other = await openNewerElsewhere(database.name, stored + 1);
    const notice = await screen.findByRole('alertdialog', { name: 'Updated in another window' });
    expect(notice).toHaveTextContent('Reload to keep working');
    expect(database.isOpen()).toBe(false);
    // The screens are gone: nothing can be typed into a window that cannot save.
    expect(screen.queryByRole('heading', { level: 1, name: PROGRAM.name })).toBeNull();
    expect(document.activeElement).toBe(screen.getByRole('button', { name: 'Reload' }));
    other.close();
  });

  it('says the data is from a newer version when this app cannot open it', async () => {
    const name = `connection-${crypto.randomUUID()}`;
    // A newer app stored it at a version far beyond this app's.
    (await openNewerElsewhere(name, 100_000)).close();
    const database = new AdoptionDatabase(name);
    renderWith(database, <App />);
    expect(
      await screen.findByRole('alertdialog', { name: 'Your data is from a newer version' }),
    ).toHaveTextContent('Update the app');
    database.close();
    indexedDB.deleteDatabase(name);
  });

  it('reloads on Enter', async () => {
    const reload = vi.fn();
    renderWith(freshDb(), <ConnectionNotice state={{ kind: 'upgraded-elsewhere' }} reload={reload} />);
    await userEvent.setup().keyboard('{Enter}');
    expect(reload).toHaveBeenCalledOnce();
  });
});
