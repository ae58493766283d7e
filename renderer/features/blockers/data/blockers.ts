/**
 * The Blockers area's writes: log a blocker, edit it (only the fields the form changed, refused
 * when one was changed elsewhere meanwhile), change its status (appended to its dated history),
 * and delete it. Each validates with the domain's zod schema, checks that the owner, app, team
 * and cycle it names still exist, and writes in ONE transaction through recordChanges, so a
 * failure leaves the data as it was and every command can be undone.
 */
import {
  BLOCKER_STATUS_LABELS,
  blockerInputSchema,
  blockerStatusChangeSchema,
  formatIsoDate,
  problemsFromZod,
  ValidationError,
  withStatusChange,
  type Blocker,
  type BlockerInput,
  type BlockerStatus,
  type FieldProblem,
  type IsoDate,
} from '../../../../shared/domain';
import { recordChanges, type ChangeSet } from '../../../db/changes';
import { db as defaultDb, type AdoptionDatabase } from '../../../db/database';
import { buildRecord, buildUpdate, overlayEdit, RecordNotFoundError } from '../../../db/repository';

const WHAT = 'The blocker';

/** The fields a blocker's form edits; the status changes through {@link changeBlockerStatus}. */
export type BlockerFields = Omit<BlockerInput, 'status' | 'resolvedOn' | 'statusHistory'>;

export interface BlockerCommandResult {
  blocker: Blocker;
  /** Puts the blocker back as it was (undoChanges). */
  undo: ChangeSet;
}

/** Every table a blocker's write reads or writes: the blocker and the records it links to. */
const TABLES = ['blockers', 'people', 'apps', 'teams', 'cycles'] as const;

const LINKS = [
  { field: 'ownerId', table: 'people', name: 'owner' },
  { field: 'appId', table: 'apps', name: 'app' },
  { field: 'teamId', table: 'teams', name: 'team' },
  { field: 'cycleId', table: 'cycles', name: 'cycle' },
] as const;

/**
 * The links of `fields` that point at nothing (deleted, here or in another window, since the
 * form listed it), as problems at their fields.
 */
async function missingLinks(
  database: AdoptionDatabase,
  fields: Partial<BlockerFields>,
): Promise<FieldProblem[]> {
  const problems: FieldProblem[] = [];
  for (const link of LINKS) {
    const id = fields[link.field];
    if (typeof id !== 'string' || id === '') continue;
    if (!(await database.table(link.table).get(id))) {
      problems.push({
        field: link.field,
        message: `The ${link.name} no longer exists (it may have been deleted); choose another`,
      });
    }
  }
  return problems;
}

/**
 * Runs a build (buildRecord/buildUpdate) whose history starts on the opened date: a bad opened
 * date is said once, at its field, not again at the history's first change.
 */
function built<T>(build: () => T): T {
  try {
    return build();
  } catch (error) {
    if (!(error instanceof ValidationError)) throw error;
    const own = error.problems.filter((p) => !p.field.startsWith('statusHistory'));
    throw own.length && own.length < error.problems.length ? new ValidationError(own, WHAT) : error;
  }
}

async function getBlocker(database: AdoptionDatabase, id: string): Promise<Blocker> {
  const existing = await database.blockers.get(id);
  if (!existing) throw new RecordNotFoundError('Blocker', id);
  return existing;
}

/** Logs a new blocker, open on its opened date. */
export async function createBlocker(
  fields: BlockerFields,
  database: AdoptionDatabase = defaultDb,
): Promise<BlockerCommandResult> {
  const { result, undo } = await recordChanges(
    database,
    TABLES,
    (b: Blocker) => `Logged “${b.title}”`,
    async (writer) => {
      const record = built(
        () =>
          buildRecord(
            blockerInputSchema,
            {
              ...fields,
              status: 'open',
              resolvedOn: null,
              statusHistory: [{ status: 'open', on: fields.openedOn }],
            },
            WHAT,
          ) as Blocker,
      );
      const problems = await missingLinks(database, record);
      if (problems.length) throw new ValidationError(problems, WHAT);
      await writer.add('blockers', [record]);
      return record;
    },
  );
  return { blocker: result, undo };
}

export interface UpdateBlockerRequest {
  id: string;
  /** The fields to change (all of them without `expected`). */
  patch: Partial<BlockerFields>;
  /**
   * From a form: the changed fields' values when it opened. The save is refused
   * (EditConflictError) when the blocker no longer has them, and touches no other field.
   */
  expected?: Partial<BlockerFields> | undefined;
}

