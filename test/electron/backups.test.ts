// The automatic backups in <userData>/backups: one daily file per day (replaced the same day),
// backups before a restore that are never pruned as dailies, the last N of each kind kept, atomic
// writes, and reads that take only a listed name and honour the size limit. Real files in a
// temporary folder; `electron` is the fake.
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { app, resetElectron } from './fake-electron';
import { invoke } from './ipc-harness';

vi.mock('electron', () => import('./fake-electron'));

const { registerIpcHandlers } = await import('../../electron/main/ipc');
const { autoBackupName } = await import('../../electron/main/ipc/backups');

let userData: string;
const folder = () => join(userData, 'backups');
const files = () => readdirSync(folder()).sort();

/** Sets the clock (Date only: the file system's own times stay real). */
function at(iso: string) {
  vi.setSystemTime(new Date(iso));
}

beforeEach(() => {
  resetElectron();
  vi.unstubAllEnvs();
  vi.stubEnv('VITE_DEV_SERVER_URL', '');
  vi.useFakeTimers({ toFake: ['Date'] });
  userData = mkdtempSync(join(tmpdir(), 'pat-backups-'));
  app.paths.userData = userData;
  registerIpcHandlers();
});
afterEach(() => {
  vi.useRealTimers();
  rmSync(userData, { recursive: true, force: true });
  vi.unstubAllEnvs();
});

describe('names', () => {
  it('names a daily by its day and a backup before a restore by its second, in local time', () => {
    const now = new Date(2026, 11, 3, 7, 40, 12);
    expect(autoBackupName('daily', now)).toBe('daily-2026-12-03.json');
    expect(autoBackupName('before-restore', now)).toBe('before-restore-2026-12-03T07-40-12.json');
  });
});

describe('backups:list', () => {
  it('lists nothing before the first backup, without creating the folder', async () => {
    await expect(invoke('backups:list')).resolves.toEqual({
      status: 'listed',
      folder: folder(),
      backups: [],
    });
    expect(readdirSync(userData)).toEqual([]);
  });

  it('lists only automatic backups, newest first, with their kind and size', async () => {
    mkdirSync(folder());
    writeFileSync(join(folder(), 'daily-2026-12-01.json'), '{"a":1}');
    writeFileSync(join(folder(), 'daily-2026-12-03.json'), '{}');
    writeFileSync(join(folder(), 'before-restore-2026-12-02T09-00-00.json'), '{"b":22}');
    writeFileSync(join(folder(), 'notes.txt'), 'not a backup');
    writeFileSync(join(folder(), '.daily-2026-12-04.json.1234.tmp'), 'half written');
    mkdirSync(join(folder(), 'daily-2026-12-05.json'));
    const listed = (await invoke('backups:list')) as {
      backups: { name: string; kind: string; size: number }[];
    };
    expect(listed.backups.map(({ name, kind, size }) => ({ name, kind, size }))).toEqual([
      { name: 'daily-2026-12-03.json', kind: 'daily', size: 2 },
      { name: 'before-restore-2026-12-02T09-00-00.json', kind: 'before-restore', size: 8 },
      { name: 'daily-2026-12-01.json', kind: 'daily', size: 7 },
    ]);
  });
});

