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

function inPage(job: HoldersJob): Promise<WeighedHolders> {
  return new Promise((resolve) => setTimeout(resolve, 0)).then(() => weighHolders(job));
}

/** The holders, weighed in the worker where one runs, else in the page after the current frame. */
export function runHoldersJob(job: HoldersJob): Promise<WeighedHolders> {
  const to = startWorker();
  if (!to) return inPage(job);
  const id = nextId++;
  return new Promise<WeighedHolders>((resolve, reject) => {
    waiting.set(id, { resolve, reject });
    to.postMessage({ id, job });
  }).catch((error: Error) => {
    if (error.message === 'worker stopped') return inPage(job);
    throw error;
  });
}
