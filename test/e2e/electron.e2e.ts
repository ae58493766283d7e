/**
 * The desktop app end to end, in the real Electron binary through playwright-core: one window
 * on the app scheme, the bridge exposed and working, no Node in the page, window.open denied.
 * Where the Electron binary is not installed (it cannot be downloaded on every machine) the test
 * is skipped with a line saying why; the same renderer is covered in Chromium by the other tests.
 */
import { existsSync, mkdirSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { _electron, type ElectronApplication } from 'playwright-core';
import { createBuilder } from 'vite';
import { afterAll, describe, expect, it } from 'vitest';
import { findElectronBinary } from '../../electron/launch-lib.mjs';
import { DESKTOP_API_KEY, type DesktopApi } from '../../shared/ipc/contract';
import { SCREENSHOT_DIR } from './harness';

const root = resolve(import.meta.dirname, '../..');
const electron = findElectronBinary(root);
const hasElectron = electron.found;
if (!electron.found) {
  console.log(
    `Skipping the Electron end-to-end test: the Electron binary is not installed on this machine (${electron.reason}). ` +
      'The same renderer is tested in Chromium by the other end-to-end tests.',
  );
}

let app: ElectronApplication | undefined;
afterAll(async () => {
  await app?.close();
});

describe('the desktop app', () => {
  it.skipIf(!hasElectron)('opens one secure window with a working desktop bridge', async () => {
    if (!electron.found) return;
    if (!existsSync(join(root, 'dist', 'electron', 'main.cjs'))) {
      const builder = await createBuilder({
        configFile: join(root, 'vite.electron.config.ts'),
        root,
        logLevel: 'warn',
      });
      await builder.buildApp();
    }
    // Chromium refuses to start as root without this; the page's own sandbox is unaffected.
    const args = process.getuid?.() === 0 ? ['--no-sandbox', root] : [root];
    app = await _electron.launch({ executablePath: electron.path, args, cwd: root });
    const page = await app.firstWindow();
    await page.waitForLoadState('domcontentloaded');

    expect(await page.title()).toBe('Platform Adoption Tracker');
    expect(page.url()).toMatch(/^app:\/\/bundle\//);

    const probe = await page.evaluate(async (key) => {
      const scope = globalThis as unknown as Record<string, unknown>;
      const api = scope[key] as DesktopApi;
      return {
        methods: Object.keys(api).sort(),
        info: await api.appInfo(),
        nodeInPage: typeof scope.require !== 'undefined' || typeof scope.process !== 'undefined',
        opened: (scope.open as (url: string) => unknown)('https://example.com/') !== null,
      };
    }, DESKTOP_API_KEY);
    expect(probe.methods).toEqual(['appInfo', 'openFile', 'saveFile']);
    expect(probe.info).toMatchObject({ shell: 'desktop', name: 'Platform Adoption Tracker' });
    expect(probe.nodeInPage).toBe(false);
    expect(probe.opened).toBe(false);
    expect(app.windows()).toHaveLength(1);

    expect(await app.evaluate(({ BrowserWindow }) => BrowserWindow.getAllWindows().length)).toBe(1);

    mkdirSync(SCREENSHOT_DIR, { recursive: true });
    await page.screenshot({ path: join(SCREENSHOT_DIR, 'electron-window.png') });
  });
});
