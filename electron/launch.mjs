/**
 * `npm start` (after the build): opens the Electron window. Electron 45 downloads its binary on
 * first use, not at `npm install`, so where it is missing this fetches it with the electron
 * package's own installer (progress shown, ELECTRON_DOWNLOAD_TIMEOUT seconds at most, 120 by
 * default) and then opens the window. Where that fails (offline, a firewall, too slow), it says so
 * in one line and serves the same built renderer on 127.0.0.1 (port PORT, 4173 by default) with
 * Vite's preview server until Ctrl+C.
 */
import { spawn } from 'node:child_process';
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import {
  NOT_BUILT_MESSAGE,
  chooseLaunch,
  electronVersion,
  fallbackMessage,
  progressDisplay,
  readSettings,
  rendererBuilt,
  runElectronInstaller,
  shellBuilt,
} from './launch-lib.mjs';
import { cacheHashedAssets } from './preview-cache.mjs';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');

function runElectron(binary) {
  if (!shellBuilt(root)) {
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

/** Vite, loaded at most once; started while a download runs so a failed one falls back sooner. */
let vite;
const loadVite = () => (vite ??= import('vite'));

async function serveInBrowser(port, reason) {
  const { preview } = await loadVite();
  // No config file: preview only needs the built folder, given absolutely so the working
  // directory does not matter (vite.config.ts resolves its root relative to it).
  const server = await preview({
    root,
    configFile: false,
    build: { outDir: resolve(root, 'dist', 'renderer') },
    logLevel: 'warn',
    // The build's hashed files kept by the browser, as the benchmark measures them.
    plugins: [cacheHashedAssets()],
    // strictPort false: when the port is taken, Vite moves on to the next free one.
    preview: { host: '127.0.0.1', port, strictPort: false, open: false },
  });
  const address = server.httpServer.address();
  const actual = address && typeof address === 'object' ? address.port : port;
  const stop = () => {
    server.close().finally(() => process.exit(0));
  };
  // Listen before saying where the app is: whoever reads that line may press Ctrl+C at once.
  process.once('SIGINT', stop);
  process.once('SIGTERM', stop);
  console.log(fallbackMessage(`http://127.0.0.1:${actual}/`, reason));
}

/** Fetches the binary with Electron's installer, showing progress on stderr; Ctrl+C stops it. */
async function download(limitSeconds) {
  const display = progressDisplay(process.stderr, {
    version: electronVersion(root) ?? '',
    limitSeconds,
  });
  let abortInstaller = () => {};
  const interrupt = (signal) => {
    display.finish();
    abortInstaller();
    process.exit(signal === 'SIGINT' ? 130 : 143);
  };
  process.once('SIGINT', interrupt);
  process.once('SIGTERM', interrupt);
  display.start();
  loadVite().catch(() => {}); // a real failure shows when serveInBrowser awaits it
  const started = Date.now();
  const result = await runElectronInstaller(root, {
    timeoutMs: limitSeconds * 1000,
    onProgress: (progress) => display.update(progress),
    onStart: (abort) => (abortInstaller = abort),
  });
  display.finish();
  process.off('SIGINT', interrupt);
  process.off('SIGTERM', interrupt);
  if (result.ok) {
    const seconds = Math.round((Date.now() - started) / 1000);
    console.error(`Downloaded the Electron binary in ${seconds} s; opening the window.`);
  }
  return result;
}

const settings = readSettings(process.env);
if (!settings.ok) {
  console.error(settings.problem);
  process.exit(1);
}
if (!rendererBuilt(root)) {
  console.error(NOT_BUILT_MESSAGE);
  process.exit(1);
}
const launch = await chooseLaunch(root, {
  env: process.env,
  install: () => download(settings.downloadTimeoutSeconds),
});
if (launch.kind === 'window') runElectron(launch.path);
else await serveInBrowser(settings.port, launch.reason);
