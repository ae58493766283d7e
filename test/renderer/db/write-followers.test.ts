/**
 * The layer that keeps the clocks, the apps' tallies and the record counts beside every write
 * (renderer/db/write-followers.ts): it reads what a write replaces once for all of them, and
 * nothing for an add; a clear reads nothing when every follower knows what a clear does.
 */
import type { DBCore, DBCoreGetManyRequest, DBCoreQueryRequest } from 'dexie';
import { describe, expect, it } from 'vitest';
import { appRecord, freshDatabases } from './db-helpers';

const freshDb = freshDatabases('write-followers');

/** A database with a layer beneath the app's that counts the reads of the apps table. */
function countingReads() {
  const database = freshDb();
  const reads = { getMany: 0, query: 0 };
  database.use({
    stack: 'dbcore',
    name: 'count-reads',
    level: 0,
    create: (down: DBCore): DBCore => ({
      ...down,
      table(name) {
        const table = down.table(name);
        if (name !== 'apps') return table;
        return {
          ...table,
          getMany(req: DBCoreGetManyRequest) {
            reads.getMany++;
            return table.getMany(req);
          },
          query(req: DBCoreQueryRequest) {
            reads.query++;
            return table.query(req);
          },
        };
      },
    }),
  });
  return { database, reads };
}

describe('the writes’ followers', () => {
  it('read the stored records of a put once for the clocks, the tallies and the counts', async () => {
    const { database, reads } = countingReads();
    const app = appRecord({ name: 'Ledger' });
    await database.apps.add(app);
    expect(reads.getMany).toBe(0);
    await database.apps.put({ ...app, stage: 'onboarding' });
    expect(reads.getMany).toBe(1);
    await database.apps.delete(app.id);
    expect(reads.getMany).toBe(2);
    // Each kept what the writes did: a tombstone, no tally, no count.
    expect((await database.clocks.get(`apps:${app.id}`))?.deleted).toBeDefined();
    expect(await database.appTallies.count()).toBe(0);
    expect(await database.recordCounts.get('apps')).toBeUndefined();
  });

  it('read nothing for a clear when every follower keeping it knows what a clear does', async () => {
    const { database, reads } = countingReads();
    await database.apps.bulkAdd([appRecord({ name: 'A' }), appRecord({ name: 'B' })]);
    // A transaction that writes its own clocks (a restore's, a start over's) is not stamped.
    await database.transaction('rw', [database.apps, database.clocks], () => database.apps.clear());
    expect(reads).toEqual({ getMany: 0, query: 0 });
    expect(await database.recordCounts.get('apps')).toBeUndefined();
    // A bare clear is stamped: each stored app's key is read for its tombstone.
    await database.apps.bulkAdd([appRecord({ name: 'C' })]);
    await database.apps.clear();
    expect(reads).toEqual({ getMany: 1, query: 1 });
    expect(await database.appTallies.count()).toBe(0);
  });
});
