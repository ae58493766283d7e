/**
 * Merging two workspaces: the one set of rules a merge-import uses today and a sync between
 * machines will reuse. Pure.
 *
 * A workspace is its records, table by table, and its clocks (./clocks.ts): for each record ever
 * changed here, the hybrid logical clock (./hlc.ts) of the last change to each of its fields,
 * and for a deleted one its tombstone. The rules:
 *
 * - Records are matched by id (UUIDs, never reused).
 * - A tombstone always wins: a record deleted on either side is deleted in the result, whatever
 *   the other side did, so a merge never brings a deleted record back.
 * - Otherwise each field takes the value with the later clock; a tie (the same clock) is broken
 *   by the value's JSON, so both machines pick the same one. A field with no clock (a record
 *   older than clocks, or written by the demo) has the fallback clock of its record's
 *   `updatedAt`, below every real clock.
 *
 * Each field is a "last writer wins" register and a tombstone absorbs the record, so the merge
 * is commutative, associative and idempotent: two machines that merge the same files, in any
 * order, end with the same workspace (test/shared/sync-merge.test.ts checks it with fast-check).
 *
 * A conflict is a field that both sides changed to different values without one having seen the
 * other's change: the kept value's clock was written over a value older than the dropped one
 * (its `prior`), on another device. It is listed with the kept and the dropped value.
 */
import { fallbackHlc, isFallbackHlc, maxHlc, parseHlc, type Hlc } from './hlc';

/** A stored record: an object with a string id. */
export type SyncRecord = Record<string, unknown> & { id: string };

/** The clocks of one record: the table row of `clocks`, keyed `${table}:${key}`. */
export interface ClockEntry {
  /** `${table}:${key}`. */
  id: string;
  table: string;
  /** The record's id. */
  key: string;
  /** Per field: the clock of its last change. */
  fields: Record<string, Hlc>;
  /** Per field: the clock the field had before its last change, when it had one (for conflicts). */
  prior?: Record<string, Hlc>;
  /** Set when the record was deleted: the clock of the delete. */
  deleted?: Hlc;
}

export interface Workspace {
  tables: Readonly<Record<string, readonly SyncRecord[]>>;
  clocks: readonly ClockEntry[];
}

export interface MergeConflict {
  table: string;
  id: string;
  /** The field, or null when one side deleted a record the other changed after the delete. */
  field: string | null;
  kept: unknown;
  dropped: unknown;
  keptClock: Hlc;
  droppedClock: Hlc;
}

export interface MergeResult {
  /** The merged workspace: tables in the order given, records sorted by id, clocks sorted by id. */
  workspace: { tables: Record<string, SyncRecord[]>; clocks: ClockEntry[] };
  conflicts: MergeConflict[];
}

export function clockId(table: string, key: string): string {
  return `${table}:${key}`;
}

/** One side's value of a field, with its clock and the clock it replaced. */
interface Candidate {
  value: unknown;
  /** Canonical JSON of the value (keys sorted; '' when the field is absent): the tie-breaker, and the equality test. */
  json: string;
  clock: Hlc;
  prior: Hlc | undefined;
}

function candidate(record: SyncRecord, clock: ClockEntry | undefined, field: string): Candidate {
  const value = record[field];
  return {
    value,
    json: value === undefined ? '' : canonical(value),
    clock: clock?.fields[field] ?? fallbackHlc(record.updatedAt),
    prior: clock?.prior?.[field],
  };
}

/** The later of two candidates: by clock, then by JSON, then by prior (a total order). */
function later(a: Candidate, b: Candidate): Candidate {
  if (a.clock !== b.clock) return a.clock > b.clock ? a : b;
  if (a.json !== b.json) return a.json > b.json ? a : b;
  return (a.prior ?? '') >= (b.prior ?? '') ? a : b;
}

/** Whether the dropped value was changed without the kept one's writer having seen it. */
function isConflict(kept: Candidate, dropped: Candidate): boolean {
  if (kept.json === dropped.json) return false;
  if (isFallbackHlc(kept.clock) || isFallbackHlc(dropped.clock)) return false;
  if (parseHlc(kept.clock)?.device === parseHlc(dropped.clock)?.device) return false;
  return kept.prior === undefined || kept.prior < dropped.clock;
}

const byId = (a: { id: string }, b: { id: string }) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);

