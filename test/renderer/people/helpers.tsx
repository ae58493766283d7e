/** Shared set-up for the People component tests: the screen at the route the store holds, and clean-up. */
import { cleanup, render, type RenderResult } from '@testing-library/react';
import { AdoptionDatabase } from '../../../renderer/db/database';
import { DatabaseProvider } from '../../../renderer/db/DatabaseContext';
import PeopleScreen from '../../../renderer/features/people/PeopleScreen';
import { usePeopleUi } from '../../../renderer/features/people/people-store';
import { routeFromHash, useUi } from '../../../renderer/store/ui';
import { EMPTY_PEOPLE_FILTERS } from '../../../shared/domain/people-list';

const opened: AdoptionDatabase[] = [];

export function freshDb(): AdoptionDatabase {
  const database = new AdoptionDatabase(`people-ui-${crypto.randomUUID()}`);
  opened.push(database);
  return database;
}

/** The People screen at the store's route, as the app frame shows it: links and navigate() move it. */
function RoutedPeople() {
  const route = useUi((s) => s.route);
  return <PeopleScreen route={route} />;
}

// Links change the hash; the app frame turns that into the route (App.tsx), here this does.
globalThis.addEventListener('hashchange', () =>
  useUi.getState().setRoute(routeFromHash(globalThis.location.hash)),
);

export function renderPeople(database: AdoptionDatabase, route = 'people'): RenderResult {
  useUi.setState({ route });
  return render(
    <DatabaseProvider database={database}>
      <RoutedPeople />
    </DatabaseProvider>,
  );
}

export { giveElementsASize } from '../apps/helpers';

/** Unmounts, forgets UI state and deletes every database a test opened. */
export async function resetAll() {
  cleanup();
  usePeopleUi.setState({ filters: EMPTY_PEOPLE_FILTERS, teamSearch: '' });
  useUi.setState({ toasts: [], route: '' });
  globalThis.location.hash = '';
  for (const d of opened.splice(0)) await d.delete();
}
