/**
 * Running the knowledge map's holders job (./knowledge-holders-read.ts) in a worker
 * (knowledge-holders.worker.ts) where one can start, else in the page after the current frame
 * (worker-jobs.ts).
 */
import { weighHolders, type HoldersJob, type WeighedHolders } from './knowledge-holders-read';
import { afterThisTask, JOB_DROPPED, jobRunner } from './worker-jobs';

export type { HoldersJob, WeighedHolders } from './knowledge-holders-read';

const jobs = jobRunner<HoldersJob>({
  start: () =>
    new Worker(new URL('./knowledge-holders.worker.ts', import.meta.url), {
      type: 'module',
      name: 'knowledge-holders',
    }),
});

/**
 * The holders, weighed in the worker where one runs, else in the page after the current frame.
 * Aborting `signal` drops the job; a worker left with no job still wanted is stopped, so a long
 * read of the summary no one waits for does not hold up IndexedDB (the next job starts another).
 */
export function runHoldersJob(job: HoldersJob, signal?: AbortSignal): Promise<WeighedHolders> {
  return jobs.run(
    job,
    () =>
      afterThisTask(() => {
        if (signal?.aborted) throw new Error(JOB_DROPPED);
        return weighHolders(job);
      }),
    signal,
  );
}
