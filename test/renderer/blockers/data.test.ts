/** The Blockers area's data module on a real (in-memory) IndexedDB: its commands and its filtered reads. */
import { describe, expect, it } from 'vitest';
import {
  EditConflictError,
  personInputSchema,
  teamInputSchema,
  ValidationError,
  type Person,
  type Team,
} from '../../../shared/domain';
import { EMPTY_BLOCKER_FILTERS, NONE, type BlockerFilters } from '../../../shared/domain/blocker-filters';
import { undoChanges } from '../../../renderer/db/changes';
import type { AdoptionDatabase } from '../../../renderer/db/database';
import { buildRecord } from '../../../renderer/db/repository';
import {
  changeBlockerStatus,
  createBlocker,
  deleteBlocker,
  StatusChangedElsewhereError,
  updateBlocker,
  type BlockerFields,
} from '../../../renderer/features/blockers/data/blockers';
import { readBlockers } from '../../../renderer/features/blockers/data/queries';
import { appRecord, cycleRecord, freshDatabases } from '../db/db-helpers';

const freshDb = freshDatabases('blockers-data');

const fields = (extra: Partial<BlockerFields> = {}): BlockerFields => ({
  title: 'Change board approves every deploy',
  category: 'plans-alignment',
  subCategory: 'Compliance',
  severity: 'high',
  openedOn: '2026-02-02',
  ...extra,
});

async function addPerson(database: AdoptionDatabase, name: string): Promise<Person> {
  const person = buildRecord(personInputSchema, { name, roles: [] }, 'Person') as Person;
  await database.people.add(person);
  return person;
}

async function addTeam(database: AdoptionDatabase, name: string): Promise<Team> {
  const team = buildRecord(teamInputSchema, { name, kind: 'product' }, 'Team') as Team;
  await database.teams.add(team);
  return team;
}

/** The error a promise rejects with (fails the test when it resolves). */
async function failure(promise: Promise<unknown>): Promise<unknown> {
  return promise.then(
    () => expect.fail('expected the command to be refused'),
    (error: unknown) => error,
  );
}

describe('logging a blocker', () => {
  it('stores it open on its opened date, with its history starting there, and undo removes it', async () => {
    const database = freshDb();
    const owner = await addPerson(database, 'Ada');
    const { blocker, undo } = await createBlocker(
      fields({ ownerId: owner.id, mitigation: 'Pre-approved changes' }),
      database,
    );
    expect(blocker).toMatchObject({
      status: 'open',
      resolvedOn: null,
      statusHistory: [{ status: 'open', on: '2026-02-02' }],
      ownerId: owner.id,
      appId: null,
      notes: '',
      mitigation: 'Pre-approved changes',
    });
    expect(await database.blockers.get(blocker.id)).toEqual(blocker);
    await undoChanges(database, undo);
    expect(await database.blockers.count()).toBe(0);
  });

  it('refuses an empty title and a sub-category of another category at their fields, writing nothing', async () => {
    const database = freshDb();
    const error = await failure(
      createBlocker(fields({ title: '  ', subCategory: 'Budgeting', category: 'people-culture' }), database),
    );
    expect(error).toBeInstanceOf(ValidationError);
    const refused = error as ValidationError;
    expect(refused.messageFor('title')).toBe('Title is required');
    expect(refused.messageFor('subCategory')).toBe("Sub-category must be one of People & Culture's");
    expect(await database.blockers.count()).toBe(0);
  });

  it('says a bad opened date once, at its field', async () => {
    const database = freshDb();
    const error = (await failure(
      createBlocker(fields({ openedOn: '2026-02-30' }), database),
    )) as ValidationError;
    expect(error.problems).toEqual([
      { field: 'openedOn', message: 'Opened date is not a real calendar date' },
    ]);
  });

  it('refuses an owner, app, team or cycle that no longer exists, at its field', async () => {
    const database = freshDb();
    const gone = crypto.randomUUID();
    const error = (await failure(
      createBlocker(fields({ ownerId: gone, appId: gone, teamId: gone, cycleId: gone }), database),
    )) as ValidationError;
    expect(error.messageFor('ownerId')).toBe(
      'The owner no longer exists (it may have been deleted); choose another',
    );
    expect(error.messageFor('appId')).toMatch(/^The app no longer exists/);
    expect(error.messageFor('teamId')).toMatch(/^The team no longer exists/);
    expect(error.messageFor('cycleId')).toMatch(/^The cycle no longer exists/);
    expect(await database.blockers.count()).toBe(0);
  });
});

