/**
 * Golden paths: the paved roads the platform team builds with developers — delivery first, then
 * "shift left" ones for governance and security. Create, edit and delete them (with Undo), see
 * which apps use each, and mark apps from here (the app's page marks them too).
 */
import { useMemo, useState, type FormEvent } from 'react';
import {
  GOLDEN_PATH_KINDS,
  type App,
  type GoldenPath,
  type GoldenPathInput,
  type GoldenPathKind,
} from '../../../shared/domain';
import { createGoldenPath, deleteGoldenPath, setGoldenPathApps, updateGoldenPath } from './data/golden-paths';
import { useOfferUndo } from '../../ui/undo';
import { useAction, useSaveForm } from '../../ui/use-save';
import { useDatabase } from '../../db/DatabaseContext';
import { useUi } from '../../store/ui';
import { Dialog } from '../../ui/Dialog';
import { Field } from '../../ui/Field';
import { count } from './parts';
import type { AppsData } from './data/queries';

const KIND_LABELS: Record<GoldenPathKind, string> = {
  delivery: 'Delivery',
  governance: 'Governance',
  security: 'Security',
  other: 'Other',
};

/** Apps listed on a card before "and N more". */
const CARD_APPS = 12;
/** Matches the app picker lists at once: typing narrows a 20,000-app portfolio. */
const PICKER_LIMIT = 200;

export default function GoldenPathsView({ data }: { data: AppsData }) {
  const database = useDatabase();
  const { goldenPaths, apps } = data;
  const offerUndo = useOfferUndo();
  const { run } = useAction();
  const [editing, setEditing] = useState<GoldenPath | 'new' | null>(null);
  const [picking, setPicking] = useState<GoldenPath | null>(null);

  const appsByPath = useMemo(() => {
    const map = new Map<string, App[]>();
    for (const app of apps) {
      for (const id of app.goldenPathIds) map.set(id, [...(map.get(id) ?? []), app]);
    }
    for (const list of map.values()) list.sort((a, b) => a.name.localeCompare(b.name));
    return map;
  }, [apps]);

  const remove = async (path: GoldenPath) => {
    const deleted = await run(() => deleteGoldenPath(path.id, database));
    if (deleted) {
      offerUndo(
        `Deleted the golden path ${path.name}${deleted.appIds.length ? ` (unmarked on ${count(deleted.appIds.length, 'app')})` : ''}.`,
        deleted.undo,
      );
    }
  };

  return (
    <section aria-label="Golden paths" className="golden-paths">
      <div className="toolbar">
        <p className="muted golden-intro">
          Build a golden path with the first developer team, then “shift left”: golden paths for governance,
          security, and more.
        </p>
        <span className="spacer-flex" />
        <button type="button" className="primary" onClick={() => setEditing('new')}>
          + New golden path
        </button>
      </div>

      {goldenPaths.length === 0 ? (
        <div className="card empty">
          <h2>No golden paths yet</h2>
          <p>A golden path is the supported way to build, secure and ship an app on the platform.</p>
          <button type="button" className="primary" onClick={() => setEditing('new')}>
            Create the first golden path
          </button>
        </div>
      ) : (
        <div className="golden-grid">
          {goldenPaths.map((path) => {
            const users = appsByPath.get(path.id) ?? [];
            return (
              <article key={path.id} className="card golden-card" aria-labelledby={`gp-${path.id}`}>
                <header className="golden-card-header">
                  <h3 id={`gp-${path.id}`}>{path.name}</h3>
                  <span className={`badge golden-kind-${path.kind}`}>{KIND_LABELS[path.kind]}</span>
                </header>
                {path.description && <p className="golden-description">{path.description}</p>}
                <h4 className="muted">Used by {count(users.length, 'app')}</h4>
                {users.length > 0 ? (
                  <ul className="chip-list">
                    {users.slice(0, CARD_APPS).map((a) => (
                      <li key={a.id}>
                        <a href={`#/apps/${a.id}`} className="chip">
                          {a.name}
                        </a>
                      </li>
                    ))}
                    {users.length > CARD_APPS && (
                      <li className="muted">and {users.length - CARD_APPS} more</li>
                    )}
                  </ul>
                ) : (
                  <p className="muted">No app uses it yet.</p>
                )}
                <div className="toolbar golden-actions">
                  <button type="button" onClick={() => setPicking(path)}>
                    Mark apps…
                  </button>
                  <button type="button" onClick={() => setEditing(path)}>
                    Edit
                  </button>
                  <button type="button" className="danger" onClick={() => void remove(path)}>
                    Delete
                  </button>
                </div>
              </article>
            );
          })}
        </div>
      )}

      <Dialog
        open={editing !== null}
        title={editing === 'new' ? 'New golden path' : 'Edit golden path'}
        onClose={() => setEditing(null)}
      >
        {editing !== null && (
          <GoldenPathForm path={editing === 'new' ? null : editing} onDone={() => setEditing(null)} />
        )}
      </Dialog>
      <Dialog
        open={picking !== null}
        title={picking ? `Apps using ${picking.name}` : 'Apps'}
        onClose={() => setPicking(null)}
        wide
      >
        {picking && (
          <AppPicker
            path={picking}
            apps={apps}
            initial={(appsByPath.get(picking.id) ?? []).map((a) => a.id)}
            onDone={() => setPicking(null)}
          />
        )}
      </Dialog>
    </section>
  );
}

