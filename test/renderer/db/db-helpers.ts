/** Shared by the database tests: a fresh, uniquely named database per test, deleted afterwards. */
import { afterEach, vi } from 'vitest';
import { AdoptionDatabase, DATA_TABLES } from '../../../renderer/db/database';
import { buildRecord } from '../../../renderer/db/repository';
import {
  appInputSchema,
  blockerInputSchema,
  cycleInputSchema,
  newChecklist,
  type App,
  type AppInput,
  type Blocker,
  type BlockerStatusChange,
  type Cycle,
} from '../../../shared/domain';

/** Registers clean-up and returns a factory of fresh databases for the current test file. */
export function freshDatabases(prefix: string): () => AdoptionDatabase {
  const opened: AdoptionDatabase[] = [];
  afterEach(async () => {
    vi.restoreAllMocks();
    for (const d of opened.splice(0)) await d.delete();
  });
  return () => {
    const database = new AdoptionDatabase(`${prefix}-${crypto.randomUUID()}`);
    opened.push(database);
    return database;
  };
}

export const byId = (a: { id: string }, b: { id: string }) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);

/** The database's data tables (or `tables`), each sorted by id, in the shape of a dataset. */
export async function snapshot(
  database: AdoptionDatabase,
  tables: readonly string[] = DATA_TABLES,
): Promise<Record<string, unknown[]>> {
  const out: Record<string, unknown[]> = {};
  for (const name of tables)
    out[name] = ((await database.table(name).toArray()) as { id: string }[]).sort(byId);
  return out;
}

/**
 * A stored app record for tests: the schema's defaults, overridden by `input` (validated like a
 * real write). All share one timestamp, so lists ordered by `updatedAt` keep insertion order.
 */
export function appRecord(
  input: Partial<AppInput> & { name: string },
  at = new Date('2026-01-01T00:00:00Z'),
): App {
  return buildRecord(appInputSchema, input, 'The app', at) as App;
}

/** A stored cycle record for tests: a scaling cycle (the initial phase for index 0), planned, with a fresh checklist. */
export function cycleRecord(input: {
  index: number;
  startDate: string;
  endDate: string;
  name?: string;
}): Cycle {
  const phase = input.index === 0 ? 'initial' : 'scaling';
  return buildRecord(
    cycleInputSchema,
    {
      name: '',
      goalApps: 3,
      status: 'planned',
      checklist: newChecklist(phase),
      retroNotes: '',
      phase,
      ...input,
    },
    'The cycle',
  ) as Cycle;
}

/**
 * A stored blocker record for tests (People & Culture, Skills, hiring, medium), from its dated
 * status changes: its status, opened and resolved dates follow from them.
 */
export function blockerRecord(
  changes: Pick<BlockerStatusChange, 'status' | 'on' | 'note'>[],
  input: { title?: string; appId?: string | null; teamId?: string | null; ownerId?: string | null } = {},
): Blocker {
  const last = changes.at(-1)!;
  return buildRecord(
    blockerInputSchema,
    {
      title: 'A blocker',
      category: 'people-culture',
      subCategory: 'Skills, hiring',
      severity: 'medium',
      status: last.status,
      openedOn: changes[0]!.on,
      resolvedOn: last.status === 'resolved' ? last.on : null,
      statusHistory: changes,
      ...input,
    },
    'The blocker',
  ) as Blocker;
}
