/**
 * Keeps the number of records of every data table (shared/domain/record-counts.ts, the derived
 * table `recordCounts`) in the same IndexedDB transaction as every write to them, in ONE place:
 * a Dexie DBCore middleware, like the apps' tallies (./app-tallies-core.ts), because the data
 * tables are written by many paths (commands, Undo, imports, merges, restore, the demo).
 *
 * For a read-write transaction over any data table it adds `recordCounts` to the IndexedDB
 * transaction. An add counts the records IndexedDB took; a put or a delete first reads which of
 * its keys are stored (in the same transaction, before the write), so only new records count up
 * and only stored ones count down; a delete of a key range counts the range first; clearing a
 * table sets its count to 0. Each table's row is then read and written again, one write after
 * another within the transaction, so writes issued together never lose each other's counts.
 * Restore, start over, the demo and a merge also write every derived table whole at the end
 * (./derived.ts writeDerived); a schema upgrade counts the stored tables (./derived.ts).
 */
import Dexie, {
  type DBCore,
  type DBCoreMutateRequest,
  type DBCoreMutateResponse,
  type DBCoreTable,
  type DBCoreTransaction,
  type Middleware,
} from 'dexie';
import type { RecordCount } from '../../shared/domain/record-counts';
import { mutatedKeys } from './mutated-keys';

/** Dexie's DBCoreRangeType.Any (a const enum, which this build cannot import): every key. */
const RANGE_ANY = 3;
export const COUNTS_TABLE = 'recordCounts';

/** What a write did to its table's count: records added (negative: removed), or emptied it. */
type Change = { by: number } | { empty: true };

export function recordCountKeeping(counted: readonly string[]): Middleware<DBCore> {
  const sources = new Set(counted);
  return {
    stack: 'dbcore',
    name: 'record-counts',
    create(down) {
      /** Per kept transaction, per table: the last update of its row (the next one waits for it). */
      const kept = new WeakMap<DBCoreTransaction, Map<string, PromiseLike<unknown>>>();
      let countsTable: DBCoreTable | undefined;
      // Looked up when first needed: a schema upgrade builds this stack before the table exists.
      const counts = () => (countsTable ??= down.table(COUNTS_TABLE));

      /** Adds the change to the table's row, after the transaction's earlier updates of it. */
      function update(trans: DBCoreTransaction, name: string, change: Change): PromiseLike<unknown> {
        const chains = kept.get(trans)!;
        const P = Dexie.Promise;
        const next = P.resolve(chains.get(name))
          .then(() =>
            'empty' in change
              ? undefined
              : (counts().get({ trans, key: name }) as Promise<RecordCount | undefined>),
          )
          .then((row) => {
            const count = 'empty' in change ? 0 : Math.max(0, (row?.count ?? 0) + change.by);
            return count > 0
              ? counts().mutate({ type: 'put', trans, values: [{ id: name, count }] })
              : counts().mutate({ type: 'delete', trans, keys: [name] });
          });
        chains.set(name, next);
        return next;
      }

      return {
        ...down,
        transaction(stores, mode, options) {
          const keeps = mode === 'readwrite' && stores.some((s) => sources.has(s));
          const trans = down.transaction(
            keeps && !stores.includes(COUNTS_TABLE) ? [...stores, COUNTS_TABLE] : stores,
            mode,
            options,
          );
          if (keeps) kept.set(trans, new Map());
          return trans;
        },
        table(name): DBCoreTable {
          const table = down.table(name);
          if (!sources.has(name)) return table;
          // Chained on Dexie's promises, not awaited: Dexie's layers below find their
          // transaction in the zone a Dexie promise keeps, which a native await loses.
          const P = Dexie.Promise;
          const then = (req: DBCoreMutateRequest, change: (result: DBCoreMutateResponse) => Change) =>
            P.resolve(table.mutate(req)).then((result) =>
              P.resolve(update(req.trans, name, change(result))).then(() => result),
            );
          return {
            ...table,
            mutate(req) {
              if (!kept.has(req.trans)) return table.mutate(req);
              const trans = req.trans;
              if (req.type === 'deleteRange' && req.range.type === RANGE_ANY) {
                return then(req, () => ({ empty: true }));
              }
              // IndexedDB refuses a record an add finds stored; every other one is a new record.
              if (req.type === 'add')
                return then(req, (result) => ({ by: req.values.length - result.numFailures }));
              return P.resolve(mutatedKeys(table, req)).then((keys) => {
                if (keys.length === 0) return table.mutate(req);
                const before = P.resolve(table.getMany({ trans, keys }));
                return before.then((stored) =>
                  then(req, (result) => {
                    const failed = result.failures as Record<number, unknown>;
                    if (req.type === 'put') {
                      // Keys written that were not stored before: each a new record (once, however often written).
                      const added = new Set(
                        keys.filter((key, i) => !(i in failed) && stored[i] === undefined),
                      );
                      return { by: added.size };
                    }
                    return { by: -new Set(keys.filter((_, i) => stored[i] !== undefined)).size };
                  }),
                );
              });
            },
          };
        },
      };
    },
  };
}
