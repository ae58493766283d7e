/**
 * Stamps every write to a data table with clocks, in ONE place: a follower of the writes
 * (./write-followers.ts, a Dexie DBCore middleware), so that none of the app's ~100 write paths
 * has to know. For a read-write transaction over a data table it adds the `clocks` table to the
 * IndexedDB transaction, and for each write:
 *
 * - put/add: reads the records as they were (in the same transaction), and gives each field the
 *   write changed a new hybrid logical clock (shared/sync/hlc.ts), keeping the clock it replaced
 *   as its `prior` (a merge uses it to tell a conflict from an edit made over the other's);
 * - delete and delete-range (clear): a tombstone for each record that existed.
 *
 * Records are not changed. A transaction whose scope already names `clocks` writes its own
 * (restore, start over, the demo, a merge) and is not stamped; neither is a schema upgrade.
 * Derived and local tables are not stamped. See shared/sync/merge.ts for how clocks are used.
 */
import type { DBCore } from 'dexie';
import { maxHlc, type Hlc, type HlcClock } from '../../shared/sync/hlc';
import { clockId, fieldClock, sameJson, type ClockEntry } from '../../shared/sync/merge';
import { CLOCKS_TABLE, DATA_TABLE_NAMES } from '../../shared/schema/tables';
import type { Follower } from './write-followers';

const DATA: ReadonlySet<string> = new Set(DATA_TABLE_NAMES);

type Row = Record<string, unknown> & { id: string };

/** The clock entries of one write: each value's changed fields stamped with `at`. */
export function stampedEntries(
  table: string,
  before: readonly (Row | undefined)[],
  after: readonly Row[],
  entries: readonly (ClockEntry | undefined)[],
  at: Hlc,
): ClockEntry[] {
  const out: ClockEntry[] = [];
  after.forEach((record, i) => {
    const previous = before[i];
    const entry = entries[i];
    const revived = entry?.deleted !== undefined;
    const fields: Record<string, Hlc> = revived ? {} : { ...(entry?.fields ?? {}) };
    const prior: Record<string, Hlc> = revived ? {} : { ...(entry?.prior ?? {}) };
    const names = new Set([...Object.keys(record), ...Object.keys(previous ?? {})]);
    names.delete('id');
    let changed = false;
    for (const field of names) {
      if (previous && !revived && sameJson(previous[field], record[field])) continue;
      changed = true;
      const was = previous && !revived ? fieldClock(previous, entry, field) : undefined;
      fields[field] = at;
      if (was !== undefined) prior[field] = was;
      else delete prior[field];
    }
    if (!changed) return;
    const next: ClockEntry = { id: clockId(table, record.id), table, key: record.id, fields };
    if (Object.keys(prior).length > 0) next.prior = prior;
    // The clock of the fields the record does not have stays (a merge wrote it; see merge.ts).
    if (!revived && entry?.absent !== undefined) next.absent = entry.absent;
    out.push(next);
  });
  return out;
}

/** The latest clock among entries: a new clock must be later than it. */
function latest(entries: readonly (ClockEntry | undefined)[]): Hlc | undefined {
  let out: Hlc | undefined;
  for (const entry of entries) {
    if (!entry) continue;
    for (const c of [...Object.values(entry.fields), ...(entry.deleted ? [entry.deleted] : [])])
      out = out === undefined ? c : maxHlc(out, c);
  }
  return out;
}

/**
 * The follower (./write-followers.ts); `clock` issues the clocks (one per write request). It
 * reads the clocks of the written keys before the write, and after it puts the new ones.
 */
export function clockStamps(clock: () => HlcClock): Follower<(ClockEntry | undefined)[]> {
  const clocks = (down: DBCore) => down.table(CLOCKS_TABLE);
  return {
    name: 'clock-stamps',
    follows: (table) => DATA.has(table),
    keeps: (stores) => (stores.includes(CLOCKS_TABLE) ? null : [CLOCKS_TABLE]),
    prepare: (down, { trans, table, keys }) =>
      clocks(down).getMany({ trans, keys: keys.map((k) => clockId(table, k)) }) as Promise<
        (ClockEntry | undefined)[]
      >,
    written(down, { trans, table, type, keys, before, values: written, failed }, prepared) {
      const entries = prepared ?? [];
      const at = clock().next(latest(entries));
      let values: ClockEntry[];
      if (type === 'add' || type === 'put') {
        // A record IndexedDB refused (a bulkAdd's duplicate, caught by the caller) changed nothing.
        const ok = (_: unknown, i: number) => !(i in failed);
        values = stampedEntries(table, before.filter(ok), written!.filter(ok), entries.filter(ok), at);
      } else {
        values = keys.flatMap((key, i) =>
          before[i] === undefined ? [] : [{ id: clockId(table, key), table, key, fields: {}, deleted: at }],
        );
      }
      if (values.length === 0) return;
      return clocks(down).mutate({ type: 'put', trans, values });
    },
  };
}
