/**
 * The record counts middleware (renderer/db/record-counts-core.ts): whatever path writes the data
 * tables — a bare add, put, delete, a key-range delete, modify or clear, several writes issued
 * together in one transaction, a command and its Undo, a restore, "delete all data" — the counts
 * in the database equal a recount of every table; a write that fails leaves them as they were.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { restoreBackup } from '../../../renderer/db/backup';
import { undoChanges } from '../../../renderer/db/changes';
import { DATA_TABLES, type AdoptionDatabase } from '../../../renderer/db/database';
import { clearAllData } from '../../../renderer/db/demo';
import { writeTransaction } from '../../../renderer/db/repository';
import { deleteApp } from '../../../renderer/features/apps/data/apps';
import { countsByTable } from '../../../shared/domain/record-counts';
import { appRecord, freshDatabases } from './db-helpers';

const freshDb = freshDatabases('record-counts');

async function recount(database: AdoptionDatabase) {
  const sizes = await Promise.all(DATA_TABLES.map((name) => database.table(name).count()));
  return Object.fromEntries(DATA_TABLES.map((name, i) => [name, sizes[i]]));
}

async function expectRecount(database: AdoptionDatabase) {
  const kept = countsByTable(DATA_TABLES, await database.recordCounts.toArray());
  expect(kept).toEqual(await recount(database));
  // A table without records has no row (the rows' counts are positive).
  for (const row of await database.recordCounts.toArray()) expect(row.count).toBeGreaterThan(0);
}

const app = (slot: number) => ({ ...appRecord({ name: `app-${slot}` }), id: `app-${slot}` });
const snapshotOf = (slot: number) => ({
  id: `snap-${slot}`,
  metricId: 'm1',
  date: `2025-01-${String(slot + 1).padStart(2, '0')}`,
  value: slot,
  notes: '',
  createdAt: '2025-01-01T00:00:00.000Z',
  updatedAt: '2025-01-01T00:00:00.000Z',
});

describe('the record counts, kept with every write', () => {
  it('equal a recount after any sequence of writes of every kind (property)', async () => {
    const slot = fc.integer({ min: 0, max: 5 });
    const slots = fc.array(slot, { minLength: 1, maxLength: 4 });
    const op = fc.oneof(
      fc.record({ kind: fc.constant('add' as const), slots }),
      fc.record({ kind: fc.constant('put' as const), slots }),
      fc.record({ kind: fc.constant('delete' as const), slots }),
      fc.record({ kind: fc.constant('range' as const), from: slot, to: slot }),
      fc.record({ kind: fc.constant('index' as const), slot }),
      fc.record({ kind: fc.constant('modify' as const), slot }),
      fc.record({ kind: fc.constant('together' as const), a: slots, b: slots }),
      fc.record({ kind: fc.constant('clear' as const) }),
    );
    await fc.assert(
      fc.asyncProperty(fc.array(op, { minLength: 1, maxLength: 10 }), async (ops) => {
        const database = freshDb();
        for (const o of ops) {
          if (o.kind === 'add') {
            // Duplicates (in the batch or stored) are refused by IndexedDB, the others stored.
            await database.apps.bulkAdd(o.slots.map(app)).catch(() => {});
            await database.metricSnapshots.bulkAdd(o.slots.map(snapshotOf)).catch(() => {});
          } else if (o.kind === 'put') {
            await database.apps.bulkPut(o.slots.map(app));
            await database.metricSnapshots.bulkPut(o.slots.map(snapshotOf));
          } else if (o.kind === 'delete') {
            await database.apps.bulkDelete(o.slots.map((s) => `app-${s}`));
          } else if (o.kind === 'range') {
            await database.metricSnapshots
              .where(':id')
              .between(`snap-${Math.min(o.from, o.to)}`, `snap-${Math.max(o.from, o.to)}`, true, true)
              .delete();
          } else if (o.kind === 'index') {
            await database.apps.where('name').equals(`app-${o.slot}`).delete();
          } else if (o.kind === 'modify') {
            await database.apps.where('name').aboveOrEqual(`app-${o.slot}`).modify({ stage: 'selected' });
          } else if (o.kind === 'together') {
            // Writes issued together in one transaction: neither loses the other's count.
            await database.transaction('rw', [database.apps, database.metricSnapshots], () =>
              Promise.all([
                database.apps.bulkPut(o.a.map(app)),
                database.metricSnapshots.bulkPut(o.b.map(snapshotOf)),
                database.metricSnapshots.bulkAdd(o.a.map((s) => snapshotOf(s + 10))).catch(() => {}),
              ]),
            );
          } else {
            await database.apps.clear();
          }
          await expectRecount(database);
        }
      }),
      { numRuns: 30 },
    );
  });

  it('follow a command and its Undo', async () => {
    const database = freshDb();
    const apps = ['Ledger', 'Cards', 'Risk'].map((name) => appRecord({ name }));
    await database.apps.bulkAdd(apps);
    expect(await database.recordCounts.get('apps')).toEqual({ id: 'apps', count: 3 });
    const { undo } = await deleteApp(apps[0]!.id, database);
    await expectRecount(database);
    expect((await database.recordCounts.get('apps'))?.count).toBe(2);
    await undoChanges(database, undo);
    await expectRecount(database);
    expect((await database.recordCounts.get('apps'))?.count).toBe(3);
  });

  it('stay as they were when the write fails', async () => {
    const database = freshDb();
    await database.apps.add(appRecord({ name: 'Ledger' }));
    const before = await database.recordCounts.toArray();
    await expect(
      writeTransaction(database, ['apps'], async () => {
        await database.apps.add(appRecord({ name: 'Cards' }));
        throw new Error('refused');
      }),
    ).rejects.toThrow('refused');
    expect(await database.recordCounts.toArray()).toEqual(before);
    await expectRecount(database);
  });

  it('are computed by a restore from what it wrote, and emptied by "delete all data"', async () => {
    const database = freshDb();
    await database.apps.add(appRecord({ name: 'Gone' }));
    const restored = ['Ledger', 'Cards'].map((name) => appRecord({ name }));
    await restoreBackup({ tables: { apps: restored, metricSnapshots: [snapshotOf(1)] } } as never, database);
    await expectRecount(database);
    expect((await database.recordCounts.get('apps'))?.count).toBe(2);
    expect((await database.recordCounts.get('metricSnapshots'))?.count).toBe(1);
    await clearAllData(database);
    expect(await database.recordCounts.toArray()).toEqual([]);
    await expectRecount(database);
  });
});
