/**
 * Automatic backups on the Data screen of the built app, at 1440×900 and 1024×700, light and dark:
 * in a browser the screen says they are kept by the desktop app only and reminds the user to save
 * a backup; with a desktop bridge (a fake preload API installed before the app's scripts, keeping
 * its "folder" in the page) the app writes the day's backup on its own, the screen lists it, and
 * restoring it first saves the data it replaces. Screenshots: test-results/screenshots/auto-backups-*.png.
 */
import { afterEach, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import type { DesktopApi, WriteAutoBackupRequest } from '../../shared/ipc/contract';
import { describeFindings, findBlockingViolations } from './axe';
import { openApp, type OpenedApp } from './harness';

let app: OpenedApp | undefined;

afterEach(async () => {
  await app?.close();
  app = undefined;
});

const SIZES = [
  { width: 1440, height: 900 },
  { width: 1024, height: 700 },
] as const;

/** Runs in the page before its scripts: a desktop bridge whose backups folder lives in memory. */
function installFakeDesktop(key: string) {
  type Backup = { name: string; kind: WriteAutoBackupRequest['kind']; savedAt: string; size: number };
  const files = new Map<string, { backup: Backup; content: string }>();
  let second = 0;
  const api = {
    appInfo: async () => ({
      name: 'Platform Adoption Tracker',
      version: '0.3.0',
      shell: 'desktop',
      platform: 'linux',
      userDataPath: '/home/ana/.config/Platform Adoption Tracker',
      documentsPath: '/home/ana/Documents',
    }),
    saveFile: async () => ({ status: 'canceled' }),
    openFile: async () => ({ status: 'canceled' }),
    listAutoBackups: async () => ({
      status: 'listed',
      folder: '/home/ana/.config/Platform Adoption Tracker/backups',
      backups: [...files.values()].map((f) => f.backup).sort((a, b) => b.name.localeCompare(a.name)),
    }),
    writeAutoBackup: async ({ kind, content }: WriteAutoBackupRequest) => {
      const now = new Date();
      const day = now.toISOString().slice(0, 10);
      second += 1;
      const name =
        kind === 'daily'
          ? `daily-${day}.json`
          : `before-restore-${day}T09-00-${String(second).padStart(2, '0')}.json`;
      const backup: Backup = { name, kind, savedAt: now.toISOString(), size: content.length };
      files.set(name, { backup, content });
      return { status: 'written', backup, removed: [] };
    },
    readAutoBackup: async ({ name }: { name: string }) => {
      const file = files.get(name);
      // As the desktop does: the file's bytes, for the restore's worker to decode.
      const bytes = file && new TextEncoder().encode(file.content);
      return bytes
        ? { status: 'opened', name, size: bytes.byteLength, content: bytes }
        : { status: 'missing', name };
    },
    // The report is not printed here; the bridge must still have every method to count as desktop
    // (checked against the contract: a call added there and not here fails the type check).
    saveReportPdf: async () => ({ status: 'canceled' }),
  } satisfies DesktopApi;
  (globalThis as unknown as Record<string, unknown>)[key] = api;
}

async function loadDemoAndOpenData(page: Page) {
  await page.getByRole('button', { name: 'Load the demo program' }).click();
  await page.getByRole('heading', { level: 1, name: 'Plan', exact: true }).waitFor();
  // The demo's message would cover the lower cards in the screenshots: it goes by itself.
  const loaded = page.getByText('The demo program is loaded.');
  await loaded.waitFor();
  await loaded.waitFor({ state: 'hidden' });
  await page
    .getByRole('navigation', { name: 'Areas' })
    .getByRole('link', { name: 'Data', exact: true })
    .click();
  await page.getByRole('heading', { level: 1, name: 'Data', exact: true }).waitFor();
}

describe('automatic backups on the Data screen', () => {
  for (const colorScheme of ['light', 'dark'] as const) {
    it(`in a browser: says where they are kept and reminds to save a backup (${colorScheme})`, async () => {
      app = await openApp({ colorScheme });
      const { page } = app;
      await loadDemoAndOpenData(page);
      await page.getByText(/Automatic backups are kept by the desktop app only/).waitFor();
      await page.getByText(/No backup file was saved from this browser yet/).waitFor();
      for (const size of SIZES) {
        await page.setViewportSize(size);
        await page.getByRole('heading', { name: 'Back up' }).scrollIntoViewIfNeeded();
        await app.shot(`auto-backups-browser-${size.width}-${colorScheme}`);
      }
      expect(describeFindings('data (browser)', await findBlockingViolations(page))).toEqual([]);
      expect(app.errors).toEqual([]);
    });

    it(`on the desktop: writes the day's backup, lists it and restores it (${colorScheme})`, async () => {
      app = await openApp({ colorScheme });
      const { page } = app;
      await page.addInitScript(installFakeDesktop, 'platformAdoptionDesktop');
      await page.reload();
      await loadDemoAndOpenData(page);
      const table = page.getByRole('table', { name: 'Automatic backups, newest first' });
      await table.getByRole('cell', { name: 'Daily', exact: true }).waitFor();
      for (const size of SIZES) {
        await page.setViewportSize(size);
        await table.scrollIntoViewIfNeeded();
        await app.shot(`auto-backups-desktop-${size.width}-${colorScheme}`);
      }
      expect(describeFindings('data (desktop)', await findBlockingViolations(page))).toEqual([]);
      await table
        .getByRole('button', { name: /Restore the backup of/ })
        .first()
        .click();
      const dialog = page.getByRole('dialog', { name: 'Restore this backup?' });
      await dialog.getByText('The current data is saved to the automatic backups first.').waitFor();
      await dialog.getByRole('button', { name: 'Replace all data' }).click();
      await page.getByText(/The backup is restored/).waitFor();
      await table.getByRole('cell', { name: 'Before a restore', exact: true }).waitFor();
      expect(app.errors).toEqual([]);
    });
  }
});
