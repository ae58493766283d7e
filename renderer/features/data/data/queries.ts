/**
 * The Data area's reads: how many records each data table holds (the Data screen's summary, and
 * what a restore or the demo would replace).
 */
import { useLiveQuery } from 'dexie-react-hooks';
import { DATA_TABLES, type AdoptionDatabase } from '../../../db/database';
import { useDatabase } from '../../../db/DatabaseContext';

export type Counts = Record<(typeof DATA_TABLES)[number], number>;

async function countAll(database: AdoptionDatabase): Promise<Counts> {
  const counts = await Promise.all(DATA_TABLES.map((name) => database.table(name).count()));
  return Object.fromEntries(DATA_TABLES.map((name, i) => [name, counts[i]])) as Counts;
}

/** Records per data table, live; undefined while the first count is under way. */
export function useRecordCounts(): Counts | undefined {
  const database = useDatabase();
  return useLiveQuery(() => countAll(database), [database]);
}
