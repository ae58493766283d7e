// `npm start`: finding the Electron binary without loading the electron package, fetching a
// missing one with Electron's own installer under a time limit (the installer is a fake here),
// and the browser fallback that serves the built app on 127.0.0.1 with exactly one line of
// explanation.
import { spawn } from 'node:child_process';
import {
  chmodSync,
  copyFileSync,
  existsSync,
  mkdirSync,
  mkdtempSync,
  readFileSync,
  rmSync,
  symlinkSync,
  writeFileSync,
} from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import {
  DEFAULT_DOWNLOAD_TIMEOUT_S,
  DEFAULT_PORT,
  NOT_BUILT_MESSAGE,
  chooseLaunch,
  choosePort,
  fallbackMessage,
  findElectronBinary,
  installFailureReason,
  progressDisplay,
  readSettings,
  rendererBuilt,
  runElectronInstaller,
} from '../../electron/launch-lib.mjs';
import type { DownloadProgress, ElectronLookup, InstallResult } from '../../electron/launch-lib.mjs';
import { IMMUTABLE } from '../../electron/preview-cache.mjs';

const repo = resolve(import.meta.dirname, '../..');

/** A fake file system holding exactly `files` (path → content). */
function fakeFs(files: Record<string, string>) {
  return {
    exists: (path: string) => path in files,
    read: (path: string) => {
      const content = files[path];
      if (content === undefined) throw new Error(`ENOENT: ${path}`);
      return content;
    },
  };
}

const electronDir = join('/project', 'node_modules', 'electron');

describe('finding the Electron binary', () => {
  it('finds the binary that path.txt names inside dist/', () => {
    const binary = join(electronDir, 'dist', 'electron');
    const fs = fakeFs({ [join(electronDir, 'path.txt')]: 'electron\n', [binary]: '' });
    expect(findElectronBinary('/project', { env: {}, ...fs })).toEqual({ found: true, path: binary });
  });

  it('reports not found when the binary was never downloaded (no path.txt)', () => {
    const result = findElectronBinary('/project', { env: {}, ...fakeFs({}) });
    expect(result.found).toBe(false);
    expect(result.found === false && result.reason).toMatch(/path\.txt is missing/);
  });

  it('reports not found when path.txt names a binary that is not there', () => {
    const fs = fakeFs({ [join(electronDir, 'path.txt')]: 'electron' });
    expect(findElectronBinary('/project', { env: {}, ...fs }).found).toBe(false);
  });

  it('honours ELECTRON_OVERRIDE_DIST_PATH', () => {
    const override = join('/opt', 'electron-45');
    const binary = join(override, 'electron');
    const env = { ELECTRON_OVERRIDE_DIST_PATH: override };
    expect(findElectronBinary('/project', { env, ...fakeFs({ [binary]: '' }) })).toEqual({
      found: true,
      path: binary,
    });
    expect(findElectronBinary('/project', { env, ...fakeFs({}) }).found).toBe(false);
  });

  it('never loads the electron package to look (that would start a download)', () => {
    for (const file of ['launch.mjs', 'launch-lib.mjs', 'preview-cache.mjs']) {
      const source = readFileSync(join(repo, 'electron', file), 'utf8');
      const specifiers = [...source.matchAll(/(?:from\s+|import\(\s*|require\(\s*)['"]([^'"]+)['"]/g)].map(
        (m) => m[1],
      );
      expect(specifiers.length, file).toBeGreaterThan(0);
      for (const specifier of specifiers)
        expect(specifier, file).toMatch(/^(node:|\.\/(launch-lib|preview-cache)\.mjs$|vite$)/);
    }
  });
});

describe('the browser fallback settings', () => {
  it('uses PORT when it is a port number, else 4173', () => {
    expect(choosePort({ PORT: '5000' })).toBe(5000);
    expect(choosePort({})).toBe(DEFAULT_PORT);
    expect(DEFAULT_PORT).toBe(4173);
    for (const bad of ['0', '70000', 'abc', '12.5', '-1', '']) expect(choosePort({ PORT: bad })).toBe(4173);
  });

  it('explains itself in one line that names the URL', () => {
    const line = fallbackMessage('http://127.0.0.1:4173/');
    expect(line).not.toContain('\n');
    expect(line).toMatch(/Electron binary is not installed on this machine/);
    expect(line).toContain('http://127.0.0.1:4173/');
  });

  it('knows whether the renderer was built', () => {
    expect(rendererBuilt('/project', (p) => p === join('/project', 'dist', 'renderer', 'index.html'))).toBe(
      true,
    );
    expect(rendererBuilt('/project', () => false)).toBe(false);
  });
});

/** A copy of the launcher in a scratch project whose Electron binary is missing. */
function scratchProject(withRenderer: boolean): string {
  const dir = mkdtempSync(join(tmpdir(), 'pat-launch-'));
  mkdirSync(join(dir, 'electron'));
  for (const file of ['launch.mjs', 'launch-lib.mjs', 'preview-cache.mjs'])
    copyFileSync(join(repo, 'electron', file), join(dir, 'electron', file));
  symlinkSync(join(repo, 'node_modules'), join(dir, 'node_modules'), 'dir');
  if (withRenderer) {
    mkdirSync(join(dir, 'dist', 'renderer'), { recursive: true });
    writeFileSync(join(dir, 'dist', 'renderer', 'index.html'), '<!doctype html><title>Scratch app</title>');
    mkdirSync(join(dir, 'dist', 'renderer', 'assets'));
    writeFileSync(join(dir, 'dist', 'renderer', 'assets', 'index-Bx7cQ2.js'), 'export {};');
  }
  return dir;
}

function freePort(): Promise<number> {
  return new Promise((done, fail) => {
    const server = createServer();
    server.once('error', fail);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      server.close(() => done(typeof address === 'object' && address ? address.port : 0));
    });
  });
}

