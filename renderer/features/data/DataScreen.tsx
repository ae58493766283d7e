/**
 * The Data area: what is stored and where, a backup to a file, a restore from one, a merge of one, the demo
 * program, and starting over. Restore, the demo and "Delete all data" replace everything, so each
 * asks first and says what it replaces; each runs in one transaction, so a failure changes nothing.
 */
import { useEffect, useState } from 'react';
import { differenceInCalendarDays } from 'date-fns';
import { MAX_BACKUP_BYTES } from '../../../shared/ipc/contract';
import { useDatabase } from '../../db/DatabaseContext';
import { clearAllData } from '../../db/demo';
import { describeError, requestPersistentStorage } from '../../db/errors';
import { desktop } from '../../desktop';
import { useAppInfo } from '../../desktop/use-app-info';
import { useUi } from '../../store/ui';
import { ConfirmDialog } from '../../ui/ConfirmDialog';
import { DemoFailure, DemoProgress } from '../../ui/DemoProgress';
import { formatStorage, records } from './labels';
import { useDemoLoader } from '../../ui/use-demo-loader';
import { REMIND_AFTER_DAYS } from './data/auto-backups';
import { useBackupSettings, useRecordCounts, type Counts } from './data/queries';
import { AutoBackupsCard, useAutoBackups, type AutoBackupList } from './AutoBackupsCard';
import { MergeCard } from './MergeCard';
import { CountList, RestoreDialog, RestoreStatus, formatInstant, restoreUnderWay } from './RestoreParts';
import { JSON_FILTERS, saveBackupFile, useRestoreFlow, type RestoreFlow } from './use-restore-flow';
import { CSV_FORMATS, CSV_FORMAT_LABELS } from '../../../shared/export/csv';
import { setCsvFormat, useCsvFormat } from '../../ui/csv-export';
import { useAction } from '../../ui/use-save';
import './data.css';

function totalOf(counts: Partial<Record<string, number>>): number {
  return Object.values(counts).reduce((sum: number, n) => sum + (n ?? 0), 0);
}

/** The share of the quota past which the screen warns that storage is nearly full. */
const NEARLY_FULL = 0.8;

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
              {storage.quota && storage.usage / storage.quota >= NEARLY_FULL && (
                <span className="data-warning" role="status">
                  Storage is {Math.round((storage.usage / storage.quota) * 100)}% full: the next large import
                  or restore may be refused. Save a backup, then free disk space or delete data you no longer
                  need.
                </span>
              )}
            </dd>
          </div>
        )}
      </dl>
    </section>
  );
}

/** Why a browser user should save a backup now: none saved yet, or the last over a week ago. */
function reminderText(lastExportAt: Date | null, empty: boolean, now = new Date()): string | null {
  if (lastExportAt === null) {
    return empty ? null : 'No backup file was saved from this browser yet. Save one now and keep it safe.';
  }
  const days = differenceInCalendarDays(now, lastExportAt);
  if (days <= REMIND_AFTER_DAYS) return null;
  return `The last backup file was saved ${days} days ago, on ${formatInstant(lastExportAt.toISOString())}. Save a new one.`;
}

function BackupCard({ empty, automatic }: { empty: boolean; automatic: boolean | null }) {
  const database = useDatabase();
  const toast = useUi((s) => s.toast);
  const settings = useBackupSettings();
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const reminder = automatic === false && settings ? reminderText(settings.lastExportAt, empty) : null;

  async function save() {
    setBusy(true);
    setError(null);
    try {
      const result = await saveBackupFile(database);
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
      {reminder && (
        <p className="data-warning data-reminder" role="status">
          {reminder}
        </p>
      )}
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

function RestoreCard({ flow }: { flow: RestoreFlow }) {
  return (
    <section className="card data-card" aria-labelledby="data-restore">
      <h2 id="data-restore">Restore</h2>
      <p>Replaces all data with a backup file. The file is checked in full before anything changes.</p>
      {!(flow.origin === 'file' && flow.restoring) && (
        <button
          type="button"
          disabled={restoreUnderWay(flow)}
          onClick={() =>
            void flow.open('file', () =>
              desktop.openFile({
                title: 'Restore from a backup',
                filters: JSON_FILTERS,
                maxBytes: MAX_BACKUP_BYTES,
                read: 'bytes',
              }),
            )
          }
        >
          Restore from a backup…
        </button>
      )}
      <RestoreStatus flow={flow} origin="file" />
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

function automaticOf(list: AutoBackupList): boolean | null {
  if (list.state === 'listed') return true;
  return list.state === 'unavailable' ? false : null;
}

/** The CSV dialect of every export on this machine (renderer/ui/csv-export.ts). */
function CsvFormatCard() {
  const format = useCsvFormat();
  const database = useDatabase();
  const { run } = useAction();
  return (
    <section className="card data-card" aria-labelledby="data-csv">
      <h2 id="data-csv">CSV files</h2>
      <p>How exported tables (apps, blockers) are written. Imports read both.</p>
      <fieldset className="data-csv-formats" disabled={format === undefined}>
        <legend className="visually-hidden">CSV format of exports</legend>
        {CSV_FORMATS.map((f) => (
          <label key={f} className="data-csv-format">
            <input
              type="radio"
              name="csv-format"
              value={f}
              checked={format === f}
              onChange={() => void run(() => setCsvFormat(f, database), 'The CSV format was not saved')}
            />
            <span>{CSV_FORMAT_LABELS[f]}</span>
          </label>
        ))}
      </fieldset>
    </section>
  );
}

export default function DataScreen(_props: { route: string }) {
  const counts = useRecordCounts();
  const total = counts ? totalOf(counts) : 0;
  const autoBackups = useAutoBackups();
  const flow = useRestoreFlow(total);
  const automatic = automaticOf(autoBackups);

  return (
    <div className="data">
      <header className="page-header">
        <div>
          <h1>Data</h1>
          <p>
            Everything stays on this computer. Back it up, restore it, merge another copy in, or start over.
          </p>
        </div>
      </header>
      <div className="data-grid">
        <YourDataCard counts={counts} />
        <BackupCard empty={counts !== undefined && total === 0} automatic={automatic} />
        <RestoreCard flow={flow} />
        <MergeCard current={total} automatic={automatic} />
        <AutoBackupsCard list={autoBackups} flow={flow} />
        <CsvFormatCard />
        <DemoCard current={total} />
        <StartOverCard current={total} />
      </div>
      <RestoreDialog flow={flow} current={total} automatic={automatic} />
    </div>
  );
}
