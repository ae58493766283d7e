/**
 * The one Undo the user sees: after a delete or a bulk change, a toast says what happened and
 * offers Undo, which runs the command's ChangeSet back (db/changes) and says how that went,
 * including when it is refused because the records were changed since.
 */
import { useCallback } from 'react';
import { undoChanges, type ChangeSet } from '../db/changes';
import { useDatabase } from '../db/DatabaseContext';
import { describeError } from '../db/errors';
import { useUi } from '../store/ui';

/** Returns `offerUndo(text, changes)`: shows `text` with an Undo button for `changes`. */
export function useOfferUndo() {
  const database = useDatabase();
  const toast = useUi((s) => s.toast);
  return useCallback(
    (text: string, changes: ChangeSet) =>
      toast({
        kind: 'info',
        text,
        action: {
          label: 'Undo',
          run: async () => {
            try {
              await undoChanges(database, changes);
              toast({ kind: 'success', text: `Undone: ${changes.label}.` });
            } catch (error) {
              toast({ kind: 'error', text: describeError(error) });
            }
          },
        },
      }),
    [database, toast],
  );
}
