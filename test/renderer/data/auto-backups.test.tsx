// @vitest-environment jsdom
/**
 * Automatic backups on the Data screen, against a fake bridge that keeps its "folder" in memory:
 * the list (date, size, kind), restoring one through the restore flow (the current data is
 * backed up first), the "keep the last N" setting, the daily backup, and in a browser the
 * reminder to save a backup and the offer to download the current data before a restore.
 */
import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { exportBackup } from '../../../renderer/db/backup';
import { DATA_TABLES, type AdoptionDatabase } from '../../../renderer/db/database';
import { loadDemoProgram } from '../../../renderer/db/demo';
import { desktop } from '../../../renderer/desktop';
import DailyBackup from '../../../renderer/features/data/DailyBackup';
import DataScreen from '../../../renderer/features/data/DataScreen';
import {
  KEEP_SETTING,
  LAST_EXPORT_SETTING,
  writeDailyBackupIfDue,
} from '../../../renderer/features/data/data/auto-backups';
import { Toasts } from '../../../renderer/ui/Toasts';
import { backupToJson, parseBackup } from '../../../shared/backup/backup';
import type { AutoBackup, WriteAutoBackupRequest } from '../../../shared/ipc/contract';
import { createProgram } from '../../../renderer/features/plan/data/program';
import { PROGRAM, freshDb, renderWith, resetAll } from '../plan/helpers';

vi.mock('../../../renderer/desktop', () => ({
  desktop: {
    appInfo: vi.fn(async () => ({
      name: 'Platform Adoption Tracker',
      version: '1.0.0',
      shell: 'desktop',
      platform: 'linux',
      userDataPath: '/home/ana/.config/pat',
      documentsPath: '/home/ana/Documents',
    })),
    saveFile: vi.fn(),
    openFile: vi.fn(),
    listAutoBackups: vi.fn(),
    writeAutoBackup: vi.fn(),
    readAutoBackup: vi.fn(),
  },
}));
const api = vi.mocked(desktop);

/** The fake folder: what the desktop would hold, by name. */
let folder: Map<string, { backup: AutoBackup; content: string }>;
let browser: boolean;
let written: WriteAutoBackupRequest[];

function put(name: string, kind: AutoBackup['kind'], savedAt: string, content: string) {
  folder.set(name, { backup: { name, kind, savedAt, size: content.length }, content });
}

beforeEach(() => {
  folder = new Map();
  browser = false;
  written = [];
  for (const mock of Object.values(api)) mock.mockReset();
  api.listAutoBackups.mockImplementation(async () =>
    browser
      ? { status: 'unavailable' }
      : {
          status: 'listed',
          folder: '/home/ana/.config/pat/backups',
          backups: [...folder.values()]
            .map((f) => f.backup)
            .sort((a, b) => b.savedAt.localeCompare(a.savedAt)),
        },
  );
  api.writeAutoBackup.mockImplementation(async (request) => {
    written.push(request);
    if (browser) return { status: 'unavailable' };
    const name =
      request.kind === 'daily'
        ? 'daily-2026-12-03.json'
        : `before-restore-2026-12-03T08-00-0${written.length}.json`;
    put(name, request.kind, '2026-12-03T08:00:00.000Z', request.content);
    return { status: 'written', backup: folder.get(name)!.backup, removed: [] };
  });
  api.readAutoBackup.mockImplementation(async ({ name }) => {
    const file = folder.get(name);
    return file
      ? { status: 'opened', name, size: file.content.length, content: file.content }
      : { status: 'missing', name };
  });
  api.saveFile.mockResolvedValue({ status: 'saved', path: null });
});

afterEach(async () => {
  await resetAll();
});

/** A small workspace to restore: a program with its first phase and default criteria. */
async function smallDb(): Promise<AdoptionDatabase> {
  const database = freshDb();
  await createProgram(PROGRAM, database);
  return database;
}

