/**
 * `npm start` (after `npm run build`): opens the Electron window when the Electron binary is
 * installed; where it is not (machines that cannot download it), says so in one line and
 * serves the same built renderer on 127.0.0.1 with Vite's preview server until Ctrl+C.
 */
import { spawn } from 'node:child_process';
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import {
  NOT_BUILT_MESSAGE,
  choosePort,
  fallbackMessage,
  findElectronBinary,
  rendererBuilt,
  shellBuilt,
} from './launch-lib.mjs';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');

function runElectron(binary) {
  if (!shellBuilt(root) || !rendererBuilt(root)) {
    console.error(NOT_BUILT_MESSAGE);
    process.exit(1);
  }
  const env = { ...process.env };
  // Set by some tools; it would make the binary behave as plain Node instead of opening the app.
  delete env.ELECTRON_RUN_AS_NODE;
  const child = spawn(binary, [root], { stdio: 'inherit', env });
  for (const signal of ['SIGINT', 'SIGTERM']) {
    process.on(signal, () => child.kill(signal));
  }
  child.on('error', (error) => {
    console.error(`Could not start Electron (${binary}): ${error.message}`);
    process.exit(1);
  });
  child.on('exit', (code, signal) => process.exit(code ?? (signal ? 1 : 0)));
}

async function serveInBrowser() {
  if (!rendererBuilt(root)) {
    console.error(NOT_BUILT_MESSAGE);
    process.exit(1);
  }
  const { preview } = await import('vite');
  // No config file: preview only needs the built folder, given absolutely so the working
  // directory does not matter (vite.config.ts resolves its root relative to it).
  const server = await preview({
    root,
    configFile: false,
    build: { outDir: resolve(root, 'dist', 'renderer') },
    logLevel: 'warn',
    // strictPort false: when the port is taken, Vite moves on to the next free one.
    preview: { host: '127.0.0.1', port: choosePort(process.env), strictPort: false, open: false },
  });
  const address = server.httpServer.address();
  const port = address && typeof address === 'object' ? address.port : choosePort(process.env);
  console.log(fallbackMessage(`http://127.0.0.1:${port}/`));
  const stop = () => {
    server.close().finally(() => process.exit(0));
  };
  process.once('SIGINT', stop);
  process.once('SIGTERM', stop);
}

const electron = findElectronBinary(root);
if (electron.found) runElectron(electron.path);
else await serveInBrowser();
