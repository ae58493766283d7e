/**
 * Who holds what, for the knowledge map: weighed off the page's thread from the summary's credit
 * rows the page never reads (renderer/db/knowledge-holders.ts), again each time the view's live
 * reads change (they count those rows, so a session logged anywhere weighs again). Undefined
 * until the first answer; while newer data is weighed, the answer before stays shown.
 */
import { useEffect, useState } from 'react';
import type { IsoDate } from '../../../../shared/domain';
import { useDatabase } from '../../../db/DatabaseContext';
import { runHoldersJob, type WeighedHolders } from '../../../db/knowledge-holders';
import type { KnowledgeData } from './queries';

/**
 * Whether this page weighs in a worker while the lineage shows. Without workers (jsdom) the
 * page weighs itself, and the view waits for the holders before it draws.
 */
export const WEIGHS_APART = typeof Worker === 'function';

export function useKnowledgeHolders(
  data: KnowledgeData | undefined,
  today: IsoDate,
): WeighedHolders | undefined {
  const database = useDatabase();
  const [weighed, setWeighed] = useState<WeighedHolders>();
  const [error, setError] = useState<Error>();
  useEffect(() => {
    if (!data) return;
    // Dropped when newer data comes or the view closes: its answer would not be shown.
    const drop = new AbortController();
    runHoldersJob({ dbName: database.name, today }, drop.signal).then(
      (result) => {
        if (!drop.signal.aborted) setWeighed(result);
      },
      (e: Error) => {
        if (!drop.signal.aborted) setError(e);
      },
    );
    return () => drop.abort();
  }, [database, data, today]);
  // A calculation that failed shows as the view's error, as it did when it ran while drawing.
  if (error) throw error;
  return weighed;
}
