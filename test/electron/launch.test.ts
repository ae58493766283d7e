// `npm start`: finding the Electron binary without downloading it, and the browser fallback
// that serves the built app on 127.0.0.1 with exactly one line of explanation.
import { spawn } from 'node:child_process';
import {
  copyFileSync,
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
  DEFAULT_PORT,
  NOT_BUILT_MESSAGE,
  choosePort,
  fallbackMessage,
  findElectronBinary,
  rendererBuilt,
} from '../../electron/launch-lib.mjs';

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
    for (const file of ['launch.mjs', 'launch-lib.mjs']) {
      const source = readFileSync(join(repo, 'electron', file), 'utf8');
      const specifiers = [...source.matchAll(/(?:from\s+|import\(\s*|require\(\s*)['"]([^'"]+)['"]/g)].map(
        (m) => m[1],
      );
      expect(specifiers.length, file).toBeGreaterThan(0);
      for (const specifier of specifiers)
        expect(specifier, file).toMatch(/^(node:|\.\/launch-lib\.mjs$|vite$)/);
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
  for (const file of ['launch.mjs', 'launch-lib.mjs'])
    copyFileSync(join(repo, 'electron', file), join(dir, 'electron', file));
  symlinkSync(join(repo, 'node_modules'), join(dir, 'node_modules'), 'dir');
  if (withRenderer) {
    mkdirSync(join(dir, 'dist', 'renderer'), { recursive: true });
    writeFileSync(join(dir, 'dist', 'renderer', 'index.html'), '<!doctype html><title>Scratch app</title>');
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

function launch(dir: string, port: number) {
  const child = spawn(process.execPath, [join(dir, 'electron', 'launch.mjs')], {
    cwd: tmpdir(),
    env: { ...process.env, PORT: String(port), ELECTRON_OVERRIDE_DIST_PATH: join(dir, 'no-electron-here') },
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
