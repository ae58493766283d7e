/**
 * The People & teams area: the people list (search, filters, add and edit a person), the teams
 * by kind, the knowledge map (who seeded whom, who holds what, what a departure costs) and the
 * import of teams and people from CSV. The view comes from the hash route (`#/people`,
 * `#/people/teams`, `#/people/knowledge`, `#/people/<person id>`, …) so every view can be linked
 * and reloaded. A view is one entry in VIEWS and one module that receives the area's data.
 */
import { lazy, Suspense, type ComponentType, type LazyExoticComponent } from 'react';
import { isCurrentPerson, type Person } from '../../../shared/domain';
import { memoizeLast } from '../../ui/memoize-last';
import { PageHeader } from '../../ui/PageHeader';
import { ViewTabs } from '../../ui/ViewTabs';
import { usePeopleData, type PeopleData } from './data/queries';
import { PeopleList } from './PeopleList';
import { count } from './parts';
import './people.css';

/** What every view receives: the area's teams and people, and the route below the area (`teams`, `<id>`). */
export interface PeopleViewProps {
  data: PeopleData;
  route: string;
}

interface PeopleView {
  /** The route's second segment; '' for the people list. */
  view: string;
  label: string;
  screen: ComponentType<PeopleViewProps> | LazyExoticComponent<ComponentType<PeopleViewProps>>;
}

/** The area's views, in tab order. */
const VIEWS: readonly PeopleView[] = [
  { view: '', label: 'People', screen: PeopleList },
  { view: 'teams', label: 'Teams', screen: lazy(() => import('./TeamsView')) },
  // Reads the pairing sessions itself, in chunks, only when opened.
  { view: 'knowledge', label: 'Knowledge map', screen: lazy(() => import('./knowledge/KnowledgeView')) },
  // Loads the CSV reader only when opened.
  { view: 'import', label: 'Import', screen: lazy(() => import('./ImportView')) },
];

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** The view a route shows: a person's id or `new` opens the people list with that person's form. */
function viewOf(route: string): PeopleView | undefined {
  const segment = route.split('/')[1] ?? '';
  const view = segment === 'new' || UUID.test(segment) ? '' : segment;
  return VIEWS.find((v) => v.view === view);
}

const NO_PEOPLE: Person[] = [];

/** The people in the program and those who can seed; remembered while the people are the same (kept). */
const headcount = memoizeLast((people: readonly Person[]) => {
  let current = 0;
  let seeders = 0;
  for (const p of people) {
    if (!isCurrentPerson(p)) continue;
    current++;
    if (p.canSeed) seeders++;
  }
  return { current, seeders };
});

export default function PeopleScreen({ route }: { route: string }) {
  const data = usePeopleData();
  const view = viewOf(route);
  const { current, seeders } = headcount(data?.people ?? NO_PEOPLE);

  return (
    <div className="people-screen">
      <PageHeader
        title="People"
        summary={
          data
            ? `${count(current, 'person', 'people')} in ${count(data.teams.length, 'team')}; ${seeders.toLocaleString('en')} can seed others.`
            : 'Loading people and teams…'
        }
        actions={
          <a className="button primary" href="#/people/new">
            + Add person
          </a>
        }
      />

      <ViewTabs
        area="people"
        label="People views"
        tabs={VIEWS}
        current={view?.view ?? route.split('/')[1] ?? ''}
      />

      {!data ? (
        <div role="status" className="empty">
          Loading people…
        </div>
      ) : view ? (
        <Suspense
          fallback={
            <div role="status" className="empty">
              Loading…
            </div>
          }
        >
          <view.screen data={data} route={route} />
        </Suspense>
      ) : (
        <div className="card empty" role="status">
          <h2>There is no such page</h2>
          <a href="#/people">Back to all people</a>
        </div>
      )}
    </div>
  );
}