/** Runs the launcher; by default with ELECTRON_OVERRIDE_DIST_PATH naming a missing directory. */
function launch(
  dir: string,
  port: number,
  env: NodeJS.ProcessEnv = { ELECTRON_OVERRIDE_DIST_PATH: join(dir, 'no-electron-here') },
) {
  const child = spawn(process.execPath, [join(dir, 'electron', 'launch.mjs')], {
    cwd: tmpdir(),
    env: { ...process.env, ELECTRON_OVERRIDE_DIST_PATH: undefined, PORT: String(port), ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let stdout = '';
  let stderr = '';
  child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString()));
  child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
  const exited = new Promise<number | null>((done) => child.on('exit', (code) => done(code)));
  return { child, exited, output: () => ({ stdout, stderr }) };
}

const scratch: string[] = [];
afterAll(() => {
  for (const dir of scratch) rmSync(dir, { recursive: true, force: true });
});

describe('npm start without the Electron binary', () => {
  it('prints one line and serves the built app on 127.0.0.1 until stopped', async () => {
    const dir = scratchProject(true);
    scratch.push(dir);
    const port = await freePort();
    const run = launch(dir, port);
    const deadline = Date.now() + 15000;
    while (!run.output().stdout.includes('\n') && Date.now() < deadline)
      await new Promise((r) => setTimeout(r, 100));
    const lines = run.output().stdout.split('\n').filter(Boolean);
    expect(lines).toEqual([fallbackMessage(`http://127.0.0.1:${port}/`)]);
    const response = await fetch(`http://127.0.0.1:${port}/`);
    expect(response.status).toBe(200);
    expect(await response.text()).toContain('<title>Scratch app</title>');
    // As the benchmark's server: the page asked about on every start, its hashed chunks kept.
    expect(response.headers.get('cache-control')).not.toBe(IMMUTABLE);
    const chunk = await fetch(`http://127.0.0.1:${port}/assets/index-Bx7cQ2.js`);
    expect(chunk.status).toBe(200);
    expect(chunk.headers.get('cache-control')).toBe(IMMUTABLE);
    const missing = await fetch(`http://127.0.0.1:${port}/assets/gone-123.js`);
    expect(missing.headers.get('cache-control')).not.toBe(IMMUTABLE);
    run.child.kill('SIGINT');
    expect(await run.exited).toBe(0);
    expect(run.output().stdout.split('\n').filter(Boolean)).toHaveLength(1);
  });

  it('says to build first when there is nothing to serve', async () => {
    const dir = scratchProject(false);
    scratch.push(dir);
    const run = launch(dir, await freePort());
    expect(await run.exited).toBe(1);
    expect(run.output().stderr.trim()).toBe(NOT_BUILT_MESSAGE);
  });
});

describe('the launcher settings', () => {
  it('takes PORT and ELECTRON_DOWNLOAD_TIMEOUT when valid, else defaults when unset', () => {
    expect(readSettings({})).toEqual({ ok: true, port: 4173, downloadTimeoutSeconds: 120 });
    expect(DEFAULT_DOWNLOAD_TIMEOUT_S).toBe(120);
    expect(readSettings({ PORT: ' 5000 ', ELECTRON_DOWNLOAD_TIMEOUT: '600' })).toEqual({
      ok: true,
      port: 5000,
      downloadTimeoutSeconds: 600,
    });
    expect(readSettings({ PORT: '' })).toEqual({ ok: true, port: 4173, downloadTimeoutSeconds: 120 });
    expect(readSettings({ PORT: '1' })).toMatchObject({ ok: true, port: 1 });
    expect(readSettings({ PORT: '65535' })).toMatchObject({ ok: true, port: 65535 });
  });

  it('refuses a PORT that is not a port number, or a bad time limit, with one line saying why', () => {
    for (const bad of ['0', '65536', 'abc', '12.5', '-1', '80x']) {
      const settings = readSettings({ PORT: bad });
      expect(settings.ok, bad).toBe(false);
      const problem = settings.ok ? '' : settings.problem;
      expect(problem).toContain(`PORT must be a whole number from 1 to 65535 (it is "${bad}")`);
      expect(problem).not.toContain('\n');
    }
    for (const bad of ['0', 'soon', '1.5', '-3']) {
      const settings = readSettings({ ELECTRON_DOWNLOAD_TIMEOUT: bad });
      expect(settings.ok, bad).toBe(false);
      expect(settings.ok ? '' : settings.problem).toMatch(
        /^ELECTRON_DOWNLOAD_TIMEOUT must be a whole number/,
      );
    }
  });
});

describe('choosing between the window and the browser', () => {
  const present = { found: true as const, path: '/project/node_modules/electron/dist/electron' };
  const missing = { found: false as const, reason: 'path.txt is missing' };
  /** A binary lookup that answers `results` in turn, and an installer that answers `result`. */
  function fakes(results: Array<typeof present | typeof missing>, result: InstallResult) {
    const calls = { find: 0, install: 0 };
    return {
      calls,
      find: (): ElectronLookup => results[Math.min(calls.find++, results.length - 1)] ?? missing,
      install: async () => {
        calls.install += 1;
        return result;
      },
    };
  }

  it('binary present: opens the window and never runs the installer', async () => {
    const f = fakes([present], { ok: false, reason: 'must not run' });
    expect(await chooseLaunch('/project', { env: {}, find: f.find, install: f.install })).toEqual({
      kind: 'window',
      path: present.path,
      downloaded: false,
    });
    expect(f.calls.install).toBe(0);
  });

  it('binary missing and the installer succeeds: opens the window with the fetched binary', async () => {
    const f = fakes([missing, present], { ok: true });
    expect(await chooseLaunch('/project', { env: {}, find: f.find, install: f.install })).toEqual({
      kind: 'window',
      path: present.path,
      downloaded: true,
    });
    expect(f.calls.install).toBe(1);
  });

  it('binary missing and the installer fails or times out: the browser, with its reason', async () => {
    const reason = 'could not be downloaded within 120 s';
    const f = fakes([missing], { ok: false, reason });
    expect(await chooseLaunch('/project', { env: {}, find: f.find, install: f.install })).toEqual({
      kind: 'browser',
      reason,
    });
    const after = fakes([missing, missing], { ok: true });
    const choice = await chooseLaunch('/project', { env: {}, find: after.find, install: after.install });
    expect(choice).toEqual({ kind: 'browser', reason: 'the download finished but path.txt is missing' });
  });

  it('never downloads when ELECTRON_OVERRIDE_DIST_PATH names the binary to use', async () => {
    const f = fakes([missing], { ok: true });
    const env = { ELECTRON_OVERRIDE_DIST_PATH: '/opt/electron' };
    expect(await chooseLaunch('/project', { env, find: f.find, install: f.install })).toEqual({
      kind: 'browser',
    });
    expect(f.calls.install).toBe(0);
  });
});

describe('what the user sees about the download', () => {
  // What node_modules/electron/install.js prints on a machine without internet (Electron 45.4.1).
  const OFFLINE_OUTPUT = [
    'TypeError: fetch failed',
    '    at node:internal/deps/undici/undici:14976:13',
    '    at process.processTicksAndRejections (node:internal/process/task_queues:95:5)',
    '    at async FetchDownloader.download (file:///x/node_modules/@electron/get/dist/FetchDownloader.js:46:30)',
    '',
  ].join('\n');

  it('sums up why the installer failed in a few words', () => {
    expect(installFailureReason(OFFLINE_OUTPUT, 1)).toBe(
      'could not be downloaded: no connection to the download server (TypeError: fetch failed)',
    );
    const notFound =
      'HTTPError: Response code 404 (Not Found) for https://mirror.example/v45.4.1/electron-v45.4.1-linux-x64.zip\n    at x';
    expect(installFailureReason(notFound, 1)).toBe(
      'could not be downloaded (HTTPError: Response code 404 (Not Found) for https://mirror.example/v45.4.1/electron-v45.4.1-linux-x64.zip)',
    );
    const warning =
      '(node:42) ExperimentalWarning: something\n(Use `node --trace-warnings ...`)\nError: boom\n';
    expect(installFailureReason(warning, 1)).toBe('could not be downloaded (Error: boom)');
    expect(installFailureReason('', 7)).toBe('could not be downloaded (exit code 7)');
  });

  it('names the reason in the one fallback line', () => {
    const line = fallbackMessage('http://127.0.0.1:4173/', installFailureReason(OFFLINE_OUTPUT, 1));
    expect(line).toBe(
      'The Electron binary is not installed on this machine and could not be downloaded: no connection to the download server (TypeError: fetch failed), so the same app is being served on http://127.0.0.1:4173/ instead: open it in a browser (Ctrl+C stops it).',
    );
    expect(fallbackMessage('http://x/', 'could not\nbe downloaded')).not.toContain('\n');
  });

  it('on a terminal, rewrites one progress line and erases it at the end', () => {
    let written = '';
    const display = progressDisplay(
      { isTTY: true, columns: 100, write: (text: string) => (written += text) },
      { version: '45.4.1', limitSeconds: 120 },
    );
    display.start();
    display.update({ seconds: 4, bytes: 35_200_000 });
    display.finish();
    expect(written).toBe(
      '\r\x1b[2KDownloading Electron 45.4.1 (first run only, up to 120 s): 0.0 MB, 0 s' +
        '\r\x1b[2KDownloading Electron 45.4.1 (first run only, up to 120 s): 35.2 MB, 4 s' +
        '\r\x1b[2K',
    );
  });

  it('on a narrow terminal, cuts the progress line so it never wraps (it could not be erased)', () => {
    let written = '';
    const narrow = { isTTY: true, columns: 40, write: (text: string) => (written += text) };
    progressDisplay(narrow, { version: '45.4.1', limitSeconds: 120 }).update({ seconds: 4, bytes: 0 });
    expect(written).toBe('\r\x1b[2KDownloading Electron 45.4.1 (first run ');
  });

  it('in a log, writes nothing for a download that ends within 5 s, then a line every 15 s', () => {
    const lines: string[] = [];
    const display = progressDisplay(
      { isTTY: false, write: (text: string) => lines.push(text) },
      { version: '45.4.1', limitSeconds: 120 },
    );
    display.start();
    for (let seconds = 0; seconds <= 40; seconds += 1) display.update({ seconds, bytes: seconds * 1e6 });
    display.finish();
    expect(lines).toEqual([
      'Downloading Electron 45.4.1 (first run only, up to 120 s): 5.0 MB, 5 s\n',
      'Downloading Electron 45.4.1 (first run only, up to 120 s): 20.0 MB, 20 s\n',
      'Downloading Electron 45.4.1 (first run only, up to 120 s): 35.0 MB, 35 s\n',
    ]);
  });
});

type InstallerMode = 'succeeds' | 'fails' | 'hangs';

/**
 * A fake `electron` package in `dir`/node_modules. Its install.js stands in for Electron's
 * installer: it records its pid and temporary directory, then either "downloads" 2 MB into its
 * temporary directory and unpacks a fake binary (path.txt + dist/electron), fails the way the real
 * one does offline, or hangs and ignores SIGTERM. The fake binary prints what it was started with.
 */
function fakeElectronPackage(dir: string, mode: InstallerMode, binaryPresent = false): string {
  const pkg = join(dir, 'node_modules', 'electron');
  mkdirSync(pkg, { recursive: true });
  writeFileSync(join(pkg, 'package.json'), JSON.stringify({ name: 'electron', version: '45.4.1' }));
  const binary = `#!${process.execPath}\nconsole.log('fake electron opened ' + process.argv.slice(2).join(' '));\n`;
  const unpack = `
    fs.mkdirSync(path.join(__dirname, 'dist'), { recursive: true });
    fs.writeFileSync(path.join(__dirname, 'dist', 'electron'), ${JSON.stringify(binary)}, { mode: 0o755 });
    fs.writeFileSync(path.join(__dirname, 'path.txt'), 'electron');`;
  const behaviour = {
    succeeds: `
      fs.writeFileSync(path.join(os.tmpdir(), 'electron-v45.4.1-linux-x64.zip'), Buffer.alloc(2000000));
      setTimeout(() => { ${unpack} }, 400);`,
    fails: `
      console.error(${JSON.stringify('TypeError: fetch failed\n    at node:internal/deps/undici/undici:14976:13')});
      process.exit(1);`,
    hangs: `
      process.on('SIGTERM', () => {});
      setInterval(() => {}, 1000);`,
  }[mode];
  writeFileSync(
    join(pkg, 'install.js'),
    `const fs = require('fs'); const os = require('os'); const path = require('path');
    fs.writeFileSync(path.join(__dirname, 'installer-ran.json'), JSON.stringify({ pid: process.pid, tmp: os.tmpdir() }));
    ${behaviour}\n`,
  );
  if (binaryPresent) {
    mkdirSync(join(pkg, 'dist'));
    writeFileSync(join(pkg, 'dist', 'electron'), binary);
    chmodSync(join(pkg, 'dist', 'electron'), 0o755);
    writeFileSync(join(pkg, 'path.txt'), 'electron');
  }
  return pkg;
}

function installerRun(pkg: string): { pid: number; tmp: string } | null {
  const file = join(pkg, 'installer-ran.json');
  return existsSync(file) ? JSON.parse(readFileSync(file, 'utf8')) : null;
}

function alive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
}

