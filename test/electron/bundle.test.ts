// The shell as Electron loads it: `vite build -c vite.electron.config.ts` must produce a
// self-contained main.cjs and a preload.cjs that runs in the sandbox, where `require` knows
// nothing but 'electron'. Built into a temporary folder, then the preload is run in a VM.
import { mkdtempSync, readFileSync, readdirSync, rmSync } from 'node:fs';
import { builtinModules } from 'node:module';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { runInNewContext } from 'node:vm';
import { createBuilder } from 'vite';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { DESKTOP_API_KEY, IPC } from '../../shared/ipc/contract';

const repo = resolve(import.meta.dirname, '../..');
const outDir = mkdtempSync(join(tmpdir(), 'pat-bundle-'));

beforeAll(async () => {
  const builder = await createBuilder({
    configFile: resolve(repo, 'vite.electron.config.ts'),
    root: repo,
    logLevel: 'silent',
    build: { outDir },
  });
  await builder.buildApp();
}, 120000);
afterAll(() => rmSync(outDir, { recursive: true, force: true }));

function requiredModules(file: string): string[] {
  const code = readFileSync(join(outDir, file), 'utf8');
  return [...new Set([...code.matchAll(/\brequire\(\s*["']([^"']+)["']\s*\)/g)].map((m) => m[1]!))].sort();
}

describe('the built shell', () => {
  it('is exactly main.cjs and preload.cjs (no shared chunks)', () => {
    expect(
      readdirSync(outDir)
        .filter((f) => !f.endsWith('.map'))
        .sort(),
    ).toEqual(['main.cjs', 'preload.cjs']);
  });

  it('has a preload that requires only electron', () => {
    expect(requiredModules('preload.cjs')).toEqual(['electron']);
  });

  it('has a main that requires only electron and Node built-ins', () => {
    const builtins = new Set([...builtinModules, ...builtinModules.map((m) => `node:${m}`)]);
    for (const name of requiredModules('main.cjs')) {
      expect(name === 'electron' || builtins.has(name), name).toBe(true);
    }
  });

  it('runs its preload in a sandbox-like context and exposes the API', async () => {
    const exposed = new Map<string, Record<string, unknown>>();
    const invoke = vi.fn(async () => ({ status: 'canceled' }));
    const electron = {
      contextBridge: {
        exposeInMainWorld: (key: string, api: Record<string, unknown>) => exposed.set(key, api),
      },
      ipcRenderer: { invoke },
    };
    const sandboxRequire = (name: string) => {
      if (name !== 'electron') throw new Error(`module not found: ${name}`);
      return electron;
    };
    const module = { exports: {} };
    runInNewContext(readFileSync(join(outDir, 'preload.cjs'), 'utf8'), {
      require: sandboxRequire,
      module,
      exports: module.exports,
      console,
    });
    const api = exposed.get(DESKTOP_API_KEY)!;
    // One method per call of the contract, and nothing else (no generic invoke).
    expect(Object.keys(api).sort()).toEqual(Object.keys(IPC).sort());
    expect(Object.keys(api)).toContain('listAutoBackups');
    await expect((api.openFile as (r: object) => Promise<unknown>)({})).resolves.toEqual({
      status: 'canceled',
    });
    expect(invoke).toHaveBeenCalledWith('file:open', expect.objectContaining({ title: 'Open' }));
  });
});
