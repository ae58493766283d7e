// The main process lifecycle (electron/main/index.ts): one instance, the policy installed before
// the window, one window on the app scheme, quit when the last window closes except on macOS.
import { afterEach, describe, expect, it, vi } from 'vitest';
import { IPC } from '../../shared/ipc/contract';
import type * as FakeElectron from './fake-electron';

vi.mock('electron', () => import('./fake-electron'));

/** Loads the main process afresh (it starts on import), with its own fake electron. */
async function startMain(options: { gotLock?: boolean } = {}) {
  const electron = (await import('electron')) as unknown as typeof FakeElectron;
  electron.resetElectron();
  electron.app.gotLock = options.gotLock ?? true;
  vi.resetModules();
  await import('../../electron/main/index');
  await Promise.resolve();
  await new Promise((resolve) => setTimeout(resolve, 0));
  return electron;
}

afterEach(() => {
  vi.unstubAllEnvs();
  vi.unstubAllGlobals();
});

describe('the main process', () => {
  it('quits at once when another copy is already running', async () => {
    const { app, windows } = await startMain({ gotLock: false });
    expect(app.quit).toHaveBeenCalled();
    expect(app.whenReady).not.toHaveBeenCalled();
    expect(windows).toHaveLength(0);
  });

  it('opens one sandboxed window on the app scheme once ready, with the policy in place', async () => {
    vi.stubEnv('VITE_DEV_SERVER_URL', '');
    const { app, windows, protocol, session, ipcHandlers, Menu } = await startMain();
    expect(app.enableSandbox).toHaveBeenCalled();
    expect(protocol.registerSchemesAsPrivileged).toHaveBeenCalled();
    expect(app.listenerCount('web-contents-created')).toBe(1);
    expect(session.defaultSession.setPermissionRequestHandler).toHaveBeenCalled();
    expect(session.defaultSession.webRequest.onHeadersReceived).toHaveBeenCalled();
    expect(session.defaultSession.protocol.handle).toHaveBeenCalledWith('app', expect.any(Function));
    expect([...ipcHandlers.keys()].sort()).toEqual(
      Object.values(IPC)
        .map((c) => c.channel)
        .sort(),
    );
    expect([...ipcHandlers.keys()]).toContain('backups:read');
    expect(Menu.setApplicationMenu).toHaveBeenCalled();
    expect(windows).toHaveLength(1);
    expect(windows[0]!.loadURL).toHaveBeenCalledWith('app://bundle/index.html');
    expect((windows[0]!.options.webPreferences as { devTools: boolean }).devTools).toBe(false);
  });

  it('loads the dev server, with developer tools, when one is configured', async () => {
    vi.stubEnv('VITE_DEV_SERVER_URL', 'http://127.0.0.1:5173/');
    const { windows } = await startMain();
    expect(windows[0]!.loadURL).toHaveBeenCalledWith('http://127.0.0.1:5173/');
    expect((windows[0]!.options.webPreferences as { devTools: boolean }).devTools).toBe(true);
  });

  it('focuses the existing window when the app is launched again', async () => {
    const { app, windows } = await startMain();
    windows[0]!.isMinimized.mockReturnValue(true);
    app.emit('second-instance');
    expect(windows[0]!.restore).toHaveBeenCalled();
    expect(windows[0]!.focus).toHaveBeenCalled();
    expect(windows).toHaveLength(1);
  });

  it('quits when the last window closes, except on macOS', async () => {
    const { app } = await startMain();
    const platform = Object.getOwnPropertyDescriptor(process, 'platform')!;
    try {
      Object.defineProperty(process, 'platform', { value: 'linux' });
      app.emit('window-all-closed');
      expect(app.quit).toHaveBeenCalledTimes(1);
      Object.defineProperty(process, 'platform', { value: 'darwin' });
      app.emit('window-all-closed');
      expect(app.quit).toHaveBeenCalledTimes(1);
    } finally {
      Object.defineProperty(process, 'platform', platform);
    }
  });

  it('opens a new window on activate only when none is open', async () => {
    const { app, windows } = await startMain();
    app.emit('activate');
    expect(windows).toHaveLength(1);
    windows.length = 0;
    app.emit('activate');
    expect(windows).toHaveLength(1);
  });
});
