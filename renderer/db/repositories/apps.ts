/**
 * Writes of the Apps area: apps, their stages and cycles, golden paths, feasibility criteria,
 * and applying an import. Every write is validated with the domain's zod schemas and runs in one
 * Dexie transaction, so a failure (bad input, a full disk, a canceled import) leaves the data as
 * it was. Reads are done by the screens with useLiveQuery.
 *
 * Scores: an app's business value and technical feasibility are derived from its criteria
 * scores (weighted mean per axis, shared/domain/feasibility) whenever at least one criterion of
 * that axis is scored; otherwise the score typed in directly stands.
 */
import {
  appInputSchema,
  appSchema,
  criterionInputSchema,
  cycleContaining,
  DEFAULT_CRITERIA,
  goldenPathInputSchema,
  goldenPathSchema,
  newId,
  problemsFromZod,
  scoresFromCriteria,
  stageTransitionPatch,
  teamInputSchema,
  validate,
  ValidationError,
  type App,
  type AppInput,
  type AppStage,
  type Criterion,
  type CriterionInput,
  type Cycle,
  type GoldenPath,
  type GoldenPathInput,
  type IsoDate,
  type Team,
} from '../../../shared/domain';
import { APP_IMPORT_FIELDS } from '../../../shared/import/csv';
import {
  importRecordInput,
  importRecordPatch,
  nameKey,
  type ImportPlan,
  type LocatedImportRecord,
} from '../../../shared/import/plan';
import type { ImportResult, RejectedRow } from '../../../shared/import/types';
import { db as defaultDb, type AdoptionDatabase } from '../database';
import { describeError, guardStorage } from '../errors';
import { buildRecord, buildUpdate, createRepository, RecordNotFoundError, toInput } from '../repository';

export const appRepository = createRepository((d) => d.apps, appInputSchema, 'The app');
export const goldenPathRepository = createRepository(
  (d) => d.goldenPaths,
  goldenPathInputSchema,
  'The golden path',
);

/** The stages in which an app is being (or has been) onboarded, and so belongs to a cycle. */
const IN_PIPELINE: readonly AppStage[] = ['selected', 'onboarding', 'on-platform'];

// ---------------------------------------------------------------------------------------------
// Scores

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
function knownScores(scores: Record<string, number> | undefined, criteria: readonly Criterion[]) {
  const ids = new Set(criteria.map((c) => c.id));
  return Object.fromEntries(Object.entries(scores ?? {}).filter(([id]) => ids.has(id)));
}

/** Re-derives every scored app's scores after a criterion changed; writes only what changed. */
async function recomputeAllScores(
  database: AdoptionDatabase,
  criteria: readonly Criterion[],
  now = new Date(),
) {
  const changed: App[] = [];
  const at = now.toISOString();
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
  if (changed.length) await database.apps.bulkPut(changed);
  return changed.length;
}

// ---------------------------------------------------------------------------------------------
// Apps

export interface SaveAppRequest {
  /** The app to update; a new app when absent. */
  id?: string | undefined;
  input: AppInput;
  /** Creates this product team (or reuses one of that name) and makes it the app's owner. */
  newTeamName?: string | undefined;
}

/**
 * Creates or updates an app from its form, with its scores derived from the criteria, and the
 * new owning team if one was typed: app and team are written together or not at all. Problems
 * with the new team's name are reported on the field `newTeamName`.
 */
export async function saveApp(request: SaveAppRequest, database: AdoptionDatabase = defaultDb): Promise<App> {
  const { id, newTeamName } = request;
  let team: Team | null = null;
  if (newTeamName !== undefined) {
    const parsed = teamInputSchema.safeParse({ name: newTeamName, kind: 'product' });
    if (!parsed.success) {
      throw new ValidationError(
        problemsFromZod(parsed.error).map((p) => ({ field: 'newTeamName', message: p.message })),
        'The app',
      );
    }
    team = buildRecord(teamInputSchema, parsed.data, 'Team') as Team;
  }
  return guardStorage(() =>
    database.transaction('rw', [database.apps, database.teams, database.criteria], async () => {
      let input: AppInput = { ...request.input };
      if (team) {
        const existing = await findTeamByName(database, team.name);
        if (existing) team = existing;
        else await database.teams.add(team);
        input = { ...input, teamId: team.id };
      }
      const criteria = await database.criteria.toArray();
      const criteriaScores = knownScores(input.criteriaScores, criteria);
      input = {
        ...input,
        criteriaScores,
        ...deriveScores({ businessScore: null, technicalScore: null, ...input, criteriaScores }, criteria),
      };
      if (id === undefined) {
        const record = buildRecord(appInputSchema, input, 'The app') as App;
        await database.apps.add(record);
        return record;
      }
      const existing = await database.apps.get(id);
      if (!existing) throw new RecordNotFoundError('App', id);
      const record = buildUpdate(appInputSchema, existing, input, 'The app') as App;
      await database.apps.put(record);
      return record;
    }),
  );
}

