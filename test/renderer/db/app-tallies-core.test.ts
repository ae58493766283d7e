/**
 * The apps' tallies middleware (renderer/db/app-tallies-core.ts): whatever path writes the apps —
 * a bare put, update, modify, delete or clear, the Apps area's commands, Undo — the tallies in
 * the database equal a recount of the stored apps; a write that fails leaves them as they were;
 * a restore computes them from what it wrote.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { restoreBackup } from '../../../renderer/db/backup';
import { undoChanges } from '../../../renderer/db/changes';
import { writeTransaction } from '../../../renderer/db/repository';
import { deleteApp, moveAppToStage } from '../../../renderer/features/apps/data/apps';
import { tallyApps, type TallyApp } from '../../../shared/domain/app-tallies';
import type { AppStage } from '../../../shared/domain';
import { appRecord, byId, cycleRecord, freshDatabases } from './db-helpers';

const freshDb = freshDatabases('app-tallies');

async function expectRecount(database: ReturnType<typeof freshDb>) {
  const apps = (await database.apps.toArray()) as TallyApp[];
  expect(await database.appTallies.orderBy('id').toArray()).toEqual(tallyApps(apps).sort(byId));
}

const STAGES: AppStage[] = ['candidate', 'selected', 'onboarding', 'on-platform', 'paused', 'dropped'];

describe('the apps’ tallies, kept with every write', () => {
  it('equal a recount after any sequence of bare puts, updates, modifies, deletes and clears (property)', async () => {
    const op = fc.oneof(
      fc.record({
        kind: fc.constant('put' as const),
        slot: fc.integer({ min: 0, max: 5 }),
        stage: fc.constantFrom(...STAGES),
        day: fc.integer({ min: 1, max: 28 }),
        cycle: fc.boolean(),
      }),
      fc.record({
        kind: fc.constant('update' as const),
        slot: fc.integer({ min: 0, max: 5 }),
        stage: fc.constantFrom(...STAGES),
      }),
      fc.record({ kind: fc.constant('modify' as const), stage: fc.constantFrom(...STAGES) }),
      fc.record({ kind: fc.constant('delete' as const), slot: fc.integer({ min: 0, max: 5 }) }),
      fc.record({ kind: fc.constant('clear' as const) }),
    );
    await fc.assert(
      fc.asyncProperty(fc.array(op, { minLength: 1, maxLength: 12 }), async (ops) => {
        const database = freshDb();
        for (const o of ops) {
          const id = 'slot' in o ? `app-${o.slot}` : '';
          if (o.kind === 'put') {
            const day = `2025-03-${String(o.day).padStart(2, '0')}`;
            await database.apps.put({
              ...appRecord({ name: id, stage: o.stage }),
              id,
              cycleId: o.cycle ? 'c1' : null,
              selectedOn: day,
              firstDeployOn: o.stage === 'on-platform' || o.stage === 'onboarding' ? day : null,
              productionOn: o.stage === 'on-platform' ? day : null,
            });
          } else if (o.kind === 'update') await database.apps.update(id, { stage: o.stage });
          else if (o.kind === 'modify')
            await database.apps.where('stage').equals('selected').modify({ stage: o.stage });
          else if (o.kind === 'delete') await database.apps.delete(id);
          else await database.apps.clear();
          await expectRecount(database);
        }
      }),
      { numRuns: 25 },
    );
  });

  it('follow the Apps area’s commands and their Undo', async () => {
    const database = freshDb();
    const cycle = cycleRecord({ index: 1, startDate: '2025-01-06', endDate: '2025-04-06' });
    await database.cycles.add(cycle);
    const apps = ['Ledger', 'Cards', 'Risk'].map((name) => appRecord({ name }));
    await database.apps.bulkAdd(apps);
    await expectRecount(database);
    await moveAppToStage(apps[0]!.id, 'selected', '2025-01-10', database);
    await moveAppToStage(apps[0]!.id, 'on-platform', '2025-02-10', database, {
      firstDeployOn: '2025-01-20',
      productionOn: '2025-02-10',
    });
    await expectRecount(database);
    expect(await database.appTallies.get(`cycle|${cycle.id}|on-platform`)).toEqual({
      id: `cycle|${cycle.id}|on-platform`,
      count: 1,
    });
    const { undo } = await deleteApp(apps[0]!.id, database);
    await expectRecount(database);
    expect(await database.appTallies.get('stage|on-platform')).toBeUndefined();
    await undoChanges(database, undo);
    await expectRecount(database);
    expect((await database.appTallies.get('stage|on-platform'))?.count).toBe(1);
  });

  it('stay as they were when the write fails', async () => {
    const database = freshDb();
    const app = appRecord({ name: 'Ledger', stage: 'selected' });
    await database.apps.add(app);
    const before = await database.appTallies.toArray();
    await expect(
      writeTransaction(database, ['apps'], async () => {
        await database.apps.put({ ...app, stage: 'dropped' });
        throw new Error('refused');
      }),
    ).rejects.toThrow('refused');
    expect(await database.appTallies.toArray()).toEqual(before);
    // A bulkAdd whose duplicate IndexedDB refuses counts only the records it stored.
    const other = appRecord({ name: 'Cards', stage: 'onboarding' });
    await database.apps.bulkAdd([other, app]).catch(() => {});
    await expectRecount(database);
  });

  it('are kept in a transaction over every table too, as tests and bulk writes use', async () => {
    const database = freshDb();
    await database.transaction('rw', database.tables, async () => {
      await database.apps.bulkAdd(['Ledger', 'Cards'].map((name) => appRecord({ name, stage: 'selected' })));
      await database.apps.where('name').equals('Cards').modify({ stage: 'on-platform' });
    });
    await expectRecount(database);
    expect((await database.appTallies.get('stage|on-platform'))?.count).toBe(1);
  });

  it('are computed by a restore from what it wrote', async () => {
    const database = freshDb();
    await database.apps.add(appRecord({ name: 'Gone', stage: 'paused' }));
    const restored = ['Ledger', 'Cards'].map((name) => appRecord({ name, stage: 'on-platform' }));
    await restoreBackup({ tables: { apps: restored } } as never, database);
    await expectRecount(database);
    expect(await database.appTallies.get('stage|paused')).toBeUndefined();
    expect((await database.appTallies.get('stage|on-platform'))?.count).toBe(2);
  });
});
