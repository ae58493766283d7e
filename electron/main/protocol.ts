/**
 * Serves the built renderer (dist/renderer) from the privileged `app://bundle/` scheme.
 *
 * Why not file://: a file:// page can read any file the user can, and its origin is opaque, so
 * IndexedDB data would hang off an unstable origin. A standard + secure custom scheme behaves
 * like https (stable origin, secure context, fetch works) while only ever exposing the files of
 * the bundle. Requests that resolve outside dist/renderer (path traversal, encoded or not) get a
 * 403 and never touch the disk.
 */
import { readFile } from 'node:fs/promises';
import { extname, isAbsolute, join, relative, resolve, sep } from 'node:path';
import { protocol, type Session } from 'electron';
import { APP_HOST, APP_SCHEME } from './origin';
import { CONTENT_SECURITY_POLICY } from './security';

const MIME_TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.jpg': 'image/jpeg',
  '.jpeg': 'image/jpeg',
  '.gif': 'image/gif',
  '.webp': 'image/webp',
  '.ico': 'image/x-icon',
  '.woff': 'font/woff',
  '.woff2': 'font/woff2',
  '.ttf': 'font/ttf',
  '.txt': 'text/plain; charset=utf-8',
  '.map': 'application/json; charset=utf-8',
  '.wasm': 'application/wasm',
};

/**
 * Must run before the app is ready: Chromium fixes scheme privileges at start-up.
 * `standard` gives the scheme real origins (and so IndexedDB/localStorage), `secure` makes it a
 * secure context, `supportFetchAPI` lets the page fetch its own assets.
 */
export function registerAppScheme(): void {
  protocol.registerSchemesAsPrivileged([
    { scheme: APP_SCHEME, privileges: { standard: true, secure: true, supportFetchAPI: true } },
  ]);
}

export type BundleLookup = { kind: 'file'; path: string } | { kind: 'forbidden' } | { kind: 'not-found' };

/**
 * Maps an `app://bundle/...` URL to a file inside `root`, or says why it may not be served.
 * Decodes percent-escapes before resolving, so `%2e%2e%2f` cannot climb out either.
 */
export function resolveBundleFile(root: string, requestUrl: string): BundleLookup {
  let url: URL;
  try {
    url = new URL(requestUrl);
  } catch {
    return { kind: 'not-found' };
  }
  if (url.protocol !== `${APP_SCHEME}:` || url.host !== APP_HOST) return { kind: 'not-found' };
  let pathname: string;
  try {
    pathname = decodeURIComponent(url.pathname);
  } catch {
    return { kind: 'forbidden' };
  }
  // No bundle file has a NUL or a backslash in its name; on Windows a backslash is a separator.
  if (pathname.includes('\0') || pathname.includes('\\')) return { kind: 'forbidden' };
  const relativePath = pathname === '/' || pathname === '' ? 'index.html' : pathname.replace(/^\/+/, '');
  const base = resolve(root);
  const file = resolve(join(base, relativePath));
  const inside = relative(base, file);
  if (inside === '' || inside.startsWith(`..${sep}`) || inside === '..' || isAbsolute(inside)) {
    return { kind: 'forbidden' };
  }
  return { kind: 'file', path: file };
}

/** The request handler for the app scheme, serving files from `root` (dist/renderer). */
export function createBundleHandler(root: string): (request: Request) => Promise<Response> {
  return async (request) => {
    if (request.method !== 'GET' && request.method !== 'HEAD') {
      return new Response('Method not allowed', { status: 405 });
    }
    const lookup = resolveBundleFile(root, request.url);
    if (lookup.kind === 'forbidden') return new Response('Forbidden', { status: 403 });
    if (lookup.kind === 'not-found') return new Response('Not found', { status: 404 });
    let body: Buffer;
    try {
      body = await readFile(lookup.path);
    } catch {
      return new Response('Not found', { status: 404 });
    }
    return new Response(request.method === 'HEAD' ? null : new Uint8Array(body), {
      status: 200,
      headers: {
        'Content-Type': MIME_TYPES[extname(lookup.path).toLowerCase()] ?? 'application/octet-stream',
        // webRequest header hooks do not reliably run for custom schemes, so the policy travels
        // with every response the bundle serves (the page's meta tag carries the same policy).
        'Content-Security-Policy': CONTENT_SECURITY_POLICY,
        'X-Content-Type-Options': 'nosniff',
        'Cache-Control': 'no-cache',
      },
    });
  };
}

/** Serves `root` on the app scheme for `session` (call once the app is ready). */
export function serveBundle(session: Session, root: string): void {
  session.protocol.handle(APP_SCHEME, createBundleHandler(root));
}
