/**
 * The decisions behind `npm start` (electron/launch.mjs), as small functions the tests can call:
 * where the Electron binary is (found without loading the electron package, which would start a
 * download of its own with no time limit), fetching it with the electron package's own installer
 * under a time limit, which port the browser fallback uses, and what to tell the user.
 */
import { spawn } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, readdirSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

export const DEFAULT_PORT = 4173;

/** How long `npm start` lets Electron's installer fetch the binary before giving up (seconds). */
export const DEFAULT_DOWNLOAD_TIMEOUT_S = 120;

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
 * Reads the launcher's settings from the environment and refuses bad ones with a message that
 * says what is wrong: PORT (the browser fallback's port, 1–65535; unset or empty means 4173) and
 * ELECTRON_DOWNLOAD_TIMEOUT (whole seconds the first-run download may take; unset means 120).
 *
 * @param {NodeJS.ProcessEnv} env
 * @returns {{ ok: true, port: number, downloadTimeoutSeconds: number } | { ok: false, problem: string }}
 */
export function readSettings(env) {
  const port = env.PORT?.trim();
  if (port && !(/^\d+$/.test(port) && Number(port) >= 1 && Number(port) <= 65535)) {
    return {
      ok: false,
      problem: `PORT must be a whole number from 1 to 65535 (it is "${env.PORT}"): set it to a free port, or unset it to use ${DEFAULT_PORT}.`,
    };
  }
  const timeout = env.ELECTRON_DOWNLOAD_TIMEOUT?.trim();
  if (timeout && !(/^\d+$/.test(timeout) && Number(timeout) >= 1)) {
    return {
      ok: false,
      problem: `ELECTRON_DOWNLOAD_TIMEOUT must be a whole number of seconds, at least 1 (it is "${env.ELECTRON_DOWNLOAD_TIMEOUT}"): unset it to use ${DEFAULT_DOWNLOAD_TIMEOUT_S}.`,
    };
  }
  return {
    ok: true,
    port: port ? Number(port) : DEFAULT_PORT,
    downloadTimeoutSeconds: timeout ? Number(timeout) : DEFAULT_DOWNLOAD_TIMEOUT_S,
  };
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
 * The version of the installed electron package (read from its package.json, never loaded), or
 * null when the package is missing.
 *
 * @param {string} root
 * @returns {string | null}
 */
export function electronVersion(root) {
  try {
    return JSON.parse(readFileSync(join(root, 'node_modules', 'electron', 'package.json'), 'utf8')).version;
  } catch {
    return null;
  }
}

/**
 * What `npm start` does: open the window with the binary that is there; where it is missing, fetch
 * it with `install` and open the window when that worked; else serve the app in a browser, with
 * the reason. ELECTRON_OVERRIDE_DIST_PATH means "use the binary there": nothing is downloaded
 * then (the installer would unpack into node_modules/electron/dist, not there), as in Electron.
 *
 * @param {string} root
 * @param {{
 *   env: NodeJS.ProcessEnv,
 *   find?: (root: string, io: { env: NodeJS.ProcessEnv }) => ReturnType<typeof findElectronBinary>,
 *   install: () => Promise<{ ok: true } | { ok: false, reason: string }>,
 * }} options
 * @returns {Promise<{ kind: 'window', path: string, downloaded: boolean } | { kind: 'browser', reason?: string }>}
 */
export async function chooseLaunch(root, { env, find = findElectronBinary, install }) {
  const before = find(root, { env });
  if (before.found) return { kind: 'window', path: before.path, downloaded: false };
  if (env.ELECTRON_OVERRIDE_DIST_PATH) return { kind: 'browser' };
  const installed = await install();
  if (!installed.ok) return { kind: 'browser', reason: installed.reason };
  const after = find(root, { env });
  if (after.found) return { kind: 'window', path: after.path, downloaded: true };
  return { kind: 'browser', reason: `the download finished but ${after.reason}` };
}

const NETWORK_ERROR =
  /fetch failed|ENOTFOUND|EAI_AGAIN|ECONNREFUSED|ECONNRESET|ETIMEDOUT|ENETUNREACH|EHOSTUNREACH|UND_ERR_CONNECT|socket hang up/i;

/**
 * Why the installer failed, in a few words for the fallback line: the first line of what it
 * printed that is not a stack frame or a Node warning (install.js prints the error's stack).
 *
 * @param {string} output what the installer printed (stderr, then stdout)
 * @param {number | null} code its exit code
 * @returns {string}
 */
export function installFailureReason(output, code) {
  const first = output
    .split(/\r?\n/)
    .map((line) => line.trim())
    .find(
      (line) =>
        line !== '' &&
        !line.startsWith('at ') &&
        !/^\(node:\d+\)/.test(line) &&
        !line.startsWith('(Use `node --trace'),
    );
  const what = first ? (first.length > 160 ? `${first.slice(0, 157)}...` : first) : `exit code ${code}`;
  return NETWORK_ERROR.test(output)
    ? `could not be downloaded: no connection to the download server (${what})`
    : `could not be downloaded (${what})`;
}

/** Total size in bytes of the files under `dir` (the download in progress), 0 when unreadable. */
function bytesUnder(dir) {
  let total = 0;
  try {
    for (const entry of readdirSync(dir, { recursive: true, withFileTypes: true })) {
      if (!entry.isFile()) continue;
      try {
        total += statSync(join(entry.parentPath ?? entry.path, entry.name)).size;
      } catch {
        // The file moved (into Electron's cache) between listing and stat.
      }
    }
  } catch {
    return 0;
  }
  return total;
}

/**
 * Runs the electron package's own installer, node_modules/electron/install.js (the script behind
 * `npx install-electron`): it downloads the binary for this platform (or takes it from Electron's
 * download cache), checks it against the package's checksums, unpacks it into
 * node_modules/electron/dist and writes path.txt. It gets `timeoutMs`; after that it is stopped
 * (SIGTERM, then SIGKILL) and the result is a failure. Its temporary directory is a fresh one
 * that is removed afterwards, so a stopped download leaves nothing behind and its size is the
 * progress reported to `onProgress` every `progressEveryMs`.
 *
 * @param {string} root
 * @param {{
 *   env?: NodeJS.ProcessEnv,
 *   timeoutMs: number,
 *   onProgress?: (progress: { seconds: number, bytes: number }) => void,
 *   progressEveryMs?: number,
 *   onStart?: (abort: () => void) => void,
 * }} options onStart receives a function that stops the installer and removes its temporary
 *   directory at once, for a caller about to exit (Ctrl+C)
 * @returns {Promise<{ ok: true } | { ok: false, reason: string }>}
 */
export function runElectronInstaller(root, options) {
  const { env = process.env, timeoutMs, onProgress, progressEveryMs = 1000, onStart } = options;
  const installer = join(root, 'node_modules', 'electron', 'install.js');
  if (!existsSync(installer)) {
    return Promise.resolve({
      ok: false,
      reason: 'could not be downloaded: the electron package is missing (run `npm install`)',
    });
  }
  const scratch = mkdtempSync(join(tmpdir(), 'pat-electron-download-'));
  const started = Date.now();
  return new Promise((done) => {
    let output = '';
    let timedOut = false;
    let aborted = false;
    let settled = false;
    const keep = (chunk) => {
      if (output.length < 64 * 1024) output += chunk.toString();
    };
    const child = spawn(process.execPath, [installer], {
      cwd: root,
      env: { ...env, TMPDIR: scratch, TMP: scratch, TEMP: scratch },
      stdio: ['ignore', 'pipe', 'pipe'],
      windowsHide: true,
    });
    child.stdout.on('data', keep);
    child.stderr.on('data', keep);
    const stop = () => {
      if (child.exitCode !== null || child.signalCode !== null) return;
      child.kill('SIGTERM');
      setTimeout(() => {
        if (child.exitCode === null && child.signalCode === null) child.kill('SIGKILL');
      }, 2000).unref();
    };
    onStart?.(() => {
      aborted = true;
      stop();
      rmSync(scratch, { recursive: true, force: true });
    });
    const progress = setInterval(
      () => onProgress?.({ seconds: Math.round((Date.now() - started) / 1000), bytes: bytesUnder(scratch) }),
      progressEveryMs,
    );
    const limit = setTimeout(() => {
      timedOut = true;
      clearInterval(progress);
      stop();
    }, timeoutMs);
    const finish = (result) => {
      if (settled) return;
      settled = true;
      clearInterval(progress);
      clearTimeout(limit);
      rmSync(scratch, { recursive: true, force: true });
      done(result);
    };
    child.on('error', (error) => finish({ ok: false, reason: `could not be downloaded (${error.message})` }));
    child.on('exit', (code) => {
      if (aborted) finish({ ok: false, reason: 'could not be downloaded (the download was stopped)' });
      else if (timedOut) {
        const seconds = Math.round(timeoutMs / 1000);
        finish({
          ok: false,
          reason: `could not be downloaded within ${seconds} s (ELECTRON_DOWNLOAD_TIMEOUT=<seconds> allows longer)`,
        });
      } else if (code === 0) finish({ ok: true });
      else finish({ ok: false, reason: installFailureReason(output, code) });
    });
  });
}

/**
 * Shows the download's progress on `stream`. On a terminal one line is rewritten every update and
 * erased at the end (so a failed download leaves only the fallback line); elsewhere (a log) a line
 * is written only once the download has taken 5 s, then every 15 s, so a download that fails at
 * once (offline: about 2 s, most of it loading the installer) prints nothing of its own.
 *
 * @param {{ write: (text: string) => unknown, isTTY?: boolean, columns?: number }} stream
 * @param {{ version: string, limitSeconds: number }} about
 */
export function progressDisplay(stream, { version, limitSeconds }) {
  let lastLogged = -Infinity;
  let drawn = false;
  const text = ({ seconds, bytes }) =>
    `Downloading Electron ${version} (first run only, up to ${limitSeconds} s): ${(bytes / 1e6).toFixed(1)} MB, ${seconds} s`;
  return {
    update(progress) {
      if (stream.isTTY) {
        // Cut to the terminal's width: a wrapped line could not be erased.
        stream.write(`\r\x1b[2K${text(progress).slice(0, (stream.columns ?? 80) - 1)}`);
        drawn = true;
      } else if (progress.seconds >= 5 && progress.seconds - lastLogged >= 15) {
        stream.write(`${text(progress)}\n`);
        lastLogged = progress.seconds;
      }
    },
    start() {
      if (stream.isTTY) this.update({ seconds: 0, bytes: 0 });
    },
    finish() {
      if (drawn) stream.write('\r\x1b[2K');
      drawn = false;
    },
  };
}

/**
 * The one line printed when the app is served in a browser instead of the window; `reason` says
 * why the binary could not be fetched, when a download was tried.
 *
 * @param {string} url
 * @param {string} [reason]
 */
export function fallbackMessage(url, reason) {
  const why = reason
    ? `The Electron binary is not installed on this machine and ${reason.replace(/\s+/g, ' ')}`
    : 'The Electron binary is not installed on this machine';
  return `${why}, so the same app is being served on ${url} instead: open it in a browser (Ctrl+C stops it).`;
}

export const NOT_BUILT_MESSAGE =
  'The app is not built yet: run `npm run build` first (or just `npm start`, which builds).';
