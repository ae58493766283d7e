/**
 * The parts of the restore flow (use-restore-flow.ts) on the Data screen: where it stands, shown
 * in the card that started it, and the one confirmation that says what the backup holds, what it
 * replaces, and how the current data is kept first.
 */
import { useEffect, useState } from 'react';
import { format } from 'date-fns';
import { DATA_TABLES } from '../../db/database';
import { ConfirmDialog } from '../../ui/ConfirmDialog';
import { WorkProgress } from '../../ui/WorkProgress';
import type { Counts } from './data/queries';
import { TABLE_LABELS, formatCount, records } from './labels';
import type { RestoreFlow, RestoreOrigin } from './use-restore-flow';
import type { BackupSummary } from '../../db/restore-client';

/** What the restore does with links to records the backup does not hold (none in a backup the app wrote). */
function DanglingLinks({ links }: { links: BackupSummary['danglingLinks'] }) {
  const total = links.removed + links.kept;
  if (total === 0) return null;
  const more = total - links.examples.length;
  return (
    <div className="data-dangling" role="note">
      <p>
        {total === 1 ? '1 link points' : `${total.toLocaleString('en')} links point`} at records the backup
        does not hold
        {links.removed > 0 && <>; {links.removed.toLocaleString('en')} will be removed (the record stays)</>}
        {links.kept > 0 && (
          <>; {links.kept.toLocaleString('en')} cannot be removed without losing the record, and are kept</>
        )}
        :
      </p>
      <ul>
        {links.examples.map((example) => (
          <li key={example}>{example}</li>
        ))}
        {more > 0 && <li>and {more.toLocaleString('en')} more</li>}
      </ul>
    </div>
  );
}

export function formatInstant(iso: string): string {
  const date = new Date(iso);
  return Number.isNaN(date.getTime()) ? iso : format(date, 'd MMM yyyy, HH:mm');
}

/** Record counts per table; tables with no records are left out unless `all`. */
export function CountList({ counts, label, all }: { counts: Partial<Counts>; label: string; all?: boolean }) {
  const rows = DATA_TABLES.filter((name) => all || (counts[name] ?? 0) > 0);
  return (
    <dl className="data-counts" aria-label={label}>
      {rows.map((name) => (
        <div key={name} className={(counts[name] ?? 0) === 0 ? 'data-count-zero' : undefined}>
          <dt>{TABLE_LABELS[name]}</dt>
          <dd>{formatCount(counts[name] ?? 0)}</dd>
        </div>
      ))}
    </dl>
  );
}

/** The restore's progress (with Cancel), the check under way and any error, for the card that started it. */
export function RestoreStatus({ flow, origin }: { flow: RestoreFlow; origin: RestoreOrigin }) {
  if (flow.origin !== origin) return null;
  return (
    <>
      {flow.backingUp && (
        <p className="muted" role="status">
          Backing up the current data first…
        </p>
      )}
      {flow.restoring && (
        <WorkProgress
          label="Restoring the backup"
          preparing="Preparing the restore…"
          done={flow.restoring.done}
          total={flow.restoring.total}
          unit="records"
          onCancel={flow.cancel}
        />
      )}
      {flow.checking && (
        <p className="muted" role="status">
          Checking {flow.checking}…
        </p>
      )}
      {flow.error && (
        <div className="form-error data-error" role="alert">
          {flow.error}
        </div>
      )}
    </>
  );
}

/** Whether the flow is writing, so no second restore may start. */
export function restoreUnderWay(flow: RestoreFlow): boolean {
  return flow.busy || flow.backingUp || flow.restoring !== null;
}

/**
 * "Restore this backup?": what the backup holds and what it replaces. The desktop app backs the
 * current data up to its folder first; a browser offers to download it first (ticked).
 */
export function RestoreDialog({
  flow,
  current,
  automatic,
}: {
  flow: RestoreFlow;
  current: number;
  /** True when the desktop app keeps automatic backups; false in a browser; null while unknown. */
  automatic: boolean | null;
}) {
  const { pending } = flow;
  const [downloadFirst, setDownloadFirst] = useState(true);
  useEffect(() => setDownloadFirst(true), [pending]);
  const offerDownload = automatic === false && current > 0;

  return (
    <ConfirmDialog
      open={pending !== null}
      title="Restore this backup?"
      confirmLabel="Replace all data"
      danger
      onClose={flow.close}
      onConfirm={async () => flow.confirm({ downloadFirst: offerDownload && downloadFirst })}
    >
      {pending && (
        <>
          <p>
            <strong>{pending.name}</strong> was saved on {formatInstant(pending.backup.summary.exportedAt)}{' '}
            (app version {pending.backup.summary.appVersion}) and holds{' '}
            {records(pending.backup.summary.total)}:
          </p>
          <CountList counts={pending.backup.summary.counts} label="Records in the backup" />
          <DanglingLinks links={pending.backup.summary.danglingLinks} />
          <p className="data-warning">
            Restoring <strong>replaces all current data</strong> ({records(current)}).
            {automatic && current > 0 && ' The current data is saved to the automatic backups first.'}
          </p>
          {offerDownload && (
            <label className="data-check">
              <input
                type="checkbox"
                checked={downloadFirst}
                onChange={(event) => setDownloadFirst(event.target.checked)}
              />
              Download the current data as a backup file first
            </label>
          )}
        </>
      )}
    </ConfirmDialog>
  );
}