describe('editing a blocker', () => {
  it('writes only the changed fields and keeps what was saved elsewhere meanwhile', async () => {
    const database = freshDb();
    const { blocker } = await createBlocker(fields(), database);
    // Elsewhere: the notes change.
    await updateBlocker({ id: blocker.id, patch: { notes: 'Raised with the CIO' } }, database);
    const { blocker: edited, undo } = await updateBlocker(
      { id: blocker.id, patch: { severity: 'critical' }, expected: { severity: 'high' } },
      database,
    );
    expect(edited).toMatchObject({ severity: 'critical', notes: 'Raised with the CIO' });
    await undoChanges(database, undo);
    expect((await database.blockers.get(blocker.id))?.severity).toBe('high');
  });

  it('refuses a field changed elsewhere since the form opened (EditConflictError), writing nothing', async () => {
    const database = freshDb();
    const { blocker } = await createBlocker(fields(), database);
    await updateBlocker({ id: blocker.id, patch: { title: 'Renamed elsewhere' } }, database);
    const error = await failure(
      updateBlocker(
        { id: blocker.id, patch: { title: 'Mine' }, expected: { title: blocker.title } },
        database,
      ),
    );
    expect(error).toBeInstanceOf(EditConflictError);
    expect((error as EditConflictError).conflicts).toEqual([
      { field: 'title', mine: 'Mine', theirs: 'Renamed elsewhere' },
    ]);
    expect((await database.blockers.get(blocker.id))?.title).toBe('Renamed elsewhere');
  });

  it('moves the first change with the opened date, and refuses an opened date after a later change', async () => {
    const database = freshDb();
    const { blocker } = await createBlocker(fields(), database);
    await changeBlockerStatus({ id: blocker.id, status: 'resolved', on: '2026-02-10' }, database);
    const { blocker: moved } = await updateBlocker(
      { id: blocker.id, patch: { openedOn: '2026-02-01' } },
      database,
    );
    expect(moved.statusHistory).toEqual([
      { status: 'open', on: '2026-02-01' },
      { status: 'resolved', on: '2026-02-10' },
    ]);
    const error = (await failure(
      updateBlocker({ id: blocker.id, patch: { openedOn: '2026-02-11' } }, database),
    )) as ValidationError;
    expect(error.problems).toEqual([
      {
        field: 'openedOn',
        message: 'Opened date cannot be after the blocker went to resolved on 10 Feb 2026',
      },
    ]);
    expect((await database.blockers.get(blocker.id))?.openedOn).toBe('2026-02-01');
  });

  it('refuses a new owner who no longer exists', async () => {
    const database = freshDb();
    const { blocker } = await createBlocker(fields(), database);
    const error = (await failure(
      updateBlocker({ id: blocker.id, patch: { ownerId: crypto.randomUUID() } }, database),
    )) as ValidationError;
    expect(error.messageFor('ownerId')).toMatch(/no longer exists/);
  });
});

describe('changing a blocker’s status', () => {
  it('appends each change with its date and note, sets and clears the resolved date', async () => {
    const database = freshDb();
    const { blocker } = await createBlocker(fields(), database);
    await changeBlockerStatus(
      { id: blocker.id, status: 'mitigating', on: '2026-02-03', note: 'Pre-approved changes' },
      database,
    );
    const { blocker: resolved } = await changeBlockerStatus(
      { id: blocker.id, status: 'resolved', on: '2026-02-03', from: 'mitigating' },
      database,
    );
    expect(resolved).toMatchObject({ status: 'resolved', resolvedOn: '2026-02-03' });
    const { blocker: reopened, undo } = await changeBlockerStatus(
      { id: blocker.id, status: 'open', on: '2026-03-01', note: 'Audit found unapproved changes' },
      database,
    );
    expect(reopened).toMatchObject({ status: 'open', resolvedOn: null });
    expect(reopened.statusHistory).toEqual([
      { status: 'open', on: '2026-02-02' },
      { status: 'mitigating', on: '2026-02-03', note: 'Pre-approved changes' },
      { status: 'resolved', on: '2026-02-03' },
      { status: 'open', on: '2026-03-01', note: 'Audit found unapproved changes' },
    ]);
    await undoChanges(database, undo);
    expect(await database.blockers.get(blocker.id)).toEqual(resolved);
  });

  it('refuses going back from resolved without a reopen note', async () => {
    const database = freshDb();
    const { blocker } = await createBlocker(fields(), database);
    const { blocker: resolved } = await changeBlockerStatus(
      { id: blocker.id, status: 'resolved', on: '2026-02-05' },
      database,
    );
    const error = (await failure(
      changeBlockerStatus({ id: blocker.id, status: 'mitigating', on: '2026-02-06', note: '   ' }, database),
    )) as ValidationError;
    expect(error.problems).toEqual([
      { field: 'note', message: 'Going back from resolved needs a note saying why it was reopened' },
    ]);
    expect(await database.blockers.get(blocker.id)).toEqual(resolved);
  });

  it('refuses a date before the last change, resolving before it was opened, and the status it has', async () => {
    const database = freshDb();
    const { blocker } = await createBlocker(fields(), database);
    const before = (await failure(
      changeBlockerStatus({ id: blocker.id, status: 'resolved', on: '2026-02-01' }, database),
    )) as ValidationError;
    expect(before.problems).toEqual([
      { field: 'on', message: 'The date cannot be before the blocker was opened (2 Feb 2026)' },
    ]);
    await changeBlockerStatus({ id: blocker.id, status: 'mitigating', on: '2026-02-09' }, database);
    const same = (await failure(
      changeBlockerStatus({ id: blocker.id, status: 'mitigating', on: '2026-02-08' }, database),
    )) as ValidationError;
    expect(same.problems).toEqual([
      { field: 'status', message: 'The blocker is already mitigating' },
      { field: 'on', message: 'The date cannot be before its last change (mitigating on 9 Feb 2026)' },
    ]);
    const bad = (await failure(
      changeBlockerStatus({ id: blocker.id, status: 'resolved', on: 'soon' }, database),
    )) as ValidationError;
    expect(bad.problems).toEqual([
      { field: 'on', message: 'Status change date must be a date like 2026-01-31' },
    ]);
  });

  it('refuses a move from a stale screen: the status changed elsewhere meanwhile', async () => {
    const database = freshDb();
    const { blocker } = await createBlocker(fields(), database);
    await changeBlockerStatus({ id: blocker.id, status: 'mitigating', on: '2026-02-03' }, database);
    const error = await failure(
      changeBlockerStatus({ id: blocker.id, status: 'resolved', on: '2026-02-04', from: 'open' }, database),
    );
    expect(error).toBeInstanceOf(StatusChangedElsewhereError);
    expect((error as Error).message).toBe(
      '“Change board approves every deploy” is mitigating now (changed elsewhere meanwhile); nothing was changed.',
    );
  });
});

