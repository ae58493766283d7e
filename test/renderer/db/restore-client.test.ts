/**
 * Restoring a backup file through the restore's worker (renderer/db/restore-client.ts): the
 * page gets a summary, progress and the end, never the records; a cancel or a bad file changes
 * nothing; and where no worker runs, or one cannot start, the same work runs in the page.
 */
import { afterEach, describe, expect, it, vi } from 'vitest';
import { exportBackup } from '../../../renderer/db/backup';
import { AdoptionDatabase } from '../../../renderer/db/database';
import { loadDemoProgram } from '../../../renderer/db/demo';
import { checkBackup } from '../../../renderer/db/restore-client';
import { createRestoreWork, type RestoreReply, type RestoreRequest } from '../../../renderer/db/restore-work';
import { BackupFileError, backupToJson } from '../../../shared/backup/backup';
import { freshDatabases, snapshot } from './db-helpers';

const freshDb = freshDatabases('restore-client-test');

/** A demo workspace's backup file, and another workspace (a later demo) to restore it into. */
async function fileAndOtherWorkspace() {
  const source = freshDb();
  await loadDemoProgram({ database: source, today: '2026-03-18' });
  const text = backupToJson(await exportBackup(source));
  const target = freshDb();
  await loadDemoProgram({ database: target, today: '2027-01-10' });
  return { source, text, target, before: await snapshot(target) };
}

/**
 * A stand-in for the browser's Worker running restore.worker.ts: every message is cloned as
 * postMessage clones it, and the work opens the database by name, as the real worker does.
 */
class CloningWorker {
  static started: CloningWorker[] = [];
  onmessage: ((event: { data: RestoreReply }) => void) | null = null;
  onerror: ((event: { preventDefault(): void }) => void) | null = null;
  terminated = false;
  requests: RestoreRequest['type'][] = [];
  /** How many buffers moved to the worker rather than being copied. */
  moved = 0;
  private handle = createRestoreWork({
    post: (reply) => setTimeout(() => !this.terminated && this.onmessage?.({ data: structuredClone(reply) })),
    open: (dbName) => {
      const database = new AdoptionDatabase(dbName);
      return { database, close: () => database.close() };
    },
  });

  constructor(readonly url: URL) {
    CloningWorker.started.push(this);
  }

  postMessage(request: RestoreRequest, transfer: Transferable[] = []) {
    this.requests.push(request.type);
    this.moved += transfer.length;
    const copy = structuredClone(request, { transfer });
    setTimeout(() => void this.handle(copy));
  }

  terminate() {
    this.terminated = true;
  }
}

afterEach(() => {
  vi.unstubAllGlobals();
  CloningWorker.started = [];
});

describe.each([
  ['in the page (no worker)', () => {}],
  ['in a worker', () => vi.stubGlobal('Worker', CloningWorker)],
])('restoring a backup file %s', (_where, setUp) => {
  it('checks the file, says what it holds, and writes it with progress', async () => {
    setUp();
    const { source, text, target } = await fileAndOtherWorkspace();
    const checked = await checkBackup(text, target);
    expect(checked.summary.counts).toMatchObject({ program: 1 });
    expect(checked.summary.total).toBe(Object.values(checked.summary.counts).reduce((a, b) => a + b, 0));
    expect(checked.summary).not.toHaveProperty('tables');

    const seen: number[] = [];
    await checked.restore({ onProgress: (done) => seen.push(done) });
    expect(seen[0]).toBe(0);
    expect(seen.at(-1)).toBe(checked.summary.total);
    expect(await snapshot(target)).toEqual(await snapshot(source));
    await expect(checked.restore()).rejects.toThrow(/already restored/);
  });

  it('refuses a bad file with every problem named, and changes nothing', async () => {
    setUp();
    const { text, target, before } = await fileAndOtherWorkspace();
    const backup = JSON.parse(text) as { tables: { apps: { name: string }[] } };
    backup.tables.apps[0]!.name = '';
    const refused = checkBackup(JSON.stringify(backup), target);
    await expect(refused).rejects.toBeInstanceOf(BackupFileError);
    await expect(refused).rejects.toMatchObject({
      problems: [expect.stringMatching(/^apps, record 1, name: /)],
    });
    expect(await snapshot(target)).toEqual(before);
  });

  it('leaves the data as it was when cancelled part-way', async () => {
    setUp();
    const { text, target, before } = await fileAndOtherWorkspace();
    const checked = await checkBackup(text, target);
    const controller = new AbortController();
    const restoring = checked.restore({
      signal: controller.signal,
      onProgress: (done) => {
        if (done > 0) controller.abort();
      },
    });
    await expect(restoring).rejects.toMatchObject({ name: 'AbortError' });
    expect(await snapshot(target)).toEqual(before);
  });
});

describe('the restore worker', () => {
  it('gets the file once, checks and writes in the same worker, and ends it', async () => {
    vi.stubGlobal('Worker', CloningWorker);
    const { text, target } = await fileAndOtherWorkspace();
    const checked = await checkBackup(text, target);
    await checked.restore();
    const [worker] = CloningWorker.started;
    expect(CloningWorker.started).toHaveLength(1);
    expect(worker!.requests).toEqual(['check', 'restore']);
    expect(worker!.terminated).toBe(true);
  });

  it('is ended when the checked backup is let go without a restore', async () => {
    vi.stubGlobal('Worker', CloningWorker);
    const { text, target, before } = await fileAndOtherWorkspace();
    (await checkBackup(text, target)).discard();
    expect(CloningWorker.started[0]!.terminated).toBe(true);
    expect(await snapshot(target)).toEqual(before);
  });

  it("takes the file's bytes without a copy and decodes them as any file (UTF-8 with a mark, UTF-16)", async () => {
    vi.stubGlobal('Worker', CloningWorker);
    const { source, text, target } = await fileAndOtherWorkspace();
    const utf8 = new TextEncoder().encode(`\uFEFF${text}`);
    const checked = await checkBackup(utf8, target);
    expect(CloningWorker.started[0]!.moved).toBe(1);
    expect(utf8.byteLength).toBe(0); // moved: the page holds no second copy of a 200 MB file
    await checked.restore();
    expect(await snapshot(target)).toEqual(await snapshot(source));

    const utf16 = Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(text, 'utf16le')]);
    const again = await checkBackup(new Uint8Array(utf16), freshDb());
    expect(again.summary.total).toBe(checked.summary.total);
    again.discard();
  });

  it('asks for the file again when a worker stops after its bytes moved to it', async () => {
    class BrokenWorker extends CloningWorker {
      override postMessage(_request: RestoreRequest, transfer: Transferable[] = []) {
        structuredClone(null, { transfer }); // the bytes are gone from the page, as with a real worker
        setTimeout(() => this.onerror?.({ preventDefault() {} }));
      }
    }
    vi.stubGlobal('Worker', BrokenWorker);
    const { text, target, before } = await fileAndOtherWorkspace();
    await expect(checkBackup(new TextEncoder().encode(text), target)).rejects.toThrow(/Choose it again/);
    expect(await snapshot(target)).toEqual(before);
  });

  it('hands the work to the page when the worker cannot start', async () => {
    class BrokenWorker extends CloningWorker {
      override postMessage() {
        setTimeout(() => this.onerror?.({ preventDefault() {} }));
      }
    }
    vi.stubGlobal('Worker', BrokenWorker);
    const { source, text, target } = await fileAndOtherWorkspace();
    const checked = await checkBackup(text, target);
    await checked.restore();
    expect(await snapshot(target)).toEqual(await snapshot(source));
    expect(CloningWorker.started[0]!.terminated).toBe(true);
  });
});
