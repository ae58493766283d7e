/**
 * The program: the Plan area's writes on it. Creating it also creates cycle 0 (the initial phase)
 * and the default feasibility criteria, in one transaction.
 */
import {
  cycleInputSchema,
  programInputSchema,
  proposeNextCycle,
  validate,
  type Cycle,
  type Program,
  type ProgramInput,
} from '../../../../shared/domain';
import { db as defaultDb, type AdoptionDatabase } from '../../../db/database';
import { defaultCriteriaRecords } from '../../../db/workspace';
import {
  buildRecord,
  buildUpdate,
  overlayEdit,
  RecordNotFoundError,
  writeTransaction,
} from '../../../db/repository';
import { PlanRuleError } from './rules';

const PROGRAM = 'The program';
const CYCLE = 'The cycle';

/** The one program, or undefined before the first start has created it. */
export async function getProgram(database: AdoptionDatabase = defaultDb): Promise<Program | undefined> {
  return database.program.toCollection().first();
}

/**
 * Creates the program and, in the same transaction, cycle 0 (the initial phase) starting on the
 * program's start date: the welcome screen's "Create a program". Refused when a program exists.
 */
export async function createProgram(
  input: ProgramInput,
  database: AdoptionDatabase = defaultDb,
): Promise<{ program: Program; initialCycle: Cycle }> {
  const program = buildRecord(programInputSchema, input, PROGRAM);
  return writeTransaction(database, ['program', 'cycles', 'criteria'], async () => {
    if ((await database.program.count()) > 0) {
      throw new PlanRuleError('A program already exists: edit it on the Plan screen instead.');
    }
    await database.program.add(program);
    // Cycles left without a program (e.g. after an interrupted restore) are kept, not doubled.
    let initialCycle = await database.cycles.where('index').equals(0).first();
    if (!initialCycle) {
      initialCycle = buildRecord(cycleInputSchema, proposeNextCycle(program, []), CYCLE);
      await database.cycles.add(initialCycle);
    }
    // A new program starts with the default feasibility criteria (the Apps area scores by them).
    if ((await database.criteria.count()) === 0) await database.criteria.bulkAdd(defaultCriteriaRecords());
    return { program, initialCycle };
  });
}

/**
 * Saves the program: updates the one program, or creates it (with cycle 0) when there is none.
 * Existing cycles keep their dates: a new start date or cycle length shapes the cycles added later.
 */
export async function saveProgram(
  input: ProgramInput | Partial<ProgramInput>,
  database: AdoptionDatabase = defaultDb,
  /**
   * From an edit form: the changed fields' values when it opened. Refused (EditConflictError,
   * nothing written) when the program no longer has them; other fields keep what is stored.
   */
  expected?: Partial<ProgramInput>,
): Promise<Program> {
  // A whole program is validated before looking at the database, so a bad form never opens a
  // transaction; a form's changed fields are validated over the stored program.
  if (!expected) validate(programInputSchema, input, PROGRAM);
  const existing = await getProgram(database);
  if (!existing) return (await createProgram(validate(programInputSchema, input, PROGRAM), database)).program;
  return writeTransaction(database, ['program'], async () => {
    const current = await database.program.get(existing.id);
    if (!current) throw new RecordNotFoundError('Program', existing.id);
    const next = buildUpdate(
      programInputSchema,
      current,
      overlayEdit(current, input, expected, PROGRAM),
      PROGRAM,
    );
    await database.program.put(next);
    return next;
  });
}
