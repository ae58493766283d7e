/**
 * What the DBCore middlewares (./clock-stamps.ts, ./app-tallies-core.ts) need of a write request:
 * the primary keys it writes. Records are keyed by their `id`.
 */
import Dexie, { type DBCoreMutateRequest, type DBCoreTable } from 'dexie';

/** The keys a request writes; for a delete-range, read in the request's own transaction. */
export function mutatedKeys(table: DBCoreTable, req: DBCoreMutateRequest): PromiseLike<string[]> {
  switch (req.type) {
    case 'add':
    case 'put':
      return Dexie.Promise.resolve(req.values.map((value) => (value as { id: string }).id));
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
