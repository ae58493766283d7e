/**
 * Derived tables (shared/schema/tables.ts `derivedTable`): computed from a data table and kept
 * up to date in the SAME transaction as every write to it, so a screen reads a few hundred
 * totals instead of scanning 200,000 records, and the totals can never disagree with what was
 * committed. Every write path keeps them:
 *
 * - commands, through recordChanges, and Undo, through undoChanges (./changes.ts): the records'
 *   before and after images give the delta; the apps' tallies, whose source has write paths
 *   outside recordChanges, are kept by a DBCore middleware instead (./app-tallies-core.ts);
 * - restore, the demo and "delete all data" (./replace.ts, ./demo.ts): computed from the records
 *   they write;
 * - a database upgraded to the version that introduced a derived table (./database.ts):
 *   computed from the upgraded source table.
 *
 * Write a source table only through those paths (never `db.<source>.put` directly), or its
 * derived table falls behind. The calculations are pure (shared/domain); this module only reads
 * and writes.
 */
import type { Table } from 'dexie';
import { KNOWLEDGE_HALF_LIFE_DAYS, type KnowledgeSession } from '../../shared/domain/knowledge';
import {
  KnowledgeCreditCount,
  KnowledgeCredits,
  rowIdsOf,
  type KnowledgeCreditRow,
} from '../../shared/domain/knowledge-credits';
import {
  applyCycleTotalsDelta,
  applyDaysDelta,
  applyTotalsDelta,
  daysTouched,
  recountDays,
  recountCycleTotals,
  recountTotals,
  sessionsByCycle,
  TOTAL_FIELDS,
  totalsDelta,
  type CycleTotals,
  type DayFacts,
  type PairingDay,
  type PairingTotal,
  type SessionFacts,
  type TotalsDelta,
} from '../../shared/domain/pairing';
import { tallyApps, type TallyApp } from '../../shared/domain/app-tallies';
import {
  applyTallyDelta,
  tallyResponses,
  type ResponseFacts,
  type ToilTally,
} from '../../shared/domain/toil-results';
import { recordCountRows } from '../../shared/domain/record-counts';
import {
  DATA_TABLE_NAMES,
  DERIVED_TABLE_NAMES,
  type DataTableName,
  type DerivedTableName,
  type TableName,
} from '../../shared/schema/tables';

/** A table by name, in the running transaction (the database's, or an upgrade's). */
export type TableAccess = (name: TableName) => Table<unknown, string>;

/** One record's change by a write: its image before (absent when created) and after (absent when deleted). */
export interface SourceChange {
  table: string;
  before?: unknown;
  after?: unknown;
}

/** The source of a derived table computed from every data table (recordCounts). */
const EVERY_TABLE = 'every data table';

interface Derivation {
  source: DataTableName | typeof EVERY_TABLE;
  /**
   * The derived table's rows for a whole source table, computed in steps: each `next()` does a
   * slice of a long calculation (a few ms), so the caller can let IndexedDB or the page work
   * between slices; the last returns the rows. Nothing runs before the first `next()`. `sizes`:
   * the number of records of every data table (all a derivation of every table reads).
   */
  compute(
    records: readonly unknown[],
    sizes: Readonly<Record<string, number>>,
  ): Iterator<void, unknown[], undefined>;
  /** The rows computed from the stored tables without reading their records (a schema upgrade). */
  recount?(table: TableAccess): Promise<unknown[]>;
  /**
   * Brings the derived table up to date after a write: `removed` before images, `added` after
   * images. Absent: a DBCore middleware keeps the table with every write to its source.
   */
  apply?(table: TableAccess, removed: readonly unknown[], added: readonly unknown[]): Promise<void>;
}

