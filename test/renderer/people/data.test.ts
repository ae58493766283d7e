/** The People area's writes on a real (in-memory) IndexedDB: teams and people, their deletes and Undo. */
import Dexie from 'dexie';
import { describe, expect, it } from 'vitest';
import {
  assignmentInputSchema,
  EditConflictError,
  pairingSessionInputSchema,
  ValidationError,
  type Assignment,
  type PairingSession,
  type Person,
} from '../../../shared/domain';
import type { AdoptionDatabase } from '../../../renderer/db/database';
import { undoChanges, UndoConflictError } from '../../../renderer/db/changes';
import { buildRecord } from '../../../renderer/db/repository';
import {
  createPerson,
  deletePerson,
  PersonHasRecordsError,
  savePerson,
} from '../../../renderer/features/people/data/people';
import {
  createTeam,
  deleteTeam,
  saveTeam,
  TeamHasMembersError,
  TeamInUseError,
} from '../../../renderer/features/people/data/teams';
import { countLinks } from '../../../renderer/features/people/data/links';
import { appRecord, freshDatabases, snapshot } from '../db/db-helpers';

const freshDb = freshDatabases('people-data');

async function addSession(database: AdoptionDatabase, input: Partial<PairingSession> & { personId: string }) {
  const session = buildRecord(
    pairingSessionInputSchema,
    { date: '2026-02-02', durationMinutes: 90, topic: 'Pipelines', ...input },
    'The session',
  ) as PairingSession;
  await database.pairingSessions.add(session);
  return session;
}

async function addAssignment(database: AdoptionDatabase, input: Partial<Assignment> & { personId: string }) {
  const assignment = buildRecord(
    assignmentInputSchema,
    { kind: 'seeding', startDate: '2026-01-05', ...input },
    'The assignment',
  ) as Assignment;
  await database.assignments.add(assignment);
  return assignment;
}

async function errorOf(work: Promise<unknown>): Promise<unknown> {
  return work.then(
    () => undefined,
    (e: unknown) => e,
  );
}

