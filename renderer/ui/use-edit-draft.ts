/**
 * An edit form's values, kept in step with the stored record so that no save silently undoes
 * another's (another window, later another laptop):
 * - while the user has not touched a field, it follows the stored record live;
 * - a field the user changed keeps the user's value; when it was also changed elsewhere, to
 *   something else, it is listed in `conflicts` until the user keeps one of the two values;
 * - `edit(toInput)` gives what a save writes: only the changed fields, each with the value it
 *   had when the form last followed the record (`expected`), so the command can refuse a stale
 *   save (EditConflictError) instead of writing over a newer value.
 * The pure rules are in shared/domain/three-way.ts.
 */
import { useCallback, useEffect, useState } from 'react';
import {
  changedFields,
  editPatch,
  rebaseDraft,
  sameValue,
  type EditPatch,
  type FieldConflict,
} from '../../shared/domain/three-way';

interface State<D> {
  /** The stored record, in the form's shape, as the form last followed it. */
  base: D;
  draft: D;
  conflicts: FieldConflict[];
}

export interface EditDraft<D> {
  draft: D;
  /** Sets one field. */
  set<K extends keyof D>(key: K, value: D[K]): void;
  /** Changes the draft with a function of it (several fields at once). */
  update(change: (draft: D) => D): void;
  /** Fields changed both here and elsewhere since the form opened. */
  conflicts: readonly FieldConflict[];
  /** Settles a conflict: keep the form's value, or take the stored one. */
  resolve(field: string, keep: 'mine' | 'theirs'): void;
  /** Adds the conflicts a refused save reported (before the stored record reaches the form). */
  noteConflicts(conflicts: readonly FieldConflict[]): void;
  /** Whether the user changed anything. */
  dirty: boolean;
  /** What a save writes, in the entity's input shape; `settled` holds values the save worked out itself (they win over the draft's). */
  edit<I extends object>(toInput: (draft: D) => I, settled?: Partial<D>): EditPatch<I>;
  /** Starts again from the stored record (after a save, or on Cancel). */
  reset(stored: D): void;
}

/** `stored` is the stored record in the form's shape, recomputed on each render from live data. */
export function useEditDraft<D extends object>(stored: D): EditDraft<D> {
  const [state, setState] = useState<State<D>>(() => ({ base: stored, draft: stored, conflicts: [] }));
  const storedKey = JSON.stringify(stored);

  useEffect(() => {
    setState((s) => {
      if (sameValue(s.base, stored)) return s;
      const rebased = rebaseDraft(s.base, s.draft, stored);
      // Conflicts not yet settled stay listed (with the newest stored value) unless the stored
      // value now equals the form's; new ones join them.
      const open = s.conflicts
        .filter(
          (c) => !sameValue((rebased.draft as Record<string, unknown>)[c.field], stored[c.field as keyof D]),
        )
        .map((c) => ({ ...c, theirs: stored[c.field as keyof D] as unknown }));
      const fresh = rebased.conflicts.filter((c) => !open.some((o) => o.field === c.field));
      return { base: stored, draft: rebased.draft, conflicts: [...open, ...fresh] };
    });
    // storedKey stands for `stored`'s content: a new object with the same values is no change.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [storedKey]);

  const set = useCallback(<K extends keyof D>(key: K, value: D[K]) => {
    setState((s) => ({ ...s, draft: { ...s.draft, [key]: value } }));
  }, []);
  const update = useCallback((change: (draft: D) => D) => {
    setState((s) => ({ ...s, draft: change(s.draft) }));
  }, []);
  const resolve = useCallback((field: string, keep: 'mine' | 'theirs') => {
    setState((s) => {
      const conflict = s.conflicts.find((c) => c.field === field);
      if (!conflict) return s;
      const conflicts = s.conflicts.filter((c) => c.field !== field);
      if (keep === 'mine' || !(field in s.draft)) return { ...s, conflicts };
      return { ...s, conflicts, draft: { ...s.draft, [field]: s.base[field as keyof D] } };
    });
  }, []);
  const noteConflicts = useCallback((reported: readonly FieldConflict[]) => {
    setState((s) => ({
      ...s,
      conflicts: [...s.conflicts, ...reported.filter((r) => !s.conflicts.some((c) => c.field === r.field))],
    }));
  }, []);
  const reset = useCallback((next: D) => setState({ base: next, draft: next, conflicts: [] }), []);

  const { base, draft, conflicts } = state;
  return {
    draft,
    set,
    update,
    conflicts,
    resolve,
    noteConflicts,
    dirty: changedFields(base, draft).length > 0,
    edit: (toInput, settled) => editPatch(toInput(base), toInput(settled ? { ...draft, ...settled } : draft)),
    reset,
  };
}
