/**
 * JavaScript a user downloads before the first screen, from the production build: the entry
 * chunk index.html loads and every chunk it imports statically (transitively), gzipped here.
 * Chunks loaded with `import()` (the screens, charts, the import wizard) are not counted; the
 * browser benchmark adds the list of scripts the page really fetched before its first screen.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { dirname, relative, resolve } from 'node:path';
import { gzipSync } from 'node:zlib';

export interface ChunkSize {
  file: string;
  bytes: number;
  gzipBytes: number;
}

export function gzipSize(path: string): ChunkSize & { path: string } {
  const content = readFileSync(path);
  return { path, file: path, bytes: content.length, gzipBytes: gzipSync(content, { level: 9 }).length };
}

/** Relative specifiers of the static imports and re-exports of a (minified) ES module. */
export function staticImports(code: string): string[] {
  const out = new Set<string>();
  // `import x from "…"`, `import{…}from"…"`, `import"…"`, `export{…}from"…"`; not `import("…")`.
  const pattern = /(?:^|[;\s}])(?:import|export)\s*(?:[\w$*{}\s,]+?from\s*)?["']([^"']+)["']/g;
  for (const match of code.matchAll(pattern)) {
    const specifier = match[1] as string;
    if (specifier.startsWith('.')) out.add(specifier);
  }
  return [...out];
}

/** The entry chunks of a built index.html (module scripts and module preloads). */
export function entryChunks(distDir: string): string[] {
  const html = readFileSync(resolve(distDir, 'index.html'), 'utf8');
  const srcs = [...html.matchAll(/<script[^>]*type="module"[^>]*src="([^"]+)"/g)].map((m) => m[1] as string);
  return srcs.map((src) => resolve(distDir, src));
}

/** Every chunk loaded before any code runs: the entries and their static imports, transitively. */
export function initialChunks(distDir: string): ChunkSize[] {
  const seen = new Set<string>();
  const queue = entryChunks(distDir);
  while (queue.length > 0) {
    const file = queue.shift() as string;
    if (seen.has(file)) continue;
    seen.add(file);
    for (const specifier of staticImports(readFileSync(file, 'utf8'))) {
      queue.push(resolve(dirname(file), specifier));
    }
  }
  return [...seen].map((file) => ({ ...gzipSize(file), file: relative(distDir, file) }));
}

/**
 * The chunks of a build that hold React's development JSX runtime (`jsxDEV`): a build made with
 * NODE_ENV other than "production" (vitest sets "test"), which runs React's development checks
 * and performance tracks on every render. What users run, and what the benchmark measures, has
 * none.
 */
export function developmentChunks(distDir: string): string[] {
  const assets = resolve(distDir, 'assets');
  return readdirSync(assets)
    .filter((file) => file.endsWith('.js') && readFileSync(resolve(assets, file), 'utf8').includes('jsxDEV'))
    .sort();
}
