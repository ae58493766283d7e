/**
 * Applying a RAID-log import (shared/import/blockers) to the database: new blockers for the rows
 * that match none, updates of the blockers matched by title — all in ONE transaction, undoable
 * as a whole. Every record is validated like a blocker logged by hand before anything is written;
 * a row that fails goes to the result's rejected rows with its row number and field instead.
 *
 * A new blocker's history is what the log says: open on its opened date, then its status — a log
 * does not date the start of mitigation, so that change is dated on the opened date too (the
 * earliest it can have been), and a resolved one on its resolved date. An update changes the
 * status as the app does (withStatusChange): appended, dated on the resolved date or today, never
 * back from resolved (that needs a note: reopen it on the blocker's page).
 */
import {
  blockerInputSchema,
  deriveStatusHistory,
  maxIsoDate,
  ValidationError,
  withStatusChange,
  type Blocker,
  type BlockerInput,
  type BlockerStatus,
  type IsoDate,
} from '../../../../shared/domain';
import {
  categoryOf,
  type BlockerImportField,
  type BlockerImportRecord,
} from '../../../../shared/import/blockers/definition';
import type { Located, RecordPlan } from '../../../../shared/import/definition';
import {
  ImportCanceledError,
  type ImportApplyOptions,
  type ImportResult,
  type RejectedRow,
} from '../../../../shared/import/types';
import { recordChanges, type ChangeSet } from '../../../db/changes';
import { db as defaultDb, type AdoptionDatabase } from '../../../db/database';
import { describeError } from '../../../db/errors';
import { buildRecord, buildUpdate, RecordNotFoundError, toInput } from '../../../db/repository';

export type BlockerImportPlan = RecordPlan<BlockerImportRecord>;

/** A blocker's field as the import names it, for rejected rows. */
const LABELS: Record<string, string> = {
  title: 'Title',
  category: 'Category',
  subCategory: 'Sub-category',
  severity: 'Severity',
  status: 'Status',
  openedOn: 'Opened on',
  resolvedOn: 'Resolved on',
  on: 'Resolved on',
  note: 'Status',
  ownerId: 'Owner',
  appId: 'App',
  teamId: 'Team',
  cycleId: 'Cycle',
  notes: 'Notes',
  mitigation: 'Mitigation',
} satisfies Partial<Record<BlockerImportField | keyof BlockerInput | 'on' | 'note', string>>;

/** The status a row means: its Status cell, else resolved when it has a resolved date, else open. */
function statusOf(record: BlockerImportRecord): BlockerStatus {
  return record.status ?? (record.resolvedOn ? 'resolved' : 'open');
}

/** The new blocker a row creates. */
export function importedBlockerInput(record: BlockerImportRecord): BlockerInput {
  const status = statusOf(record);
  const resolvedOn = status === 'resolved' ? (record.resolvedOn ?? null) : null;
  return {
    title: record.title,
    category: categoryOf(record),
    subCategory: record.subCategory.name,
    severity: record.severity ?? 'medium',
    status,
    openedOn: record.openedOn,
    resolvedOn,
    statusHistory: deriveStatusHistory({ status, openedOn: record.openedOn, resolvedOn }),
    ownerId: record.ownerId ?? null,
    appId: record.appId ?? null,
    teamId: record.teamId ?? null,
    cycleId: record.cycleId ?? null,
    notes: record.notes,
    mitigation: record.mitigation,
  };
}

/**
 * A stored blocker as a row updates it: what the row gives replaces what is stored (an empty
 * cell never blanks a value), and a new status is appended to its history. Throws a
 * ValidationError naming the field when the row cannot be applied.
 */
