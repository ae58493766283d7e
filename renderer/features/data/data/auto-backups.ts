/**
 * The Data area's commands about backups kept for the user: the automatic backups of the desktop
 * app (one a day, one before each restore; built by the same builder as "Save a backup…") and the
 * two settings of this machine they need: how many to keep, and when a backup file was last saved
 * (a browser has no automatic backups, so the screen reminds the user after a week).
 */
import { z } from 'zod';
import { backupFileText } from '../../../../shared/backup/backup';
import { ValidationError, problemsFromZod } from '../../../../shared/domain/common';
import {
  AUTO_BACKUP_KEEP,
  autoBackupKeepSchema,
  type AutoBackupKind,
  type DesktopApi,
  type WriteAutoBackupResponse,
} from '../../../../shared/ipc/contract';
import { exportBackup } from '../../../db/backup';
import type { AdoptionDatabase } from '../../../db/database';
import { guardStorage } from '../../../db/errors';

/** Settings keys (the settings table of this machine; never in a backup). */
export const KEEP_SETTING = 'autoBackupKeep';
export const LAST_EXPORT_SETTING = 'lastExportAt';

/** How old the last saved backup may be before a browser user is reminded. */
export const REMIND_AFTER_DAYS = 7;

/** The stored number of automatic backups to keep, or the default when unset or unusable. */
export function keepFrom(value: unknown): number {
  const parsed = autoBackupKeepSchema.safeParse(value);
  return parsed.success ? parsed.data : AUTO_BACKUP_KEEP.default;
}

/** The stored time of the last saved backup, or null when none was ever saved here. */
export function lastExportFrom(value: unknown): Date | null {
  if (typeof value !== 'string') return null;
  const date = new Date(value);
  return Number.isNaN(date.getTime()) ? null : date;
}

const keepInput = z.object({ keep: autoBackupKeepSchema });

/** Saves how many automatic backups of each kind to keep; refuses (at the field) anything but 1–365. */
export async function setAutoBackupKeep(database: AdoptionDatabase, keep: unknown): Promise<number> {
  const parsed = keepInput.safeParse({ keep });
  if (!parsed.success) throw new ValidationError(problemsFromZod(parsed.error), 'The setting');
  await guardStorage(() => database.settings.put({ key: KEEP_SETTING, value: parsed.data.keep }));
  return parsed.data.keep;
}

/** Notes that a backup file was saved now, which resets the browser's reminder. */
export async function recordExport(database: AdoptionDatabase, now = new Date()): Promise<void> {
  await guardStorage(() => database.settings.put({ key: LAST_EXPORT_SETTING, value: now.toISOString() }));
}

/** Every record as a backup file's text: what "Save a backup…" and the automatic backups write. */
export async function backupText(database: AdoptionDatabase): Promise<string> {
  return backupFileText(await exportBackup(database));
}

/** Fired on the window after an automatic backup was written, so a shown list reads the folder again. */
export const AUTO_BACKUP_WRITTEN = 'adoption:auto-backup-written';

/** Writes an automatic backup of the current data, keeping the user's last N of that kind. */
export async function writeAutoBackup(
  database: AdoptionDatabase,
  api: Pick<DesktopApi, 'writeAutoBackup'>,
  kind: AutoBackupKind,
): Promise<WriteAutoBackupResponse> {
  const keep = keepFrom((await database.settings.get(KEEP_SETTING))?.value);
  const written = await api.writeAutoBackup({ kind, content: await backupText(database), keep });
  if (written.status === 'written') globalThis.dispatchEvent?.(new Event(AUTO_BACKUP_WRITTEN));
  return written;
}

export type DailyOutcome = 'unavailable' | 'already-written' | 'nothing-to-back-up' | 'written';

/**
 * Writes today's daily backup unless it exists: the desktop app calls it once the database is
 * open, so each day the app is used gets one. Nothing is written in a browser or with no data.
 */
export async function writeDailyBackupIfDue(
  database: AdoptionDatabase,
  api: Pick<DesktopApi, 'listAutoBackups' | 'writeAutoBackup'>,
  today: string,
): Promise<DailyOutcome> {
  const listed = await api.listAutoBackups();
  if (listed.status === 'unavailable') return 'unavailable';
  if (listed.backups.some((b) => b.name === `daily-${today}.json`)) return 'already-written';
  const counts = await Promise.all(database.dataTables().map((table) => table.count()));
  if (counts.every((n) => n === 0)) return 'nothing-to-back-up';
  const written = await writeAutoBackup(database, api, 'daily');
  return written.status === 'written' ? 'written' : 'unavailable';
}