describe("running Electron's installer (a fake one)", () => {
  function fakeRoot(mode: InstallerMode) {
    const dir = mkdtempSync(join(tmpdir(), 'pat-installer-'));
    scratch.push(dir);
    return { dir, pkg: fakeElectronPackage(dir, mode) };
  }

  it('runs node_modules/electron/install.js, reports the download growing, and cleans up after it', async () => {
    const { dir, pkg } = fakeRoot('succeeds');
    const progress: DownloadProgress[] = [];
    const result = await runElectronInstaller(dir, {
      env: process.env,
      timeoutMs: 15000,
      progressEveryMs: 100,
      onProgress: (p) => progress.push(p),
    });
    expect(result).toEqual({ ok: true });
    expect(findElectronBinary(dir, { env: {} })).toEqual({
      found: true,
      path: join(pkg, 'dist', 'electron'),
    });
    expect(Math.max(...progress.map((p) => p.bytes))).toBe(2000000);
    const run = installerRun(pkg);
    expect(run?.tmp).toContain('pat-electron-download-');
    expect(existsSync(run!.tmp)).toBe(false);
  });

  it('passes on why it failed', async () => {
    const { dir } = fakeRoot('fails');
    expect(await runElectronInstaller(dir, { env: process.env, timeoutMs: 15000 })).toEqual({
      ok: false,
      reason: 'could not be downloaded: no connection to the download server (TypeError: fetch failed)',
    });
  });

  it('stops an installer that does not finish in time, even one that ignores SIGTERM', async () => {
    const { dir, pkg } = fakeRoot('hangs');
    const started = Date.now();
    // 3 s: time enough for the fake to start and set its SIGTERM handler on a busy machine.
    const result = await runElectronInstaller(dir, { env: process.env, timeoutMs: 3000 });
    expect(result).toEqual({
      ok: false,
      reason: 'could not be downloaded within 3 s (ELECTRON_DOWNLOAD_TIMEOUT=<seconds> allows longer)',
    });
    // The limit, then 2 s for SIGTERM to be ignored before SIGKILL.
    expect(Date.now() - started).toBeGreaterThanOrEqual(5000);
    expect(Date.now() - started).toBeLessThan(9000);
    const run = installerRun(pkg);
    expect(run && alive(run.pid)).toBe(false);
    expect(existsSync(run!.tmp)).toBe(false);
  });

  it('on abort (Ctrl+C), removes its temporary directory at once and stops the installer', async () => {
    const { dir, pkg } = fakeRoot('hangs');
    let abort = () => {};
    const result = runElectronInstaller(dir, {
      env: process.env,
      timeoutMs: 60000,
      onStart: (stop) => (abort = stop),
    });
    const deadline = Date.now() + 10000;
    while (!installerRun(pkg) && Date.now() < deadline) await new Promise((r) => setTimeout(r, 50));
    const run = installerRun(pkg)!;
    expect(existsSync(run.tmp)).toBe(true);
    abort();
    expect(existsSync(run.tmp)).toBe(false);
    expect(await result).toEqual({ ok: false, reason: 'could not be downloaded (the download was stopped)' });
    expect(alive(run.pid)).toBe(false);
  });

  it('says to run npm install when the electron package is missing', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'pat-installer-'));
    scratch.push(dir);
    const result = await runElectronInstaller(dir, { timeoutMs: 1000 });
    expect(result.ok === false && result.reason).toMatch(/electron package is missing \(run `npm install`\)/);
  });
});

