/**
 * The People area's writes on people: create and edit (team, roles, whether they can seed
 * others, the day they left), and delete with Undo. A person whose pairing sessions,
 * assignments or blockers refer to them is not deleted: the user is asked, and may keep them
 * marked as left — the records keep pointing at them, so every list still reads their name and
 * the seeding lineage stays whole — or cancel.
 */
import {
  isoDateSchema,
  personInputSchema,
  ROLES,
  validate,
  ValidationError,
  type IsoDate,
  type Person,
  type PersonInput,
} from '../../../../shared/domain';
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

/** Every table that refers to people: a delete counts them in its one transaction. */
const PERSON_REFERRERS = referringTables('people');

/** Records refer to the person: nothing was written; ask whether to keep them as left. */
export class PersonHasRecordsError extends Error {
  constructor(
    readonly person: Person,
    readonly links: readonly LinkCount[],
  ) {
    super(`${person.name} has ${describeLinks(links)}.`);
    this.name = 'PersonHasRecordsError';
  }
}

export interface SavePersonRequest {
  /** The person to update; a new person when absent. */
  id?: string | undefined;
  input: PersonInput | Partial<PersonInput>;
  /** For an edit form: the changed fields' values when it opened (refused when changed since). */
  expected?: Partial<PersonInput> | undefined;
}

/** Creates or updates a person; a team that no longer exists is refused at the team field. */
export async function savePerson(
  request: SavePersonRequest,
  database: AdoptionDatabase = defaultDb,
): Promise<Person> {
  const { id } = request;
  return writeTransaction(database, ['people', 'teams'], async () => {
    const existing = id === undefined ? undefined : await database.people.get(id);
    if (id !== undefined && !existing) throw new RecordNotFoundError('Person', id);
    const input = existing
      ? overlayEdit(existing, request.input, request.expected, 'The person')
      : { ...request.input };
    // Each role once, in the role list's order, whatever order the form or file sent.
    const roles = Array.isArray(input.roles)
      ? [...ROLES.filter((r) => input.roles!.includes(r)), ...input.roles.filter((r) => !ROLES.includes(r))]
      : input.roles;
    const record = (
      existing
        ? buildUpdate(personInputSchema, existing, { ...input, roles }, 'The person')
        : buildRecord(personInputSchema, { ...input, roles }, 'The person')
    ) as Person;
    if (record.teamId && !(await database.teams.get(record.teamId))) {
      throw new ValidationError(
        [{ field: 'teamId', message: 'This team no longer exists (it may have been deleted)' }],
        'The person',
      );
    }
    await database.people.put(record);
    return record;
  });
}

export function createPerson(input: PersonInput, database: AdoptionDatabase = defaultDb): Promise<Person> {
  return savePerson({ input }, database);
}

export interface DeletePersonOptions {
  /**
   * When records refer to the person: 'ask' refuses with a PersonHasRecordsError (nothing
   * written) so the screen can ask; 'keep' keeps the person, marked as left on `today`.
   */
  records: 'ask' | 'keep';
  /** The day a kept person is marked as having left. */
  today: IsoDate;
}

export interface DeletedPerson {
  person: Person;
  /** 'deleted', or 'left' when records refer to them and they were kept, marked as left. */
  outcome: 'deleted' | 'left';
  /** The records that refer to the person (none when deleted). */
  links: LinkCount[];
  undo: ChangeSet;
}

/**
 * Deletes a person in one transaction, or keeps them marked as left when records refer to them
 * and the user agreed (see DeletePersonOptions). A person who has already left keeps the day they
 * left. `undo` puts the person back as they were.
 */
export async function deletePerson(
  id: string,
  options: DeletePersonOptions,
  database: AdoptionDatabase = defaultDb,
): Promise<DeletedPerson> {
  const today = validate(isoDateSchema('Today'), options.today, 'The person');
  const { result, undo } = await recordChanges(
    database,
    ['people', ...PERSON_REFERRERS.map((r) => r.table)],
    (r: Omit<DeletedPerson, 'undo'>) =>
      r.outcome === 'deleted' ? `Deleted ${r.person.name}` : `Marked ${r.person.name} as left`,
    async (writer) => {
      const person = await database.people.get(id);
      if (!person) throw new RecordNotFoundError('Person', id);
      const links = await countLinks(database, 'people', id);
      if (links.length === 0) {
        await writer.delete('people', [id]);
        return { person, outcome: 'deleted' as const, links };
      }
      if (options.records === 'ask') throw new PersonHasRecordsError(person, links);
      if (person.leftOn) return { person, outcome: 'left' as const, links };
      const kept = buildUpdate(personInputSchema, person, { leftOn: today }, 'The person') as Person;
      await writer.put('people', [kept]);
      return { person: kept, outcome: 'left' as const, links };
    },
  );
  return { ...result, undo };
}
