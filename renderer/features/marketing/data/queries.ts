/**
 * What the Marketing screens read: every activity (hundreds a year at most), kept for the area
 * (db/kept-query.ts), and one activity live for its edit form. The cycles and the apps each cycle
 * onboarded come from the shared workspace reads. Any write, here or in another window, refreshes them.
 */
import { useLiveQuery } from 'dexie-react-hooks';
import type { MarketingActivity } from '../../../../shared/domain';
import { useDatabase } from '../../../db/DatabaseContext';
import { keptQuery } from '../../../db/kept-query';

const useAllActivities = keptQuery((db) => db.marketingActivities.orderBy('date').toArray());

/** Every activity, oldest first, or undefined while the first read is under way. */
export function useActivities(): MarketingActivity[] | undefined {
  return useAllActivities(useDatabase());
}

/** One activity; null when it does not exist (deleted), undefined while reading. */
export function useActivity(id: string): MarketingActivity | null | undefined {
  const database = useDatabase();
  return useLiveQuery(async () => (await database.marketingActivities.get(id)) ?? null, [database, id]);
}