describe('teams', () => {
  it('creates a team and refuses a name another team has, in any case or spacing, at the name field', async () => {
    const database = freshDb();
    await createTeam({ name: 'Payments Core', kind: 'product' }, database);
    for (const name of ['payments core', '  Payments   CORE ']) {
      const error = await errorOf(createTeam({ name, kind: 'platform' }, database));
      expect(error).toBeInstanceOf(ValidationError);
      expect((error as ValidationError).messageFor('name')).toBe(
        'A team named “Payments Core” already exists',
      );
    }
    const missing = await errorOf(createTeam({ name: ' ', kind: 'galaxy' as never }, database));
    expect((missing as ValidationError).messageFor('name')).toBe('Team name is required');
    expect((missing as ValidationError).messageFor('kind')).toMatch(/^Team kind must be platform/);
    expect(await database.teams.count()).toBe(1);
  });

  it('renames a team, to another case of its own name too, but not to another team’s name', async () => {
    const database = freshDb();
    const payments = await createTeam({ name: 'Payments', kind: 'product' }, database);
    await createTeam({ name: 'Search', kind: 'product' }, database);
    const renamed = await saveTeam({ id: payments.id, input: { name: 'PAYMENTS' } }, database);
    expect(renamed).toMatchObject({ name: 'PAYMENTS', kind: 'product' });
    const error = await errorOf(saveTeam({ id: payments.id, input: { name: 'search' } }, database));
    expect((error as ValidationError).messageFor('name')).toBe('A team named “Search” already exists');
    expect((await database.teams.get(payments.id))?.name).toBe('PAYMENTS');
  });

  it('saves only the fields a form changed, and refuses one changed elsewhere since the form opened', async () => {
    const database = freshDb();
    const team = await createTeam({ name: 'Ledger', kind: 'product', notes: '' }, database);
    // Another window changes the notes; this form changes only the kind.
    await saveTeam({ id: team.id, input: { notes: 'Core banking' } }, database);
    const saved = await saveTeam(
      { id: team.id, input: { kind: 'infrastructure' }, expected: { kind: 'product' } },
      database,
    );
    expect(saved).toMatchObject({ kind: 'infrastructure', notes: 'Core banking' });
    // A form opened before that change, changing the kind too, is refused and writes nothing.
    const stale = await errorOf(
      saveTeam({ id: team.id, input: { kind: 'platform' }, expected: { kind: 'product' } }, database),
    );
    expect(stale).toBeInstanceOf(EditConflictError);
    expect((await database.teams.get(team.id))?.kind).toBe('infrastructure');
  });

  it('deletes an empty team, and Undo puts it back', async () => {
    const database = freshDb();
    const team = await createTeam({ name: 'Spare', kind: 'product' }, database);
    const before = await snapshot(database);
    const { undo, unlinked } = await deleteTeam(team.id, { members: 'ask' }, database);
    expect(unlinked).toEqual([]);
    expect(await database.teams.count()).toBe(0);
    await undoChanges(database, undo);
    expect(await snapshot(database)).toEqual(before);
  });

  it('asks before deleting a team with people or apps, then leaves them without a team; Undo puts them back in it', async () => {
    const database = freshDb();
    const team = await createTeam({ name: 'Payments', kind: 'product' }, database);
    const ana = await createPerson({ name: 'Ana Ruiz', teamId: team.id }, database);
    await createPerson({ name: 'Ben Okafor', teamId: team.id }, database);
    const app = appRecord({ name: 'Ledger', teamId: team.id });
    await database.apps.add(app);
    const before = await snapshot(database);

    const asked = await errorOf(deleteTeam(team.id, { members: 'ask' }, database));
    expect(asked).toBeInstanceOf(TeamHasMembersError);
    expect((asked as Error).message).toBe('Payments has 2 people and 1 app.');
    expect(await snapshot(database)).toEqual(before);

    const { undo } = await deleteTeam(team.id, { members: 'unlink' }, database);
    expect(await database.teams.count()).toBe(0);
    expect((await database.people.get(ana.id))?.teamId).toBeNull();
    expect((await database.apps.get(app.id))?.teamId).toBeNull();
    await undoChanges(database, undo);
    expect(await snapshot(database)).toEqual(before);
  });

  it('refuses to delete a team that sessions or assignments name, writing nothing', async () => {
    const database = freshDb();
    const team = await createTeam({ name: 'Payments', kind: 'product' }, database);
    const advocate = await createPerson({ name: 'Ana Ruiz', roles: ['advocate'] }, database);
    await addSession(database, { personId: advocate.id, teamId: team.id });
    await addAssignment(database, { personId: advocate.id, targetTeamId: team.id });
    await addAssignment(database, { personId: advocate.id, targetTeamId: team.id });
    const before = await snapshot(database);
    const error = await errorOf(deleteTeam(team.id, { members: 'unlink' }, database));
    expect(error).toBeInstanceOf(TeamInUseError);
    expect((error as Error).message).toBe(
      "Payments cannot be deleted: 2 assignments and 1 pairing session refer to it and keep it in the program's history. Rename the team instead.",
    );
    expect(await snapshot(database)).toEqual(before);
  });
});

