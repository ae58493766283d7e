/**
 * The Toil audits area's writes: the template's items (add, reword, retire, ask again), audits
 * (run one for a team or app on a date, edit, delete with its responses) and anonymous responses
 * (a batch typed in the grid or imported, deleted one by one). Each validates with the domain's
 * zod schemas plus the template's rules (a statement answered 1–5, a question in words, items the
 * audit asks), runs in one transaction (the tallies follow in it, db/derived.ts) and returns the
 * ChangeSet that undoes it. A refused batch writes nothing, and its problems name the respondent
 * row and the statement.
 */
import {
  askedOn,
  todayIso,
  toilAuditInputSchema,
  toilItemInputSchema,
  toilResponseInputSchema,
  ValidationError,
  wordingAt,
  type FieldProblem,
  type IsoDate,
  type ToilAudit,
  type ToilAuditInput,
  type ToilItem,
  type ToilResponse,
} from '../../../../shared/domain';
import { recordChanges, type ChangeSet } from '../../../db/changes';
import { db as defaultDb, type AdoptionDatabase } from '../../../db/database';
import { buildRecord, buildUpdate, overlayEdit, RecordNotFoundError } from '../../../db/repository';

/** A new item of the template: it goes last. */
export async function addItem(
  input: { kind: 'statement' | 'question'; text: string; reversed: boolean },
  database: AdoptionDatabase = defaultDb,
): Promise<{ item: ToilItem; undo: ChangeSet }> {
  const { result, undo } = await recordChanges(
    database,
    ['toilItems'],
    (item: ToilItem) => `Added “${item.text}” to the template`,
    async (writer) => {
      const last = await database.toilItems.orderBy('order').last();
      const text = input.text.trim();
      const clash = (await database.toilItems.toArray()).find(
        (i) => i.text.trim().toLowerCase() === text.toLowerCase(),
      );
      if (clash)
        throw new ValidationError(
          [{ field: 'text', message: 'The template already has this item' }],
          'The item',
        );
      const item = buildRecord(
        toilItemInputSchema,
        { ...input, text, order: (last?.order ?? -1) + 1, builtIn: false, retiredOn: null, revisions: [] },
        'The item',
      ) as ToilItem;
      await writer.add('toilItems', [item]);
      return item;
    },
  );
  return { item: result, undo };
}

/**
 * Rewords an item from `today` on: audits dated before keep the wording they asked (it goes to
 * the item's earlier wordings), so their answers are never shown under a sentence nobody read.
 * Refused when the wording was changed elsewhere since `expectedText` was read.
 */
export async function rewordItem(
  id: string,
  text: string,
  expectedText: string,
  today: IsoDate = todayIso(),
  database: AdoptionDatabase = defaultDb,
): Promise<{ item: ToilItem; undo: ChangeSet }> {
  const { result, undo } = await recordChanges(
    database,
    ['toilItems'],
    (item: ToilItem) => `Reworded “${item.text}”`,
    async (writer) => {
      const existing = await database.toilItems.get(id);
      if (!existing) throw new RecordNotFoundError('Toil item', id);
      const wanted = text.trim();
      overlayEdit(existing, { text: wanted }, { text: expectedText }, 'The item');
      if (wanted === existing.text) return existing;
      const earlier = existing.revisions ?? [];
      // Reworded twice on one day: the wording of the day before stays the one audits asked.
      const revisions =
        earlier.at(-1)?.until === today ? earlier : [...earlier, { text: existing.text, until: today }];
      const item = buildUpdate(
        toilItemInputSchema,
        existing,
        { text: wanted, revisions },
        'The item',
      ) as ToilItem;
      await writer.put('toilItems', [item]);
      return item;
    },
  );
  return { item: result, undo };
}