const DERIVATIONS: Record<DerivedTableName, Derivation> = {
  pairingTotals: {
    source: 'pairingSessions',
    compute: (records) => oneStep(() => recountTotals(records as SessionFacts[])),
    async apply(table, removed, added) {
      const deltas = totalsDelta(removed as SessionFacts[], added as SessionFacts[]);
      if (deltas.length === 0) return;
      const totals = table('pairingTotals') as Table<PairingTotal, string>;
      const current = await totals.bulkGet(deltas.map((d) => d.id));
      const puts: PairingTotal[] = [];
      const deletes: string[] = [];
      for (const [i, delta] of deltas.entries()) {
        const { total, recountLastDate } = applyTotalsDelta(current[i], delta);
        if (!total) {
          deletes.push(delta.id);
          continue;
        }
        if (recountLastDate) total.lastDate = await latestSessionDate(table, delta);
        puts.push(total);
      }
      if (puts.length > 0) await totals.bulkPut(puts);
      if (deletes.length > 0) await totals.bulkDelete(deletes);
    },
  },
  pairingCycleTotals: {
    source: 'pairingSessions',
    compute: (records) => oneStep(() => recountCycleTotals(records as SessionFacts[])),
    async apply(table, removed, added) {
      const before = sessionsByCycle(removed as SessionFacts[]);
      const after = sessionsByCycle(added as SessionFacts[]);
      const touched = [...new Set([...before.keys(), ...after.keys()])]
        .map((id) => [id, totalsDelta(before.get(id) ?? [], after.get(id) ?? [])] as const)
        .filter(([, deltas]) => deltas.length > 0);
      if (touched.length === 0) return;
      const rows = table('pairingCycleTotals') as Table<CycleTotals, string>;
      const stored = await rows.bulkGet(touched.map(([id]) => id));
      const puts: CycleTotals[] = [];
      const deletes: string[] = [];
      for (const [i, [cycleId, deltas]] of touched.entries()) {
        const { row, recount } = applyCycleTotalsDelta(stored[i], cycleId, deltas);
        if (!row) {
          deletes.push(cycleId);
          continue;
        }
        for (const total of recount) total.lastDate = await latestInCycle(table, cycleId, total);
        puts.push(row);
      }
      if (puts.length > 0) await rows.bulkPut(puts);
      if (deletes.length > 0) await rows.bulkDelete(deletes);
    },
  },
  pairingDays: {
    source: 'pairingSessions',
    compute: (records) => oneStep(() => recountDays(records as DayFacts[])),
    async apply(table, removed, added) {
      const dates = daysTouched(removed as DayFacts[], added as DayFacts[]);
      if (dates.length === 0) return;
      const days = table('pairingDays') as Table<PairingDay, string>;
      const stored = await days.bulkGet(dates);
      const current = new Map(stored.flatMap((d) => (d ? [[d.id, d] as const] : [])));
      const { put, deleted } = applyDaysDelta(current, removed as DayFacts[], added as DayFacts[]);
      if (put.length > 0) await days.bulkPut(put);
      if (deleted.length > 0) await days.bulkDelete(deleted);
    },
  },
  // Kept with every write to the apps by a DBCore middleware (./app-tallies-core.ts): the apps
  // have write paths outside recordChanges.
  appTallies: {
    source: 'apps',
    compute: (records) => oneStep(() => tallyApps(records as TallyApp[])),
  },
  toilTallies: {
    source: 'toilResponses',
    compute: (records) => oneStep(() => tallyResponses(records as ResponseFacts[])),
    async apply(table, removed, added) {
      const ids = [
        ...new Set([...(removed as ResponseFacts[]), ...(added as ResponseFacts[])].map((r) => r.auditId)),
      ];
      if (ids.length === 0) return;
      const tallies = table('toilTallies') as Table<ToilTally, string>;
      const stored = await tallies.bulkGet(ids);
      const current = new Map(stored.flatMap((t) => (t ? [[t.id, t] as const] : [])));
      const { put, deleted } = applyTallyDelta(current, removed as ResponseFacts[], added as ResponseFacts[]);
      if (put.length > 0) await tallies.bulkPut(put);
      if (deleted.length > 0) await tallies.bulkDelete(deleted);
    },
  },
  // Kept with every write to every data table by a DBCore middleware (./record-counts-core.ts).
  recordCounts: {
    source: EVERY_TABLE,
    compute: (_, sizes) => oneStep(() => recordCountRows(sizes)),
    async recount(table) {
      const sizes = await Promise.all(DATA_TABLE_NAMES.map((name) => table(name).count()));
      return recordCountRows(Object.fromEntries(DATA_TABLE_NAMES.map((name, i) => [name, sizes[i]!])));
    },
  },
  knowledgeCredits: {
    source: 'pairingSessions',
    *compute(records) {
      const count = new KnowledgeCreditCount(KNOWLEDGE_HALF_LIFE_DAYS);
      for (let i = 0; i < records.length; i += KNOWLEDGE_SLICE) {
        count.add(records.slice(i, i + KNOWLEDGE_SLICE) as KnowledgeSession[]);
        yield;
      }
      const rows: KnowledgeCreditRow[] = [];
      for (const row of count.rows()) {
        if (rows.push(row) % KNOWLEDGE_SLICE === 0) yield;
      }
      return rows;
    },
    async apply(table, removed, added) {
      const [before, after] = changedForKnowledge(removed as Session[], added as Session[]);
      if (before.length === 0 && after.length === 0) return;
      const rows = table('knowledgeCredits') as Table<KnowledgeCreditRow, string>;
      const sessions = table('pairingSessions') as Table<Session, string>;
      if (before.length > KNOWLEDGE_RECOUNT_ALL) return recountKnowledge(table);
      const credits = new KnowledgeCredits(KNOWLEDGE_HALF_LIFE_DAYS);
      credits.load(await rows.bulkGet([...new Set([...before, ...after].flatMap(rowIdsOf))]));
      const recount = credits.remove(before);
      credits.add(after);
      if (recount.size > KNOWLEDGE_RECOUNT_ALL) return recountKnowledge(table);
      // A removed session was someone's latest or first: count them again from their sessions.
      for (const person of recount) {
        const [paired, partnered] = await Promise.all([
          sessions.where('[personId+date]').between([person, ''], [person, '\uffff']).toArray(),
          sessions.where('partnerIds').equals(person).toArray(),
        ]);
        const fresh = new KnowledgeCredits(KNOWLEDGE_HALF_LIFE_DAYS);
        fresh.add([...new Map([...paired, ...partnered].map((s) => [s.id, s])).values()]);
        credits.recount(person, fresh);
      }
      const { puts, deletes } = credits.changes();
      if (puts.length > 0) await rows.bulkPut(puts);
      if (deletes.length > 0) await rows.bulkDelete(deletes);
    },
  },
};