export function importedBlockerUpdate(
  existing: Blocker,
  record: BlockerImportRecord,
  today: IsoDate,
): BlockerInput {
  let next: BlockerInput = {
    ...toInput(existing),
    title: record.title,
    category: categoryOf(record),
    subCategory: record.subCategory.name,
  };
  if (record.severity) next.severity = record.severity;
  for (const key of ['ownerId', 'appId', 'teamId', 'cycleId'] as const)
    if (record[key]) next[key] = record[key];
  if (record.notes.trim()) next.notes = record.notes;
  if (record.mitigation.trim()) next.mitigation = record.mitigation;
  if (record.openedOn !== existing.openedOn) {
    if (existing.statusHistory.slice(1).some((c) => c.on < record.openedOn)) {
      throw new ValidationError([
        { field: 'openedOn', message: 'is after a status change the blocker already has' },
      ]);
    }
    next.openedOn = record.openedOn;
    next.statusHistory = [
      { ...existing.statusHistory[0]!, on: record.openedOn },
      ...existing.statusHistory.slice(1),
    ];
  }
  const status = record.status ?? (record.resolvedOn ? 'resolved' : undefined);
  if (status && status !== existing.status) {
    if (existing.status === 'resolved') {
      throw new ValidationError([
        {
          field: 'status',
          message: 'is resolved in the app; reopening needs a note: reopen it on the blocker’s page',
        },
      ]);
    }
    const history = next.statusHistory ?? existing.statusHistory;
    const on = status === 'resolved' ? record.resolvedOn! : maxIsoDate(today, history.at(-1)!.on);
    const changed = withStatusChange({ status: existing.status, statusHistory: history }, { status, on });
    if ('problems' in changed) throw new ValidationError(changed.problems);
    next = { ...next, ...changed.fields };
  }
  return next;
}

export interface BlockerImportResult extends ImportResult {
  undo: ChangeSet;
}

/**
 * Writes an import plan in ONE transaction, in chunks with progress and Cancel (the signal): a
 * cancel or any error rolls the whole import back.
 */
export async function applyBlockerImport(
  plan: BlockerImportPlan,
  today: IsoDate,
  options: ImportApplyOptions & { chunkSize?: number } = {},
  database: AdoptionDatabase = defaultDb,
): Promise<BlockerImportResult> {
  const { onProgress, signal, chunkSize = 500 } = options;
  if (signal?.aborted) throw new ImportCanceledError();
  const total = plan.creates.length + plan.updates.length;
  const { result, undo } = await recordChanges(
    database,
    ['blockers'],
    (r: ImportResult) => `Imported ${r.created + r.updated} blockers`,
    async (writer) => {
      const rejected: RejectedRow[] = [...plan.rejected];
      const reject = (record: Located<BlockerImportRecord>, error: unknown) => {
        if (error instanceof ValidationError) {
          for (const p of error.problems) {
            const field = p.field.split('.')[0] ?? '';
            rejected.push({ location: record.location, field: LABELS[field] ?? field, problem: p.message });
          }
        } else rejected.push({ location: record.location, field: '', problem: describeError(error) });
      };
      const writes: Blocker[] = [];
      let created = 0;
      for (const record of plan.creates) {
        try {
          writes.push(
            buildRecord(blockerInputSchema, importedBlockerInput(record), 'The blocker') as Blocker,
          );
          created++;
        } catch (error) {
          reject(record, error);
        }
      }
      const stored = await database.blockers.bulkGet(plan.updates.map((u) => u.id));
      plan.updates.forEach(({ id, record }, i) => {
        try {
          const existing = stored[i];
          if (!existing) throw new RecordNotFoundError('Blocker', id);
          writes.push(
            buildUpdate(
              blockerInputSchema,
              existing,
              importedBlockerUpdate(existing, record, today),
              'The blocker',
            ) as Blocker,
          );
        } catch (error) {
          reject(record, error);
        }
      });
      let done = total - writes.length;
      onProgress?.({ done, total });
      for (let start = 0; start < writes.length; start += chunkSize) {
        if (signal?.aborted) throw new ImportCanceledError();
        const chunk = writes.slice(start, start + chunkSize);
        await writer.put('blockers', chunk);
        done += chunk.length;
        onProgress?.({ done, total });
      }
      if (signal?.aborted) throw new ImportCanceledError();
      return { created, updated: writes.length - created, skipped: plan.skipped, rejected };
    },
  );
  return { ...result, undo };
}
