/** Assignments on a real (fake-indexeddb) database: create, edit, delete with undo; refusals at the field, nothing half-saved. */
import { describe, expect, it } from 'vitest';
import { undoChanges } from '../../../renderer/db/changes';
import {
  createAssignment,
  deleteAssignment,
  editAssignment,
} from '../../../renderer/features/pairing/data/assignments';
import { setMaxLoad, setMe } from '../../../renderer/features/pairing/data/preferences';
import { loadSettings } from '../../../renderer/features/pairing/data/queries';
import { EditConflictError, ValidationError, type AssignmentInput } from '../../../shared/domain';
import { freshDatabases } from '../db/db-helpers';
import { seedPairing, type PairingWorld } from './fixtures';

const freshDb = freshDatabases('pairing-assignments');

async function world() {
  const database = freshDb();
  return { database, w: await seedPairing(database) };
}

const input = (w: PairingWorld, over: Partial<AssignmentInput> = {}): AssignmentInput => ({
  kind: 'pairing',
  personId: w.ana.id,
  targetTeamId: w.payments.id,
  appId: w.ledger.id,
  cycleId: w.active.id,
  startDate: '2026-04-01',
  endDate: '2026-06-30',
  notes: '',
  ...over,
});

async function refusal(promise: Promise<unknown>): Promise<ValidationError> {
  try {
    await promise;
  } catch (error) {
    if (error instanceof ValidationError) return error;
    throw error;
  }
  throw new Error('expected the write to be refused');
}

describe('assignments', () => {
  it('are created, edited and deleted, and the delete undone', async () => {
    const { database, w } = await world();
    const { assignment, undo: created } = await createAssignment(input(w), database);
    expect(created.label).toBe('Assigned Ana Lima pairing with Payments');
    const { assignment: edited } = await editAssignment(
      assignment.id,
      { endDate: '2026-05-15' },
      { endDate: '2026-06-30' },
      database,
    );
    expect(edited.endDate).toBe('2026-05-15');
    const { undo } = await deleteAssignment(assignment.id, database);
    expect(undo.label).toBe('Deleted the assignment of Ana Lima pairing with Payments');
    expect(await database.assignments.count()).toBe(0);
    await undoChanges(database, undo);
    expect(await database.assignments.get(assignment.id)).toEqual(edited);
  });

  it('refuse an end before the start at the end date', async () => {
    const { database, w } = await world();
    const error = await refusal(createAssignment(input(w, { endDate: '2026-03-31' }), database));
    expect(error.messageFor('endDate')).toBe('End date cannot be before the start date');
    expect(await database.assignments.count()).toBe(0);
  });

  it('refuse a seeder in two places at once at the person, and save nothing', async () => {
    const { database, w } = await world();
    await createAssignment(input(w, { kind: 'seeding', appId: null }), database);
    const error = await refusal(
      createAssignment(input(w, { targetTeamId: w.risk.id, appId: null, startDate: '2026-05-01' }), database),
    );
    expect(error.messageFor('personId')).toBe(
      'Ana Lima would be in two places at once: already seeding with Payments from 1 Apr 2026 to 30 Jun 2026, and a seeder stays with one team for the whole assignment',
    );
    expect(await database.assignments.count()).toBe(1);
  });

  it('allow pairing with two teams at once (load), and at the seeder’s own team', async () => {
    const { database, w } = await world();
    await createAssignment(input(w), database);
    await createAssignment(input(w, { targetTeamId: w.risk.id, appId: w.fraud.id }), database);
    await createAssignment(input(w, { kind: 'seeding', personId: w.bo.id, appId: null }), database);
    await createAssignment(input(w, { personId: w.bo.id }), database);
    expect(await database.assignments.count()).toBe(4);
  });

  it('refuse an edit that would put the person in two places, and one changed elsewhere meanwhile', async () => {
    const { database, w } = await world();
    await createAssignment(input(w, { kind: 'seeding', appId: null, endDate: '2026-04-30' }), database);
    const { assignment } = await createAssignment(
      input(w, { targetTeamId: w.risk.id, appId: null, startDate: '2026-05-01' }),
      database,
    );
    const error = await refusal(
      editAssignment(assignment.id, { startDate: '2026-04-15' }, { startDate: '2026-05-01' }, database),
    );
    expect(error.messageFor('personId')).toMatch(/two places at once/);
    expect((await database.assignments.get(assignment.id))?.startDate).toBe('2026-05-01');
    await editAssignment(assignment.id, { notes: 'Fraud models' }, { notes: '' }, database);
    await expect(
      editAssignment(assignment.id, { notes: 'Other' }, { notes: '' }, database),
    ).rejects.toBeInstanceOf(EditConflictError);
  });

  it('refuse an unknown person and a missing target', async () => {
    const { database, w } = await world();
    const nobody = await refusal(createAssignment(input(w, { personId: crypto.randomUUID() }), database));
    expect(nobody.messageFor('personId')).toBe('Person: choose someone who exists');
    const nowhere = await refusal(createAssignment(input(w, { targetTeamId: null, appId: null }), database));
    expect(nowhere.messageFor('targetTeamId')).toBe('Choose a target team or an app');
  });
});

describe("this machine's pairing settings", () => {
  it('remember who logs sessions and the load limit, refusing a limit outside 1–10', async () => {
    const { database, w } = await world();
    expect(await loadSettings(database)).toEqual({ me: null, maxLoad: 2, lastEntryId: null });
    await setMe(w.ana.id, database);
    await setMaxLoad(3, database);
    expect(await loadSettings(database)).toMatchObject({ me: { id: w.ana.id }, maxLoad: 3 });
    const error = await refusal(setMaxLoad(0, database));
    expect(error.messageFor('maxLoad')).toBe('Load limit must be at least 1');
    await expect(setMaxLoad(2.5, database)).rejects.toThrow(/whole number/);
    expect((await loadSettings(database)).maxLoad).toBe(3);
  });
});
