/**
 * The Apps area's golden paths: create, edit, delete (undoable: the path comes back and is marked
 * again on the apps that used it), and which apps use one.
 */
import {
  goldenPathInputSchema,
  type App,
  type GoldenPath,
  type GoldenPathInput,
} from '../../../../shared/domain';
import { recordChanges, type ChangeSet } from '../../../db/changes';
import { db as defaultDb, type AdoptionDatabase } from '../../../db/database';
import { createRepository, RecordNotFoundError, writeTransaction } from '../../../db/repository';

const goldenPaths = createRepository((d) => d.goldenPaths, goldenPathInputSchema, 'The golden path');

export function createGoldenPath(input: GoldenPathInput, database: AdoptionDatabase = defaultDb) {
  return goldenPaths.create(input, database) as Promise<GoldenPath>;
}

export function updateGoldenPath(
  id: string,
  patch: Partial<GoldenPathInput>,
  database: AdoptionDatabase = defaultDb,
) {
  return goldenPaths.update(id, patch, database) as Promise<GoldenPath>;
}

export interface DeletedGoldenPath {
  goldenPath: GoldenPath;
  /** The apps that used it. */
  appIds: string[];
  /** Puts the path back and marks it again on those apps (undoChanges). */
  undo: ChangeSet;
}

/** Deletes a golden path and unmarks it on every app, in one transaction. */
export async function deleteGoldenPath(
  id: string,
  database: AdoptionDatabase = defaultDb,
): Promise<DeletedGoldenPath> {
  const { result, undo } = await recordChanges(
    database,
    ['goldenPaths', 'apps'],
    (r: { goldenPath: GoldenPath }) => `Deleted the golden path ${r.goldenPath.name}`,
    async (writer) => {
      const goldenPath = await database.goldenPaths.get(id);
      if (!goldenPath) throw new RecordNotFoundError('Golden path', id);
      const apps = await database.apps.where('goldenPathIds').equals(id).toArray();
      const at = new Date().toISOString();
      await writer.put(
        'apps',
        apps.map((a) => ({ ...a, goldenPathIds: a.goldenPathIds.filter((g) => g !== id), updatedAt: at })),
      );
      await writer.delete('goldenPaths', [id]);
      return { goldenPath, appIds: apps.map((a) => a.id) };
    },
  );
  return { ...result, undo };
}

/** Sets which apps use a golden path (from the golden path's card): marks the listed, unmarks the rest. */
export async function setGoldenPathApps(
  goldenPathId: string,
  appIds: readonly string[],
  database: AdoptionDatabase = defaultDb,
): Promise<{ added: number; removed: number }> {
  return writeTransaction(database, ['apps', 'goldenPaths'], async () => {
    if (!(await database.goldenPaths.get(goldenPathId))) {
      throw new RecordNotFoundError('Golden path', goldenPathId);
    }
    const wanted = new Set(appIds);
    const current = await database.apps.where('goldenPathIds').equals(goldenPathId).toArray();
    const currentIds = new Set(current.map((a) => a.id));
    const addIds = [...wanted].filter((id) => !currentIds.has(id));
    const toAdd = (await database.apps.bulkGet(addIds)).map((a, i): App => {
      if (!a) throw new RecordNotFoundError('App', addIds[i]!);
      return a;
    });
    const at = new Date().toISOString();
    const changes = [
      ...current
        .filter((a) => !wanted.has(a.id))
        .map((a) => ({
          ...a,
          goldenPathIds: a.goldenPathIds.filter((g) => g !== goldenPathId),
          updatedAt: at,
        })),
      ...toAdd.map((a) => ({ ...a, goldenPathIds: [...a.goldenPathIds, goldenPathId], updatedAt: at })),
    ];
    await database.apps.bulkPut(changes);
    return { added: toAdd.length, removed: changes.length - toAdd.length };
  });
}
