/**
 * Every import and every replace of the data is all-or-nothing: IndexedDB is made to refuse the
 * write of the import's LAST record, and every table, the derived ones included, must be exactly
 * as it was before. Each case then runs again without the failure, to prove the refused record
 * was really part of the write (so the test can fail).
 */
import { beforeEach, describe, expect, it } from 'vitest';
import type { AdoptionDatabase } from '../../../renderer/db/database';
import { DATA_TABLES, DERIVED_TABLES } from '../../../renderer/db/database';
import { exportBackup, restoreBackup } from '../../../renderer/db/backup';
import { loadDemoProgram } from '../../../renderer/db/demo';
import { mergeBackup } from '../../../renderer/db/merge-import';
import { applyImport } from '../../../renderer/features/apps/data/import';
import { applyBlockerImport } from '../../../renderer/features/blockers/data/import';
import { applyPeopleImport, applyTeamsImport } from '../../../renderer/features/people/data/import';
import { backupToJson, parseBackup } from '../../../shared/backup/backup';
import { parseBackstageCatalog } from '../../../shared/import/apps/backstage';
import { guessCsvMapping, mapCsvRows } from '../../../shared/import/apps/definition';
import { planImport } from '../../../shared/import/apps/plan';
import type { ParsedImport } from '../../../shared/import/apps/records';
import { blockersImport } from '../../../shared/import/blockers/definition';
import { guessMapping, mapRows } from '../../../shared/import/mapping';
import { planRecords } from '../../../shared/import/matching';
import { peopleImport, teamsImport } from '../../../shared/import/people/definition';
import { planPeopleImport, planTeamsImport } from '../../../shared/import/people/plan';
import { parseCsvFile } from '../../../shared/import/read/csv';
import { freshDatabases, snapshot } from '../db/db-helpers';
import { injectFailures, type FailureSwitch } from './inject-failure';

const freshDb = freshDatabases('all-or-nothing');
const TODAY = '2026-06-15';

/** Every table the app writes, data, derived and clocks, each sorted by id. */
const everything = (database: AdoptionDatabase) =>
  snapshot(database, [...DATA_TABLES, ...DERIVED_TABLES, 'clocks']);

const mentions = (text: string) => (record: Record<string, unknown>) => JSON.stringify(record).includes(text);

let database: AdoptionDatabase;
let failures: FailureSwitch;

beforeEach(async () => {
  database = freshDb();
  failures = injectFailures(database);
  // A workspace with a program's worth of records in it: the failure must leave all of them.
  await loadDemoProgram({ database, today: TODAY });
});

/**
 * Runs `write` with the failure armed on the record `matches` picks in `table`: it must reject
 * with the injected failure and change nothing. Then runs it disarmed: it must succeed and change
 * something, so the refused record was really written by it.
 */
async function allOrNothing(
  table: string,
  matches: (record: Record<string, unknown>) => boolean,
  write: () => Promise<unknown>,
  present: (record: Record<string, unknown>) => boolean = matches,
) {
  const before = await everything(database);
  failures.arm(table, matches);
  await expect(write()).rejects.toThrow(/Injected failure/);
  expect(failures.fired).toBe(1);
  expect(await everything(database)).toEqual(before);

  failures.disarm();
  await write();
  expect(await everything(database)).not.toEqual(before);
  expect((await database.table(table).toArray()).some((r) => present(r as Record<string, unknown>))).toBe(
    true,
  );
}

async function appsPlan(parsed: ParsedImport) {
  return planImport({ apps: await database.apps.toArray(), teams: await database.teams.toArray() }, parsed);
}

