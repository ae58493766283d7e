/** The generic undo: what a command changed goes back exactly, never over someone else's later write. */
import { describe, expect, it } from 'vitest';
import { recordChanges, undoChanges, UndoConflictError } from '../../../renderer/db/changes';
import { buildRecord } from '../../../renderer/db/repository';
import { personInputSchema, teamInputSchema, type Person, type Team } from '../../../shared/domain';
import { appRecord, freshDatabases, snapshot } from './db-helpers';

const freshDb = freshDatabases('changes');

const team = (name: string) => buildRecord(teamInputSchema, { name, kind: 'product' }, 'Team') as Team;

describe('recordChanges and undoChanges', () => {
  it('refuses an Undo over a later write made within the same millisecond (the same updatedAt)', async () => {
    const database = freshDb();
    const app = appRecord({ name: 'Ledger' });
    await database.apps.add(app);
    const after = { ...app, name: 'Ledger 2', updatedAt: '2026-02-01T00:00:00.000Z' };
    const { undo } = await recordChanges(database, ['apps'], 'Rename', async (w) => {
      await w.put('apps', [after]);
    });
    // Another write, stamped in the same millisecond: only its content tells it apart.
    const later = { ...after, description: 'changed elsewhere' };
    await database.apps.put(later);
    await expect(undoChanges(database, undo)).rejects.toBeInstanceOf(UndoConflictError);
    expect(await database.apps.get(app.id)).toEqual(later);
  });

  it('undoes creates, updates and deletes of one command together, leaving the data as before', async () => {
    const database = freshDb();
    const kept = appRecord({ name: 'Ledger' });
    const gone = appRecord({ name: 'Payments' });
    await database.apps.bulkAdd([kept, gone]);
    const before = await snapshot(database);

    const { undo } = await recordChanges(database, ['apps', 'teams'], 'Reshuffle', async (w) => {
      await w.add('teams', [team('Core banking')]);
      await w.put('apps', [{ ...kept, name: 'Ledger 2', updatedAt: '2026-02-01T00:00:00.000Z' }]);
      await w.delete('apps', [gone.id]);
    });
    expect(undo.changes).toHaveLength(3);
    expect(await database.apps.count()).toBe(1);

    expect(await undoChanges(database, undo)).toBe(3);
    expect(await snapshot(database)).toEqual(before);
  });

  it('keeps only the first before-image of a record written twice', async () => {
    const database = freshDb();
    const app = appRecord({ name: 'Ledger' });
    await database.apps.add(app);
    const { undo } = await recordChanges(database, ['apps'], 'Twice', async (w) => {
      await w.put('apps', [{ ...app, name: 'A', updatedAt: '2026-02-01T00:00:00.000Z' }]);
      await w.put('apps', [{ ...app, name: 'B', updatedAt: '2026-02-02T00:00:00.000Z' }]);
    });
    await undoChanges(database, undo);
    expect(await database.apps.get(app.id)).toEqual(app);
  });

  it('refuses the whole undo when a record was changed since, and changes nothing', async () => {
    const database = freshDb();
    const a = appRecord({ name: 'A' });
    const b = appRecord({ name: 'B' });
    await database.apps.bulkAdd([a, b]);
    const { undo } = await recordChanges(database, ['apps'], 'Deleted A and B', (w) =>
      w.delete('apps', [a.id, b.id]),
    );
    // Another window puts B back with its own change in the meantime.
    await database.apps.add({ ...b, name: 'B (theirs)', updatedAt: '2026-03-01T00:00:00.000Z' });
    const current = await snapshot(database);

    const error = await undoChanges(database, undo).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(UndoConflictError);
    expect((error as Error).message).toMatch(/“Deleted A and B” cannot be undone.*Nothing was undone/);
    expect(await snapshot(database)).toEqual(current);
  });

  it('drops links to records deleted in the meantime instead of leaving them dangling', async () => {
    const database = freshDb();
    const owners = team('Owners');
    await database.teams.add(owners);
    const app = appRecord({ name: 'Ledger', teamId: owners.id });
    await database.apps.add(app);
    const { undo } = await recordChanges(database, ['apps'], 'Deleted Ledger', (w) =>
      w.delete('apps', [app.id]),
    );
    await database.teams.delete(owners.id);

    await undoChanges(database, undo);
    expect(await database.apps.get(app.id)).toEqual({ ...app, teamId: null });
  });

  it('refuses to bring back a record whose required link is gone', async () => {
    const database = freshDb();
    const person = buildRecord(
      personInputSchema,
      { name: 'Ada', roles: ['advocate'], canSeed: true },
      'Person',
    ) as Person;
    await database.people.add(person);
    const session = {
      id: crypto.randomUUID(),
      createdAt: '2026-01-01T00:00:00.000Z',
      updatedAt: '2026-01-01T00:00:00.000Z',
      date: '2026-01-05',
      durationHours: 2,
      personId: person.id,
      partnerIds: [],
      appId: null,
      teamId: null,
      cycleId: null,
      topic: 'CI',
      notes: '',
      outcome: 'progress',
    };
    await database.table('pairingSessions').add(session);
    const { undo } = await recordChanges(database, ['pairingSessions'], 'Deleted a session', (w) =>
      w.delete('pairingSessions', [session.id]),
    );
    await database.people.delete(person.id);

    await expect(undoChanges(database, undo)).rejects.toBeInstanceOf(UndoConflictError);
    expect(await database.table('pairingSessions').count()).toBe(0);
  });

  it('rolls the command back whole when it fails, and records nothing', async () => {
    const database = freshDb();
    const app = appRecord({ name: 'Ledger' });
    await expect(
      recordChanges(database, ['apps'], 'Broken', async (w) => {
        await w.add('apps', [app]);
        throw new Error('disk on fire');
      }),
    ).rejects.toThrow('disk on fire');
    expect(await database.apps.count()).toBe(0);
  });
});
