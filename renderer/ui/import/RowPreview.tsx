/**
 * The first rows of a table as they will be read: each row's problems (or OK) next to the cells of
 * the mapped columns, so a wrong mapping or a bad cell shows before anything is written.
 */
import { unescapeFormulaCell } from '../../../shared/import/cells';
import type { ColumnMapping, ImportField } from '../../../shared/import/definition';
import { rowLocation } from '../../../shared/import/mapping';
import type { RejectedRow } from '../../../shared/import/types';
import type { ValueMapping } from '../../../shared/import/values';
import { ScrollBox } from './parts';

/** A cell as it will be read: its text, and what a text mapped to a value becomes ("1 - High → 5"). */
function Cell({ field, text, values }: { field: ImportField; text: string; values: ValueMapping }) {
  const mapped = values[field.field]?.[unescapeFormulaCell(text.trim())];
  if (mapped === undefined || mapped === null) return <td>{text}</td>;
  // A score as its number; a stage by its name.
  const label =
    typeof mapped === 'number'
      ? String(mapped)
      : (field.choices?.find((c) => c.value === mapped)?.label ?? mapped);
  return (
    <td>
      {text} <span className="import-read-as">→ {label}</span>
    </td>
  );
}

/** Rows shown; the problems of every row are listed below the preview regardless. */
export const PREVIEW_ROWS = 20;

export function RowPreview({
  rows,
  fields,
  mapping,
  values = {},
  problemsByRow,
  warningsByRow = new Map(),
}: {
  rows: readonly string[][];
  fields: readonly ImportField[];
  mapping: ColumnMapping;
  /** Texts the user mapped to values, shown beside the cell. */
  values?: ValueMapping;
  problemsByRow: ReadonlyMap<string, readonly RejectedRow[]>;
  /** Values left empty in rows that are imported. */
  warningsByRow?: ReadonlyMap<string, readonly RejectedRow[]>;
}) {
  const mapped = fields.filter((f) => mapping[f.field] !== undefined);
  return (
    <>
      <ScrollBox label="Preview rows">
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
                    <Cell key={f.field} field={f} text={row[mapping[f.field]!] ?? ''} values={values} />
                  ))}
                </tr>
              );
            })}
          </tbody>
        </table>
      </ScrollBox>
      {rows.length > PREVIEW_ROWS && (
        <p className="muted">
          Showing the first {PREVIEW_ROWS} of {rows.length.toLocaleString('en')} rows; the problems of every
          row are listed below.
        </p>
      )}
    </>
  );
}
