/**
 * Edits that never silently undo another's: a form remembers the values it started from (its
 * base), and both following the stored record and saving work field by field against that base.
 *
 * - `rebaseDraft`: the stored record changed while the form is open. Fields the user has not
 *   touched follow the stored value; fields the user changed keep the user's value; a field both
 *   sides changed, to different values, is a conflict the user settles.
 * - `editPatch`: what a save writes — only the fields the user changed, each with the value it
 *   had when the form opened (`expected`), so the write can refuse when it no longer has it.
 *
 * Values are compared as data (JSON-like: arrays and plain objects by content); null, undefined
 * and the empty string are the same "no value", as forms show them alike.
 */

/** A field changed both here and elsewhere since the form opened. */
export interface FieldConflict {
  field: string;
  /** The value in the form. */
  mine: unknown;
  /** The value stored now. */
  theirs: unknown;
}

const isEmpty = (v: unknown) => v === null || v === undefined || v === '';

/** Equal as data: by content for arrays and plain objects; null, undefined and '' alike. */
export function sameValue(a: unknown, b: unknown): boolean {
  if (isEmpty(a) && isEmpty(b)) return true;
  if (a === b) return true;
  if (typeof a !== 'object' || typeof b !== 'object' || a === null || b === null) {
    return typeof a === 'number' && typeof b === 'number' && Number.isNaN(a) && Number.isNaN(b);
  }
  if (Array.isArray(a) || Array.isArray(b)) {
    if (!Array.isArray(a) || !Array.isArray(b) || a.length !== b.length) return false;
    return a.every((v, i) => sameValue(v, b[i]));
  }
  const ka = Object.keys(a as object).filter((k) => !isEmpty((a as Record<string, unknown>)[k]));
  const kb = Object.keys(b as object).filter((k) => !isEmpty((b as Record<string, unknown>)[k]));
  if (ka.length !== kb.length) return false;
  return ka.every((k) => sameValue((a as Record<string, unknown>)[k], (b as Record<string, unknown>)[k]));
}

/** The fields whose value differs between `base` and `mine`. */
export function changedFields<T extends object>(base: T, mine: T): (keyof T & string)[] {
  const keys = new Set([...Object.keys(base), ...Object.keys(mine)]) as Set<keyof T & string>;
  return [...keys].filter((k) => !sameValue(base[k], mine[k]));
}

export interface Rebased<T> {
  /** The form's values on the new base. */
  draft: T;
  /** Fields changed on both sides to different values: `draft` keeps the user's value. */
  conflicts: FieldConflict[];
}

/**
 * Moves an open form onto a newer stored version. `base` is what the form started from,
 * `mine` what it shows now, `theirs` the stored record now (all in the form's own shape).
 */
export function rebaseDraft<T extends object>(base: T, mine: T, theirs: T): Rebased<T> {
  const draft = { ...mine };
  const conflicts: FieldConflict[] = [];
  const keys = new Set([...Object.keys(base), ...Object.keys(theirs)]) as Set<keyof T & string>;
  for (const key of keys) {
    const userChanged = !sameValue(mine[key], base[key]);
    const storeChanged = !sameValue(theirs[key], base[key]);
    if (!userChanged) draft[key] = theirs[key];
    else if (storeChanged && !sameValue(mine[key], theirs[key])) {
      conflicts.push({ field: key, mine: mine[key], theirs: theirs[key] });
    }
  }
  return { draft, conflicts };
}

export interface EditPatch<T> {
  /** The fields the user changed, with the user's values. */
  patch: Partial<T>;
  /** The same fields with the values they had when the form opened. */
  expected: Partial<T>;
}

/** What a save writes: the fields changed from `base` to `mine` (both in the entity's input shape). */
export function editPatch<T extends object>(base: T, mine: T): EditPatch<T> {
  const patch: Partial<T> = {};
  const expected: Partial<T> = {};
  for (const key of changedFields(base, mine)) {
    patch[key] = mine[key];
    expected[key] = base[key];
  }
  return { patch, expected };
}

/**
 * The fields of a save that no longer hold what the form expected: changed in the store since,
 * to something other than what this save writes. Empty when the save may go ahead.
 */
export function staleFields<T extends object>(stored: T, edit: EditPatch<T>): FieldConflict[] {
  const conflicts: FieldConflict[] = [];
  for (const key of Object.keys(edit.expected) as (keyof T & string)[]) {
    if (!sameValue(stored[key], edit.expected[key]) && !sameValue(stored[key], edit.patch[key])) {
      conflicts.push({ field: key, mine: edit.patch[key], theirs: stored[key] });
    }
  }
  return conflicts;
}

/**
 * A save refused because a field it changes was changed elsewhere since the form opened: nothing
 * was written. The form shows both values of each field and lets the user choose.
 */
export class EditConflictError extends Error {
  readonly conflicts: FieldConflict[];
  constructor(conflicts: FieldConflict[], what = 'The record') {
    super(
      `${what} was not saved: ${conflicts.map((c) => c.field).join(', ')} changed elsewhere since you opened it. Choose which value to keep.`,
    );
    this.name = 'EditConflictError';
    this.conflicts = conflicts;
  }
}
