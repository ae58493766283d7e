/**
 * The knowledge map's holders off the page's thread (./knowledge-holders-read.ts): reads the pairing
 * sessions' summary and the counted apps from IndexedDB, weighs who holds what, and posts the
 * result under the job's id (worker-jobs.ts).
 */
import { weighHolders } from './knowledge-holders-read';
import { serveJobs } from './worker-jobs';

self.onmessage = serveJobs(self, weighHolders);
