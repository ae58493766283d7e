/**
 * What refers to a team or a person (shared/schema/references), counted through the indexes of
 * the tables that refer, inside the command's transaction: the People area's deletes ask, or
 * refuse, from these counts, so a delete never leaves a link pointing at nothing.
 */
import Dexie, { type Collection, type Table } from 'dexie';
import { RECORD_NAMES, type DataTableName } from '../../../../shared/schema/tables';
import { linkedIds, referrersOf, type Reference } from '../../../../shared/schema/references';
import type { AdoptionDatabase } from '../../../db/database';

/** How many records of one table refer to the record (through any of their fields). */
export interface LinkCount {
  table: DataTableName;
  count: number;
  /** The ids of those records, to change or keep them. */
  ids: string[];
}

/** Every table that refers to records of `target`, each with the references it refers through. */
export function referringTables(target: DataTableName): { table: DataTableName; refs: Reference[] }[] {
  const byTable = new Map<DataTableName, Reference[]>();
  for (const { table, ref } of referrersOf(target)) byTable.set(table, [...(byTable.get(table) ?? []), ref]);
  return [...byTable].map(([table, refs]) => ({ table, refs }));
}

/**
 * The records of `table` whose `ref` field links to `id`: through the field's own index, or a
 * compound index that starts with it (`[personId+date]`), or, for a field without either, a scan.
 */
function linking(table: Table, ref: Reference, id: string): Collection {
  const { indexes } = table.schema;
  if (indexes.some((i) => i.name === ref.field)) return table.where(ref.field).equals(id);
  const compound = indexes.find((i) => Array.isArray(i.keyPath) && i.keyPath[0] === ref.field);
  if (compound && Array.isArray(compound.keyPath)) {
    const rest = compound.keyPath.slice(1);
    return table
      .where(compound.name)
      .between([id, ...rest.map(() => Dexie.minKey)], [id, ...rest.map(() => Dexie.maxKey)], true, true);
  }
  return table.filter((record: Record<string, unknown>) => linkedIds(record, ref).includes(id));
}

/** The records that refer to `id` of `target`, per table (tables with none left out). */
export async function countLinks(
  database: AdoptionDatabase,
  target: DataTableName,
  id: string,
): Promise<LinkCount[]> {
  const out: LinkCount[] = [];
  for (const { table, refs } of referringTables(target)) {
    const ids = new Set<string>();
    for (const ref of refs) {
      for (const key of await linking(database.table(table), ref, id).primaryKeys()) ids.add(String(key));
    }
    if (ids.size > 0) out.push({ table, count: ids.size, ids: [...ids] });
  }
  return out;
}

/** "12 pairing sessions and 2 assignments". */
export function describeLinks(links: readonly LinkCount[]): string {
  const parts = links.map(({ table, count }) => {
    const names = RECORD_NAMES[table];
    return `${count.toLocaleString('en')} ${count === 1 ? names.one : names.many}`;
  });
  return parts.length <= 1 ? (parts[0] ?? '') : `${parts.slice(0, -1).join(', ')} and ${parts.at(-1)}`;
}
