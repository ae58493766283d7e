/** What the import did: created, updated, skipped and rejected, each rejected row with where and why. */
import { rejectedRowCount, type ImportResult } from '../../../shared/import/types';
import { FactList } from './parts';
import { ProblemList } from './ProblemList';
import type { Fact } from './types';
import { useStepFocus } from './use-step-focus';

export function ResultStep({
  result,
  extra,
  fileName,
  doneLink,
  onAgain,
}: {
  result: ImportResult;
  /** The area's own counts ("teams created"). */
  extra: readonly Fact[];
  fileName: string;
  doneLink?: { href: string; label: string } | undefined;
  onAgain: () => void;
}) {
  const heading = useStepFocus();
  const rejectedRows = rejectedRowCount(result.rejected);
  return (
    <div className="card import-result" role="status" aria-live="polite">
      <h2 ref={heading} tabIndex={-1}>
        Imported {fileName}
      </h2>
      <FactList
        label="Import result"
        facts={[
          { label: 'created', count: result.created },
          { label: 'updated', count: result.updated },
          { label: 'skipped', count: result.skipped },
          { label: 'rejected', count: rejectedRows, bad: rejectedRows > 0 },
          ...extra,
        ]}
      />
      <ProblemList rejected={result.rejected} title="Rejected rows" />
      <ProblemList rejected={result.warnings ?? []} title="Values left empty" />
      <div className="form-actions">
        <button type="button" onClick={onAgain}>
          Import another file
        </button>
        {doneLink && (
          <a className="button primary" href={doneLink.href}>
            {doneLink.label}
          </a>
        )}
      </div>
    </div>
  );
}
