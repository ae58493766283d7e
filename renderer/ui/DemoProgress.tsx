/** The demo program's loading progress, with its Cancel button; and the message when loading failed. */
import type { DemoLoad } from './use-demo-loader';
import { WorkProgress } from './WorkProgress';

export function DemoProgress({
  demo,
  onCancel,
}: {
  demo: DemoLoad & { state: 'loading' };
  onCancel: () => void;
}) {
  return (
    <WorkProgress
      label="Loading the demo program"
      preparing="Preparing the demo program…"
      done={demo.done}
      total={demo.total}
      onCancel={onCancel}
    />
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
