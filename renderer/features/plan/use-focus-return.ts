/**
 * Where the keyboard focus goes when a Plan dialog closes: back to what had it when the dialog
 * opened (the button that opened it), once the dialog is closed and the page is no longer inert,
 * rather than to the page body. An action that removes that button (closing, adding or deleting
 * a cycle) forgets it and asks the next cycle's heading to take the focus instead (plan-store).
 */
import { useCallback, useEffect, useRef } from 'react';

export function useFocusReturn(open: boolean) {
  const opener = useRef<HTMLElement | null>(null);
  // The dialog's own effect (a child's, so it runs first) has closed it by the time this runs.
  useEffect(() => {
    if (open) return;
    const element = opener.current;
    opener.current = null;
    if (element?.isConnected) element.focus();
  }, [open]);
  /** Call as the dialog opens: remembers the element that has the focus (the button clicked). */
  const remember = useCallback(() => {
    opener.current = document.activeElement instanceof HTMLElement ? document.activeElement : null;
  }, []);
  /** The focus goes elsewhere this time. */
  const forget = useCallback(() => {
    opener.current = null;
  }, []);
  return { remember, forget };
}
