/**
 * Merging a backup into this workspace (the Data screen's "Merge a backup"), by the rules of
 * shared/sync/merge.ts: records matched by id, each field the later change, deletes kept. It
 * runs in ONE read-write transaction over every data table, the derived tables and the clocks:
 * the workspace is read, merged with the file and only what changed is written, so the database
 * ends up either fully merged or exactly as it was; a change made in another window between the
 * preview and the confirmation is merged too, never overwritten. The transaction names the
 * clocks table, so the merge writes the merged clocks and is not stamped as a new change.
 */
import { UNIQUE_FIELDS, type ParsedBackup } from '../../shared/backup/backup';
import { CLOCKS_TABLE, RECORD_NAMES, RECORD_SCHEMAS, type DataTableName } from '../../shared/schema/tables';
import {
  mergeWorkspaces,
  planMerge,
  type ClockEntry,
  type MergeConflict,
  type MergePlan,
  type SyncRecord,
  type Workspace,
} from '../../shared/sync/merge';
import { DATA_TABLES, type AdoptionDatabase } from './database';
import { writeDerived } from './derived';
import { guardStorage } from './errors';
import { abortReason, ReplaceCanceled, type ReplaceOptions } from './replace';

/** What a merge adds, changes and deletes, per table and in all, and the conflicts it settled. */
export interface MergeSummary {
  counts: { added: number; changed: number; deleted: number };
  perTable: Partial<Record<DataTableName, { added: number; changed: number; deleted: number }>>;
  /** The first conflicts (MAX_LISTED), sorted by table and record, each with its record's name. */
  conflicts: (MergeConflict & { label: string })[];
  conflictCount: number;
  /**
   * Records whose fields could not be combined into a valid record (two changes that only make
   * sense together): kept as they were here, with the reason.
   */
  keptWhole: { table: DataTableName; id: string; message: string }[];
}

/** How many conflicts a summary lists one by one. */
export const MAX_LISTED = 200;

/** The incoming side of a merge: a checked backup's records and clocks. */
export type MergeSource = Pick<ParsedBackup, 'tables' | 'clocks'>;

function sourceWorkspace(source: MergeSource): Workspace {
  return {
    tables: source.tables as unknown as Record<string, SyncRecord[]>,
    clocks: source.clocks,
  };
}

async function readWorkspace(database: AdoptionDatabase): Promise<Workspace> {
  const tables: Record<string, SyncRecord[]> = {};
  for (const name of DATA_TABLES) tables[name] = (await database.table(name).toArray()) as SyncRecord[];
  return { tables, clocks: (await database.clocks.toArray()) as ClockEntry[] };
}

interface Computed {
  plan: MergePlan;
  merged: Record<string, SyncRecord[]>;
  summary: MergeSummary;
}

/** A backup that cannot be merged into this workspace (a copy of another program). */
export class MergeRefusedError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'MergeRefusedError';
  }
}

/**
 * Refuses a backup of another program: a merge brings together copies of ONE program (the
 * owner's and an advocate's), and a workspace holds one program.
 */
function checkSameProgram(local: Workspace, source: MergeSource): void {
  const mine = local.tables.program?.[0];
  const theirs = source.tables.program[0];
  if (!mine || !theirs || mine.id === theirs.id) return;
  throw new MergeRefusedError(
    `This backup is of another program (“${theirs.name}”, not “${String(mine.name)}”): a merge brings ` +
      'together copies of one program. Restore it instead to replace this workspace. Nothing was changed.',
  );
}

/**
 * Refuses a merge whose result would hold two records with the same value of a field the
 * database keeps unique (a cycle's number, a metric's key): each side made one on its own.
 */
function checkUnique(tables: Record<string, SyncRecord[]>): void {
  const clashes: string[] = [];
  for (const [table, fields] of Object.entries(UNIQUE_FIELDS) as [DataTableName, string[]][]) {
    for (const field of fields) {
      const seen = new Map<unknown, string>();
      for (const record of tables[table] ?? []) {
        const other = seen.get(record[field]);
        if (other === undefined) seen.set(record[field], record.id);
        else
          clashes.push(
            `two ${RECORD_NAMES[table].many} with ${field} ${JSON.stringify(record[field])} (${other} and ${record.id})`,
          );
      }
    }
  }
  if (clashes.length === 0) return;
  const shown = clashes.slice(0, 5).join('; ');
  const more = clashes.length > 5 ? `, and ${clashes.length - 5} more` : '';
  throw new MergeRefusedError(
    `This backup cannot be merged: the result would hold ${shown}${more}. Each workspace created its own; ` +
      'delete or renumber one of them in one workspace, export it again and merge. Nothing was changed.',
  );
}

