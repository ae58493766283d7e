/**
 * "Merge a backup": brings another copy of this program — an advocate's export, the owner's from
 * another laptop — into this workspace by the merge rules (shared/sync/merge.ts): records are
 * matched by id, each field keeps its latest change, deletes stay deleted, nothing else is
 * replaced. The file is read and checked off the page's thread (renderer/db/restore-client.ts),
 * the dialog says what the merge adds, changes and deletes, the current data is saved to the
 * automatic backups first (desktop), the merge is written in one transaction with progress and
 * Cancel, and the conflicts it settled are listed afterwards.
 */
import { useEffect, useRef, useState } from 'react';
import { formatBytes } from '../../../shared/import/file-checks';
import { MAX_BACKUP_BYTES } from '../../../shared/ipc/contract';
import { useDatabase } from '../../db/DatabaseContext';
import { describeError } from '../../db/errors';
import { checkBackup, type CheckedBackup, type MergeSummary } from '../../db/restore-client';
import { desktop } from '../../desktop';
import { useUi } from '../../store/ui';
import { ConfirmDialog } from '../../ui/ConfirmDialog';
import { WorkProgress } from '../../ui/WorkProgress';
import { writeAutoBackup } from './data/auto-backups';
import { TABLE_LABELS, formatCount, records } from './labels';
import { formatInstant } from './RestoreParts';
import { JSON_FILTERS } from './use-restore-flow';

interface Pending {
  name: string;
  backup: CheckedBackup;
  preview: MergeSummary;
}

interface Merged {
  name: string;
  summary: MergeSummary;
}

function changes({ added, changed, deleted }: MergeSummary['counts']): string {
  return `${records(added)} added, ${formatCount(changed)} changed, ${formatCount(deleted)} deleted`;
}

/** A value as the conflicts table shows it: text as it is, anything else as short JSON. */
function shown(value: unknown): string {
  const text = value === undefined ? '(empty)' : typeof value === 'string' ? value : JSON.stringify(value);
  return text.length > 80 ? `${text.slice(0, 79)}…` : text;
}

