/**
 * The forecast with odds and its calibration off the page's thread: 10,000 trials per forecast,
 * one forecast per past cycle for the calibration. The page posts a job, the worker answers with
 * the pure function's result (shared/domain/forecast.ts) under the job's id (worker-jobs.ts).
 */
import { forecastCalibration, forecastTarget } from '../../shared/domain/forecast';
import type { ForecastJob } from './forecast-jobs';
import { serveJobs } from './worker-jobs';

self.onmessage = serveJobs(self, (job: ForecastJob) =>
  job.kind === 'forecast' ? forecastTarget(job.input) : forecastCalibration(job.input),
);
