/**
 * The Pairing area's writes on pairing sessions: log one, edit one (only the fields the user
 * changed, refused when another window changed them meanwhile), delete one (undoable). Each
 * validates with the session schema, works out the session's cycle from its date, and writes in
 * one transaction through recordChanges, which keeps the hours totals up to date in that same
 * transaction (renderer/db/derived.ts).
 */
import {
  cycleContaining,
  formatDuration,
  formatIsoDate,
  pairingSessionInputSchema,
  ValidationError,
  type Cycle,
  type IsoDate,
  type PairingSession,
  type PairingSessionInput,
} from '../../../../shared/domain';
import { recordChanges, type ChangeSet } from '../../../db/changes';
import { db as defaultDb, type AdoptionDatabase } from '../../../db/database';
import { buildRecord, buildUpdate, overlayEdit, RecordNotFoundError } from '../../../db/repository';

const WHAT = 'The session';

/** What a session's form gives: everything but its cycle, which follows from its date. */
export type SessionInput = Omit<PairingSessionInput, 'cycleId'>;

export interface SavedSession {
  session: PairingSession;
  /** The cycle its date falls in, if any. */
  cycle: Cycle | null;
  /** Its date falls in a closed cycle: allowed (sessions are logged late), but said so. */
  inClosedCycle: boolean;
  undo: ChangeSet;
}

/** "12 Jun 2026, 1 h 30 min": how a session is named in messages. */
export function sessionLabel(session: Pick<PairingSession, 'date' | 'durationMinutes'>): string {
  return `${formatIsoDate(session.date)}, ${formatDuration(session.durationMinutes)}`;
}

async function cycleOf(database: AdoptionDatabase, date: IsoDate): Promise<Cycle | null> {
  return cycleContaining(await database.cycles.toArray(), date) ?? null;
}

/** What the schema cannot see: an unknown person, or the person among their own partners. */
function peopleProblems(
  session: Pick<PairingSession, 'personId' | 'partnerIds'>,
  isPerson: (id: string) => boolean,
) {
  const problems = [];
  if (!isPerson(session.personId))
    problems.push({ field: 'personId', message: 'Who paired is not a known person: choose someone' });
  if (session.partnerIds.includes(session.personId)) {
    problems.push({
      field: 'partnerIds',
      message: 'Partners: the person who paired cannot be their own partner',
    });
  } else if (!session.partnerIds.every(isPerson)) {
    problems.push({ field: 'partnerIds', message: 'Partners: one of them is not a known person any more' });
  }
  return problems;
}

/** Refuses an unknown person, or the person among their own partners. */
async function checkPeople(
  database: AdoptionDatabase,
  session: Pick<PairingSession, 'personId' | 'partnerIds'>,
) {
  const ids = [session.personId, ...session.partnerIds];
  const found = await database.people.bulkGet(ids);
  const known = new Set(ids.filter((_, i) => found[i]));
  const problems = peopleProblems(session, (id) => known.has(id));
  if (problems.length > 0) throw new ValidationError(problems, WHAT);
}

/**
 * A session as {@link logSession} will store it, checked without the database (what quick entry
 * shows at once, before the write): the schema, who paired and their partners against
 * `isPerson` (the people it has read), and its cycle from its date among `cycles`. Throws a
 * ValidationError naming the fields. Store it with `logSession(input, database, { id })`, which
 * checks everything again.
 */
export function prepareSession(
  input: SessionInput,
  cycles: readonly Cycle[],
  isPerson: (id: string) => boolean,
): PairingSession {
  const draft = buildRecord(pairingSessionInputSchema, { ...input, cycleId: null }, WHAT) as PairingSession;
  const problems = peopleProblems(draft, isPerson);
  if (problems.length > 0) throw new ValidationError(problems, WHAT);
  return { ...draft, cycleId: cycleContaining(cycles, draft.date)?.id ?? null };
}

function saved(session: PairingSession, cycle: Cycle | null, undo: ChangeSet): SavedSession {
  return { session, cycle, inClosedCycle: cycle?.status === 'closed', undo };
}

/**
 * Logs a session; its cycle is the one its date falls in. `id`: the id it gets (the one
 * {@link prepareSession} gave the session shown before it was stored); a new one by default.
 */
export async function logSession(
  input: SessionInput,
  database: AdoptionDatabase = defaultDb,
  { id }: { id?: string } = {},
): Promise<SavedSession> {
  const { result, undo } = await recordChanges(
    database,
    ['pairingSessions', 'cycles', 'people'],
    (r: { session: PairingSession }) => `Logged the session of ${sessionLabel(r.session)}`,
    async (writer) => {
      const built = buildRecord(
        pairingSessionInputSchema,
        { ...input, cycleId: null },
        WHAT,
      ) as PairingSession;
      const draft = id === undefined ? built : { ...built, id };
      await checkPeople(database, draft);
      const cycle = await cycleOf(database, draft.date);
      const session = { ...draft, cycleId: cycle?.id ?? null };
      await writer.add('pairingSessions', [session]);
      return { session, cycle };
    },
  );
  return saved(result.session, result.cycle, undo);
}

/**
 * Saves a session's form: `patch` holds the fields the user changed, `expected` their values
 * when the form opened (EditConflictError, nothing written, when one was changed elsewhere
 * since). A new date moves the session to the cycle that date falls in.
 */
export async function editSession(
  id: string,
  patch: Partial<SessionInput>,
  expected: Partial<SessionInput> | undefined,
  database: AdoptionDatabase = defaultDb,
): Promise<SavedSession> {
  const { result, undo } = await recordChanges(
    database,
    ['pairingSessions', 'cycles', 'people'],
    (r: { session: PairingSession }) => `Edited the session of ${sessionLabel(r.session)}`,
    async (writer) => {
      const existing = await database.pairingSessions.get(id);
      if (!existing) throw new RecordNotFoundError('Pairing session', id);
      const merged = overlayEdit(existing, patch, expected, WHAT);
      const next = buildUpdate(pairingSessionInputSchema, existing, merged, WHAT) as PairingSession;
      await checkPeople(database, next);
      const cycle = await cycleOf(database, next.date);
      // A session outside every cycle keeps the one it had only while its date stays the same.
      const cycleId = cycle?.id ?? (next.date === existing.date ? existing.cycleId : null);
      const session = { ...next, cycleId };
      await writer.put('pairingSessions', [session]);
      return { session, cycle };
    },
  );
  return saved(result.session, result.cycle, undo);
}

/** Deletes a session; `undo` puts it back as it was (and its hours with it). */
export async function deleteSession(
  id: string,
  database: AdoptionDatabase = defaultDb,
): Promise<{ session: PairingSession; undo: ChangeSet }> {
  const { result, undo } = await recordChanges(
    database,
    ['pairingSessions'],
    (session: PairingSession) => `Deleted the session of ${sessionLabel(session)}`,
    async (writer) => {
      const existing = await database.pairingSessions.get(id);
      if (!existing) throw new RecordNotFoundError('Pairing session', id);
      await writer.delete('pairingSessions', [id]);
      return existing;
    },
  );
  return { session: result, undo };
}
