/**
 * What refers to a team or a person (shared/schema/references), counted through the indexes of
 * the tables that refer, inside the command's transaction: the People area's deletes ask, or
 * refuse, from these counts, so a delete never leaves a link pointing at nothing.
 */
import { RECORD_NAMES, type DataTableName } from '../../../../shared/schema/tables';
import { referrersOf } from '../../../../shared/schema/references';
import type { AdoptionDatabase } from '../../../db/database';

/** How many records of one table refer to the record (through any of their fields). */
export interface LinkCount {
  table: DataTableName;
  count: number;
  /** The ids of those records, to change or keep them. */
  ids: string[];
}

/** Every table that refers to records of `target`, each with the fields it refers through. */
export function referringTables(target: DataTableName): { table: DataTableName; fields: string[] }[] {
  const byTable = new Map<DataTableName, string[]>();
  for (const { table, ref } of referrersOf(target))
    byTable.set(table, [...(byTable.get(table) ?? []), ref.field]);
  return [...byTable].map(([table, fields]) => ({ table, fields }));
}

/** The records that refer to `id` of `target`, per table (tables with none left out). */
export async function countLinks(
  database: AdoptionDatabase,
  target: DataTableName,
  id: string,
): Promise<LinkCount[]> {
  const out: LinkCount[] = [];
  for (const { table, fields } of referringTables(target)) {
    const ids = new Set<string>();
    for (const field of fields) {
      for (const key of await database.table(table).where(field).equals(id).primaryKeys())
        ids.add(String(key));
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