async function demoDb(today = '2026-03-18'): Promise<AdoptionDatabase> {
  const database = freshDb();
  await loadDemoProgram({ database, today });
  return database;
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

async function countsOf(database: AdoptionDatabase): Promise<Record<string, number>> {
  const out: Record<string, number> = {};
  for (const name of DATA_TABLES) out[name] = await database.table(name).count();
  return out;
}

describe('the list of automatic backups', () => {
  it('shows each backup’s date, kind and size, newest first, and where they are kept', async () => {
    put('daily-2026-12-01.json', 'daily', '2026-12-01T09:00:00.000Z', 'x'.repeat(2048));
    put('before-restore-2026-12-02T10-00-00.json', 'before-restore', '2026-12-02T10:00:00.000Z', '{}');
    renderData(freshDb());
    const table = await screen.findByRole('table', { name: 'Automatic backups, newest first' });
    const rows = within(table).getAllByRole('row').slice(1);
    expect(
      rows.map((row) =>
        within(row)
          .getAllByRole('cell')
          .slice(1, 3)
          .map((c) => c.textContent),
      ),
    ).toEqual([
      ['Before a restore', '2 bytes'],
      ['Daily', '2 KB'],
    ]);
    expect(rows[1]).toHaveTextContent(/1 Dec 2026/);
    expect(screen.getByText('/home/ana/.config/pat/backups')).toBeInTheDocument();
  });

  it('says when there are none yet', async () => {
    renderData(freshDb());
    expect(await screen.findByText(/None yet/)).toBeInTheDocument();
  });
});

describe('restoring an automatic backup', () => {
  it('restores it through the restore flow, backing up the current data first', async () => {
    const user = userEvent.setup();
    const source = await smallDb();
    put(
      'daily-2026-12-01.json',
      'daily',
      '2026-12-01T09:00:00.000Z',
      backupToJson(await exportBackup(source)),
    );
    const expected = await countsOf(source);
    const database = await demoDb('2027-06-01');
    const before = await countsOf(database);
    renderData(database);

    const table = await screen.findByRole('table', { name: 'Automatic backups, newest first' });
    await user.click(within(table).getByRole('button', { name: /Restore the backup of 1 Dec 2026/ }));
    expect(api.readAutoBackup).toHaveBeenCalledWith({ name: 'daily-2026-12-01.json' });
    const dialog = await screen.findByRole('dialog', { name: 'Restore this backup?' });
    expect(dialog).toHaveTextContent('daily-2026-12-01.json');
    expect(dialog).toHaveTextContent('The current data is saved to the automatic backups first.');
    expect(within(dialog).queryByRole('checkbox')).not.toBeInTheDocument();
    await user.click(within(dialog).getByRole('button', { name: 'Replace all data' }));

    await waitFor(async () => expect(await countsOf(database)).toEqual(expected), { timeout: 15_000 });
    expect(await screen.findByText(/The backup is restored/)).toBeInTheDocument();
    // What was replaced is in the folder, as a backup taken before a restore, and listed.
    expect(written.map((w) => w.kind)).toEqual(['before-restore']);
    expect(parseBackup(written[0]!.content, DATA_TABLES).counts).toEqual(before);
    await waitFor(() => expect(within(table).getAllByRole('row')).toHaveLength(3));
    expect(within(table).getByText('Before a restore')).toBeInTheDocument();
  });

  it('restores nothing when the current data cannot be backed up first', async () => {
    const user = userEvent.setup();
    const source = await smallDb();
    put(
      'daily-2026-12-01.json',
      'daily',
      '2026-12-01T09:00:00.000Z',
      backupToJson(await exportBackup(source)),
    );
    const database = await demoDb('2027-06-01');
    const before = await countsOf(database);
    api.writeAutoBackup.mockRejectedValue(new Error('ENOSPC: no space left on device'));
    renderData(database);
    await user.click(await screen.findByRole('button', { name: /Restore the backup of 1 Dec 2026/ }));
    const dialog = await screen.findByRole('dialog', { name: 'Restore this backup?' });
    await user.click(within(dialog).getByRole('button', { name: 'Replace all data' }));
    const alert = await screen.findByRole('alert');
    expect(alert).toHaveTextContent(
      /could not be backed up first, so daily-2026-12-01\.json was not restored/,
    );
    expect(alert).toHaveTextContent(/no space left on device.*Nothing was changed\./);
    expect(await countsOf(database)).toEqual(before);
  });

  it('says so, with the keyboard alone, when the backup has gone from the folder', async () => {
    const user = userEvent.setup();
    put('daily-2026-12-01.json', 'daily', '2026-12-01T09:00:00.000Z', '{}');
    renderData(await demoDb());
    const button = await screen.findByRole('button', { name: /Restore the backup of 1 Dec 2026/ });
    folder.clear();
    await user.click(await screen.findByLabelText('Keep the last'));
    await user.tab();
    expect(screen.getByRole('button', { name: 'Save' })).toHaveFocus();
    await user.tab();
    expect(button).toHaveFocus();
    await user.keyboard('{Enter}');
    expect(await screen.findByRole('alert')).toHaveTextContent(
      'daily-2026-12-01.json is no longer in the backups folder. Nothing was changed.',
    );
  });
});

describe('keeping the last N', () => {
  // Four values typed in turn: on a busy machine that takes longer than the default 5 s.
  it('refuses a bad number at the field and keeps the setting', { timeout: 30_000 }, async () => {
    const user = userEvent.setup();
    const database = freshDb();
    renderData(database);
    const field = await screen.findByLabelText('Keep the last');
    expect(field).toHaveValue('14');
    for (const [text, message] of [
      ['0', 'Keep at least 1 backup'],
      ['366', 'Keep at most 365 backups'],
      ['2.5', 'Enter a whole number of backups'],
      ['ten', 'Enter a whole number of backups'],
    ] as const) {
      await user.clear(field);
      await user.type(field, `${text}{Enter}`);
      await waitFor(() => expect(field).toHaveAccessibleDescription(new RegExp(message)));
      expect(field).toHaveAttribute('aria-invalid', 'true');
    }
    expect(await database.settings.get(KEEP_SETTING)).toBeUndefined();
  });

  it('saves a good number, which the next automatic backup keeps', async () => {
    const user = userEvent.setup();
    const database = await demoDb();
    renderData(database);
    const field = await screen.findByLabelText('Keep the last');
    await user.clear(field);
    await user.type(field, '30');
    await user.click(screen.getByRole('button', { name: 'Save' }));
    expect(
      await screen.findByText('The last 30 automatic backups of each kind are kept.'),
    ).toBeInTheDocument();
    expect(await database.settings.get(KEEP_SETTING)).toEqual({ key: KEEP_SETTING, value: 30 });
    await writeDailyBackupIfDue(database, desktop, '2026-12-03');
    expect(written).toMatchObject([{ kind: 'daily', keep: 30 }]);
  });
});

describe('the daily backup', () => {
  it('writes the day’s backup once, from the same builder as Save a backup…', async () => {
    const database = await demoDb();
    await expect(writeDailyBackupIfDue(database, desktop, '2026-12-03')).resolves.toBe('written');
    expect(written).toHaveLength(1);
    expect(written[0]).toMatchObject({ kind: 'daily', keep: 14 });
    expect(parseBackup(written[0]!.content, DATA_TABLES).counts).toEqual(await countsOf(database));
    await expect(writeDailyBackupIfDue(database, desktop, '2026-12-03')).resolves.toBe('already-written');
    expect(written).toHaveLength(1);
  });

  it('is written when the app opens with data, and then shows in the list', async () => {
    const database = await demoDb();
    renderWith(
      database,
      <>
        <DailyBackup />
        <DataScreen route="data" />
      </>,
    );
    const table = await screen.findByRole('table', { name: 'Automatic backups, newest first' });
    expect(await within(table).findByText('Daily')).toBeInTheDocument();
    expect(written).toHaveLength(1);
  });

  it('writes nothing without data, or in a browser', async () => {
    await expect(writeDailyBackupIfDue(freshDb(), desktop, '2026-12-03')).resolves.toBe('nothing-to-back-up');
    browser = true;
    await expect(writeDailyBackupIfDue(await demoDb(), desktop, '2026-12-03')).resolves.toBe('unavailable');
    expect(written).toEqual([]);
  });
});

describe('in a browser', () => {
  beforeEach(() => {
    browser = true;
  });

  it('says automatic backups are kept by the desktop app only', async () => {
    renderData(freshDb());
    expect(await screen.findByText(/Automatic backups are kept by the desktop app only/)).toBeInTheDocument();
    expect(screen.queryByLabelText('Keep the last')).not.toBeInTheDocument();
  });

  it('reminds the user to save a backup when none was saved and there is data, until one is', async () => {
    const user = userEvent.setup();
    const database = await demoDb();
    renderData(database);
    expect(await screen.findByText(/No backup file was saved from this browser yet/)).toBeInTheDocument();
    await user.click(screen.getByRole('button', { name: 'Save a backup…' }));
    await waitFor(() => expect(screen.queryByText(/No backup file was saved/)).not.toBeInTheDocument());
    expect(await database.settings.get(LAST_EXPORT_SETTING)).toBeDefined();
  });

  it('reminds the user when the last backup is more than a week old, not before', async () => {
    const database = await demoDb();
    const daysAgo = (n: number) => new Date(Date.now() - n * 24 * 60 * 60 * 1000).toISOString();
    await database.settings.put({ key: LAST_EXPORT_SETTING, value: daysAgo(10) });
    renderData(database);
    expect(await screen.findByText(/The last backup file was saved 10 days ago/)).toBeInTheDocument();
    await database.settings.put({ key: LAST_EXPORT_SETTING, value: daysAgo(3) });
    await waitFor(() => expect(screen.queryByText(/The last backup file was saved/)).not.toBeInTheDocument());
  });

  it('does not remind anyone with no data', async () => {
    renderData(freshDb());
    await screen.findByText(/Automatic backups are kept by the desktop app only/);
    expect(screen.queryByText(/No backup file was saved/)).not.toBeInTheDocument();
  });

  it('offers to download the current data before a restore, and does so when ticked', async () => {
    const user = userEvent.setup();
    const source = await smallDb();
    const text = backupToJson(await exportBackup(source));
    const database = await demoDb('2027-06-01');
    const before = await countsOf(database);
    api.openFile.mockResolvedValue({ status: 'opened', name: 'old.json', size: text.length, content: text });
    renderData(database);
    await user.click(screen.getByRole('button', { name: 'Restore from a backup…' }));
    const dialog = await screen.findByRole('dialog', { name: 'Restore this backup?' });
    const offer = within(dialog).getByRole('checkbox', {
      name: 'Download the current data as a backup file first',
    });
    expect(offer).toBeChecked();
    await user.click(within(dialog).getByRole('button', { name: 'Replace all data' }));
    expect(await screen.findByText(/The backup is restored/)).toBeInTheDocument();
    expect(api.saveFile).toHaveBeenCalledOnce();
    expect(parseBackup(api.saveFile.mock.calls[0]![0].content as string, DATA_TABLES).counts).toEqual(before);
  });

  it('restores without a download when the offer is unticked', async () => {
    const user = userEvent.setup();
    const source = await smallDb();
    const text = backupToJson(await exportBackup(source));
    const database = await demoDb('2027-06-01');
    api.openFile.mockResolvedValue({ status: 'opened', name: 'old.json', size: text.length, content: text });
    renderData(database);
    await user.click(screen.getByRole('button', { name: 'Restore from a backup…' }));
    const dialog = await screen.findByRole('dialog', { name: 'Restore this backup?' });
    await user.click(within(dialog).getByRole('checkbox'));
    await user.click(within(dialog).getByRole('button', { name: 'Replace all data' }));
    expect(await screen.findByText(/The backup is restored/)).toBeInTheDocument();
    expect(api.saveFile).not.toHaveBeenCalled();
  });
});
