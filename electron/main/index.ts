/**
 * The main process: app lifecycle and wiring, no business logic. One instance, one window.
 * Order matters: the app scheme is registered before `ready`, and the security policy (session
 * handlers, web-contents guards) is installed before the window is created.
 */
// First: zod's settings apply to schemas built from here on (shared/zod-config.ts says why).
import '../../shared/zod-config';
import { join } from 'node:path';
import { app, BrowserWindow, session } from 'electron';
import { registerIpcHandlers } from './ipc';
import { installMenu } from './menu';
import { devServerUrl, entryUrl } from './origin';
import { registerAppScheme, serveBundle } from './protocol';
import { hardenAllWebContents, hardenSession } from './security';
import { createMainWindow } from './window';

/** dist/renderer, next to this bundle's dist/electron. */
const RENDERER_DIR = join(__dirname, '..', 'renderer');

let mainWindow: BrowserWindow | null = null;

function openMainWindow(isDev: boolean, entry: string): void {
  mainWindow = createMainWindow({ electronDir: __dirname, devTools: isDev });
  mainWindow.on('closed', () => {
    mainWindow = null;
  });
  void mainWindow.loadURL(entry);
}

function start(): void {
  const isDev = devServerUrl(process.env, app.isPackaged) !== null;
  const entry = entryUrl(process.env, app.isPackaged);

  app.enableSandbox();
  registerAppScheme();
  hardenAllWebContents(app, entry);

  app.on('second-instance', () => {
    if (!mainWindow) return;
    if (mainWindow.isMinimized()) mainWindow.restore();
    mainWindow.focus();
  });

  app.on('window-all-closed', () => {
    if (process.platform !== 'darwin') app.quit();
  });

  void app.whenReady().then(() => {
    hardenSession(session.defaultSession);
    serveBundle(session.defaultSession, RENDERER_DIR);
    registerIpcHandlers();
    installMenu(() => mainWindow, isDev);
    openMainWindow(isDev, entry);
    app.on('activate', () => {
      if (BrowserWindow.getAllWindows().length === 0) openMainWindow(isDev, entry);
    });
  });
}

// A second launch focuses the running window instead of opening a second copy on the same data.
if (app.requestSingleInstanceLock()) start();
else app.quit();
