/**
 * Running the forecast with odds (and its calibration) without holding up the page: the work goes
 * to a worker (forecast.worker.ts) where one can start, else it runs in the page after the
 * current frame (worker-jobs.ts). Results are kept by their input (the arrivals' content, not their identity), so
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
import { afterThisTask, jobRunner } from './worker-jobs';

export type ForecastJob =
  { kind: 'forecast'; input: ForecastInput } | { kind: 'calibration'; input: CalibrationInput };

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

const jobs = jobRunner<ForecastJob>({
  start: () =>
    new Worker(new URL('./forecast.worker.ts', import.meta.url), { type: 'module', name: 'forecast' }),
});

/** The job worked out in the page (where no worker runs), after the current frame. */
function inPage<J extends ForecastJob>(job: J): Promise<JobResult<J>> {
  return afterThisTask(
    () =>
      (job.kind === 'forecast'
        ? forecastTarget(job.input)
        : forecastCalibration(job.input as CalibrationInput)) as JobResult<J>,
  );
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
  const run = jobs.run(job, () => inPage(job));
  results.set(key, run);
  run.catch(() => results.delete(key));
  while (results.size > KEPT) results.delete(results.keys().next().value as string);
  return run;
}

/** Forgets every kept result (tests). */
export function forgetForecastJobs(): void {
  results.clear();
}
