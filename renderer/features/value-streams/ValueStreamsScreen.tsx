/**
 * The Value streams area: each app's path to production mapped as ordered steps, kept as
 * versions (before onboarding, after, per cycle), their figures and timelines, two versions
 * compared, and the latest improvement per app for leadership. Routes: `#/value-streams`,
 * `#/value-streams/<map id>`, `#/value-streams/new[/<app id>[/<map id to start from>]]`,
 * `#/value-streams/compare/<earlier id>/<later id>`.
 */
import { useCycleLabels, useValueStreamsData } from './data/queries';
import { CompareView } from './CompareView';
import { MapEditor } from './MapEditor';
import { Overview } from './Overview';
import './value-streams.css';

export default function ValueStreamsScreen({ route }: { route: string }) {
  const [, view = '', first, second] = route.split('/');
  const data = useValueStreamsData();
  const cycleLabels = useCycleLabels();
  const find = (id: string | undefined) => (id ? data?.maps.find((m) => m.id === id) : undefined);

  let body;
  if (!data) {
    body = (
      <div role="status" className="empty">
        Loading value streams…
      </div>
    );
  } else if (view === '') {
    body = <Overview data={data} />;
  } else if (view === 'new') {
    body = (
      <MapEditor
        key={route}
        data={data}
        map={undefined}
        appId={first}
        from={find(second)}
        cycleLabels={cycleLabels}
      />
    );
  } else if (view === 'compare') {
    const before = find(first);
    const after = find(second);
    body =
      before && after ? (
        <CompareView before={before} after={after} appName={data.apps.get(after.appId)?.name ?? 'App'} />
      ) : (
        <NotFoundText />
      );
  } else {
    const map = find(view);
    body = map ? (
      <MapEditor key={map.id} data={data} map={map} cycleLabels={cycleLabels} />
    ) : (
      <NotFoundText />
    );
  }

  return (
    <div className="vs-screen">
      <header className="page-header">
        <div>
          <h1>Value streams</h1>
          <p>
            {data
              ? `${data.maps.length} maps of ${data.apps.size} apps’ paths to production: where the time goes, and how onboarding cut it.`
              : 'Loading the maps…'}
          </p>
        </div>
        <div className="toolbar">
          <a className="button primary" href="#/value-streams/new">
            + New map
          </a>
        </div>
      </header>
      {body}
    </div>
  );
}

function NotFoundText() {
  return (
    <p className="empty" role="status">
      This value stream map does not exist (it may have been deleted).{' '}
      <a href="#/value-streams">All value streams</a>
    </p>
  );
}
