/** The clock middleware: every write to a data table leaves clocks; restores and the like write their own. */
import { describe, expect, it } from 'vitest';
import type { ClockEntry } from '../../../shared/sync/merge';
import { fallbackHlc, formatHlc, isFallbackHlc, parseHlc } from '../../../shared/sync/hlc';
import { appRecord, freshDatabases } from './db-helpers';

const freshDb = freshDatabases('clock-stamps');

const clocksOf = async (database: ReturnType<typeof freshDb>) =>
  (await database.clocks.toArray()) as ClockEntry[];

describe('clock stamps', () => {
  it('stamps every field of a new record with one clock of this device', async () => {
    const database = freshDb();
    const app = appRecord({ name: 'Ledger' });
    await database.apps.add(app);
    const [entry] = await clocksOf(database);
    expect(entry).toMatchObject({ id: `apps:${app.id}`, table: 'apps', key: app.id });
    const fields = Object.keys(app).filter((f) => f !== 'id');
    expect(Object.keys(entry!.fields).sort()).toEqual(fields.sort());
    expect(new Set(Object.values(entry!.fields)).size).toBe(1);
    expect(parseHlc(entry!.fields.name!)?.device).toMatch(/^[0-9a-f-]{36}$/);
    expect(entry!.prior).toBeUndefined();
  });

  it('stamps only the fields an update or a put changed, keeping the clock each replaced', async () => {
    const database = freshDb();
    const app = appRecord({ name: 'Ledger' });
    await database.apps.add(app);
    const [first] = await clocksOf(database);
    await database.apps.update(app.id, { description: 'Books' });
    const [second] = await clocksOf(database);
    expect(second!.fields.description! > first!.fields.description!).toBe(true);
    expect(second!.fields.name).toBe(first!.fields.name);
    expect(second!.prior).toEqual({ description: first!.fields.description });
    await database.apps.put({ ...app, description: 'Books', stage: 'selected' });
    const [third] = await clocksOf(database);
    expect(third!.fields.stage! > second!.fields.description!).toBe(true);
    expect(third!.fields.description).toBe(second!.fields.description);
    // Writing the same record again changes nothing, so stamps nothing.
    await database.apps.put({ ...app, description: 'Books', stage: 'selected' });
    expect(await clocksOf(database)).toEqual([third]);
  });

  it('gives a field of a record stored before clocks the fallback clock of its updatedAt as prior', async () => {
    const database = freshDb();
    const app = appRecord({ name: 'Ledger' });
    await database.transaction('rw', [database.apps, database.clocks], () => database.apps.add(app));
    expect(await clocksOf(database)).toEqual([]);
    await database.apps.update(app.id, { name: 'Ledger 2' });
    const [entry] = await clocksOf(database);
    expect(Object.keys(entry!.fields)).toEqual(['name']);
    expect(isFallbackHlc(entry!.prior!.name!)).toBe(true);
  });

  it('keeps the clock of absent fields a merge wrote, and uses it as the prior of a field first set', async () => {
    const database = freshDb();
    // A record without a description, whose entry a merge wrote with the clock of absent fields.
    const app: Record<string, unknown> & { id: string } = { ...appRecord({ name: 'Ledger' }) };
    delete app.description;
    const absent = fallbackHlc('2026-06-01T00:00:00.000Z');
    const name = formatHlc({ ms: 5, counter: 0, device: 'dev-a' });
    await database.transaction('rw', [database.apps, database.clocks], async () => {
      await database.apps.add(app as never);
      await database.clocks.put({
        id: `apps:${app.id}`,
        table: 'apps',
        key: app.id,
        fields: { name },
        absent,
      });
    });
    await database.apps.update(app.id, { description: 'Books' });
    const [entry] = await clocksOf(database);
    expect(entry!.absent).toBe(absent);
    expect(entry!.fields.name).toBe(name);
    expect(entry!.prior).toEqual({ description: absent });
  });

  it('leaves a tombstone for each record deleted, one by one, in bulk or by clearing the table', async () => {
    const database = freshDb();
    const apps = ['A', 'B', 'C', 'D'].map((name) => appRecord({ name }));
    await database.apps.bulkAdd(apps);
    await database.apps.delete(apps[0]!.id);
    await database.apps.bulkDelete([apps[1]!.id, '00000000-0000-4000-8000-00000000dead']);
    await database.apps.where('name').equals('C').delete();
    await database.apps.clear();
    const entries = await clocksOf(database);
    expect(entries.map((e) => e.key).sort()).toEqual(apps.map((a) => a.id).sort());
    for (const entry of entries) {
      expect(entry.deleted).toBeDefined();
      expect(entry.fields).toEqual({});
    }
    // A record written again under its id (Undo of a delete) is alive again, every field stamped.
    await database.apps.put(apps[0]!);
    const revived = (await clocksOf(database)).find((e) => e.key === apps[0]!.id)!;
    expect(revived.deleted).toBeUndefined();
    expect(revived.fields.name! > entries.find((e) => e.key === apps[0]!.id)!.deleted!).toBe(true);
  });

  it('does not stamp a transaction that names the clocks table, nor derived or local tables', async () => {
    const database = freshDb();
    await database.transaction('rw', [database.apps, database.clocks], async () => {
      await database.apps.add(appRecord({ name: 'Restored' }));
      await database.apps.clear();
    });
    await database.settings.put({ key: 'theme', value: 'dark' });
    await database.pairingTotals.put({
      id: 'person:x',
      dimension: 'person',
      entityId: 'x',
      sessions: 1,
      minutes: 60,
      lastDate: '2026-01-01',
    } as never);
    expect(await clocksOf(database)).toEqual([]);
  });

  it('writes nothing when the transaction fails', async () => {
    const database = freshDb();
    await expect(
      database.transaction('rw', database.apps, async () => {
        await database.apps.add(appRecord({ name: 'Ledger' }));
        throw new Error('boom');
      }),
    ).rejects.toThrow('boom');
    expect(await database.apps.count()).toBe(0);
    expect(await clocksOf(database)).toEqual([]);
  });

  it('does not stamp a record a bulkAdd refused', async () => {
    const database = freshDb();
    const app = appRecord({ name: 'Ledger' });
    await database.transaction('rw', [database.apps, database.clocks], () => database.apps.add(app));
    const other = appRecord({ name: 'Other' });
    await database.transaction('rw', database.apps, () =>
      database.apps.bulkAdd([{ ...app, name: 'Duplicate' }, other]).catch(() => undefined),
    );
    expect((await clocksOf(database)).map((e) => e.key)).toEqual([other.id]);
  });
});
