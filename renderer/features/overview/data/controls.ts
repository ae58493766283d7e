/**
 * The overview's controls, kept as a preference of this machine (the settings table: never in a
 * backup, kept by a restore), like the CSV format of exports. Every change is written at once, so
 * the overview opens next time as it was left; what is read back is checked field by field.
 */
import { useLiveQuery } from 'dexie-react-hooks';
import {
  overviewControlsSchema,
  readOverviewControls,
  type OverviewControls,
} from '../../../../shared/domain/overview-scope';
import { db as defaultDb, type AdoptionDatabase } from '../../../db/database';
import { useDatabase } from '../../../db/DatabaseContext';
import { guardStorage } from '../../../db/errors';
import { useKeptChoice } from '../../../ui/use-kept-choice';

export const OVERVIEW_CONTROLS_KEY = 'overview.controls';

/** The stored controls (defaults where nothing valid is stored); undefined while they are read. */
export function useOverviewControls(): OverviewControls | undefined {
  const database = useDatabase();
  return useLiveQuery(
    async () => readOverviewControls((await database.settings.get(OVERVIEW_CONTROLS_KEY))?.value),
    [database],
  );
}

/** Stores the controls; refuses values that do not make a valid set, naming the field. */
export async function saveOverviewControls(
  controls: OverviewControls,
  database: AdoptionDatabase = defaultDb,
): Promise<void> {
  const parsed = overviewControlsSchema.safeParse(controls);
  if (!parsed.success) {
    const issue = parsed.error.issues[0]!;
    throw new Error(`The overview's ${issue.path.join('.') || 'controls'} setting is not valid`);
  }
  await guardStorage(() => database.settings.put({ key: OVERVIEW_CONTROLS_KEY, value: parsed.data }));
}

/** The same controls, field by field (the stored ones are read back as a new object). */
function sameControls(a: OverviewControls, b: OverviewControls): boolean {
  return JSON.stringify(a) === JSON.stringify(b);
}

/**
 * The controls as the screen shows them, and a change: a change shows at once while it is
 * written (ui/use-kept-choice.ts); a write refused shows the stored controls again, and `onError`
 * says why.
 */
export function useOverviewControlsEditor(
  onError: (error: unknown) => void,
): [OverviewControls | undefined, (next: OverviewControls) => void] {
  const database = useDatabase();
  return useKeptChoice(
    useOverviewControls(),
    (next) => saveOverviewControls(next, database),
    onError,
    sameControls,
  );
}
