/**
 * The Value streams overview: for leadership, the latest improvement per app (its latest map
 * against the version before it), largest cut in lead time first, each row opening the map; and
 * every app's maps by version, to open one or map a new version.
 */
import { useMemo } from 'react';
import { latestImprovements, mapVersions, type ValueStreamMap } from '../../../shared/domain';
import { nameCollator } from '../../../shared/domain/name-order';
import type { ValueStreamsData } from './data/queries';
import { changeTone, formatChange, formatDuration, formatPct, versionName } from './parts';

const names = nameCollator('en');

export function Overview({ data }: { data: ValueStreamsData }) {
  const appName = (id: string) => data.apps.get(id)?.name ?? 'Unknown app';
  const improvements = useMemo(() => latestImprovements(data.maps), [data.maps]);
  const byApp = useMemo(() => {
    const groups = new Map<string, ValueStreamMap[]>();
    for (const m of data.maps) groups.set(m.appId, [...(groups.get(m.appId) ?? []), m]);
    return [...groups]
      .map(([appId, maps]) => ({
        appId,
        name: data.apps.get(appId)?.name ?? 'Unknown app',
        maps: mapVersions(maps),
      }))
      .sort((a, b) => names.compare(a.name, b.name));
  }, [data.maps, data.apps]);
  const cut = improvements.filter((r) => changeTone(r.lead, true) === 'better').length;

  return (
    <div className="vs-overview">
      <section className="card" aria-labelledby="vs-improvements">
        <h3 id="vs-improvements">Latest improvement per app</h3>
        <p className="muted">
          {improvements.length === 0
            ? 'No app has two versions of its map yet: map one before onboarding and again after.'
            : `${cut} of ${improvements.length} apps cut their lead time in their latest map; largest cut first. Open a row for its map.`}
        </p>
        {improvements.length > 0 && (
          <div
            className="vs-table-scroll"
            tabIndex={0}
            role="region"
            aria-label="Latest improvement per app, as a table"
          >
            <table className="data vs-improvements-table">
              <thead>
                <tr>
                  <th scope="col">App</th>
                  <th scope="col">Versions</th>
                  <th scope="col" className="numeric">
                    Lead time
                  </th>
                  <th scope="col" className="numeric">
                    Change
                  </th>
                  <th scope="col" className="numeric">
                    Activity ratio
                  </th>
                  <th scope="col" className="numeric">
                    Rolled % C&amp;A
                  </th>
                  <th scope="col">
                    <span className="visually-hidden">Compare</span>
                  </th>
                </tr>
              </thead>
              <tbody>
                {improvements.map((r) => (
                  <tr key={r.appId}>
                    <th scope="row">
                      <a href={`#/value-streams/${r.latest.id}`}>{appName(r.appId)}</a>
                    </th>
                    <td>
                      {r.previous.label} → {r.latest.label}
                    </td>
                    <td className="numeric">
                      {formatDuration(r.lead.before ?? 0)} → {formatDuration(r.lead.after ?? 0)}
                    </td>
                    <td className="numeric">
                      <span className={`vs-change vs-${changeTone(r.lead, true)}`}>
                        {formatChange(r.lead)}
                      </span>
                    </td>
                    <td className="numeric">
                      {formatPct(
                        r.activityRatio.before === undefined ? undefined : r.activityRatio.before * 100,
                      )}{' '}
                      →{' '}
                      {formatPct(
                        r.activityRatio.after === undefined ? undefined : r.activityRatio.after * 100,
                      )}
                    </td>
                    <td className="numeric">
                      {formatPct(r.rolledPctCompleteAccurate.before)} →{' '}
                      {formatPct(r.rolledPctCompleteAccurate.after)}
                    </td>
                    <td>
                      <a
                        href={`#/value-streams/compare/${r.previous.id}/${r.latest.id}`}
                        aria-label={`Compare the two latest maps of ${appName(r.appId)}`}
                      >
                        Compare
                      </a>
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        )}
      </section>

      <section className="card" aria-labelledby="vs-all-maps">
        <h3 id="vs-all-maps">Maps by app</h3>
        {byApp.length === 0 ? (
          <p className="muted">No value stream mapped yet. Start with “+ New map”.</p>
        ) : (
          <ul className="vs-app-list">
            {byApp.map((group) => (
              <li key={group.appId}>
                <span className="vs-app-name">{group.name}</span>
                <span className="vs-versions">
                  {group.maps.map((m) => (
                    <a key={m.id} href={`#/value-streams/${m.id}`}>
                      {versionName(m)}
                    </a>
                  ))}
                  <a
                    href={`#/value-streams/new/${group.appId}/${group.maps[group.maps.length - 1]?.id ?? ''}`}
                    className="vs-new-version"
                  >
                    + New version
                  </a>
                </span>
              </li>
            ))}
          </ul>
        )}
      </section>
    </div>
  );
}
