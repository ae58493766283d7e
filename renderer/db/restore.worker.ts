/**
 * The restore's worker: checks a backup file and writes it into IndexedDB off the page's
 * thread (restore-work.ts has the work; restore-client.ts starts this). Its own Dexie
 * connection tells the page's live queries about the new data when the write commits.
 */
// First: zod's settings apply to schemas built from here on (shared/zod-config.ts says why).
import '../../shared/zod-config';
import { AdoptionDatabase } from './database';
import { createRestoreWork, type RestoreReply, type RestoreRequest } from './restore-work';

const scope = self as unknown as {
  postMessage(reply: RestoreReply): void;
  onmessage: ((event: MessageEvent<RestoreRequest>) => void) | null;
};

const handle = createRestoreWork({
  post: (reply) => scope.postMessage(reply),
  open: (dbName) => {
    const database = new AdoptionDatabase(dbName);
    return { database, close: () => database.close() };
  },
});

scope.onmessage = (event) => void handle(event.data);