function clocksByTable(clocks: readonly ClockEntry[]): Map<string, Map<string, ClockEntry>> {
  const out = new Map<string, Map<string, ClockEntry>>();
  for (const entry of clocks) {
    let table = out.get(entry.table);
    if (!table) out.set(entry.table, (table = new Map()));
    table.set(entry.key, entry);
  }
  return out;
}

/** Merges one record present on both sides, field by field. */
function mergeRecord(
  table: string,
  a: SyncRecord,
  ca: ClockEntry | undefined,
  b: SyncRecord,
  cb: ClockEntry | undefined,
  conflicts: MergeConflict[],
): { record: SyncRecord; clock: ClockEntry | undefined } {
  const fields = new Set<string>();
  for (const source of [a, b, ca?.fields ?? {}, cb?.fields ?? {}, ca?.prior ?? {}, cb?.prior ?? {}])
    for (const f of Object.keys(source)) fields.add(f);
  fields.delete('id');
  const winners = new Map<string, Candidate>();
  for (const field of [...fields].sort()) {
    const x = candidate(a, ca, field);
    const y = candidate(b, cb, field);
    const kept = later(x, y);
    const dropped = kept === x ? y : x;
    winners.set(field, kept);
    if (isConflict(kept, dropped)) {
      conflicts.push({
        table,
        id: a.id,
        field,
        kept: kept.value,
        dropped: dropped.value,
        keptClock: kept.clock,
        droppedClock: dropped.clock,
      });
    }
  }
  const record: SyncRecord = { id: a.id };
  for (const [field, won] of winners) if (won.value !== undefined) record[field] = won.value;
  return { record, clock: clockOf(table, record, winners) };
}

/**
 * The clock entry of a merged record: the winning clocks, leaving out those equal to the
 * fallback the record itself gives (so a workspace without clocks merges into itself unchanged).
 */
function clockOf(table: string, record: SyncRecord, winners: Map<string, Candidate>): ClockEntry | undefined {
  const fallback = fallbackHlc(record.updatedAt);
  const fields: Record<string, Hlc> = {};
  const prior: Record<string, Hlc> = {};
  for (const [field, won] of winners) {
    if (won.clock !== fallback) fields[field] = won.clock;
    if (won.prior !== undefined) prior[field] = won.prior;
  }
  if (Object.keys(fields).length === 0 && Object.keys(prior).length === 0) return undefined;
  const entry: ClockEntry = { id: clockId(table, record.id), table, key: record.id, fields };
  if (Object.keys(prior).length > 0) entry.prior = prior;
  return entry;
}

/** A side's own clock entry, normalised as a merge would write it (fallback clocks left out). */
function ownClock(table: string, record: SyncRecord, clock: ClockEntry | undefined): ClockEntry | undefined {
  if (!clock) return undefined;
  const winners = new Map<string, Candidate>();
  const fields = new Set([
    ...Object.keys(record),
    ...Object.keys(clock.fields),
    ...Object.keys(clock.prior ?? {}),
  ]);
  fields.delete('id');
  for (const field of [...fields].sort()) winners.set(field, candidate(record, clock, field));
  return clockOf(table, record, winners);
}

/**
 * Merges two workspaces by the rules above. `tableNames` are the tables to merge, in order
 * (others are ignored). Neither input is changed.
 */
