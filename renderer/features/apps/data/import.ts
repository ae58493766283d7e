/**
 * Applying an apps import (CSV or Backstage catalog) to the database: creates the teams it names,
 * creates new apps and updates matched ones, all in ONE transaction; undoable as a whole. This is
 * the `apply` command the import wizard (renderer/ui/import) runs for apps.
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
import { nameKey, type AppImportResult } from '../../../../shared/import/apps/records';
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
      await writer.add('teams', teamsWritten);

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
      };
    },
  );
  return { ...result, undo };
}
