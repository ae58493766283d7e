/** Importing teams and people from CSV: cells, rows, duplicates by row, unknown teams, re-imports. */
import { describe, expect, it } from 'vitest';
import { guessMapping, mapRows } from '../../shared/import/mapping';
import { parseCsvFile } from '../../shared/import/read/csv';
import {
  parseRolesCell,
  parseTeamKindCell,
  parseYesNoCell,
  peopleImport,
  teamKindFromText,
  teamsImport,
} from '../../shared/import/people/definition';
import {
  personRowInput,
  personRowPatch,
  planPeopleImport,
  planTeamsImport,
  teamRowInput,
  teamRowPatch,
} from '../../shared/import/people/plan';

function read<T>(definition: typeof peopleImport | typeof teamsImport, csv: string) {
  const table = parseCsvFile(csv);
  return mapRows(definition as never, table, guessMapping(definition.fields, table.headers)) as ReturnType<
    typeof mapRows<T, string, { id: string }>
  >;
}

describe('the cells of a people or teams file', () => {
  it('reads roles by label or id in any case, in the role list’s order, and names the ones it does not know', () => {
    expect(parseRolesCell('Advocate, ENGINEER')).toEqual({ value: ['engineer', 'advocate'] });
    expect(parseRolesCell('platform-owner; Infrastructure Staff | product manager')).toEqual({
      value: ['platform-owner', 'infrastructure-staff', 'product-manager'],
    });
    expect(parseRolesCell('Developer, Architect, Wizard')).toEqual({
      problem: expect.stringMatching(
        /^“Architect”, “Wizard” are not roles; roles are Platform owner, Operator/,
      ),
    });
  });

  it('reads team kinds by id, label or common word, and suggests one for other words', () => {
    expect(parseTeamKindCell('Governance / security')).toEqual({ value: 'governance-security' });
    expect(parseTeamKindCell('INFRA')).toEqual({ value: 'infrastructure' });
    expect(parseTeamKindCell('security')).toEqual({ value: 'governance-security' });
    expect(parseTeamKindCell('Stream-aligned')).toEqual({
      problem:
        '“Stream-aligned” is not a team kind; use one of Platform, Product, Infrastructure, Governance / security',
    });
    expect(teamKindFromText('Stream-aligned')).toBe('product');
    expect(teamKindFromText('Cloud Ops')).toBe('infrastructure');
    expect(teamKindFromText('Enabling')).toBeUndefined();
  });

  it('reads yes and no as spreadsheets say them', () => {
    for (const yes of ['yes', 'Y', 'TRUE', '1', 'x', '✓'])
      expect(parseYesNoCell(yes)).toEqual({ value: true });
    for (const no of ['No', 'n', 'false', '0', '-']) expect(parseYesNoCell(no)).toEqual({ value: false });
    expect(parseYesNoCell('maybe')).toEqual({ problem: '“maybe” is not yes or no' });
  });
});

