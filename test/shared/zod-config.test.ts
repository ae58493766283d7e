/**
 * zod's global settings: schemas never try `new Function` (which the app's CSP refuses and
 * reports), and every entry point applies the settings before anything else it imports.
 */
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';

const root = resolve(import.meta.dirname, '../..');

describe('zod settings', () => {
  it('build schemas that parse without ever constructing a Function', async () => {
    const RealFunction = globalThis.Function;
    const constructed: unknown[][] = [];
    globalThis.Function = new Proxy(RealFunction, {
      construct(target, args: unknown[]) {
        constructed.push(args);
        return Reflect.construct(target, args) as object;
      },
    });
    try {
      const { z } = await import('zod');
      await import('../../shared/zod-config');
      const schema = z.object({ name: z.string(), apps: z.array(z.object({ id: z.string() })) });
      // Parsed more than once: zod compiles its fast path on a repeat parse when it may.
      for (let i = 0; i < 3; i += 1) {
        expect(schema.parse({ name: 'Tanzu', apps: [{ id: 'a' }] })).toEqual({
          name: 'Tanzu',
          apps: [{ id: 'a' }],
        });
      }
      expect(z.config().jitless).toBe(true);
    } finally {
      globalThis.Function = RealFunction;
    }
    expect(constructed).toEqual([]);
  });

  it.each(['renderer/main.tsx', 'electron/main/index.ts', 'electron/preload/index.ts'])(
    'are the first import of %s',
    (entry) => {
      const source = readFileSync(resolve(root, entry), 'utf8');
      const firstImport = source.match(/^import\s[^;]*;/m)?.[0];
      expect(firstImport).toMatch(/^import '(\.\.\/)+shared\/zod-config';$/);
    },
  );
});