/**
 * A scratch project built for both the window and the browser, with the real launcher, the real
 * vite and a fake electron package.
 */
function scratchWithFakeElectron(mode: InstallerMode, binaryPresent = false) {
  const dir = mkdtempSync(join(tmpdir(), 'pat-launch-'));
  scratch.push(dir);
  mkdirSync(join(dir, 'electron'));
  for (const file of ['launch.mjs', 'launch-lib.mjs', 'preview-cache.mjs'])
    copyFileSync(join(repo, 'electron', file), join(dir, 'electron', file));
  mkdirSync(join(dir, 'node_modules'));
  symlinkSync(join(repo, 'node_modules', 'vite'), join(dir, 'node_modules', 'vite'), 'dir');
  const pkg = fakeElectronPackage(dir, mode, binaryPresent);
  mkdirSync(join(dir, 'dist', 'renderer'), { recursive: true });
  writeFileSync(join(dir, 'dist', 'renderer', 'index.html'), '<!doctype html><title>Scratch app</title>');
  mkdirSync(join(dir, 'dist', 'electron'));
  writeFileSync(join(dir, 'dist', 'electron', 'main.cjs'), '');
  writeFileSync(join(dir, 'dist', 'electron', 'preload.cjs'), '');
  return { dir, pkg };
}

