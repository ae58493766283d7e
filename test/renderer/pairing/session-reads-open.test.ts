/**
 * The Pairing area has the session reads' worker open the database ahead of the first read
 * (renderer/features/pairing/data/session-reads.ts prepareSessionReads).
 */
import { afterEach, expect, it, vi } from 'vitest';
import 'fake-indexeddb/auto';

const posted: unknown[] = [];
class FakeWorker {
  onmessage: ((event: MessageEvent) => void) | null = null;
  onerror: ((event: Event) => void) | null = null;
  postMessage(message: unknown) {
    posted.push(message);
  }
  terminate() {}
}

afterEach(() => {
  vi.unstubAllGlobals();
});

it('starts the worker with a job that only opens the workspace’s database', async () => {
  vi.stubGlobal('Worker', FakeWorker);
  const { prepareSessionReads } = await import('../../../renderer/features/pairing/data/session-reads');
  prepareSessionReads('adoption-test');
  expect(posted).toEqual([{ id: 1, job: { kind: 'open', database: 'adoption-test' } }]);
});
