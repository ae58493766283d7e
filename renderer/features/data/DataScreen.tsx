/**
 * The Data area: what is stored and where, a backup to a file, a restore from one, the demo
 * program, and starting over. Restore, the demo and "Delete all data" replace everything, so each
 * asks first and says what it replaces; each runs in one transaction, so a failure changes nothing.
 */
import { useEffect, useRef, useState } from 'react';
import { format } from 'date-fns';
import { backupToJson } from '../../../shared/backup/backup';
import { todayIso } from '../../../shared/domain';
import { formatBytes } from '../../../shared/import/file-checks';
import { MAX_BACKUP_BYTES } from '../../../shared/ipc/contract';
import { exportBackup } from '../../db/backup';
import { checkBackup, type CheckedBackup } from '../../db/restore-client';
import { DATA_TABLES } from '../../db/database';
import { useDatabase } from '../../db/DatabaseContext';
import { clearAllData } from '../../db/demo';
import { describeError, requestPersistentStorage } from '../../db/errors';
import { desktop } from '../../desktop';
import { useAppInfo } from '../../desktop/use-app-info';
import { useUi } from '../../store/ui';
import { ConfirmDialog } from '../../ui/ConfirmDialog';
import { DemoFailure, DemoProgress } from '../../ui/DemoProgress';
import { WorkProgress } from '../../ui/WorkProgress';
import { TABLE_LABELS, formatCount, formatStorage, records } from './labels';
import { useDemoLoader } from '../../ui/use-demo-loader';
import { useRecordCounts, type Counts } from './data/queries';
import './data.css';

const JSON_FILTERS = [{ name: 'Backup (JSON)', extensions: ['json'] }];

function totalOf(counts: Partial<Record<string, number>>): number {
  return Object.values(counts).reduce((sum: number, n) => sum + (n ?? 0), 0);
}

function formatInstant(iso: string): string {
  const date = new Date(iso);
  return Number.isNaN(date.getTime()) ? iso : format(date, 'd MMM yyyy, HH:mm');
}

/** Record counts per table; tables with no records are left out unless `all`. */
function CountList({ counts, label, all }: { counts: Partial<Counts>; label: string; all?: boolean }) {
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

interface StorageState {
  persisted: boolean | null;
  usage: number | null;
  quota: number | null;
}

/** Whether the browser keeps our data under storage pressure, and how much room it uses. */
function useStorageState(): [StorageState, () => Promise<boolean>] {
  const [state, setState] = useState<StorageState>({ persisted: null, usage: null, quota: null });

  useEffect(() => {
    let active = true;
    const storage = globalThis.navigator?.storage;
    void (async () => {
      const persisted = storage?.persisted ? await storage.persisted().catch(() => null) : null;
      const estimate = storage?.estimate ? await storage.estimate().catch(() => null) : null;
      if (active) {
        setState({ persisted, usage: estimate?.usage ?? null, quota: estimate?.quota ?? null });
      }
    })();
    return () => {
      active = false;
    };
  }, []);

  async function persist() {
    const persisted = await requestPersistentStorage();
    setState((s) => ({ ...s, persisted }));
    return persisted;
  }
  return [state, persist];
}

function YourDataCard({ counts }: { counts: Counts | undefined }) {
  const info = useAppInfo();
  const [storage, persist] = useStorageState();
  const [declined, setDeclined] = useState(false);
  const where = info ? (info.userDataPath ?? 'this browser’s storage') : '…';

  return (
    <section className="card data-card data-wide" aria-labelledby="data-yours">
      <h2 id="data-yours">Your data</h2>
      {counts === undefined ? (
        <p role="status">Counting records…</p>
      ) : (
        <>
          <p className="muted">{records(totalOf(counts))} in all.</p>
          <CountList counts={counts} label="Records per area" all />
        </>
      )}
      <dl className="data-facts">
        <div>
          <dt>Stored in</dt>
          <dd>
            <code>{where}</code>
          </dd>
        </div>
        <div>
          <dt>Kept under storage pressure</dt>
          <dd>
            {storage.persisted === null ? (
              'Unknown'
            ) : storage.persisted ? (
              <span className="badge badge-active">Yes, persistent</span>
            ) : (
              <span className="data-persist">
                <span className="badge badge-warning">No: the browser may clear it when space runs low</span>
                <button
                  type="button"
                  onClick={() => void persist().then((ok) => setDeclined(!ok))}
                  aria-describedby="data-persist-why"
                >
                  Keep my data
                </button>
              </span>
            )}
            <span id="data-persist-why" className="data-hint">
              {declined
                ? 'The browser declined for now (it decides by how much you use the app). Keep a backup.'
                : 'Persistent storage is kept until you delete it yourself.'}
            </span>
          </dd>
        </div>
        {storage.usage !== null && (
          <div>
            <dt>Storage used</dt>
            <dd>
              {formatStorage(storage.usage)}
              {storage.quota ? ` of ${formatStorage(storage.quota)} available` : ''}
            </dd>
          </div>
        )}
      </dl>
    </section>
  );
}

function BackupCard({ empty }: { empty: boolean }) {
  const database = useDatabase();
  const toast = useUi((s) => s.toast);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);

  async function save() {
    setBusy(true);
    setError(null);
    try {
      const content = backupToJson(await exportBackup(database));
      const result = await desktop.saveFile({
        suggestedName: `adoption-backup-${todayIso()}.json`,
        content,
        mimeType: 'application/json',
        filters: JSON_FILTERS,
      });
      if (result.status === 'saved') {
        toast({
          kind: 'success',
          text: result.path ? `Backup saved to ${result.path}.` : 'Backup saved to your downloads.',
        });
      }
    } catch (e) {
      setError(`The backup could not be saved: ${describeError(e)}`);
    } finally {
      setBusy(false);
    }
  }

  return (
    <section className="card data-card" aria-labelledby="data-backup">
      <h2 id="data-backup">Back up</h2>
      <p>
        Saves every record to one JSON file. Keep it somewhere safe; restore it here on this or another
        computer.
      </p>
      <button type="button" className="primary" onClick={() => void save()} disabled={busy || empty}>
        {busy ? 'Saving…' : 'Save a backup…'}
      </button>
      {error && (
        <div className="form-error" role="alert">
          {error}
        </div>
      )}
    </section>
  );
}