export function mergeWorkspaces(a: Workspace, b: Workspace, tableNames: readonly string[]): MergeResult {
  const clocksA = clocksByTable(a.clocks);
  const clocksB = clocksByTable(b.clocks);
  const tables: Record<string, SyncRecord[]> = {};
  const clocks: ClockEntry[] = [];
  const conflicts: MergeConflict[] = [];
  for (const table of tableNames) {
    const recordsA = new Map((a.tables[table] ?? []).map((r) => [r.id, r]));
    const recordsB = new Map((b.tables[table] ?? []).map((r) => [r.id, r]));
    const tableClocksA = clocksA.get(table) ?? new Map<string, ClockEntry>();
    const tableClocksB = clocksB.get(table) ?? new Map<string, ClockEntry>();
    const ids = new Set([
      ...recordsA.keys(),
      ...recordsB.keys(),
      ...tableClocksA.keys(),
      ...tableClocksB.keys(),
    ]);
    const out: SyncRecord[] = [];
    for (const id of [...ids].sort()) {
      const ra = recordsA.get(id);
      const rb = recordsB.get(id);
      const ca = tableClocksA.get(id);
      const cb = tableClocksB.get(id);
      const deletes = [ca?.deleted, cb?.deleted].filter((d): d is Hlc => d !== undefined);
      if (deletes.length > 0) {
        const deleted = deletes.reduce(maxHlc);
        clocks.push({ id: clockId(table, id), table, key: id, fields: {}, deleted });
        // A record changed after the delete (on a machine that had not seen it) is still deleted; say so.
        for (const [record, clock] of [
          [ra, ca],
          [rb, cb],
        ] as const) {
          if (!record) continue;
          const latest = Object.values(clock?.fields ?? {}).reduce<Hlc | undefined>(
            (m, c) => (m === undefined ? c : maxHlc(m, c)),
            undefined,
          );
          if (latest !== undefined && latest > deleted && !isFallbackHlc(latest)) {
            conflicts.push({
              table,
              id,
              field: null,
              kept: null,
              dropped: record,
              keptClock: deleted,
              droppedClock: latest,
            });
          }
        }
        continue;
      }
      if (ra && rb) {
        const merged = mergeRecord(table, ra, ca, rb, cb, conflicts);
        out.push(merged.record);
        if (merged.clock) clocks.push(merged.clock);
      } else if (ra || rb) {
        const record = (ra ?? rb)!;
        out.push(record);
        const clock = ownClock(table, record, ra ? ca : cb);
        if (clock) clocks.push(clock);
      }
      // A clock entry with neither a record nor a tombstone holds nothing to merge.
    }
    tables[table] = out;
  }
  clocks.sort(byId);
  conflicts.sort((x, y) => (x.table + x.id + (x.field ?? '') < y.table + y.id + (y.field ?? '') ? -1 : 1));
  return { workspace: { tables, clocks }, conflicts };
}

/** What a merge changes in a workspace (`before`): records to add, to change and to delete, and the clocks to write. */
export interface MergePlan {
  added: Record<string, SyncRecord[]>;
  changed: Record<string, SyncRecord[]>;
  deleted: Record<string, string[]>;
  /** Clock entries that differ from `before`'s (new or changed). */
  clocks: ClockEntry[];
  /** Clock entries of `before` that the merge drops (fallback-only ones). */
  clocksDeleted: string[];
  counts: { added: number; changed: number; deleted: number };
}

/** The writes that turn `before` into `after` (a merge's result). */
export function planMerge(
  before: Workspace,
  after: MergeResult['workspace'],
  tableNames: readonly string[],
): MergePlan {
  const plan: MergePlan = {
    added: {},
    changed: {},
    deleted: {},
    clocks: [],
    clocksDeleted: [],
    counts: { added: 0, changed: 0, deleted: 0 },
  };
  for (const table of tableNames) {
    const old = new Map((before.tables[table] ?? []).map((r) => [r.id, r]));
    const added: SyncRecord[] = [];
    const changed: SyncRecord[] = [];
    for (const record of after.tables[table] ?? []) {
      const previous = old.get(record.id);
      old.delete(record.id);
      if (!previous) added.push(record);
      else if (!sameJson(previous, record)) changed.push(record);
    }
    plan.added[table] = added;
    plan.changed[table] = changed;
    plan.deleted[table] = [...old.keys()];
    plan.counts.added += added.length;
    plan.counts.changed += changed.length;
    plan.counts.deleted += old.size;
  }
  const oldClocks = new Map(before.clocks.map((c) => [c.id, c]));
  for (const clock of after.clocks) {
    const previous = oldClocks.get(clock.id);
    oldClocks.delete(clock.id);
    if (!previous || !sameJson(previous, clock)) plan.clocks.push(clock);
  }
  plan.clocksDeleted = [...oldClocks.keys()];
  return plan;
}

/** Deep equality of two JSON values, whatever their keys' order. */
export function sameJson(a: unknown, b: unknown): boolean {
  return canonical(a) === canonical(b);
}

function canonical(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(canonical).join(',')}]`;
  if (value && typeof value === 'object') {
    const entries = Object.entries(value as Record<string, unknown>)
      .filter(([, v]) => v !== undefined)
      .sort(([x], [y]) => (x < y ? -1 : x > y ? 1 : 0));
    return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${canonical(v)}`).join(',')}}`;
  }
  return JSON.stringify(value) ?? 'null';
}
