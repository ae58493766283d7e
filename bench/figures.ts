/**
 * One benchmark figure as `npm run bench` prints it and writes it to bench/results/latest.json:
 * its value, unit, target, whether it meets it, and the baseline measured in the same run
 * beside it (so a figure can be read on any machine), plus the samples it came from.
 */
import { appendFileSync } from 'node:fs';

export interface Baseline {
  value: number;
  unit: string;
  /** What was measured, e.g. "raw IndexedDB, plain transactions of 2,000 records". */
  what: string;
}

export interface Target {
  /** 'max': the value must be at most `value`; 'min': at least. */
  kind: 'max' | 'min';
  value: number;
  /** When true, `value` is a multiple of the baseline (restore ≥ 0.8× the raw baseline). */
  ofBaseline?: boolean;
}

export interface Figure {
  /** Stable key, e.g. 'restore-rate'. */
  id: string;
  figure: string;
  group: 'node' | 'browser' | 'build';
  /** Null when it could not be measured (see `error`). */
  value: number | null;
  unit: string;
  target: Target | null;
  pass: boolean | null;
  baseline: Baseline | null;
  /** value ÷ baseline, when both share a unit. */
  ratio?: number | null;
  /**
   * For a time: the CPU time the same work took on the thread that did it (the page's main
   * thread, or Node's), by the same statistic. A busy machine stretches the time on the clock,
   * hardly this: it is what an idle machine would show.
   */
  cpuMs?: number | null;
  error?: string;
  detail?: Record<string, unknown>;
}

/** A figure with `pass` (and `ratio`) worked out from its value, target and baseline. */
export function figure(f: Omit<Figure, 'pass' | 'ratio'>): Figure {
  const ratio =
    f.value !== null && f.baseline && f.baseline.unit === f.unit && f.baseline.value > 0
      ? f.value / f.baseline.value
      : null;
  let pass: boolean | null = null;
  if (f.target && f.value !== null) {
    const against = f.target.ofBaseline ? (ratio ?? Number.NaN) : f.value;
    pass = f.target.kind === 'max' ? against <= f.target.value : against >= f.target.value;
  } else if (f.target && f.value === null) pass = false;
  return { ...f, ratio, pass };
}

/** Appends figures to the file named by BENCH_RESULTS (one JSON object a line), when set. */
export function record(...figures: Figure[]): void {
  const file = process.env.BENCH_RESULTS;
  if (!file) return;
  for (const f of figures) appendFileSync(file, `${JSON.stringify(f)}\n`);
}

export function median(values: readonly number[]): number {
  if (values.length === 0) return Number.NaN;
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2
    ? (sorted[mid] as number)
    : ((sorted[mid - 1] as number) + (sorted[mid] as number)) / 2;
}

/** The nearest-rank percentile (p in 0–100): with few samples, p95 is the largest. */
export function percentile(values: readonly number[], p: number): number {
  if (values.length === 0) return Number.NaN;
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1))] as number;
}

export const round = (value: number, digits = 1) => Math.round(value * 10 ** digits) / 10 ** digits;
