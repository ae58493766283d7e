/**
 * One audit: what it is (team or app, date, cycle), its results (per statement the mean and the
 * spread of answers, weakest first; the free text grouped per question) once it has the privacy
 * threshold's number of responses, the grid to type responses in, its import from a survey
 * tool's CSV, and a comparison with another audit of the same team or app.
 */
import { useMemo, useState } from 'react';
import {
  AGREEMENT_LABELS,
  answersPerQuestion,
  auditGroup,
  auditResults,
  formatIsoDate,
  type ToilAudit,
} from '../../../shared/domain';
import { useDatabase } from '../../db/DatabaseContext';
import { useUi } from '../../store/ui';
import { MountWhenNear } from '../../ui/MountWhenNear';
import { useOfferUndo } from '../../ui/undo';
import { useAction } from '../../ui/use-save';
import { useAuditResponses, type ToilData } from './data/queries';
import { deleteAudit, deleteResponse } from './data/toil';
import { DistributionBar, formatScore, groupName, plural } from './parts';
import { EntryHelp, ResponseGrid } from './ResponseGrid';

export function AuditPage({
  data,
  audit,
  threshold,
}: {
  data: ToilData;
  audit: ToilAudit;
  threshold: number;
}) {
  const database = useDatabase();
  const navigate = useUi((s) => s.navigate);
  const offerUndo = useOfferUndo();
  const action = useAction();
  const responses = useAuditResponses(audit.id);
  const results = useMemo(
    () => auditResults(audit, data.tallies.get(audit.id), data.items, threshold),
    [audit, data.tallies, data.items, threshold],
  );
  const freeText = useMemo(
    () => answersPerQuestion(audit, responses ?? [], data.items, results.shown),
    [audit, responses, data.items, results.shown],
  );
  const others = useMemo(
    () => data.audits.filter((a) => a.id !== audit.id && auditGroup(a) === auditGroup(audit)),
    [data.audits, audit],
  );
  const [other, setOther] = useState(others[0]?.id ?? '');
  const compareWith = others.find((a) => a.id === other);
  const compareHref = compareWith
    ? compareWith.date <= audit.date
      ? `#/toil/compare/${compareWith.id}/${audit.id}`
      : `#/toil/compare/${audit.id}/${compareWith.id}`
    : undefined;
  const cycle = audit.cycleId ? data.cycles.get(audit.cycleId)?.name : undefined;

  const onDelete = async () => {
    const done = await action.run(() => deleteAudit(audit.id, database));
    if (!done) return;
    navigate('toil');
    offerUndo(`Deleted “${audit.title}” and its ${plural(done.responses, 'response')}.`, done.undo);
  };

  return (
    <div className="toil-audit">
      <div className="page-header">
        <div>
          <a href="#/toil" className="back-link">
            ← All audits
          </a>
          <h2>{audit.title}</h2>
          <p className="muted">
            {groupName(data, audit)} · {formatIsoDate(audit.date)}
            {cycle ? ` · ${cycle}` : ''} · {plural(results.responses, 'response')}
          </p>
          {audit.notes && <p>{audit.notes}</p>}
        </div>
        <div className="toolbar">
          <a className="button" href={`#/toil/${audit.id}/import`}>
            Import responses…
          </a>
          <a className="button" href={`#/toil/${audit.id}/edit`}>
            Edit
          </a>
          <button type="button" className="danger" onClick={() => void onDelete()}>
            Delete audit
          </button>
        </div>
      </div>

      {others.length > 0 && (
        <section className="card toil-compare-pick" aria-label="Compare with another audit">
          <label className="inline-field" htmlFor="toil-compare-with">
            Compare with
          </label>
          <select id="toil-compare-with" value={other} onChange={(e) => setOther(e.target.value)}>
            {others.map((a) => (
              <option key={a.id} value={a.id}>
                {a.title} · {formatIsoDate(a.date)}
              </option>
            ))}
          </select>
          {compareHref && (
            <a className="button" href={compareHref}>
              Compare
            </a>
          )}
        </section>
      )}

      <section className="card" aria-labelledby="toil-results-title">
        <h3 id="toil-results-title">Results, weakest first</h3>
        {!results.shown ? (
          <p role="status" className="toil-hidden">
            {results.responses === 0
              ? 'No response yet: enter them below or import them.'
              : `Results show from ${plural(threshold, 'response')}, so that no answer points at someone: ${plural(threshold - results.responses, 'more response')} needed.`}
          </p>
        ) : (
          <>
            <p>
              Overall score <strong>{formatScore(results.score)}</strong> of 5 (the mean of the statements
              shown; 5 is least toil). Reversed statements are scored the other way round.
            </p>
            <p className="toil-dist-legend" aria-hidden="true">
              {AGREEMENT_LABELS.map((label, i) => (
                <span key={label}>
                  <i className={`agree-${i + 1}`} /> {label}
                </span>
              ))}
              <span>
                <i className="agree-na" /> Not applicable
              </span>
            </p>
            <table className="data toil-results">
              <thead>
                <tr>
                  <th scope="col">Statement</th>
                  <th scope="col" className="num">
                    Mean
                  </th>
                  <th scope="col">Answers (strongly disagree → strongly agree, N/A)</th>
                  <th scope="col" className="num">
                    Answered
                  </th>
                  <th scope="col" className="num">
                    N/A
                  </th>
                </tr>
              </thead>
              <tbody>
                {results.statements.map((s) => (
                  <tr key={s.itemId}>
                    <td>
                      {s.text}
                      {s.reversed && <span className="tag">reversed</span>}
                    </td>
                    <td className="num">
                      {s.status === 'shown' ? (
                        formatScore(s.mean)
                      ) : (
                        <span className="muted">{s.status === 'no-answers' ? 'all N/A' : 'too few'}</span>
                      )}
                    </td>
                    <td>
                      {s.distribution ? (
                        <DistributionBar counts={s.distribution} notApplicable={s.notApplicable} />
                      ) : (
                        <span className="muted">
                          {s.status === 'no-answers'
                            ? 'Every response said not applicable'
                            : `Fewer than ${threshold} answers: not shown`}
                        </span>
                      )}
                    </td>
                    <td className="num">{s.answered}</td>
                    <td className="num">{s.notApplicable}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </>
        )}
      </section>

      {results.shown && (
        <section className="card" aria-labelledby="toil-text-title">
          <h3 id="toil-text-title">What the developers wrote</h3>
          {!responses ? (
            <p role="status">Reading the answers…</p>
          ) : (
            freeText.map((q) => (
              <div key={q.itemId} className="toil-question">
                <h4>{q.text}</h4>
                {q.answers.length === 0 ? (
                  <p className="muted">No answer.</p>
                ) : (
                  <ul>
                    {q.answers.map((text, i) => (
                      <li key={i}>{text}</li>
                    ))}
                  </ul>
                )}
              </div>
            ))
          )}
        </section>
      )}

      {/* 135 inputs far below the results: drawn when the page is scrolled near them, or Tab reaches them. */}
      <MountWhenNear className="toil-entry-box" placeholder={(show) => <EntryPlaceholder show={show} />}>
        <ResponseGrid audit={audit} items={data.items} />
      </MountWhenNear>

      {responses && responses.length > 0 && (
        <details className="card toil-responses">
          <summary>{plural(responses.length, 'response')} stored</summary>
          <ul>
            {responses.map((r, i) => (
              <li key={r.id}>
                Response {i + 1}, entered {formatIsoDate(r.createdAt.slice(0, 10))}{' '}
                <button
                  type="button"
                  className="link"
                  aria-label={`Delete response ${i + 1}`}
                  onClick={() =>
                    void action.run(async () => {
                      const done = await deleteResponse(r.id, database);
                      offerUndo(`Deleted response ${i + 1}.`, done.undo);
                    })
                  }
                >
                  Delete
                </button>
              </li>
            ))}
          </ul>
        </details>
      )}
    </div>
  );
}

/** What stands for the response grid until it is drawn: its heading, its help, a button that draws it. */
function EntryPlaceholder({ show }: { show: () => void }) {
  return (
    <section className="card toil-entry toil-entry-waiting" aria-labelledby="toil-entry-waiting-title">
      <h3 id="toil-entry-waiting-title">Enter responses</h3>
      <EntryHelp />
      <button type="button" onFocus={show} onClick={show}>
        Show the response grid
      </button>
    </section>
  );
}
