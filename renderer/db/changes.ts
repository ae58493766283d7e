/**
 * The generic write path's undo: every command that changes records writes through a Writer,
 * which keeps the record as it was before the command's first write to it and as the command
 * left it. The resulting ChangeSet is plain data; `undoChanges` puts every record back as it was,
 * in one transaction, and only when none of them has been changed since (here, in another
 * window, or by a later command): an undo never silently undoes someone else's write. Links to
 * records deleted in the meantime are dropped (shared/domain/references), never left dangling.
 *
 * Undo is written once, here; a command that deletes or changes many records just uses the
 * Writer and returns the ChangeSet.
 */
import type { Table } from 'dexie';
import type { BaseRecord } from '../../shared/domain';
import { sameValue } from '../../shared/domain/three-way';
import { linkedIds, REFERENCES, repairLinks } from '../../shared/schema/references';
import type { DataTableName } from '../../shared/schema/tables';
import type { AdoptionDatabase, TableName } from './database';
import { applyDerived, withDerived } from './derived';
import { writeTransaction } from './repository';

type DataTable = Exclude<TableName, 'settings'>;

export interface RecordChange {
  table: DataTable;
  id: string;
  /** The record before the command; absent when the command created it. */
  before?: BaseRecord | undefined;
  /** The record as the command left it; absent when the command deleted it. */
  after?: BaseRecord | undefined;
}

/** What one command changed, enough to undo it. */
export interface ChangeSet {
  /** What the command did, in words: "Deleted Ledger". */
  label: string;
  changes: RecordChange[];
}

/** An undo refused because a record it would put back was changed since. */
export class UndoConflictError extends Error {
  constructor(label: string, count: number) {
    super(
      `“${label}” cannot be undone: ${count === 1 ? 'a record it changed has' : `${count} records it changed have`} been changed again since (here or in another window). Nothing was undone.`,
    );
    this.name = 'UndoConflictError';
  }
}

/** The writes a command may make inside its transaction; each one is remembered for undo. */
export interface Writer {
  /** Adds new records (they must not exist). */
  add<T extends BaseRecord>(table: DataTable, records: readonly T[]): Promise<void>;
  /** Creates or replaces records. */
  put<T extends BaseRecord>(table: DataTable, records: readonly T[]): Promise<void>;
  /** Deletes records by id; ids that do not exist are ignored. */
  delete(table: DataTable, ids: readonly string[]): Promise<void>;
}

class RecordingWriter implements Writer {
  private readonly seen = new Map<string, RecordChange>();
  constructor(private readonly database: AdoptionDatabase) {}

  private table(name: DataTable): Table<BaseRecord, string> {
    return this.database.table(name);
  }

  private async remember(table: DataTable, ids: readonly string[], known?: 'absent') {
    const fresh = ids.filter((id) => !this.seen.has(`${table}/${id}`));
    if (fresh.length === 0) return;
    const before = known === 'absent' ? [] : await this.table(table).bulkGet(fresh);
    fresh.forEach((id, i) => {
      const record = before[i];
      this.seen.set(`${table}/${id}`, { table, id, before: record, after: record });
    });
  }

  private setAfter(table: DataTable, id: string, after: BaseRecord | undefined) {
    this.seen.get(`${table}/${id}`)!.after = after;
  }

  async add<T extends BaseRecord>(table: DataTable, records: readonly T[]) {
    if (records.length === 0) return;
    await this.remember(
      table,
      records.map((r) => r.id),
      'absent',
    );
    await this.table(table).bulkAdd([...records]);
    for (const r of records) this.setAfter(table, r.id, r);
  }

  async put<T extends BaseRecord>(table: DataTable, records: readonly T[]) {
    if (records.length === 0) return;
    await this.remember(
      table,
      records.map((r) => r.id),
    );
    await this.table(table).bulkPut([...records]);
    for (const r of records) this.setAfter(table, r.id, r);
  }

  async delete(table: DataTable, ids: readonly string[]) {
    if (ids.length === 0) return;
    await this.remember(table, ids);
    await this.table(table).bulkDelete([...ids]);
    for (const id of ids) this.setAfter(table, id, undefined);
  }

