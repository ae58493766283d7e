/**
 * Keeps the apps' tallies (shared/domain/app-tallies.ts, the derived table `appTallies`) in the
 * same IndexedDB transaction as every write to the apps, in ONE place: a Dexie DBCore middleware,
 * like the clock stamps (./clock-stamps.ts), because the apps are written by many paths (forms,
 * the pipeline, imports, golden paths, criteria, closing a cycle, Undo) and not all of them go
 * through recordChanges (./changes.ts).
 *
 * For a read-write transaction over `apps` it adds `appTallies` to the IndexedDB transaction; each
 * write reads the apps as they were (in the same transaction), writes them, and adds the
 * difference to the tallies; clearing the apps clears the tallies. Every read-write transaction is
 * kept, those that replace whole tables too (restore, start over, the demo, a merge: they compute
 * every derived table again from what they wrote at the end, ./derived.ts writeDerived), so no
 * way of writing the apps can leave the tallies behind. A schema upgrade computes them from the
 * stored apps (./database.ts).
 */
import Dexie, { type DBCore, type DBCoreTable, type DBCoreTransaction, type Middleware } from 'dexie';
import {
  applyAppTallyDelta,
  appTallyIdsTouched,
  type AppTally,
  type TallyApp,
} from '../../shared/domain/app-tallies';
import { mutatedKeys } from './mutated-keys';

const SOURCE = 'apps';
/** Dexie's DBCoreRangeType.Any (a const enum, which this build cannot import): every key. */
const RANGE_ANY = 3;
const TALLIES = 'appTallies';

export function appTallyKeeping(): Middleware<DBCore> {
  return {
    stack: 'dbcore',
    name: 'app-tallies',
    create(down) {
      const kept = new WeakSet<DBCoreTransaction>();
      return {
        ...down,
        transaction(stores, mode, options) {
          const keeps = mode === 'readwrite' && stores.includes(SOURCE);
          const trans = down.transaction(
            keeps && !stores.includes(TALLIES) ? [...stores, TALLIES] : stores,
            mode,
            options,
          );
          if (keeps) kept.add(trans);
          return trans;
        },
        table(name): DBCoreTable {
          const table = down.table(name);
          if (name !== SOURCE) return table;
          // Looked up when first needed: a schema upgrade builds this stack before the table exists.
          let talliesTable: DBCoreTable | undefined;
          const tallies = () => (talliesTable ??= down.table(TALLIES));

          return {
            ...table,
            // Chained on Dexie's promises, not awaited: Dexie's layers below find their
            // transaction in the zone a Dexie promise keeps, which a native await loses.
            mutate(req) {
              if (!kept.has(req.trans)) return table.mutate(req);
              const trans = req.trans;
              const P = Dexie.Promise;
              // Every app gone (a clear, a restore's first step): every tally goes, nothing to read.
              if (req.type === 'deleteRange' && req.range.type === RANGE_ANY) {
                return P.resolve(table.mutate(req)).then((result) =>
                  P.resolve(tallies().mutate({ type: 'deleteRange', trans, range: req.range })).then(
                    () => result,
                  ),
                );
              }
              return P.resolve(mutatedKeys(table, req)).then((keys) => {
                if (keys.length === 0) return table.mutate(req);
                return P.resolve(table.getMany({ trans, keys }) as Promise<(TallyApp | undefined)[]>).then(
                  (before) =>
                    P.resolve(table.mutate(req)).then((result) => {
                      // A record IndexedDB refused (a bulkAdd's duplicate, caught by the caller) changed nothing.
                      const failed = result.failures as Record<number, unknown>;
                      const ok = (_: unknown, i: number) => !(i in failed);
                      const written = req.type === 'add' || req.type === 'put';
                      const removed = (written ? before.filter(ok) : before).filter(
                        (app): app is TallyApp => app !== undefined,
                      );
                      const added = written ? (req.values as TallyApp[]).filter(ok) : [];
                      const ids = appTallyIdsTouched(removed, added);
                      if (ids.length === 0) return result;
                      return P.resolve(
                        tallies().getMany({ trans, keys: ids }) as Promise<(AppTally | undefined)[]>,
                      ).then((stored) => {
                        const current = new Map(stored.flatMap((t) => (t ? [[t.id, t] as const] : [])));
                        const { put, deleted } = applyAppTallyDelta(current, removed, added);
                        return P.all([
                          put.length > 0 ? tallies().mutate({ type: 'put', trans, values: put }) : null,
                          deleted.length > 0
                            ? tallies().mutate({ type: 'delete', trans, keys: deleted })
                            : null,
                        ]).then(() => result);
                      });
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
