/**
 * The Apps area's feasibility criteria: the weighted questions an owner scores apps on, and the
 * scores derived from them. An app's business value and technical feasibility are the weighted
 * mean of its scored criteria per axis (shared/domain/feasibility) whenever at least one criterion
 * of that axis is scored; otherwise the score typed in directly stands. Changing a weight or an
 * axis re-derives every scored app in the same transaction, so no app is ever shown with scores
 * from the old weights.
 */
import {
  appInputSchema,
  criterionInputSchema,
  scoresFromCriteria,
  validate,
  type App,
  type Criterion,
  type CriterionInput,
} from '../../../../shared/domain';
import { db as defaultDb, type AdoptionDatabase } from '../../../db/database';
import { defaultCriteriaRecords } from '../../../db/workspace';
import { recordChanges, type ChangeSet, type Writer } from '../../../db/changes';
import {
  buildRecord,
  buildUpdate,
  RecordNotFoundError,
  toInput,
  writeTransaction,
} from '../../../db/repository';

/**
 * The business and technical scores an app gets from its criteria: per axis, the weighted mean
 * of the scored criteria, or the direct score when none of that axis is scored.
 */
export function deriveScores<T extends Pick<App, 'businessScore' | 'technicalScore'>>(
  app: T & { criteriaScores?: Record<string, number> | undefined },
  criteria: readonly Criterion[],
): Pick<App, 'businessScore' | 'technicalScore'> {
  const derived = scoresFromCriteria(criteria, app.criteriaScores ?? {});
  return {
    businessScore: derived.businessScore ?? app.businessScore ?? null,
    technicalScore: derived.technicalScore ?? app.technicalScore ?? null,
  };
}

/** Drops criterion scores whose criterion no longer exists (so they cannot skew a later mean). */
export function knownScores(scores: Record<string, number> | undefined, criteria: readonly Criterion[]) {
  const ids = new Set(criteria.map((c) => c.id));
  return Object.fromEntries(Object.entries(scores ?? {}).filter(([id]) => ids.has(id)));
}

/** Re-derives every scored app's scores after a criterion changed; writes only what changed. */
async function rescoreAll(database: AdoptionDatabase, writer: Writer, criteria: readonly Criterion[]) {
  const changed: App[] = [];
  const at = new Date().toISOString();
  await database.apps.each((app) => {
    if (Object.keys(app.criteriaScores).length === 0) return;
    const criteriaScores = knownScores(app.criteriaScores, criteria);
    const next = deriveScores({ ...app, criteriaScores }, criteria);
    if (
      next.businessScore !== app.businessScore ||
      next.technicalScore !== app.technicalScore ||
      Object.keys(criteriaScores).length !== Object.keys(app.criteriaScores).length
    ) {
      changed.push({ ...app, ...next, criteriaScores, updatedAt: at });
    }
  });
  await writer.put('apps', changed);
  return changed.length;
}

/**
 * Adds the default criteria when there are none (the Criteria view offers it); returns the
 * criteria in order. Never called just because a screen opened: opening a screen never writes.
 */
export async function addDefaultCriteria(database: AdoptionDatabase = defaultDb): Promise<Criterion[]> {
  return writeTransaction(database, ['criteria'], async () => {
    if ((await database.criteria.count()) === 0) await database.criteria.bulkAdd(defaultCriteriaRecords());
    return database.criteria.orderBy('order').toArray();
  });
}

export async function createCriterion(
  input: Omit<CriterionInput, 'order'>,
  database: AdoptionDatabase = defaultDb,
): Promise<Criterion> {
  return writeTransaction(database, ['criteria'], async () => {
    const last = await database.criteria.orderBy('order').last();
    const record = buildRecord(
      criterionInputSchema,
      { ...input, order: last ? last.order + 1 : 0 },
      'The criterion',
    ) as Criterion;
    await database.criteria.add(record);
    return record;
  });
}

/**
 * Updates a criterion. A change of weight or axis changes every scored app's scores: they are
 * recomputed in the same transaction.
 */
export async function updateCriterion(
  id: string,
  patch: Partial<CriterionInput>,
  database: AdoptionDatabase = defaultDb,
): Promise<{ criterion: Criterion; appsRescored: number; undo: ChangeSet }> {
  const { result, undo } = await recordChanges(
    database,
    ['criteria', 'apps'],
    (r: { criterion: Criterion }) => `Changed ${r.criterion.name}`,
    async (writer) => {
      const existing = await database.criteria.get(id);
      if (!existing) throw new RecordNotFoundError('Criterion', id);
      const criterion = buildUpdate(criterionInputSchema, existing, patch, 'The criterion') as Criterion;
      await writer.put('criteria', [criterion]);
      let appsRescored = 0;
      if (criterion.weight !== existing.weight || criterion.axis !== existing.axis) {
        appsRescored = await rescoreAll(database, writer, await database.criteria.toArray());
      }
      return { criterion, appsRescored };
    },
  );
  return { ...result, undo };
}

