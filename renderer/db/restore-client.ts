/**
 * Restoring a backup file, as the Data screen does it: the file's bytes go to a worker that
 * reads and checks it (restore.worker.ts), the screen shows the summary it returns, and on
 * confirmation the same worker writes the records in ONE transaction (replace.ts), reporting
 * its progress; the page's thread only draws. Where no worker can start (tests, or a worker
 * refused by the platform) the same work runs in the page, with the same messages and results.
 */
import { BackupFileError } from '../../shared/backup/backup';
import type { FileContent } from '../../shared/import/read/text';
import type { AdoptionDatabase } from './database';
import { StorageFullError } from './errors';
import {
  createRestoreWork,
  type BackupSummary,
  type RestoreReply,
  type RestoreRequest,
  type SentError,
} from './restore-work';

import type { MergeSummary } from './merge-import';

export type { BackupSummary } from './restore-work';
export type { MergeSummary } from './merge-import';

export interface RestoreOptions {
  /** Called with records written so far and the total, after each chunk (and once with 0 at the start). */
  onProgress?: (done: number, total: number) => void;
  signal?: AbortSignal;
}

/** A backup file that passed every check, ready to replace all data. */
export interface CheckedBackup {
  summary: BackupSummary;
  /**
   * Replaces every data table with the backup. Rejects with the signal's reason when cancelled
   * (the database is then exactly as it was), with a StorageFullError when the disk is full, or
   * with the underlying error; in every failure case nothing changed. Once only.
   */
  restore(options?: RestoreOptions): Promise<void>;
  /**
   * What merging the backup into the database would add, change and delete, and its conflicts;
   * nothing is written. Rejects with a MergeRefusedError (by name) for a backup of another program.
   */
  previewMerge(): Promise<MergeSummary>;
  /**
   * Merges the backup into the database in one transaction (renderer/db/merge-import.ts), with
   * progress and cancel; resolves with what it changed. Fails like restore. Once only, instead of restore.
   */
  merge(options?: RestoreOptions): Promise<MergeSummary>;
  /** Lets the checked records go without restoring them (the dialog was closed). */
  discard(): void;
}

/** The error a reply describes, as the page's own types where it has them. */
function received(error: SentError): Error {
  if (error.name === 'BackupFileError') return new BackupFileError(error.message, error.problems);
  if (error.name === 'StorageFullError') return new StorageFullError();
  const out = new Error(error.message);
  out.name = error.name;
  return out;
}

interface Channel {
  /** Sends a request; the buffers in `transfer` move to the worker and are unusable here after. */
  send(request: RestoreRequest, transfer?: Transferable[]): void;
  close(): void;
}

/** The work in a worker; null where none can start. `onFailure` hears a worker that stopped. */
function workerChannel(onReply: (reply: RestoreReply) => void, onFailure: () => void): Channel | null {
  if (typeof Worker !== 'function') return null;
  let worker: Worker;
  try {
    worker = new Worker(new URL('./restore.worker.ts', import.meta.url), { type: 'module', name: 'restore' });
  } catch {
    return null;
  }
  worker.onmessage = (event: MessageEvent<RestoreReply>) => onReply(event.data);
  worker.onerror = (event) => {
    event.preventDefault();
    onFailure();
  };
  return {
    send: (request, transfer = []) => worker.postMessage(request, transfer),
    close: () => worker.terminate(),
  };
}

/** The same work in the page's thread, its replies delivered as a worker's would be: later. */
function pageChannel(database: AdoptionDatabase, onReply: (reply: RestoreReply) => void): Channel {
  const handle = createRestoreWork({
    post: (reply) => queueMicrotask(() => onReply(reply)),
    open: () => ({ database }),
  });
  return { send: (request) => void handle(request), close: () => {} };
}

/**
 * A whole buffer to move to the worker without a copy, or none: a view of part of a buffer (or a
 * string) is copied instead, so that nothing else of the page's is taken from it.
 */
function movable(content: FileContent): Transferable[] {
  if (content instanceof ArrayBuffer) return [content];
  if (content instanceof Uint8Array && content.byteOffset === 0 && content.buffer instanceof ArrayBuffer) {
    if (content.byteLength === content.buffer.byteLength) return [content.buffer];
  }
  return [];
}

/**
 * Reads and checks a backup file — its bytes, or its text — off the page's thread where it can.
 * Bytes move to the worker, so the caller must not use them afterwards. Rejects with a
 * BackupFileError naming what is wrong when the file cannot be restored.
 */