export function createApp(input: AppInput, database: AdoptionDatabase = defaultDb): Promise<App> {
  return saveApp({ input }, database);
}

export function updateApp(id: string, patch: Partial<AppInput>, database: AdoptionDatabase = defaultDb) {
  return appRepository.update(id, patch, database) as Promise<App>;
}

/** Deletes an app and returns it, so that the caller can offer Undo (restoreApp). */
export async function deleteApp(id: string, database: AdoptionDatabase = defaultDb): Promise<App> {
  return guardStorage(() =>
    database.transaction('rw', database.apps, async () => {
      const existing = await database.apps.get(id);
      if (!existing) throw new RecordNotFoundError('App', id);
      await database.apps.delete(id);
      return existing;
    }),
  );
}

/**
 * Puts a deleted app back exactly as it was (same id, so links from pairing sessions, blockers
 * and value streams work again). References to a team, cycle or golden path deleted meanwhile
 * are dropped rather than left dangling.
 */
export async function restoreApp(record: App, database: AdoptionDatabase = defaultDb): Promise<App> {
  const app = validate(appSchema, record, 'The app') as App;
  return guardStorage(() =>
    database.transaction(
      'rw',
      [database.apps, database.teams, database.cycles, database.goldenPaths],
      async () => {
        const [team, cycle, paths] = await Promise.all([
          app.teamId ? database.teams.get(app.teamId) : undefined,
          app.cycleId ? database.cycles.get(app.cycleId) : undefined,
          database.goldenPaths.bulkGet(app.goldenPathIds),
        ]);
        const restored: App = {
          ...app,
          teamId: team ? app.teamId : null,
          cycleId: cycle ? app.cycleId : null,
          goldenPathIds: app.goldenPathIds.filter((_, i) => paths[i] !== undefined),
        };
        await database.apps.put(restored);
        return restored;
      },
    ),
  );
}

export interface StageMove {
  app: App;
  /** The cycle the app was put into because it had none (the one running today), if any. */
  assignedCycle: Cycle | null;
}

/**
 * Moves an app to a stage and stamps the date of that step (stageTransitionPatch). An app that
 * enters the pipeline without a cycle joins the cycle running today, so it counts toward that
 * cycle's selection.
 */
export async function moveAppToStage(
  id: string,
  stage: AppStage,
  today: IsoDate,
  database: AdoptionDatabase = defaultDb,
): Promise<StageMove> {
  return guardStorage(() =>
    database.transaction('rw', [database.apps, database.cycles], async () => {
      const existing = await database.apps.get(id);
      if (!existing) throw new RecordNotFoundError('App', id);
      const patch: Partial<AppInput> = stageTransitionPatch(existing, stage, today);
      let assignedCycle: Cycle | null = null;
      if (IN_PIPELINE.includes(stage) && !existing.cycleId) {
        assignedCycle = cycleContaining(await database.cycles.toArray(), today) ?? null;
        if (assignedCycle) patch.cycleId = assignedCycle.id;
      }
      const app = buildUpdate(appInputSchema, existing, patch, 'The app') as App;
      await database.apps.put(app);
      return { app, assignedCycle };
    }),
  );
}

/**
 * Selects apps into a cycle: candidates (and paused or dropped apps picked again) become
 * "selected" with today's date; apps already in the pipeline just move to that cycle.
 */