/**
 * Moves a criterion up or down among the criteria of its axis (the app page lists them per
 * axis, in this order).
 */
export async function moveCriterion(id: string, direction: -1 | 1, database: AdoptionDatabase = defaultDb) {
  return writeTransaction(database, ['criteria'], async () => {
    const list = await database.criteria.orderBy('order').toArray();
    const i = list.findIndex((c) => c.id === id);
    if (i < 0) throw new RecordNotFoundError('Criterion', id);
    let j = i + direction;
    while (j >= 0 && j < list.length && list[j]!.axis !== list[i]!.axis) j += direction;
    if (j < 0 || j >= list.length) return;
    const reordered = [...list];
    [reordered[i], reordered[j]] = [list[j]!, list[i]!];
    const at = new Date().toISOString();
    // Renumber all, so equal orders (e.g. from a restored backup) cannot make a swap a no-op.
    await database.criteria.bulkPut(
      reordered.map((c, order) => (c.order === order ? c : { ...c, order, updatedAt: at })),
    );
  });
}

export interface DeletedCriterion {
  criterion: Criterion;
  /** The apps' scores on it, as they were. */
  scores: { appId: string; score: number }[];
  /** Puts the criterion and the apps' scores back (undoChanges). */
  undo: ChangeSet;
}

/** Deletes a criterion, removes its scores from every app, and re-derives their scores. */
export async function deleteCriterion(
  id: string,
  database: AdoptionDatabase = defaultDb,
): Promise<DeletedCriterion> {
  const { result, undo } = await recordChanges(
    database,
    ['criteria', 'apps'],
    (r: { criterion: Criterion }) => `Deleted the criterion ${r.criterion.name}`,
    async (writer) => {
      const criterion = await database.criteria.get(id);
      if (!criterion) throw new RecordNotFoundError('Criterion', id);
      const scores: DeletedCriterion['scores'] = [];
      await database.apps.each((app) => {
        const score = app.criteriaScores[id];
        if (score !== undefined) scores.push({ appId: app.id, score });
      });
      await writer.delete('criteria', [id]);
      await rescoreAll(database, writer, await database.criteria.toArray());
      return { criterion, scores };
    },
  );
  return { ...result, undo };
}

export interface CriterionScoreChange {
  /** The app as stored after the change, with its re-derived scores. */
  app: App;
  /** Puts the app back as it was (undoChanges); no changes when the score was already that. */
  undo: ChangeSet;
}

/**
 * Scores an app on one criterion (1–5), or clears that score (null), and re-derives the app's
 * business and technical scores. Setting the score it already has writes nothing.
 */
export async function setCriterionScore(
  appId: string,
  criterionId: string,
  score: number | null,
  database: AdoptionDatabase = defaultDb,
): Promise<CriterionScoreChange> {
  const { result, undo } = await recordChanges(
    database,
    ['apps', 'criteria'],
    ({ app, criterion }: { app: App; criterion: Criterion }) =>
      score === null
        ? `Cleared ${app.name}'s score on ${criterion.name}`
        : `Scored ${app.name} ${score} on ${criterion.name}`,
    async (writer) => {
      const existing = await database.apps.get(appId);
      if (!existing) throw new RecordNotFoundError('App', appId);
      const criterion = await database.criteria.get(criterionId);
      if (!criterion) throw new RecordNotFoundError('Criterion', criterionId);
      if ((existing.criteriaScores[criterionId] ?? null) === score) return { app: existing, criterion };
      const criteriaScores = { ...existing.criteriaScores };
      if (score === null) delete criteriaScores[criterionId];
      else criteriaScores[criterionId] = score;
      const criteria = await database.criteria.toArray();
      // Validate the score first: the weighted mean of an out-of-range score would look valid.
      validate(appInputSchema, { ...toInput(existing), criteriaScores }, 'The app');
      const app = buildUpdate(
        appInputSchema,
        existing,
        { criteriaScores, ...deriveScores({ ...existing, criteriaScores }, criteria) },
        'The app',
      ) as App;
      await writer.put('apps', [app]);
      return { app, criterion };
    },
  );
  return { app: result.app, undo };
}
