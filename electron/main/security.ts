/**
 * The shell's security policy, in one place: what the page may load (CSP), where it may
 * navigate (only within the app), which windows it may open (none), and which permissions it
 * gets (none). Installed before the first window exists so every web contents is covered.
 */
import type { App, Event, Session, WebContents } from 'electron';
import { isAppUrl } from './origin';

/**
 * Same policy as the meta tag in renderer/index.html (a test keeps them equal): everything from
 * the app's own origin only, no eval, no remote origins, no inline styles or scripts. React and
 * Recharts set styles through the CSSOM (element.style), which the policy does not block; the
 * end-to-end tests fail on any securitypolicyviolation while using every area.
 */
export const CONTENT_SECURITY_POLICY =
  "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data: blob:; font-src 'self'; connect-src 'self'; object-src 'none'; base-uri 'none'; form-action 'none'; frame-ancestors 'none'";

interface NavigationEvent {
  url: string;
  preventDefault(): void;
}

/** A navigation listener that lets the page move within the app and stops everything else. */
export function guardNavigation(entry: string): (event: NavigationEvent) => void {
  return (event) => {
    if (!isAppUrl(event.url, entry)) event.preventDefault();
  };
}

/**
 * Every new window is denied. The app is offline-first and links nowhere outside itself, so
 * there is nothing to hand to the system browser either; not calling shell.openExternal at all
 * removes the classic "page asks the OS to open a crafted URL" hole instead of filtering it.
 */
export function denyWindowOpen(): { action: 'deny' } {
  return { action: 'deny' };
}

/** Locks down one web contents: navigation, redirects, new windows and <webview> attachment. */
export function hardenWebContents(contents: WebContents, entry: string): void {
  const guard = guardNavigation(entry);
  contents.on('will-navigate', (event) => guard(event));
  contents.on('will-redirect', (event) => guard(event));
  contents.setWindowOpenHandler(denyWindowOpen);
  contents.on('will-attach-webview', (event: Event) => {
    // webviewTag is off in the window's preferences; this also stops any that slip through.
    event.preventDefault();
  });
}

/** Applies `hardenWebContents` to every web contents the app ever creates. */
export function hardenAllWebContents(app: App, entry: string): void {
  app.on('web-contents-created', (_event, contents) => hardenWebContents(contents, entry));
}

/**
 * Session-wide policy: refuse every permission request and check (camera, notifications,
 * geolocation, clipboard reads, ...), refuse device access, and add the CSP header to every
 * http(s) response (the dev server; the app scheme sets it in protocol.ts).
 */
export function hardenSession(session: Session): void {
  session.setPermissionRequestHandler((_contents, _permission, callback) => callback(false));
  session.setPermissionCheckHandler(() => false);
  session.setDevicePermissionHandler(() => false);
  session.webRequest.onHeadersReceived((details, callback) => {
    callback({
      responseHeaders: {
        ...details.responseHeaders,
        // Spelled out rather than CONTENT_SECURITY_POLICY so electronegativity's CSP check can
        // read and evaluate the real policy; a test keeps it equal to the constant.
        'Content-Security-Policy': [
          "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data: blob:; font-src 'self'; connect-src 'self'; object-src 'none'; base-uri 'none'; form-action 'none'; frame-ancestors 'none'",
        ],
      },
    });
  });
}
