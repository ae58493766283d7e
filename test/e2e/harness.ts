/**
 * Opens the built app in a fresh headless Chromium (its own empty IndexedDB), and collects the
 * page's errors and Content-Security-Policy violations so a test can insist there were none.
 * `shot(name)` saves a screenshot under test-results/screenshots/ to look at.
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
  /** Uncaught page errors, console errors and CSP violations seen so far. */
  errors: string[];
  /**
   * Every `securitypolicyviolation` the page fired, from its first script on and across reloads
   * (also listed in `errors`): a violation the app catches, e.g. a probe of `new Function`, leaves
   * no console error but still reports to the policy.
   */
  cspViolations: string[];
  /** Every request the page tried to send anywhere but the app's own origin (all refused). */
  offOriginRequests: string[];
  shot(name: string): Promise<string>;
  close(): Promise<void>;
}

/** The page-side function the init script reports each CSP violation to. */
const CSP_BINDING = '__e2eReportCspViolation';

/** The fields of a SecurityPolicyViolationEvent the report names (this side has no DOM types). */
interface CspViolationEvent {
  effectiveDirective: string;
  blockedURI: string;
  sourceFile: string;
  lineNumber: number;
}

/** Runs in the page before any of its scripts: forwards every CSP violation to the test. */
function reportCspViolations(binding: string) {
  const page = globalThis as unknown as {
    document: { addEventListener(type: string, listener: (event: CspViolationEvent) => void): void };
  } & Record<string, ((violation: string) => void) | undefined>;
  page.document.addEventListener('securitypolicyviolation', (event) => {
    const where = event.sourceFile ? ` at ${event.sourceFile}:${event.lineNumber}` : '';
    page[binding]?.(`${event.effectiveDirective} blocked ${event.blockedURI || '(inline)'}${where}`);
  });
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
  const cspViolations: string[] = [];
  await context.exposeBinding(CSP_BINDING, (_source, violation: string) => {
    cspViolations.push(violation);
    errors.push(`csp: ${violation}`);
  });
  await context.addInitScript(reportCspViolations, CSP_BINDING);
  page.on('pageerror', (e) => errors.push(`pageerror: ${e.message}`));
  page.on('console', (m) => {
    if (m.type() === 'error') errors.push(`console: ${m.text()}`);
  });
  // Offline-first: the app must never reach the network beyond its own origin.
  const offOriginRequests: string[] = [];
  await context.route('**/*', (route) => {
    const url = route.request().url();
    if (url.startsWith(baseURL)) return route.continue();
    offOriginRequests.push(url);
    return route.abort('blockedbyclient');
  });
  await page.goto(new URL(options.path ?? '', baseURL).toString());
  mkdirSync(SCREENSHOT_DIR, { recursive: true });
  return {
    page,
    context,
    browser,
    baseURL,
    errors,
    cspViolations,
    offOriginRequests,
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