describe('people', () => {
  it('creates a person with each role once in the role list’s order, and refuses a bad name, an unknown role or a deleted team at their fields', async () => {
    const database = freshDb();
    const team = await createTeam({ name: 'Platform', kind: 'platform' }, database);
    const created = await createPerson(
      { name: ' Ana Ruiz ', teamId: team.id, roles: ['advocate', 'engineer', 'advocate'], canSeed: true },
      database,
    );
    expect(created).toMatchObject({
      name: 'Ana Ruiz',
      teamId: team.id,
      roles: ['engineer', 'advocate'],
      canSeed: true,
      leftOn: null,
    });

    const bad = await errorOf(createPerson({ name: '', roles: ['wizard' as never] }, database));
    expect((bad as ValidationError).messageFor('name')).toBe('Name is required');
    expect((bad as ValidationError).messageFor('roles.0')).toBe('Unknown role');

    const gone = await errorOf(createPerson({ name: 'Ben', teamId: crypto.randomUUID() }, database));
    expect((gone as ValidationError).messageFor('teamId')).toBe(
      'This team no longer exists (it may have been deleted)',
    );
    expect(await database.people.count()).toBe(1);
  });

  it('saves only the fields a form changed, and refuses one changed elsewhere since the form opened', async () => {
    const database = freshDb();
    const person = await createPerson({ name: 'Ana Ruiz', roles: ['developer'] }, database);
    await savePerson({ id: person.id, input: { canSeed: true } }, database);
    const saved = await savePerson(
      { id: person.id, input: { roles: ['developer', 'advocate'] }, expected: { roles: ['developer'] } },
      database,
    );
    expect(saved).toMatchObject({ roles: ['advocate', 'developer'], canSeed: true });
    const stale = await errorOf(
      savePerson(
        {
          id: person.id,
          input: { canSeed: false, roles: [] },
          expected: { canSeed: false, roles: ['developer'] },
        },
        database,
      ),
    );
    expect(stale).toBeInstanceOf(EditConflictError);
    expect(await database.people.get(person.id)).toEqual(saved);
  });

  it('deletes a person no record refers to, and Undo puts them back', async () => {
    const database = freshDb();
    const person = await createPerson({ name: 'Ana Ruiz' }, database);
    const before = await snapshot(database);
    const deleted = await deletePerson(person.id, { records: 'ask', today: '2026-03-02' }, database);
    expect(deleted.outcome).toBe('deleted');
    expect(await database.people.count()).toBe(0);
    await undoChanges(database, deleted.undo);
    expect(await snapshot(database)).toEqual(before);
  });

  it('asks before deleting a person with sessions or assignments, and keeps them under their name, marked as left', async () => {
    const database = freshDb();
    const advocate = await createPerson({ name: 'Ana Ruiz', roles: ['advocate'] }, database);
    const partner = await createPerson({ name: 'Ben Okafor', roles: ['developer'] }, database);
    const session = await addSession(database, { personId: advocate.id, partnerIds: [partner.id] });
    await addSession(database, { personId: advocate.id });
    const team = await createTeam({ name: 'Payments', kind: 'product' }, database);
    await addAssignment(database, { personId: advocate.id, targetTeamId: team.id });
    const before = await snapshot(database);

    const asked = await errorOf(deletePerson(advocate.id, { records: 'ask', today: '2026-03-02' }, database));
    expect(asked).toBeInstanceOf(PersonHasRecordsError);
    expect((asked as Error).message).toBe('Ana Ruiz has 1 assignment and 2 pairing sessions.');
    // A partner in one session is asked about too.
    const partnerAsked = await errorOf(
      deletePerson(partner.id, { records: 'ask', today: '2026-03-02' }, database),
    );
    expect((partnerAsked as Error).message).toBe('Ben Okafor has 1 pairing session.');
    expect(await snapshot(database)).toEqual(before);

    const kept = await deletePerson(advocate.id, { records: 'keep', today: '2026-03-02' }, database);
    expect(kept.outcome).toBe('left');
    expect(await database.people.get(advocate.id)).toMatchObject({ name: 'Ana Ruiz', leftOn: '2026-03-02' });
    expect(await database.pairingSessions.get(session.id)).toEqual(session);

    // Asked again, a person who has left stays as they are.
    const again = await deletePerson(advocate.id, { records: 'keep', today: '2026-04-01' }, database);
    expect(again.undo.changes).toEqual([]);
    expect((await database.people.get(advocate.id))?.leftOn).toBe('2026-03-02');

    await undoChanges(database, kept.undo);
    expect(await snapshot(database)).toEqual(before);
  });

  it('refuses an Undo of “marked as left” once the person was edited since, changing nothing', async () => {
    const database = freshDb();
    const person = await createPerson({ name: 'Ana Ruiz' }, database);
    await addSession(database, { personId: person.id });
    const kept = await deletePerson(person.id, { records: 'keep', today: '2026-03-02' }, database);
    const edited: Person = await savePerson({ id: person.id, input: { notes: 'Moved to Lisbon' } }, database);
    const error = await errorOf(undoChanges(database, kept.undo));
    expect(error).toBeInstanceOf(UndoConflictError);
    expect(await database.people.get(person.id)).toEqual(edited);
  });
});

describe('links to a person', () => {
  it('are found through a compound index that starts with the field, or by a scan where there is no index', async () => {
    const other = new Dexie(`people-links-${crypto.randomUUID()}`);
    other
      .version(1)
      .stores({ pairingSessions: 'id, [personId+date], *partnerIds', assignments: 'id', blockers: 'id' });
    try {
      const ana = crypto.randomUUID();
      const ben = crypto.randomUUID();
      await other.table('pairingSessions').bulkAdd([
        { id: 's1', personId: ana, date: '2026-01-02', partnerIds: [ben] },
        { id: 's2', personId: ana, date: '2026-03-04', partnerIds: [] },
        { id: 's3', personId: ben, date: '2026-03-04', partnerIds: [ana] },
      ]);
      await other.table('assignments').bulkAdd([
        { id: 'a1', personId: ana },
        { id: 'a2', personId: ben },
      ]);
      await other.table('blockers').add({ id: 'b1', ownerId: ben });
      const links = await countLinks(other as unknown as AdoptionDatabase, 'people', ana);
      expect(links.map((l) => [l.table, l.ids.sort()])).toEqual([
        ['assignments', ['a1']],
        ['pairingSessions', ['s1', 's2', 's3']],
      ]);
    } finally {
      await other.delete();
    }
  });
});
