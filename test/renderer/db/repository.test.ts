/** The generic write path: validate, stamp, write in a transaction; storage errors made readable. */
import Dexie from 'dexie';
import { describe, expect, it } from 'vitest';
import { teamInputSchema, ValidationError } from '../../../shared/domain';
import { CURRENT_SCHEMA_VERSION } from '../../../shared/schema/migrations';
import { TABLE_INDEXES, TABLE_NAMES } from '../../../shared/schema/tables';
import { freshDatabases } from './db-helpers';
import { DATA_TABLES } from '../../../renderer/db/database';
import { createRepository, RecordNotFoundError } from '../../../renderer/db/repository';
import {
  describeError,
  guardStorage,
  isQuotaError,
  StorageFullError,
  requestPersistentStorage,
} from '../../../renderer/db/errors';

const teams = createRepository((d) => d.teams, teamInputSchema, 'Team');
const freshDb = freshDatabases('repo-test');

describe('the database', () => {
  it('opens with a table for every entity of the domain', async () => {
    const database = freshDb();
    await database.open();
    const names = database.tables.map((t) => t.name).sort();
    expect(names).toEqual([...TABLE_NAMES].sort());
    expect(DATA_TABLES).not.toContain('settings');
    expect(names).toEqual(
      expect.arrayContaining([
        'program',
        'cycles',
        'teams',
        'people',
        'apps',
        'assignments',
        'pairingSessions',
        'blockers',
        'toilItems',
        'toilAudits',
        'toilResponses',
        'valueStreamMaps',
        'goldenPaths',
        'marketingActivities',
        'metrics',
        'metricSnapshots',
      ]),
    );
  });

  it('is at the current schema version with string (UUID) primary keys, never auto-increment', async () => {
    const database = freshDb();
    await database.open();
    expect(database.verno).toBe(CURRENT_SCHEMA_VERSION);
    for (const table of database.tables) expect(table.schema.primKey.auto).toBe(false);
  });

  it('has exactly the indexes of the table list', async () => {
    const database = freshDb();
    await database.open();
    for (const table of database.tables) {
      const spec = [table.schema.primKey, ...table.schema.indexes].map((index) => index.src).join(', ');
      expect(spec, table.name).toBe(TABLE_INDEXES[table.name as keyof typeof TABLE_INDEXES]);
    }
  });
});

describe('createRepository', () => {
  it('stamps a random UUID and timestamps on create', async () => {
    const database = freshDb();
    const team = await teams.create({ name: '  Payments  ', kind: 'product' }, database);
    expect(team.id).toMatch(/^[0-9a-f-]{36}$/);
    expect(team.name).toBe('Payments');
    expect(team.createdAt).toBe(team.updatedAt);
    expect(await database.teams.get(team.id)).toEqual(team);
  });

  it('rejects bad input with a message naming the field, and writes nothing', async () => {
    const database = freshDb();
    const error = await teams.create({ name: '', kind: 'product' }, database).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ValidationError);
    expect((error as ValidationError).messageFor('name')).toBe('Team name is required');
    expect(await database.teams.count()).toBe(0);
  });

  it('leaves the stored record as it was when an update is invalid', async () => {
    const database = freshDb();
    const team = await teams.create({ name: 'Payments', kind: 'product' }, database);
    const error = await teams
      .update(team.id, { name: 'x'.repeat(10_000) }, database)
      .catch((e: unknown) => e);
    expect((error as ValidationError).messageFor('name')).toBe('Team name must be at most 200 characters');
    expect(await database.teams.get(team.id)).toEqual(team);
  });

  it('updates the fields given and keeps the others, moving updatedAt', async () => {
    const database = freshDb();
    const team = await teams.create({ name: 'Payments', kind: 'product', notes: 'first team' }, database);
    await new Promise((r) => setTimeout(r, 5));
    const updated = await teams.update(team.id, { kind: 'platform' }, database);
    expect(updated).toMatchObject({ id: team.id, name: 'Payments', kind: 'platform', notes: 'first team' });
    expect(updated.createdAt).toBe(team.createdAt);
    expect(updated.updatedAt > team.updatedAt).toBe(true);
  });

  it('says so when the record to update no longer exists', async () => {
    const database = freshDb();
    await expect(teams.update(crypto.randomUUID(), { name: 'x' }, database)).rejects.toBeInstanceOf(
      RecordNotFoundError,
    );
  });
});

describe('storage errors', () => {
  it('turns a quota error into a message the user can act on', async () => {
    const quota = new Dexie.QuotaExceededError('QuotaExceededError');
    expect(isQuotaError(quota)).toBe(true);
    const error = await guardStorage(() => Promise.reject(quota)).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(StorageFullError);
    expect(describeError(error)).toMatch(/no room left.*Nothing was changed/);
  });

  it('recognises a DOMException-style quota error wrapped by Dexie', () => {
    const inner = Object.assign(new Error('full'), { name: 'QuotaExceededError' });
    const wrapped = Object.assign(new Error('AbortError'), { name: 'AbortError', inner });
    expect(isQuotaError(wrapped)).toBe(true);
    expect(isQuotaError(new Error('other'))).toBe(false);
  });

  it('passes other errors through unchanged', async () => {
    const other = new Error('boom');
    await expect(guardStorage(() => Promise.reject(other))).rejects.toBe(other);
  });

  it('asks for persistent storage once and reports the answer', async () => {
    let asked = 0;
    const storage = {
      persisted: async () => false,
      persist: async () => {
        asked += 1;
        return true;
      },
    } as unknown as StorageManager;
    expect(await requestPersistentStorage(storage)).toBe(true);
    expect(asked).toBe(1);
    expect(await requestPersistentStorage(undefined)).toBe(false);
  });
});
