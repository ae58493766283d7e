/** The Value streams area's writes on a real (in-memory) IndexedDB: save, edit, refuse, delete, undo. */
import { describe, expect, it } from 'vitest';
import { EditConflictError, ValidationError, type ValueStreamMapInput } from '../../../shared/domain';
import { undoChanges } from '../../../renderer/db/changes';
import { RecordNotFoundError } from '../../../renderer/db/repository';
import { deleteMap, saveMap } from '../../../renderer/features/value-streams/data/maps';
import { appRecord, freshDatabases } from '../db/db-helpers';

const freshDb = freshDatabases('vs-data');

async function withApp() {
  const database = freshDb();
  const app = appRecord({ name: 'Ledger' });
  await database.apps.add(app);
  return { database, app };
}

const input = (appId: string, extra: Partial<ValueStreamMapInput> = {}): ValueStreamMapInput => ({
  appId,
  label: 'Before onboarding',
  date: '2026-03-02',
  steps: [
    { name: 'Build', processMinutes: 60, waitMinutes: 120, pctCompleteAccurate: 90 },
    { name: 'Deploy', processMinutes: 30, waitMinutes: 2880, pctCompleteAccurate: 80 },
  ],
  ...extra,
});

describe('saveMap', () => {
  it('adds a map, and Undo takes it away', async () => {
    const { database, app } = await withApp();
    const { map, undo } = await saveMap({ input: input(app.id) }, database);
    expect(await database.valueStreamMaps.get(map.id)).toEqual(map);
    expect(map.notes).toBe('');
    expect(undo.label).toBe('Added the map “Before onboarding”');
    await undoChanges(database, undo);
    expect(await database.valueStreamMaps.count()).toBe(0);
  });

  it('edits the changed fields only, and Undo puts the steps back', async () => {
    const { database, app } = await withApp();
    const { map } = await saveMap({ input: input(app.id) }, database);
    const steps = [...map.steps].reverse();
    const edited = await saveMap({ id: map.id, input: { steps }, expected: { steps: map.steps } }, database);
    expect(edited.map.steps.map((s) => s.name)).toEqual(['Deploy', 'Build']);
    expect(edited.map.label).toBe('Before onboarding');
    await undoChanges(database, edited.undo);
    expect((await database.valueStreamMaps.get(map.id))?.steps.map((s) => s.name)).toEqual([
      'Build',
      'Deploy',
    ]);
  });

  it('refuses a stale edit of the steps, writing nothing', async () => {
    const { database, app } = await withApp();
    const { map } = await saveMap({ input: input(app.id) }, database);
    await saveMap({ id: map.id, input: { steps: map.steps.slice(0, 1) } }, database);
    const stale = saveMap({ id: map.id, input: { steps: [] }, expected: { steps: map.steps } }, database);
    await expect(stale).rejects.toBeInstanceOf(EditConflictError);
    expect((await database.valueStreamMaps.get(map.id))?.steps).toHaveLength(1);
  });

  it.each([
    ['a map with no steps', { steps: [] }, 'steps', 'A value stream needs at least one step'],
    [
      'a negative wait',
      { steps: [{ name: 'Build', processMinutes: 1, waitMinutes: -3, pctCompleteAccurate: 90 }] },
      'steps.0.waitMinutes',
      'Wait time cannot be negative',
    ],
    [
      '% C&A above 100',
      {
        steps: [
          { name: 'Build', processMinutes: 1, waitMinutes: 0, pctCompleteAccurate: 90 },
          { name: 'Test', processMinutes: 1, waitMinutes: 0, pctCompleteAccurate: 140 },
        ],
      },
      'steps.1.pctCompleteAccurate',
      '% complete & accurate must be at most 100',
    ],
    ['an empty label', { label: '  ' }, 'label', 'Label is required'],
    [
      'a time left empty',
      { steps: [{ name: 'Build', processMinutes: Number.NaN, waitMinutes: 0, pctCompleteAccurate: 90 }] },
      'steps.0.processMinutes',
      'Process time must be a number',
    ],
  ])('refuses %s, naming the field, and writes nothing', async (_, extra, field, message) => {
    const { database, app } = await withApp();
    const error = await saveMap({ input: input(app.id, extra) }, database).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ValidationError);
    expect((error as ValidationError).problems).toContainEqual({ field, message });
    expect(await database.valueStreamMaps.count()).toBe(0);
  });

  it('refuses a map of an app that does not exist', async () => {
    const database = freshDb();
    await expect(saveMap({ input: input(crypto.randomUUID()) }, database)).rejects.toBeInstanceOf(
      RecordNotFoundError,
    );
    expect(await database.valueStreamMaps.count()).toBe(0);
  });
});

describe('deleteMap', () => {
  it('deletes a map, and Undo brings it back with the same id', async () => {
    const { database, app } = await withApp();
    const { map } = await saveMap({ input: input(app.id) }, database);
    const { undo } = await deleteMap(map.id, database);
    expect(await database.valueStreamMaps.get(map.id)).toBeUndefined();
    await undoChanges(database, undo);
    expect(await database.valueStreamMaps.get(map.id)).toEqual(map);
  });
});
