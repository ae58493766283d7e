/**
 * Planning a teams or people import against what is stored (matching.ts: by name, any case or
 * spacing; later rows with a name already in the file are rejected, naming the first), and what a
 * planned row writes over a stored record: an import never blanks a stored value, so an empty
 * cell leaves the field as it is.
 *
 * A people file may name teams that do not exist yet. The plan lists them with how many rows name
 * each; when the user agrees to create them they are created with the import, otherwise the rows
 * that name them are rejected, each saying so. Pure, so the preview shows exactly what the import
 * will do.
 */
import type { PersonInput, TeamInput, TeamKind } from '../../domain/people';
import { nameKey } from '../apps/records';
import type { Located, ParsedRecords, RecordPlan } from '../definition';
import { planRecords } from '../matching';
import {
  peopleImport,
  teamsImport,
  type PersonImportRow,
  type StoredNamed,
  type TeamImportRow,
} from './definition';

/** Plans a teams file against the stored teams. */
export function planTeamsImport(
  stored: readonly StoredNamed[],
  parsed: ParsedRecords<TeamImportRow>,
): RecordPlan<TeamImportRow> {
  return planRecords(teamsImport, stored, parsed);
}

/** A team the people file names that does not exist yet, spelled as first named, with how many kept rows name it. */
export interface UnknownTeam {
  name: string;
  rows: number;
}

export interface PeopleImportPlan extends RecordPlan<PersonImportRow> {
  /** Every team the file names that does not exist, in file order. */
  unknownTeams: UnknownTeam[];
  /** The unknown teams the import creates: all of them when agreed, else none. */
  teamsToCreate: UnknownTeam[];
  /** The kind of the teams it creates. */
  newTeamKind: TeamKind;
}

export interface PeoplePlanOptions {
  /** Create the teams the file names that do not exist; otherwise reject the rows naming them. */
  createTeams: boolean;
  newTeamKind: TeamKind;
}

/** Plans a people file against the stored people and teams (see the module comment). */
export function planPeopleImport(
  stored: { people: readonly StoredNamed[]; teams: readonly StoredNamed[] },
  parsed: ParsedRecords<PersonImportRow>,
  options: PeoplePlanOptions,
): PeopleImportPlan {
  const plan = planRecords(peopleImport, stored.people, parsed);
  const known = new Set(stored.teams.map((t) => nameKey(t.name)));
  const unknown = new Map<string, UnknownTeam>();
  const unknownOf = (record: PersonImportRow) => {
    const team = record.teamName?.trim();
    return team && !known.has(nameKey(team)) ? team : null;
  };
  const kept = [...plan.creates, ...plan.updates.map((u) => u.record)].sort(
    (a, b) => rowNumber(a.location) - rowNumber(b.location),
  );
  for (const record of kept) {
    const team = unknownOf(record);
    if (team === null) continue;
    const entry = unknown.get(nameKey(team));
    if (entry) entry.rows++;
    else unknown.set(nameKey(team), { name: team, rows: 1 });
  }
  const unknownTeams = [...unknown.values()];
  if (options.createTeams || unknownTeams.length === 0) {
    return { ...plan, unknownTeams, teamsToCreate: unknownTeams, newTeamKind: options.newTeamKind };
  }
  const refuse = (record: Located<PersonImportRow>) => unknownOf(record) !== null;
  const rejected = [
    ...plan.rejected,
    ...kept.filter(refuse).map((record) => ({
      location: record.location,
      field: 'Team',
      problem: `“${unknownOf(record)}” is not a team yet; choose to create the teams the file names, or add the team first`,
    })),
  ];
  return {
    ...plan,
    creates: plan.creates.filter((r) => !refuse(r)),
    updates: plan.updates.filter((u) => !refuse(u.record)),
    rejected,
    unknownTeams,
    teamsToCreate: [],
    newTeamKind: options.newTeamKind,
  };
}

/** 7 for "Row 7": to keep file order across creates and updates. */
function rowNumber(location: string): number {
  const n = /(\d+)/.exec(location);
  return n ? Number(n[1]) : 0;
}

/** A new team from a teams file's row. */
export function teamRowInput(row: TeamImportRow): TeamInput {
  return { name: row.name.trim(), kind: row.kind ?? 'product', notes: row.notes };
}

/** What a teams file's row changes on a stored team: the name's spelling, and the kind and notes it gives. */
export function teamRowPatch(row: TeamImportRow): Partial<TeamInput> {
  const patch: Partial<TeamInput> = { name: row.name.trim() };
  if (row.kind !== undefined) patch.kind = row.kind;
  if (row.notes.trim() !== '') patch.notes = row.notes;
  return patch;
}

/** A new person from a people file's row; `teamId` is their team's id (stored or just created). */
export function personRowInput(row: PersonImportRow, teamId: string | null): PersonInput {
  return {
    name: row.name.trim(),
    teamId,
    roles: row.roles ?? [],
    canSeed: row.canSeed ?? false,
    notes: row.notes,
  };
}

/** What a people file's row changes on a stored person: only what its cells give. */
export function personRowPatch(row: PersonImportRow, teamId: string | null): Partial<PersonInput> {
  const patch: Partial<PersonInput> = { name: row.name.trim() };
  if (teamId) patch.teamId = teamId;
  if (row.roles !== undefined && row.roles.length > 0) patch.roles = row.roles;
  if (row.canSeed !== undefined) patch.canSeed = row.canSeed;
  if (row.notes.trim() !== '') patch.notes = row.notes;
  return patch;
}
