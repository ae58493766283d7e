/** The demo program's loading progress, with its Cancel button; and the message when loading failed. */
import type { DemoLoad } from './use-demo-loader';
import './demo-progress.css';

export function DemoProgress({
  demo,
  onCancel,
}: {
  demo: DemoLoad & { state: 'loading' };
  onCancel: () => void;
}) {
  const pct = demo.total > 0 ? Math.round((demo.done / demo.total) * 100) : null;
  return (
    <div className="demo-progress" role="status" aria-live="polite">
      <progress
        className="progress"
        aria-label="Loading the demo program"
        max={demo.total || undefined}
        value={demo.total ? demo.done : undefined}
      />
      <div className="demo-progress-row">
        <span>{pct === null ? 'Preparing the demo program…' : `Loading the demo program… ${pct}%`}</span>
        <button type="button" onClick={onCancel}>
          Cancel
        </button>
      </div>
    </div>
  );
}

export function DemoFailure({ demo }: { demo: DemoLoad }) {
  if (demo.state !== 'failed') return null;
  return (
    <div className="form-error" role="alert">
      The demo program could not be loaded: {demo.message} Nothing was changed.
    </div>
  );
}
