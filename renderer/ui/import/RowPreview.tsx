/**
 * The first rows of a table as they will be read: each row's problems (or OK) next to the cells of
 * the mapped columns, so a wrong mapping or a bad cell shows before anything is written.
 */
import type { ColumnMapping, ImportField } from '../../../shared/import/definition';
import { rowLocation } from '../../../shared/import/mapping';
import type { RejectedRow } from '../../../shared/import/types';

/** Rows shown; the problems of every row are listed below the preview regardless. */
export const PREVIEW_ROWS = 20;

export function RowPreview({
  rows,
  fields,
  mapping,
  problemsByRow,
  warningsByRow = new Map(),
}: {
  rows: readonly string[][];
  fields: readonly ImportField[];
  mapping: ColumnMapping;
  problemsByRow: ReadonlyMap<string, readonly RejectedRow[]>;
  /** Values left empty in rows that are imported. */
  warningsByRow?: ReadonlyMap<string, readonly RejectedRow[]>;
}) {
  const mapped = fields.filter((f) => mapping[f.field] !== undefined);
  return (
    <>
      <div className="import-scroll">
        <table className="data import-preview" aria-label="Preview">
          <thead>
            <tr>
              <th scope="col">Row</th>
              <th scope="col">Problems</th>
              {mapped.map((f) => (
                <th scope="col" key={f.field}>
                  {f.label}
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {rows.slice(0, PREVIEW_ROWS).map((row, i) => {
              const problems = problemsByRow.get(rowLocation(i)) ?? [];
              const warnings = warningsByRow.get(rowLocation(i)) ?? [];
              return (
                <tr key={i} className={problems.length ? 'has-problem' : undefined}>
                  <td>{i + 2}</td>
                  <td className="problems-cell">
                    {problems.length === 0 && warnings.length === 0 && <span className="ok">OK</span>}
                    {problems.map((p, j) => (
                      <div key={j} className="problem">
                        {p.field ? `${p.field}: ` : ''}
                        {p.problem}
                      </div>
                    ))}
                    {problems.length === 0 &&
                      warnings.map((p, j) => (
                        <div key={`w${j}`} className="warning">
                          {p.field ? `${p.field}: ` : ''}
                          {p.problem}
                        </div>
                      ))}
                  </td>
                  {mapped.map((f) => (
                    <td key={f.field}>{row[mapping[f.field]!] ?? ''}</td>
                  ))}
                </tr>
              );
            })}
          </tbody>
        </table>
      </div>
      {rows.length > PREVIEW_ROWS && (
        <p className="muted">
          Showing the first {PREVIEW_ROWS} of {rows.length.toLocaleString('en')} rows; the problems of every
          row are listed below.
        </p>
      )}
    </>
  );
}
