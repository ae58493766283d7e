/**
 * Applying an import: one transaction over apps and teams. Re-importing the same file creates no
 * duplicates; a canceled or failing import leaves the database exactly as it was.
 */
import { readFileSync } from 'node:fs';
import { afterEach, describe, expect, it } from 'vitest';
import { parseBackstageCatalog } from '../../../shared/import/apps/backstage';
import { guessCsvMapping, mapCsvRows } from '../../../shared/import/apps/definition';
import { planImport, type ImportPlan } from '../../../shared/import/apps/plan';
import type { ParsedImport } from '../../../shared/import/apps/records';
import { parseCsvFile } from '../../../shared/import/read/csv';
import { AdoptionDatabase } from '../../../renderer/db/database';
import { applyImport, ImportCanceledError } from '../../../renderer/features/apps/data/import';
import { createApp } from '../../../renderer/features/apps/data/apps';
import { undoChanges } from '../../../renderer/db/changes';

const opened: AdoptionDatabase[] = [];
function freshDb() {
  const database = new AdoptionDatabase(`import-${crypto.randomUUID()}`);
  opened.push(database);
  return database;
}
afterEach(async () => {
  for (const d of opened.splice(0)) await d.delete();
});

const CSV = [
  'Name,Team,External id,Stage,Business value,Technical feasibility,Description',
  'Payments,Checkout,CMDB-1,candidate,4,3.5,Takes the money',
  'Ledger,Finance,,Candidate,5,2,',
  'Search,Discovery,CMDB-3,on platform,3,4,',
  ',Nobody,CMDB-4,candidate,3,3,',
  'Reports,Finance,CMDB-5,sideways,3,3,',
].join('\n');

const CATALOG = `apiVersion: backstage.io/v1alpha1
kind: Group
metadata:
  name: payments-team
spec:
  type: team
  profile:
    displayName: Payments Team
  children: []
---
apiVersion: backstage.io/v1alpha1
kind: Component
metadata:
  name: payments-api
  title: Payments API
  description: Card payments
spec:
  type: service
  lifecycle: production
  owner: group:default/payments-team
  system: payments
---
apiVersion: backstage.io/v1alpha1
kind: API
metadata:
  name: payments-openapi
spec:
  type: openapi
  lifecycle: production
  owner: payments-team
  definition: "openapi: 3.0.0"
---
apiVersion: backstage.io/v1alpha1
kind: Component
metadata:
  name: fraud-check
spec:
  type: service
  lifecycle: experimental
  owner: payments-team
`;

function csvImport(text = CSV): ParsedImport {
  const parsed = parseCsvFile(text);
  return mapCsvRows(parsed, guessCsvMapping(parsed.headers));
}

async function planFor(database: AdoptionDatabase, parsed: ParsedImport): Promise<ImportPlan> {
  return planImport({ apps: await database.apps.toArray(), teams: await database.teams.toArray() }, parsed);
}

async function snapshot(database: AdoptionDatabase) {
  const byName = (a: { name: string }, b: { name: string }) => a.name.localeCompare(b.name);
  return {
    apps: (await database.apps.toArray()).sort(byName),
    teams: (await database.teams.toArray()).sort(byName),
  };
}