export function checkBackup(content: FileContent, database: AdoptionDatabase): Promise<CheckedBackup> {
  let listener: (reply: RestoreReply) => void = () => {};
  const onReply = (reply: RestoreReply) => listener(reply);
  let answered = false;
  let channel: Channel;
  const transfer = movable(content);
  // A worker that cannot run (a platform refusing its script) fails before its first answer:
  // the check then runs again in the page, unless the file's bytes already moved to the worker.
  const worker = workerChannel(onReply, () => {
    if (answered || transfer.length > 0) {
      const message = answered ? 'The restore stopped.' : 'The file could not be checked. Choose it again.';
      return onReply({ type: 'failed', error: { name: 'Error', message } });
    }
    channel.close();
    channel = pageChannel(database, onReply);
    channel.send({ type: 'check', content });
  });
  channel = worker ?? pageChannel(database, onReply);

  return new Promise<CheckedBackup>((resolve, reject) => {
    listener = (reply) => {
      answered = true;
      if (reply.type === 'checked') resolve(checked(reply.summary));
      else if (reply.type === 'failed') {
        channel.close();
        reject(received(reply.error));
      }
    };
    channel.send({ type: 'check', content }, worker ? transfer : []);
  });

  function checked(summary: BackupSummary): CheckedBackup {
    let started = false;

    /** Sends a write ('restore' or 'merge') and follows its progress to its end. */
    function write<T>(
      type: 'restore' | 'merge',
      { onProgress, signal }: RestoreOptions,
      ended: (reply: RestoreReply) => { value: T } | undefined,
    ): Promise<T> {
      if (started) return Promise.reject(new Error('This backup was already restored or merged'));
      started = true;
      return new Promise<T>((resolve, reject) => {
        const cancel = () => channel.send({ type: 'cancel' });
        signal?.addEventListener('abort', cancel, { once: true });
        listener = (reply) => {
          if (reply.type === 'progress') {
            onProgress?.(reply.done, reply.total);
            return;
          }
          signal?.removeEventListener('abort', cancel);
          channel.close();
          const done = ended(reply);
          if (done) resolve(done.value);
          else if (reply.type === 'canceled') {
            reject(
              signal?.reason instanceof Error
                ? signal.reason
                : new DOMException(`The ${type} was canceled`, 'AbortError'),
            );
          } else if (reply.type === 'failed') reject(received(reply.error));
        };
        if (signal?.aborted) {
          channel.close();
          reject(signal.reason instanceof Error ? signal.reason : new DOMException('Canceled', 'AbortError'));
          return;
        }
        channel.send({ type, dbName: database.name });
      });
    }

    return {
      summary,
      discard() {
        if (!started) channel.close();
      },
      previewMerge() {
        if (started) return Promise.reject(new Error('This backup was already restored or merged'));
        return new Promise<MergeSummary>((resolve, reject) => {
          listener = (reply) => {
            if (reply.type === 'merge-previewed') resolve(reply.summary);
            else if (reply.type === 'failed') reject(received(reply.error));
          };
          channel.send({ type: 'merge-preview', dbName: database.name });
        });
      },
      merge(options = {}) {
        return write('merge', options, (reply) =>
          reply.type === 'merged' ? { value: reply.summary } : undefined,
        );
      },
      restore({ onProgress, signal } = {}) {
        if (started) return Promise.reject(new Error('This backup was already restored'));
        started = true;
        return new Promise<void>((resolve, reject) => {
          const cancel = () => channel.send({ type: 'cancel' });
          signal?.addEventListener('abort', cancel, { once: true });
          listener = (reply) => {
            if (reply.type === 'progress') {
              onProgress?.(reply.done, reply.total);
              return;
            }
            signal?.removeEventListener('abort', cancel);
            channel.close();
            if (reply.type === 'restored') resolve();
            else if (reply.type === 'canceled') {
              reject(
                signal?.reason instanceof Error
                  ? signal.reason
                  : new DOMException('Restoring the backup was canceled', 'AbortError'),
              );
            } else if (reply.type === 'failed') reject(received(reply.error));
          };
          if (signal?.aborted) {
            channel.close();
            reject(
              signal.reason instanceof Error ? signal.reason : new DOMException('Canceled', 'AbortError'),
            );
            return;
          }
          channel.send({ type: 'restore', dbName: database.name });
        });
      },
    };
  }
}
