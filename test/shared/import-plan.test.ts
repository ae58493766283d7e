import { readFileSync } from 'node:fs';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { appInputSchema } from '../../shared/domain/apps';
import { parseBackstageCatalog } from '../../shared/import/apps/backstage';
import { guessCsvMapping, mapCsvRows } from '../../shared/import/apps/definition';
import { parseCsvFile } from '../../shared/import/read/csv';
import {
  importRecordInput,
  importRecordPatch,
  nameKey,
  planImport,
  type ImportPlan,
} from '../../shared/import/apps/plan';
import type { AppImportRecord, ParsedImport } from '../../shared/import/apps/records';

type Existing = { id: string; name: string; externalId: string | null };

const record = (name: string, externalId: string | null = null, extra: Partial<AppImportRecord> = {}) => ({
  name,
  teamName: null,
  description: '',
  externalId,
  lifecycle: '',
  system: '',
  location: `Row ${name}`,
  ...extra,
});

const parsedOf = (apps: ReturnType<typeof record>[], more: Partial<ParsedImport> = {}): ParsedImport => ({
  apps,
  teams: [],
  rejected: [],
  skipped: [],
  ...more,
});

/** What the repository does with a plan, reduced to the fields matching looks at. */
function applyPlan(apps: Existing[], plan: ImportPlan): Existing[] {
  const next = apps.map((a) => ({ ...a }));
  for (const { id, record: r } of plan.updates) {
    const app = next.find((a) => a.id === id)!;
    const patch = importRecordPatch(r);
    app.name = patch.name!;
    if (patch.externalId !== undefined) app.externalId = patch.externalId;
  }
  plan.creates.forEach((r, i) => {
    const input = importRecordInput(r, null);
    next.push({ id: `new-${apps.length + i}`, name: input.name, externalId: input.externalId ?? null });
  });
  return next;
}

