// @vitest-environment jsdom
/** The Data screen: counts, backup, restore (good and bad files), and deleting all data. */
import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { exportBackup } from '../../../renderer/db/backup';
import { DATA_TABLES, type AdoptionDatabase } from '../../../renderer/db/database';
import { loadDemoProgram } from '../../../renderer/db/demo';
import { desktop } from '../../../renderer/desktop';
import DataScreen from '../../../renderer/features/data/DataScreen';
import { Toasts } from '../../../renderer/ui/Toasts';
import { CSV_FORMAT_KEY, useCsvExport } from '../../../renderer/ui/csv-export';
import { csvDocument } from '../../../shared/export/csv';
import { backupToJson, parseBackup } from '../../../shared/backup/backup';
import type { OpenFileResponse } from '../../../shared/ipc/contract';
import { createProgram } from '../../../renderer/features/plan/data/program';
import { PROGRAM, freshDb, renderWith, resetAll } from '../plan/helpers';
import { MAX_BACKUP_BYTES, MAX_FILE_BYTES, openFileRequestSchema } from '../../../shared/ipc/contract';

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
const saveFile = vi.mocked(desktop.saveFile);
const openFile = vi.mocked(desktop.openFile);

beforeEach(() => {
  saveFile.mockReset();
  openFile.mockReset();
  vi.mocked(desktop.listAutoBackups).mockResolvedValue({ status: 'listed', folder: '/backups', backups: [] });
  vi.mocked(desktop.writeAutoBackup).mockImplementation(async (request) => ({
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
  vi.unstubAllGlobals();
  await resetAll();
});

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

function opened(content: string, name = 'backup.json'): OpenFileResponse {
  return { status: 'opened', name, size: content.length, content };
}

/** An Export CSV button as an area has one: a score with decimals and a text that looks like a formula. */
function ExportScores() {
  const exportCsv = useCsvExport();
  return (
    <button
      type="button"
      onClick={() =>
        void exportCsv({
          fileName: 'scores.csv',
          build: (format) => csvDocument(['Name', 'Score'], [['=Ledger', 3.5]], { format, bom: false }),
          what: '1 score',
        })
      }
    >
      Export scores
    </button>
  );
}

describe('the Data screen', () => {
  it('chooses the CSV dialect of every export: semicolons and decimal commas for European spreadsheets', async () => {
    const database = freshDb();
    saveFile.mockResolvedValue({ status: 'saved', path: '/home/ana/scores.csv' });
    renderWith(
      database,
      <>
        <DataScreen route="data" />
        <ExportScores />
        <Toasts />
      </>,
    );
    const user = userEvent.setup();
    const comma = await screen.findByRole('radio', { name: /Comma-separated, decimal point/ });
    await waitFor(() => expect(comma).toBeChecked());
    await user.click(screen.getByRole('button', { name: 'Export scores' }));
    await waitFor(() => expect(saveFile).toHaveBeenCalledTimes(1));
    expect(saveFile.mock.calls[0]![0].content).toBe("Name,Score\r\n'=Ledger,3.5\r\n");

    await user.click(screen.getByRole('radio', { name: /Semicolon-separated, decimal comma/ }));
    await waitFor(async () => expect((await database.settings.get(CSV_FORMAT_KEY))?.value).toBe('semicolon'));
    await user.click(screen.getByRole('button', { name: 'Export scores' }));
    await waitFor(() => expect(saveFile).toHaveBeenCalledTimes(2));
    expect(saveFile.mock.calls[1]![0].content).toBe("Name;Score\r\n'=Ledger;3,5\r\n");
    expect(await screen.findByText('Exported 1 score to /home/ana/scores.csv.')).toBeInTheDocument();
  });

  it('shows the counts at once when the area is opened again, with a write made meanwhile', async () => {
    const database = await demoDb();
    const first = renderWith(database, <DataScreen route="data" />);
    const appsCount = async () =>
      within(await screen.findByLabelText('Records per area')).getByText('Apps').nextElementSibling;
    const before = await database.apps.count();
    await waitFor(async () =>
      expect(await appsCount()).toHaveTextContent(new Intl.NumberFormat('en-US').format(before)),
    );
    first.unmount();
    await database.apps.delete((await database.apps.toCollection().primaryKeys())[0]!);
    renderWith(database, <DataScreen route="data" />);
    // The kept counts are drawn in the first render (no "Counting records…"), then follow the delete.
    expect(screen.queryByText('Counting records…')).not.toBeInTheDocument();
    await waitFor(async () =>
      expect(await appsCount()).toHaveTextContent(new Intl.NumberFormat('en-US').format(before - 1)),
    );
  });

  it('shows the record counts per area and where the data is stored', async () => {
    const database = await demoDb();
    renderData(database);
    const counts = await screen.findByLabelText('Records per area');
    const apps = await database.apps.count();
    await waitFor(() =>
      expect(within(counts).getByText('Apps').nextElementSibling).toHaveTextContent(
        new Intl.NumberFormat('en-US').format(apps),
      ),
    );
    expect(within(counts).getByText('Program').nextElementSibling).toHaveTextContent('1');
    expect(await screen.findByText('/home/ana/.config/platform-adoption-tracker')).toBeInTheDocument();
  });

  it('deletes all data after a confirmation', async () => {
    const user = userEvent.setup();
    const database = await demoDb();
    renderData(database);
    await user.click(screen.getByRole('button', { name: 'Delete all data…' }));
    const dialog = await screen.findByRole('dialog', { name: 'Delete all data?' });
    expect(await database.apps.count()).toBeGreaterThan(0);
    await user.click(within(dialog).getByRole('button', { name: 'Delete all data' }));
    expect(await screen.findByText('All data was deleted.')).toBeInTheDocument();
    expect(Object.values(await countsOf(database)).every((n) => n === 0)).toBe(true);
  });

  it('keeps the data when deleting is cancelled', async () => {
    const user = userEvent.setup();
    const database = await demoDb();
    const before = await countsOf(database);
    renderData(database);
    await user.click(screen.getByRole('button', { name: 'Delete all data…' }));
    const dialog = await screen.findByRole('dialog', { name: 'Delete all data?' });
    await user.click(within(dialog).getByRole('button', { name: 'Cancel' }));
    expect(await countsOf(database)).toEqual(before);
  });

  it('saves a backup of every table as a dated JSON file', async () => {
    const user = userEvent.setup();
    const database = await demoDb();
    saveFile.mockResolvedValue({ status: 'saved', path: '/home/ana/Documents/adoption-backup.json' });
    renderData(database);
    await user.click(screen.getByRole('button', { name: 'Save a backup…' }));
    expect(
      await screen.findByText('Backup saved to /home/ana/Documents/adoption-backup.json.'),
    ).toBeInTheDocument();
    const request = saveFile.mock.calls[0]![0];
    expect(request.suggestedName).toMatch(/^adoption-backup-\d{4}-\d{2}-\d{2}\.json$/);
    expect(request.mimeType).toBe('application/json');
    expect(parseBackup(request.content as string, DATA_TABLES).counts).toEqual(await countsOf(database));
  });

  it('shows why a bad backup file cannot be restored, and changes nothing', async () => {
    const user = userEvent.setup();
    const database = await demoDb();
    const before = await countsOf(database);
    const backup = JSON.parse(backupToJson(await exportBackup(database))) as {
      tables: { cycles: { startDate: string; endDate: string }[] };
    };
    backup.tables.cycles[1]!.endDate = backup.tables.cycles[1]!.startDate;
    openFile.mockResolvedValue(opened(JSON.stringify(backup), 'broken.json'));
    renderData(database);
    await user.click(screen.getByRole('button', { name: 'Restore from a backup…' }));
    const alert = await screen.findByRole('alert');
    expect(alert).toHaveTextContent('broken.json');
    expect(alert).toHaveTextContent('cycles, record 2, endDate: End date must be after the start date');
    expect(screen.queryByRole('dialog', { name: 'Restore this backup?' })).not.toBeInTheDocument();
    expect(await countsOf(database)).toEqual(before);
  });

  it('reads backups up to the backup limit, beyond the import limit, for a decade of an enterprise program', async () => {
    const user = userEvent.setup();
    const database = await demoDb();
    openFile.mockResolvedValue({ status: 'canceled' });
    renderData(database);
    await user.click(screen.getByRole('button', { name: 'Restore from a backup…' }));
    await waitFor(() => expect(openFile).toHaveBeenCalled());
    expect(openFile.mock.calls[0]![0]).toMatchObject({ maxBytes: MAX_BACKUP_BYTES });
    expect(MAX_BACKUP_BYTES).toBeGreaterThan(190 * 1024 * 1024);
    expect(MAX_BACKUP_BYTES).toBeGreaterThan(MAX_FILE_BYTES);
    // The bridge lets such a request and such a save through, and no larger.
    expect(openFileRequestSchema.safeParse({ maxBytes: MAX_BACKUP_BYTES }).success).toBe(true);
    expect(openFileRequestSchema.safeParse({ maxBytes: MAX_BACKUP_BYTES + 1 }).success).toBe(false);
    expect(openFileRequestSchema.parse({}).maxBytes).toBe(MAX_FILE_BYTES);
  });

  it('refuses a file that is not JSON', async () => {
    const user = userEvent.setup();
    const database = await demoDb();
    openFile.mockResolvedValue(opened('name,team\napp,payments\n', 'apps.csv'));
    renderData(database);
    await user.click(screen.getByRole('button', { name: 'Restore from a backup…' }));
    expect(await screen.findByRole('alert')).toHaveTextContent(/apps\.csv: This file is not valid JSON/);
  });

  it('restores a backup after showing what it holds', async () => {
    const user = userEvent.setup();
    const source = await demoDb('2026-03-18');
    const text = backupToJson(await exportBackup(source, new Date('2026-03-18T09:30:00Z')));
    const expected = await countsOf(source);
    const database = await demoDb('2027-06-01');
    openFile.mockResolvedValue(opened(text, 'adoption-backup-2026-03-18.json'));
    renderData(database);
    await user.click(screen.getByRole('button', { name: 'Restore from a backup…' }));
    const dialog = await screen.findByRole('dialog', { name: 'Restore this backup?' });
    expect(dialog).toHaveTextContent('adoption-backup-2026-03-18.json');
    expect(dialog).toHaveTextContent('replaces all current data');
    const listed = within(dialog).getByLabelText('Records in the backup');
    expect(within(listed).getByText('Apps').nextElementSibling).toHaveTextContent(
      new Intl.NumberFormat('en-US').format(expected.apps!),
    );
    await user.click(within(dialog).getByRole('button', { name: 'Replace all data' }));
    expect(await screen.findByText(/The backup is restored/)).toBeInTheDocument();
    const restoredProgram = await database.program.toArray();
    expect(restoredProgram).toEqual(await source.program.toArray());
    expect(await countsOf(database)).toEqual(expected);
  });

  it('says which links of a backup point at records it does not hold before restoring, and removes them', async () => {
    const user = userEvent.setup();
    const source = await demoDb('2026-03-18');
    const backup = JSON.parse(backupToJson(await exportBackup(source))) as {
      tables: { apps: { name: string; teamId: string | null }[] };
    };
    const app = backup.tables.apps.find((a) => a.teamId !== null)!;
    const gone = crypto.randomUUID();
    app.teamId = gone;
    const database = await demoDb('2027-06-01');
    openFile.mockResolvedValue(opened(JSON.stringify(backup), 'edited.json'));
    renderData(database);
    await user.click(screen.getByRole('button', { name: 'Restore from a backup…' }));
    const dialog = await screen.findByRole('dialog', { name: 'Restore this backup?' });
    const note = within(dialog).getByRole('note');
    expect(note).toHaveTextContent('1 link points at records the backup does not hold; 1 will be removed');
    expect(note).toHaveTextContent(`teamId: the team ${gone} is not in the backup; the link is removed`);
    await user.click(within(dialog).getByRole('button', { name: 'Replace all data' }));
    expect(await screen.findByText(/The backup is restored/)).toBeInTheDocument();
    const restored = await database.apps.where('name').equals(app.name).first();
    expect(restored?.teamId).toBeNull();
  });

  it('asks the browser to keep the data, and shows the storage used', async () => {
    const user = userEvent.setup();
    const persist = vi.fn(async () => true);
    vi.stubGlobal('navigator', {
      ...navigator,
      storage: {
        persisted: async () => false,
        persist,
        estimate: async () => ({ usage: 2048, quota: 2 * 1024 ** 3 }),
      },
    });
    renderData(await demoDb());
    expect(await screen.findByText(/the browser may clear it/)).toBeInTheDocument();
    expect(await screen.findByText('2 KB of 2.0 GB available')).toBeInTheDocument();
    await user.click(screen.getByRole('button', { name: 'Keep my data' }));
    expect(await screen.findByText('Yes, persistent')).toBeInTheDocument();
    expect(persist).toHaveBeenCalledOnce();
  });

  it('warns in words when storage is nearly full, and says what to do', async () => {
    vi.stubGlobal('navigator', {
      ...navigator,
      storage: {
        persisted: async () => true,
        persist: async () => true,
        estimate: async () => ({ usage: 1.8 * 1024 ** 3, quota: 2 * 1024 ** 3 }),
      },
    });
    renderData(await demoDb());
    expect(await screen.findByText(/Storage is 90% full/)).toHaveTextContent(
      /Save a backup, then free disk space or delete data you no longer need/,
    );
  });

  it('replaces the data with the demo program after a confirmation', async () => {
    const user = userEvent.setup();
    const database = freshDb();
    await createProgram(PROGRAM, database);
    renderData(database);
    await user.click(screen.getByRole('button', { name: 'Load the demo program' }));
    const dialog = await screen.findByRole('dialog', { name: 'Load the demo program?' });
    // The program, its initial phase and the five default feasibility criteria it starts with.
    expect(dialog).toHaveTextContent('replaces all current data (7 records)');
    await user.click(within(dialog).getByRole('button', { name: 'Replace all data with the demo' }));
    expect(await screen.findByText('The demo program is loaded.', {}, { timeout: 5000 })).toBeInTheDocument();
    const programs = await database.program.toArray();
    expect(programs).toHaveLength(1);
    expect(programs[0]!.name).not.toBe(PROGRAM.name);
    expect(await database.apps.count()).toBeGreaterThan(0);
  });
});
