/**
 * Two versions of an app's value stream side by side: each figure in both with the change in
 * percent, each step matched by name with its wait, process time and % C&A before and after, and
 * both timelines.
 */
import {
  compareValueStreams,
  valueStreamStats,
  type FigureChange,
  type ValueStreamMap,
} from '../../../shared/domain';
import { MapTimeline } from './MapTimeline';
import { changeTone, formatChange, formatDuration, formatPct, versionName } from './parts';

function Change({ change, lowerIsBetter }: { change: FigureChange; lowerIsBetter: boolean }) {
  const tone = changeTone(change, lowerIsBetter);
  return <span className={`vs-change vs-${tone}`}>{formatChange(change)}</span>;
}

const duration = (minutes: number | undefined) => (minutes === undefined ? '—' : formatDuration(minutes));
const pct = (value: number | undefined) => (value === undefined ? '—' : formatPct(value));

export function CompareView({
  before,
  after,
  appName,
}: {
  before: ValueStreamMap;
  after: ValueStreamMap;
  appName: string;
}) {
  const c = compareValueStreams(before.steps, after.steps);
  const ratio = (v: number | undefined) => (v === undefined ? 'not defined' : formatPct(v * 100));
  const figures = [
    { name: 'Lead time', change: c.lead, show: duration, lower: true },
    { name: 'Process time', change: c.process, show: duration, lower: true },
    { name: 'Wait time', change: c.wait, show: duration, lower: true },
    { name: 'Activity ratio', change: c.activityRatio, show: ratio, lower: false },
    { name: 'Rolled % C&A', change: c.rolledPctCompleteAccurate, show: pct, lower: false },
  ];
  const longest = valueStreamStats(after.steps).longestWait;
  return (
    <div className="vs-compare">
      <div className="page-header">
        <div>
          <a href="#/value-streams" className="back-link">
            ← All value streams
          </a>
          <h2>{appName}: two versions compared</h2>
          <p className="muted">
            <a href={`#/value-streams/${before.id}`}>{versionName(before)}</a> →{' '}
            <a href={`#/value-streams/${after.id}`}>{versionName(after)}</a>
            {longest && ` · now waits longest before ${longest.name}`}
          </p>
        </div>
      </div>
      <section className="card">
        <h3>Figures</h3>
        <table className="data vs-compare-table" aria-label="Figures">
          <thead>
            <tr>
              <th scope="col">Figure</th>
              <th scope="col" className="numeric">
                {before.label}
              </th>
              <th scope="col" className="numeric">
                {after.label}
              </th>
              <th scope="col" className="numeric">
                Change
              </th>
            </tr>
          </thead>
          <tbody>
            {figures.map((f) => (
              <tr key={f.name}>
                <th scope="row">{f.name}</th>
                <td className="numeric">{f.show(f.change.before)}</td>
                <td className="numeric">{f.show(f.change.after)}</td>
                <td className="numeric">
                  <Change change={f.change} lowerIsBetter={f.lower} />
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </section>
      <section className="card">
        <h3>Steps, matched by name</h3>
        <table className="data vs-compare-table" aria-label="Steps, matched by name">
          <thead>
            <tr>
              <th scope="col">Step</th>
              <th scope="col" className="numeric">
                Wait
              </th>
              <th scope="col" className="numeric">
                Process
              </th>
              <th scope="col" className="numeric">
                Wait + process, change
              </th>
              <th scope="col" className="numeric">
                % C&amp;A
              </th>
            </tr>
          </thead>
          <tbody>
            {c.steps.map((s, i) => (
              <tr key={`${s.name}-${i}`}>
                <th scope="row">
                  {s.name}
                  {!s.before && <span className="vs-tag"> added</span>}
                  {!s.after && <span className="vs-tag"> dropped</span>}
                </th>
                <td className="numeric">
                  {duration(s.wait.before)} → {duration(s.wait.after)}
                </td>
                <td className="numeric">
                  {duration(s.process.before)} → {duration(s.process.after)}
                </td>
                <td className="numeric">
                  <Change change={s.lead} lowerIsBetter />
                </td>
                <td className="numeric">
                  {pct(s.pctCompleteAccurate.before)} → {pct(s.pctCompleteAccurate.after)}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </section>
      <div className="vs-side-by-side">
        <MapTimeline steps={before.steps} title={`Timeline: ${before.label}`} />
        <MapTimeline steps={after.steps} title={`Timeline: ${after.label}`} />
      </div>
    </div>
  );
}
