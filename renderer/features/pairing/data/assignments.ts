/**
 * The Pairing area's writes on assignments (a person placed with a team or app, pairing or
 * seeding): create, edit (only the changed fields, refused when changed elsewhere meanwhile),
 * delete (undoable). Besides the schema's own rules (a target, an end not before the start),
 * an assignment that would put its person in two places at once is refused with a message at
 * the person field; nothing is written then.
 */
import {
  assignmentInputSchema,
  formatIsoDate,
  twoPlacesConflicts,
  ValidationError,
  type Assignment,
  type AssignmentInput,
} from '../../../../shared/domain';
import { recordChanges, type ChangeSet } from '../../../db/changes';
import { db as defaultDb, type AdoptionDatabase } from '../../../db/database';
import { buildRecord, buildUpdate, overlayEdit, RecordNotFoundError } from '../../../db/repository';

const WHAT = 'The assignment';
const TABLES = ['assignments', 'people', 'teams', 'apps'] as const;

async function placeName(database: AdoptionDatabase, a: Assignment): Promise<string> {
  if (a.targetTeamId) return (await database.teams.get(a.targetTeamId))?.name ?? 'a deleted team';
  if (a.appId) return (await database.apps.get(a.appId))?.name ?? 'a deleted app';
  return 'no team';
}

function when(a: Pick<Assignment, 'startDate' | 'endDate'>): string {
  return a.endDate
    ? `from ${formatIsoDate(a.startDate)} to ${formatIsoDate(a.endDate)}`
    : `from ${formatIsoDate(a.startDate)} on`;
}

/** Refuses an unknown person, and a person the assignment would put in two places at once; returns the person's name. */
async function checkAssignment(database: AdoptionDatabase, assignment: Assignment): Promise<string> {
  const person = await database.people.get(assignment.personId);
  if (!person) {
    throw new ValidationError([{ field: 'personId', message: 'Person: choose someone who exists' }], WHAT);
  }
  const theirs = await database.assignments.where('personId').equals(assignment.personId).toArray();
  const clash = twoPlacesConflicts(assignment, theirs)[0];
  if (clash) {
    const seeding = clash.kind === 'seeding' ? clash : assignment;
    const why =
      seeding === clash
        ? 'a seeder stays with one team for the whole assignment'
        : 'as a seeder they stay with one team for the whole assignment';
    throw new ValidationError(
      [
        {
          field: 'personId',
          message: `${person.name} would be in two places at once: already ${clash.kind} with ${await placeName(database, clash)} ${when(clash)}, and ${why}`,
        },
      ],
      WHAT,
    );
  }
  return person.name;
}

/** "Ana Lima seeding with Payments": how an assignment is named in messages. */
async function describe(database: AdoptionDatabase, a: Assignment, person: string): Promise<string> {
  return `${person} ${a.kind} with ${await placeName(database, a)}`;
}

/** Creates an assignment. */
export async function createAssignment(
  input: AssignmentInput,
  database: AdoptionDatabase = defaultDb,
): Promise<{ assignment: Assignment; undo: ChangeSet }> {
  const { result, undo } = await recordChanges(
    database,
    TABLES,
    (r: { label: string }) => `Assigned ${r.label}`,
    async (writer) => {
      const assignment = buildRecord(assignmentInputSchema, input, WHAT) as Assignment;
      const person = await checkAssignment(database, assignment);
      await writer.add('assignments', [assignment]);
      return { assignment, label: await describe(database, assignment, person) };
    },
  );
  return { assignment: result.assignment, undo };
}

/**
 * Saves an assignment's form: `patch` holds the changed fields, `expected` their values when the
 * form opened (EditConflictError, nothing written, when one was changed elsewhere since).
 */
export async function editAssignment(
  id: string,
  patch: Partial<AssignmentInput>,
  expected: Partial<AssignmentInput> | undefined,
  database: AdoptionDatabase = defaultDb,
): Promise<{ assignment: Assignment; undo: ChangeSet }> {
  const { result, undo } = await recordChanges(
    database,
    TABLES,
    (r: { label: string }) => `Edited the assignment of ${r.label}`,
    async (writer) => {
      const existing = await database.assignments.get(id);
      if (!existing) throw new RecordNotFoundError('Assignment', id);
      const merged = overlayEdit(existing, patch, expected, WHAT);
      const assignment = buildUpdate(assignmentInputSchema, existing, merged, WHAT) as Assignment;
      const person = await checkAssignment(database, assignment);
      await writer.put('assignments', [assignment]);
      return { assignment, label: await describe(database, assignment, person) };
    },
  );
  return { assignment: result.assignment, undo };
}

/** Deletes an assignment; `undo` puts it back. */
export async function deleteAssignment(
  id: string,
  database: AdoptionDatabase = defaultDb,
): Promise<{ assignment: Assignment; undo: ChangeSet }> {
  const { result, undo } = await recordChanges(
    database,
    TABLES,
    (r: { label: string }) => `Deleted the assignment of ${r.label}`,
    async (writer) => {
      const existing = await database.assignments.get(id);
      if (!existing) throw new RecordNotFoundError('Assignment', id);
      const person = (await database.people.get(existing.personId))?.name ?? 'a deleted person';
      await writer.delete('assignments', [id]);
      return { assignment: existing, label: await describe(database, existing, person) };
    },
  );
  return { assignment: result.assignment, undo };
}
