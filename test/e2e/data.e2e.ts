/**
 * The Data area in a real browser against the built app: load the demo, save a backup (a
 * download), delete all data (back to the welcome screen), then create a program and restore the
 * saved backup through the file chooser: the demo program is back. Screenshots go to
 * test-results/screenshots/data-*.png.
 */
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { FileChooser } from 'playwright-core';
import { afterEach, describe, expect, it } from 'vitest';
import { openApp, type OpenedApp } from './harness';

let app: OpenedApp | undefined;

afterEach(async () => {
  await app?.close();
  app = undefined;
});

describe('the Data area', () => {
  it('backs up, starts over and restores the demo program', async () => {
    app = await openApp();
    const { page } = app;
    const areas = page.getByRole('navigation', { name: 'Areas' });
    /** "Restore from a backup…", its file picker awaited with the click (a failed click takes it down too). */
    const chooseBackup = async (file: Parameters<FileChooser['setFiles']>[0]) => {
      const [chooser] = await Promise.all([
        page.waitForEvent('filechooser'),
        page.getByRole('button', { name: 'Restore from a backup…' }).click(),
      ]);
      await chooser.setFiles(file);
    };

    await page.getByRole('button', { name: 'Load the demo program' }).click();
    await page.getByRole('heading', { level: 1, name: 'Plan', exact: true }).waitFor();
    const demoProgramName = await page.locator('.brand small').textContent();

    await areas.getByRole('link', { name: 'Data' }).click();
    await page.getByRole('heading', { level: 1, name: 'Data', exact: true }).waitFor();
    const counts = page.getByLabel('Records per area');
    const appsCount = counts
      .locator('div')
      .filter({ has: page.getByText('Apps', { exact: true }) })
      .locator('dd');
    await expect.poll(() => appsCount.textContent()).not.toBe('0');
    const demoApps = await appsCount.textContent();
    await app.shot('data-01-screen');

    // Save a backup: in a browser it is a download.
    const [download] = await Promise.all([
      page.waitForEvent('download'),
      page.getByRole('button', { name: 'Save a backup…' }).click(),
    ]);
    expect(download.suggestedFilename()).toMatch(/^adoption-backup-\d{4}-\d{2}-\d{2}\.json$/);
    const backupFile = join(mkdtempSync(join(tmpdir(), 'adoption-backup-')), download.suggestedFilename());
    await download.saveAs(backupFile);
    await page.getByText('Backup saved to your downloads.').waitFor();

    // Start over: the app goes back to its welcome screen.
    await page.getByRole('button', { name: 'Delete all data…' }).click();
    const confirm = page.getByRole('dialog', { name: 'Delete all data?' });
    await confirm.waitFor();
    await app.shot('data-02-delete-confirm');
    await confirm.getByRole('button', { name: 'Delete all data' }).click();
    await page.getByRole('heading', { level: 1, name: 'Plan and track your platform adoption' }).waitFor();
    await app.shot('data-03-welcome-after-delete');

    // A new program, then the backup restored over it.
    await page.getByRole('button', { name: 'Create a program' }).click();
    const form = page.getByRole('form', { name: 'Program' });
    await form.getByLabel('Program name').fill('Scratch program');
    await form.getByLabel('Platform name').fill('Scratch platform');
    await form.getByLabel('Start date').fill('2026-01-31');
    await form.getByLabel('Target apps').fill('10');
    await form.getByLabel('Eligible app population').fill('100');
    await form.getByRole('button', { name: 'Create program' }).click();
    await page.getByRole('heading', { level: 1, name: 'Plan', exact: true }).waitFor();

    await areas.getByRole('link', { name: 'Data' }).click();
    await page.getByRole('heading', { level: 1, name: 'Data', exact: true }).waitFor();
    await expect.poll(() => appsCount.textContent()).toBe('0');

    // A file that is not a backup first: a clear error, nothing changed.
    await chooseBackup({
      name: 'notes.json',
      mimeType: 'application/json',
      buffer: Buffer.from('{"hello": 1}'),
    });
    await page.getByRole('alert').filter({ hasText: 'not a backup of this app' }).waitFor();
    await app.shot('data-04-bad-file');

    await chooseBackup(backupFile);
    const restore = page.getByRole('dialog', { name: 'Restore this backup?' });
    await restore.waitFor();
    await app.shot('data-05-restore-confirm');
    await restore.getByRole('button', { name: 'Replace all data' }).click();
    await page.getByText(/The backup is restored/).waitFor();
    await expect.poll(() => appsCount.textContent()).toBe(demoApps);
    expect(await page.getByRole('dialog', { name: 'Restore this backup?' }).isVisible()).toBe(false);
    await app.shot('data-06-restored');

    await areas.getByRole('link', { name: 'Plan' }).click();
    await page.getByRole('heading', { level: 1, name: 'Plan', exact: true }).waitFor();
    expect(await page.locator('.brand small').textContent()).toBe(demoProgramName);
    expect(await page.getByText('Scratch program').count()).toBe(0);

    // The dark theme, for the record.
    await page.emulateMedia({ colorScheme: 'dark' });
    await areas.getByRole('link', { name: 'Data' }).click();
    await page.getByRole('heading', { level: 1, name: 'Data', exact: true }).waitFor();
    await app.shot('data-07-dark');

    expect(app.errors).toEqual([]);
  });
});
