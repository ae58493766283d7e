/**
 * Serves the built renderer (dist/renderer) on 127.0.0.1 for the end-to-end tests, exactly as a
 * user's browser would get it, and hands the URL and the Chromium path to the tests.
 */
import { existsSync } from 'node:fs';
import { resolve } from 'node:path';
import { preview } from 'vite';
import type { TestProject } from 'vitest/node';
import { findChromium, NO_CHROMIUM_MESSAGE } from './browser';

declare module 'vitest' {
  export interface ProvidedContext {
    baseURL: string;
    chromiumPath: string;
  }
}

export default async function setup(project: TestProject) {
  const chromiumPath = findChromium();
  if (!chromiumPath) throw new Error(NO_CHROMIUM_MESSAGE);
  const root = resolve(import.meta.dirname, '../..');
  if (!existsSync(resolve(root, 'dist/renderer/index.html'))) {
    throw new Error(
      'dist/renderer is not built: run `npm run test:e2e` (it builds first) or `npx vite build`.',
    );
  }
  const server = await preview({
    // The config's own root is renderer/; build.outDir (../dist/renderer) resolves against it.
    root: resolve(root, 'renderer'),
    configFile: resolve(root, 'vite.config.ts'),
    logLevel: 'warn',
    preview: { host: '127.0.0.1', port: 0, strictPort: false, open: false },
  });
  const address = server.httpServer.address();
  if (!address || typeof address === 'string') throw new Error('The preview server has no port');
  project.provide('baseURL', `http://127.0.0.1:${address.port}/`);
  project.provide('chromiumPath', chromiumPath);
  return async () => {
    await server.close();
  };
}
