/**
 * One select per field of the entity: which of the file's columns holds it, or "Not imported". A
 * required field without a column is marked invalid; a column can be chosen for several fields.
 */
import { useId } from 'react';
import type { ColumnMapping, ImportField } from '../../../shared/import/definition';

export function ColumnMappingForm({
  fields,
  headers,
  mapping,
  onChange,
}: {
  fields: readonly ImportField[];
  headers: readonly string[];
  mapping: ColumnMapping;
  /** `column` undefined: the field is not imported. */
  onChange: (field: string, column: number | undefined) => void;
}) {
  const prefix = useId();
  return (
    <div className="import-mapping" role="group" aria-label="Columns for each field">
      {fields.map((f) => {
        const id = `${prefix}-map-${f.field}`;
        const missing = f.required && mapping[f.field] === undefined;
        return (
          <div className="field" key={f.field}>
            <label htmlFor={id}>
              {f.label}
              {f.required && <span aria-hidden="true"> *</span>}
            </label>
            <select
              id={id}
              value={mapping[f.field] ?? ''}
              onChange={(e) => onChange(f.field, e.target.value === '' ? undefined : Number(e.target.value))}
              aria-required={f.required || undefined}
              aria-invalid={missing || undefined}
            >
              <option value="">{f.required ? '— choose a column —' : 'Not imported'}</option>
              {headers.map((h, i) => (
                <option key={i} value={i}>
                  {h || `Column ${i + 1}`}
                </option>
              ))}
            </select>
          </div>
        );
      })}
    </div>
  );
}
