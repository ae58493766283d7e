/**
 * The one way records are written: validate the input with its zod schema (errors name the
 * field), stamp id and timestamps, and write inside a Dexie transaction so nothing is saved
 * half-way. Area repositories build on these helpers.
 */
import type { Table } from 'dexie';
import type { z } from 'zod';
import {
  EditConflictError,
  newId,
  nowInstant,
  staleFields,
  validate,
  type BaseRecord,
} from '../../shared/domain';
import { guardStorage } from './errors';
import { db as defaultDb, type AdoptionDatabase, type TableName } from './database';

type Stored<S extends z.ZodType> = BaseRecord & z.output<S>;

/** Strips the stored fields so an existing record can be re-validated as input. */
export function toInput<T extends BaseRecord>(record: T): Omit<T, keyof BaseRecord> {
  const { id: _id, createdAt: _c, updatedAt: _u, ...rest } = record;
  return rest;
}

/**
 * A form's save over the record as it is now: `patch` holds the fields the user changed and
 * `expected` the values they had when the form opened. Refuses (EditConflictError, nothing
 * written) when one of those fields was changed elsewhere since to another value; otherwise
 * returns the stored input overlaid with the patch, so fields the user did not touch keep
 * whatever was saved meanwhile. Without `expected`, the patch simply overlays the record.
 */
export function overlayEdit<T extends BaseRecord, P extends object>(
  existing: T,
  patch: P,
  expected: Partial<P> | undefined,
  what?: string,
): Omit<T, keyof BaseRecord> & P {
  const stored = toInput(existing);
  if (expected) {
    const conflicts = staleFields(stored as unknown as P, { patch, expected });
    if (conflicts.length) throw new EditConflictError(conflicts, what);
  }
  return { ...stored, ...patch };
}

/** Builds a new record from validated input (no write). */
export function buildRecord<S extends z.ZodType>(
  schema: S,
  input: unknown,
  what?: string,
  now = new Date(),
): Stored<S> {
  const data = validate(schema, input, what);
  const at = nowInstant(now);
  return { ...(data as object), id: newId(), createdAt: at, updatedAt: at } as Stored<S>;
}

/** Builds the updated version of a record: existing fields, overlaid with the patch, re-validated. */
export function buildUpdate<S extends z.ZodType, T extends BaseRecord>(
  schema: S,
  existing: T,
  patch: Partial<z.input<S>>,
  what?: string,
  now = new Date(),
): Stored<S> {
  const data = validate(schema, { ...toInput(existing), ...(patch as object) }, what);
  return {
    ...(data as object),
    id: existing.id,
    createdAt: existing.createdAt,
    updatedAt: nowInstant(now),
  } as Stored<S>;
}

/**
 * Runs `work` in one read-write transaction over several tables, with quota errors made
 * readable: for writes that must change more than one table, or check other records, atomically.
 */
export function writeTransaction<T>(
  database: AdoptionDatabase,
  tables: readonly TableName[],
  work: () => Promise<T>,
): Promise<T> {
  return guardStorage(() => database.transaction('rw', [...tables], work));
}

export class RecordNotFoundError extends Error {
  constructor(what: string, id: string) {
    super(`${what} ${id} no longer exists (it may have been deleted).`);
    // Not 'NotFoundError': Dexie turns errors with DOM exception names into its own error types.
    this.name = 'RecordNotFoundError';
  }
}

/** Create, update and delete for one table, validated, in transactions, with quota errors made readable. */
export function createRepository<S extends z.ZodType>(
  pick: (db: AdoptionDatabase) => Table<Stored<S>, string>,
  schema: S,
  what: string,
) {
  return {
    schema,
    async create(input: z.input<S>, database: AdoptionDatabase = defaultDb): Promise<Stored<S>> {
      const record = buildRecord(schema, input, what);
      const table = pick(database);
      await guardStorage(() => database.transaction('rw', table, () => table.add(record)));
      return record;
    },
    async update(
      id: string,
      patch: Partial<z.input<S>>,
      database: AdoptionDatabase = defaultDb,
    ): Promise<Stored<S>> {
      const table = pick(database);
      return guardStorage(() =>
        database.transaction('rw', table, async () => {
          const existing = await table.get(id);
          if (!existing) throw new RecordNotFoundError(what, id);
          const next = buildUpdate(schema, existing, patch, what);
          await table.put(next);
          return next;
        }),
      );
    },
    async remove(id: string, database: AdoptionDatabase = defaultDb): Promise<Stored<S> | undefined> {
      const table = pick(database);
      return guardStorage(() =>
        database.transaction('rw', table, async () => {
          const existing = await table.get(id);
          await table.delete(id);
          return existing;
        }),
      );
    },
    async get(id: string, database: AdoptionDatabase = defaultDb) {
      return pick(database).get(id);
    },
  };
}
