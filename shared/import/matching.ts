/**
 * Planning any entity's import against what is already stored, with the definition's match keys
 * (strongest first, e.g. external id, then name): which records create, which update, and which
 * are rejected as duplicates within the file. Pure, so the preview shows exactly what the import
 * will do, and importing the same file twice creates nothing the second time.
 *
 * Matching, one pass per key so that the order of rows does not change the outcome:
 * - Pass k: a record not matched yet that has key k updates a stored record with the same key k,
 *   one that no record has claimed. A record that has a stronger key (one that matched nothing)
 *   only takes a stored record without that stronger key: it links it, and never takes one linked
 *   to something else. A record without the stronger key prefers a stored record without it too,
 *   then takes any. (Apps: a row with an external id that matched nothing takes an app of that
 *   name only when the app has no external id yet.)
 * - No match: the record creates. A stored record is updated by one record at most.
 *
 * Duplicates within one file (the same strongest key the records have): the first occurrence is
 * imported and every later one is rejected, naming the first. Merging silently would hide that
 * the file disagrees with itself.
 */
import type { EntityImport, Located, ParsedRecords, RecordPlan } from './definition';
import type { RejectedRow } from './types';

export interface PlanOptions<T> {
  /** The field a duplicate is reported under; default the label of the key's field. */
  duplicateField?: (record: Located<T>, field: string) => string;
}

/** Plans `parsed` against the stored records. See the module comment for the rules. */
export function planRecords<T, E extends { id: string }>(
  definition: EntityImport<T, string, E>,
  stored: readonly E[],
  parsed: ParsedRecords<T>,
  options: PlanOptions<T> = {},
): RecordPlan<T> {
  const keys = definition.matchBy;
  const labels = new Map<string, string>(definition.fields.map((f) => [f.field, f.label]));
  const rejected: RejectedRow[] = [...parsed.rejected];

  // Duplicates within the file: first occurrence wins.
  const firstByKey = new Map<string, string>();
  const records: Located<T>[] = [];
  const recordKeys: (string | null)[][] = [];
  for (const record of parsed.records) {
    const own = keys.map((k) => k.ofRecord(record));
    const strongest = own.findIndex((k) => k !== null);
    if (strongest >= 0) {
      const id = `${strongest}:${own[strongest]}`;
      const first = firstByKey.get(id);
      if (first !== undefined) {
        const key = keys[strongest]!;
        rejected.push({
          location: record.location,
          field: options.duplicateField?.(record, key.field) ?? labels.get(key.field) ?? key.field,
          problem: `is the same ${definition.noun.one} as ${first} (same ${key.name}); only the first is imported`,
        });
        continue;
      }
      firstByKey.set(id, record.location);
    }
    records.push(record);
    recordKeys.push(own);
  }

  // One index per key over the stored records, each entry with all its keys.
  const indexes = keys.map(() => new Map<string, { item: E; keys: (string | null)[] }[]>());
  for (const item of stored) {
    const own = keys.map((k) => k.ofStored(item));
    own.forEach((key, k) => {
      if (key === null) return;
      const entry = { item, keys: own };
      const list = indexes[k]!.get(key);
      if (list) list.push(entry);
      else indexes[k]!.set(key, [entry]);
    });
  }

  const claimed = new Set<string>();
  const target: (string | undefined)[] = new Array(records.length);
  keys.forEach((_, k) => {
    records.forEach((_record, i) => {
      const own = recordKeys[i]!;
      const key = own[k];
      if (target[i] !== undefined || key === null || key === undefined) return;
      let candidates = (indexes[k]!.get(key) ?? []).filter((c) => !claimed.has(c.item.id));
      const stronger = own.slice(0, k);
      // A stronger key the record has (and that matched nothing): only stored records without it.
      candidates = candidates.filter((c) => stronger.every((s, j) => s === null || c.keys[j] === null));
      // A stronger key the record lacks: prefer stored records that lack it too.
      const preferred = candidates.find((c) => stronger.every((s, j) => s !== null || c.keys[j] === null));
      const match = preferred ?? candidates[0];
      if (match) {
        claimed.add(match.item.id);
        target[i] = match.item.id;
      }
    });
  });

  const creates: Located<T>[] = [];
  const updates: { id: string; record: Located<T> }[] = [];
  records.forEach((record, i) => {
    const id = target[i];
    if (id === undefined) creates.push(record);
    else updates.push({ id, record });
  });

  const skipped = parsed.skipped.reduce((sum, s) => sum + s.count, 0);
  // A duplicate row is rejected whole: its warnings go with it.
  const kept = new Set(records.map((r) => r.location));
  const warnings = (parsed.warnings ?? []).filter((w) => kept.has(w.location));
  return { creates, updates, rejected, skipped, warnings, values: parsed.values ?? {} };
}
