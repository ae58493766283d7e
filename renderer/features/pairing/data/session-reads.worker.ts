/**
 * The session reads of session-reads.ts off the page's thread: the worker opens the workspace's
 * IndexedDB database itself (at whatever version it is; it closes it at once when the page
 * upgrades or deletes it) and answers a job with the matches of a filter or a cycle's totals.
 */
import { idbReader, idbTotals, readFilteredLog, type SessionJob } from './session-reads';
import { serveJobs } from '../../../db/worker-jobs';

let open: { name: string; db: Promise<IDBDatabase> } | null = null;

function database(name: string): Promise<IDBDatabase> {
  if (open?.name === name) return open.db;
  const db = new Promise<IDBDatabase>((resolve, reject) => {
    const request = indexedDB.open(name);
    request.onupgradeneeded = () => {
      // No such database (or an older one being created): never create or upgrade it here.
      request.transaction?.abort();
    };
    request.onsuccess = () => {
      const opened = request.result;
      opened.onversionchange = () => {
        opened.close();
        if (open?.name === name) open = null;
      };
      opened.onclose = () => {
        if (open?.name === name) open = null;
      };
      resolve(opened);
    };
    request.onerror = () => reject(request.error ?? new Error(`Could not open ${name}`));
    request.onblocked = () => reject(new Error(`Opening ${name} is blocked`));
  });
  open = { name, db };
  db.catch(() => {
    if (open?.db === db) open = null;
  });
  return db;
}

self.onmessage = serveJobs(self, async (job: SessionJob) => {
  const db = await database(job.database);
  if (job.kind === 'open') return null;
  return job.kind === 'log' ? readFilteredLog(idbReader(db), job.filter) : idbTotals(db, job.dimension);
});
