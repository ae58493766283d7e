/**
 * A form shown in a dialog once its data is read (after the dialog opened and focused its first
 * control): puts the focus on its field marked `data-autofocus`, where the user starts.
 */
import { useEffect, type RefObject } from 'react';

export function useStartField(formRef: RefObject<HTMLFormElement | null>) {
  useEffect(() => {
    const timer = setTimeout(() => formRef.current?.querySelector<HTMLElement>('[data-autofocus]')?.focus());
    return () => clearTimeout(timer);
  }, [formRef]);
}