function RestoreCard({ current }: { current: number }) {
  const database = useDatabase();
  const toast = useUi((s) => s.toast);
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  /** The file being read and checked (off the page's thread), by name. */
  const [checking, setChecking] = useState<string | null>(null);
  const [pending, setPending] = useState<{ name: string; backup: CheckedBackup } | null>(null);
  const [restoring, setRestoring] = useState<{ done: number; total: number } | null>(null);
  const abort = useRef<AbortController | null>(null);
  // Leaving the screen mid-restore cancels it: the database then stays as it was.
  useEffect(() => () => abort.current?.abort(), []);
  // A checked backup holds its records until it is restored; closing the dialog (or leaving the
  // screen) without restoring lets them go.
  useEffect(() => {
    const backup = pending?.backup;
    return () => backup?.discard();
  }, [pending]);

  /** Writes the backup with progress; the dialog has closed, so the card shows where it stands. */
  async function restore(chosen: { name: string; backup: CheckedBackup }) {
    const controller = new AbortController();
    abort.current = controller;
    const { total } = chosen.backup.summary;
    setError(null);
    setRestoring({ done: 0, total });
    try {
      await chosen.backup.restore({
        signal: controller.signal,
        onProgress: (done, all) => {
          if (!controller.signal.aborted) setRestoring({ done, total: all });
        },
      });
      toast({ kind: 'success', text: `The backup is restored: ${records(total)}.` });
    } catch (e) {
      if (controller.signal.aborted) {
        toast({ kind: 'info', text: 'The restore was cancelled. Nothing was changed.' });
      } else {
        setError(`${chosen.name} could not be restored: ${describeError(e)} Nothing was changed.`);
      }
    } finally {
      if (abort.current === controller) abort.current = null;
      setRestoring(null);
    }
  }

  async function choose() {
    setError(null);
    setBusy(true);
    try {
      const file = await desktop.openFile({
        title: 'Restore from a backup',
        filters: JSON_FILTERS,
        maxBytes: MAX_BACKUP_BYTES,
      });
      if (file.status === 'canceled') return;
      if (file.status === 'too-large') {
        setError(`${file.name} is ${formatBytes(file.size)}: too large to be a backup. Nothing was changed.`);
        return;
      }
      setChecking(file.name);
      try {
        setPending({ name: file.name, backup: await checkBackup(file.content, database) });
      } catch (e) {
        const message = describeError(e);
        setError(
          `${file.name}: ${message}${/Nothing was changed/.test(message) ? '' : ' Nothing was changed.'}`,
        );
      }
    } catch (e) {
      setError(`The file could not be opened: ${describeError(e)}`);
    } finally {
      setBusy(false);
      setChecking(null);
    }
  }

  return (
    <section className="card data-card" aria-labelledby="data-restore">
      <h2 id="data-restore">Restore</h2>
      <p>Replaces all data with a backup file. The file is checked in full before anything changes.</p>
      {restoring ? (
        <WorkProgress
          label="Restoring the backup"
          preparing="Preparing the restore…"
          done={restoring.done}
          total={restoring.total}
          unit="records"
          onCancel={() => abort.current?.abort()}
        />
      ) : (
        <button type="button" onClick={() => void choose()} disabled={busy}>
          Restore from a backup…
        </button>
      )}
      {checking && (
        <p className="muted" role="status">
          Checking {checking}…
        </p>
      )}
      {error && (
        <div className="form-error data-error" role="alert">
          {error}
        </div>
      )}
      <ConfirmDialog
        open={pending !== null}
        title="Restore this backup?"
        confirmLabel="Replace all data"
        danger
        onClose={() => setPending(null)}
        onConfirm={async () => {
          // The dialog closes at once; the card shows the progress and offers Cancel.
          if (pending) void restore(pending);
        }}
      >
        {pending && (
          <>
            <p>
              <strong>{pending.name}</strong> was saved on {formatInstant(pending.backup.summary.exportedAt)}{' '}
              (app version {pending.backup.summary.appVersion}) and holds{' '}
              {records(pending.backup.summary.total)}:
            </p>
            <CountList counts={pending.backup.summary.counts} label="Records in the backup" />
            <p className="data-warning">
              Restoring <strong>replaces all current data</strong> ({records(current)}). Save a backup first
              if you may want it back.
            </p>
          </>
        )}
      </ConfirmDialog>
    </section>
  );
}

