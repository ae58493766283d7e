/** The People area's import commands on a real (in-memory) IndexedDB: one transaction, Undo, Cancel. */
import { describe, expect, it } from 'vitest';
import { undoChanges } from '../../../renderer/db/changes';
import { applyPeopleImport, applyTeamsImport } from '../../../renderer/features/people/data/import';
import { createPerson } from '../../../renderer/features/people/data/people';
import { createTeam } from '../../../renderer/features/people/data/teams';
import { mapRows, guessMapping } from '../../../shared/import/mapping';
import { parseCsvFile } from '../../../shared/import/read/csv';
import { peopleImport, teamsImport } from '../../../shared/import/people/definition';
import { planPeopleImport, planTeamsImport } from '../../../shared/import/people/plan';
import { ImportCanceledError } from '../../../shared/import/types';
import type { AdoptionDatabase } from '../../../renderer/db/database';
import { freshDatabases, snapshot } from '../db/db-helpers';

const freshDb = freshDatabases('people-import');

async function peoplePlan(database: AdoptionDatabase, csv: string, createTeams = true) {
  const table = parseCsvFile(csv);
  const parsed = mapRows(peopleImport, table, guessMapping(peopleImport.fields, table.headers));
  return planPeopleImport(
    { people: await database.people.toArray(), teams: await database.teams.toArray() },
    parsed,
    { createTeams, newTeamKind: 'infrastructure' },
  );
}

const CSV = [
  'Name,Team,Roles,Can seed',
  'Ana Ruiz,Nimbus Platform,Advocate,yes',
  'Ben Okafor,Data Center,Operator,no',
  'Cleo Park,data center,Infrastructure staff,',
  'Ana Ruiz,Data Center,Operator,',
].join('\n');

describe('importing people', () => {
  it('creates the people and the teams they name that do not exist, in one step Undo takes back', async () => {
    const database = freshDb();
    const platform = await createTeam({ name: 'Nimbus Platform', kind: 'platform' }, database);
    const before = await snapshot(database);
    const plan = await peoplePlan(database, CSV);
    const result = await applyPeopleImport(plan, {}, database);
    expect(result).toMatchObject({ created: 3, updated: 0, teamsCreated: 1 });
    expect(result.rejected.map((r) => r.location)).toEqual(['Row 5']);
    const teams = await database.teams.toArray();
    const dataCenter = teams.find((t) => t.name === 'Data Center')!;
    expect(dataCenter.kind).toBe('infrastructure');
    const people = Object.fromEntries((await database.people.toArray()).map((p) => [p.name, p]));
    expect(people['Ana Ruiz']).toMatchObject({ teamId: platform.id, roles: ['advocate'], canSeed: true });
    expect(people['Cleo Park']).toMatchObject({
      teamId: dataCenter.id,
      roles: ['infrastructure-staff'],
      canSeed: false,
    });

    await undoChanges(database, result.undo);
    expect(await snapshot(database)).toEqual(before);
  });

  it('updates the people named again without blanking what the file leaves empty', async () => {
    const database = freshDb();
    const ana = await createPerson(
      { name: 'Ana Ruiz', roles: ['advocate'], canSeed: true, notes: 'Keeps this' },
      database,
    );
    const plan = await peoplePlan(database, 'Name,Can seed,Notes\nANA RUIZ,no,\n');
    const result = await applyPeopleImport(plan, {}, database);
    expect(result).toMatchObject({ created: 0, updated: 1, teamsCreated: 0 });
    expect(await database.people.get(ana.id)).toMatchObject({
      name: 'ANA RUIZ',
      roles: ['advocate'],
      canSeed: false,
      notes: 'Keeps this',
    });
  });

  it('writes nothing when cancelled', async () => {
    const database = freshDb();
    const before = await snapshot(database);
    const plan = await peoplePlan(database, CSV);
    const controller = new AbortController();
    const error = await applyPeopleImport(
      plan,
      { signal: controller.signal, chunkSize: 1, onProgress: ({ done }) => done > 1 && controller.abort() },
      database,
    ).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ImportCanceledError);
    expect(await snapshot(database)).toEqual(before);
  });
});

describe('importing teams', () => {
  it('creates and updates teams by name, in one step Undo takes back', async () => {
    const database = freshDb();
    const stored = await createTeam({ name: 'Payments', kind: 'product', notes: 'Cards' }, database);
    const before = await snapshot(database);
    const table = parseCsvFile('Team,Kind\npayments,platform\nSecurity Office,Governance / security\n');
    const plan = planTeamsImport(
      await database.teams.toArray(),
      mapRows(teamsImport, table, guessMapping(teamsImport.fields, table.headers)),
    );
    const result = await applyTeamsImport(plan, {}, database);
    expect(result).toMatchObject({ created: 1, updated: 1, rejected: [] });
    expect(await database.teams.get(stored.id)).toMatchObject({
      name: 'payments',
      kind: 'platform',
      notes: 'Cards',
    });
    await undoChanges(database, result.undo);
    expect(await snapshot(database)).toEqual(before);
  });
});
