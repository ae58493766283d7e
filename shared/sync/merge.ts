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
 * - Every field counts, the ones a side's record does not have included: such a field is absent
 *   at the side's "clock of absent fields" (the entry's `absent`, else the fallback of its
 *   `updatedAt`), so a record without a field it had elsewhere, edited later, drops the field.
 *   The result's clock of absent fields is the later of the two sides'.
 *
 * Each field is a "last writer wins" register and a tombstone absorbs the record, so the merge
 * is commutative, associative and idempotent: two machines that merge the same files, in any
 * order, end with the same workspace (test/shared/sync-merge.test.ts checks it with fast-check).
 * For that, a merged record is written in one canonical form (`encode`) that keeps every clock
 * its own `updatedAt` would not give back: a merge may change `updatedAt`, and a clock left out
 * as "the fallback" of the old one would otherwise change meaning (issue 13).
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
  /**
   * The clock of every field the record does not have and `fields` and `prior` do not name,
   * when it is not the fallback of the record's `updatedAt` (only a merge writes it: see `encode`).
   */
  absent?: Hlc;
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

/**
 * What one side holds of a record, whatever way it is written down: the fields it names (in the
 * record, its clocks or its priors), each with its value, clock and prior, and the clock of every
 * other field (absent, with no prior). Merging two such states field by field, the unnamed ones
 * included, is a "last writer wins" merge of every field; writing the result back (`encode`)
 * keeps every clock that the record's own `updatedAt` would not give back, so nothing a later
 * merge needs is lost, whichever way the records came.
 */
interface RecordState {
  fields: Map<string, Candidate>;
  /** The clock of every field not in `fields`. */
  absent: Hlc;
}

/**
 * The clock a side gives a field: its own clock; else, for a field the record has (or had: it has
 * a prior), the fallback of the record's `updatedAt`; else the record's clock of absent fields.
 */
export function fieldClock(
  record: Record<string, unknown>,
  entry: ClockEntry | undefined,
  field: string,
): Hlc {
  const own = entry?.fields[field];
  if (own !== undefined) return own;
  const named = record[field] !== undefined || entry?.prior?.[field] !== undefined;
  return named || entry?.absent === undefined ? fallbackHlc(record.updatedAt) : entry.absent;
}

function decode(record: SyncRecord, clock: ClockEntry | undefined): RecordState {
  const names = new Set([
    ...Object.keys(record).filter((f) => record[f] !== undefined),
    ...Object.keys(clock?.fields ?? {}),
    ...Object.keys(clock?.prior ?? {}),
  ]);
  names.delete('id');
  const fields = new Map<string, Candidate>();
  for (const field of names) {
    const value = record[field];
    fields.set(field, {
      value,
      json: value === undefined ? '' : canonical(value),
      clock: fieldClock(record, clock, field),
      prior: clock?.prior?.[field],
    });
  }
  return { fields, absent: clock?.absent ?? fallbackHlc(record.updatedAt) };
}

/** A side's candidate for a field: the one it names, or an absent value at its clock of absent fields. */
function candidateOf(state: RecordState, field: string): Candidate {
  return state.fields.get(field) ?? { value: undefined, json: '', clock: state.absent, prior: undefined };
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

/** Merges one record present on both sides, field by field (the fields neither names included). */
function mergeRecord(
  table: string,
  a: SyncRecord,
  ca: ClockEntry | undefined,
  b: SyncRecord,
  cb: ClockEntry | undefined,
  conflicts: MergeConflict[],
): { record: SyncRecord; clock: ClockEntry | undefined } {
  const x = decode(a, ca);
  const y = decode(b, cb);
  const merged: RecordState = { fields: new Map(), absent: maxHlc(x.absent, y.absent) };
  for (const field of [...new Set([...x.fields.keys(), ...y.fields.keys()])].sort()) {
    const fromA = candidateOf(x, field);
    const fromB = candidateOf(y, field);
    const kept = later(fromA, fromB);
    const dropped = kept === fromA ? fromB : fromA;
    merged.fields.set(field, kept);
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
  return encode(table, a.id, merged);
}

/**
 * A record and its clock entry from a state, in the one canonical form: the record holds the
 * present values; the entry holds each clock that `fieldClock` would not give back from the
 * record alone (a field named by its value or prior at the fallback of the record's `updatedAt`,
 * any other at `absent`, itself kept only when it is not that fallback); an absent field at the
 * clock of absent fields with no prior is left out. No entry when there is nothing to keep, so a
 * workspace without clocks merges into itself unchanged.
 */
function encode(
  table: string,
  id: string,
  state: RecordState,
): { record: SyncRecord; clock: ClockEntry | undefined } {
  const record: SyncRecord = { id };
  const names = [...state.fields.keys()].sort();
  for (const field of names) {
    const value = state.fields.get(field)!.value;
    if (value !== undefined) record[field] = value;
  }
  const fallback = fallbackHlc(record.updatedAt);
  const fields: Record<string, Hlc> = {};
  const prior: Record<string, Hlc> = {};
  for (const field of names) {
    const won = state.fields.get(field)!;
    const named = won.value !== undefined || won.prior !== undefined;
    if (!named && won.clock === state.absent) continue;
    if (won.clock !== (named ? fallback : state.absent)) fields[field] = won.clock;
    if (won.prior !== undefined) prior[field] = won.prior;
  }
  const absent = state.absent !== fallback;
  if (Object.keys(fields).length === 0 && Object.keys(prior).length === 0 && !absent)
    return { record, clock: undefined };
  const entry: ClockEntry = { id: clockId(table, id), table, key: id, fields };
  if (Object.keys(prior).length > 0) entry.prior = prior;
  if (absent) entry.absent = state.absent;
  return { record, clock: entry };
}

/** A side's own clock entry, normalised as a merge would write it. */
function ownClock(table: string, record: SyncRecord, clock: ClockEntry | undefined): ClockEntry | undefined {
  if (!clock) return undefined;
  return encode(table, record.id, decode(record, clock)).clock;
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
