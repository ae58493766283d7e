/**
 * Where the app's pages come from, and the one test of whether a URL belongs to the app.
 *
 * Packaged and `npm start` builds load the renderer from the privileged `app://bundle/` scheme
 * (see protocol.ts), never from file://: a custom standard scheme gives IndexedDB a stable,
 * secure origin and keeps file:// (the whole disk) out of reach of the page. During development
 * (`VITE_DEV_SERVER_URL` set by the dev script) the page comes from Vite's server on loopback.
 * Navigation guards and the IPC sender check both ask `isAppUrl`, so they cannot disagree.
 */

export const APP_SCHEME = 'app';
export const APP_HOST = 'bundle';
/** The page the window opens when the built renderer is served from the app scheme. */
export const BUNDLE_ENTRY_URL = `${APP_SCHEME}://${APP_HOST}/index.html`;

const LOOPBACK_HOSTS = new Set(['127.0.0.1', 'localhost', '[::1]']);

/**
 * The dev server URL, when one is configured and safe to trust: http(s) on a loopback host
 * only, so an environment variable can never point the privileged window at a remote site.
 * Packaged builds ignore it altogether.
 */
export function devServerUrl(env: NodeJS.ProcessEnv, isPackaged: boolean): string | null {
  const raw = env.VITE_DEV_SERVER_URL;
  if (isPackaged || !raw) return null;
  const url = parseUrl(raw);
  if (!url || (url.protocol !== 'http:' && url.protocol !== 'https:')) return null;
  if (!LOOPBACK_HOSTS.has(url.hostname)) return null;
  return url.toString();
}

/** The URL the main window loads: the dev server in development, the bundled renderer otherwise. */
export function entryUrl(env: NodeJS.ProcessEnv = process.env, isPackaged = false): string {
  return devServerUrl(env, isPackaged) ?? BUNDLE_ENTRY_URL;
}

/**
 * Whether `url` is a page of the app whose entry is `entry`: same scheme, host and port.
 * Compared field by field because `URL.origin` is the opaque "null" for custom schemes in Node.
 */
export function isAppUrl(url: string | undefined | null, entry: string): boolean {
  if (!url) return false;
  const candidate = parseUrl(url);
  const app = parseUrl(entry);
  if (!candidate || !app) return false;
  return candidate.protocol === app.protocol && candidate.host === app.host && candidate.host !== '';
}

function parseUrl(value: string): URL | null {
  try {
    return new URL(value);
  } catch {
    return null;
  }
}
