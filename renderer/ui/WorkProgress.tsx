/**
 * Long work in progress with its Cancel button (loading the demo program, restoring a backup):
 * a progress bar named for the work, the share done and, when the total is known, the records.
 */
import './work-progress.css';

export function WorkProgress({
  label,
  preparing,
  done,
  total,
  unit,
  onCancel,
}: {
  /** The work, as the bar's name and the line under it: "Restoring the backup". */
  label: string;
  /** What the line says before the total is known. */
  preparing: string;
  done: number;
  total: number;
  /** What is counted, for "1,000 of 20,000 records"; without it only the percentage shows. */
  unit?: string;
  onCancel: () => void;
}) {
  const pct = total > 0 ? Math.round((done / total) * 100) : null;
  return (
    <div className="work-progress" role="status" aria-live="polite">
      <progress
        className="progress"
        aria-label={label}
        max={total || undefined}
        value={total ? done : undefined}
      />
      <div className="work-progress-row">
        <span>
          {pct === null ? preparing : `${label}… ${pct}%`}
          {pct !== null && unit && (
            <span className="muted">
              {' '}
              ({done.toLocaleString('en')} of {total.toLocaleString('en')} {unit})
            </span>
          )}
        </span>
        <button type="button" onClick={onCancel}>
          Cancel
        </button>
      </div>
    </div>
  );
}
