/** Shared set-up for the Pairing component tests: the app frame on a fresh database, keys counted. */
import { cleanup, render, type RenderResult } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import type { ReactElement } from 'react';
import { AdoptionDatabase } from '../../../renderer/db/database';
import { DatabaseProvider } from '../../../renderer/db/DatabaseContext';
import { resetPairingUi } from '../../../renderer/features/pairing/pairing-store';
import { createProgram } from '../../../renderer/features/plan/data/program';
import { useUi } from '../../../renderer/store/ui';
import { seedPairing, type PairingWorld } from './fixtures';

const opened: AdoptionDatabase[] = [];

/** A database with a program and the Pairing fixtures. */
export async function pairingDb(): Promise<{ database: AdoptionDatabase; w: PairingWorld }> {
  const database = new AdoptionDatabase(`pairing-ui-${crypto.randomUUID()}`);
  opened.push(database);
  await createProgram(
    {
      name: 'Cloud 2026',
      platformName: 'Nimbus',
      startDate: '2025-10-01',
      targetApps: 40,
      eligibleApps: 400,
      cycleLengthMonths: 3,
    },
    database,
  );
  return { database, w: await seedPairing(database) };
}

export function renderWith(database: AdoptionDatabase, ui: ReactElement): RenderResult {
  return render(<DatabaseProvider database={database}>{ui}</DatabaseProvider>);
}

/**
 * The keyboard, counting keystrokes: a chord (Ctrl+Shift+L) is one, as a user presses it once.
 * Pointer events are refused, so a test that passes used the keyboard alone.
 */
export function countingKeyboard() {
  const user = userEvent.setup({ pointerEventsCheck: 0 });
  let count = 0;
  return {
    user,
    get count() {
      return count;
    },
    /** One keystroke: `{Enter}`, or a chord such as `{Control>}{Shift>}l{/Shift}{/Control}`. */
    async press(keys: string) {
      count += 1;
      await user.keyboard(keys);
    },
    /** Types text: one keystroke per character. */
    async type(text: string) {
      count += text.length;
      await user.keyboard(text.replace(/[{[]/g, (c) => c + c));
    },
  };
}

export const QUICK_ENTRY = '{Control>}{Shift>}l{/Shift}{/Control}';

/** jsdom lays nothing out: give elements a window's size so virtualized lists show rows. */
export function giveElementsASize(width = 1200, height = 800) {
  Object.defineProperty(HTMLElement.prototype, 'clientHeight', { configurable: true, get: () => height });
  Object.defineProperty(HTMLElement.prototype, 'clientWidth', { configurable: true, get: () => width });
  Object.defineProperty(HTMLElement.prototype, 'offsetHeight', { configurable: true, get: () => height });
  Object.defineProperty(HTMLElement.prototype, 'offsetWidth', { configurable: true, get: () => width });
}

/** Unmounts, forgets UI state and deletes every database a test opened. */
export async function resetAll() {
  cleanup();
  resetPairingUi();
  useUi.setState({ toasts: [], route: '' });
  location.hash = '';
  for (const d of opened.splice(0)) await d.delete();
}
