/**
 * The work of a restore — reading and checking the backup file, then writing it in place of
 * every data table — as messages, so that it can run in a worker (restore.worker.ts): a decade
 * of an enterprise program is a 190 MB file of 326,000 records, whose check alone would hold the
 * page for many seconds. The page only sends the file — its bytes, moved to the worker at no cost,
 * which decodes them here — and receives the backup's summary, the progress of the write and its
 * end; the records never cross back.
 *
 * The same handler runs in the page's own thread when there is no worker (tests, or a worker
 * that could not start): the messages are then delivered in the page, with the same results.
 */
import {
  parseBackup,
  verifyBackupChecksum,
  type BackupFileError,
  type ParsedBackup,
} from '../../shared/backup/backup';
import { decodeText, type FileContent } from '../../shared/import/read/text';
import { restoreBackup } from './backup';
import { DATA_TABLES, type AdoptionDatabase } from './database';
import { mergeBackup, previewMerge, type MergeSummary } from './merge-import';

/** What the Restore dialog shows of a checked backup: everything but its records. */
export type BackupSummary = Omit<ParsedBackup, 'tables' | 'clocks'> & {
  /** Whether the file's checksum was checked (files of older apps have none). */
  checksum: 'verified' | 'absent';
};

export type RestoreRequest =
  /**
   * Read and check a backup file — its text, or its bytes, decoded here as every file is
   * (shared/import/read/text.ts) — and keep the records for a 'restore'.
   */
  | { type: 'check'; content: FileContent }
  /** Write the checked backup in place of every data table of the database named `dbName`. */
  | { type: 'restore'; dbName: string }
  /** What merging the checked backup into the database named `dbName` would change (nothing written). */
  | { type: 'merge-preview'; dbName: string }
  /** Merge the checked backup into the database named `dbName` (shared/sync/merge.ts), in one transaction. */
  | { type: 'merge'; dbName: string }
  | { type: 'cancel' };

/** An error as it crosses to the page: its name and message (and a refused backup's problems). */
export interface SentError {
  name: string;
  message: string;
  problems?: string[];
}

export type RestoreReply =
  | { type: 'checked'; summary: BackupSummary }
  | { type: 'progress'; done: number; total: number }
  | { type: 'restored' }
  | { type: 'merge-previewed'; summary: MergeSummary }
  | { type: 'merged'; summary: MergeSummary }
  | { type: 'canceled' }
  | { type: 'failed'; error: SentError };

export function sendable(error: unknown): SentError {
  if (!(error instanceof Error)) return { name: 'Error', message: String(error) };
  const problems = (error as Partial<BackupFileError>).problems;
  return { name: error.name, message: error.message, ...(Array.isArray(problems) ? { problems } : {}) };
}

export interface RestoreWorkOptions {
  post: (reply: RestoreReply) => void;
  /** The database to write into, and what to do with it afterwards (a worker closes its own). */
  open: (dbName: string) => { database: AdoptionDatabase; close?: () => void };
}

/** Handles one request at a time: check, then restore (or cancel). */
export function createRestoreWork({ post, open }: RestoreWorkOptions) {
  let checked: ParsedBackup | null = null;
  let running: AbortController | null = null;

  async function restore(dbName: string) {
    if (!checked) throw new Error('There is no checked backup to restore');
    const controller = new AbortController();
    running = controller;
    const { database, close } = open(dbName);
    try {
      await restoreBackup(checked, database, {
        signal: controller.signal,
        onProgress: (done, total) => post({ type: 'progress', done, total }),
      });
      post({ type: 'restored' });
    } catch (error) {
      post(controller.signal.aborted ? { type: 'canceled' } : { type: 'failed', error: sendable(error) });
    } finally {
      running = null;
      checked = null;
      close?.();
    }
  }

  async function preview(dbName: string) {
    if (!checked) throw new Error('There is no checked backup to merge');
    const { database, close } = open(dbName);
    try {
      post({ type: 'merge-previewed', summary: await previewMerge(database, checked) });
    } finally {
      close?.();
    }
  }

  async function merge(dbName: string) {
    if (!checked) throw new Error('There is no checked backup to merge');
    const controller = new AbortController();
    running = controller;
    const { database, close } = open(dbName);
    try {
      const summary = await mergeBackup(database, checked, {
        signal: controller.signal,
        onProgress: (done, total) => post({ type: 'progress', done, total }),
      });
      post({ type: 'merged', summary });
    } catch (error) {
      post(controller.signal.aborted ? { type: 'canceled' } : { type: 'failed', error: sendable(error) });
    } finally {
      running = null;
      checked = null;
      close?.();
    }
  }

  return async function handle(request: RestoreRequest): Promise<void> {
    switch (request.type) {
      case 'check':
        try {
          const text =
            typeof request.content === 'string' ? request.content : decodeText(request.content).text;
          const checksum = await verifyBackupChecksum(text);
          checked = parseBackup(text, DATA_TABLES);
          const { tables: _records, clocks: _clocks, ...rest } = checked;
          post({ type: 'checked', summary: { ...rest, checksum } });
        } catch (error) {
          post({ type: 'failed', error: sendable(error) });
        }
        return;
      case 'restore':
        return restore(request.dbName).catch((error: unknown) =>
          post({ type: 'failed', error: sendable(error) }),
        );
      case 'merge-preview':
        return preview(request.dbName).catch((error: unknown) =>
          post({ type: 'failed', error: sendable(error) }),
        );
      case 'merge':
        return merge(request.dbName).catch((error: unknown) =>
          post({ type: 'failed', error: sendable(error) }),
        );
      case 'cancel':
        running?.abort();
        return;
    }
  };
}
