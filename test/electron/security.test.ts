// The shell's security policy: navigation stays inside the app, new windows are denied,
// webviews are refused, permissions are refused, and the CSP matches the page's own.
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import type { App, Session, WebContents } from 'electron';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { FakeWebContents, app, resetElectron } from './fake-electron';

vi.mock('electron', () => import('./fake-electron'));

const { BUNDLE_ENTRY_URL, devServerUrl, entryUrl, isAppUrl } = await import('../../electron/main/origin');
const { CONTENT_SECURITY_POLICY, hardenAllWebContents, hardenSession } =
  await import('../../electron/main/security');

function navigationEvent(url: string) {
  return { url, preventDefault: vi.fn() };
}

/** A web contents created after the policy was installed, as Electron would announce it. */
function createdContents(entry = BUNDLE_ENTRY_URL): FakeWebContents {
  hardenAllWebContents(app as unknown as App, entry);
  const contents = new FakeWebContents();
  app.emit('web-contents-created', {}, contents as unknown as WebContents);
  return contents;
}

function fakeSession() {
  const recorded: {
    request?: (contents: unknown, permission: string, callback: (granted: boolean) => void) => void;
    check?: (...args: unknown[]) => boolean;
    device?: (...args: unknown[]) => boolean;
    headers?: (
      details: { responseHeaders?: Record<string, string[]> },
      callback: (response: { responseHeaders?: Record<string, string[]> }) => void,
    ) => void;
  } = {};
  const session = {
    setPermissionRequestHandler: (h: typeof recorded.request) => (recorded.request = h),
    setPermissionCheckHandler: (h: typeof recorded.check) => (recorded.check = h),
    setDevicePermissionHandler: (h: typeof recorded.device) => (recorded.device = h),
    webRequest: { onHeadersReceived: (h: typeof recorded.headers) => (recorded.headers = h) },
  };
  hardenSession(session as unknown as Session);
  return recorded;
}

describe('navigation', () => {
  beforeEach(() => resetElectron());

  it('prevents navigation to another origin', () => {
    const contents = createdContents();
    for (const url of [
      'https://example.com/',
      'http://127.0.0.1:5173/',
      'file:///etc/passwd',
      'app://other/index.html',
    ]) {
      const event = navigationEvent(url);
      contents.emit('will-navigate', event);
      expect(event.preventDefault, url).toHaveBeenCalled();
    }
  });

  it('allows navigation within the app', () => {
    const contents = createdContents();
    const event = navigationEvent('app://bundle/index.html#/plan');
    contents.emit('will-navigate', event);
    expect(event.preventDefault).not.toHaveBeenCalled();
  });

  it('prevents redirects away from the app', () => {
    const contents = createdContents();
    const away = navigationEvent('https://example.com/phish');
    contents.emit('will-redirect', away);
    expect(away.preventDefault).toHaveBeenCalled();
    const within = navigationEvent('app://bundle/assets/app.js');
    contents.emit('will-redirect', within);
    expect(within.preventDefault).not.toHaveBeenCalled();
  });

  it('keeps a dev-server window on the dev server only', () => {
    const contents = createdContents('http://127.0.0.1:5173/');
    const same = navigationEvent('http://127.0.0.1:5173/#/apps');
    const otherPort = navigationEvent('http://127.0.0.1:5174/');
    contents.emit('will-navigate', same);
    contents.emit('will-navigate', otherPort);
    expect(same.preventDefault).not.toHaveBeenCalled();
    expect(otherPort.preventDefault).toHaveBeenCalled();
  });

  it('denies every window.open, wherever it points', () => {
    const contents = createdContents();
    for (const url of ['https://example.com/', 'app://bundle/index.html', 'about:blank']) {
      expect(contents.windowOpenHandler?.({ url })).toEqual({ action: 'deny' });
    }
  });

  it('refuses to attach a <webview>', () => {
    const contents = createdContents();
    const event = { preventDefault: vi.fn() };
    contents.emit('will-attach-webview', event, {}, { src: 'https://example.com/' });
    expect(event.preventDefault).toHaveBeenCalled();
  });
});

