/**
 * Which fields of a record point at a record of another table. One list for every place that must
 * not leave a link pointing at nothing: undo (a record put back after what it linked to was
 * deleted), restore and merge checks, and deletes that must refuse while something still refers.
 *
 * `optional` links are nulled when their target is gone; `many` links drop the missing ids;
 * `required` links cannot be repaired, so the write that would leave them dangling is refused.
 */
import type { DataTableName } from './tables';

export type ReferenceKind = 'optional' | 'many' | 'required';

export interface Reference {
  field: string;
  target: DataTableName;
  kind: ReferenceKind;
}

export const REFERENCES: Partial<Record<DataTableName, readonly Reference[]>> = {
  people: [{ field: 'teamId', target: 'teams', kind: 'optional' }],
  apps: [
    { field: 'teamId', target: 'teams', kind: 'optional' },
    { field: 'cycleId', target: 'cycles', kind: 'optional' },
    { field: 'goldenPathIds', target: 'goldenPaths', kind: 'many' },
  ],
  assignments: [
    { field: 'personId', target: 'people', kind: 'required' },
    { field: 'targetTeamId', target: 'teams', kind: 'optional' },
    { field: 'appId', target: 'apps', kind: 'optional' },
    { field: 'cycleId', target: 'cycles', kind: 'optional' },
  ],
  pairingSessions: [
    { field: 'personId', target: 'people', kind: 'required' },
    { field: 'partnerIds', target: 'people', kind: 'many' },
    { field: 'appId', target: 'apps', kind: 'optional' },
    { field: 'teamId', target: 'teams', kind: 'optional' },
    { field: 'cycleId', target: 'cycles', kind: 'optional' },
    { field: 'goldenPathId', target: 'goldenPaths', kind: 'optional' },
  ],
  blockers: [
    { field: 'appId', target: 'apps', kind: 'optional' },
    { field: 'teamId', target: 'teams', kind: 'optional' },
    { field: 'cycleId', target: 'cycles', kind: 'optional' },
    { field: 'ownerId', target: 'people', kind: 'optional' },
  ],
  toilAudits: [
    { field: 'teamId', target: 'teams', kind: 'optional' },
    { field: 'appId', target: 'apps', kind: 'optional' },
    { field: 'cycleId', target: 'cycles', kind: 'optional' },
  ],
  toilResponses: [{ field: 'auditId', target: 'toilAudits', kind: 'required' }],
  valueStreamMaps: [{ field: 'appId', target: 'apps', kind: 'required' }],
  metricSnapshots: [{ field: 'metricId', target: 'metrics', kind: 'required' }],
  dxScores: [{ field: 'cycleId', target: 'cycles', kind: 'required' }],
};

/** The ids a record links to through one reference (none when the field is empty). */
export function linkedIds(record: Record<string, unknown>, ref: Reference): string[] {
  const value = record[ref.field];
  if (ref.kind === 'many') return Array.isArray(value) ? (value as string[]) : [];
  return typeof value === 'string' && value ? [value] : [];
}

export interface RepairResult<T> {
  record: T;
  /** Required links whose target is gone: the record cannot be kept as it is. */
  broken: Reference[];
}

/**
 * The record with its links to missing records removed (`exists(table, id)` says what is there):
 * optional links become null, missing ids leave `many` links; broken required links are listed.
 * The record is returned unchanged (same object) when nothing needed repair.
 */
export function repairLinks<T extends Record<string, unknown>>(
  table: DataTableName,
  record: T,
  exists: (table: DataTableName, id: string) => boolean,
): RepairResult<T> {
  let next: Record<string, unknown> = record;
  const broken: Reference[] = [];
  for (const ref of REFERENCES[table] ?? []) {
    const ids = linkedIds(record, ref);
    const missing = ids.filter((id) => !exists(ref.target, id));
    if (missing.length === 0) continue;
    if (ref.kind === 'required') broken.push(ref);
    else if (ref.kind === 'optional') next = { ...next, [ref.field]: null };
    else next = { ...next, [ref.field]: ids.filter((id) => exists(ref.target, id)) };
  }
  return { record: next as T, broken };
}

/** Every (table, reference) whose links point at `target`: what refers to a record of it. */
export function referrersOf(target: DataTableName): { table: DataTableName; ref: Reference }[] {
  return (Object.entries(REFERENCES) as [DataTableName, readonly Reference[]][]).flatMap(([table, refs]) =>
    refs.filter((ref) => ref.target === target).map((ref) => ({ table, ref })),
  );
}
