// The main window's options: every security-relevant web preference, the preload location, and
// showing only once the first paint is ready.
import { join } from 'node:path';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { resetElectron, windows } from './fake-electron';

vi.mock('electron', () => import('./fake-electron'));

const { createMainWindow, preloadPath, WINDOW_TITLE } = await import('../../electron/main/window');

function openedOptions(options?: Parameters<typeof createMainWindow>[0]) {
  createMainWindow(options);
  expect(windows).toHaveLength(1);
  const opened = windows[0]!;
  return {
    window: opened,
    options: opened.options,
    prefs: opened.options.webPreferences as Record<string, unknown>,
  };
}

describe('the main window', () => {
  beforeEach(() => resetElectron());

  it('isolates and sandboxes the page and keeps Node out of it', () => {
    const { prefs } = openedOptions({ electronDir: '/app/dist/electron' });
    expect(prefs).toMatchObject({
      contextIsolation: true,
      sandbox: true,
      webSecurity: true,
      nodeIntegration: false,
      nodeIntegrationInWorker: false,
      nodeIntegrationInSubFrames: false,
      webviewTag: false,
      allowRunningInsecureContent: false,
      experimentalFeatures: false,
      navigateOnDragDrop: false,
    });
  });

  it('makes no network requests of its own (no spellchecker dictionaries)', () => {
    expect(openedOptions().prefs.spellcheck).toBe(false);
  });

  it('loads the preload bundle that sits next to main.cjs', () => {
    const dir = join('/app', 'dist', 'electron');
    expect(openedOptions({ electronDir: dir }).prefs.preload).toBe(join(dir, 'preload.cjs'));
    expect(preloadPath(dir)).toBe(join(dir, 'preload.cjs'));
  });

  it('allows developer tools only when asked to (development)', () => {
    expect(openedOptions().prefs.devTools).toBe(false);
    resetElectron();
    expect(openedOptions({ devTools: true }).prefs.devTools).toBe(true);
  });

  it('has the product title and a size that fits a laptop screen', () => {
    const { options } = openedOptions();
    expect(options.title).toBe('Platform Adoption Tracker');
    expect(WINDOW_TITLE).toBe('Platform Adoption Tracker');
    expect(options.width).toBeGreaterThanOrEqual(1024);
    expect(options.height).toBeGreaterThanOrEqual(700);
    expect(options.minWidth).toBeLessThanOrEqual(options.width as number);
  });

  it('stays hidden until its first paint is ready, then shows', () => {
    const { window, options } = openedOptions();
    expect(options.show).toBe(false);
    expect(window.show).not.toHaveBeenCalled();
    window.emit('ready-to-show');
    expect(window.show).toHaveBeenCalledTimes(1);
  });
});
