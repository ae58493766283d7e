/**
 * The forecast with odds and its calibration off the page's thread: 10,000 trials per forecast,
 * one forecast per past cycle for the calibration. The page posts a job, the worker answers with
 * the pure function's result (shared/domain/forecast.ts) under the job's id.
 */
import { forecastCalibration, forecastTarget } from '../../shared/domain/forecast';
import type { ForecastJob, ForecastReply } from './forecast-jobs';

self.onmessage = (event: MessageEvent<{ id: number; job: ForecastJob }>) => {
  const { id, job } = event.data;
  let reply: ForecastReply;
  try {
    reply =
      job.kind === 'forecast'
        ? { id, kind: 'forecast', result: forecastTarget(job.input) }
        : { id, kind: 'calibration', result: forecastCalibration(job.input) };
  } catch (error) {
    reply = { id, kind: 'failed', message: error instanceof Error ? error.message : String(error) };
  }
  self.postMessage(reply);
};
