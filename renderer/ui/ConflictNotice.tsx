/**
 * The fields of an open form that were also changed elsewhere (another window, an import) since
 * it opened: both values side by side, and a choice per field. Nothing is saved until each is
 * settled, so neither change is lost without the user seeing it.
 */
import type { FieldConflict } from '../../shared/domain/three-way';
import './conflict-notice.css';

interface ConflictNoticeProps {
  conflicts: readonly FieldConflict[];
  /** The field's label as the form shows it. */
  label: (field: string) => string;
  /** A value as the user reads it (a stage's name, a date, "none"). */
  show?: (field: string, value: unknown) => string;
  onResolve: (field: string, keep: 'mine' | 'theirs') => void;
}

/** A value as it is: text, a list joined with commas, or “none”. The default of `show`. */
export function plainValue(_field: string, value: unknown): string {
  if (value === null || value === undefined || value === '') return 'none';
  if (Array.isArray(value)) return value.length ? value.join(', ') : 'none';
  if (typeof value === 'object') return JSON.stringify(value);
  return String(value as string | number | boolean);
}

export function ConflictNotice({ conflicts, label, show = plainValue, onResolve }: ConflictNoticeProps) {
  if (conflicts.length === 0) return null;
  return (
    <section className="conflict-notice" role="alert" aria-label="Changed elsewhere">
      <p>
        <strong>Changed elsewhere while you were editing.</strong> Choose which value to keep for{' '}
        {conflicts.length === 1 ? 'this field' : `these ${conflicts.length} fields`}; then save.
      </p>
      <ul>
        {conflicts.map((c) => (
          <li key={c.field}>
            <span className="conflict-field">{label(c.field)}</span>
            <span className="conflict-values">
              yours: “{show(c.field, c.mine)}” · saved elsewhere: “{show(c.field, c.theirs)}”
            </span>
            <span className="conflict-actions">
              <button
                type="button"
                aria-label={`Keep yours for ${label(c.field)}`}
                onClick={() => onResolve(c.field, 'mine')}
              >
                Keep yours
              </button>
              <button
                type="button"
                aria-label={`Use saved for ${label(c.field)}`}
                onClick={() => onResolve(c.field, 'theirs')}
              >
                Use saved
              </button>
            </span>
          </li>
        ))}
      </ul>
    </section>
  );
}
