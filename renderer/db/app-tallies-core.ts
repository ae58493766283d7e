/**
 * Keeps the apps' tallies (shared/domain/app-tallies.ts, the derived table `appTallies`) in the
 * same IndexedDB transaction as every write to the apps, in ONE place: a follower of the writes
 * (./write-followers.ts, a Dexie DBCore middleware), like the clock stamps, because the apps are written by many paths (forms,
 * the pipeline, imports, golden paths, criteria, closing a cycle, Undo) and not all of them go
 * through recordChanges (./changes.ts).
 *
 * For a read-write transaction over `apps` it adds `appTallies` to the IndexedDB transaction; each
 * write's apps as they were (read once for every follower) and as written give the difference
 * it adds to the tallies; clearing the apps clears the tallies. Every read-write transaction is
 * kept, those that replace whole tables too (restore, start over, the demo, a merge: they compute
 * every derived table again from what they wrote at the end, ./derived.ts writeDerived), so no
 * way of writing the apps can leave the tallies behind. A schema upgrade computes them from the
 * stored apps (./database.ts).
 */
import Dexie, { type DBCore } from 'dexie';
import {
  applyAppTallyDelta,
  appTallyIdsTouched,
  type AppTally,
  type TallyApp,
} from '../../shared/domain/app-tallies';
import type { Follower, Row } from './write-followers';

const SOURCE = 'apps';
const TALLIES = 'appTallies';

/** The follower (./write-followers.ts) of the apps' writes that keeps their tallies. */
export function appTallyKeeping(): Follower {
  const tallies = (down: DBCore) => down.table(TALLIES);
  return {
    name: 'app-tallies',
    follows: (table) => table === SOURCE,
    keeps: () => [TALLIES],
    // Every app gone (a clear, a restore's first step): every tally goes, nothing to read.
    cleared: (down, trans, _table, all) => tallies(down).mutate({ type: 'deleteRange', trans, range: all }),
    written(down, { trans, type, before, values, failed }) {
      // A record IndexedDB refused (a bulkAdd's duplicate, caught by the caller) changed nothing.
      const ok = (_: unknown, i: number) => !(i in failed);
      const removed = (type === 'delete' ? before : before.filter(ok)).filter(
        (app): app is Row => app !== undefined,
      ) as unknown[] as TallyApp[];
      const added = (type === 'delete' ? [] : values!.filter(ok)) as unknown[] as TallyApp[];
      const ids = appTallyIdsTouched(removed, added);
      if (ids.length === 0) return;
      const P = Dexie.Promise;
      return P.resolve(tallies(down).getMany({ trans, keys: ids }) as Promise<(AppTally | undefined)[]>).then(
        (stored) => {
          const current = new Map(stored.flatMap((t) => (t ? [[t.id, t] as const] : [])));
          const { put, deleted } = applyAppTallyDelta(current, removed, added);
          return P.all([
            put.length > 0 ? tallies(down).mutate({ type: 'put', trans, values: put }) : null,
            deleted.length > 0 ? tallies(down).mutate({ type: 'delete', trans, keys: deleted }) : null,
          ]);
        },
      );
    },
  };
}