/** A calculation done in one step, when first asked. */
function oneStep(calculate: () => unknown[]): Iterator<void, unknown[], undefined> {
  return { next: () => ({ done: true, value: calculate() }) };
}

type Session = KnowledgeSession & { id: string };

/** Sessions (or rows packed) per slice of a whole-table count, between pauses: a few ms each. */
const KNOWLEDGE_SLICE = 1_000;
/** Over this many sessions taken back, or people to count again, one write counts the whole table again. */
const KNOWLEDGE_RECOUNT_ALL = 200;

/** What the knowledge map reads of a session: an edit that changes none of it changes no row. */
function knowledgeFacts(s: Session): string {
  return JSON.stringify([
    s.date,
    s.durationMinutes,
    s.personId,
    s.partnerIds,
    s.appId,
    s.goldenPathId ?? null,
  ]);
}

/** The before and after images that differ in what the knowledge map reads. */
function changedForKnowledge(removed: Session[], added: Session[]): [Session[], Session[]] {
  const before = new Map(removed.map((s) => [s.id, knowledgeFacts(s)]));
  const same = new Set(added.filter((s) => before.get(s.id) === knowledgeFacts(s)).map((s) => s.id));
  if (same.size === 0) return [removed, added];
  return [removed.filter((s) => !same.has(s.id)), added.filter((s) => !same.has(s.id))];
}

/** Counts the knowledge rows again from every stored session (a write that takes back many). */
async function recountKnowledge(table: TableAccess): Promise<void> {
  await replaceDerived(table, 'knowledgeCredits', await table('pairingSessions').toArray());
}

/** The date of an entity's latest stored session, through its `[field+date]` index. */
async function latestSessionDate(table: TableAccess, delta: TotalsDelta): Promise<string | null> {
  const index = `[${TOTAL_FIELDS[delta.dimension]}+date]`;
  const keys = (await table('pairingSessions')
    .where(index)
    .between([delta.entityId, ''], [delta.entityId, '\uffff'])
    .reverse()
    .limit(1)
    .keys()) as unknown as [string, string][];
  return keys[0]?.[1] ?? null;
}

/**
 * The date of an entity's latest stored session within a cycle: read backwards through the
 * entity's `[field+date]` index for a person, app or team (a few dozen sessions, over all cycles),
 * through the cycle's for a topic (a topic has hundreds in every cycle) or the cycle itself.
 */
async function latestInCycle(
  table: TableAccess,
  cycleId: string,
  total: PairingTotal,
): Promise<string | null> {
  const byCycle = total.dimension === 'topic' || total.dimension === 'cycle';
  const [field, value] = byCycle ? ['cycleId', cycleId] : [TOTAL_FIELDS[total.dimension], total.entityId];
  const [other, wanted] = byCycle ? [TOTAL_FIELDS[total.dimension], total.entityId] : ['cycleId', cycleId];
  const latest = (await table('pairingSessions')
    .where(`[${field}+date]`)
    .between([value, ''], [value, '\uffff'])
    .reverse()
    .filter((s) => ((s as Record<string, unknown>)[other] ?? '') === wanted)
    .first()) as SessionFacts | undefined;
  return latest?.date ?? null;
}

const DERIVED_OF = new Map<string, DerivedTableName[]>();
for (const name of DERIVED_TABLE_NAMES) {
  const source = DERIVATIONS[name].source;
  // A derivation of every table adds itself to every write's transaction (its middleware).
  if (source === EVERY_TABLE) continue;
  DERIVED_OF.set(source, [...(DERIVED_OF.get(source) ?? []), name]);
}

