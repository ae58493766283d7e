#!/usr/bin/env node
// `npm run bench`: runs the benchmarks (bench/*.bench.ts, through vitest) and prints every
// figure again as one table at the end. Exits non-zero only if a benchmark's own correctness
// check fails; a figure over its target is reported, not failed.
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, existsSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';

const root = resolve(import.meta.dirname, '..');
const dir = mkdtempSync(join(tmpdir(), 'adoption-bench-'));
const results = join(dir, 'results.jsonl');

const started = Date.now();
const run = spawnSync(
  process.execPath,
  [
    join(root, 'node_modules/vitest/vitest.mjs'),
    'run',
    '-c',
    'bench/vitest.bench.config.ts',
    ...process.argv.slice(2),
  ],
  { cwd: root, stdio: 'inherit', env: { ...process.env, BENCH_RESULTS: results } },
);

const figures = existsSync(results)
  ? readFileSync(results, 'utf8')
      .split('\n')
      .filter(Boolean)
      .map((line) => JSON.parse(line))
  : [];
rmSync(dir, { recursive: true, force: true });

const fmt = new Intl.NumberFormat('en-US', { maximumFractionDigits: 0 });
const pad = (s, n) => String(s).padEnd(n);
const padL = (s, n) => String(s).padStart(n);
console.log('\nBenchmarks (cold = first run, as a user meets it; ratio = cold / target)\n');
const nameWidth = Math.max(9, ...figures.map((f) => f.name.length));
console.log(
  `${pad('benchmark', nameWidth)}  ${padL('cold ms', 9)}  ${padL('warm ms', 9)}  ${padL('target', 8)}  ${padL('ratio', 6)}  ${padL('heap MB', 8)}  throughput`,
);
for (const f of figures) {
  const ratio = f.coldMs / f.targetMs;
  console.log(
    `${pad(f.name, nameWidth)}  ${padL(fmt.format(f.coldMs), 9)}  ${padL(f.warmMs === null ? '—' : fmt.format(f.warmMs), 9)}  ` +
      `${padL(fmt.format(f.targetMs), 8)}  ${padL(`${ratio < 0.1 ? ratio.toFixed(3) : ratio.toFixed(2)}×`, 6)}  ` +
      `${padL(f.heapMb.toFixed(1), 8)}  ${f.throughput}${ratio > 1 ? '  ← over target' : ''}`,
  );
}
const over = figures.filter((f) => f.coldMs > f.targetMs).length;
console.log(
  `\n${figures.length} figures, ${over} over target, in ${((Date.now() - started) / 1000).toFixed(1)} s` +
    (run.status === 0 ? '' : ' — a benchmark failed its correctness check (see above)'),
);
process.exit(run.status ?? 1);
