/**
 * The knowledge map's holders off the page's thread (./knowledge-holders-read.ts): reads the pairing
 * sessions' summary and the counted apps from IndexedDB, weighs who holds what, and posts the
 * result under the job's id.
 */
import { serveHolders } from './knowledge-holders-read';

self.onmessage = serveHolders(self);
