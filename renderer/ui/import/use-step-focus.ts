/**
 * Moves focus to a wizard step's heading when the step appears, so a keyboard or screen reader
 * user lands on the new step instead of on a button that no longer exists.
 */
import { useEffect, useRef } from 'react';

export function useStepFocus<E extends HTMLElement = HTMLHeadingElement>(enabled = true) {
  const ref = useRef<E>(null);
  useEffect(() => {
    if (enabled) ref.current?.focus();
  }, [enabled]);
  return ref;
}
