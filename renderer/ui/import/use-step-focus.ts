/**
 * Moves focus to a wizard step's heading when the step appears, so a keyboard or screen reader
 * user lands on the new step instead of on a button that no longer exists. In the commit that
 * shows the step (a layout effect), so no frame and no keystroke finds the focus on the page's
 * body between the old step and the new.
 */
import { useLayoutEffect, useRef } from 'react';

export function useStepFocus<E extends HTMLElement = HTMLHeadingElement>(enabled = true) {
  const ref = useRef<E>(null);
  useLayoutEffect(() => {
    if (enabled) ref.current?.focus();
  }, [enabled]);
  return ref;
}
