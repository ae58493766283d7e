import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { fallbackHlc, formatHlc, type Hlc } from '../../shared/sync/hlc';
import {
  mergeWorkspaces,
  planMerge,
  sameJson,
  type ClockEntry,
  type SyncRecord,
  type Workspace,
} from '../../shared/sync/merge';

const TABLES = ['apps', 'pairingSessions'];
const IDS = [
  '00000000-0000-4000-8000-000000000001',
  '00000000-0000-4000-8000-000000000002',
  '00000000-0000-4000-8000-000000000003',
];
const clock = (ms: number, device: string, counter = 0): Hlc => formatHlc({ ms, counter, device });

const hlcArb = fc
  .record({
    ms: fc.integer({ min: 1, max: 6 }),
    counter: fc.nat(2),
    device: fc.constantFrom('dev-a', 'dev-b', 'dev-c'),
  })
  .map(formatHlc);
const valueArb = fc.oneof(
  fc.constantFrom('x', 'y', 'z'),
  fc.integer({ min: 0, max: 2 }),
  fc.constant(null),
  fc.record({ p: fc.constantFrom(1, 2), q: fc.constantFrom('u', 'v') }),
);
const FIELDS = ['name', 'stage', 'notes'];

/** One record's state on one side: absent, present (with or without clocks), or deleted. */
const entryArb = (table: string, id: string) =>
  fc.oneof(
    fc.constant({ record: undefined, clock: undefined }),
    fc
      .record({
        updatedAt: fc.constantFrom('2026-01-01T00:00:00.000Z', '2026-02-01T00:00:00.000Z'),
        values: fc.dictionary(fc.constantFrom(...FIELDS), valueArb),
        clocks: fc.option(fc.dictionary(fc.constantFrom(...FIELDS, 'updatedAt'), hlcArb), { nil: undefined }),
        prior: fc.option(fc.dictionary(fc.constantFrom(...FIELDS), hlcArb), { nil: undefined }),
      })
      .map(({ updatedAt, values, clocks, prior }) => {
        const record: SyncRecord = { id, updatedAt, ...values };
        const entry: ClockEntry | undefined = clocks
          ? { id: `${table}:${id}`, table, key: id, fields: clocks, ...(prior ? { prior } : {}) }
          : undefined;
        return { record, clock: entry };
      }),
    hlcArb.map((deleted) => ({
      record: undefined,
      clock: { id: `${table}:${id}`, table, key: id, fields: {}, deleted } as ClockEntry,
    })),
  );

const workspaceArb: fc.Arbitrary<Workspace> = fc
  .tuple(...TABLES.flatMap((t) => IDS.map((id) => entryArb(t, id))))
  .map((entries) => {
    const tables: Record<string, SyncRecord[]> = Object.fromEntries(TABLES.map((t) => [t, []]));
    const clocks: ClockEntry[] = [];
    entries.forEach((e, i) => {
      const table = TABLES[Math.floor(i / IDS.length)]!;
      if (e.record) tables[table]!.push(e.record);
      if (e.clock) clocks.push(e.clock);
    });
    return { tables, clocks };
  });

const merge = (a: Workspace, b: Workspace) => mergeWorkspaces(a, b, TABLES);
const empty: Workspace = { tables: {}, clocks: [] };