describe('backups:write', () => {
  it('writes the day’s backup into a new folder, and replaces it when written again that day', async () => {
    at('2026-12-03T08:00:00');
    await expect(invoke('backups:write', { kind: 'daily', content: '{"v":1}' })).resolves.toMatchObject({
      status: 'written',
      backup: { name: 'daily-2026-12-03.json', kind: 'daily', size: 7 },
      removed: [],
    });
    at('2026-12-03T17:30:00');
    await invoke('backups:write', { kind: 'daily', content: '{"v":2}' });
    expect(files()).toEqual(['daily-2026-12-03.json']);
    expect(readFileSync(join(folder(), 'daily-2026-12-03.json'), 'utf8')).toBe('{"v":2}');
  });

  it('keeps the last N dailies and deletes the older ones', async () => {
    for (const day of ['01', '02', '03', '04', '05']) {
      at(`2026-12-${day}T09:00:00`);
      await invoke('backups:write', { kind: 'daily', content: day, keep: 3 });
    }
    expect(files()).toEqual(['daily-2026-12-03.json', 'daily-2026-12-04.json', 'daily-2026-12-05.json']);
    at('2026-12-06T09:00:00');
    await expect(invoke('backups:write', { kind: 'daily', content: '06', keep: 1 })).resolves.toMatchObject({
      removed: ['daily-2026-12-05.json', 'daily-2026-12-04.json', 'daily-2026-12-03.json'],
    });
    expect(files()).toEqual(['daily-2026-12-06.json']);
  });

  it('never prunes a backup taken before a restore as a daily, nor a daily for one', async () => {
    at('2026-12-03T09:00:00');
    await invoke('backups:write', { kind: 'before-restore', content: 'replaced data', keep: 1 });
    at('2026-12-03T09:00:05');
    await invoke('backups:write', { kind: 'daily', content: 'today', keep: 1 });
    at('2026-12-04T09:00:00');
    await invoke('backups:write', { kind: 'daily', content: 'tomorrow', keep: 1 });
    expect(files()).toEqual(['before-restore-2026-12-03T09-00-00.json', 'daily-2026-12-04.json']);
    at('2026-12-04T10:00:00');
    await invoke('backups:write', { kind: 'before-restore', content: 'again', keep: 1 });
    expect(files()).toEqual(['before-restore-2026-12-04T10-00-00.json', 'daily-2026-12-04.json']);
  });

  it('leaves no temporary file behind, and changes nothing when the folder cannot be made', async () => {
    at('2026-12-03T09:00:00');
    await invoke('backups:write', { kind: 'daily', content: '{}' });
    expect(files()).toEqual(['daily-2026-12-03.json']);

    app.paths.userData = join(userData, 'daily-2026-12-03.json-is-a-file');
    writeFileSync(app.paths.userData, 'blocking');
    await expect(invoke('backups:write', { kind: 'daily', content: '{}' })).rejects.toThrow(/EEXIST|ENOTDIR/);
  });

  it('refuses a bad number to keep or a kind it does not know, naming the field', async () => {
    await expect(invoke('backups:write', { kind: 'daily', content: '{}', keep: 0 })).rejects.toThrow(
      'Invalid backups:write request: keep: Keep at least 1 backup',
    );
    await expect(invoke('backups:write', { kind: 'daily', content: '{}', keep: 366 })).rejects.toThrow(
      /keep: Keep at most 365 backups/,
    );
    await expect(invoke('backups:write', { kind: 'daily', content: '{}', keep: 2.5 })).rejects.toThrow(
      /keep: Enter a whole number of backups/,
    );
    await expect(invoke('backups:write', { kind: 'weekly', content: '{}' })).rejects.toThrow(/kind: /);
    expect(readdirSync(userData)).toEqual([]);
  });
});

describe('backups:read', () => {
  it("reads a listed backup back as its bytes, for the restore's worker to decode", async () => {
    at('2026-12-03T09:00:00');
    await invoke('backups:write', { kind: 'daily', content: '{"tables":{}}' });
    const read = (await invoke('backups:read', { name: 'daily-2026-12-03.json' })) as { content: Uint8Array };
    expect(read).toMatchObject({ status: 'opened', name: 'daily-2026-12-03.json', size: 13 });
    expect(read.content).toBeInstanceOf(Uint8Array);
    expect(new TextDecoder().decode(read.content)).toBe('{"tables":{}}');
  });

  it('says when the backup is gone', async () => {
    await expect(invoke('backups:read', { name: 'daily-2026-12-03.json' })).resolves.toEqual({
      status: 'missing',
      name: 'daily-2026-12-03.json',
    });
  });

  it('refuses any name that is not an automatic backup’s, so no path reaches the file system', async () => {
    writeFileSync(join(userData, 'secret.json'), '{"secret":true}');
    for (const name of [
      '../secret.json',
      'daily-2026-12-03.json/../../secret.json',
      '/etc/passwd',
      'daily-2026-12-03.json\0',
      'notes.txt',
      '',
    ]) {
      await expect(invoke('backups:read', { name }), name).rejects.toThrow(
        /Invalid backups:read request: name: /,
      );
    }
  });

  it('refuses a backup over the size limit without reading it', async () => {
    const { MAX_BACKUP_BYTES } = await import('../../shared/ipc/contract');
    mkdirSync(folder());
    const path = join(folder(), 'daily-2026-12-03.json');
    writeFileSync(path, '');
    const { truncateSync } = await import('node:fs');
    truncateSync(path, MAX_BACKUP_BYTES + 1);
    await expect(invoke('backups:read', { name: 'daily-2026-12-03.json' })).resolves.toEqual({
      status: 'too-large',
      name: 'daily-2026-12-03.json',
      size: MAX_BACKUP_BYTES + 1,
    });
  });
});
