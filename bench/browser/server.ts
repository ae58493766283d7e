/**
 * Serves the production build (dist/renderer) with `vite preview` on a free loopback port, as
 * the end-to-end tests do, plus two files of the benchmark's own under /__bench__/: the
 * workspace backup (for the raw IndexedDB baseline, which writes the same records) and an empty
 * page on which the page script draws the first screen's data straight from IndexedDB.
 */
import { createReadStream, existsSync, statSync } from 'node:fs';
import { resolve } from 'node:path';
import { preview, type Plugin } from 'vite';

export const ROOT = resolve(import.meta.dirname, '../..');
export const DIST = resolve(ROOT, 'dist/renderer');

export interface BenchServer {
  baseURL: string;
  workspaceURL: string;
  rawFirstScreenURL: string;
  close(): Promise<void>;
}

function benchFiles(workspacePath: string): Plugin {
  return {
    name: 'bench-files',
    configurePreviewServer(server) {
      server.middlewares.use((req, res, next) => {
        const path = (req.url ?? '').split('?')[0];
        if (path === '/__bench__/workspace.json') {
          res.writeHead(200, {
            'Content-Type': 'application/json',
            'Content-Length': statSync(workspacePath).size,
            'Cache-Control': 'no-store',
          });
          createReadStream(workspacePath).pipe(res);
        } else if (path === '/__bench__/raw-first-screen.html') {
          res.writeHead(200, { 'Content-Type': 'text/html; charset=utf-8' });
          res.end('<!doctype html><html lang="en"><head><title>raw</title></head><body></body></html>');
        } else next();
      });
    },
  };
}

/** `port` 0 takes a free one; a fixed port keeps the origin, and so a kept profile's IndexedDB. */
export async function startServer(workspacePath: string, port = 0): Promise<BenchServer> {
  if (!existsSync(resolve(DIST, 'index.html')))
    throw new Error('dist/renderer is not built: run `npx vite build`.');
  const server = await preview({
    root: resolve(ROOT, 'renderer'),
    configFile: resolve(ROOT, 'vite.config.ts'),
    logLevel: 'warn',
    plugins: [benchFiles(workspacePath)],
    preview: { host: '127.0.0.1', port, strictPort: port !== 0, open: false },
  });
  const address = server.httpServer.address();
  if (!address || typeof address === 'string') throw new Error('The preview server has no port');
  const baseURL = `http://127.0.0.1:${address.port}/`;
  return {
    baseURL,
    workspaceURL: `${baseURL}__bench__/workspace.json`,
    rawFirstScreenURL: `${baseURL}__bench__/raw-first-screen.html`,
    close: () => server.close(),
  };
}
