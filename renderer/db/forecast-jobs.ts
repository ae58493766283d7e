/**
 * Running the forecast with odds (and its calibration) without holding up the page: the work goes
 * to a worker (forecast.worker.ts) where one can start, else it runs in the page after the
 * current frame. Results are kept by their input (the arrivals' content, not their identity), so
 * the Plan area's charts and the overview's adoption chart asking for the same forecast share one
 * run, and a screen that mounts again over unchanged data shows it at once.
 */
import {
  forecastCalibration,
  forecastTarget,
  type CalibrationInput,
  type CalibrationPoint,
  type ForecastInput,
  type ForecastResult,
} from '../../shared/domain/forecast';

export type ForecastJob =
  { kind: 'forecast'; input: ForecastInput } | { kind: 'calibration'; input: CalibrationInput };

export type ForecastReply =
  | { id: number; kind: 'forecast'; result: ForecastResult }
  | { id: number; kind: 'calibration'; result: CalibrationPoint[] }
  | { id: number; kind: 'failed'; message: string };

type JobResult<J extends ForecastJob> = J extends { kind: 'forecast' } ? ForecastResult : CalibrationPoint[];

/** A cheap fingerprint of a list of dates (FNV-1a over their characters), for the cache key. */
function fingerprint(dates: readonly string[]): string {
  let hash = 0x811c9dc5;
  for (const date of dates) {
    for (let i = 0; i < date.length; i++) {
      hash ^= date.charCodeAt(i);
      hash = Math.imul(hash, 0x01000193);
    }
    hash ^= 0x2c; // a separator, so that ['ab', 'c'] and ['a', 'bc'] differ
  }
  return `${dates.length}:${(hash >>> 0).toString(36)}`;
}

/** The key a job's result is kept under: every input but the arrivals as they are, those by fingerprint. */
export function jobKey(job: ForecastJob): string {
  const { arrivals, ...rest } = job.input;
  return `${job.kind}|${fingerprint(arrivals)}|${JSON.stringify(rest)}`;
}

const KEPT = 16;
const results = new Map<string, Promise<unknown>>();

let worker: Worker | null | undefined;
let nextId = 1;
const waiting = new Map<number, { resolve: (r: unknown) => void; reject: (e: Error) => void }>();

function startWorker(): Worker | null {
  if (worker !== undefined) return worker;
  if (typeof Worker !== 'function') return (worker = null);
  try {
    worker = new Worker(new URL('./forecast.worker.ts', import.meta.url), {
      type: 'module',
      name: 'forecast',
    });
  } catch {
    return (worker = null);
  }
  worker.onmessage = (event: MessageEvent<ForecastReply>) => {
    const reply = event.data;
    const entry = waiting.get(reply.id);
    if (!entry) return;
    waiting.delete(reply.id);
    if (reply.kind === 'failed') entry.reject(new Error(reply.message));
    else entry.resolve(reply.result);
  };
  worker.onerror = (event) => {
    // A worker that cannot run (a platform refusing its script): the jobs waiting run in the page.
    event.preventDefault();
    worker?.terminate();
    worker = null;
    for (const [, entry] of waiting) entry.reject(new Error('worker stopped'));
    waiting.clear();
  };
  return worker;
}

function inPage<J extends ForecastJob>(job: J): Promise<JobResult<J>> {
  return new Promise((resolve, reject) => {
    setTimeout(() => {
      try {
        resolve(
          (job.kind === 'forecast'
            ? forecastTarget(job.input)
            : forecastCalibration(job.input as CalibrationInput)) as JobResult<J>,
        );
      } catch (error) {
        reject(error instanceof Error ? error : new Error(String(error)));
      }
    }, 0);
  });
}

function inWorker<J extends ForecastJob>(job: J, to: Worker): Promise<JobResult<J>> {
  const id = nextId++;
  return new Promise<JobResult<J>>((resolve, reject) => {
    waiting.set(id, { resolve: resolve as (r: unknown) => void, reject });
    to.postMessage({ id, job });
  }).catch((error: Error) => {
    if (error.message === 'worker stopped') return inPage(job);
    throw error;
  });
}

/** The job's result: kept from an earlier run with the same input, or run now (in the worker where it can). */
export function runForecastJob<J extends ForecastJob>(job: J): Promise<JobResult<J>> {
  const key = jobKey(job);
  const kept = results.get(key);
  if (kept) {
    // Most recently used last: the oldest is the one forgotten.
    results.delete(key);
    results.set(key, kept);
    return kept as Promise<JobResult<J>>;
  }
  const to = startWorker();
  const run = to ? inWorker(job, to) : inPage(job);
  results.set(key, run);
  run.catch(() => results.delete(key));
  while (results.size > KEPT) results.delete(results.keys().next().value as string);
  return run;
}

/** Forgets every kept result (tests). */
export function forgetForecastJobs(): void {
  results.clear();
}
