// The preload: exactly one validated method per contract call, nothing generic, and every
// response checked before the page sees it.
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { DESKTOP_API_KEY, type DesktopApi } from '../../shared/ipc/contract';
import { contextBridge, exposed, ipcRenderer } from './fake-electron';

vi.mock('electron', () => import('./fake-electron'));

// Loading the preload is what exposes the API, exactly as in the sandboxed page.
await import('../../electron/preload/index');
const exposeCalls = [...contextBridge.exposeInMainWorld.mock.calls];
const api = exposed.get(DESKTOP_API_KEY) as DesktopApi;

const info = {
  name: 'Platform Adoption Tracker',
  version: '0.1.0',
  shell: 'desktop',
  platform: 'linux',
  userDataPath: '/home/u/.config/pat',
  documentsPath: '/home/u/Documents',
};

describe('the preload bridge', () => {
  beforeEach(() => {
    ipcRenderer.invoke.mockReset();
  });

  it('exposes one object with exactly the calls of the contract, under the contract key', () => {
    expect(exposeCalls).toEqual([[DESKTOP_API_KEY, api]]);
    expect(Object.keys(api).sort()).toEqual([
      'appInfo',
      'listAutoBackups',
      'openFile',
      'readAutoBackup',
      'saveFile',
      'saveReportPdf',
      'writeAutoBackup',
    ]);
    for (const method of Object.values(api)) expect(method).toBeTypeOf('function');
  });

  it('offers no generic invoke or send, and no ipcRenderer', () => {
    const keys = Object.keys(api);
    for (const name of ['invoke', 'send', 'on', 'ipcRenderer', 'sendSync']) expect(keys).not.toContain(name);
    expect(Object.values(api)).not.toContain(ipcRenderer.invoke);
  });

  it('sends each call on its own channel', async () => {
    ipcRenderer.invoke.mockResolvedValueOnce(info);
    await expect(api.appInfo()).resolves.toEqual(info);
    expect(ipcRenderer.invoke).toHaveBeenLastCalledWith('app:info', undefined);

    ipcRenderer.invoke.mockResolvedValueOnce({ status: 'saved', path: '/home/u/Documents/a.csv' });
    await api.saveFile({ suggestedName: 'a.csv', content: 'x' });
    expect(ipcRenderer.invoke).toHaveBeenLastCalledWith('file:save', {
      suggestedName: 'a.csv',
      content: 'x',
      mimeType: 'text/plain',
      filters: [],
    });

    ipcRenderer.invoke.mockResolvedValueOnce({ status: 'canceled' });
    await expect(api.openFile({ title: 'Import' })).resolves.toEqual({ status: 'canceled' });
    expect(ipcRenderer.invoke).toHaveBeenLastCalledWith(
      'file:open',
      expect.objectContaining({ title: 'Import' }),
    );

    ipcRenderer.invoke.mockResolvedValueOnce({
      status: 'listed',
      folder: '/home/u/.config/pat/backups',
      backups: [],
    });
    await expect(api.listAutoBackups()).resolves.toMatchObject({ status: 'listed', backups: [] });
    expect(ipcRenderer.invoke).toHaveBeenLastCalledWith('backups:list', undefined);

    const backup = {
      name: 'daily-2026-12-03.json',
      kind: 'daily',
      savedAt: '2026-12-03T07:40:00.000Z',
      size: 2,
    };
    ipcRenderer.invoke.mockResolvedValueOnce({ status: 'written', backup, removed: [] });
    await api.writeAutoBackup({ kind: 'daily', content: '{}' });
    expect(ipcRenderer.invoke).toHaveBeenLastCalledWith('backups:write', {
      kind: 'daily',
      content: '{}',
      keep: 14,
    });

    ipcRenderer.invoke.mockResolvedValueOnce({ status: 'missing', name: backup.name });
    await expect(api.readAutoBackup({ name: backup.name })).resolves.toEqual({
      status: 'missing',
      name: backup.name,
    });
    expect(ipcRenderer.invoke).toHaveBeenLastCalledWith('backups:read', { name: backup.name });
  });

  it('never sends a path for an automatic backup to read', async () => {
    await expect(api.readAutoBackup({ name: '../../.ssh/id_rsa' })).rejects.toThrow(
      /Invalid backups:read request: name: Not the name of an automatic backup/,
    );
    expect(ipcRenderer.invoke).not.toHaveBeenCalled();
  });

  it('rejects a bad request before sending it, naming the field', async () => {
    await expect(api.saveFile({ suggestedName: 'a/b.csv', content: 'x' })).rejects.toThrow(
      'Invalid file:save request: suggestedName: File name may not contain slashes',
    );
    await expect(api.openFile({ maxBytes: 1.5 })).rejects.toThrow(/Invalid file:open request: maxBytes: /);
    expect(ipcRenderer.invoke).not.toHaveBeenCalled();
  });

  it('rejects a response that does not match the contract', async () => {
    ipcRenderer.invoke.mockResolvedValueOnce({ ...info, shell: 'something else' });
    await expect(api.appInfo()).rejects.toThrow(/Invalid app:info response: shell: /);
    ipcRenderer.invoke.mockResolvedValueOnce({ status: 'opened', name: 'a.csv' });
    await expect(api.openFile({})).rejects.toThrow(/Invalid file:open response/);
  });

  it('passes the main process refusal on to the page', async () => {
    ipcRenderer.invoke.mockRejectedValueOnce(new Error('file:save refused: the caller is not the app'));
    await expect(api.saveFile({ suggestedName: 'a.csv', content: 'x' })).rejects.toThrow(/refused/);
  });
});
