/**
 * Planning an apps import against what is already stored: the general plan (matching.ts with the
 * apps' keys: external id, then name; duplicates in the file rejected), plus the teams the import
 * creates and the stored teams it changes (teams.ts: one team per Group, found by its ref). Pure, so the preview shows exactly what the import will do, and importing the
 * same file twice creates nothing the second time. Also here: what a planned record writes, as a
 * new app (importRecordInput) or over a stored one (importRecordPatch).
 *
 * Matching in words: a record with an external id updates the app with that external id; every
 * other record is matched by name (trimmed, case-insensitive): a record without an external id
 * prefers an app without one, then any app of that name; a record whose external id matched
 * nothing only takes an app of that name that has no external id yet (it links that app), never
 * one linked to another entity. No match: the record creates an app. An app is updated by one
 * record at most. Duplicates within one file (same external id, or same name when there is none):
 * the first occurrence is imported and every later one is rejected, naming the first.
 */
import type { AppInput } from '../../domain/apps';
import type { RecordPlan } from '../definition';
import { planRecords } from '../matching';
import { appsImport, type StoredApp } from './definition';
import { externalKey, type AppImportRecord, type ParsedImport, type TeamImportRecord } from './records';
import { planTeams, type ImportTeam } from './teams';

export { nameKey } from './records';

export type LocatedImportRecord = AppImportRecord & { location: string };

export interface ImportPlan extends RecordPlan<AppImportRecord> {
  /** Names of teams to create, spelled as in the file's first mention. */
  teamsToCreate: string[];
  /** Names (as stored) of the teams the file's Groups rename, describe or link to their ref. */
  teamsToUpdate: string[];
  /** The teams the file declares (its Groups), for the import to plan against the teams as they are then. */
  declaredTeams: TeamImportRecord[];
}

/** Plans `parsed` against the existing apps and teams. See the module comment for the rules. */
export function planImport(
  existing: { apps: readonly StoredApp[]; teams: readonly ImportTeam[] },
  parsed: ParsedImport,
): ImportPlan {
  const plan = planRecords(
    appsImport,
    existing.apps,
    {
      records: parsed.apps,
      rejected: parsed.rejected,
      skipped: parsed.skipped,
      warnings: parsed.warnings ?? [],
      values: parsed.values ?? {},
    },
    {
      // A catalog's duplicate is the same entity: the field to look at is its name.
      duplicateField: (record, field) =>
        /(^|, )Document \d+/.test(record.location)
          ? 'metadata.name'
          : (appsImport.fields.find((f) => f.field === field)?.label ?? field),
    },
  );

  // Teams in file order, and only for records the plan keeps (not rejected duplicates).
  const kept = new Set<AppImportRecord>([...plan.creates, ...plan.updates.map((u) => u.record)]);
  const teams = planTeams(
    existing.teams,
    parsed.teams,
    parsed.apps.filter((record) => kept.has(record)),
  );
  return {
    ...plan,
    teamsToCreate: teams.creates.map((t) => t.name),
    teamsToUpdate: teams.updates.map((t) => t.name),
    declaredTeams: parsed.teams,
  };
}

/**
 * The new app for a record that creates one. `teamId` is the id of the record's team (existing
 * or just created), null when it names none.
 */
export function importRecordInput(record: AppImportRecord, teamId: string | null): AppInput {
  return {
    name: record.name.trim(),
    teamId,
    description: record.description,
    externalId: externalKey(record.externalId),
    lifecycle: record.lifecycle,
    system: record.system,
    stage: record.stage ?? 'candidate',
    businessScore: record.businessScore ?? null,
    technicalScore: record.technicalScore ?? null,
    selectedOn: record.selectedOn ?? null,
    firstDeployOn: record.firstDeployOn ?? null,
    productionOn: record.productionOn ?? null,
  };
}

/**
 * The fields a record writes over an existing app. An import never blanks out a stored value:
 * empty text, null and undefined leave the field as it is; the name (always present) is updated.
 * `teamId` is the record's team, null or undefined when it names none (the team is kept).
 */
export function importRecordPatch(record: AppImportRecord, teamId?: string | null): Partial<AppInput> {
  const patch: Partial<AppInput> = { name: record.name.trim() };
  if (teamId) patch.teamId = teamId;
  const ext = externalKey(record.externalId);
  if (ext !== null) patch.externalId = ext;
  if (record.description.trim() !== '') patch.description = record.description;
  if (record.lifecycle.trim() !== '') patch.lifecycle = record.lifecycle;
  if (record.system.trim() !== '') patch.system = record.system;
  if (record.stage !== undefined) patch.stage = record.stage;
  if (record.businessScore != null) patch.businessScore = record.businessScore;
  if (record.technicalScore != null) patch.technicalScore = record.technicalScore;
  if (record.selectedOn != null) patch.selectedOn = record.selectedOn;
  if (record.firstDeployOn != null) patch.firstDeployOn = record.firstDeployOn;
  if (record.productionOn != null) patch.productionOn = record.productionOn;
  return patch;
}