describe('applying a CSV import', () => {
  it('creates the apps and the teams they name, and reports the rejected rows with their location', async () => {
    const database = freshDb();
    const result = await applyImport(await planFor(database, csvImport()), {}, database);
    expect(result).toMatchObject({ created: 4, updated: 0, teamsCreated: 3 });
    expect(result.rejected.map((r) => r.location)).toEqual(['Row 5']);

    const apps = await database.apps.toArray();
    const payments = apps.find((a) => a.name === 'Payments')!;
    expect(payments).toMatchObject({ externalId: 'CMDB-1', businessScore: 4, technicalScore: 3.5 });
    const team = await database.teams.get(payments.teamId!);
    expect(team).toMatchObject({ name: 'Checkout', kind: 'product' });
    expect(apps.find((a) => a.name === 'Search')!.stage).toBe('on-platform');
    // "sideways" is no stage: the app is imported, its stage left at the default.
    expect(apps.find((a) => a.name === 'Reports')!.stage).toBe('candidate');
  });

  it('creates no duplicates when the same file is imported again: every app is updated instead', async () => {
    const database = freshDb();
    await applyImport(await planFor(database, csvImport()), {}, database);
    const first = await snapshot(database);

    const again = await applyImport(await planFor(database, csvImport()), {}, database);
    expect(again).toMatchObject({ created: 0, updated: 4, teamsCreated: 0 });
    const second = await snapshot(database);
    expect(second.apps.map((a) => a.id)).toEqual(first.apps.map((a) => a.id));
    expect(second.teams.map((t) => t.id)).toEqual(first.teams.map((t) => t.id));
  });

  it('matches by name when there is no external id, and keeps the fields the file does not provide', async () => {
    const database = freshDb();
    const existing = await createApp(
      { name: 'ledger', description: 'General ledger', system: 'finance-core', technicalScore: 4 },
      database,
    );
    const result = await applyImport(await planFor(database, csvImport()), {}, database);
    expect(result.updated).toBe(1);
    const ledger = (await database.apps.get(existing.id))!;
    expect(ledger).toMatchObject({
      name: 'Ledger',
      description: 'General ledger', // the file's cell is empty
      system: 'finance-core', // the file has no system column
      businessScore: 5,
      technicalScore: 2,
    });
    expect(await database.apps.count()).toBe(4);
  });

  it('rejects a record that would make a stored app invalid, with its row and field, and imports the rest', async () => {
    const database = freshDb();
    // Each row is fine on its own; merged into the stored app, Ledger's first deploy would precede its selection.
    await createApp({ name: 'Ledger', stage: 'selected', selectedOn: '2026-05-01' }, database);
    const parsed = csvImport('Name,Team,First deploy on\nGood,Core,\nLedger,Finance,2026-01-15\n');
    const result = await applyImport(await planFor(database, parsed), {}, database);
    expect(result).toMatchObject({ created: 1, updated: 0 });
    expect(result.rejected).toEqual([
      {
        location: 'Row 3',
        field: 'First deploy on',
        problem: 'First deploy cannot be before the app was selected',
      },
    ]);
    // The team only the rejected row named is not created.
    expect((await database.teams.toArray()).map((t) => t.name)).toEqual(['Core']);
    expect((await database.apps.toArray()).find((a) => a.name === 'Ledger')!.firstDeployOn).toBeNull();
  });
});

describe('the values left empty', () => {
  it('are reported for the apps written, not for a row rejected on writing', async () => {
    const database = freshDb();
    await createApp({ name: 'Ledger', stage: 'selected', selectedOn: '2026-05-01' }, database);
    // Both rows have a business value that cannot be read; Ledger is then rejected on writing.
    const parsed = csvImport('Name,Business value,First deploy on\nGood,very,\nLedger,nope,2026-01-15\n');
    const plan = await planFor(database, parsed);
    expect(plan.warnings?.map((w) => w.location)).toEqual(['Row 2', 'Row 3']);
    const result = await applyImport(plan, {}, database);
    expect(result.rejected.map((r) => r.location)).toEqual(['Row 3']);
    expect(result.warnings).toEqual([
      {
        location: 'Row 2',
        field: 'Business value',
        problem: '“very” is not a number; scores are 1 to 5; left empty',
      },
    ]);
    expect((await database.apps.toArray()).find((a) => a.name === 'Good')!.businessScore).toBeNull();
  });
});

describe('applying a Backstage catalog import', () => {
  it('turns Components into apps and Groups into teams, and skips other kinds', async () => {
    const database = freshDb();
    const result = await applyImport(await planFor(database, parseBackstageCatalog(CATALOG)), {}, database);
    expect(result).toMatchObject({ created: 2, updated: 0, skipped: 1, teamsCreated: 1 });
    const apps = await database.apps.orderBy('name').toArray();
    const teams = await database.teams.toArray();
    expect(teams.map((t) => t.name)).toEqual(['Payments Team']);
    expect(apps.map((a) => [a.name, a.externalId, a.teamId])).toEqual([
      // IndexedDB orders text by code unit: capitals first.
      ['Payments API', 'component:default/payments-api', teams[0]!.id],
      ['fraud-check', 'component:default/fraud-check', teams[0]!.id],
    ]);

    const again = await applyImport(await planFor(database, parseBackstageCatalog(CATALOG)), {}, database);
    expect(again).toMatchObject({ created: 0, updated: 2, teamsCreated: 0 });
    expect(await database.apps.count()).toBe(2);
    expect(await database.teams.count()).toBe(1);
  });
});

