// Builds the renderer: the React app that runs in Electron's window and, unchanged, in a plain browser.
import { existsSync, readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { defineConfig, type Plugin } from 'vite';
import react from '@vitejs/plugin-react';

// The version the browser build reports in `desktop.appInfo()` (renderer/desktop/browser.ts).
const { version } = JSON.parse(readFileSync(new URL('./package.json', import.meta.url), 'utf8')) as {
  version: string;
};

/**
 * The dev server only: React's hot reload injects an inline script, which the page's strict
 * Content-Security-Policy (script-src 'self') would block. The built app keeps the policy as is.
 */
function relaxCspForDevServer(): Plugin {
  return {
    name: 'relax-csp-for-dev-server',
    apply: 'serve',
    transformIndexHtml: (html) => html.replace(/\s*<meta\s+http-equiv="Content-Security-Policy"[^>]*>/s, ''),
  };
}

/**
 * `vite preview` with this config (what the end-to-end tests and the benchmark load;
 * electron/launch.mjs, `npm start`'s offline fallback, runs without a config file) asks the
 * browser to revalidate every file on every start. Files under assets/ carry a hash of their content in their name, so they never change:
 * marked immutable, as any static host serves a Vite build, a second start reads them from the
 * browser's cache instead of asking the server about each of its chunks, six at a time.
 */
const IMMUTABLE = 'public, max-age=31536000, immutable';

function cacheHashedAssets(): Plugin {
  return {
    name: 'cache-hashed-assets',
    configurePreviewServer(server) {
      const outDir = resolve(server.config.root, server.config.build.outDir);
      server.middlewares.use((req, res, next) => {
        const path = (req.url ?? '').split('?')[0]!;
        // Only a built file: a missing one falls back to index.html, which must not be kept.
        if (path.startsWith('/assets/') && existsSync(resolve(outDir, `.${path}`))) {
          const writeHead = res.writeHead.bind(res) as (...args: unknown[]) => typeof res;
          // sirv sets Cache-Control: no-cache, through setHeader or in writeHead's own headers
          // (which outrank setHeader): this replaces it in both.
          res.writeHead = ((status: number, ...rest: unknown[]) => {
            if (status === 200) {
              res.setHeader('Cache-Control', IMMUTABLE);
              for (const arg of rest)
                if (typeof arg === 'object' && arg !== null && !Array.isArray(arg))
                  (arg as Record<string, unknown>)['Cache-Control'] = IMMUTABLE;
            }
            return writeHead(status, ...rest);
          }) as typeof res.writeHead;
        }
        next();
      });
    },
  };
}

export default defineConfig({
  root: 'renderer',
  base: './',
  plugins: [react(), relaxCspForDevServer(), cacheHashedAssets()],
  define: { __APP_VERSION__: JSON.stringify(version) },
  build: {
    outDir: '../dist/renderer',
    emptyOutDir: true,
    target: 'es2022',
    chunkSizeWarningLimit: 2000,
    // Modules run in their source order across chunks, as they do on the dev server. main.tsx
    // imports shared/zod-config first so zod's settings precede every schema; without this the
    // bundle runs the shared chunk (zod and the schemas) before the entry's first import.
    rolldownOptions: { output: { strictExecutionOrder: true } },
  },
  server: { host: '127.0.0.1', port: 5173, strictPort: false },
  preview: { host: '127.0.0.1' },
});