describe('where the app comes from', () => {
  it('uses the bundled renderer on the app scheme unless a dev server is configured', () => {
    expect(entryUrl({}, false)).toBe('app://bundle/index.html');
    expect(entryUrl({ VITE_DEV_SERVER_URL: 'http://127.0.0.1:5173/' }, false)).toBe('http://127.0.0.1:5173/');
  });

  it('trusts a dev server only on loopback, over http(s), and never in a packaged app', () => {
    expect(devServerUrl({ VITE_DEV_SERVER_URL: 'http://localhost:5173' }, false)).toBe(
      'http://localhost:5173/',
    );
    expect(devServerUrl({ VITE_DEV_SERVER_URL: 'https://example.com/' }, false)).toBeNull();
    expect(devServerUrl({ VITE_DEV_SERVER_URL: 'file:///tmp/index.html' }, false)).toBeNull();
    expect(devServerUrl({ VITE_DEV_SERVER_URL: 'not a url' }, false)).toBeNull();
    expect(devServerUrl({ VITE_DEV_SERVER_URL: 'http://127.0.0.1:5173/' }, true)).toBeNull();
  });

  it('compares scheme, host and port, not just a prefix', () => {
    expect(isAppUrl('app://bundle/x', BUNDLE_ENTRY_URL)).toBe(true);
    expect(isAppUrl('app://bundle.evil/x', BUNDLE_ENTRY_URL)).toBe(false);
    expect(isAppUrl('app://bundle@evil/x', BUNDLE_ENTRY_URL)).toBe(false);
    expect(isAppUrl('', BUNDLE_ENTRY_URL)).toBe(false);
    expect(isAppUrl(null, BUNDLE_ENTRY_URL)).toBe(false);
  });
});

describe('permissions and content security policy', () => {
  it('refuses every permission request', () => {
    const { request } = fakeSession();
    for (const permission of [
      'media',
      'geolocation',
      'notifications',
      'clipboard-read',
      'openExternal',
      'fullscreen',
    ]) {
      const callback = vi.fn();
      request?.({}, permission, callback);
      expect(callback, permission).toHaveBeenCalledWith(false);
    }
  });

  it('answers every permission check and device request with no', () => {
    const { check, device } = fakeSession();
    expect(check?.({}, 'media', 'app://bundle', {})).toBe(false);
    expect(check?.({}, 'clipboard-sanitized-write', 'app://bundle', {})).toBe(false);
    expect(device?.({ deviceType: 'usb', origin: 'app://bundle' })).toBe(false);
  });

  it('adds the policy to every http response, keeping the other headers', () => {
    const { headers } = fakeSession();
    const callback = vi.fn();
    headers?.({ responseHeaders: { 'Content-Type': ['text/html'] } }, callback);
    expect(callback).toHaveBeenCalledWith({
      responseHeaders: {
        'Content-Type': ['text/html'],
        'Content-Security-Policy': [CONTENT_SECURITY_POLICY],
      },
    });
  });

  it("allows only the app's own origin: no eval, no remote origins", () => {
    const directives = Object.fromEntries(
      CONTENT_SECURITY_POLICY.split(';').map((d) => {
        const [name, ...values] = d.trim().split(/\s+/);
        return [name, values];
      }),
    );
    expect(directives['default-src']).toEqual(["'self'"]);
    expect(directives['script-src']).toEqual(["'self'"]);
    expect(CONTENT_SECURITY_POLICY).not.toMatch(/unsafe-eval|https?:|\*/);
  });

  it('matches the policy in renderer/index.html (less frame-ancestors, which only a header can set)', () => {
    const html = readFileSync(resolve(import.meta.dirname, '../../renderer/index.html'), 'utf8');
    const meta = /http-equiv="Content-Security-Policy"\s+content="([^"]+)"/.exec(html);
    expect(meta?.[1]).toBe(CONTENT_SECURITY_POLICY.replace("; frame-ancestors 'none'", ''));
  });
});
