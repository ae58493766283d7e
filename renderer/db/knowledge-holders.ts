/**
 * Running the knowledge map's holders job (./knowledge-holders-read.ts) in a worker
 * (knowledge-holders.worker.ts) where one can start, else in the page after the current frame.
 */
import {
  weighHolders,
  type HoldersJob,
  type HoldersReply,
  type WeighedHolders,
} from './knowledge-holders-read';

export type { HoldersJob, WeighedHolders } from './knowledge-holders-read';

let worker: Worker | null | undefined;
let nextId = 1;
const waiting = new Map<number, { resolve: (r: WeighedHolders) => void; reject: (e: Error) => void }>();

function startWorker(): Worker | null {
  if (worker !== undefined) return worker;
  if (typeof Worker !== 'function') return (worker = null);
  try {
    worker = new Worker(new URL('./knowledge-holders.worker.ts', import.meta.url), {
      type: 'module',
      name: 'knowledge-holders',
    });
  } catch {
    return (worker = null);
  }
  worker.onmessage = (event: MessageEvent<HoldersReply>) => {
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

function inPage(job: HoldersJob, signal?: AbortSignal): Promise<WeighedHolders> {
  return new Promise((resolve) => setTimeout(resolve, 0)).then(() => {
    if (signal?.aborted) throw new Error('job dropped');
    return weighHolders(job);
  });
}

/**
 * The holders, weighed in the worker where one runs, else in the page after the current frame.
 * Aborting `signal` drops the job; a worker left with no job still wanted is stopped, so a long
 * read of the summary no one waits for does not hold up IndexedDB (the next job starts another).
 */
export function runHoldersJob(job: HoldersJob, signal?: AbortSignal): Promise<WeighedHolders> {
  const to = startWorker();
  if (!to) return inPage(job, signal);
  const id = nextId++;
  return new Promise<WeighedHolders>((resolve, reject) => {
    waiting.set(id, { resolve, reject });
    to.postMessage({ id, job });
    signal?.addEventListener('abort', () => {
      if (!waiting.delete(id)) return;
      reject(new Error('job dropped'));
      if (waiting.size === 0 && worker === to) {
        to.terminate();
        worker = undefined;
      }
    });
  }).catch((error: Error) => {
    if (error.message === 'worker stopped') return inPage(job, signal);
    throw error;
  });
}
