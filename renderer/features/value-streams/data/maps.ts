/**
 * The Value streams area's writes: save a map (a new version, or an edit of one from its form)
 * and delete one. Each validates with the domain's zod schema (a map without steps, negative
 * times, % C&A outside 0–100 are refused with the field named, nothing written), runs in one
 * transaction and returns the ChangeSet that undoes it.
 */
import {
  valueStreamMapInputSchema,
  type ValueStreamMap,
  type ValueStreamMapInput,
} from '../../../../shared/domain';
import { recordChanges, type ChangeSet } from '../../../db/changes';
import { db as defaultDb, type AdoptionDatabase } from '../../../db/database';
import { buildRecord, buildUpdate, overlayEdit, RecordNotFoundError } from '../../../db/repository';

export interface SaveMapRequest {
  /** The map to update; a new map (a new version of the app's value stream) when absent. */
  id?: string | undefined;
  /** A new map's values; for an update, the fields changed in the form. */
  input: ValueStreamMapInput | Partial<ValueStreamMapInput>;
  /** For an update: the changed fields' values when the form opened (refused if changed since). */
  expected?: Partial<ValueStreamMapInput> | undefined;
}

const WHAT = 'The value stream map';

/** Creates or updates a map in one transaction; `undo` puts things back as they were. */
export async function saveMap(
  request: SaveMapRequest,
  database: AdoptionDatabase = defaultDb,
): Promise<{ map: ValueStreamMap; undo: ChangeSet }> {
  const { id } = request;
  const { result, undo } = await recordChanges(
    database,
    ['valueStreamMaps', 'apps'],
    (map: ValueStreamMap) =>
      id === undefined ? `Added the map “${map.label}”` : `Saved the map “${map.label}”`,
    async (writer) => {
      const existing = id === undefined ? undefined : await database.valueStreamMaps.get(id);
      if (id !== undefined && !existing) throw new RecordNotFoundError('Value stream map', id);
      const input = existing
        ? overlayEdit(existing, request.input, request.expected, WHAT)
        : { ...request.input };
      const map = (
        existing
          ? buildUpdate(valueStreamMapInputSchema, existing, input, WHAT)
          : buildRecord(valueStreamMapInputSchema, input, WHAT)
      ) as ValueStreamMap;
      if (!(await database.apps.get(map.appId))) throw new RecordNotFoundError('App', map.appId);
      await writer.put('valueStreamMaps', [map]);
      return map;
    },
  );
  return { map: result, undo };
}

/** Deletes a map; `undo` puts it back with the same id. */
export async function deleteMap(
  id: string,
  database: AdoptionDatabase = defaultDb,
): Promise<{ map: ValueStreamMap; undo: ChangeSet }> {
  const { result, undo } = await recordChanges(
    database,
    ['valueStreamMaps'],
    (map: ValueStreamMap) => `Deleted the map “${map.label}”`,
    async (writer) => {
      const map = await database.valueStreamMaps.get(id);
      if (!map) throw new RecordNotFoundError('Value stream map', id);
      await writer.delete('valueStreamMaps', [id]);
      return map;
    },
  );
  return { map: result, undo };
}
