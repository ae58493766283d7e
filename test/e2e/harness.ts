/**
 * Opens the built app in a fresh headless Chromium (its own empty IndexedDB), and collects the
 * page's errors so a test can insist there were none. `shot(name)` saves a screenshot under
 * test-results/screenshots/ to look at.
 */
import { mkdirSync } from 'node:fs';
import { resolve } from 'node:path';
import { chromium, type Browser, type BrowserContext, type Page } from 'playwright-core';
import { inject } from 'vitest';
import { CHROMIUM_ARGS } from './browser';

export const SCREENSHOT_DIR = resolve(import.meta.dirname, '../../test-results/screenshots');

export interface OpenedApp {
  page: Page;
  context: BrowserContext;
  browser: Browser;
  baseURL: string;
  /** Uncaught page errors and console errors seen so far. */
  errors: string[];
  shot(name: string): Promise<string>;
  close(): Promise<void>;
}

export async function openApp(
  options: { colorScheme?: 'light' | 'dark'; path?: string } = {},
): Promise<OpenedApp> {
  const baseURL = inject('baseURL');
  const browser = await chromium.launch({
    executablePath: inject('chromiumPath'),
    args: CHROMIUM_ARGS,
    headless: true,
  });
  const context = await browser.newContext({
    viewport: { width: 1360, height: 860 },
    colorScheme: options.colorScheme ?? 'light',
    acceptDownloads: true,
  });
  const page = await context.newPage();
  const errors: string[] = [];
  page.on('pageerror', (e) => errors.push(`pageerror: ${e.message}`));
  page.on('console', (m) => {
    if (m.type() === 'error') errors.push(`console: ${m.text()}`);
  });
  // Offline-first: the app must never reach the network beyond its own origin.
  await context.route('**/*', (route) =>
    route.request().url().startsWith(baseURL) ? route.continue() : route.abort('blockedbyclient'),
  );
  await page.goto(new URL(options.path ?? '', baseURL).toString());
  mkdirSync(SCREENSHOT_DIR, { recursive: true });
  return {
    page,
    context,
    browser,
    baseURL,
    errors,
    async shot(name) {
      const file = resolve(SCREENSHOT_DIR, `${name}.png`);
      await page.screenshot({ path: file, fullPage: true });
      return file;
    },
    async close() {
      await browser.close();
    },
  };
}
