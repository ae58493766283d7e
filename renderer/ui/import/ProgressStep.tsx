/** The import running: a progress bar, how far it is in words, and Cancel (which rolls everything back). */
import type { ImportProgress } from '../../../shared/import/types';
import { useStepFocus } from './use-step-focus';

export function ProgressStep({
  progress,
  many,
  onCancel,
}: {
  progress: ImportProgress;
  /** What is imported, in the plural: "apps". */
  many: string;
  onCancel: () => void;
}) {
  const heading = useStepFocus();
  return (
    <div className="card import-progress">
      <h2 ref={heading} tabIndex={-1}>
        Importing…
      </h2>
      <progress
        className="progress"
        max={Math.max(1, progress.total)}
        value={progress.done}
        aria-label="Import progress"
      />
      <p role="status" aria-live="polite">
        {progress.done.toLocaleString('en')} of {progress.total.toLocaleString('en')} {many}
      </p>
      <div className="form-actions">
        <button type="button" onClick={onCancel}>
          Cancel
        </button>
      </div>
      <p className="muted">Cancel rolls everything back: nothing from this file is kept.</p>
    </div>
  );
}
