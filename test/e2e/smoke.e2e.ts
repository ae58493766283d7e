/**
 * The app as a first-time user meets it in a real browser: the welcome screen, no network
 * traffic beyond its own origin, no errors, and a strict Content-Security-Policy.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openApp, type OpenedApp } from './harness';

describe('first start', () => {
  let app: OpenedApp;
  const foreignRequests: string[] = [];

  beforeAll(async () => {
    app = await openApp();
    app.page.on('request', (r) => {
      if (!r.url().startsWith(app.baseURL) && !r.url().startsWith('data:') && !r.url().startsWith('blob:')) {
        foreignRequests.push(r.url());
      }
    });
  });
  afterAll(async () => {
    await app.close();
  });

  it('offers to create a program or load the demo program', async () => {
    const { page } = app;
    await expect.poll(() => page.getByRole('button', { name: /create a program/i }).count()).toBe(1);
    expect(await page.getByRole('button', { name: /load the demo program/i }).count()).toBe(1);
    await app.shot('01-welcome');
  });

  it('declares a Content-Security-Policy without unsafe-eval or remote origins', async () => {
    const csp = await app.page.locator('meta[http-equiv="Content-Security-Policy"]').getAttribute('content');
    expect(csp).toContain("default-src 'self'");
    expect(csp).not.toContain('unsafe-eval');
    expect(csp).not.toMatch(/https?:/);
  });

  it('makes no request outside its own origin, logs no error and breaks none of its CSP', async () => {
    await app.page.reload();
    await app.page.getByRole('button', { name: /create a program/i }).waitFor();
    expect(foreignRequests).toEqual([]);
    expect(app.cspViolations).toEqual([]);
    expect(app.errors).toEqual([]);
  });
});
