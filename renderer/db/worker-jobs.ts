/**
 * Jobs run off the page's thread, one request and one reply each, in a worker started on the
 * first job; where no worker can start (jsdom, a platform refusing it) or it stops, the job runs
 * in the page instead. Both ends of the exchange live here: {@link jobRunner} on the page's side,
 * {@link serveJobs} on the worker's. Each client (forecast-jobs.ts, knowledge-holders.ts, the
 * pairing area's session-reads.ts) writes only its worker's factory — `new Worker(new URL(…,
 * import.meta.url))` stays in the client's file, where the bundler finds the worker — and what
 * runs in the page.
 */

/** What the page posts: a job under its id. */
export interface JobRequest<J> {
  id: number;
  job: J;
}

/** What the worker posts back under the job's id: its result, or why it failed. */
export type JobReply<R> = { id: number; ok: true; result: R } | { id: number; ok: false; message: string };

/** A job dropped through its signal before its answer came (the promise rejects with this message). */
export const JOB_DROPPED = 'job dropped';

export interface JobRunnerOptions {
  /** Starts the worker (called on the first job, and on the first job after one was stopped). */
  start: () => Worker;
  /** Whether a worker may start here, beyond `Worker` existing (e.g. IndexedDB for one that reads it). */
  canStart?: () => boolean;
  /**
   * A job the worker answered with a failure runs in the page too (true), or fails with the
   * worker's message (false, the default: the page would fail alike).
   */
  retryFailedInPage?: boolean;
}

export interface JobRunner<J> {
  /**
   * The job's result, from the worker where one runs; else `inPage()`, called now (so a live
   * query calling it keeps watching what it reads), or once the worker stops. Aborting `signal`
   * drops the job: it rejects with {@link JOB_DROPPED}, and a worker left with no job still
   * wanted is stopped (the next job starts another), so it holds nothing up.
   */
  run<R>(job: J, inPage: () => R | Promise<R>, signal?: AbortSignal): Promise<R>;
}

interface Waiting {
  resolve(result: unknown): void;
  reject(error: Error): void;
  /** Runs the job in the page instead (the worker stopped, or failed where the page may not). */
  inPage(): void;
}

/** `fn()` as a promise, called now (a throw rejects it). */
function settle<R>(fn: () => R | Promise<R>): Promise<R> {
  try {
    return Promise.resolve(fn());
  } catch (error) {
    return Promise.reject(error instanceof Error ? error : new Error(String(error)));
  }
}

/** A runner of jobs of type `J` over the worker `options.start` starts. */
export function jobRunner<J>(options: JobRunnerOptions): JobRunner<J> {
  // undefined: not started yet; null: none can run here, every job runs in the page.
  let worker: Worker | null | undefined;
  let nextId = 1;
  const waiting = new Map<number, Waiting>();

  function started(): Worker | null {
    if (worker !== undefined) return worker;
    if (typeof Worker !== 'function' || (options.canStart && !options.canStart())) return (worker = null);
    let to: Worker;
    try {
      to = options.start();
    } catch {
      return (worker = null);
    }
    to.onmessage = (event: MessageEvent<JobReply<unknown>>) => {
      const reply = event.data;
      const entry = waiting.get(reply.id);
      if (!entry) return;
      waiting.delete(reply.id);
      if (reply.ok) entry.resolve(reply.result);
      else if (options.retryFailedInPage) entry.inPage();
      else entry.reject(new Error(reply.message));
    };
    to.onerror = (event) => {
      // A worker that cannot run (a platform refusing its script): the jobs waiting, and every
      // one after, run in the page.
      event.preventDefault();
      to.terminate();
      worker = null;
      const stranded = [...waiting.values()];
      waiting.clear();
      for (const entry of stranded) entry.inPage();
    };
    return (worker = to);
  }

  function run<R>(job: J, inPage: () => R | Promise<R>, signal?: AbortSignal): Promise<R> {
    if (signal?.aborted) return Promise.reject(new Error(JOB_DROPPED));
    const to = started();
    if (!to) return settle(inPage);
    const id = nextId++;
    return new Promise<R>((resolve, reject) => {
      waiting.set(id, {
        resolve: resolve as (result: unknown) => void,
        reject,
        inPage: () => resolve(settle(inPage)),
      });
      to.postMessage({ id, job } satisfies JobRequest<J>);
      signal?.addEventListener('abort', () => {
        if (!waiting.delete(id)) return;
        reject(new Error(JOB_DROPPED));
        if (waiting.size === 0 && worker === to) {
          to.terminate();
          worker = undefined;
        }
      });
    });
  }

  return { run };
}

/**
 * `fn` after the current task (and the frame the page may draw meanwhile): what a job run in the
 * page instead of a worker waits for, so that a screen asking for it draws first.
 */
export function afterThisTask<R>(fn: () => R | Promise<R>): Promise<R> {
  return new Promise<void>((resolve) => setTimeout(resolve, 0)).then(fn);
}

/** The worker's side: answers each job posted to it with `answer`'s result, or its failure, under the job's id. */
export function serveJobs<J, R>(
  scope: { postMessage(reply: JobReply<R>): void },
  answer: (job: J) => R | Promise<R>,
): (event: MessageEvent<JobRequest<J>>) => Promise<void> {
  return async (event) => {
    const { id, job } = event.data;
    let reply: JobReply<R>;
    try {
      reply = { id, ok: true, result: await answer(job) };
    } catch (error) {
      reply = { id, ok: false, message: error instanceof Error ? error.message : String(error) };
    }
    scope.postMessage(reply);
  };
}