describe('planImport', () => {
  it('creates apps that do not exist yet', () => {
    const plan = planImport({ apps: [], teams: [] }, parsedOf([record('Orders'), record('Billing', 'CI-2')]));
    expect(plan.creates.map((r) => r.name)).toEqual(['Orders', 'Billing']);
    expect(plan.updates).toEqual([]);
  });

  it('matches by external id first, even when the name changed', () => {
    const existing = [{ id: 'a1', name: 'Old name', externalId: 'component:default/orders' }];
    const plan = planImport(
      { apps: existing, teams: [] },
      parsedOf([record('Orders', 'component:default/orders')]),
    );
    expect(plan.updates.map((u) => [u.id, u.record.name])).toEqual([['a1', 'Orders']]);
    expect(plan.creates).toEqual([]);
  });

  it('matches by name, trimmed and without regard to case, when the record has no external id', () => {
    const existing = [{ id: 'a1', name: 'Order  Service', externalId: null }];
    const plan = planImport({ apps: existing, teams: [] }, parsedOf([record('  order service ')]));
    expect(plan.updates.map((u) => u.id)).toEqual(['a1']);
  });

  it('links an app of that name that has no external id yet, but never one linked to another entity', () => {
    const existing = [
      { id: 'plain', name: 'Orders', externalId: null },
      { id: 'linked', name: 'Billing', externalId: 'component:default/billing' },
    ];
    const plan = planImport(
      { apps: existing, teams: [] },
      parsedOf([
        record('Orders', 'component:default/orders'),
        record('Billing', 'component:finance/billing'),
      ]),
    );
    expect(plan.updates.map((u) => [u.id, u.record.externalId])).toEqual([
      ['plain', 'component:default/orders'],
    ]);
    expect(plan.creates.map((r) => r.externalId)).toEqual(['component:finance/billing']);
  });

  it('lets a record without external id update a linked app of that name, preferring an unlinked one', () => {
    const linked = { id: 'linked', name: 'Orders', externalId: 'CI-9' };
    expect(planImport({ apps: [linked], teams: [] }, parsedOf([record('Orders')])).updates[0]?.id).toBe(
      'linked',
    );
    const plain = { id: 'plain', name: 'orders', externalId: null };
    expect(
      planImport({ apps: [linked, plain], teams: [] }, parsedOf([record('Orders')])).updates[0]?.id,
    ).toBe('plain');
  });

  it('gives the same matches whatever the order of the rows', () => {
    const existing = [
      { id: 'x', name: 'Orders', externalId: 'E1' },
      { id: 'y', name: 'Orders', externalId: null },
    ];
    const rows = [record('Orders'), record('Orders', 'E1')];
    const forward = planImport({ apps: existing, teams: [] }, parsedOf(rows));
    const backward = planImport({ apps: existing, teams: [] }, parsedOf([...rows].reverse()));
    const pairs = (p: ImportPlan) => p.updates.map((u) => `${u.record.externalId}->${u.id}`).sort();
    expect(pairs(forward)).toEqual(['E1->x', 'null->y']);
    expect(pairs(backward)).toEqual(pairs(forward));
  });

  it('imports the first of two rows for the same app and rejects the later one', () => {
    const plan = planImport(
      { apps: [], teams: [] },
      parsedOf([
        { ...record('Orders'), location: 'Row 2' },
        { ...record('ORDERS'), location: 'Row 5' },
        { ...record('A', 'CI-1'), location: 'Row 6' },
        { ...record('B', 'CI-1'), location: 'Row 7' },
      ]),
    );
    expect(plan.creates.map((r) => r.location)).toEqual(['Row 2', 'Row 6']);
    expect(plan.rejected).toEqual([
      {
        location: 'Row 5',
        field: 'App name',
        problem: 'is the same app as Row 2 (same name); only the first is imported',
      },
      {
        location: 'Row 7',
        field: 'External id',
        problem: 'is the same app as Row 6 (same external id); only the first is imported',
      },
    ]);
  });

  it('passes on the parser’s rejections and counts what it skipped', () => {
    const plan = planImport(
      { apps: [], teams: [] },
      parsedOf([], {
        rejected: [{ location: 'Row 3', field: 'Stage', problem: 'bad' }],
        skipped: [
          { reason: 'kind: API', count: 3 },
          { reason: 'kind: User', count: 2 },
        ],
      }),
    );
    expect(plan.rejected).toHaveLength(1);
    expect(plan.skipped).toBe(5);
  });

  it('creates each missing team once, matching existing teams without regard to case', () => {
    const plan = planImport(
      { apps: [], teams: [{ id: 't1', name: 'Payments Team' }] },
      parsedOf(
        [
          record('A', null, { teamName: 'payments team' }),
          record('B', null, { teamName: 'Storefront' }),
          record('C', null, { teamName: 'storefront ' }),
        ],
        {
          teams: [{ name: 'Platform', description: '', externalId: 'group:default/platform' }],
        },
      ),
    );
    expect(plan.teamsToCreate).toEqual(['Platform', 'Storefront']);
  });

  it('updates every app and creates nothing when the same CSV file is imported again', () => {
    const text = readFileSync(new URL('../fixtures/csv/portfolio.csv', import.meta.url), 'utf8');
    const csv = parseCsvFile(text);
    const parsed = mapCsvRows(csv, guessCsvMapping(csv.headers));
    const first = planImport({ apps: [], teams: [] }, parsed);
    expect(first.creates).toHaveLength(4);
    const second = planImport({ apps: applyPlan([], first), teams: [] }, parsed);
    expect(second.creates).toEqual([]);
    expect(second.updates).toHaveLength(4);
  });

  it('updates every app and creates nothing when the same catalog is imported again', () => {
    const text = readFileSync(new URL('../fixtures/backstage/catalog-info.yaml', import.meta.url), 'utf8');
    const parsed = parseBackstageCatalog(text);
    const first = planImport({ apps: [], teams: [] }, parsed);
    const second = planImport(
      {
        apps: applyPlan([], first),
        teams: [
          { id: 't', name: 'Payments Team' },
          { id: 'u', name: 'storefront' },
        ],
      },
      parsed,
    );
    expect(second.creates).toEqual([]);
    expect(second.updates).toHaveLength(first.creates.length);
    expect(second.teamsToCreate).toEqual([]);
  });

  it('never creates anything when a plan is made again against the result of applying it', () => {
    const name = fc.constantFrom('Orders', 'orders', 'Billing', 'Search', ' Shop', 'shop', 'Ledger');
    const ext = fc.option(fc.constantFrom('E1', 'E2', 'E3', 'E4'), { nil: null });
    const existingApps = fc
      .array(fc.record({ name, externalId: ext }), { maxLength: 6 })
      .map((apps) => apps.map((a, i) => ({ id: `old-${i}`, ...a })));
    const records = fc.array(fc.record({ name, externalId: ext }), { maxLength: 8 });
    fc.assert(
      fc.property(existingApps, records, (apps, rs) => {
        const parsed = parsedOf(
          rs.map((r, i) => ({ ...record(r.name, r.externalId), location: `Row ${i + 2}` })),
        );
        const first = planImport({ apps, teams: [] }, parsed);
        const targets = first.updates.map((u) => u.id);
        expect(new Set(targets).size).toBe(targets.length);
        expect(first.creates.length + first.updates.length + first.rejected.length).toBe(rs.length);
        const second = planImport({ apps: applyPlan(apps, first), teams: [] }, parsed);
        expect(second.creates).toEqual([]);
        expect(second.updates.length).toBe(first.creates.length + first.updates.length);
      }),
    );
  });
});

describe('importRecordInput and importRecordPatch', () => {
  const full = record('Orders', 'CI-1', {
    teamName: 'Orders Team',
    description: 'Takes orders',
    lifecycle: 'production',
    system: 'shop',
    stage: 'onboarding',
    businessScore: 4,
    technicalScore: 3.5,
    selectedOn: '2026-01-05',
    firstDeployOn: '2026-02-01',
    productionOn: null,
  });

  it('builds a new app the app schema accepts, defaulting the stage to candidate', () => {
    const input = importRecordInput(full, '00000000-0000-4000-8000-000000000001');
    expect(appInputSchema.parse(input)).toMatchObject({
      name: 'Orders',
      stage: 'onboarding',
      businessScore: 4,
      productionOn: null,
    });
    expect(importRecordInput(record('Bare'), null)).toMatchObject({
      stage: 'candidate',
      businessScore: null,
      selectedOn: null,
    });
  });

  it('writes what the record has over an existing app', () => {
    expect(importRecordPatch(full, 'team-1')).toEqual({
      name: 'Orders',
      teamId: 'team-1',
      externalId: 'CI-1',
      description: 'Takes orders',
      lifecycle: 'production',
      system: 'shop',
      stage: 'onboarding',
      businessScore: 4,
      technicalScore: 3.5,
      selectedOn: '2026-01-05',
      firstDeployOn: '2026-02-01',
    });
  });

  it('never blanks out a stored value with an empty one', () => {
    expect(importRecordPatch(record('Orders'))).toEqual({ name: 'Orders' });
    expect(importRecordPatch(record('Orders', '  ', { businessScore: null }), null)).toEqual({
      name: 'Orders',
    });
  });

  it('compares names the way the plan does', () => {
    expect(nameKey('  Order\tService ')).toBe('order service');
  });
});
