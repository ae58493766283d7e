/**
 * The same app open in two tabs: the second changes its description and stage and saves; the
 * first, still open from before, follows those changes live, and its rename keeps them (the lost
 * update of issue 13). A field changed in both tabs is shown with both values until one is kept.
 */
import { afterEach, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { openApp, type OpenedApp } from './harness';

let app: OpenedApp | undefined;

afterEach(async () => {
  await app?.close();
  app = undefined;
});

async function createProgram(page: Page) {
  await page.getByRole('button', { name: 'Create a program' }).click();
  const form = page.getByRole('form', { name: 'Program' });
  await form.getByLabel('Program name').fill('Two tabs');
  await form.getByLabel('Platform name').fill('Atlas');
  await form.getByLabel('Start date').fill('2026-10-01');
  await form.getByLabel('Target apps').fill('40');
  await form.getByLabel('Eligible app population').fill('400');
  await form.getByRole('button', { name: 'Create program' }).click();
  await page.getByRole('heading', { level: 1, name: 'Plan', exact: true }).waitFor();
}

const saveChanges = (page: Page) => page.getByRole('button', { name: 'Save changes' }).first().click();

describe('two tabs on the same app', () => {
  it('keeps both tabs’ changes, and asks where both changed the same field', async () => {
    app = await openApp();
    const first = app.page;
    await createProgram(first);
    await first.goto(`${app.baseURL}#/apps/new`);
    await first.getByRole('textbox', { name: 'Name' }).fill('Payments');
    await first.getByRole('textbox', { name: 'Description' }).fill('Old text');
    await first.getByRole('button', { name: 'Add app' }).first().click();
    await first.getByRole('button', { name: 'Save changes' }).first().waitFor();
    const address = first.url();

    const second = await app.context.newPage();
    await second.goto(address);
    await second.getByRole('textbox', { name: 'Description' }).fill('Card payments');
    await second.getByRole('combobox', { name: 'Stage' }).selectOption({ label: 'Paused' });
    await saveChanges(second);
    await second.getByText('Saved Payments.').waitFor();

    // The first tab never touched the description or the stage: they follow the stored app.
    await expect
      .poll(() => first.getByRole('textbox', { name: 'Description' }).inputValue())
      .toBe('Card payments');
    await first.getByRole('textbox', { name: 'Name' }).fill('Payments API');
    await saveChanges(first);
    await first.getByText('Saved Payments API.').waitFor();

    await second.reload();
    await expect.poll(() => second.getByRole('textbox', { name: 'Name' }).inputValue()).toBe('Payments API');
    expect(await second.getByRole('textbox', { name: 'Description' }).inputValue()).toBe('Card payments');
    expect(await second.getByRole('combobox', { name: 'Stage' }).inputValue()).toBe('paused');

    // Both tabs change the description: the first sees both values and chooses.
    await first.getByRole('textbox', { name: 'Description' }).fill('Mine');
    await second.getByRole('textbox', { name: 'Description' }).fill('Theirs');
    await saveChanges(second);
    await second.getByText('Saved Payments API.').waitFor();
    const notice = first.getByRole('alert', { name: 'Changed elsewhere' });
    await expect.poll(() => notice.textContent()).toContain('yours: “Mine” · saved elsewhere: “Theirs”');
    await app.shot('two-tabs-conflict');
    await first.getByRole('button', { name: 'Keep yours for Description' }).click();
    await saveChanges(first);
    await second.reload();
    await expect.poll(() => second.getByRole('textbox', { name: 'Description' }).inputValue()).toBe('Mine');
    expect(app.errors).toEqual([]);
  });
});