describe('deleting a blocker', () => {
  it('deletes it, and undo puts it back with the same id', async () => {
    const database = freshDb();
    const { blocker } = await createBlocker(fields(), database);
    const { undo } = await deleteBlocker(blocker.id, database);
    expect(await database.blockers.count()).toBe(0);
    expect(undo.label).toBe('Deleted “Change board approves every deploy”');
    await undoChanges(database, undo);
    expect(await database.blockers.get(blocker.id)).toEqual(blocker);
  });
});

describe('reading blockers with filters', () => {
  it('gives exactly the blockers every filter selects, through whichever index serves them', async () => {
    const database = freshDb();
    const owner = await addPerson(database, 'Ada');
    const team = await addTeam(database, 'Payments');
    const app = appRecord({ name: 'Ledger' });
    await database.apps.add(app);
    const cycle = cycleRecord({ index: 1, startDate: '2026-01-01', endDate: '2026-04-01' });
    await database.cycles.add(cycle);
    const a = (
      await createBlocker(
        fields({ title: 'A', ownerId: owner.id, appId: app.id, cycleId: cycle.id }),
        database,
      )
    ).blocker;
    const b = (
      await createBlocker(
        fields({
          title: 'B',
          category: 'people-culture',
          subCategory: 'Skills, hiring',
          severity: 'low',
          teamId: team.id,
        }),
        database,
      )
    ).blocker;
    const c = (
      await createBlocker(
        fields({ title: 'C', openedOn: '2025-12-20', notes: 'Audit trail needed' }),
        database,
      )
    ).blocker;
    await changeBlockerStatus({ id: c.id, status: 'resolved', on: '2026-01-10' }, database);
    await changeBlockerStatus({ id: b.id, status: 'mitigating', on: '2026-02-05' }, database);

    const titles = async (filters: Partial<BlockerFilters>) =>
      (await readBlockers(database, { ...EMPTY_BLOCKER_FILTERS, ...filters }, '2026-03-01'))
        .map((x) => x.title)
        .sort();

    expect(await titles({})).toEqual(['A', 'B', 'C']);
    expect(await titles({ ownerId: owner.id })).toEqual(['A']);
    expect(await titles({ ownerId: NONE })).toEqual(['B', 'C']);
    expect(await titles({ appId: app.id, category: 'plans-alignment' })).toEqual(['A']);
    expect(await titles({ teamId: team.id })).toEqual(['B']);
    expect(await titles({ cycleId: cycle.id })).toEqual(['A']);
    expect(await titles({ category: 'plans-alignment', status: 'unresolved' })).toEqual(['A']);
    expect(await titles({ status: 'resolved' })).toEqual(['C']);
    expect(await titles({ status: 'mitigating' })).toEqual(['B']);
    expect(await titles({ severity: 'low' })).toEqual(['B']);
    expect(await titles({ subCategory: 'Compliance' })).toEqual(['A', 'C']);
    expect(await titles({ openOn: '2026-01-05' })).toEqual(['C']);
    expect(await titles({ openOn: '2026-02-02' })).toEqual(['A', 'B']);
    expect(await titles({ age: '0-30' })).toEqual(['A', 'B']);
    expect(await titles({ text: 'audit trail' })).toEqual(['C']);
    expect(a.id).not.toBe(b.id);
  });
});
