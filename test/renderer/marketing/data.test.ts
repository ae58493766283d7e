/** The Marketing area's writes on a real (in-memory) IndexedDB: log, edit, refuse, delete, undo. */
import { describe, expect, it } from 'vitest';
import { EditConflictError, ValidationError, type MarketingActivityInput } from '../../../shared/domain';
import { undoChanges } from '../../../renderer/db/changes';
import { RecordNotFoundError } from '../../../renderer/db/repository';
import {
  addActivity,
  deleteActivity,
  editActivity,
} from '../../../renderer/features/marketing/data/activities';
import { freshDatabases } from '../db/db-helpers';

const freshDb = freshDatabases('marketing-data');

const input = (extra: Partial<MarketingActivityInput> = {}): MarketingActivityInput => ({
  date: '2026-03-02',
  kind: 'demo-day',
  title: 'Demo day: cycle 4',
  reach: 80,
  ...extra,
});

describe('addActivity', () => {
  it('logs an activity, and Undo takes it away', async () => {
    const database = freshDb();
    const { activity, undo } = await addActivity(input({ title: '  Demo day: cycle 4 ' }), database);
    expect(await database.marketingActivities.get(activity.id)).toEqual(activity);
    expect(activity).toMatchObject({ title: 'Demo day: cycle 4', notes: '', reach: 80 });
    expect(undo.label).toBe('Logged “Demo day: cycle 4”');
    await undoChanges(database, undo);
    expect(await database.marketingActivities.count()).toBe(0);
  });

  it('refuses an empty title, a negative reach, an unknown kind and a bad date, each named, writing nothing', async () => {
    const database = freshDb();
    const refused = addActivity(
      input({ title: ' ', reach: -3, kind: 'webinar' as never, date: '2026-02-30' }),
      database,
    );
    await expect(refused).rejects.toBeInstanceOf(ValidationError);
    const fields = ((await refused.catch((e: unknown) => e)) as ValidationError).problems.map((p) => p.field);
    expect(fields.sort()).toEqual(['date', 'kind', 'reach', 'title']);
    expect(await database.marketingActivities.count()).toBe(0);
  });
});

describe('editActivity', () => {
  it('saves the changed fields over what another window saved meanwhile', async () => {
    const database = freshDb();
    const { activity } = await addActivity(input(), database);
    await editActivity(activity.id, { notes: 'Recorded for the wiki.' }, { notes: '' }, database);
    const { activity: edited, undo } = await editActivity(
      activity.id,
      { reach: 95 },
      { reach: 80 },
      database,
    );
    expect(edited).toMatchObject({ reach: 95, notes: 'Recorded for the wiki.' });
    await undoChanges(database, undo);
    expect((await database.marketingActivities.get(activity.id))?.reach).toBe(80);
  });

  it('refuses a field changed elsewhere since the form followed it, writing nothing', async () => {
    const database = freshDb();
    const { activity } = await addActivity(input(), database);
    await editActivity(activity.id, { reach: 120 }, { reach: 80 }, database);
    const stale = editActivity(activity.id, { reach: 90 }, { reach: 80 }, database);
    await expect(stale).rejects.toBeInstanceOf(EditConflictError);
    expect((await database.marketingActivities.get(activity.id))?.reach).toBe(120);
  });

  it('says so when the activity was deleted meanwhile', async () => {
    const database = freshDb();
    const { activity } = await addActivity(input(), database);
    await deleteActivity(activity.id, database);
    await expect(editActivity(activity.id, { reach: 1 }, undefined, database)).rejects.toBeInstanceOf(
      RecordNotFoundError,
    );
  });
});

describe('deleteActivity', () => {
  it('deletes, and Undo puts it back with the same id', async () => {
    const database = freshDb();
    const { activity } = await addActivity(input(), database);
    const { undo } = await deleteActivity(activity.id, database);
    expect(await database.marketingActivities.count()).toBe(0);
    await undoChanges(database, undo);
    expect(await database.marketingActivities.get(activity.id)).toEqual(activity);
  });
});