async function firstLine(run: ReturnType<typeof launch>, ms = 20000) {
  const deadline = Date.now() + ms;
  while (!run.output().stdout.includes('\n') && Date.now() < deadline)
    await new Promise((r) => setTimeout(r, 100));
  return run.output().stdout.split('\n').filter(Boolean);
}

describe('npm start with the installer mocked', () => {
  it('binary present: opens the window without running the installer', async () => {
    const { dir, pkg } = scratchWithFakeElectron('fails', true);
    const run = launch(dir, await freePort(), {});
    expect(await run.exited).toBe(0);
    expect(run.output().stdout.trim()).toBe(`fake electron opened ${dir}`);
    expect(run.output().stderr).toBe('');
    expect(installerRun(pkg)).toBeNull();
  });

  it('binary missing, installer succeeds: fetches it, then opens the window', async () => {
    const { dir, pkg } = scratchWithFakeElectron('succeeds');
    const run = launch(dir, await freePort(), {});
    expect(await run.exited).toBe(0);
    expect(run.output().stdout.trim()).toBe(`fake electron opened ${dir}`);
    expect(run.output().stderr).toMatch(/^Downloaded the Electron binary in \d+ s; opening the window\.\n$/);
    expect(installerRun(pkg)).not.toBeNull();
  });

  it('binary missing, installer fails (offline): serves the app in the browser with one line', async () => {
    const { dir, pkg } = scratchWithFakeElectron('fails');
    const port = await freePort();
    const run = launch(dir, port, {});
    const url = `http://127.0.0.1:${port}/`;
    expect(await firstLine(run)).toEqual([
      fallbackMessage(
        url,
        'could not be downloaded: no connection to the download server (TypeError: fetch failed)',
      ),
    ]);
    expect(run.output().stderr).toBe('');
    expect(installerRun(pkg)).not.toBeNull();
    const response = await fetch(url);
    expect(await response.text()).toContain('<title>Scratch app</title>');
    run.child.kill('SIGINT');
    expect(await run.exited).toBe(0);
    expect(run.output().stdout.split('\n').filter(Boolean)).toHaveLength(1);
  });

  it('binary missing, installer hangs: the time limit stops it and the browser fallback says so', async () => {
    const { dir, pkg } = scratchWithFakeElectron('hangs');
    const port = await freePort();
    const started = Date.now();
    const run = launch(dir, port, { ELECTRON_DOWNLOAD_TIMEOUT: '2' });
    const lines = await firstLine(run);
    expect(Date.now() - started).toBeLessThan(15000);
    expect(lines).toEqual([
      fallbackMessage(
        `http://127.0.0.1:${port}/`,
        'could not be downloaded within 2 s (ELECTRON_DOWNLOAD_TIMEOUT=<seconds> allows longer)',
      ),
    ]);
    const installer = installerRun(pkg);
    expect(installer && alive(installer.pid)).toBe(false);
    run.child.kill('SIGINT');
    expect(await run.exited).toBe(0);
  });

  it('refuses a PORT that is not a port number before doing anything', async () => {
    const { dir, pkg } = scratchWithFakeElectron('succeeds');
    const run = launch(dir, 0, { PORT: '99999' });
    expect(await run.exited).toBe(1);
    expect(run.output().stderr.trim()).toBe(
      'PORT must be a whole number from 1 to 65535 (it is "99999"): set it to a free port, or unset it to use 4173.',
    );
    expect(run.output().stdout).toBe('');
    expect(installerRun(pkg)).toBeNull();
  });
});
