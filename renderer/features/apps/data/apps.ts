/**
 * The Apps area's writes on apps: save from the form (with scores derived from the criteria and
 * an optional new owning team), delete (undoable), move through the pipeline, select into a
 * cycle (undoable), and which golden paths an app uses. Each validates with the domain's zod
 * schemas and runs in one transaction, so a failure leaves the data as it was.
 */
import {
  appInputSchema,
  cycleContaining,
  pipelineDatesSchema,
  problemsFromZod,
  stageTransitionPatch,
  teamInputSchema,
  validate,
  ValidationError,
  type App,
  type AppInput,
  type AppStage,
  type Cycle,
  type IsoDate,
  type PipelineDates,
  type Team,
} from '../../../../shared/domain';
import { nameKey } from '../../../../shared/import/apps/records';
import { recordChanges, type ChangeSet } from '../../../db/changes';
import { db as defaultDb, type AdoptionDatabase } from '../../../db/database';
import {
  buildRecord,
  buildUpdate,
  overlayEdit,
  RecordNotFoundError,
  writeTransaction,
} from '../../../db/repository';
import { deriveScores, knownScores } from './criteria';

/** The stages in which an app is being (or has been) onboarded, and so belongs to a cycle. */
const IN_PIPELINE: readonly AppStage[] = ['selected', 'onboarding', 'on-platform'];

/** A team whose name matches, ignoring case and spacing (as imports compare names). */
export async function findTeamByName(database: AdoptionDatabase, name: string): Promise<Team | undefined> {
  const key = nameKey(name);
  return database.teams.filter((t) => nameKey(t.name) === key).first();
}

export interface SaveAppRequest {
  /** The app to update; a new app when absent. */
  id?: string | undefined;
  /** A new app's values; for an update, the fields to change (all of them without `expected`). */
  input: AppInput | Partial<AppInput>;
  /**
   * For an update from a form: the changed fields' values when the form opened. The save is
   * refused (EditConflictError) when the app no longer has them, and touches no other field.
   */
  expected?: Partial<AppInput> | undefined;
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
  return writeTransaction(database, ['apps', 'teams', 'criteria'], async () => {
    const existing = id === undefined ? undefined : await database.apps.get(id);
    if (id !== undefined && !existing) throw new RecordNotFoundError('App', id);
    let input = (
      existing ? overlayEdit(existing, request.input, request.expected, 'The app') : { ...request.input }
    ) as AppInput;
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
    if (!existing) {
      const record = buildRecord(appInputSchema, input, 'The app') as App;
      await database.apps.add(record);
      return record;
    }
    const record = buildUpdate(appInputSchema, existing, input, 'The app') as App;
    await database.apps.put(record);
    return record;
  });
}

export function createApp(input: AppInput, database: AdoptionDatabase = defaultDb): Promise<App> {
  return saveApp({ input }, database);
}

/** Deletes an app; `undo` puts it back exactly as it was (same id, so links to it work again). */
export async function deleteApp(
  id: string,
  database: AdoptionDatabase = defaultDb,
): Promise<{ app: App; undo: ChangeSet }> {
  const { result, undo } = await recordChanges(
    database,
    ['apps'],
    (app: App) => `Deleted ${app.name}`,
    async (writer) => {
      const existing = await database.apps.get(id);
      if (!existing) throw new RecordNotFoundError('App', id);
      await writer.delete('apps', [id]);
      return existing;
    },
  );
  return { app: result, undo };
}

export interface StageMove {
  app: App;
  /** The cycle the app was put into because it had none (the one running today), if any. */
  assignedCycle: Cycle | null;
}

/**
 * Moves an app to a stage and stamps the date of each step it passes (stageTransitionPatch):
 * with `dates` where the owner gave them (a move that skips steps asks for them), else with
 * today. Given dates must be real days in the pipeline's order, with the app's own dates too;
 * otherwise nothing is written and the ValidationError names the date. An app that enters the
 * pipeline without a cycle joins the cycle running on its selection day (today unless given), so
 * it counts toward that cycle's selection.
 */
export async function moveAppToStage(
  id: string,
  stage: AppStage,
  today: IsoDate,
  database: AdoptionDatabase = defaultDb,
  dates: PipelineDates = {},
): Promise<StageMove> {
  validate(pipelineDatesSchema, dates, 'The move');
  return writeTransaction(database, ['apps', 'cycles'], async () => {
    const existing = await database.apps.get(id);
    if (!existing) throw new RecordNotFoundError('App', id);
    const patch: Partial<AppInput> = stageTransitionPatch(existing, stage, today, dates);
    let assignedCycle: Cycle | null = null;
    if (IN_PIPELINE.includes(stage) && !existing.cycleId) {
      const selectedOn = patch.selectedOn ?? today;
      // A closed cycle is never a target by default (as in Select into cycle): only an open
      // cycle running on the selection day; none is invented when there is none.
      const open = (await database.cycles.toArray()).filter((c) => c.status !== 'closed');
      assignedCycle = cycleContaining(open, selectedOn) ?? null;
      if (assignedCycle) patch.cycleId = assignedCycle.id;
    }
    const app = buildUpdate(appInputSchema, existing, patch, 'The app') as App;
    await database.apps.put(app);
    return { app, assignedCycle };
  });
}

/**
 * Selects apps into a cycle: candidates (and paused or dropped apps picked again) become
 * "selected" with today's date; apps already in the pipeline just move to that cycle.
 * `undo` puts every app back as it was.
 */
export async function selectIntoCycle(
  appIds: readonly string[],
  cycleId: string,
  today: IsoDate,
  database: AdoptionDatabase = defaultDb,
): Promise<{ apps: App[]; undo: ChangeSet }> {
  const { result, undo } = await recordChanges(
    database,
    ['apps', 'cycles'],
    (apps: App[]) => `Selected ${apps.length === 1 ? apps[0]!.name : `${apps.length} apps`} into the cycle`,
    async (writer) => {
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
      await writer.put('apps', updated);
      return updated;
    },
  );
  return { apps: result, undo };
}

/** Sets which golden paths an app uses (from the app's page). */
export async function setAppGoldenPaths(
  appId: string,
  goldenPathIds: readonly string[],
  database: AdoptionDatabase = defaultDb,
): Promise<App> {
  return writeTransaction(database, ['apps', 'goldenPaths'], async () => {
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
  });
}
