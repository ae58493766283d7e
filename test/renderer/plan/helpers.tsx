/** Shared set-up for the Plan and welcome component tests: a fresh database per test, wrapped in its provider. */
import { cleanup, render } from '@testing-library/react';
import type { ReactElement } from 'react';
import { AdoptionDatabase } from '../../../renderer/db/database';
import { DatabaseProvider } from '../../../renderer/db/DatabaseContext';
import { usePlanUi } from '../../../renderer/features/plan/plan-store';
import { useUi } from '../../../renderer/store/ui';
import type { ProgramInput } from '../../../shared/domain';

export const PROGRAM: ProgramInput = {
  name: 'Cloud-native 2026',
  platformName: 'Tanzu',
  startDate: '2026-01-31',
  targetApps: 40,
  eligibleApps: 400,
  cycleLengthMonths: 3,
};

const opened: AdoptionDatabase[] = [];

export function freshDb(): AdoptionDatabase {
  const database = new AdoptionDatabase(`plan-ui-${crypto.randomUUID()}`);
  opened.push(database);
  return database;
}

export function renderWith(database: AdoptionDatabase, ui: ReactElement) {
  return render(<DatabaseProvider database={database}>{ui}</DatabaseProvider>);
}

/** Unmounts, forgets UI state and deletes every database a test opened. */
export async function resetAll() {
  cleanup();
  usePlanUi.setState({ selectedCycleId: null, focusHeadingOf: null });
  useUi.setState({ toasts: [], route: '' });
  for (const d of opened.splice(0)) await d.delete();
}
