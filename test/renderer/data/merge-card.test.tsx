// @vitest-environment jsdom
/** The Data screen's merge: choose a file, see what it changes, confirm, see the conflicts it settled. */
import { screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { exportBackup, restoreBackup } from '../../../renderer/db/backup';
import { DATA_TABLES, type AdoptionDatabase } from '../../../renderer/db/database';
import { loadDemoProgram } from '../../../renderer/db/demo';
import { DEVICE_ID_KEY } from '../../../renderer/db/device';
import { desktop } from '../../../renderer/desktop';
import DataScreen from '../../../renderer/features/data/DataScreen';
import { Toasts } from '../../../renderer/ui/Toasts';
import { backupFileText, parseBackup } from '../../../shared/backup/backup';
import type { OpenFileResponse } from '../../../shared/ipc/contract';
import { freshDb, renderWith, resetAll } from '../plan/helpers';

vi.mock('../../../renderer/desktop', () => ({
  desktop: {
    appInfo: vi.fn(async () => ({
      name: 'Platform Adoption Tracker',
      version: '1.0.0',
      shell: 'desktop',
      platform: 'linux',
      userDataPath: '/home/ana/.config/platform-adoption-tracker',
      documentsPath: '/home/ana/Documents',
    })),
    saveFile: vi.fn(),
    openFile: vi.fn(),
    listAutoBackups: vi.fn(),
    writeAutoBackup: vi.fn(),
    readAutoBackup: vi.fn(),
  },
}));
const openFile = vi.mocked(desktop.openFile);
const writeAutoBackup = vi.mocked(desktop.writeAutoBackup);

beforeEach(() => {
  openFile.mockReset();
  vi.mocked(desktop.listAutoBackups).mockResolvedValue({ status: 'listed', folder: '/backups', backups: [] });
  writeAutoBackup.mockReset();
  writeAutoBackup.mockImplementation(async (request) => ({
    status: 'written',
    backup: {
      name: 'before-restore-2026-12-03T07-40-12.json',
      kind: request.kind,
      savedAt: '2026-12-03T07:40:12.000Z',
      size: request.content.length,
    },
    removed: [],
  }));
});

afterEach(async () => {
  await resetAll();
});

const opened = (text: string, name: string): OpenFileResponse => ({
  status: 'opened',
  name,
  size: text.length,
  content: text,
});

/** The owner's workspace and an advocate's copy of it (restored from the owner's backup). */
async function ownerAndAdvocate(): Promise<[AdoptionDatabase, AdoptionDatabase]> {
  const owner = freshDb();
  await loadDemoProgram({ database: owner, today: '2026-03-18' });
  const advocate = freshDb();
  await restoreBackup(parseBackup(await backupFileText(await exportBackup(owner)), DATA_TABLES), advocate);
  return [owner, advocate];
}

function renderData(database: AdoptionDatabase) {
  renderWith(
    database,
    <>
      <DataScreen route="data" />
      <Toasts />
    </>,
  );
}

describe('merging a backup on the Data screen', () => {
  it('says what the merge changes, backs up first, merges, and lists the conflicts it settled', async () => {
    const user = userEvent.setup();
    const [owner, advocate] = await ownerAndAdvocate();
    const [app, other] = await owner.apps.limit(2).toArray();
    // Both change the same app's description, each on their own machine; the advocate also renames another app.
    localStorage.setItem(DEVICE_ID_KEY, 'owner-laptop');
    await owner.apps.update(app!.id, { description: 'Owner’s words' });
    localStorage.setItem(DEVICE_ID_KEY, 'advocate-laptop');
    await advocate.apps.update(app!.id, { description: 'Advocate’s words' });
    await advocate.apps.update(other!.id, { name: 'Renamed by the advocate' });
    localStorage.setItem(DEVICE_ID_KEY, 'owner-laptop');
    openFile.mockResolvedValue(opened(await backupFileText(await exportBackup(advocate)), 'advocate.json'));
    renderData(owner);

    await user.click(screen.getByRole('button', { name: 'Merge a backup…' }));
    const dialog = await screen.findByRole('dialog', { name: 'Merge this backup?' });
    expect(dialog).toHaveTextContent('advocate.json');
    expect(dialog).toHaveTextContent('checksum verified');
    expect(dialog).toHaveTextContent('0 records added, 2 changed, 0 deleted');
    expect(dialog).toHaveTextContent('1 field was changed on both sides');
    const perArea = within(dialog).getByRole('table', { name: 'What the merge changes, per area' });
    expect(within(perArea).getByRole('rowheader', { name: 'Apps' }).parentElement).toHaveTextContent(
      'Apps020',
    );
    await user.click(within(dialog).getByRole('button', { name: 'Merge' }));

    const result = await screen.findByRole('region', { name: 'Merge result' });
    expect(result).toHaveTextContent('advocate.json was merged: 0 records added, 2 changed, 0 deleted.');
    const conflicts = within(result).getByRole('table', { name: 'Conflicts settled by the merge' });
    const row = within(conflicts).getByRole('rowheader', { name: `Apps: ${app!.name}` }).parentElement!;
    // The advocate's change was made later: it is kept, the owner's is listed as dropped.
    expect(row).toHaveTextContent('description');
    expect(row).toHaveTextContent('Advocate’s words');
    expect(row).toHaveTextContent('Owner’s words');
    expect((await owner.apps.get(app!.id))!.description).toBe('Advocate’s words');
    expect((await owner.apps.get(other!.id))!.name).toBe('Renamed by the advocate');
    expect(writeAutoBackup).toHaveBeenCalledTimes(1);
    expect(writeAutoBackup.mock.calls[0]![0].kind).toBe('before-restore');
  });

  it('refuses a changed file before asking, and changes nothing', async () => {
    const user = userEvent.setup();
    const [owner, advocate] = await ownerAndAdvocate();
    const text = await backupFileText(await exportBackup(advocate));
    openFile.mockResolvedValue(opened(text.replace('"Nimbus"', '"Nimbu5"'), 'edited.json'));
    const before = await owner.apps.toArray();
    renderData(owner);
    await user.click(screen.getByRole('button', { name: 'Merge a backup…' }));
    expect(await screen.findByRole('alert')).toHaveTextContent(
      /edited\.json: This backup was changed or damaged after it was exported.*Nothing was changed/,
    );
    expect(screen.queryByRole('dialog')).toBeNull();
    expect(await owner.apps.toArray()).toEqual(before);
  });
});
