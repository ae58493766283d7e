/**
 * What the DX self-assessment reads: every score (a few hundred records: fifteen per cycle),
 * kept for the area (db/kept-query.ts) so that coming back draws at once; the cycles come from
 * the shared workspace reads. Any write, here or in another window, refreshes them.
 */
import type { DxScore } from '../../../../shared/domain';
import { useDatabase } from '../../../db/DatabaseContext';
import { keptQuery } from '../../../db/kept-query';

const useAllScores = keptQuery((db) => db.dxScores.toArray());

/** Every score of every cycle, or undefined while the first read is under way. */
export function useScores(): DxScore[] | undefined {
  return useAllScores(useDatabase());
}
