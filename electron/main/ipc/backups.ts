/**
 * `backups:list`, `backups:write` and `backups:read`: the automatic backups in
 * `<userData>/backups`. The renderer builds the backup's text (the same builder as the Data
 * screen's export) and never names a path: this module names the files (AUTO_BACKUP_NAME) and
 * reads back only a name that has that shape and is in the folder.
 *
 * - One daily backup per day the app is used: writing again the same day replaces that day's file.
 * - A backup before a restore is named by the second it was taken, so it is never pruned as a daily.
 * - After each write the oldest of that kind are deleted, so the last N of each kind stay.
 * - Writes are atomic (a temporary file, then a rename); reads check the size before reading.
 */
import { mkdir, readdir, readFile, stat, unlink } from 'node:fs/promises';
import { join } from 'node:path';
import { format } from 'date-fns';
import { app } from 'electron';
import type { z } from 'zod';
import {
  AUTO_BACKUP_NAME,
  IPC,
  MAX_AUTO_BACKUPS,
  MAX_BACKUP_BYTES,
  type AutoBackup,
  type AutoBackupKind,
  type ListAutoBackupsResponse,
  type ReadAutoBackupResponse,
  type WriteAutoBackupResponse,
  type readAutoBackupRequestSchema,
  type writeAutoBackupRequestSchema,
} from '../../../shared/ipc/contract';
import { writeFileAtomic } from './files';
import { handle } from './register';

type WriteRequest = z.output<typeof writeAutoBackupRequestSchema>;
type ReadRequest = z.output<typeof readAutoBackupRequestSchema>;

/** The folder of the automatic backups. */
export function backupsFolder(): string {
  return join(app.getPath('userData'), 'backups');
}

/** The file name a backup of `kind` written at `now` gets (local time: the user's day). */
export function autoBackupName(kind: AutoBackupKind, now: Date): string {
  return kind === 'daily'
    ? `daily-${format(now, 'yyyy-MM-dd')}.json`
    : `before-restore-${format(now, "yyyy-MM-dd'T'HH-mm-ss")}.json`;
}

function kindOf(name: string): AutoBackupKind {
  return name.startsWith('daily-') ? 'daily' : 'before-restore';
}

/** When a name says it was written: `2026-12-03` or `2026-12-03T07-40-12`, which sort by date. */
function stamp(name: string): string {
  return name
    .slice(name.indexOf('-') + 1)
    .replace(/^restore-/, '')
    .replace(/\.json$/, '');
}

/** Every automatic backup in the folder, newest first (by name: the names sort by date). */
async function listFolder(folder: string): Promise<AutoBackup[]> {
  let names: string[];
  try {
    names = await readdir(folder);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return [];
    throw error;
  }
  const backups: AutoBackup[] = [];
  for (const name of names.filter((n) => AUTO_BACKUP_NAME.test(n))) {
    const info = await stat(join(folder, name)).catch(() => null);
    if (!info?.isFile()) continue;
    backups.push({ name, kind: kindOf(name), savedAt: info.mtime.toISOString(), size: info.size });
  }
  // Newest first by the names' dates; that day's backups before a restore come before its daily.
  return backups.sort((a, b) => stamp(b.name).localeCompare(stamp(a.name)) || b.name.localeCompare(a.name));
}

export async function listAutoBackups(): Promise<ListAutoBackupsResponse> {
  const folder = backupsFolder();
  const backups = await listFolder(folder);
  return { status: 'listed', folder, backups: backups.slice(0, MAX_AUTO_BACKUPS) };
}

export async function writeAutoBackup(
  request: WriteRequest,
  now = new Date(),
): Promise<WriteAutoBackupResponse> {
  const folder = backupsFolder();
  await mkdir(folder, { recursive: true });
  const name = autoBackupName(request.kind, now);
  await writeFileAtomic(join(folder, name), request.content);
  const info = await stat(join(folder, name));

  // The names of one kind sort by their date: keep the newest `keep`, this one among them.
  const sameKind = (await readdir(folder))
    .filter((n) => AUTO_BACKUP_NAME.test(n) && kindOf(n) === request.kind)
    .sort()
    .reverse();
  const removed = sameKind.slice(request.keep);
  for (const old of removed) await unlink(join(folder, old));

  return {
    status: 'written',
    backup: { name, kind: request.kind, savedAt: info.mtime.toISOString(), size: info.size },
    removed,
  };
}

export async function readAutoBackup(request: ReadRequest): Promise<ReadAutoBackupResponse> {
  const { name } = request;
  // The schema already refused any other shape of name; this also holds if it ever changes.
  if (!AUTO_BACKUP_NAME.test(name)) throw new Error('Not the name of an automatic backup');
  const path = join(backupsFolder(), name);
  const info = await stat(path).catch(() => null);
  if (!info?.isFile()) return { status: 'missing', name };
  if (info.size > MAX_BACKUP_BYTES) return { status: 'too-large', name, size: info.size };
  // As bytes: the renderer's restore worker decodes and checks them off the page's thread.
  const bytes = await readFile(path);
  const size = bytes.byteLength;
  if (size > MAX_BACKUP_BYTES) return { status: 'too-large', name, size };
  return {
    status: 'opened',
    name,
    size,
    content: new Uint8Array(bytes.buffer as ArrayBuffer, bytes.byteOffset, size),
  };
}

export function registerBackupHandlers(): void {
  handle(IPC.listAutoBackups, () => listAutoBackups());
  handle(IPC.writeAutoBackup, (request) => writeAutoBackup(request));
  handle(IPC.readAutoBackup, (request) => readAutoBackup(request));
}