describe('a failure at the last record leaves every table as it was', () => {
  it('apps from a CSV file (with new teams)', async () => {
    const csv = parseCsvFile(
      [
        'Name,Team,External id,Stage,Business value',
        'Zz Payments,Zz Checkout,ZZ-1,candidate,4',
        'Zz Ledger,Zz Finance,ZZ-2,candidate,5',
        'Zz Reports,Zz Finance,ZZ-3,candidate,3',
      ].join('\n'),
    );
    const plan = await appsPlan(mapCsvRows(csv, guessCsvMapping(csv.headers)));
    await allOrNothing(
      'apps',
      (r) => r.name === 'Zz Reports',
      () => applyImport(plan, {}, database),
    );
  });

  it('apps and Groups from a Backstage catalog', async () => {
    const catalog = [
      'apiVersion: backstage.io/v1alpha1',
      'kind: Group',
      'metadata: { name: zz-team }',
      'spec: { type: team, profile: { displayName: Zz Team }, children: [] }',
      '---',
      'apiVersion: backstage.io/v1alpha1',
      'kind: Component',
      'metadata: { name: zz-first }',
      'spec: { type: service, lifecycle: production, owner: zz-team }',
      '---',
      'apiVersion: backstage.io/v1alpha1',
      'kind: Component',
      'metadata: { name: zz-last }',
      'spec: { type: service, lifecycle: production, owner: group:default/zz-team }',
    ].join('\n');
    const plan = await appsPlan(parseBackstageCatalog(catalog));
    await allOrNothing('apps', mentions('zz-last'), () => applyImport(plan, {}, database));
  });

  it('teams from a CSV file', async () => {
    const table = parseCsvFile('Team,Kind\nZz Payments,product\nZz Security Office,Governance / security\n');
    const plan = planTeamsImport(
      await database.teams.toArray(),
      mapRows(teamsImport, table, guessMapping(teamsImport.fields, table.headers)),
    );
    await allOrNothing(
      'teams',
      (r) => r.name === 'Zz Security Office',
      () => applyTeamsImport(plan, {}, database),
    );
  });

  it('people from a CSV file (with a team it creates)', async () => {
    const table = parseCsvFile(
      'Name,Team,Roles,Can seed\nZz Ana,Zz Data Center,Advocate,yes\nZz Ben,Zz Data Center,Operator,no\n',
    );
    const plan = planPeopleImport(
      { people: await database.people.toArray(), teams: await database.teams.toArray() },
      mapRows(peopleImport, table, guessMapping(peopleImport.fields, table.headers)),
      { createTeams: true, newTeamKind: 'infrastructure' },
    );
    await allOrNothing(
      'people',
      (r) => r.name === 'Zz Ben',
      () => applyPeopleImport(plan, {}, database),
    );
  });

  it('blockers from a RAID log', async () => {
    const definition = blockersImport({ people: [], teams: [], cycles: [], apps: [] });
    const table = parseCsvFile(
      [
        'Title,Category,Sub-category,Severity,Status,Opened on,Resolved on',
        'Zz first,People & Culture,Org. structure,High,Open,2026-01-05,',
        'Zz last,Technical Execution,Other,Critical,,2026-01-07,2026-01-20',
      ].join('\n'),
    );
    const parsed = mapRows(definition, table, guessMapping(definition.fields, table.headers));
    const stored = (await database.blockers.toArray()).map((b) => ({ id: b.id, title: b.title }));
    const plan = planRecords(definition, stored, parsed);
    await allOrNothing(
      'blockers',
      (r) => r.title === 'Zz last',
      () => applyBlockerImport(plan, TODAY, {}, database),
    );
  });

  it('a backup restored over the workspace', async () => {
    // Another workspace's backup: the demo built around another day, so every record differs.
    const other = freshDb();
    await loadDemoProgram({ database: other, today: '2025-03-01' });
    // Through the file format, as the Data screen restores it: checked and upgraded by parseBackup.
    const backup = parseBackup(backupToJson(await exportBackup(other)), DATA_TABLES);
    const tables = backup.tables as unknown as Record<string, { id: string }[]>;
    const lastTable = [...DATA_TABLES].reverse().find((name) => (tables[name]?.length ?? 0) > 0)!;
    const lastId = tables[lastTable]!.at(-1)!.id;
    await allOrNothing(
      lastTable,
      (r) => r.id === lastId,
      () => restoreBackup(backup, database),
    );
  });

  it('a backup merged into the workspace', async () => {
    // A copy of this workspace where an advocate logged sessions and renamed an app: the merge
    // adds and changes records, recounts the totals and writes the clocks — the clocks last.
    const other = freshDb();
    await restoreBackup(parseBackup(backupToJson(await exportBackup(database)), DATA_TABLES), other);
    const app = (await other.apps.toCollection().first())!;
    await other.apps.update(app.id, { name: 'Renamed on the copy' });
    const session = { ...(await other.pairingSessions.toCollection().first())!, id: crypto.randomUUID() };
    await other.pairingSessions.add(session);
    const backup = parseBackup(backupToJson(await exportBackup(other)), DATA_TABLES);
    expect(backup.clocks).toHaveLength(2);
    await allOrNothing(
      'clocks',
      (r) => r.id === `pairingSessions:${session.id}`,
      () => mergeBackup(database, backup),
    );
    expect((await database.apps.get(app.id))!.name).toBe('Renamed on the copy');
  });

  it('the demo program loaded over the workspace', async () => {
    // Make the workspace differ from the demo about to be loaded, so the load changes something.
    await database.apps.update((await database.apps.toCollection().first())!.id, { name: 'Renamed by hand' });
    // The demo gets new ids each load, but the same number of records for the same day: fail on
    // the last record of the last table it writes.
    const counts = await Promise.all(DATA_TABLES.map((n) => database.table(n).count()));
    const lastIndex = counts.findLastIndex((n) => n > 0);
    const lastTable = DATA_TABLES[lastIndex]!;
    let written = 0;
    await allOrNothing(
      lastTable,
      () => ++written === counts[lastIndex],
      () => loadDemoProgram({ database, today: TODAY }),
      () => true,
    );
  });
});