function PerTable({ summary, label }: { summary: MergeSummary; label: string }) {
  const rows = Object.entries(summary.perTable) as [keyof typeof TABLE_LABELS, MergeSummary['counts']][];
  if (rows.length === 0) return null;
  return (
    <table className="data-merge-table" aria-label={label}>
      <thead>
        <tr>
          <th scope="col">Records</th>
          <th scope="col">Added</th>
          <th scope="col">Changed</th>
          <th scope="col">Deleted</th>
        </tr>
      </thead>
      <tbody>
        {rows.map(([table, n]) => (
          <tr key={table}>
            <th scope="row">{TABLE_LABELS[table]}</th>
            <td>{formatCount(n.added)}</td>
            <td>{formatCount(n.changed)}</td>
            <td>{formatCount(n.deleted)}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}

/** The conflicts a merge settled: which value was kept and which dropped. */
function Conflicts({ summary }: { summary: MergeSummary }) {
  if (summary.conflictCount === 0 && summary.keptWhole.length === 0) {
    return <p className="muted">No conflicts: no field was changed differently on both sides.</p>;
  }
  const more = summary.conflictCount - summary.conflicts.length;
  return (
    <>
      {summary.conflictCount > 0 && (
        <>
          <p>
            {summary.conflictCount === 1
              ? '1 field was changed on both sides'
              : `${formatCount(summary.conflictCount)} fields were changed on both sides`}
            : the later change was kept.
          </p>
          <div className="data-merge-scroll">
            <table className="data-merge-table" aria-label="Conflicts settled by the merge">
              <thead>
                <tr>
                  <th scope="col">Record</th>
                  <th scope="col">Field</th>
                  <th scope="col">Kept</th>
                  <th scope="col">Dropped</th>
                </tr>
              </thead>
              <tbody>
                {summary.conflicts.map((c) => (
                  <tr key={`${c.table}:${c.id}:${c.field ?? ''}`}>
                    <th scope="row">
                      {TABLE_LABELS[c.table as keyof typeof TABLE_LABELS] ?? c.table}: {c.label}
                    </th>
                    <td>{c.field ?? '(the whole record)'}</td>
                    <td>{c.field === null ? 'Deleted' : shown(c.kept)}</td>
                    <td>{c.field === null ? 'Changes made after the delete' : shown(c.dropped)}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
          {more > 0 && <p className="muted">…and {formatCount(more)} more.</p>}
        </>
      )}
      {summary.keptWhole.length > 0 && (
        <div className="data-dangling" role="note">
          <p>These records were kept as they were here: their two sets of changes do not fit together.</p>
          <ul>
            {summary.keptWhole.map((k) => (
              <li key={`${k.table}:${k.id}`}>{k.message}</li>
            ))}
          </ul>
        </div>
      )}
    </>
  );
}

export function MergeCard({ current, automatic }: { current: number; automatic: boolean | null }) {
  const database = useDatabase();
  const toast = useUi((s) => s.toast);
  const [busy, setBusy] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [pending, setPending] = useState<Pending | null>(null);
  const [progress, setProgress] = useState<{ done: number; total: number } | null>(null);
  const [merged, setMerged] = useState<Merged | null>(null);
  const abort = useRef<AbortController | null>(null);
  const inFlight = useRef<CheckedBackup | null>(null);
  // Leaving the screen mid-merge cancels it: the database then stays as it was.
  useEffect(() => () => abort.current?.abort(), []);
  useEffect(() => {
    const backup = pending?.backup;
    return () => {
      if (backup && backup !== inFlight.current) backup.discard();
    };
  }, [pending]);

  async function choose() {
    setError(null);
    setMerged(null);
    try {
      const file = await desktop.openFile({
        title: 'Merge a backup',
        filters: JSON_FILTERS,
        maxBytes: MAX_BACKUP_BYTES,
        read: 'bytes',
      });
      if (file.status === 'canceled') return;
      if (file.status === 'too-large') {
        setError(`${file.name} is ${formatBytes(file.size)}: too large to be a backup. Nothing was changed.`);
        return;
      }
      setBusy(`Checking ${file.name}…`);
      let backup: CheckedBackup | null = null;
      try {
        backup = await checkBackup(file.content, database);
        setBusy(`Comparing ${file.name} with this workspace…`);
        const preview = await backup.previewMerge();
        setPending({ name: file.name, backup, preview });
      } catch (e) {
        backup?.discard();
        const message = describeError(e);
        setError(
          `${file.name}: ${message}${/Nothing was changed/.test(message) ? '' : ' Nothing was changed.'}`,
        );
      }
    } catch (e) {
      setError(`The file could not be opened: ${describeError(e)}`);
    } finally {
      setBusy(null);
    }
  }

  async function merge(chosen: Pending) {
    inFlight.current = chosen.backup;
    setError(null);
    try {
      if (current > 0) {
        setBusy('Backing up the current data first…');
        try {
          await writeAutoBackup(database, desktop, 'before-restore');
        } catch (e) {
          chosen.backup.discard();
          setError(
            `The current data could not be backed up first, so ${chosen.name} was not merged: ${describeError(e)} Nothing was changed.`,
          );
          return;
        } finally {
          setBusy(null);
        }
      }
      const controller = new AbortController();
      abort.current = controller;
      setProgress({ done: 0, total: 0 });
      try {
        const summary = await chosen.backup.merge({
          signal: controller.signal,
          onProgress: (done, total) => {
            if (!controller.signal.aborted) setProgress({ done, total });
          },
        });
        setMerged({ name: chosen.name, summary });
        toast({ kind: 'success', text: `${chosen.name} is merged: ${changes(summary.counts)}.` });
      } catch (e) {
        if (controller.signal.aborted)
          toast({ kind: 'info', text: 'The merge was cancelled. Nothing was changed.' });
        else setError(`${chosen.name} could not be merged: ${describeError(e)} Nothing was changed.`);
      } finally {
        if (abort.current === controller) abort.current = null;
        setProgress(null);
      }
    } finally {
      inFlight.current = null;
    }
  }

  const working = busy !== null || progress !== null;
  return (
    <section className="card data-card data-wide" aria-labelledby="data-merge">
      <h2 id="data-merge">Merge a backup</h2>
      <p>
        Brings another copy of this program into this workspace, such as an advocate’s export: new records are
        added, each field keeps its latest change, deleted records stay deleted. Nothing else is replaced.
      </p>
      {progress === null && (
        <button type="button" disabled={working} onClick={() => void choose()}>
          Merge a backup…
        </button>
      )}
      {busy && (
        <p className="muted" role="status">
          {busy}
        </p>
      )}
      {progress && (
        <WorkProgress
          label="Merging the backup"
          preparing="Reading this workspace…"
          done={progress.done}
          total={progress.total}
          unit="records"
          onCancel={() => abort.current?.abort()}
        />
      )}
      {error && (
        <div className="form-error data-error" role="alert">
          {error}
        </div>
      )}
      {merged && (
        <div className="data-merge-result" role="region" aria-label="Merge result">
          <p>
            <strong>{merged.name}</strong> was merged: {changes(merged.summary.counts)}.
          </p>
          <PerTable summary={merged.summary} label="Records merged, per area" />
          <Conflicts summary={merged.summary} />
        </div>
      )}
      <ConfirmDialog
        open={pending !== null}
        title="Merge this backup?"
        confirmLabel="Merge"
        onClose={() => setPending(null)}
        onConfirm={async () => {
          // The dialog closes at once; the card shows the progress and its Cancel.
          if (pending) void merge(pending);
        }}
      >
        {pending && (
          <>
            <p>
              <strong>{pending.name}</strong> was saved on {formatInstant(pending.backup.summary.exportedAt)}{' '}
              (app version {pending.backup.summary.appVersion}
              {pending.backup.summary.checksum === 'verified' ? ', checksum verified' : ', no checksum'}).
            </p>
            <p>
              Merging it here: <strong>{changes(pending.preview.counts)}</strong>.
            </p>
            <PerTable summary={pending.preview} label="What the merge changes, per area" />
            {pending.preview.conflictCount > 0 && (
              <p>
                {pending.preview.conflictCount === 1
                  ? '1 field was changed on both sides'
                  : `${formatCount(pending.preview.conflictCount)} fields were changed on both sides`}
                : the later change is kept, and they are listed after the merge.
              </p>
            )}
            <p className="muted">
              {automatic && current > 0
                ? 'The current data is saved to the automatic backups first.'
                : 'Save a backup first if you may want the data as it is now.'}
            </p>
          </>
        )}
      </ConfirmDialog>
    </section>
  );
}