export async function selectIntoCycle(
  appIds: readonly string[],
  cycleId: string,
  today: IsoDate,
  database: AdoptionDatabase = defaultDb,
): Promise<App[]> {
  return guardStorage(() =>
    database.transaction('rw', [database.apps, database.cycles], async () => {
      const cycle = await database.cycles.get(cycleId);
      if (!cycle) throw new RecordNotFoundError('Cycle', cycleId);
      const apps = await database.apps.bulkGet([...appIds]);
      const updated = apps.map((existing, i) => {
        if (!existing) throw new RecordNotFoundError('App', appIds[i]!);
        const patch: Partial<AppInput> = IN_PIPELINE.includes(existing.stage)
          ? {}
          : stageTransitionPatch(existing, 'selected', today);
        return buildUpdate(appInputSchema, existing, { ...patch, cycleId }, 'The app') as App;
      });
      await database.apps.bulkPut(updated);
      return updated;
    }),
  );
}

// ---------------------------------------------------------------------------------------------
// Golden paths

export function createGoldenPath(input: GoldenPathInput, database: AdoptionDatabase = defaultDb) {
  return goldenPathRepository.create(input, database) as Promise<GoldenPath>;
}

export function updateGoldenPath(
  id: string,
  patch: Partial<GoldenPathInput>,
  database: AdoptionDatabase = defaultDb,
) {
  return goldenPathRepository.update(id, patch, database) as Promise<GoldenPath>;
}

export interface DeletedGoldenPath {
  goldenPath: GoldenPath;
  /** The apps that used it, to mark them again on Undo. */
  appIds: string[];
}

/** Deletes a golden path and unmarks it on every app, in one transaction. */
export async function deleteGoldenPath(
  id: string,
  database: AdoptionDatabase = defaultDb,
): Promise<DeletedGoldenPath> {
  return guardStorage(() =>
    database.transaction('rw', [database.goldenPaths, database.apps], async () => {
      const goldenPath = await database.goldenPaths.get(id);
      if (!goldenPath) throw new RecordNotFoundError('Golden path', id);
      const apps = await database.apps.where('goldenPathIds').equals(id).toArray();
      const at = new Date().toISOString();
      await database.apps.bulkPut(
        apps.map((a) => ({ ...a, goldenPathIds: a.goldenPathIds.filter((g) => g !== id), updatedAt: at })),
      );
      await database.goldenPaths.delete(id);
      return { goldenPath, appIds: apps.map((a) => a.id) };
    }),
  );
}

/** Undo of deleteGoldenPath: the path comes back and is marked again on its apps that still exist. */
export async function restoreGoldenPath(deleted: DeletedGoldenPath, database: AdoptionDatabase = defaultDb) {
  const goldenPath = validate(goldenPathSchema, deleted.goldenPath, 'The golden path') as GoldenPath;
  return guardStorage(() =>
    database.transaction('rw', [database.goldenPaths, database.apps], async () => {
      await database.goldenPaths.put(goldenPath);
      const apps = (await database.apps.bulkGet(deleted.appIds)).filter((a): a is App => a !== undefined);
      const at = new Date().toISOString();
      await database.apps.bulkPut(
        apps
          .filter((a) => !a.goldenPathIds.includes(goldenPath.id))
          .map((a) => ({ ...a, goldenPathIds: [...a.goldenPathIds, goldenPath.id], updatedAt: at })),
      );
      return goldenPath;
    }),
  );
}

/** Sets which golden paths an app uses (from the app's page). */
export async function setAppGoldenPaths(
  appId: string,
  goldenPathIds: readonly string[],
  database: AdoptionDatabase = defaultDb,
): Promise<App> {
  return guardStorage(() =>
    database.transaction('rw', [database.apps, database.goldenPaths], async () => {
      const existing = await database.apps.get(appId);
      if (!existing) throw new RecordNotFoundError('App', appId);
      const ids = [...new Set(goldenPathIds)];
      const paths = await database.goldenPaths.bulkGet(ids);
      paths.forEach((p, i) => {
        if (!p) throw new RecordNotFoundError('Golden path', ids[i]!);
      });
      const app = buildUpdate(appInputSchema, existing, { goldenPathIds: ids }, 'The app') as App;
      await database.apps.put(app);
      return app;
    }),
  );
}

