/**
 * The reads every area shares: the program and its cycles (every area's records belong to the
 * program and most to a cycle). Area-specific reads live in that area's data/queries.ts.
 * Each hook returns undefined while the first read is under way.
 */
import { useLiveQuery } from 'dexie-react-hooks';
import type { Cycle, Program } from '../../shared/domain';
import { useDatabase } from './DatabaseContext';

/** The one program; null when there is none yet (first start). */
export function useProgram(): Program | null | undefined {
  const database = useDatabase();
  return useLiveQuery(async () => (await database.program.toCollection().first()) ?? null, [database]);
}

/** Every cycle, in time order (by index). */
export function useCycles(): Cycle[] | undefined {
  const database = useDatabase();
  return useLiveQuery(() => database.cycles.orderBy('index').toArray(), [database]);
}
