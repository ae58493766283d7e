/**
 * The Marketing area's writes: log an activity, edit one (only the fields changed in the form,
 * refused when another window changed them meanwhile) and delete one. Each validates with the
 * domain's zod schema (an empty title, a negative reach, an unknown kind are refused with the
 * field named, nothing written), runs in one transaction and returns the ChangeSet that undoes it.
 */
import {
  marketingActivityInputSchema,
  type MarketingActivity,
  type MarketingActivityInput,
} from '../../../../shared/domain';
import { recordChanges, type ChangeSet } from '../../../db/changes';
import { db as defaultDb, type AdoptionDatabase } from '../../../db/database';
import { buildRecord, buildUpdate, overlayEdit, RecordNotFoundError } from '../../../db/repository';

const WHAT = 'The marketing activity';

/** Logs a new activity. */
export async function addActivity(
  input: MarketingActivityInput,
  database: AdoptionDatabase = defaultDb,
): Promise<{ activity: MarketingActivity; undo: ChangeSet }> {
  const { result, undo } = await recordChanges(
    database,
    ['marketingActivities'],
    (a: MarketingActivity) => `Logged “${a.title}”`,
    async (writer) => {
      const activity = buildRecord(marketingActivityInputSchema, input, WHAT) as MarketingActivity;
      await writer.put('marketingActivities', [activity]);
      return activity;
    },
  );
  return { activity: result, undo };
}

/**
 * Saves the fields changed in an edit form over the activity as it is now; `expected` holds those
 * fields' values when the form last followed the record (a field changed elsewhere since is refused).
 */
export async function editActivity(
  id: string,
  patch: Partial<MarketingActivityInput>,
  expected: Partial<MarketingActivityInput> | undefined,
  database: AdoptionDatabase = defaultDb,
): Promise<{ activity: MarketingActivity; undo: ChangeSet }> {
  const { result, undo } = await recordChanges(
    database,
    ['marketingActivities'],
    (a: MarketingActivity) => `Saved “${a.title}”`,
    async (writer) => {
      const existing = await database.marketingActivities.get(id);
      if (!existing) throw new RecordNotFoundError('Marketing activity', id);
      const input = overlayEdit(existing, patch, expected, WHAT);
      const activity = buildUpdate(marketingActivityInputSchema, existing, input, WHAT) as MarketingActivity;
      await writer.put('marketingActivities', [activity]);
      return activity;
    },
  );
  return { activity: result, undo };
}

/** Deletes an activity; `undo` puts it back with the same id. */
export async function deleteActivity(
  id: string,
  database: AdoptionDatabase = defaultDb,
): Promise<{ activity: MarketingActivity; undo: ChangeSet }> {
  const { result, undo } = await recordChanges(
    database,
    ['marketingActivities'],
    (a: MarketingActivity) => `Deleted “${a.title}”`,
    async (writer) => {
      const activity = await database.marketingActivities.get(id);
      if (!activity) throw new RecordNotFoundError('Marketing activity', id);
      await writer.delete('marketingActivities', [id]);
      return activity;
    },
  );
  return { activity: result, undo };
}