/** Sets which apps use a golden path (from the golden path's card): marks the listed, unmarks the rest. */
export async function setGoldenPathApps(
  goldenPathId: string,
  appIds: readonly string[],
  database: AdoptionDatabase = defaultDb,
): Promise<{ added: number; removed: number }> {
  return guardStorage(() =>
    database.transaction('rw', [database.apps, database.goldenPaths], async () => {
      if (!(await database.goldenPaths.get(goldenPathId)))
        throw new RecordNotFoundError('Golden path', goldenPathId);
      const wanted = new Set(appIds);
      const current = await database.apps.where('goldenPathIds').equals(goldenPathId).toArray();
      const currentIds = new Set(current.map((a) => a.id));
      const toAdd = (await database.apps.bulkGet([...wanted].filter((id) => !currentIds.has(id)))).map(
        (a, i) => {
          if (!a) throw new RecordNotFoundError('App', [...wanted].filter((id) => !currentIds.has(id))[i]!);
          return a;
        },
      );
      const at = new Date().toISOString();
      const changes = [
        ...current
          .filter((a) => !wanted.has(a.id))
          .map((a) => ({
            ...a,
            goldenPathIds: a.goldenPathIds.filter((g) => g !== goldenPathId),
            updatedAt: at,
          })),
        ...toAdd.map((a) => ({ ...a, goldenPathIds: [...a.goldenPathIds, goldenPathId], updatedAt: at })),
      ];
      await database.apps.bulkPut(changes);
      return { added: toAdd.length, removed: changes.length - toAdd.length };
    }),
  );
}

// ---------------------------------------------------------------------------------------------
// Criteria

/** Seeds the default criteria when there are none yet; returns the criteria in order. */
export async function ensureDefaultCriteria(database: AdoptionDatabase = defaultDb): Promise<Criterion[]> {
  return guardStorage(() =>
    database.transaction('rw', database.criteria, async () => {
      if ((await database.criteria.count()) === 0) {
        const records = DEFAULT_CRITERIA.map(
          (c, order) => buildRecord(criterionInputSchema, { ...c, order }, 'Criterion') as Criterion,
        );
        await database.criteria.bulkAdd(records);
      }
      return database.criteria.orderBy('order').toArray();
    }),
  );
}

export async function createCriterion(
  input: Omit<CriterionInput, 'order'>,
  database: AdoptionDatabase = defaultDb,
): Promise<Criterion> {
  return guardStorage(() =>
    database.transaction('rw', database.criteria, async () => {
      const last = await database.criteria.orderBy('order').last();
      const record = buildRecord(
        criterionInputSchema,
        { ...input, order: last ? last.order + 1 : 0 },
        'The criterion',
      ) as Criterion;
      await database.criteria.add(record);
      return record;
    }),
  );
}

/**
 * Updates a criterion. A change of weight or axis changes every scored app's scores: they are
 * recomputed in the same transaction, so no app is ever shown with scores from the old weights.
 */
export async function updateCriterion(
  id: string,
  patch: Partial<CriterionInput>,
  database: AdoptionDatabase = defaultDb,
): Promise<{ criterion: Criterion; appsRescored: number }> {
  return guardStorage(() =>
    database.transaction('rw', [database.criteria, database.apps], async () => {
      const existing = await database.criteria.get(id);
      if (!existing) throw new RecordNotFoundError('Criterion', id);
      const criterion = buildUpdate(criterionInputSchema, existing, patch, 'The criterion') as Criterion;
      await database.criteria.put(criterion);
      let appsRescored = 0;
      if (criterion.weight !== existing.weight || criterion.axis !== existing.axis) {
        appsRescored = await recomputeAllScores(database, await database.criteria.toArray());
      }
      return { criterion, appsRescored };
    }),
  );
}

/**
 * Moves a criterion up or down among the criteria of its axis (the app page lists them per
 * axis, in this order).
 */
export async function moveCriterion(id: string, direction: -1 | 1, database: AdoptionDatabase = defaultDb) {
  return guardStorage(() =>
    database.transaction('rw', database.criteria, async () => {
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
    }),
  );
}

export interface DeletedCriterion {
  criterion: Criterion;
  /** The apps' scores on it, to put back on Undo. */
  scores: { appId: string; score: number }[];
}

