/**
 * The Toil audits area end to end, in Chromium against the built app with the demo program: run
 * an audit for the Payments team, type five anonymous responses with the keyboard alone (digits
 * move on, N marks "not applicable", Ctrl+Enter saves), read its results, compare it with the
 * team's audit before onboarding, see it lead the heat map's Payments row, and watch the results
 * hide when a response is deleted (4 < the privacy threshold of 5). Screenshots of the audit, the
 * comparison and the heat map at 1440×900 and 1024×700: test-results/screenshots/toil-*.png.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { openApp, type OpenedApp } from './harness';
import { loadDemo } from './program';

let app: OpenedApp;
beforeAll(async () => {
  app = await openApp();
});
afterAll(async () => {
  await app?.close();
});

const TITLE = 'E2E: Payments toil audit';
const REVERSED = "My workstation seems to disappear out from under me while I'm working.";

const area = (page: Page, name: string) =>
  page.getByRole('navigation', { name: 'Areas' }).getByRole('link', { name, exact: true }).click();

async function shots(page: Page, name: string) {
  for (const [width, height] of [
    [1440, 900],
    [1024, 700],
  ] as const) {
    await page.setViewportSize({ width, height });
    await app.shot(`toil-${name}-${width}x${height}`);
  }
  await page.setViewportSize({ width: 1360, height: 860 });
}

describe('toil audits', () => {
  it('runs an audit with five responses typed by keyboard and compares it with an earlier one', async () => {
    const { page } = app;
    await loadDemo(page);
    await area(page, 'Toil audits');
    await page.getByRole('heading', { level: 1, name: 'Toil audits' }).waitFor();

    await page.getByRole('link', { name: '+ Run an audit' }).click();
    const form = page.getByRole('form', { name: 'Run a toil audit' });
    await form.getByLabel('Team').selectOption({ label: 'Payments' });
    await form.getByLabel('Title').fill(TITLE);
    await form.getByRole('button', { name: 'Run the audit' }).click();
    await page.getByRole('heading', { level: 2, name: TITLE }).waitFor();
    await expect.poll(() => page.getByText('No response yet').count()).toBe(1);

    // The grid's columns, in template order: questions take words and Tab, statements a digit.
    const headers = await page.locator('.toil-grid thead th').allTextContents();
    const columns = headers.slice(1);
    expect(columns.filter((c) => c.startsWith('S'))).toHaveLength(21);
    expect(columns.filter((c) => c.startsWith('Q'))).toHaveLength(6);
    const reversedCode =
      columns[
        (await page
          .locator('.toil-grid thead th')
          .evaluateAll((ths, text) => ths.findIndex((th) => th.getAttribute('title') === text), REVERSED)) - 1
      ]!;

    await page.getByRole('textbox', { name: 'Respondent 1: What are we making?' }).focus();
    for (let r = 0; r < 5; r++) {
      for (const code of columns) {
        if (code.startsWith('Q')) {
          await page.keyboard.type(`Answer ${r + 1} to ${code}`);
          await page.keyboard.press('Tab');
        } else if (code === 'S1' && r === 0) await page.keyboard.press('n');
        else await page.keyboard.press(code === reversedCode ? '2' : '4');
      }
    }
    await page.keyboard.press('Control+Enter');
    await page.getByText('Added 5 responses to').first().waitFor();

    // Results: every statement 4.0 (the reversed one answered 2, scored 6 − 2), S1 with one N/A.
    const results = page.locator('table.toil-results');
    await results.waitFor();
    await expect
      .poll(() => page.locator('.toil-audit p').filter({ hasText: 'Overall score' }).textContent())
      .toContain('4.0');
    const reversedRow = results.locator('tr', { hasText: REVERSED });
    expect(await reversedRow.locator('td').nth(1).textContent()).toBe('4.0');
    const first = results.locator('tr', {
      hasText: "We have a strong vision for our product, and we're doing important work together",
    });
    expect(await first.locator('td').nth(3).textContent()).toBe('4');
    expect(await first.locator('td').nth(4).textContent()).toBe('1');
    expect(await page.locator('.toil-question li', { hasText: 'Answer 3 to Q2' }).count()).toBe(1);
    await shots(page, 'audit');

    // Compare with the team's audit before onboarding, by keyboard: choose, Tab, Enter.
    const pick = page.getByRole('combobox', { name: 'Compare with' });
    const before = await pick
      .locator('option', { hasText: 'Payments: before onboarding' })
      .getAttribute('value');
    await pick.selectOption(before!);
    await pick.focus();
    await page.keyboard.press('Tab');
    await page.keyboard.press('Enter');
    const reading = page.locator('.toil-compare .toil-reading');
    await reading.waitFor();
    const text = (await reading.textContent()) ?? '';
    const improved = Number(/^(\d+) statements? improved/.exec(text)?.[1]);
    expect(improved).toBeGreaterThan(10);
    expect(await page.locator('.toil-compare .verdict-improved').count()).toBe(improved);
    expect(text).toContain('to 4.0');
    await shots(page, 'compare');

    // The heat map now reads Payments from the new audit.
    await page.goto(`${app.baseURL}#/toil/heatmap`);
    const payments = page.locator('.toil-heat-table tbody tr', { hasText: 'Payments' });
    await payments.waitFor();
    expect(await payments.locator('td').nth(1).textContent()).toBe('4.0');
    await shots(page, 'heatmap');

    // Delete one response: 4 left, below the threshold, and the results hide.
    await area(page, 'Toil audits');
    await page.getByRole('link', { name: TITLE }).click();
    await page.locator('.toil-responses summary').click();
    await page.getByRole('button', { name: 'Delete response 5' }).click();
    await page.getByText('1 more response needed').waitFor();
    expect(await page.locator('table.toil-results').count()).toBe(0);
    expect(await page.locator('.toil-question').count()).toBe(0);

    expect(app.errors).toEqual([]);
  });
});
