/**
 * How the built renderer is served over HTTP, by `npm start`'s browser fallback (launch.mjs) and by
 * `vite preview` with vite.config.ts (the end-to-end tests and the benchmark): one setup, so the
 * benchmark measures the starts a user of the fallback gets.
 *
 * Vite's preview server asks the browser to revalidate every file on every start. Files under
 * assets/ carry a hash of their content in their name, so they never change: marked immutable, as
 * any static host serves a Vite build, a second start reads them from the browser's cache instead
 * of asking the server about each of its chunks, six at a time. Plain JavaScript, so `npm start`
 * runs it without a build step.
 */
import { existsSync } from 'node:fs';
import { resolve } from 'node:path';

export const IMMUTABLE = 'public, max-age=31536000, immutable';

/** A Vite plugin: the preview server marks the build's hashed assets immutable. */
export function cacheHashedAssets() {
  return {
    name: 'cache-hashed-assets',
    configurePreviewServer(server) {
      const outDir = resolve(server.config.root, server.config.build.outDir);
      server.middlewares.use((req, res, next) => {
        const path = (req.url ?? '').split('?')[0];
        // Only a built file: a missing one falls back to index.html, which must not be kept.
        if (path.startsWith('/assets/') && existsSync(resolve(outDir, `.${path}`))) {
          const writeHead = res.writeHead.bind(res);
          // sirv sets Cache-Control: no-cache, through setHeader or in writeHead's own headers
          // (which outrank setHeader): this replaces it in both.
          res.writeHead = (status, ...rest) => {
            if (status === 200) {
              res.setHeader('Cache-Control', IMMUTABLE);
              for (const arg of rest)
                if (typeof arg === 'object' && arg !== null && !Array.isArray(arg))
                  arg['Cache-Control'] = IMMUTABLE;
            }
            return writeHead(status, ...rest);
          };
        }
        next();
      });
    },
  };
}
