// The app:// scheme: it serves the built renderer, with the right types and the CSP, and never
// anything outside dist/renderer.
import { mkdtempSync, mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeEach, describe, expect, it, vi } from 'vitest';
import { protocol, resetElectron } from './fake-electron';

vi.mock('electron', () => import('./fake-electron'));

const { createBundleHandler, registerAppScheme, resolveBundleFile } =
  await import('../../electron/main/protocol');
const { CONTENT_SECURITY_POLICY } = await import('../../electron/main/security');

const sandbox = mkdtempSync(join(tmpdir(), 'pat-protocol-'));
const root = join(sandbox, 'renderer');
mkdirSync(join(root, 'assets'), { recursive: true });
writeFileSync(join(root, 'index.html'), '<!doctype html><title>app</title>');
writeFileSync(join(root, 'assets', 'app.js'), 'console.log(1)');
writeFileSync(join(sandbox, 'secret.txt'), 'outside the bundle');
afterAll(() => rmSync(sandbox, { recursive: true, force: true }));

const serve = createBundleHandler(root);

describe('the app scheme', () => {
  beforeEach(() => resetElectron());

  it('is registered as standard, secure and fetch-capable', () => {
    registerAppScheme();
    expect(protocol.registerSchemesAsPrivileged).toHaveBeenCalledWith([
      { scheme: 'app', privileges: { standard: true, secure: true, supportFetchAPI: true } },
    ]);
  });

  it('maps URLs to files inside the bundle', () => {
    expect(resolveBundleFile(root, 'app://bundle/')).toEqual({
      kind: 'file',
      path: join(root, 'index.html'),
    });
    expect(resolveBundleFile(root, 'app://bundle/assets/app.js?v=1#x')).toEqual({
      kind: 'file',
      path: join(root, 'assets', 'app.js'),
    });
  });

  it('refuses paths that climb out of the bundle, encoded or not', () => {
    for (const url of [
      'app://bundle/..%2fsecret.txt',
      'app://bundle/assets/..%2f..%2fsecret.txt',
      'app://bundle/%2e%2e%5csecret.txt',
      'app://bundle/%00index.html',
      'app://bundle/%E0%A4%A',
    ]) {
      expect(resolveBundleFile(root, url).kind, url).toBe('forbidden');
    }
    // ../ and %2e%2e/ as whole segments are resolved by URL parsing itself, so they stay inside.
    for (const url of ['app://bundle/../../secret.txt', 'app://bundle/%2e%2e/secret.txt']) {
      expect(resolveBundleFile(root, url)).toEqual({ kind: 'file', path: join(root, 'secret.txt') });
    }
  });

  it('serves nothing for other hosts or schemes', () => {
    expect(resolveBundleFile(root, 'app://elsewhere/index.html').kind).toBe('not-found');
    expect(resolveBundleFile(root, 'https://bundle/index.html').kind).toBe('not-found');
  });
});

describe('the bundle handler', () => {
  // The handler reads request.url; Node's Request only accepts http(s) URLs, so build requests by hand.
  const request = (url: string, method = 'GET') => ({ url, method }) as Request;

  it('serves index.html with its type and the content security policy', async () => {
    const response = await serve(request('app://bundle/index.html'));
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toBe('text/html; charset=utf-8');
    expect(response.headers.get('content-security-policy')).toBe(CONTENT_SECURITY_POLICY);
    expect(response.headers.get('x-content-type-options')).toBe('nosniff');
    expect(await response.text()).toContain('<title>app</title>');
  });

  it('serves scripts as JavaScript', async () => {
    const response = await serve(request('app://bundle/assets/app.js'));
    expect(response.headers.get('content-type')).toBe('text/javascript; charset=utf-8');
    expect(await response.text()).toBe('console.log(1)');
  });

  it('answers 403 for traversal and 404 for missing files', async () => {
    expect((await serve(request('app://bundle/..%2fsecret.txt'))).status).toBe(403);
    expect((await serve(request('app://bundle/missing.js'))).status).toBe(404);
    expect((await serve(request('app://bundle/assets'))).status).toBe(404);
  });

  it('only reads: other methods are refused', async () => {
    expect((await serve(request('app://bundle/index.html', 'POST'))).status).toBe(405);
    const head = await serve(request('app://bundle/index.html', 'HEAD'));
    expect(head.status).toBe(200);
    expect(await head.text()).toBe('');
  });
});
