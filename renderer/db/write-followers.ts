/**
 * What is kept beside every write, in the write's own IndexedDB transaction, in ONE Dexie DBCore
 * middleware: the clocks a merge needs (./clock-stamps.ts), the apps' tallies
 * (./app-tallies-core.ts) and the number of records per table (./record-counts-core.ts). Each is
 * a `Follower`; this layer reads what a write replaces ONCE for all of them, then hands each the
 * write as IndexedDB took it, one after another.
 *
 * - A read-write transaction over a table a follower follows gets the follower's own tables added
 *   to its scope, when the follower keeps it (`keeps`); a read-only one is left alone.
 * - add: nothing is read (a record IndexedDB took was not stored; one it refused is listed in
 *   `failed` and changed nothing). put, delete and a delete of a key range: the stored records of
 *   its keys are read first, in the transaction (a key range's keys too).
 * - Deleting every record of a table (a clear) reads nothing when every follower keeping the
 *   transaction says what a clear does to it (`cleared`); otherwise it is a delete of each stored
 *   record.
 *
 * Everything is chained on Dexie's promises, not awaited: Dexie's layers below find their
 * transaction in the zone a Dexie promise keeps, which a native await loses.
 */
import Dexie, {
  type DBCore,
  type DBCoreKeyRange,
  type DBCoreMutateRequest,
  type DBCoreTable,
  type DBCoreTransaction,
  type Middleware,
} from 'dexie';

/** Dexie's DBCoreRangeType.Any (a const enum, which this build cannot import): every key. */
const RANGE_ANY = 3;

export type Row = Record<string, unknown> & { id: string };

/** One write to a followed table. */
export interface FollowedWrite {
  trans: DBCoreTransaction;
  table: string;
  type: 'add' | 'put' | 'delete';
  /** The keys written, in the request's order (the same key may come twice). */
  keys: string[];
  /** Each key's record as stored before the write (undefined: none); for an add, none. */
  before: (Row | undefined)[];
  /** What an add or a put writes, by key position. */
  values: Row[] | undefined;
}

/** A write as IndexedDB took it. */
export interface DoneWrite extends FollowedWrite {
  /** Positions IndexedDB refused (a bulkAdd's duplicate, caught by the caller): they changed nothing. */
  failed: Record<number, unknown>;
}

export interface Follower<Prepared = unknown> {
  name: string;
  follows(table: string): boolean;
  /** The tables it writes into a read-write transaction over `stores`; null when it does not keep that transaction. */
  keeps(stores: readonly string[]): readonly string[] | null;
  /** What it reads before the write, in the transaction (after the stored records are read). */
  prepare?(down: DBCore, write: FollowedWrite): PromiseLike<Prepared>;
  /** Its own writes after the write, in the same transaction. */
  written(down: DBCore, write: DoneWrite, prepared: Prepared | undefined): PromiseLike<unknown> | void;
  /**
   * What deleting every record of `table` does to it, without reading them (`all` is the clear's
   * key range: every key); when absent, a clear is followed as a delete of each stored record.
   */
  cleared?(
    down: DBCore,
    trans: DBCoreTransaction,
    table: string,
    all: DBCoreKeyRange,
  ): PromiseLike<unknown> | void;
}

/** The keys a request writes; for a delete-range, read in the request's own transaction. */
function mutatedKeys(table: DBCoreTable, req: DBCoreMutateRequest): PromiseLike<string[]> {
  switch (req.type) {
    case 'add':
    case 'put':
      return Dexie.Promise.resolve(req.values.map((value) => (value as Row).id));
    case 'delete':
      return Dexie.Promise.resolve(req.keys as string[]);
    case 'deleteRange':
      return Dexie.Promise.resolve(
        table.query({
          trans: req.trans,
          values: false,
          query: { index: table.schema.primaryKey, range: req.range },
        }),
      ).then((found) => found.result as string[]);
  }
}

/** Runs the steps one after another on Dexie's promises. */
function inTurn(steps: (() => PromiseLike<unknown> | void)[]): PromiseLike<unknown> {
  let chain: PromiseLike<unknown> = Dexie.Promise.resolve();
  for (const step of steps) chain = chain.then(step);
  return chain;
}

// eslint-disable-next-line @typescript-eslint/no-explicit-any -- each follower has its own Prepared
export function followWrites(followers: readonly Follower<any>[]): Middleware<DBCore> {
  return {
    stack: 'dbcore',
    name: 'write-followers',
    create(down) {
      /** The followers keeping each transaction. */
      const keeping = new WeakMap<DBCoreTransaction, readonly Follower[]>();
      return {
        ...down,
        transaction(stores, mode, options) {
          if (mode !== 'readwrite') return down.transaction(stores, mode, options);
          const scope = new Set(stores);
          const keepers: Follower[] = [];
          for (const follower of followers) {
            if (!stores.some((s) => follower.follows(s))) continue;
            const own = follower.keeps(stores);
            if (!own) continue;
            keepers.push(follower);
            for (const t of own) scope.add(t);
          }
          const trans = down.transaction(keepers.length ? [...scope] : stores, mode, options);
          if (keepers.length) keeping.set(trans, keepers);
          return trans;
        },
        table(name): DBCoreTable {
          const table = down.table(name);
          if (!followers.some((f) => f.follows(name))) return table;
          return {
            ...table,
            mutate(req) {
              const keepers = keeping.get(req.trans)?.filter((f) => f.follows(name));
              if (!keepers?.length) return table.mutate(req);
              const P = Dexie.Promise;
              const trans = req.trans;
              // The key range of a clear (a delete of every key), else null.
              const all = req.type === 'deleteRange' && req.range.type === RANGE_ANY ? req.range : null;
              if (all && keepers.every((f) => f.cleared)) {
                return P.resolve(table.mutate(req)).then((result) =>
                  inTurn(keepers.map((f) => () => f.cleared!(down, trans, name, all))).then(() => result),
                );
              }
              return P.resolve(mutatedKeys(table, req)).then((keys) => {
                if (keys.length === 0) return table.mutate(req);
                const type = req.type === 'deleteRange' ? 'delete' : req.type;
                const before =
                  type === 'add'
                    ? P.resolve(keys.map(() => undefined))
                    : P.resolve(table.getMany({ trans, keys }) as Promise<(Row | undefined)[]>);
                return before.then((stored) => {
                  const write: FollowedWrite = {
                    trans,
                    table: name,
                    type,
                    keys,
                    before: stored,
                    values: req.type === 'add' || req.type === 'put' ? (req.values as Row[]) : undefined,
                  };
                  return P.all(keepers.map((f) => (f.prepare ? f.prepare(down, write) : undefined))).then(
                    (prepared) =>
                      P.resolve(table.mutate(req)).then((result) => {
                        const done: DoneWrite = {
                          ...write,
                          failed: result.failures as Record<number, unknown>,
                        };
                        return inTurn(
                          keepers.map(
                            (f, i) => () =>
                              all && f.cleared
                                ? f.cleared(down, trans, name, all)
                                : f.written(down, done, prepared[i]),
                          ),
                        ).then(() => result);
                      }),
                  );
                });
              });
            },
          };
        },
      };
    },
  };
}
