/**
 * The decisions behind `npm start` (electron/launch.mjs), as small functions the tests can call:
 * where the Electron binary is (found without loading the electron package, which would try to
 * download it), which port the browser fallback uses, and what to tell the user.
 */
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

export const DEFAULT_PORT = 4173;

/**
 * Finds the Electron executable the way the `electron` package does (path.txt names it inside
 * dist/, ELECTRON_OVERRIDE_DIST_PATH replaces dist/), but never downloads anything.
 *
 * @param {string} root the project root (holds node_modules)
 * @param {{ env?: NodeJS.ProcessEnv, exists?: (path: string) => boolean, read?: (path: string) => string }} [io]
 * @returns {{ found: true, path: string } | { found: false, reason: string }}
 */
export function findElectronBinary(root, io = {}) {
  const env = io.env ?? process.env;
  const exists = io.exists ?? existsSync;
  const read = io.read ?? ((path) => readFileSync(path, 'utf8'));
  const packageDir = join(root, 'node_modules', 'electron');
  const pathFile = join(packageDir, 'path.txt');
  let executable = null;
  if (exists(pathFile)) {
    try {
      executable = read(pathFile).trim() || null;
    } catch {
      executable = null;
    }
  }
  const override = env.ELECTRON_OVERRIDE_DIST_PATH;
  if (override) {
    const path = join(override, executable ?? 'electron');
    return exists(path) ? { found: true, path } : { found: false, reason: `${path} does not exist` };
  }
  if (!executable)
    return { found: false, reason: `${pathFile} is missing (the binary was never downloaded)` };
  const path = join(packageDir, 'dist', executable);
  return exists(path) ? { found: true, path } : { found: false, reason: `${path} does not exist` };
}

/**
 * The port for the browser fallback: PORT when it is a valid port number, else 4173.
 *
 * @param {NodeJS.ProcessEnv} env
 * @returns {number}
 */
export function choosePort(env) {
  const raw = env.PORT?.trim();
  if (raw && /^\d+$/.test(raw)) {
    const port = Number(raw);
    if (port >= 1 && port <= 65535) return port;
  }
  return DEFAULT_PORT;
}

/**
 * Whether the renderer has been built (the fallback serves dist/renderer as is).
 *
 * @param {string} root
 * @param {(path: string) => boolean} [exists]
 */
export function rendererBuilt(root, exists = existsSync) {
  return exists(join(root, 'dist', 'renderer', 'index.html'));
}

/**
 * Whether the shell has been built (package.json "main" points at dist/electron/main.cjs).
 *
 * @param {string} root
 * @param {(path: string) => boolean} [exists]
 */
export function shellBuilt(root, exists = existsSync) {
  return (
    exists(join(root, 'dist', 'electron', 'main.cjs')) &&
    exists(join(root, 'dist', 'electron', 'preload.cjs'))
  );
}

/**
 * The one line printed when there is no Electron binary.
 *
 * @param {string} url
 */
export function fallbackMessage(url) {
  return `The Electron binary is not installed on this machine, so the same app is being served on ${url} instead: open it in a browser (Ctrl+C stops it).`;
}

export const NOT_BUILT_MESSAGE =
  'The app is not built yet: run `npm run build` first (or just `npm start`, which builds).';
