/**
 * The survey template: the deck's statements and questions (word for word) and the program's own,
 * in order. An item can be reworded (audits dated before today keep the wording they asked, and
 * a comparison across the change says so), retired (no longer asked from today; past answers keep
 * showing) or asked again; new statements and questions go last. Also the privacy threshold.
 */
import { useId, useState, type FormEvent } from 'react';
import { formatIsoDate, todayIso, type ToilItem } from '../../../shared/domain';
import { useDatabase } from '../../db/DatabaseContext';
import { Field, FormError } from '../../ui/Field';
import { useOfferUndo } from '../../ui/undo';
import { useAction, useSaveForm } from '../../ui/use-save';
import { MAX_THRESHOLD, MIN_THRESHOLD, setPrivacyThreshold } from './data/preferences';
import type { ToilData } from './data/queries';
import { addItem, rewordItem, setItemRetired } from './data/toil';

export function TemplateEditor({ data, threshold }: { data: ToilData; threshold: number }) {
  return (
    <div className="toil-template">
      <ThresholdForm threshold={threshold} />
      <section className="card" aria-labelledby="toil-template-title">
        <h2 id="toil-template-title">The survey</h2>
        <p className="muted">
          Statements are answered from 1 (strongly disagree) to 5 (strongly agree) or “not applicable”;
          reversed ones (agreeing means more toil) are scored the other way round. Questions are answered in
          words.
        </p>
        <ol className="toil-items">
          {data.items.map((item) => (
            <ItemRow key={item.id} item={item} />
          ))}
        </ol>
      </section>
      <AddItemForm />
    </div>
  );
}

function ItemRow({ item }: { item: ToilItem }) {
  const database = useDatabase();
  const offerUndo = useOfferUndo();
  const action = useAction();
  const [editing, setEditing] = useState(false);
  const [text, setText] = useState(item.text);
  const { errors, formError, saving, save } = useSaveForm();
  const retired = Boolean(item.retiredOn);

  const onReword = async (event: FormEvent) => {
    event.preventDefault();
    const done = await save(() => rewordItem(item.id, text, item.text, todayIso(), database));
    if (!done) return;
    setEditing(false);
    offerUndo('Reworded the item; earlier audits keep the wording they asked.', done.undo);
  };
  const onRetire = () =>
    void action.run(async () => {
      const done = await setItemRetired(item.id, retired ? null : todayIso(), database);
      offerUndo(
        retired ? 'The item is asked again.' : 'Retired the item; past answers keep showing.',
        done.undo,
      );
    });

  return (
    <li className={retired ? 'retired' : undefined}>
      <div className="toil-item-head">
        <span className="tag">{item.kind}</span>
        {item.reversed && <span className="tag">reversed</span>}
        {item.builtIn && <span className="tag subtle">deck</span>}
        {retired && <span className="tag">retired {formatIsoDate(item.retiredOn)}</span>}
      </div>
      {editing ? (
        <form onSubmit={onReword} className="toil-reword">
          <FormError message={formError} />
          <Field
            label="New wording"
            error={errors.text}
            hint="Audits dated before today keep the old wording"
          >
            <textarea rows={2} value={text} onChange={(e) => setText(e.target.value)} />
          </Field>
          <div className="toolbar">
            <button type="submit" className="primary" disabled={saving}>
              Save the wording
            </button>
            <button
              type="button"
              onClick={() => {
                setText(item.text);
                setEditing(false);
              }}
            >
              Cancel
            </button>
          </div>
        </form>
      ) : (
        <p className="toil-item-text">{item.text}</p>
      )}
      {(item.revisions ?? []).length > 0 && (
        <ul className="toil-revisions" aria-label="Earlier wordings">
          {(item.revisions ?? []).map((r) => (
            <li key={r.until}>
              Until {formatIsoDate(r.until)}: “{r.text}”
            </li>
          ))}
        </ul>
      )}
      {!editing && (
        <div className="toolbar">
          <button type="button" onClick={() => setEditing(true)} aria-label={`Reword “${item.text}”`}>
            Reword
          </button>
          <button
            type="button"
            onClick={onRetire}
            aria-label={`${retired ? 'Ask again' : 'Retire'} “${item.text}”`}
          >
            {retired ? 'Ask again' : 'Retire'}
          </button>
        </div>
      )}
    </li>
  );
}

function AddItemForm() {
  const database = useDatabase();
  const offerUndo = useOfferUndo();
  const headingId = useId();
  const [kind, setKind] = useState<'statement' | 'question'>('statement');
  const [text, setText] = useState('');
  const [reversed, setReversed] = useState(false);
  const { errors, formError, saving, save } = useSaveForm();

  const onSubmit = async (event: FormEvent) => {
    event.preventDefault();
    const done = await save(() =>
      addItem({ kind, text, reversed: kind === 'statement' && reversed }, database),
    );
    if (!done) return;
    setText('');
    setReversed(false);
    offerUndo(`Added the ${kind} to the template.`, done.undo);
  };
  return (
    <form className="card toil-add" onSubmit={onSubmit} aria-labelledby={headingId} noValidate>
      <h2 id={headingId}>Add a statement or question</h2>
      <FormError message={formError} />
      <div className="form-grid">
        <Field label="Kind" error={errors.kind}>
          <select value={kind} onChange={(e) => setKind(e.target.value as 'statement' | 'question')}>
            <option value="statement">Statement (1–5 agreement)</option>
            <option value="question">Question (free text)</option>
          </select>
        </Field>
        <Field label="Text" error={errors.text}>
          <textarea rows={2} value={text} onChange={(e) => setText(e.target.value)} />
        </Field>
      </div>
      {kind === 'statement' && (
        <label className="checkbox">
          <input type="checkbox" checked={reversed} onChange={(e) => setReversed(e.target.checked)} />{' '}
          Reversed: agreeing means more toil
        </label>
      )}
      <div className="toolbar">
        <button type="submit" className="primary" disabled={saving}>
          Add to the template
        </button>
      </div>
    </form>
  );
}

function ThresholdForm({ threshold }: { threshold: number }) {
  const database = useDatabase();
  const [value, setValue] = useState(String(threshold));
  const [saved, setSaved] = useState(false);
  const { errors, save } = useSaveForm();
  const onSubmit = async (event: FormEvent) => {
    event.preventDefault();
    setSaved(false);
    const text = value.trim();
    const done = await save(async () => {
      await setPrivacyThreshold(/^\d+$/.test(text) ? Number(text) : Number.NaN, database);
      return true;
    });
    if (done) setSaved(true);
  };
  return (
    <form className="card toil-threshold" onSubmit={onSubmit} aria-label="Privacy threshold" noValidate>
      <Field
        label="Privacy threshold (responses)"
        error={errors.threshold}
        hint={`A team’s results, and a statement’s, show only with at least this many answers (${MIN_THRESHOLD}–${MAX_THRESHOLD}); combined figures leave hidden teams out.`}
      >
        <input inputMode="numeric" value={value} onChange={(e) => setValue(e.target.value)} />
      </Field>
      <button type="submit">Save the threshold</button>
      {saved && <span role="status">Saved: results show from {threshold} responses.</span>}
    </form>
  );
}