describe('teams from Backstage Groups', () => {
  const fixture = (name: string) =>
    readFileSync(new URL(`../../fixtures/backstage/${name}`, import.meta.url), 'utf8');
  const group = () => parseBackstageCatalog(fixture('team-b-group.yaml'));
  const components = () => parseBackstageCatalog(fixture('team-b-components.yaml'));
  const teamB = {
    name: 'Team B',
    kind: 'product',
    notes: 'Runs the checkout and payment services.',
    externalRef: 'group:default/team-b',
  };

  it('makes one team of a Group and the Components owned by it, in either order', async () => {
    for (const order of [
      [group, components],
      [components, group],
    ]) {
      const database = freshDb();
      for (const parse of order) await applyImport(await planFor(database, parse()), {}, database);
      const teams = await database.teams.toArray();
      expect(teams).toEqual([expect.objectContaining(teamB)]);
      const apps = await database.apps.toArray();
      expect(apps.map((a) => a.teamId)).toEqual([teams[0]!.id, teams[0]!.id, teams[0]!.id]);
    }
  });

  it('counts the team the Group updates, and Undo puts the team back as it was', async () => {
    const database = freshDb();
    await applyImport(await planFor(database, components()), {}, database);
    const [before] = await database.teams.toArray();
    expect(before).toMatchObject({ name: 'team-b', notes: '', externalRef: 'group:default/team-b' });

    const plan = await planFor(database, group());
    expect(plan).toMatchObject({ teamsToCreate: [], teamsToUpdate: ['team-b'] });
    const result = await applyImport(plan, {}, database);
    expect(result).toMatchObject({ created: 0, teamsCreated: 0, teamsUpdated: 1 });
    expect(await database.teams.toArray()).toEqual([expect.objectContaining({ ...teamB, id: before!.id })]);

    await undoChanges(database, result.undo);
    expect(await database.teams.toArray()).toEqual([before]);
  });

  it('links a team made before teams kept their ref, instead of adding a second one', async () => {
    const database = freshDb();
    await database.teams.add({
      id: crypto.randomUUID(),
      createdAt: '2026-01-01T00:00:00.000Z',
      updatedAt: '2026-01-01T00:00:00.000Z',
      name: 'Team B',
      kind: 'product',
      notes: '',
      externalRef: null,
    });
    await applyImport(await planFor(database, components()), {}, database);
    await applyImport(await planFor(database, group()), {}, database);
    expect(await database.teams.toArray()).toEqual([expect.objectContaining(teamB)]);
  });
});

describe('an import that does not finish', () => {
  function bigCsv(rows: number) {
    const lines = ['Name,Team,External id'];
    for (let i = 0; i < rows; i++) lines.push(`App ${i},Team ${i % 7},EXT-${i}`);
    return lines.join('\n');
  }

  it('is rolled back completely when canceled midway', async () => {
    const database = freshDb();
    await createApp({ name: 'Already here' }, database);
    const before = await snapshot(database);

    const controller = new AbortController();
    const progress: number[] = [];
    const outcome = await applyImport(
      await planFor(database, csvImport(bigCsv(1200))),
      {
        chunkSize: 100,
        signal: controller.signal,
        onProgress: ({ done }) => {
          progress.push(done);
          if (done >= 500) controller.abort();
        },
      },
      database,
    ).catch((e: unknown) => e);

    expect(outcome).toBeInstanceOf(ImportCanceledError);
    // Some chunks were written inside the transaction before the cancel...
    expect(Math.max(...progress)).toBeGreaterThanOrEqual(500);
    // ...and none of them is left.
    expect(await snapshot(database)).toEqual(before);
  });

  it('is rolled back completely when a write fails midway', async () => {
    const database = freshDb();
    const before = await snapshot(database);
    const plan = await planFor(database, csvImport(bigCsv(300)));
    let chunks = 0;
    // A failure the import cannot foresee (a full disk, a broken index) after some chunks were written.
    const failing = await applyImport(
      plan,
      {
        chunkSize: 50,
        onProgress: ({ done }) => {
          if (done > 0 && ++chunks === 3) throw new Error('Disk went away');
        },
      },
      database,
    ).catch((e: unknown) => e);
    expect(failing).toBeInstanceOf(Error);
    expect((failing as Error).message).toBe('Disk went away');
    expect(await snapshot(database)).toEqual(before);
  });

  it('writes nothing when canceled before it starts', async () => {
    const database = freshDb();
    const controller = new AbortController();
    controller.abort();
    await expect(
      applyImport(await planFor(database, csvImport()), { signal: controller.signal }, database),
    ).rejects.toBeInstanceOf(ImportCanceledError);
    expect(await database.apps.count()).toBe(0);
    expect(await database.teams.count()).toBe(0);
  });
});
