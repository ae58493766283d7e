/** Shared set-up for the Blockers component tests: a fresh database per test, blockers to show. */
import { cleanup, render, type RenderResult } from '@testing-library/react';
import type { ReactElement } from 'react';
import { addDaysIso, todayIso, type BlockerCategory, type BlockerStatus } from '../../../shared/domain';
import { AdoptionDatabase } from '../../../renderer/db/database';
import { DatabaseProvider } from '../../../renderer/db/DatabaseContext';
import { useUi } from '../../../renderer/store/ui';
import { changeBlockerStatus, createBlocker } from '../../../renderer/features/blockers/data/blockers';
import type { Blocker } from '../../../shared/domain';

const opened: AdoptionDatabase[] = [];

export function freshDb(): AdoptionDatabase {
  const database = new AdoptionDatabase(`blockers-ui-${crypto.randomUUID()}`);
  opened.push(database);
  return database;
}

export function renderWith(database: AdoptionDatabase, ui: ReactElement): RenderResult {
  return render(<DatabaseProvider database={database}>{ui}</DatabaseProvider>);
}

/** jsdom lays nothing out: give elements a window's size so virtualized lists show their rows. */
export function giveElementsASize(width = 1200, height = 800) {
  Object.defineProperty(HTMLElement.prototype, 'clientHeight', { configurable: true, get: () => height });
  Object.defineProperty(HTMLElement.prototype, 'clientWidth', { configurable: true, get: () => width });
}

export async function resetAll() {
  cleanup();
  useUi.setState({ toasts: [], route: '' });
  for (const d of opened.splice(0)) await d.delete();
}

/** Logs a blocker opened `daysAgo` days ago (People & Culture, Skills, hiring unless said) and brings it to `status`. */
export async function logBlocker(
  database: AdoptionDatabase,
  title: string,
  {
    daysAgo = 10,
    status = 'open',
    category = 'people-culture',
    subCategory = 'Skills, hiring',
  }: { daysAgo?: number; status?: BlockerStatus; category?: BlockerCategory; subCategory?: string } = {},
): Promise<Blocker> {
  const openedOn = addDaysIso(todayIso(), -daysAgo);
  let { blocker } = await createBlocker(
    { title, category, subCategory, severity: 'high', openedOn },
    database,
  );
  if (status !== 'open') {
    ({ blocker } = await changeBlockerStatus(
      { id: blocker.id, status, on: addDaysIso(openedOn, 1) },
      database,
    ));
  }
  return blocker;
}