function DemoCard({ current }: { current: number }) {
  const toast = useUi((s) => s.toast);
  const [asking, setAsking] = useState(false);
  const { demo, load, cancel } = useDemoLoader(() =>
    toast({ kind: 'success', text: 'The demo program is loaded.' }),
  );

  return (
    <section className="card data-card" aria-labelledby="data-demo">
      <h2 id="data-demo">Demo program</h2>
      <p>A realistic multi-year program with data on every screen, to explore or to show the app.</p>
      {demo.state === 'loading' ? (
        <DemoProgress demo={demo} onCancel={cancel} />
      ) : (
        <button type="button" onClick={() => setAsking(true)}>
          Load the demo program
        </button>
      )}
      <DemoFailure demo={demo} />
      <ConfirmDialog
        open={asking}
        title="Load the demo program?"
        confirmLabel="Replace all data with the demo"
        danger
        onClose={() => setAsking(false)}
        onConfirm={async () => {
          // Not awaited: the dialog closes and the card shows the progress and its Cancel.
          void load();
        }}
      >
        <p>
          The demo program <strong>replaces all current data</strong> ({records(current)}). Save a backup
          first if you may want it back.
        </p>
      </ConfirmDialog>
    </section>
  );
}

function StartOverCard({ current }: { current: number }) {
  const database = useDatabase();
  const toast = useUi((s) => s.toast);
  const [asking, setAsking] = useState(false);

  return (
    <section className="card data-card data-danger-zone" aria-labelledby="data-start-over">
      <h2 id="data-start-over">Start over</h2>
      <p>Deletes every record, then the app opens its welcome screen. Settings such as the theme stay.</p>
      <button type="button" className="danger" onClick={() => setAsking(true)}>
        Delete all data…
      </button>
      <ConfirmDialog
        open={asking}
        title="Delete all data?"
        confirmLabel="Delete all data"
        danger
        onClose={() => setAsking(false)}
        onConfirm={async () => {
          await clearAllData(database);
          toast({ kind: 'info', text: 'All data was deleted.' });
        }}
      >
        <p>
          This deletes <strong>all {records(current)}</strong>: the program, its cycles, apps, teams, people
          and everything recorded about them. It cannot be undone.
        </p>
        <p>Save a backup first if you may want any of it back.</p>
      </ConfirmDialog>
    </section>
  );
}

export default function DataScreen(_props: { route: string }) {
  const counts = useRecordCounts();
  const total = counts ? totalOf(counts) : 0;

  return (
    <div className="data">
      <header className="page-header">
        <div>
          <h1>Data</h1>
          <p>Everything stays on this computer. Back it up, restore it, or start over.</p>
        </div>
      </header>
      <div className="data-grid">
        <YourDataCard counts={counts} />
        <BackupCard empty={counts !== undefined && total === 0} />
        <RestoreCard current={total} />
        <DemoCard current={total} />
        <StartOverCard current={total} />
      </div>
    </div>
  );
}