/** Retires an item from `today` on (null: asks it again). Past answers keep showing. */
export async function setItemRetired(
  id: string,
  retiredOn: IsoDate | null,
  database: AdoptionDatabase = defaultDb,
): Promise<{ item: ToilItem; undo: ChangeSet }> {
  const { result, undo } = await recordChanges(
    database,
    ['toilItems'],
    (item: ToilItem) => `${retiredOn ? 'Retired' : 'Asked again'} “${item.text}”`,
    async (writer) => {
      const existing = await database.toilItems.get(id);
      if (!existing) throw new RecordNotFoundError('Toil item', id);
      const item = buildUpdate(toilItemInputSchema, existing, { retiredOn }, 'The item') as ToilItem;
      await writer.put('toilItems', [item]);
      return item;
    },
  );
  return { item: result, undo };
}

export interface SaveAuditRequest {
  id?: string | undefined;
  input: ToilAuditInput | Partial<ToilAuditInput>;
  expected?: Partial<ToilAuditInput> | undefined;
}

/** Runs a new audit or saves an edit of one; its team, app and cycle must exist. */
export async function saveAudit(
  request: SaveAuditRequest,
  database: AdoptionDatabase = defaultDb,
): Promise<{ audit: ToilAudit; undo: ChangeSet }> {
  const { id } = request;
  const { result, undo } = await recordChanges(
    database,
    ['toilAudits', 'teams', 'apps', 'cycles'],
    (audit: ToilAudit) => (id === undefined ? `Ran the audit “${audit.title}”` : `Saved “${audit.title}”`),
    async (writer) => {
      const existing = id === undefined ? undefined : await database.toilAudits.get(id);
      if (id !== undefined && !existing) throw new RecordNotFoundError('Toil audit', id);
      const input = existing
        ? overlayEdit(existing, request.input, request.expected, 'The audit')
        : { ...request.input };
      const audit = (
        existing
          ? buildUpdate(toilAuditInputSchema, existing, input, 'The audit')
          : buildRecord(toilAuditInputSchema, input, 'The audit')
      ) as ToilAudit;
      const missing: FieldProblem[] = [];
      if (audit.teamId && !(await database.teams.get(audit.teamId)))
        missing.push({ field: 'teamId', message: 'This team no longer exists' });
      if (audit.appId && !(await database.apps.get(audit.appId)))
        missing.push({ field: 'appId', message: 'This app no longer exists' });
      if (audit.cycleId && !(await database.cycles.get(audit.cycleId)))
        missing.push({ field: 'cycleId', message: 'This cycle no longer exists' });
      if (missing.length) throw new ValidationError(missing, 'The audit');
      await writer.put('toilAudits', [audit]);
      return audit;
    },
  );
  return { audit: result, undo };
}

/** Deletes an audit with its responses; `undo` puts them all back. */
export async function deleteAudit(
  id: string,
  database: AdoptionDatabase = defaultDb,
): Promise<{ audit: ToilAudit; responses: number; undo: ChangeSet }> {
  const { result, undo } = await recordChanges(
    database,
    ['toilAudits', 'toilResponses'],
    ({ audit, responses }: { audit: ToilAudit; responses: number }) =>
      `Deleted the audit “${audit.title}” and its ${responses} responses`,
    async (writer) => {
      const audit = await database.toilAudits.get(id);
      if (!audit) throw new RecordNotFoundError('Toil audit', id);
      const responseIds = await database.toilResponses.where('auditId').equals(id).primaryKeys();
      await writer.delete('toilResponses', responseIds);
      await writer.delete('toilAudits', [id]);
      return { audit, responses: responseIds.length };
    },
  );
  return { ...result, undo };
}

/** One respondent's answers as entered: statement id → 1–5 (absent: not applicable), question id → text. */
export interface ResponseDraft {
  scores: Record<string, number>;
  answers: Record<string, string>;
  /** A survey tool's response id, for re-imports; never shown with results. */
  respondent?: string;
}

/**
 * The problems of a batch of responses against the template as the audit asks it, named by
 * row ("Respondent 3") and by the statement's wording; field `rows.<i>.<item id>`.
 */
