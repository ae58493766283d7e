/**
 * The first step of most walks: create a program through the welcome screen's form, and wait for
 * Plan to show it.
 */
import type { Page } from 'playwright-core';

export async function createProgram(page: Page) {
  await page.getByRole('button', { name: 'Create a program' }).click();
  const form = page.getByRole('form', { name: 'Program' });
  await form.getByLabel('Program name').fill('Cloud-native modernization');
  await form.getByLabel('Platform name').fill('Tanzu Platform');
  await form.getByLabel('Start date').fill('2026-10-01');
  await form.getByLabel('Target apps').fill('40');
  await form.getByLabel('Eligible app population').fill('400');
  await form.getByRole('button', { name: 'Create program' }).click();
  // Exactly "Plan": the welcome screen's own h1 ("Plan and track…") would match a substring at
  // once, before the program is saved, and the test would race the save.
  await page.getByRole('heading', { level: 1, name: 'Plan', exact: true }).waitFor();
}

/**
 * Loads the demo program from the welcome screen and waits for its message to go (it would
 * cover the lower buttons of a form).
 */
export async function loadDemo(page: Page) {
  await page.getByRole('button', { name: 'Load the demo program' }).click();
  const loaded = page.getByText('The demo program is loaded.');
  await loaded.waitFor();
  await loaded.waitFor({ state: 'hidden' });
}
