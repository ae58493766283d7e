/**
 * Keyboard focus for forms in dialogs: start at the first field, and after a refused save move
 * to the first field that needs fixing, so the message at that field is read out.
 */
import { useEffect, type RefObject } from 'react';

export function useFormFocus(formRef: RefObject<HTMLFormElement | null>, errors: Record<string, string>) {
  // Deferred: the dialog around the form takes focus when it opens, after this form's effects run.
  useEffect(() => {
    const timer = setTimeout(() => formRef.current?.querySelector<HTMLElement>('input')?.focus());
    return () => clearTimeout(timer);
  }, [formRef]);

  useEffect(() => {
    if (Object.keys(errors).length === 0) return;
    formRef.current?.querySelector<HTMLElement>('[aria-invalid="true"]')?.focus();
  }, [formRef, errors]);
}
