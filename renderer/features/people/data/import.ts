/**
 * Applying a teams or people import (the plans of shared/import/people) to the database: each
 * in ONE transaction, undoable as a whole, with progress and Cancel between chunks. Every record
 * is validated before anything is written, with the same schema as the forms; a record that fails
 * goes to the result's rejected rows with its row and field instead. These are the `apply`
 * commands the import wizard (renderer/ui/import) runs for the People area.
 */
import {
  personInputSchema,
  teamInputSchema,
  ValidationError,
  type Person,
  type Team,
} from '../../../../shared/domain';
import { nameKey } from '../../../../shared/import/apps/records';
import type { Located, RecordPlan } from '../../../../shared/import/definition';
import {
  peopleImport,
  teamsImport,
  type PeopleImportResult,
  type PersonImportRow,
  type TeamImportRow,
} from '../../../../shared/import/people/definition';
import {
  personRowInput,
  personRowPatch,
  teamRowInput,
  teamRowPatch,
  type PeopleImportPlan,
} from '../../../../shared/import/people/plan';
import {
  ImportCanceledError,
  type ImportApplyOptions,
  type ImportResult,
  type RejectedRow,
} from '../../../../shared/import/types';
import { recordChanges, type ChangeSet } from '../../../db/changes';
import { putInChunks } from '../../../db/chunks';
import { db as defaultDb, type AdoptionDatabase } from '../../../db/database';
import { describeError } from '../../../db/errors';
import { buildRecord, buildUpdate, RecordNotFoundError } from '../../../db/repository';

/** A stored field as the import's mapping names it ("Team", not "teamId"). */
const LABELS: Record<string, string> = {
  ...Object.fromEntries([...teamsImport.fields, ...peopleImport.fields].map((f) => [f.field, f.label])),
  teamId: 'Team',
};

/** The rejected rows for a record that could not be built, one per problem. */
function rejection(location: string, error: unknown): RejectedRow[] {
  if (error instanceof ValidationError) {
    return error.problems.map((p) => ({ location, field: LABELS[p.field] ?? p.field, problem: p.message }));
  }
  return [{ location, field: '', problem: describeError(error) }];
}

/**
 * Builds the records of a plan's creates and updates, each with `build`; a record that fails is
 * added to `rejected` with its location.
 */
function buildAll<T, R>(
  plan: RecordPlan<T>,
  stored: (id: string) => R | undefined,
  build: (row: Located<T>, existing: R | undefined) => R,
  rejected: RejectedRow[],
): { creates: R[]; updates: R[] } {
  const creates: R[] = [];
  const updates: R[] = [];
  for (const row of plan.creates) {
    try {
      creates.push(build(row, undefined));
    } catch (error) {
      rejected.push(...rejection(row.location, error));
    }
  }
  for (const { id, record } of plan.updates) {
    try {
      const existing = stored(id);
      if (!existing) throw new RecordNotFoundError('The record', id);
      updates.push(build(record, existing));
    } catch (error) {
      rejected.push(...rejection(record.location, error));
    }
  }
  return { creates, updates };
}

export interface ApplyOptions extends ImportApplyOptions {
  /** Records written per step; progress is reported and cancel checked between steps. */
  chunkSize?: number | undefined;
}

/** Creates the new teams of a teams file and updates the ones it names again; kinds default to product. */
export async function applyTeamsImport(
  plan: RecordPlan<TeamImportRow>,
  options: ApplyOptions = {},
  database: AdoptionDatabase = defaultDb,
): Promise<ImportResult & { undo: ChangeSet }> {
  if (options.signal?.aborted) throw new ImportCanceledError();
  const total = plan.creates.length + plan.updates.length;
  const { result, undo } = await recordChanges(
    database,
    ['teams'],
    (r: ImportResult) => `Imported ${r.created + r.updated} teams`,
    async (writer) => {
      const rejected = [...plan.rejected];
      const stored = new Map(
        (await database.teams.bulkGet(plan.updates.map((u) => u.id))).flatMap((t) => (t ? [[t.id, t]] : [])),
      );
      const { creates, updates } = buildAll<TeamImportRow, Team>(
        plan,
        (id) => stored.get(id),
        (row, existing) =>
          (existing
            ? buildUpdate(teamInputSchema, existing, teamRowPatch(row), 'The team')
            : buildRecord(teamInputSchema, teamRowInput(row), 'The team')) as Team,
        rejected,
      );
      const written = [...creates, ...updates];
      await putInChunks(writer, 'teams', written, { ...options, done: total - written.length, total });
      return { created: creates.length, updated: updates.length, skipped: plan.skipped, rejected };
    },
  );
  return { ...result, undo };
}

/**
 * Creates the new people of a people file and updates the ones it names again, with the teams it
 * names that do not exist yet when the plan creates them (only those an imported person is in).
 */
export async function applyPeopleImport(
  plan: PeopleImportPlan,
  options: ApplyOptions = {},
  database: AdoptionDatabase = defaultDb,
): Promise<PeopleImportResult & { undo: ChangeSet }> {
  if (options.signal?.aborted) throw new ImportCanceledError();
  const total = plan.creates.length + plan.updates.length;
  const { result, undo } = await recordChanges(
    database,
    ['people', 'teams'],
    (r: PeopleImportResult) => `Imported ${r.created + r.updated} people`,
    async (writer) => {
      const rejected = [...plan.rejected];
      const teamIds = new Map((await database.teams.toArray()).map((t) => [nameKey(t.name), t.id]));
      const newTeams = new Map<string, Team>();
      const teamProblems = new Map<string, ValidationError>();
      for (const { name } of plan.teamsToCreate) {
        if (teamIds.has(nameKey(name))) continue;
        try {
          const team = buildRecord(teamInputSchema, { name, kind: plan.newTeamKind }, 'The team') as Team;
          newTeams.set(nameKey(name), team);
          teamIds.set(nameKey(name), team.id);
        } catch (error) {
          if (error instanceof ValidationError) teamProblems.set(nameKey(name), error);
          else throw error;
        }
      }
      /** The row's team id; throws (rejecting the row) when its team cannot be used. */
      const teamIdOf = (row: PersonImportRow): string | null => {
        const name = row.teamName?.trim();
        if (!name) return null;
        const problem = teamProblems.get(nameKey(name));
        if (problem) throw new ValidationError(problem.problems.map((p) => ({ ...p, field: 'teamId' })));
        const id = teamIds.get(nameKey(name));
        if (!id) throw new ValidationError([{ field: 'teamId', message: `“${name}” is not a team yet` }]);
        return id;
      };
      const stored = new Map(
        (await database.people.bulkGet(plan.updates.map((u) => u.id))).flatMap((p) => (p ? [[p.id, p]] : [])),
      );
      const { creates, updates } = buildAll<PersonImportRow, Person>(
        plan,
        (id) => stored.get(id),
        (row, existing) =>
          (existing
            ? buildUpdate(personInputSchema, existing, personRowPatch(row, teamIdOf(row)), 'The person')
            : buildRecord(personInputSchema, personRowInput(row, teamIdOf(row)), 'The person')) as Person,
        rejected,
      );
      const written = [...creates, ...updates];
      // A team is created only when someone imported is in it.
      const used = new Set(written.map((p) => p.teamId));
      const teams = [...newTeams.values()].filter((t) => used.has(t.id));
      await writer.add('teams', teams);
      await putInChunks(writer, 'people', written, { ...options, done: total - written.length, total });
      return {
        created: creates.length,
        updated: updates.length,
        skipped: plan.skipped,
        rejected,
        teamsCreated: teams.length,
      };
    },
  );
  return { ...result, undo };
}
