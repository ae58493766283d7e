/**
 * The program's cycles: every write the Plan area makes on them. Each function validates first
 * (a ValidationError names the field), then checks the rules that span records (one program,
 * cycle numbers without gaps, one active cycle at a time) and writes inside one Dexie
 * transaction, so a refused or failed write leaves the stored plan exactly as it was.
 *
 * One write reaches outside the cycles table: closing a cycle may carry its unfinished apps over
 * into the next one, which sets those apps' `cycleId` (and nothing else of them) in the same
 * transaction as the close. That hand-over rule belongs to the close, so it lives here rather
 * than in the Apps area.
 *
 * Every function takes the database last, defaulting to the app's, so tests can use their own.
 */
import {
  appInputSchema,
  cycleInputSchema,
  cycleLabel,
  formatIsoDate,
  isoDateSchema,
  isUnfinished,
  newChecklist,
  phaseForIndex,
  proposeNextCycle,
  setChecklistStep as tickChecklistStep,
  validate,
  ValidationError,
  type App,
  type ChecklistItem,
  type Cycle,
  type CycleInput,
  type IsoDate,
} from '../../../../shared/domain';
import { referrersOf } from '../../../../shared/schema/references';
import { RECORD_NAMES } from '../../../../shared/schema/tables';
import { recordChanges, type ChangeSet } from '../../../db/changes';
import { db as defaultDb, type AdoptionDatabase } from '../../../db/database';
import {
  buildRecord,
  buildUpdate,
  overlayEdit,
  RecordNotFoundError,
  writeTransaction,
} from '../../../db/repository';

import { getProgram } from './program';
import { PlanRuleError } from './rules';

const CYCLE = 'The cycle';

function statusProblem(message: string, what: string): ValidationError {
  return new ValidationError([{ field: 'status', message }], what);
}

/** Throws when a cycle other than `exceptId` is active: the plan has one active cycle at a time. */
async function assertNoOtherActive(database: AdoptionDatabase, exceptId: string | null, what: string) {
  const active = await database.cycles.where('status').equals('active').toArray();
  const other = active.find((c) => c.id !== exceptId);
  if (other) {
    throw statusProblem(
      `Only one cycle can be active at a time: ${cycleLabel(other)} is active. Close it first.`,
      what,
    );
  }
}

async function mustGetCycle(database: AdoptionDatabase, id: string): Promise<Cycle> {
  const cycle = await database.cycles.get(id);
  if (!cycle) throw new RecordNotFoundError('Cycle', id);
  return cycle;
}

async function allCycles(database: AdoptionDatabase): Promise<Cycle[]> {
  return database.cycles.orderBy('index').toArray();
}

// ---- cycles ----

/** What "Add cycle" sends: the index defaults to the next one, the phase and checklist follow from it. */
export interface NewCycle {
  index?: number;
  name?: string;
  startDate: IsoDate;
  endDate: IsoDate;
  goalApps: number;
  status?: Cycle['status'];
  retroNotes?: string;
}

/** The fields a cycle's edit form may change; index and phase are fixed once the cycle exists. */
export type CyclePatch = Partial<
  Pick<CycleInput, 'name' | 'startDate' | 'endDate' | 'goalApps' | 'status' | 'retroNotes'>
>;

const PATCHABLE: readonly (keyof CyclePatch)[] = [
  'name',
  'startDate',
  'endDate',
  'goalApps',
  'status',
  'retroNotes',
];

/**
 * Adds the next cycle. Its number must be the next one (cycles are numbered without gaps), its
 * phase follows from the number, and its checklist is that phase's playbook steps, none ticked.
 */
export async function addCycle(input: NewCycle, database: AdoptionDatabase = defaultDb): Promise<Cycle> {
  return writeTransaction(database, ['program', 'cycles'], async () => {
    if ((await database.program.count()) === 0) {
      throw new PlanRuleError('Create the program first: cycles belong to it.');
    }
    const cycles = await allCycles(database);
    const nextIndex = (cycles.at(-1)?.index ?? -1) + 1;
    const index = input.index ?? nextIndex;
    const phase = phaseForIndex(Number.isInteger(index) && index >= 0 ? index : nextIndex);
    const record = buildRecord(
      cycleInputSchema,
      {
        name: '',
        status: 'planned',
        retroNotes: '',
        ...input,
        index,
        phase,
        checklist: newChecklist(phase),
      },
      CYCLE,
    );
    if (cycles.some((c) => c.index === record.index)) {
      throw new ValidationError(
        [{ field: 'index', message: `Cycle number ${record.index} already exists` }],
        CYCLE,
      );
    }
    if (record.index !== nextIndex) {
      throw new ValidationError(
        [{ field: 'index', message: `Cycle number must be ${nextIndex}: cycles are numbered without gaps` }],
        CYCLE,
      );
    }
    if (record.status === 'active') await assertNoOtherActive(database, null, CYCLE);
    await database.cycles.add(record);
    return record;
  });
}