describe('a people file', () => {
  const csv = [
    'Name,Team,Roles,Can seed,Notes',
    'Ana Ruiz,Nimbus Platform,"Advocate, Engineer",yes,First advocate',
    'Ben Okafor,Payments Core,Developer,no,',
    'ana  RUIZ,Payments Core,Developer,,Second row for Ana',
    ',Payments Core,Developer,,',
    'Cleo Park,Data Lake,Architect,maybe,',
    'Dan Levi,payments core,,,',
  ].join('\n');

  it('maps its columns by their names and reports each problem by row', () => {
    const parsed = read(peopleImport, csv);
    expect(parsed.records.map((r) => r.location)).toEqual(['Row 2', 'Row 3', 'Row 4', 'Row 6', 'Row 7']);
    expect(parsed.rejected).toEqual([
      { location: 'Row 5', field: 'Name', problem: 'is empty; every person needs a name' },
    ]);
    // Optional cells that cannot be read leave the field empty, with a warning on the row.
    expect(parsed.warnings?.map((w) => `${w.location} ${w.field}`)).toEqual([
      'Row 6 Roles',
      'Row 6 Can seed',
    ]);
    expect(parsed.records[0]).toMatchObject({
      name: 'Ana Ruiz',
      teamName: 'Nimbus Platform',
      roles: ['engineer', 'advocate'],
      canSeed: true,
      notes: 'First advocate',
    });
  });

  it('rejects a name already in the file by row, and offers to create the teams it names that do not exist', () => {
    const parsed = read(peopleImport, csv);
    const stored = { people: [], teams: [{ id: 't1', name: 'Nimbus Platform' }] };
    const plan = planPeopleImport(stored, parsed as never, { createTeams: true, newTeamKind: 'product' });
    expect(plan.rejected).toContainEqual({
      location: 'Row 4',
      field: 'Name',
      problem: 'is the same person as Row 2 (same name); only the first is imported',
    });
    expect(plan.creates.map((r) => r.name)).toEqual(['Ana Ruiz', 'Ben Okafor', 'Cleo Park', 'Dan Levi']);
    // The rejected duplicate's team is not counted; any case of a name is one team.
    expect(plan.unknownTeams).toEqual([
      { name: 'Payments Core', rows: 2 },
      { name: 'Data Lake', rows: 1 },
    ]);
    expect(plan.teamsToCreate).toEqual(plan.unknownTeams);
  });

  it('rejects the rows naming teams that do not exist when the user does not create them', () => {
    const parsed = read(peopleImport, csv);
    const stored = { people: [], teams: [{ id: 't1', name: 'Nimbus Platform' }] };
    const plan = planPeopleImport(stored, parsed as never, { createTeams: false, newTeamKind: 'product' });
    expect(plan.creates.map((r) => r.name)).toEqual(['Ana Ruiz']);
    expect(plan.teamsToCreate).toEqual([]);
    expect(plan.unknownTeams.map((t) => t.name)).toEqual(['Payments Core', 'Data Lake']);
    expect(plan.rejected.filter((r) => r.field === 'Team').map((r) => [r.location, r.problem])).toEqual([
      [
        'Row 3',
        '“Payments Core” is not a team yet; choose to create the teams the file names, or add the team first',
      ],
      [
        'Row 6',
        '“Data Lake” is not a team yet; choose to create the teams the file names, or add the team first',
      ],
      [
        'Row 7',
        '“payments core” is not a team yet; choose to create the teams the file names, or add the team first',
      ],
    ]);
  });

  it('updates the people it names again, never blanking a stored value', () => {
    const parsed = read(peopleImport, 'Name,Team,Roles,Can seed,Notes\nana ruiz,,,no,\n');
    const plan = planPeopleImport({ people: [{ id: 'p1', name: 'Ana Ruiz' }], teams: [] }, parsed as never, {
      createTeams: true,
      newTeamKind: 'product',
    });
    expect(plan.creates).toEqual([]);
    expect(plan.updates.map((u) => u.id)).toEqual(['p1']);
    expect(personRowPatch(plan.updates[0]!.record, null)).toEqual({ name: 'ana ruiz', canSeed: false });
    expect(personRowInput(plan.updates[0]!.record, 't9')).toEqual({
      name: 'ana ruiz',
      teamId: 't9',
      roles: [],
      canSeed: false,
      notes: '',
    });
  });
});

describe('a teams file', () => {
  it('reads names, kinds and notes; a name already in the file is rejected by row; a stored team is updated', () => {
    const parsed = read(
      teamsImport,
      'Team,Kind,Description\nPayments,Product,Cards\nSecurity Office,governance,\nPAYMENTS,platform,\nData Center,,Racks\n',
    );
    const plan = planTeamsImport([{ id: 't1', name: 'data center' }], parsed as never);
    expect(plan.creates.map((r) => teamRowInput(r))).toEqual([
      { name: 'Payments', kind: 'product', notes: 'Cards' },
      { name: 'Security Office', kind: 'governance-security', notes: '' },
    ]);
    expect(plan.rejected).toEqual([
      {
        location: 'Row 4',
        field: 'Team name',
        problem: 'is the same team as Row 2 (same name); only the first is imported',
      },
    ]);
    expect(plan.updates.map((u) => [u.id, teamRowPatch(u.record)])).toEqual([
      ['t1', { name: 'Data Center', notes: 'Racks' }],
    ]);
  });
});
