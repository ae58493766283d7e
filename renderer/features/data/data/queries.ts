/**
 * The Data area's reads: how many records each data table holds (the Data screen's summary, and
 * what a restore or the demo would replace), and this machine's backup settings.
 */
import { useState } from 'react';
import { useLiveQuery } from 'dexie-react-hooks';
import { countsByTable } from '../../../../shared/domain/record-counts';
import { DATA_TABLES, type AdoptionDatabase } from '../../../db/database';
import { useDatabase } from '../../../db/DatabaseContext';
import { keptQuery } from '../../../db/kept-query';
import { KEEP_SETTING, LAST_EXPORT_SETTING, keepFrom, lastExportFrom } from './auto-backups';

export type Counts = Record<(typeof DATA_TABLES)[number], number>;

/**
 * One row per data table from the kept counts (db/record-counts-core.ts), not a count of every
 * table: IndexedDB counts by walking a table, 1.1-1.3 s at scale (200,000 pairing sessions).
 */
async function countAll(database: AdoptionDatabase): Promise<Counts> {
  return countsByTable(DATA_TABLES, await database.recordCounts.toArray());
}

/**
 * Kept (db/kept-query.ts): coming back to the Data area shows the counts at once; any write still
 * reads them again.
 */
const useKeptCounts = keptQuery(countAll);

/** Records per data table, live; undefined while the first count is under way. */
export function useRecordCounts(): Counts | undefined {
  const database = useDatabase();
  // Read from the first render, not from the commit (up to 300 ms later when the screen's code
  // has just arrived: React's throttled reveal after a Suspense fallback).
  useState(() => useKeptCounts.warm(database));
  return useKeptCounts(database);
}

export interface BackupSettings {
  /** How many automatic backups of each kind the desktop app keeps. */
  keep: number;
  /** When a backup file was last saved on this machine; null when never. */
  lastExportAt: Date | null;
}

/** The backup settings of this machine, live; undefined while they are read. */
export function useBackupSettings(): BackupSettings | undefined {
  const database = useDatabase();
  return useLiveQuery(async () => {
    const [keep, lastExport] = await database.settings.bulkGet([KEEP_SETTING, LAST_EXPORT_SETTING]);
    return { keep: keepFrom(keep?.value), lastExportAt: lastExportFrom(lastExport?.value) };
  }, [database]);
}
