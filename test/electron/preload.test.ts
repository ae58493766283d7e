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

  it('exposes one object with exactly the three calls, under the contract key', () => {
    expect(exposeCalls).toEqual([[DESKTOP_API_KEY, api]]);
    expect(Object.keys(api).sort()).toEqual(['appInfo', 'openFile', 'saveFile']);
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
