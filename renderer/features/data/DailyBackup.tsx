/**
 * The desktop app's daily automatic backup: mounted once in the app frame (the `global` slot,
 * loaded lazily, so the first screen never waits for it), it writes that day's backup once the
 * database is open, unless the day already has one. In a browser it does nothing: there the Data
 * screen reminds the user to save a backup. A failure is told once, in words, with what to do.
 */
import { useEffect } from 'react';
import { todayIso } from '../../../shared/domain';
import { useDatabase } from '../../db/DatabaseContext';
import { describeError } from '../../db/errors';
import { desktop } from '../../desktop';
import { useUi } from '../../store/ui';
import { writeDailyBackupIfDue } from './data/auto-backups';

export default function DailyBackup(_props: Record<string, never>) {
  const database = useDatabase();
  const toast = useUi((s) => s.toast);
  useEffect(() => {
    let active = true;
    writeDailyBackupIfDue(database, desktop, todayIso()).catch((error: unknown) => {
      if (!active) return;
      toast({
        kind: 'error',
        text: `Today’s automatic backup could not be saved: ${describeError(error)} Save a backup from the Data screen.`,
      });
    });
    return () => {
      active = false;
    };
  }, [database, toast]);
  return null;
}
