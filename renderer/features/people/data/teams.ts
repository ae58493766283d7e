/**
 * The People area's writes on teams: create and edit (a name no other team has, compared as
 * imports compare names: any case, any spacing), and delete with Undo. A team that still has
 * people or apps is deleted only when the user agrees to leave them without a team; a team that
 * pairing sessions, assignments, blockers or toil audits name is kept, because those records are
 * the program's history.
 */
import { teamInputSchema, ValidationError, type Team, type TeamInput } from '../../../../shared/domain';
import { nameKey } from '../../../../shared/import/apps/records';
import type { DataTableName } from '../../../../shared/schema/tables';
import { recordChanges, type ChangeSet } from '../../../db/changes';
import { db as defaultDb, type AdoptionDatabase } from '../../../db/database';
import {
  buildRecord,
  buildUpdate,
  overlayEdit,
  RecordNotFoundError,
  writeTransaction,
} from '../../../db/repository';
import { countLinks, describeLinks, referringTables, type LinkCount } from './links';

/** Records a team's delete leaves without a team when the user agrees: its people and its apps. */
const MEMBER_TABLES: readonly DataTableName[] = ['people', 'apps'];
/** Every table that refers to teams: a delete reads and may change them in its one transaction. */
const TEAM_REFERRERS = referringTables('teams');

/** The team's delete was refused: records of the program's history name it. */
export class TeamInUseError extends Error {
  constructor(
    readonly team: Team,
    readonly links: readonly LinkCount[],
  ) {
    const one = links.length === 1 && links[0]!.count === 1;
    super(
      `${team.name} cannot be deleted: ${describeLinks(links)} ${one ? 'refers' : 'refer'} to it and ${one ? 'keeps' : 'keep'} it in the program's history. Rename the team instead.`,
    );
    this.name = 'TeamInUseError';
  }
}

/** The team has people or apps: nothing was deleted; ask the user whether to leave them without a team. */
export class TeamHasMembersError extends Error {
  constructor(
    readonly team: Team,
    readonly links: readonly LinkCount[],
  ) {
    super(`${team.name} has ${describeLinks(links)}.`);
    this.name = 'TeamHasMembersError';
  }
}

/** A team of this name other than `exceptId`, compared without case or extra spaces. */
export async function findTeamNamed(
  database: AdoptionDatabase,
  name: string,
  exceptId?: string,
): Promise<Team | undefined> {
  const key = nameKey(name);
  return database.teams.filter((t) => t.id !== exceptId && nameKey(t.name) === key).first();
}

async function assertUniqueName(database: AdoptionDatabase, name: string, exceptId?: string) {
  const other = await findTeamNamed(database, name, exceptId);
  if (other) {
    throw new ValidationError(
      [{ field: 'name', message: `A team named “${other.name}” already exists` }],
      'The team',
    );
  }
}

export interface SaveTeamRequest {
  /** The team to update; a new team when absent. */
  id?: string | undefined;
  input: TeamInput | Partial<TeamInput>;
  /** For an edit form: the changed fields' values when it opened (refused when changed since). */
  expected?: Partial<TeamInput> | undefined;
}

/** Creates or updates a team; a name another team has is refused at the name field. */
export async function saveTeam(
  request: SaveTeamRequest,
  database: AdoptionDatabase = defaultDb,
): Promise<Team> {
  const { id } = request;
  return writeTransaction(database, ['teams'], async () => {
    const existing = id === undefined ? undefined : await database.teams.get(id);
    if (id !== undefined && !existing) throw new RecordNotFoundError('Team', id);
    if (!existing) {
      const record = buildRecord(teamInputSchema, request.input, 'The team') as Team;
      await assertUniqueName(database, record.name);
      await database.teams.add(record);
      return record;
    }
    const input = overlayEdit(existing, request.input, request.expected, 'The team');
    const record = buildUpdate(teamInputSchema, existing, input, 'The team') as Team;
    await assertUniqueName(database, record.name, record.id);
    await database.teams.put(record);
    return record;
  });
}

export function createTeam(input: TeamInput, database: AdoptionDatabase = defaultDb): Promise<Team> {
  return saveTeam({ input }, database);
}

export interface DeleteTeamOptions {
  /**
   * What to do when the team still has people or apps: 'ask' refuses with a TeamHasMembersError
   * (nothing written) so the screen can ask; 'unlink' leaves them without a team.
   */
  members: 'ask' | 'unlink';
}

export interface DeletedTeam {
  team: Team;
  /** The people and apps left without a team. */
  unlinked: LinkCount[];
  undo: ChangeSet;
}

/**
 * Deletes a team in one transaction, leaving its people and apps without a team when allowed
 * (see DeleteTeamOptions); refused with a TeamInUseError when history records name it. `undo`
 * puts the team back and its people and apps in it again.
 */
export async function deleteTeam(
  id: string,
  options: DeleteTeamOptions,
  database: AdoptionDatabase = defaultDb,
): Promise<DeletedTeam> {
  const { result, undo } = await recordChanges(
    database,
    ['teams', ...TEAM_REFERRERS.map((r) => r.table)],
    (r: Omit<DeletedTeam, 'undo'>) => `Deleted the team ${r.team.name}`,
    async (writer) => {
      const team = await database.teams.get(id);
      if (!team) throw new RecordNotFoundError('Team', id);
      const links = await countLinks(database, 'teams', id);
      const history = links.filter((l) => !MEMBER_TABLES.includes(l.table));
      if (history.length > 0) throw new TeamInUseError(team, history);
      if (links.length > 0 && options.members === 'ask') throw new TeamHasMembersError(team, links);
      const at = new Date().toISOString();
      for (const { table, ids } of links) {
        const records = (await database.table(table).bulkGet(ids)) as (
          { id: string; teamId: string | null } | undefined
        )[];
        await writer.put(
          table,
          records.flatMap((r) => (r ? [{ ...r, teamId: null, updatedAt: at } as never] : [])),
        );
      }
      await writer.delete('teams', [id]);
      return { team, unlinked: links };
    },
  );
  return { ...result, undo };
}