function GoldenPathForm({ path, onDone }: { path: GoldenPath | null; onDone: () => void }) {
  const database = useDatabase();
  const toast = useUi((s) => s.toast);
  const [draft, setDraft] = useState<GoldenPathInput>({
    name: path?.name ?? '',
    kind: path?.kind ?? 'delivery',
    description: path?.description ?? '',
  });
  const { errors, formError, save } = useSaveForm();

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    const saved = await save(() =>
      path ? updateGoldenPath(path.id, draft, database) : createGoldenPath(draft, database),
    );
    if (!saved) return;
    toast({ kind: 'success', text: `Saved the golden path ${saved.name}.` });
    onDone();
  };

  return (
    <form onSubmit={submit} noValidate>
      {formError && (
        <div className="form-error" role="alert">
          {formError}
        </div>
      )}
      <Field label="Name" error={errors.name}>
        <input value={draft.name} onChange={(e) => setDraft({ ...draft, name: e.target.value })} autoFocus />
      </Field>
      <Field label="Kind" error={errors.kind}>
        <select
          value={draft.kind}
          onChange={(e) => setDraft({ ...draft, kind: e.target.value as GoldenPathKind })}
        >
          {GOLDEN_PATH_KINDS.map((k) => (
            <option key={k} value={k}>
              {KIND_LABELS[k]}
            </option>
          ))}
        </select>
      </Field>
      <Field label="Description" error={errors.description}>
        <textarea
          value={draft.description}
          onChange={(e) => setDraft({ ...draft, description: e.target.value })}
          rows={4}
        />
      </Field>
      <div className="form-actions">
        <button type="button" onClick={onDone}>
          Cancel
        </button>
        <button type="submit" className="primary">
          {path ? 'Save' : 'Create'}
        </button>
      </div>
    </form>
  );
}

function AppPicker({
  path,
  apps,
  initial,
  onDone,
}: {
  path: GoldenPath;
  apps: readonly App[];
  initial: string[];
  onDone: () => void;
}) {
  const toast = useUi((s) => s.toast);
  const database = useDatabase();
  const [chosen, setChosen] = useState(() => new Set(initial));
  // Apps marked when the picker opened list first (so unmarking needs no search); rows do not
  // jump while the user ticks them.
  const [markedAtOpen] = useState(() => new Set(initial));
  const [text, setText] = useState('');
  const { busy, run } = useAction();

  const matches = useMemo(() => {
    const words = text.toLowerCase().split(/\s+/).filter(Boolean);
    const list = words.length
      ? apps.filter((a) => words.every((w) => a.name.toLowerCase().includes(w)))
      : apps;
    return [...list].sort(
      (a, b) =>
        Number(markedAtOpen.has(b.id)) - Number(markedAtOpen.has(a.id)) || a.name.localeCompare(b.name),
    );
  }, [apps, text, markedAtOpen]);

  const save = async () => {
    const result = await run(() => setGoldenPathApps(path.id, [...chosen], database));
    if (!result) return;
    toast({
      kind: 'success',
      text: `${path.name}: ${result.added} apps marked, ${result.removed} unmarked.`,
    });
    onDone();
  };

  return (
    <div className="app-picker">
      <input
        type="search"
        aria-label="Search apps"
        placeholder="Search apps by name…"
        value={text}
        onChange={(e) => setText(e.target.value)}
        autoFocus
      />
      <p className="muted">
        {count(chosen.size, 'app')} marked
        {matches.length > PICKER_LIMIT &&
          ` · showing ${PICKER_LIMIT} of ${matches.length.toLocaleString('en')}; search to narrow`}
      </p>
      <ul className="picker-list">
        {matches.slice(0, PICKER_LIMIT).map((a) => (
          <li key={a.id}>
            <label className="check">
              <input
                type="checkbox"
                checked={chosen.has(a.id)}
                onChange={(e) =>
                  setChosen((s) => {
                    const next = new Set(s);
                    if (e.target.checked) next.add(a.id);
                    else next.delete(a.id);
                    return next;
                  })
                }
              />
              {a.name}
            </label>
          </li>
        ))}
      </ul>
      <div className="form-actions">
        <button type="button" onClick={onDone}>
          Cancel
        </button>
        <button type="button" className="primary" onClick={() => void save()} disabled={busy}>
          Save
        </button>
      </div>
    </div>
  );
}