  changes(): RecordChange[] {
    // Records the command read but left as they were are not part of what it changed.
    return [...this.seen.values()].filter((c) => c.before !== c.after);
  }
}

/**
 * Runs a command's writes in ONE read-write transaction over `tables` and returns its result with
 * the ChangeSet that undoes it. `label` may be computed from the result ("Deleted Ledger").
 * Tables derived from those written (./derived.ts) are brought up to date in the same transaction.
 */
export async function recordChanges<T>(
  database: AdoptionDatabase,
  tables: readonly TableName[],
  label: string | ((result: T) => string),
  work: (writer: Writer) => Promise<T>,
): Promise<{ result: T; undo: ChangeSet }> {
  return writeTransaction(database, withDerived(tables), async () => {
    const writer = new RecordingWriter(database);
    const result = await work(writer);
    const changes = writer.changes();
    await applyDerived((name) => database.table(name), changes);
    return {
      result,
      undo: { label: typeof label === 'string' ? label : label(result), changes },
    };
  });
}

/**
 * Whether the stored record is still the one the command left. Its content is compared, not only
 * its updatedAt: two writes within the same millisecond carry the same stamp, and an Undo must
 * not put back a record over such a later write.
 */
function sameVersion(current: BaseRecord | undefined, expected: BaseRecord | undefined): boolean {
  if (!current || !expected) return current === expected;
  return current.updatedAt === expected.updatedAt && sameValue(current, expected);
}

/**
 * Undoes a ChangeSet in one transaction: every record goes back to how it was before the command
 * (created ones are deleted, deleted ones come back with the same id). Refused whole, with an
 * UndoConflictError, when any of them was changed since. Returns the number of records restored.
 */
export async function undoChanges(database: AdoptionDatabase, set: ChangeSet): Promise<number> {
  const touched = new Set<DataTable>(set.changes.map((c) => c.table));
  const linked = new Set<DataTable>(touched);
  for (const table of touched) {
    for (const ref of REFERENCES[table as DataTableName] ?? []) linked.add(ref.target as DataTable);
  }
  return writeTransaction(database, withDerived([...linked]), async () => {
    const currents = await Promise.all(
      set.changes.map((c) => database.table<BaseRecord, string>(c.table).get(c.id)),
    );
    const conflicts = set.changes.filter((c, i) => !sameVersion(currents[i], c.after));
    if (conflicts.length > 0) throw new UndoConflictError(set.label, conflicts.length);

    // Deletes first, so that links to records the command created are dropped by the repair below.
    for (const c of set.changes) {
      if (!c.before) await database.table(c.table).delete(c.id);
    }
    const restoring = set.changes.filter((c) => c.before);
    // Which linked records exist: those stored now, and those this undo puts back.
    const wanted = new Map<DataTableName, Set<string>>();
    for (const c of restoring) {
      for (const ref of REFERENCES[c.table as DataTableName] ?? []) {
        const ids = wanted.get(ref.target) ?? new Set<string>();
        for (const id of linkedIds(c.before as unknown as Record<string, unknown>, ref)) ids.add(id);
        wanted.set(ref.target, ids);
      }
    }
    const existing = new Set(restoring.map((c) => `${c.table}/${c.id}`));
    for (const [table, ids] of wanted) {
      const list = [...ids];
      const found = await database.table(table).bulkGet(list);
      list.forEach((id, i) => {
        if (found[i] !== undefined) existing.add(`${table}/${id}`);
      });
    }
    const records = restoring.map((c) => {
      const { record, broken } = repairLinks(
        c.table as DataTableName,
        c.before as unknown as Record<string, unknown>,
        (table, id) => existing.has(`${table}/${id}`),
      );
      if (broken.length > 0) throw new UndoConflictError(set.label, 1);
      return { table: c.table, record: record as unknown as BaseRecord };
    });
    for (const { table, record } of records) await database.table(table).put(record);
    // What the undo changed, for the derived tables: each record from as it was to as it is back.
    const putBack = new Map(records.map((r) => [`${r.table}/${r.record.id}`, r.record]));
    await applyDerived(
      (name) => database.table(name),
      set.changes.map((c) => ({ table: c.table, before: c.after, after: putBack.get(`${c.table}/${c.id}`) })),
    );
    return set.changes.length;
  });
}
