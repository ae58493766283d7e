/** Backing up and restoring the database: a full round trip, and a failed restore that changes nothing. */
import { describe, expect, it, vi } from 'vitest';
import { exportBackup, restoreBackup } from '../../../renderer/db/backup';
import { DATA_TABLES } from '../../../renderer/db/database';
import { clearAllData, loadDemoProgram } from '../../../renderer/db/demo';
import { StorageFullError } from '../../../renderer/db/errors';
import { BACKUP_TABLE_NAMES, backupToJson, parseBackup } from '../../../shared/backup/backup';
import { freshDatabases, snapshot } from './db-helpers';

const freshDb = freshDatabases('backup-test');

/** A demo workspace's checked backup, and another workspace (a later demo) to restore it into. */
async function backupAndOtherWorkspace() {
  const source = freshDb();
  await loadDemoProgram({ database: source, today: '2026-03-18' });
  const parsed = parseBackup(backupToJson(await exportBackup(source)), DATA_TABLES);
  const target = freshDb();
  await loadDemoProgram({ database: target, today: '2027-01-10' });
  return { source, parsed, target, before: await snapshot(target) };
}

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
    const { source, parsed, target } = await backupAndOtherWorkspace();

    await restoreBackup(parsed, target);
    expect(await snapshot(target)).toEqual(await snapshot(source));
  });

  it('reports its progress chunk by chunk, and a cancel part-way leaves the previous data as it was', async () => {
    const { source, parsed, target, before } = await backupAndOtherWorkspace();

    const seen: [number, number][] = [];
    const controller = new AbortController();
    await expect(
      restoreBackup(parsed, target, {
        chunkSize: 100,
        signal: controller.signal,
        onProgress: (done, total) => {
          seen.push([done, total]);
          if (done >= 300) controller.abort();
        },
      }),
    ).rejects.toMatchObject({ name: 'AbortError' });
    expect(seen[0]).toEqual([0, parsed.total]);
    expect(seen.map(([done]) => done)).toEqual([...seen.map(([done]) => done)].sort((a, b) => a - b));
    expect(seen.length).toBeGreaterThanOrEqual(4);
    expect(await snapshot(target)).toEqual(before);

    // Uncancelled, it reaches the total and the data is the backup's.
    const done: number[] = [];
    await restoreBackup(parsed, target, { chunkSize: 400, onProgress: (d) => done.push(d) });
    expect(done.at(-1)).toBe(parsed.total);
    expect(await snapshot(target)).toEqual(await snapshot(source));
  });

  it('leaves the previous data intact when the restore fails midway', async () => {
    const { parsed, target, before } = await backupAndOtherWorkspace();

    // The blockers table fails after the program, cycles, teams and apps were already written.
    vi.spyOn(target.table('blockers'), 'bulkAdd').mockRejectedValue(new Error('Disk went away'));
    await expect(restoreBackup(parsed, target)).rejects.toThrow('Disk went away');
    vi.restoreAllMocks();
    expect(await snapshot(target)).toEqual(before);
  });

  it('reports a full disk as a StorageFullError and changes nothing', async () => {
    const { parsed, target, before } = await backupAndOtherWorkspace();

    const full = new Error('quota');
    full.name = 'QuotaExceededError';
    vi.spyOn(target.table('metricSnapshots'), 'bulkAdd').mockRejectedValue(full);
    await expect(restoreBackup(parsed, target)).rejects.toBeInstanceOf(StorageFullError);
    vi.restoreAllMocks();
    expect(await snapshot(target)).toEqual(before);
  });
});
