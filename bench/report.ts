/**
 * Measuring and printing for the benchmarks: time (first, cold run and the median of the warm
 * runs), throughput, heap, and the ratio of the cold time to a target. Figures are printed and
 * appended to the file named by BENCH_RESULTS (bench/run.mjs prints them as a table at the end).
 * Nothing here asserts a time: a slow machine gets a slow figure, not a failed build.
 */
import { appendFileSync } from 'node:fs';

export interface BenchFigure {
  name: string;
  coldMs: number;
  warmMs: number | null;
  /** The median of every run, the cold one included: the value `npm run bench` reports. */
  medianMs: number;
  targetMs: number;
  throughput: string;
  heapMb: number;
}

const gc = (globalThis as { gc?: () => void }).gc;

function mb(bytes: number): number {
  return Math.round((bytes / (1024 * 1024)) * 10) / 10;
}

function medianOf(values: number[]): number | null {
  if (values.length === 0) return null;
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)] as number;
}

const fmt = new Intl.NumberFormat('en-US', { maximumFractionDigits: 0 });
const fmt1 = new Intl.NumberFormat('en-US', { maximumFractionDigits: 1 });

/**
 * Runs `fn` `runs` times, prints one line and returns the last result (so the caller can check
 * it is right). `units` turns the cold time into a throughput, e.g. `{ count: 20000, label: 'rows' }`.
 */
export function measure<T>(
  name: string,
  options: { targetMs: number; runs?: number; units?: { count: number; label: string } },
  fn: () => T,
): T {
  const runs = Math.max(1, options.runs ?? 3);
  const times: number[] = [];
  let result!: T;
  let heapGrowth = 0;
  for (let r = 0; r < runs; r++) {
    gc?.();
    const before = process.memoryUsage().heapUsed;
    const started = performance.now();
    result = fn();
    times.push(performance.now() - started);
    heapGrowth = Math.max(heapGrowth, process.memoryUsage().heapUsed - before);
  }
  const coldMs = times[0] as number;
  const warmMs = medianOf(times.slice(1));
  const perSecond = options.units ? (options.units.count / coldMs) * 1000 : null;
  const throughput =
    perSecond === null
      ? ''
      : options.units!.label === 'MB'
        ? `${fmt1.format(perSecond)} MB/s`
        : `${fmt.format(perSecond)} ${options.units!.label}/s`;
  const figure: BenchFigure = {
    name,
    coldMs,
    warmMs,
    medianMs: medianOf(times) as number,
    targetMs: options.targetMs,
    throughput,
    heapMb: mb(Math.max(0, heapGrowth)),
  };
  console.log(formatFigure(figure));
  if (process.env.BENCH_RESULTS) appendFileSync(process.env.BENCH_RESULTS, `${JSON.stringify(figure)}\n`);
  return result;
}

export function formatFigure(f: BenchFigure): string {
  const ratio = f.coldMs / f.targetMs;
  return (
    `${f.name}: ${fmt.format(f.coldMs)} ms` +
    (f.warmMs === null ? '' : ` (warm ${fmt.format(f.warmMs)} ms)`) +
    ` (target ${fmt.format(f.targetMs)} ms, ${ratio < 0.1 ? ratio.toFixed(3) : ratio.toFixed(2)}× target)` +
    (f.throughput ? `, ${f.throughput}` : '') +
    `, heap +${fmt1.format(f.heapMb)} MB` +
    (ratio > 1 ? '  ← OVER TARGET' : '')
  );
}
