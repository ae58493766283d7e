/**
 * The same app open in two tabs: the second changes its description and stage and saves; the
 * first, still open from before, follows those changes live, and its rename keeps them (the lost
 * update of issue 13). A field changed in both tabs is shown with both values until one is kept.
 * Then the same for each area's edit form on the demo program: a person, a blocker, a value
 * stream map and the program: each tab changes a different field, and both changes are kept.
 */
import { afterEach, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { openApp, type OpenedApp } from './harness';
import { createProgram, loadDemo } from './program';

let app: OpenedApp | undefined;

afterEach(async () => {
  await app?.close();
  app = undefined;
});

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

/** The address of the first record a list links to under `prefix` (e.g. `#/people/`), with an id. */
async function firstRecordAddress(page: Page, baseURL: string, list: string, prefix: string) {
  await page.goto(`${baseURL}#${list}`);
  const link = page.locator(`main a[href^="${prefix}"]`);
  await link.nth(5).waitFor();
  const ids = await link.evaluateAll((as) =>
    as.map((a) => a.getAttribute('href') ?? '').filter((h) => /[0-9a-f]{8}-[0-9a-f]{4}-/.test(h)),
  );
  expect(ids.length).toBeGreaterThan(0);
  return `${baseURL}${ids[0]}`;
}

interface EditForm {
  what: string;
  list: string;
  prefix: string;
  /** The form on the record's page. */
  form: (page: Page) => ReturnType<Page['getByRole']>;
  save: string;
  /** The field the first tab changes, and the one the second changes. */
  mine: string;
  theirs: string;
}

const FORMS: EditForm[] = [
  {
    what: 'a person',
    list: '/people',
    prefix: '#/people/',
    form: (page) => page.getByRole('form', { name: /^Edit / }),
    save: 'Save person',
    mine: 'Name',
    theirs: 'Notes',
  },
  {
    what: 'a blocker',
    list: '/blockers/register',
    prefix: '#/blockers/',
    form: (page) => page.locator('main form').first(),
    save: 'Save changes',
    mine: 'Title',
    theirs: 'Notes',
  },
  {
    what: 'a value stream map',
    list: '/value-streams',
    prefix: '#/value-streams/',
    form: (page) => page.locator('main'),
    save: 'Save changes',
    mine: 'Step 1 name',
    theirs: 'Notes',
  },
];

describe('two tabs on the same record, in every area’s edit form', () => {
  for (const edit of FORMS) {
    it(`keeps both tabs’ changes to ${edit.what}`, async () => {
      app = await openApp();
      const first = app.page;
      await loadDemo(first);
      const address = await firstRecordAddress(first, app.baseURL, edit.list, edit.prefix);
      await first.goto(address);
      const firstForm = edit.form(first);
      const mine = firstForm.getByRole('textbox', { name: edit.mine, exact: true });
      await mine.waitFor();
      const original = await mine.inputValue();

      const second = await app.context.newPage();
      await second.goto(address);
      const secondForm = edit.form(second);
      await secondForm
        .getByRole('textbox', { name: edit.theirs, exact: true })
        .fill('Changed in the second tab');
      await secondForm.getByRole('button', { name: edit.save }).click();
      await second
        .getByText(/^(Saved|Added)/)
        .first()
        .waitFor();

      // The first tab had not touched that field: it follows the stored record live.
      await expect
        .poll(() => firstForm.getByRole('textbox', { name: edit.theirs, exact: true }).inputValue())
        .toBe('Changed in the second tab');
      await mine.fill(`${original} (first tab)`);
      await firstForm.getByRole('button', { name: edit.save }).click();
      await first
        .getByText(/^(Saved|Added)/)
        .first()
        .waitFor();

      // Saving may close the form (the person's dialog): open the record afresh.
      await second.goto(address);
      await second.reload();
      const reloaded = edit.form(second);
      await expect
        .poll(() => reloaded.getByRole('textbox', { name: edit.mine, exact: true }).inputValue())
        .toBe(`${original} (first tab)`);
      expect(await reloaded.getByRole('textbox', { name: edit.theirs, exact: true }).inputValue()).toBe(
        'Changed in the second tab',
      );
      expect(app.errors).toEqual([]);
    });
  }

  it('keeps both tabs’ changes to the program', async () => {
    app = await openApp();
    const first = app.page;
    await loadDemo(first);
    await first.goto(`${app.baseURL}#/plan`);
    await first.getByRole('button', { name: 'Edit program' }).click();
    const second = await app.context.newPage();
    await second.goto(`${app.baseURL}#/plan`);
    await second.getByRole('button', { name: 'Edit program' }).click();

    const target = second.getByRole('form', { name: 'Program' }).getByLabel('Target apps');
    const changed = String(Number(await target.inputValue()) + 5);
    await target.fill(changed);
    await second.getByRole('form', { name: 'Program' }).getByRole('button', { name: 'Save program' }).click();
    await second
      .getByRole('form', { name: 'Program' })
      .waitFor({ state: 'hidden' })
      .catch(async (e) => {
        await app!.shot('two-tabs-program-failed');
        throw e;
      });

    const form = first.getByRole('form', { name: 'Program' });
    await expect.poll(() => form.getByLabel('Target apps').inputValue()).toBe(changed);
    await form.getByLabel('Program name').fill('Renamed in the first tab');
    await form.getByRole('button', { name: 'Save program' }).click();
    await form.waitFor({ state: 'hidden' });

    await second.reload();
    await second.getByRole('button', { name: 'Edit program' }).click();
    const reloaded = second.getByRole('form', { name: 'Program' });
    await expect
      .poll(() => reloaded.getByLabel('Program name').inputValue())
      .toBe('Renamed in the first tab');
    expect(await reloaded.getByLabel('Target apps').inputValue()).toBe(changed);
    expect(app.errors).toEqual([]);
  });
});
