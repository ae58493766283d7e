// Builds the renderer: the React app that runs in Electron's window and, unchanged, in a plain browser.
import { readFileSync } from 'node:fs';
import { defineConfig, type Plugin } from 'vite';
import react from '@vitejs/plugin-react';
// `vite preview` (the end-to-end tests, the benchmark) serves the build as `npm start`'s fallback does.
import { cacheHashedAssets } from './electron/preview-cache.mjs';

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
