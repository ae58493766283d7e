/**
 * A stand-in for the `electron` module in main-process and preload tests (the real one needs
 * the Electron binary). Test files use it with
 *   vi.mock('electron', () => import('./fake-electron'));
 * and call `resetElectron()` in beforeEach. It records what the shell registers (IPC handlers,
 * windows, exposed APIs) so tests can drive and inspect it.
 */
import { EventEmitter } from 'node:events';
import { vi } from 'vitest';

type Listener = (...args: unknown[]) => unknown;

/** IPC handlers registered through ipcMain.handle, by channel. */
export const ipcHandlers = new Map<string, Listener>();

export const ipcMain = {
  handle: vi.fn((channel: string, listener: Listener) => {
    if (ipcHandlers.has(channel)) throw new Error(`Attempted to register a second handler for '${channel}'`);
    ipcHandlers.set(channel, listener);
  }),
};

export const ipcRenderer = { invoke: vi.fn() };

/** What the preload exposed, by key. */
export const exposed = new Map<string, unknown>();
export const contextBridge = {
  exposeInMainWorld: vi.fn((key: string, api: unknown) => {
    exposed.set(key, api);
  }),
};

const DEFAULT_PATHS = {
  userData: '/home/user/.config/Platform Adoption Tracker',
  documents: '/home/user/Documents',
};

class FakeApp extends EventEmitter {
  isPackaged = false;
  paths: Record<string, string> = { ...DEFAULT_PATHS };
  /** What requestSingleInstanceLock answers: false when another copy already runs. */
  gotLock = true;
  requestSingleInstanceLock = vi.fn(() => this.gotLock);
  whenReady = vi.fn(() => Promise.resolve());
  enableSandbox = vi.fn();
  quit = vi.fn();
  getName = vi.fn(() => 'Platform Adoption Tracker');
  getVersion = vi.fn(() => '0.1.0');
  getPath = vi.fn((name: string) => {
    const path = this.paths[name];
    if (!path) throw new Error(`Failed to get '${name}' path`);
    return path;
  });
}
export const app = new FakeApp();

export const dialog = {
  showSaveDialog: vi.fn(),
  showOpenDialog: vi.fn(),
  showMessageBox: vi.fn(async () => ({ response: 0, checkboxChecked: false })),
};

export class FakeWebContents extends EventEmitter {
  windowOpenHandler: ((details: { url: string }) => unknown) | null = null;
  mainFrame: unknown = null;
  setWindowOpenHandler(handler: (details: { url: string }) => unknown) {
    this.windowOpenHandler = handler;
  }
}

/** Every BrowserWindow constructed, with the options it was given. */
export const windows: FakeBrowserWindow[] = [];
export class FakeBrowserWindow extends EventEmitter {
  static fromWebContents = vi.fn((): FakeBrowserWindow | null => null);
  static getAllWindows = vi.fn(() => windows);
  readonly options: Record<string, unknown>;
  readonly webContents = new FakeWebContents();
  show = vi.fn();
  focus = vi.fn();
  restore = vi.fn();
  isMinimized = vi.fn(() => false);
  loadURL = vi.fn(async () => undefined);
  constructor(options: Record<string, unknown>) {
    super();
    this.options = options;
    windows.push(this);
  }
}
export { FakeBrowserWindow as BrowserWindow };

export const Menu = {
  buildFromTemplate: vi.fn((template: unknown) => ({ template })),
  setApplicationMenu: vi.fn(),
};

export const protocol = { registerSchemesAsPrivileged: vi.fn(), handle: vi.fn() };

/** The default session: records the handlers the shell installs on it. */
export const session = {
  defaultSession: {
    protocol: { handle: vi.fn() },
    setPermissionRequestHandler: vi.fn(),
    setPermissionCheckHandler: vi.fn(),
    setDevicePermissionHandler: vi.fn(),
    webRequest: { onHeadersReceived: vi.fn() },
  },
};
export const shell = { openExternal: vi.fn() };

export function resetElectron(): void {
  ipcHandlers.clear();
  exposed.clear();
  windows.length = 0;
  app.removeAllListeners();
  app.isPackaged = false;
  app.gotLock = true;
  app.paths = { ...DEFAULT_PATHS };
  for (const mock of [app.requestSingleInstanceLock, app.whenReady, app.enableSandbox, app.quit])
    mock.mockClear();
  const { defaultSession } = session;
  for (const mock of [
    defaultSession.protocol.handle,
    defaultSession.setPermissionRequestHandler,
    defaultSession.setPermissionCheckHandler,
    defaultSession.setDevicePermissionHandler,
    defaultSession.webRequest.onHeadersReceived,
  ]) {
    mock.mockClear();
  }
  for (const mock of [
    ipcMain.handle,
    ipcRenderer.invoke,
    contextBridge.exposeInMainWorld,
    dialog.showSaveDialog,
    dialog.showOpenDialog,
    dialog.showMessageBox,
    FakeBrowserWindow.fromWebContents,
    Menu.buildFromTemplate,
    Menu.setApplicationMenu,
    protocol.registerSchemesAsPrivileged,
    protocol.handle,
    shell.openExternal,
  ]) {
    mock.mockClear();
  }
  ipcRenderer.invoke.mockReset();
  dialog.showSaveDialog.mockReset();
  dialog.showOpenDialog.mockReset();
}
