/**
 * An app's value stream maps, for its page in Apps: each version with its lead time and activity
 * ratio, the change from the version before, and links to open, compare or map a new version.
 */
import { changePercent, valueStreamStats } from '../../../shared/domain';
import { useAppMaps } from './data/queries';
import { formatChange, formatDuration, formatPct, versionName } from './parts';
import './value-streams.css';

export default function AppValueStreams({ appId }: { appId: string }) {
  const maps = useAppMaps(appId);
  if (!maps)
    return (
      <p className="muted" role="status">
        Loading the app’s value stream maps…
      </p>
    );
  const stats = maps.map((m) => valueStreamStats(m.steps));
  const last = maps[maps.length - 1];
  return (
    <section className="card vs-app-panel" aria-labelledby={`vs-app-${appId}`}>
      <header className="vs-app-panel-header">
        <h3 id={`vs-app-${appId}`}>Value stream maps</h3>
        <a className="button" href={`#/value-streams/new/${appId}${last ? `/${last.id}` : ''}`}>
          {last ? '+ New version' : '+ Map its value stream'}
        </a>
      </header>
      {maps.length === 0 ? (
        <p className="muted">Not mapped yet.</p>
      ) : (
        <ol className="vs-app-versions">
          {maps.map((m, i) => {
            const s = stats[i]!;
            const prev = i > 0 ? stats[i - 1] : undefined;
            const change = prev && {
              before: prev.leadMinutes,
              after: s.leadMinutes,
              changePct: changePercent(prev.leadMinutes, s.leadMinutes),
            };
            return (
              <li key={m.id}>
                <a href={`#/value-streams/${m.id}`}>{versionName(m)}</a>
                <span>
                  lead time {formatDuration(s.leadMinutes)}, activity ratio{' '}
                  {formatPct(s.activityRatio === undefined ? undefined : s.activityRatio * 100)}
                  {change && ` (${formatChange(change)} lead time)`}
                </span>
                {i > 0 && (
                  <a href={`#/value-streams/compare/${maps[i - 1]!.id}/${m.id}`}>
                    Compare with the version before
                  </a>
                )}
              </li>
            );
          })}
        </ol>
      )}
    </section>
  );
}