export function responseProblems(
  audit: Pick<ToilAudit, 'date'>,
  items: readonly ToilItem[],
  rows: readonly ResponseDraft[],
  rowName: (index: number) => string = (i) => `Respondent ${i + 1}`,
): FieldProblem[] {
  const byId = new Map(items.map((i) => [i.id, i]));
  const problems: FieldProblem[] = [];
  rows.forEach((row, i) => {
    const name = rowName(i);
    const keys = [...Object.keys(row.scores), ...Object.keys(row.answers)];
    if (keys.length === 0)
      problems.push({ field: `rows.${i}`, message: `${name}: no answer at all; leave the row out` });
    for (const [itemId, score] of Object.entries(row.scores)) {
      const item = byId.get(itemId);
      const label = item ? `“${wordingAt(item, audit.date)}”` : 'an item';
      if (!item || item.kind !== 'statement' || !askedOn(item, audit.date))
        problems.push({
          field: `rows.${i}.${itemId}`,
          message: `${name}: ${label} is not a statement this audit asks`,
        });
      else if (!Number.isInteger(score) || score < 1 || score > 5)
        problems.push({
          field: `rows.${i}.${itemId}`,
          message: `${name}, ${label}: ${String(score)} is outside the 1 to 5 scale`,
        });
    }
    for (const [itemId, text] of Object.entries(row.answers)) {
      const item = byId.get(itemId);
      if (!item || item.kind !== 'question' || !askedOn(item, audit.date))
        problems.push({
          field: `rows.${i}.${itemId}`,
          message: `${name}: an answer to a question this audit does not ask`,
        });
      else if (text.length > 10_000)
        problems.push({
          field: `rows.${i}.${itemId}`,
          message: `${name}, “${wordingAt(item, audit.date)}”: an answer must be at most 10000 characters`,
        });
    }
  });
  return problems;
}

/**
 * Adds a batch of anonymous responses to an audit, and updates those that `updates` names (a
 * re-import's rows matched by response id), in one transaction; refused whole, with every
 * problem named by row, when any row is wrong.
 */
export async function addResponses(
  auditId: string,
  rows: readonly ResponseDraft[],
  database: AdoptionDatabase = defaultDb,
  options: {
    updates?: readonly { id: string; row: ResponseDraft }[];
    rowName?: (index: number) => string;
  } = {},
): Promise<{ added: number; updated: number; undo: ChangeSet }> {
  const updates = options.updates ?? [];
  const { result, undo } = await recordChanges(
    database,
    ['toilAudits', 'toilItems', 'toilResponses'],
    ({ added }: { added: number; updated: number }) => `Added ${added} responses`,
    async (writer) => {
      const audit = await database.toilAudits.get(auditId);
      if (!audit) throw new RecordNotFoundError('Toil audit', auditId);
      const items = await database.toilItems.toArray();
      const all = [...rows, ...updates.map((u) => u.row)];
      const problems = responseProblems(audit, items, all, options.rowName);
      if (problems.length) throw new ValidationError(problems, 'The responses');
      const created = rows.map(
        (row) =>
          buildRecord(
            toilResponseInputSchema,
            { auditId, respondent: row.respondent ?? '', scores: row.scores, answers: row.answers },
            'The response',
          ) as ToilResponse,
      );
      const changed: ToilResponse[] = [];
      for (const { id, row } of updates) {
        const existing = await database.toilResponses.get(id);
        if (!existing || existing.auditId !== auditId) throw new RecordNotFoundError('Toil response', id);
        changed.push(
          buildUpdate(
            toilResponseInputSchema,
            existing,
            { scores: row.scores, answers: row.answers },
            'The response',
          ) as ToilResponse,
        );
      }
      if (created.length) await writer.add('toilResponses', created);
      if (changed.length) await writer.put('toilResponses', changed);
      return { added: created.length, updated: changed.length };
    },
  );
  return { ...result, undo };
}

/** Deletes one response. */
export async function deleteResponse(
  id: string,
  database: AdoptionDatabase = defaultDb,
): Promise<{ undo: ChangeSet }> {
  const { undo } = await recordChanges(database, ['toilResponses'], 'Deleted a response', async (writer) => {
    if (!(await database.toilResponses.get(id))) throw new RecordNotFoundError('Toil response', id);
    await writer.delete('toilResponses', [id]);
  });
  return { undo };
}