/** Deletes a criterion, removes its scores from every app, and re-derives their scores. */
export async function deleteCriterion(
  id: string,
  database: AdoptionDatabase = defaultDb,
): Promise<DeletedCriterion> {
  return guardStorage(() =>
    database.transaction('rw', [database.criteria, database.apps], async () => {
      const criterion = await database.criteria.get(id);
      if (!criterion) throw new RecordNotFoundError('Criterion', id);
      const scores: DeletedCriterion['scores'] = [];
      await database.apps.each((app) => {
        const score = app.criteriaScores[id];
        if (score !== undefined) scores.push({ appId: app.id, score });
      });
      await database.criteria.delete(id);
      await recomputeAllScores(database, await database.criteria.toArray());
      return { criterion, scores };
    }),
  );
}

/** Undo of deleteCriterion: the criterion and the apps' scores on it come back. */
export async function restoreCriterion(deleted: DeletedCriterion, database: AdoptionDatabase = defaultDb) {
  const criterion = validate(criterionInputSchema, toInput(deleted.criterion), 'The criterion');
  return guardStorage(() =>
    database.transaction('rw', [database.criteria, database.apps], async () => {
      await database.criteria.put({ ...deleted.criterion, ...criterion });
      const criteria = await database.criteria.toArray();
      const apps = await database.apps.bulkGet(deleted.scores.map((s) => s.appId));
      const at = new Date().toISOString();
      const restored = apps.flatMap((app, i) => {
        if (!app) return [];
        const criteriaScores = { ...app.criteriaScores, [deleted.criterion.id]: deleted.scores[i]!.score };
        return [
          { ...app, criteriaScores, ...deriveScores({ ...app, criteriaScores }, criteria), updatedAt: at },
        ];
      });
      await database.apps.bulkPut(restored);
    }),
  );
}

/**
 * Scores an app on one criterion (1–5), or clears that score (null), and re-derives the app's
 * business and technical scores.
 */
export async function setCriterionScore(
  appId: string,
  criterionId: string,
  score: number | null,
  database: AdoptionDatabase = defaultDb,
): Promise<App> {
  return guardStorage(() =>
    database.transaction('rw', [database.apps, database.criteria], async () => {
      const existing = await database.apps.get(appId);
      if (!existing) throw new RecordNotFoundError('App', appId);
      if (!(await database.criteria.get(criterionId)))
        throw new RecordNotFoundError('Criterion', criterionId);
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
      await database.apps.put(app);
      return app;
    }),
  );
}

// ---------------------------------------------------------------------------------------------
// Import

/** Thrown when the user cancels an import: the transaction rolls back and nothing is written. */
export class ImportCanceledError extends Error {
  constructor() {
    super('The import was canceled. Nothing was changed.');
    // Not 'AbortError': Dexie would turn a DOM exception name into its own error type.
    this.name = 'ImportCanceledError';
  }
}

export interface ImportProgress {
  done: number;
  total: number;
}

export interface ApplyImportOptions {
  onProgress?: ((progress: ImportProgress) => void) | undefined;
  signal?: AbortSignal | undefined;
  /** Records written per step; progress is reported and cancel checked between steps. */
  chunkSize?: number | undefined;
}

async function findTeamByName(database: AdoptionDatabase, name: string): Promise<Team | undefined> {
  const key = nameKey(name);
  return database.teams.filter((t) => nameKey(t.name) === key).first();
}

/** A stored app's field as the import form names it, for rejected rows ("Business value", not "businessScore"). */
const IMPORT_FIELD_LABELS: Record<string, string> = {
  ...Object.fromEntries(APP_IMPORT_FIELDS.map((f) => [f.field, f.label])),
  teamId: 'Team',
};

/**
 * Writes an import plan: creates the teams it names (as product teams), creates the new apps and
 * updates the matched ones (keeping every field the file did not provide: importRecordPatch), all
 * in ONE transaction over apps and teams. Every record is validated before anything is written;
 * a record that fails goes to the result's rejected rows with its location instead. Cancel (the
 * signal) or any error rolls the whole import back: nothing is written.
 */