describe('merging two workspaces', () => {
  it('gives the same result in either order, conflicts included', () => {
    fc.assert(
      fc.property(workspaceArb, workspaceArb, (a, b) => {
        const ab = merge(a, b);
        const ba = merge(b, a);
        expect(sameJson(ab.workspace, ba.workspace)).toBe(true);
        expect(sameJson(ab.conflicts, ba.conflicts)).toBe(true);
      }),
      { numRuns: 500 },
    );
  });

  it('gives the same result however three workspaces are grouped', () => {
    fc.assert(
      fc.property(workspaceArb, workspaceArb, workspaceArb, (a, b, c) => {
        const left = merge(merge(a, b).workspace, c).workspace;
        const right = merge(a, merge(b, c).workspace).workspace;
        expect(sameJson(left, right)).toBe(true);
      }),
      { numRuns: 500 },
    );
  });

  it('changes nothing when a workspace is merged again, or with itself', () => {
    fc.assert(
      fc.property(workspaceArb, workspaceArb, (a, b) => {
        const once = merge(a, b).workspace;
        const again = merge(once, b).workspace;
        expect(sameJson(again, once)).toBe(true);
        expect(sameJson(merge(once, once).workspace, once)).toBe(true);
        expect(merge(once, once).conflicts).toEqual([]);
        expect(sameJson(merge(a, a).workspace, merge(a, empty).workspace)).toBe(true);
      }),
      { numRuns: 300 },
    );
  });

  it('never brings back a deleted record', () => {
    fc.assert(
      fc.property(workspaceArb, workspaceArb, (a, b) => {
        const deleted = new Set([...a.clocks, ...b.clocks].filter((c) => c.deleted).map((c) => c.id));
        const { workspace } = merge(a, b);
        for (const table of TABLES)
          for (const record of workspace.tables[table]!)
            expect(deleted.has(`${table}:${record.id}`)).toBe(false);
        for (const id of deleted) expect(workspace.clocks.find((c) => c.id === id)?.deleted).toBeDefined();
      }),
      { numRuns: 300 },
    );
  });

  it('keeps concurrent changes to different fields of one record, and lists none as a conflict', () => {
    const base = { id: IDS[0]!, updatedAt: '2026-01-01T00:00:00.000Z', name: 'Ledger', stage: 'candidate' };
    const owner: Workspace = {
      tables: { apps: [{ ...base, name: 'Ledger API' }] },
      clocks: [{ id: `apps:${IDS[0]}`, table: 'apps', key: IDS[0]!, fields: { name: clock(5, 'owner') } }],
    };
    const advocate: Workspace = {
      tables: { apps: [{ ...base, stage: 'selected' }] },
      clocks: [
        { id: `apps:${IDS[0]}`, table: 'apps', key: IDS[0]!, fields: { stage: clock(4, 'advocate') } },
      ],
    };
    const { workspace, conflicts } = merge(owner, advocate);
    expect(workspace.tables.apps).toEqual([{ ...base, name: 'Ledger API', stage: 'selected' }]);
    expect(conflicts).toEqual([]);
  });

  it('lists a field both sides changed to different values, with the value kept and the one dropped', () => {
    const base = { id: IDS[0]!, updatedAt: '2026-01-01T00:00:00.000Z', name: 'Ledger' };
    const side = (name: string, at: Hlc, prior?: Hlc): Workspace => ({
      tables: { apps: [{ ...base, name }] },
      clocks: [
        {
          id: `apps:${IDS[0]}`,
          table: 'apps',
          key: IDS[0]!,
          fields: { name: at },
          ...(prior ? { prior: { name: prior } } : {}),
        },
      ],
    });
    const { workspace, conflicts } = merge(
      side('Ledger A', clock(5, 'dev-a')),
      side('Ledger B', clock(6, 'dev-b')),
    );
    expect(workspace.tables.apps![0]!.name).toBe('Ledger B');
    expect(conflicts).toEqual([
      {
        table: 'apps',
        id: IDS[0],
        field: 'name',
        kept: 'Ledger B',
        dropped: 'Ledger A',
        keptClock: clock(6, 'dev-b'),
        droppedClock: clock(5, 'dev-a'),
      },
    ]);
    // The later change was made over the earlier one (its prior is that clock): no conflict.
    expect(
      merge(side('Ledger A', clock(5, 'dev-a')), side('Ledger B', clock(6, 'dev-b'), clock(5, 'dev-a')))
        .conflicts,
    ).toEqual([]);
    // Two changes on the same device are in order: no conflict.
    expect(merge(side('Ledger A', clock(5, 'dev-a')), side('Ledger B', clock(6, 'dev-a'))).conflicts).toEqual(
      [],
    );
  });

  it('orders records without clocks by their updatedAt, below any stamped change', () => {
    const a = { id: IDS[0]!, updatedAt: '2026-03-01T00:00:00.000Z', name: 'Newer' };
    const b = { id: IDS[0]!, updatedAt: '2026-01-01T00:00:00.000Z', name: 'Older' };
    expect(
      merge({ tables: { apps: [a] }, clocks: [] }, { tables: { apps: [b] }, clocks: [] }).workspace.tables
        .apps,
    ).toEqual([a]);
    const stamped: Workspace = {
      tables: { apps: [b] },
      clocks: [{ id: `apps:${IDS[0]}`, table: 'apps', key: IDS[0]!, fields: { name: clock(1, 'dev-a') } }],
    };
    expect(merge({ tables: { apps: [a] }, clocks: [] }, stamped).workspace.tables.apps![0]!.name).toBe(
      'Older',
    );
  });

  it('reports a record changed after the other side deleted it, and deletes it', () => {
    const record = { id: IDS[0]!, updatedAt: '2026-01-01T00:00:00.000Z', name: 'Ledger' };
    const changed: Workspace = {
      tables: { apps: [record] },
      clocks: [{ id: `apps:${IDS[0]}`, table: 'apps', key: IDS[0]!, fields: { name: clock(9, 'dev-a') } }],
    };
    const deleted: Workspace = {
      tables: { apps: [] },
      clocks: [{ id: `apps:${IDS[0]}`, table: 'apps', key: IDS[0]!, fields: {}, deleted: clock(5, 'dev-b') }],
    };
    const { workspace, conflicts } = merge(changed, deleted);
    expect(workspace.tables.apps).toEqual([]);
    expect(conflicts).toMatchObject([{ field: null, kept: null, dropped: record }]);
  });

  it('keeps the clock of a field a record lacks when a merge changes its updatedAt (issue 13)', () => {
    // Found by the grouping property: B ∪ C dropped its clocks as the fallback of its own updatedAt
    // (February); A's stamped updatedAt (January) then won, and B's dropped name at February was lost.
    const id = IDS[1]!;
    const jan = '2026-01-01T00:00:00.000Z';
    const feb = '2026-02-01T00:00:00.000Z';
    const side = (record: SyncRecord, fields?: Record<string, Hlc>): Workspace => ({
      tables: { apps: [], pairingSessions: [record] },
      clocks: fields ? [{ id: `pairingSessions:${id}`, table: 'pairingSessions', key: id, fields }] : [],
    });
    const a = side({ id, updatedAt: jan }, { updatedAt: clock(1, 'dev-a') });
    const b = side({ id, updatedAt: jan, name: { p: 1, q: 'u' } });
    const c = side({ id, updatedAt: feb });
    const left = merge(merge(a, b).workspace, c).workspace;
    const right = merge(a, merge(b, c).workspace).workspace;
    expect(left).toEqual(right);
    expect(left.tables.pairingSessions).toEqual([{ id, updatedAt: jan }]);
    expect(left.clocks).toEqual([
      {
        id: `pairingSessions:${id}`,
        table: 'pairingSessions',
        key: id,
        fields: { updatedAt: clock(1, 'dev-a') },
        absent: fallbackHlc(feb),
      },
    ]);
    // The merged workspace, merged again in any order or with itself, stays as it is.
    expect(merge(left, left).workspace).toEqual(left);
    expect(merge(left, b).workspace).toEqual(left);
    expect(merge(c, left).workspace).toEqual(left);
  });

  it('plans the writes that turn a workspace into the merged one', () => {
    fc.assert(
      fc.property(workspaceArb, workspaceArb, (a, b) => {
        const merged = merge(a, b).workspace;
        const plan = planMerge(a, merged, TABLES);
        for (const table of TABLES) {
          const byId = new Map((a.tables[table] ?? []).map((r) => [r.id, r]));
          for (const id of plan.deleted[table]!) byId.delete(id);
          for (const r of [...plan.added[table]!, ...plan.changed[table]!]) byId.set(r.id, r);
          expect(
            sameJson(
              [...byId.values()].sort((x, y) => (x.id < y.id ? -1 : 1)),
              merged.tables[table],
            ),
          ).toBe(true);
        }
      }),
      { numRuns: 200 },
    );
  });
});
