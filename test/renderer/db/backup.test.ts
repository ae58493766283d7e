/** Backing up and restoring the database: a full round trip, and a failed restore that changes nothing. */
import { describe, expect, it, vi } from 'vitest';
import { exportBackup, restoreBackup } from '../../../renderer/db/backup';
import { DATA_TABLES } from '../../../renderer/db/database';
import { clearAllData, loadDemoProgram } from '../../../renderer/db/demo';
import { StorageFullError } from '../../../renderer/db/errors';
import { BACKUP_TABLE_NAMES, backupToJson, parseBackup } from '../../../shared/backup/backup';
import { freshDatabases, snapshot } from './db-helpers';

const freshDb = freshDatabases('backup-test');

describe('backup and restore', () => {
  it('has a backup schema for every data table of the database, in the same order', () => {
    expect(BACKUP_TABLE_NAMES).toEqual(DATA_TABLES);
  });

  it('exports, clears and restores to identical tables, keeping settings', async () => {
    const database = freshDb();
    await loadDemoProgram({ database, today: '2026-03-18' });
    await database.settings.put({ key: 'theme', value: 'dark' });
    const before = await snapshot(database);

    const backup = await exportBackup(database, new Date('2026-03-18T09:00:00Z'));
    expect(backup.exportedAt).toBe('2026-03-18T09:00:00.000Z');
    const parsed = parseBackup(backupToJson(backup), DATA_TABLES);
    await clearAllData(database);
    expect(await database.apps.count()).toBe(0);

    await restoreBackup(parsed, database);
    expect(await snapshot(database)).toEqual(before);
    expect(await database.settings.get('theme')).toEqual({ key: 'theme', value: 'dark' });
  });

  it('replaces data that was there before the restore', async () => {
    const source = freshDb();
    await loadDemoProgram({ database: source, today: '2026-03-18' });
    const parsed = parseBackup(backupToJson(await exportBackup(source)), DATA_TABLES);
    const target = freshDb();
    await loadDemoProgram({ database: target, today: '2027-01-10' });

    await restoreBackup(parsed, target);
    expect(await snapshot(target)).toEqual(await snapshot(source));
  });

  it('leaves the previous data intact when the restore fails midway', async () => {
    const source = freshDb();
    await loadDemoProgram({ database: source, today: '2026-03-18' });
    const parsed = parseBackup(backupToJson(await exportBackup(source)), DATA_TABLES);
    const target = freshDb();
    await loadDemoProgram({ database: target, today: '2027-01-10' });
    const before = await snapshot(target);

    // The blockers table fails after the program, cycles, teams and apps were already written.
    vi.spyOn(target.table('blockers'), 'bulkAdd').mockRejectedValue(new Error('Disk went away'));
    await expect(restoreBackup(parsed, target)).rejects.toThrow('Disk went away');
    vi.restoreAllMocks();
    expect(await snapshot(target)).toEqual(before);
  });

  it('reports a full disk as a StorageFullError and changes nothing', async () => {
    const source = freshDb();
    await loadDemoProgram({ database: source, today: '2026-03-18' });
    const parsed = parseBackup(backupToJson(await exportBackup(source)), DATA_TABLES);
    const target = freshDb();
    await loadDemoProgram({ database: target, today: '2027-01-10' });
    const before = await snapshot(target);

    const full = new Error('quota');
    full.name = 'QuotaExceededError';
    vi.spyOn(target.table('metricSnapshots'), 'bulkAdd').mockRejectedValue(full);
    await expect(restoreBackup(parsed, target)).rejects.toBeInstanceOf(StorageFullError);
    vi.restoreAllMocks();
    expect(await snapshot(target)).toEqual(before);
  });
});