/** `tables` and the derived tables of any source among them: a write transaction's scope. */
export function withDerived(tables: readonly TableName[]): TableName[] {
  const out = new Set<TableName>(tables);
  for (const name of tables) for (const derived of DERIVED_OF.get(name) ?? []) out.add(derived);
  return [...out];
}

/** Brings every derived table up to date after a write's changes (call inside its transaction, after the writes). */
export async function applyDerived(table: TableAccess, changes: readonly SourceChange[]): Promise<void> {
  for (const name of DERIVED_TABLE_NAMES) {
    const { source, apply } = DERIVATIONS[name];
    const mine = changes.filter((c) => c.table === source);
    if (mine.length === 0 || !apply) continue;
    await apply(
      table,
      mine.flatMap((c) => (c.before === undefined ? [] : [c.before])),
      mine.flatMap((c) => (c.after === undefined ? [] : [c.after])),
    );
  }
}

/** Rows per bulkAdd when a derived table is written whole. */
const DERIVED_CHUNK = 1_000;

/** Replaces one derived table with `rows`, in chunks: each is copied to IndexedDB in one task. */
async function writeRows(table: TableAccess, name: DerivedTableName, rows: readonly unknown[]) {
  await table(name).clear();
  for (let i = 0; i < rows.length; i += DERIVED_CHUNK)
    await table(name).bulkAdd(rows.slice(i, i + DERIVED_CHUNK));
}

/** An IndexedDB request that keeps the transaction alive while the thread answers between slices. */
const pause = (table: TableAccess, name: DerivedTableName) => table(name).count();

/** Replaces one derived table with its rows computed from its source's records. */
async function replaceDerived(table: TableAccess, name: DerivedTableName, records: readonly unknown[]) {
  const work = DERIVATIONS[name].compute(records, {});
  for (let next = work.next(); ; next = work.next()) {
    if (next.done) return writeRows(table, name, next.value);
    await pause(table, name);
  }
}

/**
 * Every derived table being computed from the records a restore or the demo writes (by table; a
 * missing table counts as empty), a slice at a time: replace.ts calls `work` while IndexedDB
 * writes each chunk of records, so the calculation mostly runs while the thread would only wait.
 */
export class DerivedWork {
  private readonly pending: { name: DerivedTableName; work: Iterator<void, unknown[], undefined> }[];
  private readonly computed = new Map<DerivedTableName, unknown[]>();

  constructor(sources: Readonly<Partial<Record<string, readonly unknown[]>>>) {
    const sizes = Object.fromEntries(DATA_TABLE_NAMES.map((name) => [name, sources[name]?.length ?? 0]));
    this.pending = DERIVED_TABLE_NAMES.map((name) => {
      const { source, compute } = DERIVATIONS[name];
      return { name, work: compute(source === EVERY_TABLE ? [] : (sources[source] ?? []), sizes) };
    });
  }

  /** Computes slices for about `budgetMs` (at least one); false once every table's rows are computed. */
  work(budgetMs = 0): boolean {
    const until = performance.now() + budgetMs;
    do {
      const head = this.pending[0];
      if (!head) return false;
      const next = head.work.next();
      if (next.done) {
        this.computed.set(head.name, next.value);
        this.pending.shift();
      }
    } while (performance.now() < until);
    return this.pending.length > 0;
  }

  /** Finishes the calculation, pausing between slices, and replaces every derived table with its rows. */
  async write(table: TableAccess): Promise<void> {
    while (this.work()) await pause(table, DERIVED_TABLE_NAMES[0]!);
    for (const name of DERIVED_TABLE_NAMES) await writeRows(table, name, this.computed.get(name) ?? []);
  }
}

/**
 * Replaces every derived table with its rows computed from `sources` (the records a restore, the
 * demo or a merge has just written, by table; a missing table counts as empty).
 */
export async function writeDerived(
  table: TableAccess,
  sources: Readonly<Partial<Record<string, readonly unknown[]>>>,
): Promise<void> {
  await new DerivedWork(sources).write(table);
}

/** Computes derived tables from their stored source tables (a schema upgrade that introduces them). */
export async function recomputeDerived(table: TableAccess, names: readonly string[]): Promise<void> {
  for (const name of names) {
    const derivation = DERIVATIONS[name as DerivedTableName];
    if (!derivation) throw new Error(`No derived table named ${name}`);
    if (derivation.recount) {
      await writeRows(table, name as DerivedTableName, await derivation.recount(table));
      continue;
    }
    if (derivation.source === EVERY_TABLE) throw new Error(`${name} cannot be computed from one table`);
    await replaceDerived(table, name as DerivedTableName, await table(derivation.source).toArray());
  }
}
