/** Shared set-up for the Apps component tests: a fresh database per test, a viewport for the virtualized table. */
import { cleanup, render } from '@testing-library/react';
import type { ReactElement } from 'react';
import { AdoptionDatabase } from '../../../renderer/db/database';
import { DatabaseProvider } from '../../../renderer/db/DatabaseContext';
import { useAppsUi } from '../../../renderer/store/apps';
import { useUi } from '../../../renderer/store/ui';
import { DEFAULT_SORT, EMPTY_FILTERS } from '../../../shared/domain/app-table';

const opened: AdoptionDatabase[] = [];

export function freshDb(): AdoptionDatabase {
  const database = new AdoptionDatabase(`apps-ui-${crypto.randomUUID()}`);
  opened.push(database);
  return database;
}

export function renderWith(database: AdoptionDatabase, ui: ReactElement) {
  return render(<DatabaseProvider database={database}>{ui}</DatabaseProvider>);
}

/**
 * jsdom lays nothing out, so every element measures 0×0 and a virtualizer would show no row.
 * Give elements the size of a window so the table renders the rows in view.
 */
export function giveElementsASize(width = 1200, height = 800) {
  Object.defineProperty(HTMLElement.prototype, 'clientHeight', { configurable: true, get: () => height });
  Object.defineProperty(HTMLElement.prototype, 'clientWidth', { configurable: true, get: () => width });
}

/** Unmounts, forgets UI state and deletes every database a test opened. */
export async function resetAll() {
  cleanup();
  useAppsUi.setState({
    filters: EMPTY_FILTERS,
    sort: DEFAULT_SORT,
    selection: [],
    expandedStages: [],
    candidatesOnly: true,
  });
  useUi.setState({ toasts: [], route: '' });
  for (const d of opened.splice(0)) await d.delete();
}
