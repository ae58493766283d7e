/**
 * Quick entry's shortcut, mounted with the app frame (the `global` slot) and loaded with it, not
 * lazily: Ctrl+Shift+L (⌘+Shift+L on a Mac) pressed in the first moments after the app opens is
 * not lost while the dialog's code (./QuickEntry.tsx) is still being fetched. The dialog itself
 * loads when first opened.
 */
import { lazy, useEffect } from 'react';
import { usePairingUi } from './pairing-store';

/** The shortcut, as the app writes it. */
export const QUICK_ENTRY_KEYS = 'Ctrl+Shift+L';

export function isQuickEntryShortcut(
  e: Pick<KeyboardEvent, 'ctrlKey' | 'metaKey' | 'shiftKey' | 'altKey' | 'code' | 'key'>,
) {
  return (
    (e.ctrlKey || e.metaKey) && e.shiftKey && !e.altKey && (e.code === 'KeyL' || e.key.toLowerCase() === 'l')
  );
}

const QuickEntryDialog = lazy(() => import('./QuickEntry'));

export default function QuickEntryShortcut(_props: Record<string, never>) {
  const open = usePairingUi((s) => s.quickEntryOpen);
  const openQuickEntry = usePairingUi((s) => s.openQuickEntry);
  useEffect(() => {
    const onKey = (event: KeyboardEvent) => {
      if (!isQuickEntryShortcut(event)) return;
      event.preventDefault();
      openQuickEntry();
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [openQuickEntry]);
  return open ? <QuickEntryDialog /> : null;
}
