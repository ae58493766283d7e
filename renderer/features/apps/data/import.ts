/**
 * Applying an apps import (CSV or Backstage catalog) to the database: creates the teams it names
 * and updates the stored teams its Groups describe (one team per Group, found by its entity ref:
 * shared/import/apps/teams.ts), creates new apps and updates matched ones, all in ONE
 * transaction; undoable as a whole. This is the `apply` command the import wizard
 * (renderer/ui/import) runs for apps.
 */
import {
  appInputSchema,
  newId,
  teamInputSchema,
  ValidationError,
  type App,
  type Team,
} from '../../../../shared/domain';
import { APP_IMPORT_FIELDS } from '../../../../shared/import/apps/definition';
import {
  importRecordInput,
  importRecordPatch,
  type ImportPlan,
  type LocatedImportRecord,
} from '../../../../shared/import/apps/plan';
import type { AppImportResult } from '../../../../shared/import/apps/records';
import { planTeams, type NewTeam } from '../../../../shared/import/apps/teams';
import {
  ImportCanceledError,
  type ImportApplyOptions,
  type RejectedRow,
} from '../../../../shared/import/types';
import { recordChanges, type ChangeSet } from '../../../db/changes';
import { db as defaultDb, type AdoptionDatabase } from '../../../db/database';
import { describeError } from '../../../db/errors';
import { buildRecord, buildUpdate, RecordNotFoundError } from '../../../db/repository';

export { ImportCanceledError } from '../../../../shared/import/types';

export interface ApplyImportOptions extends ImportApplyOptions {
  /** Records written per step; progress is reported and cancel checked between steps. */
  chunkSize?: number | undefined;
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
): Promise<AppImportResult & { undo: ChangeSet }> {
  const { onProgress, signal, chunkSize = 500 } = options;
  if (signal?.aborted) throw new ImportCanceledError();
  const total = plan.creates.length + plan.updates.length;
  const { result, undo } = await recordChanges(
    database,
    ['apps', 'teams'],
    (r: AppImportResult) => `Imported ${r.created + r.updated} apps`,
    async (writer) => {
      const rejected: RejectedRow[] = [...plan.rejected];
      const at = new Date().toISOString();

      // Teams: planned again against the teams as they are now (another window may have added one).
      const records = [...plan.creates, ...plan.updates.map((u) => u.record)];
      const storedTeams = await database.teams.toArray();
      const teamPlan = planTeams(storedTeams, plan.declaredTeams, records);
      const newTeamIds = new Map<NewTeam, string>();
      const teamProblems = new Map<NewTeam, string>();
      const newTeams: { planned: NewTeam; team: Team }[] = [];
      /** Where a team's problem is reported when no record names it: its Group. */
      const teamLocation = (ref: string | null, name: string) => (ref ? `Group ${ref}` : `Team ${name}`);
      for (const planned of teamPlan.creates) {
        const parsed = teamInputSchema.safeParse({
          name: planned.name,
          kind: 'product',
          notes: planned.notes,
          externalRef: planned.externalRef,
        });
        if (!parsed.success) {
          const problem = parsed.error.issues[0]?.message ?? 'Team name is not valid';
          teamProblems.set(planned, problem);
          if (planned.declared)
            rejected.push({ location: teamLocation(planned.externalRef, planned.name), field: '', problem });
          continue;
        }
        const team = { ...parsed.data, id: newId(), createdAt: at, updatedAt: at } as Team;
        newTeamIds.set(planned, team.id);
        newTeams.push({ planned, team });
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
        const team = teamPlan.teamOf(record);
        if (team === null) return null;
        if ('id' in team) return team.id;
        const problem = teamProblems.get(team);
        if (problem) throw new ValidationError([{ field: 'teamId', message: problem }]);
        return newTeamIds.get(team) ?? null;
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

      // A team is created, or a stored one changed, when an imported app is in it or a Group of the
      // file declares it; not when only rejected records name it.
      const used = new Set([...creates, ...updates].map((a) => a.teamId));
      const teamsWritten = newTeams
        .filter(({ planned, team }) => planned.declared || used.has(team.id))
        .map(({ team }) => team);
      await writer.add('teams', teamsWritten);
      const teamChanges: Team[] = [];
      const storedById = new Map(storedTeams.map((t) => [t.id, t]));
      for (const { id, patch, declared } of teamPlan.updates) {
        const team = storedById.get(id);
        if (!team || !(declared || used.has(id))) continue;
        try {
          teamChanges.push(buildUpdate(teamInputSchema, team, patch, 'The team') as Team);
        } catch (error) {
          const location = teamLocation(patch.externalRef ?? team.externalRef, team.name);
          rejected.push({ location, field: '', problem: describeError(error) });
        }
      }
      await writer.put('teams', teamChanges);

      const writes = [...creates, ...updates];
      let done = total - writes.length; // rejected records are handled too
      onProgress?.({ done, total });
      for (let start = 0; start < writes.length; start += chunkSize) {
        if (signal?.aborted) throw new ImportCanceledError();
        const chunk = writes.slice(start, start + chunkSize);
        await writer.put('apps', chunk);
        done += chunk.length;
        onProgress?.({ done, total });
      }
      // The last check: a cancel during the last write still rolls everything back.
      if (signal?.aborted) throw new ImportCanceledError();

      // The warnings of the records written; a record rejected here has its problems instead.
      const rejectedHere = new Set(rejected.map((r) => r.location));
      return {
        created: creates.length,
        updated: updates.length,
        skipped: plan.skipped,
        rejected,
        warnings: (plan.warnings ?? []).filter((w) => !rejectedHere.has(w.location)),
        teamsCreated: teamsWritten.length,
        teamsUpdated: teamChanges.length,
      };
    },
  );
  return { ...result, undo };
}
