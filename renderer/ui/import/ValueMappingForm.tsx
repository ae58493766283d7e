/**
 * For each mapped column whose texts its field cannot read (a CMDB's "1 - Mission Critical" for a
 * score, "Live" for a stage): the column's distinct texts with their row counts and a select per
 * text — the value it stands for, or "Leave empty". Starts from the suggestions; what is left
 * empty is said per row as a warning, and the row is still imported.
 */
import { useId, type KeyboardEvent } from 'react';
import type { ImportField } from '../../../shared/import/definition';
import type { DistinctValue } from '../../../shared/import/values';

/** Texts listed per column; the rest (a free-text column mapped by mistake) are counted. */
export const VALUES_SHOWN = 60;

/**
 * The choice a key picks on a row's select, as in the scoring grid: a digit its score, 0, Delete
 * or Backspace "Leave empty"; undefined for any other key (the select's own keys: arrows, letters).
 * Every platform's select then takes a score from one key, also where arrows open its list.
 */
function choiceForKey(field: ImportField, event: KeyboardEvent): string | number | null | undefined {
  if (event.ctrlKey || event.altKey || event.metaKey) return undefined;
  if (event.key === '0' || event.key === 'Delete' || event.key === 'Backspace') return null;
  if (!/^[1-9]$/.test(event.key)) return undefined;
  return field.choices?.find((c) => c.value === Number(event.key))?.value;
}

export interface ColumnValues {
  field: ImportField;
  /** The column's index in the file, and its header. */
  column: number;
  header: string;
  /** The texts the field cannot read, in the order of their suggestions (orderForMapping). */
  unreadable: DistinctValue[];
  /** The chosen value per text; null: leave empty. */
  chosen: Readonly<Record<string, string | number | null>>;
}

export function ValueMappingForm({
  columns,
  onChange,
}: {
  columns: readonly ColumnValues[];
  onChange: (field: string, text: string, value: string | number | null) => void;
}) {
  const prefix = useId();
  const keysId = `${prefix}-keys`;
  if (columns.length === 0) return null;
  const scored = (field: ImportField) => field.choices?.some((c) => typeof c.value === 'number') ?? false;
  return (
    <div className="import-values">
      <h3>Map the values</h3>
      <p className="muted">
        These texts are not values the app can read as they are. Choose what each stands for; the rows keep
        every other field, and a value left empty is said as a warning on its row.
      </p>
      {columns.some((c) => scored(c.field)) && (
        <p className="muted" id={keysId}>
          On a score, type 1 to 5, or 0 to leave it empty; Tab moves to the next text.
        </p>
      )}
      {columns.map(({ field, header, unreadable, chosen }) => {
        const headingId = `${prefix}-${field.field}`;
        const shown = unreadable.slice(0, VALUES_SHOWN);
        return (
          <section key={field.field} aria-labelledby={headingId} className="import-values-column">
            <h4 id={headingId}>
              “{header}” as {field.label}
            </h4>
            <table className="data">
              <thead>
                <tr>
                  <th scope="col">Text in the file</th>
                  <th scope="col" className="numeric">
                    Rows
                  </th>
                  <th scope="col">Read as</th>
                </tr>
              </thead>
              <tbody>
                {shown.map((v) => {
                  const value = chosen[v.text] ?? null;
                  return (
                    <tr key={v.text}>
                      <th scope="row" className="import-value-text">
                        {v.text}
                      </th>
                      <td className="numeric">{v.rows.toLocaleString('en')}</td>
                      <td>
                        <select
                          aria-label={`${field.label} for “${v.text}”`}
                          value={value === null ? '' : String(value)}
                          aria-describedby={scored(field) ? keysId : undefined}
                          onKeyDown={(e) => {
                            const choice = choiceForKey(field, e);
                            if (choice === undefined) return;
                            e.preventDefault();
                            onChange(field.field, v.text, choice);
                          }}
                          onChange={(e) => {
                            const choice = field.choices?.find((c) => String(c.value) === e.target.value);
                            onChange(field.field, v.text, choice ? choice.value : null);
                          }}
                        >
                          <option value="">Leave empty</option>
                          {field.choices?.map((c) => (
                            <option key={String(c.value)} value={String(c.value)}>
                              {c.label}
                            </option>
                          ))}
                        </select>
                      </td>
                    </tr>
                  );
                })}
              </tbody>
            </table>
            {unreadable.length > shown.length && (
              <p className="muted">
                …and {(unreadable.length - shown.length).toLocaleString('en')} more texts, left empty. Is this
                the right column for {field.label}?
              </p>
            )}
          </section>
        );
      })}
    </div>
  );
}
