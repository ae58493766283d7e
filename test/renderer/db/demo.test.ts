/** Loading the demo program: all tables replaced in one transaction, with progress, cancel and rollback. */
import { describe, expect, it, vi } from 'vitest';
import { DATA_TABLES } from '../../../renderer/db/database';
import { clearAllData, loadDemoProgram } from '../../../renderer/db/demo';
import { StorageFullError } from '../../../renderer/db/errors';
import { demoRecordCount, generateDemoProgram, type DemoDataset } from '../../../shared/demo/generate';
import { byId, freshDatabases, snapshot } from './db-helpers';

const DAY_A = '2026-03-18';
const DAY_B = '2027-09-02';

const freshDb = freshDatabases('demo-test');

function sorted(dataset: DemoDataset): Record<string, unknown[]> {
  const out: Record<string, unknown[]> = {};
  for (const name of DATA_TABLES) out[name] = [...(dataset[name] as { id: string }[])].sort(byId);
  return out;
}

describe('loadDemoProgram', () => {
  it('fills every data table with exactly the generated demo', async () => {
    const database = freshDb();
    await loadDemoProgram({ database, today: DAY_A });
    const expected = generateDemoProgram({ today: DAY_A });
    expect(Object.keys(expected).sort()).toEqual([...DATA_TABLES].sort());
    for (const name of DATA_TABLES) {
      expect(await database.table(name).count(), name).toBe(expected[name].length);
      expect(expected[name].length, name).toBeGreaterThan(0);
    }
    expect(await snapshot(database)).toEqual(sorted(expected));
  });

  it('replaces what was there when loaded again, without duplicates, and keeps the settings', async () => {
    const database = freshDb();
    await database.settings.put({ key: 'theme', value: 'dark' });
    await database.teams.add({
      id: crypto.randomUUID(),
      name: 'A team the user made',
      kind: 'product',
      notes: '',
      externalRef: null,
      createdAt: '2026-01-01T00:00:00.000Z',
      updatedAt: '2026-01-01T00:00:00.000Z',
    });
    await loadDemoProgram({ database, today: DAY_A });
    await loadDemoProgram({ database, today: DAY_A });
    expect(await snapshot(database)).toEqual(sorted(generateDemoProgram({ today: DAY_A })));
    await loadDemoProgram({ database, today: DAY_B });
    expect(await snapshot(database)).toEqual(sorted(generateDemoProgram({ today: DAY_B })));
    expect(await database.teams.where('name').equals('A team the user made').count()).toBe(0);
    expect(await database.settings.get('theme')).toEqual({ key: 'theme', value: 'dark' });
  });

  it('reports progress after every chunk, ending at the total', async () => {
    const database = freshDb();
    const calls: [number, number][] = [];
    await loadDemoProgram({ database, today: DAY_A, onProgress: (done, total) => calls.push([done, total]) });
    const total = demoRecordCount(generateDemoProgram({ today: DAY_A }));
    expect(calls.length).toBeGreaterThan(DATA_TABLES.length);
    expect(calls[0]).toEqual([0, total]);
    expect(calls.at(-1)).toEqual([total, total]);
    for (let i = 1; i < calls.length; i++) expect(calls[i]![0]).toBeGreaterThan(calls[i - 1]![0]);
    for (const [, t] of calls) expect(t).toBe(total);
  });

  it('leaves the previous data untouched when cancelled midway', async () => {
    const database = freshDb();
    await loadDemoProgram({ database, today: DAY_A });
    const before = await snapshot(database);

    const controller = new AbortController();
    let last = 0;
    const load = loadDemoProgram({
      database,
      today: DAY_B,
      signal: controller.signal,
      onProgress: (done, total) => {
        last = done;
        if (done > total / 2) controller.abort();
      },
    });
    await expect(load).rejects.toMatchObject({ name: 'AbortError' });
    expect(last).toBeGreaterThan(0);
    expect(await snapshot(database)).toEqual(before);
  });

  it('does nothing when cancelled before it starts', async () => {
    const database = freshDb();
    await loadDemoProgram({ database, today: DAY_A });
    const before = await snapshot(database);
    const controller = new AbortController();
    controller.abort();
    const progress = vi.fn();
    await expect(
      loadDemoProgram({ database, today: DAY_B, signal: controller.signal, onProgress: progress }),
    ).rejects.toMatchObject({ name: 'AbortError' });
    expect(progress).not.toHaveBeenCalled();
    expect(await snapshot(database)).toEqual(before);
  });

  it('turns a full disk into a StorageFullError and changes nothing', async () => {
    const database = freshDb();
    await loadDemoProgram({ database, today: DAY_A });
    const before = await snapshot(database);
    vi.spyOn(database.table('pairingSessions'), 'bulkAdd').mockRejectedValue(
      new DOMException('The quota has been exceeded.', 'QuotaExceededError'),
    );
    await expect(loadDemoProgram({ database, today: DAY_B })).rejects.toBeInstanceOf(StorageFullError);
    vi.restoreAllMocks();
    expect(await snapshot(database)).toEqual(before);
  });
});

describe('clearAllData', () => {
  it('empties every data table and keeps the settings', async () => {
    const database = freshDb();
    await database.settings.put({ key: 'theme', value: 'light' });
    await loadDemoProgram({ database, today: DAY_A });
    await clearAllData(database);
    for (const name of DATA_TABLES) expect(await database.table(name).count(), name).toBe(0);
    expect(await database.settings.count()).toBe(1);
  });
});
