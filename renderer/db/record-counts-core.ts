/**
 * Keeps the number of records of every data table (shared/domain/record-counts.ts, the derived
 * table `recordCounts`) in the same IndexedDB transaction as every write to them, in ONE place:
 * a follower of the writes (./write-followers.ts, a Dexie DBCore middleware), like the apps'
 * tallies, because the data tables are written by many paths (commands, Undo, imports, merges,
 * restore, the demo).
 *
 * For a read-write transaction over any data table it adds `recordCounts` to the IndexedDB
 * transaction. An add counts the records IndexedDB took; a put or a delete counts from which of
 * its keys were stored before it (read once for every follower), so only new records count up
 * and only stored ones count down; a delete of a key range counts the range's stored records;
 * clearing a table sets its count to 0. Each table's row is then read and written again, one write after
 * another within the transaction, so writes issued together never lose each other's counts.
 * Restore, start over, the demo and a merge also write every derived table whole at the end
 * (./derived.ts writeDerived); a schema upgrade counts the stored tables (./derived.ts).
 */
import Dexie, { type DBCore, type DBCoreTransaction } from 'dexie';
import type { RecordCount } from '../../shared/domain/record-counts';
import type { Follower } from './write-followers';

export const COUNTS_TABLE = 'recordCounts';

/** What a write did to its table's count: records added (negative: removed), or emptied it. */
type Change = { by: number } | { empty: true };

/** The follower (./write-followers.ts) of the `counted` tables' writes that keeps their counts. */
export function recordCountKeeping(counted: readonly string[]): Follower {
  const sources = new Set(counted);
  /** Per transaction, per table: the last update of its row (the next one waits for it). */
  const chains = new WeakMap<DBCoreTransaction, Map<string, PromiseLike<unknown>>>();

  /** Adds the change to the table's row, after the transaction's earlier updates of it. */
  function update(
    down: DBCore,
    trans: DBCoreTransaction,
    name: string,
    change: Change,
  ): PromiseLike<unknown> {
    const counts = down.table(COUNTS_TABLE);
    let kept = chains.get(trans);
    if (!kept) chains.set(trans, (kept = new Map()));
    const next = Dexie.Promise.resolve(kept.get(name))
      .then(() =>
        'empty' in change
          ? undefined
          : (counts.get({ trans, key: name }) as Promise<RecordCount | undefined>),
      )
      .then((row) => {
        const count = 'empty' in change ? 0 : Math.max(0, (row?.count ?? 0) + change.by);
        return count > 0
          ? counts.mutate({ type: 'put', trans, values: [{ id: name, count }] })
          : counts.mutate({ type: 'delete', trans, keys: [name] });
      });
    kept.set(name, next);
    return next;
  }

  return {
    name: 'record-counts',
    follows: (table) => sources.has(table),
    keeps: () => [COUNTS_TABLE],
    cleared: (down, trans, table) => update(down, trans, table, { empty: true }),
    written(down, { trans, table, type, keys, before, failed }) {
      // Keys written that were not stored before: each a new record (once, however often written);
      // keys deleted that were stored: each a record fewer.
      const by =
        type === 'delete'
          ? -new Set(keys.filter((_, i) => before[i] !== undefined)).size
          : new Set(keys.filter((_, i) => !(i in failed) && before[i] === undefined)).size;
      if (by === 0) return;
      return update(down, trans, table, { by });
    },
  };
}
