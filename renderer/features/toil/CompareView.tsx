/**
 * Two audits of the same team (or app) side by side: per statement the earlier and later mean and
 * the change, what improved and what got worse, and a note on each statement reworded between
 * them (the answers were to different sentences). Nothing is compared unless both audits show
 * results (privacy threshold).
 */
import { useMemo } from 'react';
import { auditResults, compareAudits, formatIsoDate, type ToilAudit } from '../../../shared/domain';
import type { ToilData } from './data/queries';
import { formatChange, formatScore, groupName, plural } from './parts';

interface Props {
  data: ToilData;
  earlier: ToilAudit;
  later: ToilAudit;
  threshold: number;
}

export function CompareView({ data, earlier, later, threshold }: Props) {
  const cmp = useMemo(() => {
    const side = (audit: ToilAudit) => ({
      audit,
      results: auditResults(audit, data.tallies.get(audit.id), data.items, threshold),
    });
    return {
      before: side(earlier),
      after: side(later),
      ...compareAudits(side(earlier), side(later), data.items),
    };
  }, [data, earlier, later, threshold]);
  const name = (a: ToilAudit) => `${a.title} (${formatIsoDate(a.date)})`;

  return (
    <section className="card toil-compare" aria-labelledby="toil-compare-title">
      <a href={`#/toil/${later.id}`} className="back-link">
        ← {later.title}
      </a>
      <h2 id="toil-compare-title">
        {groupName(data, later)}: {formatIsoDate(earlier.date)} → {formatIsoDate(later.date)}
      </h2>
      {!cmp.comparable ? (
        <p role="status" className="toil-hidden">
          Not compared: results show from {plural(threshold, 'response')}, and{' '}
          {[cmp.before, cmp.after]
            .filter((s) => !s.results.shown)
            .map((s) => `${name(s.audit)} has ${plural(s.results.responses, 'response')}`)
            .join(' and ')}
          .
        </p>
      ) : (
        <>
          <p className="toil-reading">
            {plural(cmp.improved, 'statement')} improved, {cmp.worse} got worse, {cmp.same} stayed the same
            {cmp.scoreChange !== null
              ? `; the overall score went from ${formatScore(cmp.before.results.score)} to ${formatScore(cmp.after.results.score)} (${formatChange(cmp.scoreChange)})`
              : ''}
            .
            {cmp.reworded > 0 &&
              ` ${plural(cmp.reworded, 'statement was', 'statements were')} reworded in between: their answers were to different sentences.`}
          </p>
          <table className="data toil-results">
            <thead>
              <tr>
                <th scope="col">Statement</th>
                <th scope="col" className="num">
                  {formatIsoDate(earlier.date)}
                </th>
                <th scope="col" className="num">
                  {formatIsoDate(later.date)}
                </th>
                <th scope="col" className="num">
                  Change
                </th>
                <th scope="col">Verdict</th>
              </tr>
            </thead>
            <tbody>
              {cmp.statements.map((s) => (
                <tr key={s.itemId}>
                  <td>
                    {s.text}
                    {s.earlierText && (
                      <small className="toil-reworded">
                        Reworded: the earlier audit asked “{s.earlierText}”
                      </small>
                    )}
                  </td>
                  <td className="num">{formatScore(s.before)}</td>
                  <td className="num">{formatScore(s.after)}</td>
                  <td className="num">{formatChange(s.change)}</td>
                  <td>
                    {s.verdict ? (
                      <span className={`verdict verdict-${s.verdict}`}>
                        {s.verdict === 'same' ? 'same' : s.verdict}
                      </span>
                    ) : (
                      <span className="muted">not shown in both</span>
                    )}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </>
      )}
    </section>
  );
}