export async function applyImport(
  plan: ImportPlan,
  options: ApplyImportOptions = {},
  database: AdoptionDatabase = defaultDb,
): Promise<ImportResult> {
  const { onProgress, signal, chunkSize = 500 } = options;
  if (signal?.aborted) throw new ImportCanceledError();
  const total = plan.creates.length + plan.updates.length;
  return guardStorage(() =>
    database.transaction('rw', [database.apps, database.teams], async () => {
      const rejected: RejectedRow[] = [...plan.rejected];
      const at = new Date().toISOString();

      // Teams: reuse any of the same name (case-insensitive, as planImport compares), create the rest.
      const teamIds = new Map<string, string>();
      for (const team of await database.teams.toArray()) teamIds.set(nameKey(team.name), team.id);
      const teamProblems = new Map<string, string>();
      const newTeams: Team[] = [];
      const named = [
        ...plan.teamsToCreate,
        ...plan.creates.map((r) => r.teamName),
        ...plan.updates.map((u) => u.record.teamName),
      ];
      for (const name of named) {
        if (!name?.trim() || teamIds.has(nameKey(name)) || teamProblems.has(nameKey(name))) continue;
        const parsed = teamInputSchema.safeParse({ name, kind: 'product' });
        if (!parsed.success) {
          teamProblems.set(nameKey(name), parsed.error.issues[0]?.message ?? 'Team name is not valid');
          continue;
        }
        const team = { ...parsed.data, id: newId(), createdAt: at, updatedAt: at } as Team;
        teamIds.set(nameKey(name), team.id);
        newTeams.push(team);
      }

      const reject = (record: LocatedImportRecord, error: unknown) => {
        if (error instanceof ValidationError) {
          for (const p of error.problems) {
            rejected.push({
              location: record.location,
              field: IMPORT_FIELD_LABELS[p.field] ?? p.field,
              problem: p.message,
            });
          }
        } else {
          rejected.push({ location: record.location, field: '', problem: describeError(error) });
        }
      };
      /** The record's team id; throws (rejecting the record) when its team name cannot be a team. */
      const teamIdOf = (record: LocatedImportRecord): string | null => {
        if (!record.teamName?.trim()) return null;
        const problem = teamProblems.get(nameKey(record.teamName));
        if (problem) throw new ValidationError([{ field: 'teamId', message: problem }]);
        return teamIds.get(nameKey(record.teamName)) ?? null;
      };

      const creates: App[] = [];
      for (const record of plan.creates) {
        try {
          creates.push(
            buildRecord(appInputSchema, importRecordInput(record, teamIdOf(record)), 'The app') as App,
          );
        } catch (error) {
          reject(record, error);
        }
      }
      const stored = await database.apps.bulkGet(plan.updates.map((u) => u.id));
      const updates: App[] = [];
      plan.updates.forEach(({ id, record }, i) => {
        try {
          const app = stored[i];
          if (!app) throw new RecordNotFoundError('App', id);
          updates.push(
            buildUpdate(appInputSchema, app, importRecordPatch(record, teamIdOf(record)), 'The app') as App,
          );
        } catch (error) {
          reject(record, error);
        }
      });

      // A team is created when an imported app uses it, or when the file declares it without any
      // app naming it (a Backstage Group); not when only rejected records name it.
      const namedByRecords = new Set(
        [...plan.creates, ...plan.updates.map((u) => u.record)].flatMap((r) =>
          r.teamName ? [nameKey(r.teamName)] : [],
        ),
      );
      const used = new Set([...creates, ...updates].map((a) => a.teamId));
      const teamsWritten = newTeams.filter((t) => used.has(t.id) || !namedByRecords.has(nameKey(t.name)));
      await database.teams.bulkAdd(teamsWritten);

      const writes = [...creates, ...updates];
      let done = total - writes.length; // rejected records are handled too
      onProgress?.({ done, total });
      for (let start = 0; start < writes.length; start += chunkSize) {
        if (signal?.aborted) throw new ImportCanceledError();
        const chunk = writes.slice(start, start + chunkSize);
        await database.apps.bulkPut(chunk);
        done += chunk.length;
        onProgress?.({ done, total });
      }
      // The last check: a cancel during the last write still rolls everything back.
      if (signal?.aborted) throw new ImportCanceledError();

      return {
        created: creates.length,
        updated: updates.length,
        skipped: plan.skipped,
        rejected,
        teamsCreated: teamsWritten.length,
      };
    }),
  );
}
