#!/usr/bin/env node
// `npm run bench`: the Node benchmarks (bench/*.bench.ts, vitest), then the in-browser benchmark
// (bench/browser/, headless Chromium against the production build), then one table of every
// figure beside its target and the baseline measured in the same run, also written to
// bench/results/latest.json. Exits non-zero only when a benchmark failed its own correctness
// check or could not measure; a figure over its target is reported, not failed.
//
//   npm run bench                      scale 1: the enterprise workspace, 5 runs a figure
//   npm run bench -- --scale 0.1       a tenth of it, for a quick run (0.01 … 5)
//   npm run bench -- --runs 3          fewer runs (the restore runs at most 3 times)
//   npm run bench -- --node-only | --browser-only | --no-build
//   npm run bench -- --readme          also puts the table in README.md (bench/table.mjs)
//   Anything else is passed to vitest for the Node benchmarks (e.g. a file filter).
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { availableParallelism, cpus, loadavg, tmpdir, totalmem } from 'node:os';
import { join, resolve } from 'node:path';
import { markdownTable, missesOf, textTable } from './table.mjs';

const root = resolve(import.meta.dirname, '..');

function parseArgs(argv) {
  const options = { scale: 1, runs: 5, node: true, browser: true, build: true, readme: false, rest: [] };
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i];
    const value = () => {
      const v = arg.includes('=') ? arg.split('=')[1] : argv[++i];
      if (v === undefined || Number.isNaN(Number(v))) throw new Error(`${arg} needs a number`);
      return Number(v);
    };
    if (arg.startsWith('--scale')) options.scale = value();
    else if (arg.startsWith('--runs')) options.runs = value();
    else if (arg === '--node-only') options.browser = false;
    else if (arg === '--browser-only') options.node = false;
    else if (arg === '--no-build') options.build = false;
    else if (arg === '--readme') options.readme = true;
    else options.rest.push(arg);
  }
  if (!(options.scale >= 0.01 && options.scale <= 5)) throw new Error('--scale must be between 0.01 and 5');
  if (!(options.runs >= 1 && Number.isInteger(options.runs)))
    throw new Error('--runs must be a whole number ≥ 1');
  return options;
}

const options = parseArgs(process.argv.slice(2));
const dir = mkdtempSync(join(tmpdir(), 'adoption-bench-'));
const results = join(dir, 'results.jsonl');
const env = {
  ...process.env,
  BENCH_RESULTS: results,
  BENCH_SCALE: String(options.scale),
  BENCH_RUNS: String(options.runs),
  BENCH_BUILD: options.build ? '1' : '0',
};
const vitest = (config, args) =>
  spawnSync(process.execPath, [join(root, 'node_modules/vitest/vitest.mjs'), 'run', '-c', config, ...args], {
    cwd: root,
    stdio: 'inherit',
    env,
  }).status;

const started = Date.now();
// Other processes stretch every time on the clock: the load is printed and kept beside the figures.
const loadAtStart = loadavg().map((l) => Math.round(l * 10) / 10);
const failed = [];
if (options.node) {
  console.log(`\n▶ Node benchmarks (workspace ×${options.scale})\n`);
  if (vitest('bench/vitest.bench.config.ts', options.rest) !== 0) failed.push('Node benchmarks');
}
if (options.browser) {
  console.log(`\n▶ Browser benchmark (workspace ×${options.scale}, ${options.runs} runs a figure)\n`);
  if (vitest('bench/vitest.browser.config.ts', []) !== 0) failed.push('browser benchmark');
}

/** A figure of the older Node benchmarks (bench/report.ts) in the common shape. */
function fromLegacy(f) {
  return {
    id: f.name
      .toLowerCase()
      .replace(/[^a-z0-9]+/g, '-')
      .replace(/^-|-$/g, ''),
    figure: f.name,
    group: 'node',
    value: Math.round(f.medianMs * 10) / 10,
    unit: 'ms',
    target: { kind: 'max', value: f.targetMs },
    pass: f.medianMs <= f.targetMs,
    baseline: null,
    ratio: null,
    detail: { coldMs: f.coldMs, warmMs: f.warmMs, throughput: f.throughput, heapMb: f.heapMb },
  };
}

const figures = existsSync(results)
  ? readFileSync(results, 'utf8')
      .split('\n')
      .filter(Boolean)
      .map((line) => JSON.parse(line))
      .map((f) => ('coldMs' in f ? fromLegacy(f) : f))
  : [];
rmSync(dir, { recursive: true, force: true });
const seconds = (Date.now() - started) / 1000;

const loadAtEnd = loadavg().map((l) => Math.round(l * 10) / 10);
console.log(
  `\nBenchmarks, workspace ×${options.scale} (value = median of runs; ratio = value ÷ baseline; ` +
    `cpu = the same work's CPU time on its thread, what an idle machine would show)\n` +
    `Load average (1, 5, 15 min) on ${availableParallelism()} CPUs: ${loadAtStart.join(', ')} at the start, ` +
    `${loadAtEnd.join(', ')} at the end\n`,
);
for (const line of textTable(figures)) console.log(line);
const misses = missesOf(figures);
console.log(
  `\n${figures.length} figures, ${misses} missing their target, in ${seconds.toFixed(0)} s` +
    (failed.length ? ` — failed: ${failed.join(', ')} (see above)` : ''),
);
const baselines = [...new Set(figures.filter((f) => f.baseline).map((f) => f.baseline.what))];
if (baselines.length) console.log(`Baselines, measured in this run: ${baselines.join('; ')}.`);

mkdirSync(join(root, 'bench/results'), { recursive: true });
const out = join(root, 'bench/results/latest.json');
const result = {
  generatedAt: new Date().toISOString(),
  scale: options.scale,
  runs: options.runs,
  durationSeconds: Math.round(seconds),
  machine: {
    cpus: availableParallelism(),
    cpuModel: cpus()[0]?.model ?? 'unknown',
    memoryGb: Math.round(totalmem() / 1024 ** 3),
    loadAverage: loadAtEnd,
    loadAverageAtStart: loadAtStart,
    node: process.version,
  },
  figures,
};
writeFileSync(out, `${JSON.stringify(result, null, 2)}\n`);
writeFileSync(join(root, 'bench/results/latest.md'), `${markdownTable(result)}\n`);
console.log(`Written to ${out} (and latest.md)`);
if (
  options.readme &&
  spawnSync(process.execPath, [join(root, 'bench/table.mjs'), '--readme'], { stdio: 'inherit' }).status !== 0
)
  failed.push('README table');
process.exit(failed.length ? 1 : 0);