/** Edits a cycle's name, dates, goal, status or retro notes; other keys in the patch are ignored. */
export async function updateCycle(
  id: string,
  patch: CyclePatch,
  database: AdoptionDatabase = defaultDb,
  /**
   * From an edit form: the changed fields' values when it opened. Refused (EditConflictError,
   * nothing written) when the cycle no longer has them.
   */
  expected?: CyclePatch,
): Promise<Cycle> {
  const allowed: CyclePatch = {};
  for (const key of PATCHABLE) {
    if (key in patch) (allowed as Record<string, unknown>)[key] = patch[key];
  }
  return writeTransaction(database, ['cycles'], async () => {
    const existing = await mustGetCycle(database, id);
    const next = buildUpdate(
      cycleInputSchema,
      existing,
      overlayEdit(existing, allowed, expected, cycleLabel(existing)),
      cycleLabel(existing),
    );
    if (next.status === 'active') await assertNoOtherActive(database, id, cycleLabel(existing));
    await database.cycles.put(next);
    return next;
  });
}

/** What may point at a cycle: a cycle something points at cannot be deleted. */
const CYCLE_REFERRERS = referrersOf('cycles');

/**
 * Deletes a cycle. Only the last one can go, so cycle numbers stay continuous; and not while
 * apps, assignments, sessions, blockers or audits refer to it (they would point at nothing).
 */
export async function deleteCycle(id: string, database: AdoptionDatabase = defaultDb): Promise<Cycle> {
  return writeTransaction(database, ['cycles', ...CYCLE_REFERRERS.map((r) => r.table)], async () => {
    const cycle = await mustGetCycle(database, id);
    const last = await database.cycles.orderBy('index').last();
    if (last && last.id !== cycle.id) {
      throw new PlanRuleError(
        `Only the last cycle can be deleted, so cycle numbers stay continuous: ${cycleLabel(cycle)} is not the last (${cycleLabel(last)} is).`,
      );
    }
    const uses: string[] = [];
    for (const { table, ref } of CYCLE_REFERRERS) {
      const count = await database.table(table).where(ref.field).equals(id).count();
      const names = RECORD_NAMES[table];
      if (count > 0) uses.push(`${count} ${count === 1 ? names.one : names.many}`);
    }
    if (uses.length > 0) {
      const one = uses.length === 1 && uses[0]!.startsWith('1 ');
      const list = uses.length === 1 ? uses[0] : `${uses.slice(0, -1).join(', ')} and ${uses.at(-1)}`;
      throw new PlanRuleError(
        `${cycleLabel(cycle)} cannot be deleted while ${list} ${one ? 'refers' : 'refer'} to it: move ${one ? 'it' : 'them'} to another cycle first.`,
      );
    }
    await database.cycles.delete(id);
    return cycle;
  });
}

function findStep(cycle: Cycle, stepId: string): ChecklistItem {
  const item = cycle.checklist.find((i) => i.stepId === stepId);
  if (!item) throw new PlanRuleError(`${cycleLabel(cycle)} has no checklist step ${stepId}.`);
  return item;
}

/** Ticks (stamping `today`) or unticks (clearing the date) one step of a cycle's checklist. */
export async function setChecklistStep(
  cycleId: string,
  stepId: string,
  done: boolean,
  today: IsoDate,
  database: AdoptionDatabase = defaultDb,
): Promise<Cycle> {
  const on = validate(isoDateSchema('Done date'), today, 'The checklist');
  return writeTransaction(database, ['cycles'], async () => {
    const cycle = await mustGetCycle(database, cycleId);
    findStep(cycle, stepId);
    const next = buildUpdate(
      cycleInputSchema,
      cycle,
      { checklist: tickChecklistStep(cycle.checklist, stepId, done, on) },
      cycleLabel(cycle),
    );
    await database.cycles.put(next);
    return next;
  });
}

/** Corrects the date a ticked step was done. */
export async function setChecklistDoneDate(
  cycleId: string,
  stepId: string,
  doneOn: IsoDate,
  database: AdoptionDatabase = defaultDb,
): Promise<Cycle> {
  const on = validate(isoDateSchema('Done date'), doneOn, 'The done date');
  return writeTransaction(database, ['cycles'], async () => {
    const cycle = await mustGetCycle(database, cycleId);
    if (!findStep(cycle, stepId).done) {
      throw new PlanRuleError('Tick the step before giving the date it was done.');
    }
    const checklist = cycle.checklist.map((i) => (i.stepId === stepId ? { ...i, doneOn: on } : i));
    const next = buildUpdate(cycleInputSchema, cycle, { checklist }, cycleLabel(cycle));
    await database.cycles.put(next);
    return next;
  });
}

