/**
 * The one way a form or a button runs a write and reports how it went, so no screen keeps its
 * own saving flag, field errors and error message:
 * - `useSaveForm(formRef)`: a form's saving state, the messages at its fields (from the
 *   command's ValidationError), a banner for any other error, and keyboard focus on the first
 *   field that needs fixing.
 * - `useAction()`: a button's busy state; any error becomes an error toast.
 */
import { useCallback, useState, type RefObject } from 'react';
import { EditConflictError, type FieldConflict } from '../../shared/domain/three-way';
import { describeError } from '../db/errors';
import { useUi } from '../store/ui';
import { errorsOf } from './forms';
import { useFormFocus } from './use-form-focus';

export interface SaveOptions {
  /** The banner shown when fields are refused; none by default (the fields say it). */
  refusedMessage?: string;
  /**
   * Field errors the form has no place for (e.g. a rule on the cycle number) are joined into the
   * banner; list the fields the form shows.
   */
  shownFields?: readonly string[];
  /** A save refused because fields were changed elsewhere meanwhile (EditConflictError). */
  onConflict?: (conflicts: readonly FieldConflict[]) => void;
}

export interface SaveForm {
  errors: Record<string, string>;
  formError: string | null;
  saving: boolean;
  /** Runs `work`; resolves to its result, or to undefined when it was refused or failed. */
  save<T>(work: () => Promise<T>, options?: SaveOptions): Promise<T | undefined>;
  setFormError(message: string | null): void;
}

export function useSaveForm(formRef?: RefObject<HTMLFormElement | null>): SaveForm {
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [formError, setFormError] = useState<string | null>(null);
  const [saving, setSaving] = useState(false);
  useFormFocus(formRef ?? NO_FORM, errors);

  const save = useCallback(async <T>(work: () => Promise<T>, options: SaveOptions = {}) => {
    setSaving(true);
    setFormError(null);
    try {
      const result = await work();
      setErrors({});
      return result;
    } catch (error) {
      if (error instanceof EditConflictError) options.onConflict?.(error.conflicts);
      const fields = errorsOf(error);
      if (!fields) {
        setFormError(describeError(error));
        return undefined;
      }
      setErrors(fields);
      const shown = options.shownFields;
      const unplaced = shown ? Object.entries(fields).filter(([field]) => !shown.includes(field)) : [];
      const banner = [options.refusedMessage, ...unplaced.map(([, message]) => message)].filter(Boolean);
      setFormError(banner.length ? banner.join(' ') : null);
      return undefined;
    } finally {
      setSaving(false);
    }
  }, []);

  return { errors, formError, saving, save, setFormError };
}

const NO_FORM: RefObject<HTMLFormElement | null> = { current: null };

export interface Action {
  busy: boolean;
  /** Runs `work`; an error becomes an error toast (prefixed with `failure`, when given). */
  run<T>(work: () => Promise<T>, failure?: string): Promise<T | undefined>;
}

export function useAction(): Action {
  const toast = useUi((s) => s.toast);
  const [busy, setBusy] = useState(false);
  const run = useCallback(
    async <T>(work: () => Promise<T>, failure?: string) => {
      setBusy(true);
      try {
        return await work();
      } catch (error) {
        toast({
          kind: 'error',
          text: failure ? `${failure}: ${describeError(error)}` : describeError(error),
        });
        return undefined;
      } finally {
        setBusy(false);
      }
    },
    [toast],
  );
  return { busy, run };
}
