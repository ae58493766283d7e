/**
 * The Pairing area's settings of this machine (the `settings` table: never in a backup, kept by
 * a restore): who the advocate at this machine is, which session they logged last (quick entry
 * starts from it), and the load over which the board flags a person.
 */
import { z } from 'zod';
import { DEFAULT_MAX_LOAD, idSchema, validate, wholeNumber } from '../../../../shared/domain';
import { db as defaultDb, type AdoptionDatabase } from '../../../db/database';
import { guardStorage } from '../../../db/errors';

export const SETTING_KEYS = {
  me: 'pairing.me',
  lastEntry: 'pairing.lastEntry',
  maxLoad: 'pairing.maxLoad',
} as const;

export const MAX_LOAD_LIMIT = 10;
export const maxLoadSchema = wholeNumber('Load limit', 1, MAX_LOAD_LIMIT);

/** What a stored setting holds, or the fallback when it is missing or not what it should be. */
export function settingValue<S extends z.ZodType>(
  schema: S,
  value: unknown,
  fallback: z.output<S>,
): z.output<S> {
  const parsed = schema.safeParse(value);
  return parsed.success ? parsed.data : fallback;
}

export const meSchema = idSchema.nullable();
export const maxLoadSetting = (value: unknown) => settingValue(maxLoadSchema, value, DEFAULT_MAX_LOAD);

async function put(database: AdoptionDatabase, key: string, value: unknown) {
  await guardStorage(() => database.settings.put({ key, value }));
}

/** Says who logs sessions at this machine (null: nobody chosen). */
export async function setMe(personId: string | null, database: AdoptionDatabase = defaultDb): Promise<void> {
  await put(database, SETTING_KEYS.me, validate(meSchema, personId, 'Who you are'));
}

/** Remembers the session quick entry logged last, for the next one's defaults. */
export async function setLastEntry(sessionId: string, database: AdoptionDatabase = defaultDb): Promise<void> {
  await put(database, SETTING_KEYS.lastEntry, validate(idSchema, sessionId, 'The last session'));
}

/** Sets the most places a person may be at at once before the board flags them. */
export async function setMaxLoad(value: unknown, database: AdoptionDatabase = defaultDb): Promise<number> {
  const load = validate(z.object({ maxLoad: maxLoadSchema }), { maxLoad: value }, 'The load limit').maxLoad;
  await put(database, SETTING_KEYS.maxLoad, load);
  return load;
}
