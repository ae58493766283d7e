/**
 * The Data screen's automatic backups: the desktop app writes one a day it is used and one before
 * each restore, to its backups folder. The card lists them (date, size, kind), restores any
 * through the screen's one restore flow, and sets how many of each kind are kept. In a browser,
 * where no file can be written unasked, it says so and points to "Save a backup…".
 */
import { useEffect, useState, type FormEvent } from 'react';
import { formatBytes } from '../../../shared/import/file-checks';
import { AUTO_BACKUP_KEEP, type AutoBackup, type DesktopApi } from '../../../shared/ipc/contract';
import { useDatabase } from '../../db/DatabaseContext';
import { describeError } from '../../db/errors';
import { desktop } from '../../desktop';
import { useUi } from '../../store/ui';
import { Field, FormError } from '../../ui/Field';
import { numberValue } from '../../ui/forms';
import { useSaveForm } from '../../ui/use-save';
import { AUTO_BACKUP_WRITTEN, REMIND_AFTER_DAYS, setAutoBackupKeep } from './data/auto-backups';
import { useBackupSettings } from './data/queries';
import { RestoreStatus, formatInstant, restoreUnderWay } from './RestoreParts';
import type { RestoreFlow } from './use-restore-flow';

export type AutoBackupList =
  | { state: 'loading' }
  | { state: 'unavailable' }
  | { state: 'failed'; message: string }
  | { state: 'listed'; folder: string; backups: AutoBackup[] };

/** The backups folder's listing, read again whenever an automatic backup is written. */
export function useAutoBackups(api: Pick<DesktopApi, 'listAutoBackups'> = desktop): AutoBackupList {
  const [list, setList] = useState<AutoBackupList>({ state: 'loading' });
  const [version, setVersion] = useState(0);
  useEffect(() => {
    const refresh = () => setVersion((v) => v + 1);
    globalThis.addEventListener?.(AUTO_BACKUP_WRITTEN, refresh);
    return () => globalThis.removeEventListener?.(AUTO_BACKUP_WRITTEN, refresh);
  }, []);
  useEffect(() => {
    let active = true;
    api.listAutoBackups().then(
      (listed) => {
        if (!active) return;
        setList(listed.status === 'unavailable' ? { state: 'unavailable' } : { state: 'listed', ...listed });
      },
      (error: unknown) => {
        if (active) setList({ state: 'failed', message: describeError(error) });
      },
    );
    return () => {
      active = false;
    };
  }, [api, version]);
  return list;
}

const KIND_LABELS: Record<AutoBackup['kind'], string> = {
  daily: 'Daily',
  'before-restore': 'Before a restore',
};

function BackupTable({ backups, flow }: { backups: AutoBackup[]; flow: RestoreFlow }) {
  if (backups.length === 0) {
    return <p className="muted">None yet: the first is written the next time the app opens with data.</p>;
  }
  return (
    <div className="data-auto-scroll">
      <table className="data data-auto-table">
        <caption className="visually-hidden">Automatic backups, newest first</caption>
        <thead>
          <tr>
            <th scope="col">Saved</th>
            <th scope="col">Kind</th>
            <th scope="col" className="num">
              Size
            </th>
            <th scope="col">
              <span className="visually-hidden">Action</span>
            </th>
          </tr>
        </thead>
        <tbody>
          {backups.map((backup) => (
            <tr key={backup.name}>
              <td>{formatInstant(backup.savedAt)}</td>
              <td>{KIND_LABELS[backup.kind]}</td>
              <td className="num">{formatBytes(backup.size)}</td>
              <td>
                <button
                  type="button"
                  disabled={restoreUnderWay(flow)}
                  aria-label={`Restore the backup of ${formatInstant(backup.savedAt)} (${KIND_LABELS[backup.kind].toLowerCase()})`}
                  onClick={() => void flow.open('auto', () => desktop.readAutoBackup({ name: backup.name }))}
                >
                  Restore…
                </button>
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

/** "Keep the last N": a whole number 1–365, refused at the field otherwise. */
function KeepForm({ keep }: { keep: number }) {
  const database = useDatabase();
  const toast = useUi((s) => s.toast);
  // No form ref: focus stays where the user is (useFormFocus is for forms in dialogs).
  const { errors, formError, saving, save } = useSaveForm();
  const [text, setText] = useState(String(keep));
  // Follows a number saved elsewhere; adjusted while rendering, not in an effect, so that an
  // effect running late (a busy machine) never overwrites what the user has started typing.
  const [shownKeep, setShownKeep] = useState(keep);
  if (keep !== shownKeep) {
    setShownKeep(keep);
    setText(String(keep));
  }

  async function submit(event: FormEvent) {
    event.preventDefault();
    const saved = await save(() => setAutoBackupKeep(database, numberValue(text)));
    if (saved !== undefined)
      toast({ kind: 'success', text: `The last ${saved} automatic backups of each kind are kept.` });
  }

  return (
    <form className="data-keep" onSubmit={(event) => void submit(event)} noValidate>
      <Field
        label="Keep the last"
        error={errors.keep}
        hint={`Backups of each kind, ${AUTO_BACKUP_KEEP.min}–${AUTO_BACKUP_KEEP.max}`}
      >
        <input
          name="keep"
          inputMode="numeric"
          value={text}
          onChange={(event) => setText(event.target.value)}
          size={5}
        />
      </Field>
      <button type="submit" disabled={saving}>
        {saving ? 'Saving…' : 'Save'}
      </button>
      <FormError message={formError} />
    </form>
  );
}

export function AutoBackupsCard({ list, flow }: { list: AutoBackupList; flow: RestoreFlow }) {
  const settings = useBackupSettings();
  return (
    <section className="card data-card data-wide" aria-labelledby="data-auto">
      <h2 id="data-auto">Automatic backups</h2>
      {list.state === 'loading' && <p role="status">Looking for automatic backups…</p>}
      {list.state === 'failed' && (
        <div className="form-error" role="alert">
          The automatic backups could not be listed: {list.message}
        </div>
      )}
      {list.state === 'unavailable' && (
        <p>
          Automatic backups are kept by the desktop app only: a browser cannot save files on its own. Here,
          save a backup yourself with <strong>Save a backup…</strong>; this screen reminds you when the last
          one is more than {REMIND_AFTER_DAYS} days old.
        </p>
      )}
      {list.state === 'listed' && (
        <>
          <p>
            The app saves all data once a day it is used, and before each restore, to{' '}
            <code>{list.folder}</code>. When one is written, the oldest of its kind beyond the number kept are
            deleted.
          </p>
          {settings && <KeepForm keep={settings.keep} />}
          <BackupTable backups={list.backups} flow={flow} />
          <RestoreStatus flow={flow} origin="auto" />
        </>
      )}
    </section>
  );
}
