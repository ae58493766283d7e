/** Every rejected row or document with where it is, the field and the problem; long lists are cut with a count. */
import type { RejectedRow } from '../../../shared/import/types';
import { ScrollBox } from './parts';

/** Problems listed before "and N more" (a broken 20,000-row file must not freeze the page). */
const PROBLEM_LIMIT = 500;

export function ProblemList({ rejected, title }: { rejected: readonly RejectedRow[]; title: string }) {
  if (rejected.length === 0) return null;
  return (
    <div className="import-problems">
      <h3>{title}</h3>
      <ScrollBox label={title}>
        <table className="data" aria-label={title}>
          <thead>
            <tr>
              <th scope="col">Where</th>
              <th scope="col">Field</th>
              <th scope="col">Problem</th>
            </tr>
          </thead>
          <tbody>
            {rejected.slice(0, PROBLEM_LIMIT).map((r, i) => (
              <tr key={`${r.location}-${i}`}>
                <td>{r.location}</td>
                <td>{r.field || '—'}</td>
                <td>{r.problem}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </ScrollBox>
      {rejected.length > PROBLEM_LIMIT && (
        <p className="muted">…and {(rejected.length - PROBLEM_LIMIT).toLocaleString('en')} more problems.</p>
      )}
    </div>
  );
}
