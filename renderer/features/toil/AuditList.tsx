/**
 * Every audit, latest first: its date, team or app, cycle, responses and overall score (the mean
 * of its shown statements; "hidden" below the privacy threshold). A team filter narrows it to one
 * group's audits; the list draws at most 200 rows, and says so.
 */
import { useMemo, useState } from 'react';
import { auditGroup, auditResults, formatIsoDate } from '../../../shared/domain';
import type { ToilData } from './data/queries';
import { formatScore, groupName, plural } from './parts';

const SHOWN = 200;

export function AuditList({ data, threshold }: { data: ToilData; threshold: number }) {
  const [group, setGroup] = useState('');
  const groups = useMemo(() => {
    const seen = new Map<string, string>();
    for (const a of data.audits) {
      const key = auditGroup(a);
      if (!seen.has(key)) seen.set(key, groupName(data, a));
    }
    return [...seen].sort((a, b) => a[1].localeCompare(b[1]));
  }, [data]);
  const listed = useMemo(
    () => (group ? data.audits.filter((a) => auditGroup(a) === group) : data.audits),
    [data.audits, group],
  );
  const rows = listed.slice(0, SHOWN);

  if (data.audits.length === 0) {
    return (
      <section className="card empty-state">
        <h2>No audit yet</h2>
        <p>
          Run the deck’s toil audit with a team before its first app is onboarded, and again after: the
          comparison shows what the platform took off their plate.
        </p>
        <a className="button primary" href="#/toil/new">
          Run the first audit
        </a>
      </section>
    );
  }
  return (
    <section className="card toil-list" aria-labelledby="toil-list-title">
      <div className="toil-list-head">
        <h2 id="toil-list-title">Audits</h2>
        <label className="inline-field" htmlFor="toil-list-group">
          Team or app
        </label>
        <select id="toil-list-group" value={group} onChange={(e) => setGroup(e.target.value)}>
          <option value="">All ({plural(data.audits.length, 'audit')})</option>
          {groups.map(([key, name]) => (
            <option key={key} value={key}>
              {name}
            </option>
          ))}
        </select>
      </div>
      <p className="muted">
        Results show from {plural(threshold, 'response')} (Template → privacy threshold).
        {listed.length > SHOWN
          ? ` The latest ${SHOWN} of ${listed.length.toLocaleString('en')} are listed; choose a team to see its own.`
          : ''}
      </p>
      <table className="data">
        <thead>
          <tr>
            <th scope="col">Date</th>
            <th scope="col">Audit</th>
            <th scope="col">Team or app</th>
            <th scope="col">Cycle</th>
            <th scope="col" className="num">
              Responses
            </th>
            <th scope="col" className="num">
              Score (1–5)
            </th>
          </tr>
        </thead>
        <tbody>
          {rows.map((a) => {
            const results = auditResults(a, data.tallies.get(a.id), data.items, threshold);
            return (
              <tr key={a.id}>
                <td>{formatIsoDate(a.date)}</td>
                <td>
                  <a href={`#/toil/${a.id}`}>{a.title}</a>
                </td>
                <td>{groupName(data, a)}</td>
                <td>{a.cycleId ? (data.cycles.get(a.cycleId)?.name ?? '') : ''}</td>
                <td className="num">{results.responses}</td>
                <td className="num">
                  {results.shown ? formatScore(results.score) : <span className="muted">hidden</span>}
                </td>
              </tr>
            );
          })}
        </tbody>
      </table>
    </section>
  );
}
