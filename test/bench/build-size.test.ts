// @vitest-environment node
/**
 * The benchmark measures the production build: a build that holds React's development JSX
 * runtime (made with NODE_ENV=test, as inside vitest) is found and named, chunk by chunk.
 */
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { developmentChunks } from '../../bench/build-size';

const dirs: string[] = [];
afterEach(() => {
  for (const dir of dirs.splice(0)) rmSync(dir, { recursive: true, force: true });
});

function dist(files: Record<string, string>): string {
  const dir = mkdtempSync(join(tmpdir(), 'bench-dist-'));
  dirs.push(dir);
  mkdirSync(join(dir, 'assets'));
  for (const [name, content] of Object.entries(files)) writeFileSync(join(dir, 'assets', name), content);
  return dir;
}

describe('developmentChunks', () => {
  it('names the chunks that call the development JSX runtime, and none of a production build', () => {
    const dev = dist({
      'b.js': 'export const B=()=>(0,r.jsxDEV)("p",{},void 0,!1);',
      'a.js': 'export const A=()=>(0,r.jsxDEV)("div",{});',
      'c.js': 'export const C=()=>(0,r.jsx)("div",{});',
      'jsxDEV.css': '.x{}',
    });
    expect(developmentChunks(dev)).toEqual(['a.js', 'b.js']);
    expect(developmentChunks(dist({ 'c.js': 'export const C=()=>(0,r.jsx)("div",{});' }))).toEqual([]);
  });
});