/** Starts a planned cycle (planned → active) while no other cycle is active. */
export async function startCycle(id: string, database: AdoptionDatabase = defaultDb): Promise<Cycle> {
  return writeTransaction(database, ['cycles'], async () => {
    const cycle = await mustGetCycle(database, id);
    if (cycle.status !== 'planned') {
      throw statusProblem(
        `Only a planned cycle can be started; ${cycleLabel(cycle)} is ${cycle.status}.`,
        cycleLabel(cycle),
      );
    }
    await assertNoOtherActive(database, id, cycleLabel(cycle));
    const next = buildUpdate(cycleInputSchema, cycle, { status: 'active' }, cycleLabel(cycle));
    await database.cycles.put(next);
    return next;
  });
}

export interface HandOverOptions {
  /**
   * Carry the closing cycle's unfinished apps (selected or onboarding) over into the cycle that
   * starts: they keep their stage and dates and count toward the new cycle. Off by default.
   */
  carryOver?: boolean;
}

export interface HandOver {
  closed: Cycle;
  started: Cycle;
  /** True when the next cycle did not exist and was created from the proposal. */
  created: boolean;
  /** The apps carried over into the started cycle (none unless asked for). */
  carried: App[];
  /** Puts the cycles (and the carried apps) back as they were, as one undo. */
  undo: ChangeSet;
}

/**
 * "Close cycle and start next", as one action in one transaction: the active cycle becomes
 * closed and the next one active. When there is no next cycle it is created as "Add cycle" would
 * propose it (starting on the hand-over day). Planned dates are kept: they are the plan, and the
 * plan-versus-actual charts compare against them. A cycle cannot be closed before the day it
 * starts (`today`): that is almost always a click on the wrong cycle.
 *
 * With `carryOver`, the closed cycle's unfinished apps move into the started cycle in the same
 * transaction (only their `cycleId` changes): the one write on apps the Plan area makes. The
 * returned `undo` reverses the whole hand-over, apps included.
 */
export async function closeActiveAndStartNext(
  today: IsoDate,
  options: HandOverOptions = {},
  database: AdoptionDatabase = defaultDb,
): Promise<HandOver> {
  const day = validate(isoDateSchema('Today'), today, 'The hand-over');
  const { result, undo } = await recordChanges(
    database,
    ['program', 'cycles', 'apps'],
    (h: Omit<HandOver, 'undo'>) => `Closed ${cycleLabel(h.closed)} and started ${cycleLabel(h.started)}`,
    async (writer) => {
      const program = await getProgram(database);
      if (!program) throw new PlanRuleError('Create the program first: cycles belong to it.');
      const cycles = await allCycles(database);
      const active = cycles.find((c) => c.status === 'active');
      if (!active) throw new PlanRuleError('No cycle is active: start a cycle first.');
      if (day < active.startDate) {
        throw new PlanRuleError(
          `${cycleLabel(active)} starts on ${formatIsoDate(active.startDate)}: it cannot be closed before it starts. If it really started earlier, change its start date first.`,
        );
      }
      const following = cycles.find((c) => c.index === active.index + 1);
      if (following && following.status !== 'planned') {
        throw new PlanRuleError(
          `${cycleLabel(following)} is ${following.status}, so it cannot be started next. Set it back to planned first.`,
        );
      }
      const closed = buildUpdate(cycleInputSchema, active, { status: 'closed' }, cycleLabel(active));
      await writer.put('cycles', [closed]);
      let started: Cycle;
      if (following) {
        started = buildUpdate(cycleInputSchema, following, { status: 'active' }, cycleLabel(following));
        await writer.put('cycles', [started]);
      } else {
        started = buildRecord(
          cycleInputSchema,
          { ...proposeNextCycle(program, cycles), status: 'active' },
          CYCLE,
        );
        await writer.add('cycles', [started]);
      }
      let carried: App[] = [];
      if (options.carryOver) {
        const unfinished = await database.apps
          .where('cycleId')
          .equals(active.id)
          .filter(isUnfinished)
          .toArray();
        carried = unfinished.map(
          (app) => buildUpdate(appInputSchema, app, { cycleId: started.id }, app.name) as App,
        );
        await writer.put('apps', carried);
      }
      return { closed, started, created: !following, carried };
    },
  );
  return { ...result, undo };
}
