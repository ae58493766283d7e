/**
 * The one restore flow of the Data screen, whichever card starts it (a backup file the user picks,
 * or one of the desktop app's automatic backups): read and check the file, ask with what it holds,
 * then — before anything is replaced — back up the current data (the desktop writes it to the
 * backups folder; a browser downloads it when the user keeps that offer ticked), and restore with
 * progress and Cancel. The card that started it shows where it stands.
 */
import { useEffect, useRef, useState } from 'react';
import { todayIso } from '../../../shared/domain';
import { formatBytes } from '../../../shared/import/file-checks';
import type { OpenFileResponse, ReadAutoBackupResponse } from '../../../shared/ipc/contract';
import { useDatabase } from '../../db/DatabaseContext';
import { describeError } from '../../db/errors';
import { checkBackup, type CheckedBackup } from '../../db/restore-client';
import { desktop } from '../../desktop';
import { useUi } from '../../store/ui';
import { backupText, recordExport, writeAutoBackup } from './data/auto-backups';
import { records } from './labels';

/** Which card started the restore: it shows the progress and any error. */
export type RestoreOrigin = 'file' | 'auto';

export interface PendingRestore {
  name: string;
  backup: CheckedBackup;
  origin: RestoreOrigin;
}

export interface RestoreFlow {
  origin: RestoreOrigin | null;
  error: string | null;
  busy: boolean;
  /** The file being read and checked (off the page's thread), by name. */
  checking: string | null;
  pending: PendingRestore | null;
  /** Set while the current data is backed up before the restore. */
  backingUp: boolean;
  restoring: { done: number; total: number } | null;
  /** Reads a backup (through a dialog or from the backups folder) and asks before restoring it. */
  open(origin: RestoreOrigin, read: () => Promise<OpenFileResponse | ReadAutoBackupResponse>): Promise<void>;
  /** Restores the pending backup; `downloadFirst` saves the current data as a file first (browser). */
  confirm(options: { downloadFirst: boolean }): void;
  close(): void;
  cancel(): void;
}

export const JSON_FILTERS = [{ name: 'Backup (JSON)', extensions: ['json'] }];

/** Saves every record as a dated backup file: a save dialog on the desktop, a download in a browser. */
export async function saveBackupFile(database: Parameters<typeof backupText>[0]) {
  const result = await desktop.saveFile({
    suggestedName: `adoption-backup-${todayIso()}.json`,
    content: await backupText(database),
    mimeType: 'application/json',
    filters: JSON_FILTERS,
  });
  if (result.status === 'saved') await recordExport(database);
  return result;
}

/** `current`: how many records the restore replaces (none: nothing to back up first). */
export function useRestoreFlow(current: number): RestoreFlow {
  const database = useDatabase();
  const toast = useUi((s) => s.toast);
  const [origin, setOrigin] = useState<RestoreOrigin | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const [checking, setChecking] = useState<string | null>(null);
  const [pending, setPending] = useState<PendingRestore | null>(null);
  const [backingUp, setBackingUp] = useState(false);
  const [restoring, setRestoring] = useState<{ done: number; total: number } | null>(null);
  const abort = useRef<AbortController | null>(null);
  /** The backup being restored: closing its dialog must not let its records go. */
  const inFlight = useRef<CheckedBackup | null>(null);
  // Leaving the screen mid-restore cancels it: the database then stays as it was.
  useEffect(() => () => abort.current?.abort(), []);
  // A checked backup holds its records until it is restored; closing the dialog (or leaving the
  // screen) without restoring lets them go.
  useEffect(() => {
    const backup = pending?.backup;
    return () => {
      if (backup && backup !== inFlight.current) backup.discard();
    };
  }, [pending]);

  /** Backs up the data about to be replaced; false (with the reason shown) when that failed. */
  async function backUpCurrent(name: string, downloadFirst: boolean): Promise<boolean> {
    if (current === 0) return true;
    setBackingUp(true);
    try {
      const written = await writeAutoBackup(database, desktop, 'before-restore');
      if (
        written.status === 'unavailable' &&
        downloadFirst &&
        (await saveBackupFile(database)).status !== 'saved'
      ) {
        setError(`The current data was not downloaded, so ${name} was not restored. Nothing was changed.`);
        return false;
      }
      return true;
    } catch (e) {
      setError(
        `The current data could not be backed up first, so ${name} was not restored: ${describeError(e)} Nothing was changed.`,
      );
      return false;
    } finally {
      setBackingUp(false);
    }
  }

  /** Writes the backup with progress; the dialog has closed, so the card shows where it stands. */
  async function restore(chosen: PendingRestore, downloadFirst: boolean) {
    setError(null);
    setOrigin(chosen.origin);
    inFlight.current = chosen.backup;
    if (!(await backUpCurrent(chosen.name, downloadFirst))) {
      inFlight.current = null;
      chosen.backup.discard();
      return;
    }
    const controller = new AbortController();
    abort.current = controller;
    const { total } = chosen.backup.summary;
    setRestoring({ done: 0, total });
    try {
      await chosen.backup.restore({
        signal: controller.signal,
        onProgress: (done, all) => {
          if (!controller.signal.aborted) setRestoring({ done, total: all });
        },
      });
      toast({ kind: 'success', text: `The backup is restored: ${records(total)}.` });
    } catch (e) {
      if (controller.signal.aborted) {
        toast({ kind: 'info', text: 'The restore was cancelled. Nothing was changed.' });
      } else {
        setError(`${chosen.name} could not be restored: ${describeError(e)} Nothing was changed.`);
      }
    } finally {
      if (abort.current === controller) abort.current = null;
      if (inFlight.current === chosen.backup) inFlight.current = null;
      setRestoring(null);
    }
  }

  async function open(from: RestoreOrigin, read: () => Promise<OpenFileResponse | ReadAutoBackupResponse>) {
    setOrigin(from);
    setError(null);
    setBusy(true);
    try {
      const file = await read();
      if (file.status === 'canceled') return;
      if (file.status === 'unavailable') {
        setError('Automatic backups are kept by the desktop app only.');
        return;
      }
      if (file.status === 'missing') {
        setError(`${file.name} is no longer in the backups folder. Nothing was changed.`);
        return;
      }
      if (file.status === 'too-large') {
        setError(`${file.name} is ${formatBytes(file.size)}: too large to be a backup. Nothing was changed.`);
        return;
      }
      setChecking(file.name);
      try {
        setPending({ name: file.name, backup: await checkBackup(file.content, database), origin: from });
      } catch (e) {
        const message = describeError(e);
        setError(
          `${file.name}: ${message}${/Nothing was changed/.test(message) ? '' : ' Nothing was changed.'}`,
        );
      }
    } catch (e) {
      setError(`The file could not be opened: ${describeError(e)}`);
    } finally {
      setBusy(false);
      setChecking(null);
    }
  }

  return {
    origin,
    error,
    busy,
    checking,
    pending,
    backingUp,
    restoring,
    open,
    confirm({ downloadFirst }) {
      // The dialog closes at once; the card shows the progress and offers Cancel.
      if (pending) void restore(pending, downloadFirst);
    },
    close: () => setPending(null),
    cancel: () => abort.current?.abort(),
  };
}
