/**
 * How many records each data table holds, kept as a derived table (recordCounts,
 * renderer/db/record-counts-core.ts) in the same transaction as every write, so the Data screen
 * reads one row per table instead of counting 326,592 records (IndexedDB counts a table by
 * walking it: 200,000 pairing sessions take 400-800 ms).
 *
 * One row per table that holds records, keyed by the table's name; a table without a row is empty.
 */
import { z } from 'zod';

export const recordCountSchema = z.object({ id: z.string().min(1), count: z.number().int().positive() });
export type RecordCount = z.infer<typeof recordCountSchema>;

/** The rows for tables of these sizes: one per table that holds records. */
export function recordCountRows(sizes: Readonly<Record<string, number>>): RecordCount[] {
  return Object.entries(sizes)
    .filter(([, count]) => count > 0)
    .map(([id, count]) => ({ id, count }));
}

/** Records per table, every one of `tables` present (0 for a table without a row). */
export function countsByTable<T extends string>(
  tables: readonly T[],
  rows: readonly RecordCount[],
): Record<T, number> {
  const byId = new Map(rows.map((r) => [r.id, r.count]));
  return Object.fromEntries(tables.map((name) => [name, byId.get(name) ?? 0])) as Record<T, number>;
}
