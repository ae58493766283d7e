// electron-builder.yml: the identity of the app, a target per OS, only built files packaged,
// and a "main" that points at a file that is packaged. Validated against electron-builder's own schema.
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';

const repo = resolve(import.meta.dirname, '../..');
const config = parse(readFileSync(resolve(repo, 'electron-builder.yml'), 'utf8')) as Record<
  string,
  unknown
> & {
  files: string[];
  linux: { target: string[]; category: string; maintainer: string };
  win: { target: string[] };
  mac: { target: string[]; category: string };
  directories: { output: string };
  extraMetadata?: { main?: string };
};
const pkg = JSON.parse(readFileSync(resolve(repo, 'package.json'), 'utf8')) as {
  main: string;
  productName: string;
};

/** Whether a packaged path is matched by the `files` globs (the subset of glob syntax the config uses). */
function packaged(path: string): boolean {
  const toRegExp = (glob: string) =>
    new RegExp(
      `^${glob
        .split('**')
        .map((part) => part.replace(/[.+^${}()|[\]\\]/g, '\\$&').replace(/\*/g, '[^/]*'))
        .join('.*')}$`,
    );
  let included = false;
  for (const pattern of config.files) {
    if (pattern.startsWith('!')) {
      if (toRegExp(pattern.slice(1)).test(path)) included = false;
    } else if (toRegExp(pattern).test(path)) included = true;
  }
  return included;
}

describe('electron-builder.yml', () => {
  it('names the app', () => {
    expect(config.appId).toBe('io.platformadoption.tracker');
    expect(config.productName).toBe('Platform Adoption Tracker');
    expect(config.productName).toBe(pkg.productName);
    expect(config.directories.output).toBe('release');
  });

  it('builds AppImage and deb for Linux, nsis for Windows, dmg for macOS', () => {
    expect(config.linux.target).toEqual(['AppImage', 'deb']);
    expect(config.linux.category).toBe('Development');
    expect(config.linux.maintainer).toMatch(/\S+ <[^>]+@[^>]+>/);
    expect(config.win.target).toEqual(['nsis']);
    expect(config.mac.target).toEqual(['dmg']);
    expect(config.mac.category).toBe('public.app-category.developer-tools');
  });

  it('packages only the built output and package.json', () => {
    for (const pattern of config.files.filter((p) => !p.startsWith('!'))) {
      expect(pattern).toMatch(/^(package\.json|dist\/(electron|renderer)\/\*\*)$/);
    }
    expect(packaged('dist/renderer/index.html')).toBe(true);
    expect(packaged('dist/electron/preload.cjs')).toBe(true);
    for (const source of [
      'electron/main/index.ts',
      'renderer/App.tsx',
      'shared/ipc/contract.ts',
      'test/setup.ts',
    ]) {
      expect(packaged(source), source).toBe(false);
    }
    expect(packaged('dist/electron/main.cjs.map')).toBe(false);
  });

  it('starts from a main that is packaged', () => {
    expect(pkg.main).toBe('dist/electron/main.cjs');
    expect(packaged(pkg.main)).toBe(true);
    expect(config.extraMetadata?.main ?? pkg.main).toBe(pkg.main);
  });

  it("passes electron-builder's own configuration schema", async () => {
    const { validateConfiguration } = await import('app-builder-lib/out/util/config/config.js');
    const { DebugLogger } = await import('builder-util');
    // The YAML is untyped data: exactly what electron-builder itself hands to the validator.
    const validate = validateConfiguration as (
      configuration: unknown,
      logger: InstanceType<typeof DebugLogger>,
    ) => Promise<void>;
    await expect(validate(config, new DebugLogger(false))).resolves.toBeUndefined();
    await expect(validate({ ...config, notAnOption: true }, new DebugLogger(false))).rejects.toThrow(
      /unknown property 'notAnOption'/,
    );
  });

  it('flips the hardening fuses in the packaged binary, as electron-builder applies them', async () => {
    const { FuseV1Options, FuseVersion } = await import('@electron/fuses');
    const { PlatformPackager } = await import('app-builder-lib');
    // electron-builder's own translation of `electronFuses` into @electron/fuses' wire, which it
    // flips after packing and before signing.
    const generate = (
      PlatformPackager.prototype as unknown as {
        generateFuseConfig(fuses: unknown): Promise<Record<string | number, unknown>>;
      }
    ).generateFuseConfig;
    const wire = await generate.call({}, config.electronFuses);
    expect(wire).toMatchObject({
      version: FuseVersion.V1,
      [FuseV1Options.RunAsNode]: false,
      [FuseV1Options.EnableNodeOptionsEnvironmentVariable]: false,
      [FuseV1Options.EnableNodeCliInspectArguments]: false,
      [FuseV1Options.OnlyLoadAppFromAsar]: true,
      [FuseV1Options.EnableEmbeddedAsarIntegrityValidation]: true,
      [FuseV1Options.EnableCookieEncryption]: true,
      [FuseV1Options.GrantFileProtocolExtraPrivileges]: false,
    });
    // Only loading from the asar needs the asar.
    expect(config.asar).toBe(true);
  });
});
