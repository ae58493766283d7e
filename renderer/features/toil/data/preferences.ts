/**
 * The privacy threshold of toil results, as this machine's setting (the settings table: never in
 * a backup, kept by a restore): the fewest responses a group's results show with, and the fewest
 * answers a statement's. At least 3 (fewer would point at people), at most 50.
 */
import { useLiveQuery } from 'dexie-react-hooks';
import { DEFAULT_TOIL_PRIVACY_THRESHOLD, ValidationError } from '../../../../shared/domain';
import { useDatabase } from '../../../db/DatabaseContext';
import { db as defaultDb, type AdoptionDatabase } from '../../../db/database';
import { guardStorage } from '../../../db/errors';

export const THRESHOLD_KEY = 'toil.privacyThreshold';
export const MIN_THRESHOLD = 3;
export const MAX_THRESHOLD = 50;

function isThreshold(value: unknown): value is number {
  return Number.isInteger(value) && (value as number) >= MIN_THRESHOLD && (value as number) <= MAX_THRESHOLD;
}

/** The threshold in force; undefined while read. */
export function usePrivacyThreshold(): number | undefined {
  const database = useDatabase();
  return useLiveQuery(async () => {
    const stored = (await database.settings.get(THRESHOLD_KEY))?.value;
    return isThreshold(stored) ? stored : DEFAULT_TOIL_PRIVACY_THRESHOLD;
  }, [database]);
}

export async function setPrivacyThreshold(value: number, database: AdoptionDatabase = defaultDb) {
  if (!isThreshold(value))
    throw new ValidationError(
      [
        {
          field: 'threshold',
          message: `The threshold must be a whole number from ${MIN_THRESHOLD} to ${MAX_THRESHOLD}`,
        },
      ],
      'The threshold',
    );
  await guardStorage(() => database.settings.put({ key: THRESHOLD_KEY, value }));
}