/**
 * Edits a blocker's fields. A new opened date moves the history's first change with it, and
 * cannot come after a later change ("resolved before opened" is refused at the opened date).
 */
export async function updateBlocker(
  request: UpdateBlockerRequest,
  database: AdoptionDatabase = defaultDb,
): Promise<BlockerCommandResult> {
  const { result, undo } = await recordChanges(
    database,
    TABLES,
    (b: Blocker) => `Edited “${b.title}”`,
    async (writer) => {
      const existing = await getBlocker(database, request.id);
      const input = overlayEdit(existing, request.patch, request.expected, WHAT) as BlockerInput;
      let history = existing.statusHistory;
      const openedOn = typeof input.openedOn === 'string' ? input.openedOn.trim() : input.openedOn;
      if (openedOn !== existing.openedOn) {
        const later = history.slice(1).find((change) => change.on < openedOn);
        if (later) {
          throw new ValidationError(
            [
              {
                field: 'openedOn',
                message: `Opened date cannot be after the blocker went to ${BLOCKER_STATUS_LABELS[later.status].toLowerCase()} on ${formatIsoDate(later.on)}`,
              },
            ],
            WHAT,
          );
        }
        history = [{ ...history[0]!, on: openedOn }, ...history.slice(1)];
      }
      const record = built(
        () =>
          buildUpdate(blockerInputSchema, existing, { ...input, statusHistory: history }, WHAT) as Blocker,
      );
      const problems = await missingLinks(database, request.patch);
      if (problems.length) throw new ValidationError(problems, WHAT);
      await writer.put('blockers', [record]);
      return record;
    },
  );
  return { blocker: result, undo };
}

/** A status change made from a stale screen: the blocker's status was changed elsewhere meanwhile. */
export class StatusChangedElsewhereError extends Error {
  constructor(title: string, now: BlockerStatus) {
    super(
      `“${title}” is ${BLOCKER_STATUS_LABELS[now].toLowerCase()} now (changed elsewhere meanwhile); nothing was changed.`,
    );
    this.name = 'StatusChangedElsewhereError';
  }
}

export interface StatusChangeRequest {
  id: string;
  status: BlockerStatus;
  on: IsoDate;
  /** Why; required when going back from resolved. */
  note?: string | undefined;
  /** The status the screen showed: refused (StatusChangedElsewhereError) when it is no longer that. */
  from?: BlockerStatus | undefined;
}

/**
 * Changes a blocker's status on a day: appended to its status history, never rewriting it.
 * Resolving sets the resolved date; going back from resolved clears it and needs a note saying
 * why it was reopened. Refused at its field: the status it already has, a day before its last
 * change (or before it was opened).
 */
export async function changeBlockerStatus(
  request: StatusChangeRequest,
  database: AdoptionDatabase = defaultDb,
): Promise<BlockerCommandResult> {
  const parsed = blockerStatusChangeSchema.safeParse({
    status: request.status,
    on: request.on,
    ...(request.note?.trim() ? { note: request.note } : {}),
  });
  if (!parsed.success) {
    throw new ValidationError(
      problemsFromZod(parsed.error).map((p) => ({ ...p, field: p.field.split('.')[0] ?? '' })),
      'The status change',
    );
  }
  const change = parsed.data;
  const { result, undo } = await recordChanges(
    database,
    TABLES,
    (b: Blocker) => `Moved “${b.title}” to ${BLOCKER_STATUS_LABELS[b.status].toLowerCase()}`,
    async (writer) => {
      const existing = await getBlocker(database, request.id);
      if (request.from && existing.status !== request.from) {
        throw new StatusChangedElsewhereError(existing.title, existing.status);
      }
      const changed = withStatusChange(existing, change);
      if ('problems' in changed) throw new ValidationError(changed.problems, 'The status change');
      const record = buildUpdate(blockerInputSchema, existing, changed.fields, WHAT) as Blocker;
      await writer.put('blockers', [record]);
      return record;
    },
  );
  return { blocker: result, undo };
}

/** Deletes a blocker; `undo` puts it back exactly as it was (same id). */
export async function deleteBlocker(
  id: string,
  database: AdoptionDatabase = defaultDb,
): Promise<BlockerCommandResult> {
  const { result, undo } = await recordChanges(
    database,
    ['blockers'],
    (b: Blocker) => `Deleted “${b.title}”`,
    async (writer) => {
      const existing = await getBlocker(database, id);
      await writer.delete('blockers', [id]);
      return existing;
    },
  );
  return { blocker: result, undo };
}