/** Merges, then keeps out of the plan any changed record that is no longer valid as a whole. */
function compute(local: Workspace, source: MergeSource): Computed {
  checkSameProgram(local, source);
  const result = mergeWorkspaces(local, sourceWorkspace(source), DATA_TABLES);
  checkUnique(result.workspace.tables);
  const plan = planMerge(local, result.workspace, DATA_TABLES);
  const keptWhole: MergeSummary['keptWhole'] = [];
  const merged = result.workspace.tables;
  for (const table of DATA_TABLES) {
    const valid = (record: SyncRecord) => {
      const check = RECORD_SCHEMAS[table].safeParse(record);
      if (check.success) return true;
      const issue = check.error.issues[0];
      const field = issue?.path.map(String).join('.');
      keptWhole.push({
        table,
        id: record.id,
        message: `${RECORD_NAMES[table].one} ${record.id}: ${field ? `${field}: ` : ''}${issue?.message ?? 'not valid'}`,
      });
      return false;
    };
    const changed = plan.changed[table] ?? [];
    const ok = changed.filter(valid);
    if (ok.length === changed.length) continue;
    const refused = new Set(changed.filter((r) => !ok.includes(r)).map((r) => r.id));
    plan.changed[table] = ok;
    plan.counts.changed -= refused.size;
    plan.clocks = plan.clocks.filter((c) => c.table !== table || !refused.has(c.key));
    plan.clocksDeleted = plan.clocksDeleted.filter((id) => !refused.has(id.slice(table.length + 1)));
    const localById = new Map((local.tables[table] ?? []).map((r) => [r.id, r]));
    merged[table] = (merged[table] ?? []).map((r) => (refused.has(r.id) ? localById.get(r.id)! : r));
  }
  const perTable: MergeSummary['perTable'] = {};
  for (const table of DATA_TABLES) {
    const added = plan.added[table]?.length ?? 0;
    const changed = plan.changed[table]?.length ?? 0;
    const deleted = plan.deleted[table]?.length ?? 0;
    if (added + changed + deleted > 0) perTable[table] = { added, changed, deleted };
  }
  return {
    plan,
    merged,
    summary: {
      counts: plan.counts,
      perTable,
      conflicts: result.conflicts
        .slice(0, MAX_LISTED)
        .map((c) => ({ ...c, label: labelOf(c, merged, local) })),
      conflictCount: result.conflicts.length,
      keptWhole,
    },
  };
}

/** What a conflict's record is called: its name, title or topic as merged (or as it was, when deleted). */
function labelOf(conflict: MergeConflict, merged: Record<string, SyncRecord[]>, local: Workspace): string {
  const find = (rows: readonly SyncRecord[] | undefined) => rows?.find((r) => r.id === conflict.id);
  const record =
    find(merged[conflict.table]) ?? find(local.tables[conflict.table]) ?? (conflict.dropped as SyncRecord);
  for (const field of ['name', 'title', 'topic', 'key', 'date']) {
    const value = record?.[field];
    if (typeof value === 'string' && value !== '') return value;
  }
  return conflict.id;
}

/** What merging `source` would change, read in one transaction; nothing is written. */
export async function previewMerge(database: AdoptionDatabase, source: MergeSource): Promise<MergeSummary> {
  const local = await database.transaction('r', [...database.dataTables(), database.clocks], () =>
    readWorkspace(database),
  );
  return compute(local, source).summary;
}

/**
 * Merges `source` into the workspace in ONE transaction, with progress (records written) and
 * cancel. Resolves with what it changed; rejects with the signal's reason when cancelled, with a
 * StorageFullError when the disk is full, or with the underlying error — in every failure case
 * nothing changed.
 */
export async function mergeBackup(
  database: AdoptionDatabase,
  source: MergeSource,
  { onProgress, signal, chunkSize = 1_000 }: ReplaceOptions = {},
): Promise<MergeSummary> {
  const what = 'Merging the backup';
  if (signal?.aborted) throw abortReason(signal, what);
  try {
    return await guardStorage(() =>
      database.transaction(
        'rw',
        [...database.dataTables(), ...database.derivedTables(), database.clocks],
        async () => {
          const { plan, merged, summary } = compute(await readWorkspace(database), source);
          const writes: { table: string; rows?: readonly unknown[]; keys?: readonly string[] }[] = [];
          for (const table of DATA_TABLES) {
            const rows = [...(plan.added[table] ?? []), ...(plan.changed[table] ?? [])];
            for (let i = 0; i < rows.length; i += chunkSize)
              writes.push({ table, rows: rows.slice(i, i + chunkSize) });
            const keys = plan.deleted[table] ?? [];
            if (keys.length > 0) writes.push({ table, keys });
          }
          for (let i = 0; i < plan.clocks.length; i += chunkSize)
            writes.push({ table: CLOCKS_TABLE, rows: plan.clocks.slice(i, i + chunkSize) });
          if (plan.clocksDeleted.length > 0) writes.push({ table: CLOCKS_TABLE, keys: plan.clocksDeleted });
          const total = writes.reduce((n, w) => n + (w.rows?.length ?? w.keys?.length ?? 0), 0);
          let done = 0;
          onProgress?.(done, total);
          for (const write of writes) {
            if (signal?.aborted) throw new ReplaceCanceled();
            const table = database.table(write.table);
            if (write.rows) await table.bulkPut(write.rows);
            else await table.bulkDelete(write.keys as string[]);
            done += write.rows?.length ?? write.keys?.length ?? 0;
            onProgress?.(done, total);
          }
          // Totals and the like: computed again from the merged records.
          await writeDerived((name) => database.table(name), merged);
          if (signal?.aborted) throw new ReplaceCanceled();
          return summary;
        },
      ),
    );
  } catch (error) {
    if (signal?.aborted) throw abortReason(signal, what);
    throw error;
  }
}
