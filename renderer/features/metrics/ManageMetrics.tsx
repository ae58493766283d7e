/**
 * The metrics themselves: the deck's nine and the program's own, each with its unit, how many
 * readings it has and its latest; add one, rename it or change its unit, retire it (its readings
 * stay, its column and tile go) or bring it back. Every change can be undone.
 */
import { useRef, useState, type FormEvent } from 'react';
import { formatIsoDate, storedText } from '../../../shared/domain';
import { formatMetricValue, type MetricColumn } from '../../../shared/domain/metric-series';
import { useDatabase } from '../../db/DatabaseContext';
import { Field, FormError } from '../../ui/Field';
import { useOfferUndo } from '../../ui/undo';
import { useAction, useSaveForm } from '../../ui/use-save';
import { addMetric, editMetric, setMetricRetired } from './data/metrics';
import { setTileMetrics, useTileMetrics } from './data/preferences';
import { keptPointsByMetric, useMetricColumns, useSnapshots } from './data/queries';
import { readingsHref } from './route';

export function ManageMetrics() {
  const columns = useMetricColumns();
  const snapshots = useSnapshots();
  const byMetric = snapshots ? keptPointsByMetric(snapshots) : null;
  const [editing, setEditing] = useState<string | null>(null);
  const tiles = useTileMetrics();
  const database = useDatabase();
  const tileAction = useAction();

  if (!columns || !byMetric || !tiles) {
    return (
      <div role="status" className="empty">
        Loading the metrics…
      </div>
    );
  }
  return (
    <>
      <AddMetricForm />
      <div className="card">
        <h2>Speeds and feeds</h2>
        <table className="data metric-list">
          <thead>
            <tr>
              <th scope="col">Metric</th>
              <th scope="col">Unit</th>
              <th scope="col" className="numeric">
                Readings
              </th>
              <th scope="col">Latest</th>
              <th scope="col">Tile on the overview</th>
              <th scope="col">
                <span className="visually-hidden">Actions</span>
              </th>
            </tr>
          </thead>
          <tbody>
            {columns.map((c) => {
              const points = (c.id && byMetric.get(c.id)) || [];
              const last = points.at(-1);
              return editing === c.key ? (
                <EditMetricRow key={c.key} metric={c} onDone={() => setEditing(null)} />
              ) : (
                <tr key={c.key} className={c.retired ? 'metric-retired' : undefined}>
                  <td className="metric-list-name">
                    <a href={readingsHref(c.key)}>{c.name}</a>
                    {c.builtIn ? <span className="badge">from the deck</span> : null}
                    {c.retired ? <span className="badge badge-warning">retired</span> : null}
                    {c.source === 'apps' ? <span className="badge">counted from Apps</span> : null}
                  </td>
                  <td>{c.unit || <span className="muted">none</span>}</td>
                  <td className="numeric">{points.length.toLocaleString('en-US')}</td>
                  <td>{last ? `${formatMetricValue(last.value)} on ${formatIsoDate(last.date)}` : '—'}</td>
                  <td>
                    <input
                      type="checkbox"
                      aria-label={`Show ${c.name} as a tile on the overview`}
                      checked={tiles.includes(c.key)}
                      disabled={c.retired}
                      onChange={(e) =>
                        void tileAction.run(
                          () =>
                            setTileMetrics(
                              e.target.checked ? [...tiles, c.key] : tiles.filter((k) => k !== c.key),
                              database,
                            ),
                          'The choice was not kept',
                        )
                      }
                    />
                  </td>
                  <td>
                    <RowActions metric={c} onEdit={() => setEditing(c.key)} />
                  </td>
                </tr>
              );
            })}
          </tbody>
        </table>
      </div>
    </>
  );
}

function RowActions({ metric, onEdit }: { metric: MetricColumn; onEdit: () => void }) {
  const database = useDatabase();
  const action = useAction();
  const offerUndo = useOfferUndo();
  const retire = () =>
    void action.run(async () => {
      const { undo } = await setMetricRetired(metric.key, !metric.retired, database);
      offerUndo(
        metric.retired
          ? `${metric.name} is back in the grid and on the overview.`
          : `Retired ${metric.name}: its readings are kept.`,
        undo,
      );
    });
  return (
    <div className="toolbar metric-list-actions">
      <button type="button" className="link" onClick={onEdit} aria-label={`Rename ${metric.name}`}>
        Rename
      </button>
      <button
        type="button"
        className="link"
        onClick={retire}
        aria-label={`${metric.retired ? 'Bring back' : 'Retire'} ${metric.name}`}
      >
        {metric.retired ? 'Bring back' : 'Retire'}
      </button>
    </div>
  );
}

function EditMetricRow({ metric, onDone }: { metric: MetricColumn; onDone: () => void }) {
  const database = useDatabase();
  const formRef = useRef<HTMLFormElement>(null);
  const form = useSaveForm(formRef);
  const [name, setName] = useState(metric.name);
  const [unit, setUnit] = useState(metric.unit);
  const formId = `edit-metric-${metric.key}`;

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    // Only the fields changed, each with the value it had when the form opened.
    const patch: { name?: string; unit?: string } = {};
    const expected: { name?: string; unit?: string } = {};
    if (storedText(name) !== metric.name) {
      patch.name = name;
      expected.name = metric.name;
    }
    if (storedText(unit) !== metric.unit) {
      patch.unit = unit;
      expected.unit = metric.unit;
    }
    if (Object.keys(patch).length === 0) return onDone();
    const saved = await form.save(() => editMetric({ key: metric.key, patch, expected }, database), {
      shownFields: ['name', 'unit'],
    });
    if (saved) onDone();
  };

  return (
    <tr>
      <td colSpan={6}>
        <form
          id={formId}
          ref={formRef}
          className="metric-edit-form"
          onSubmit={(e) => void submit(e)}
          noValidate
        >
          <Field label="Name" error={form.errors.name}>
            <input value={name} onChange={(e) => setName(e.target.value)} />
          </Field>
          <Field label="Unit" error={form.errors.unit}>
            <input value={unit} onChange={(e) => setUnit(e.target.value)} />
          </Field>
          <div className="toolbar">
            <button type="submit" className="primary" disabled={form.saving}>
              Save
            </button>
            <button type="button" onClick={onDone}>
              Cancel
            </button>
          </div>
          <FormError message={form.formError} />
        </form>
      </td>
    </tr>
  );
}

function AddMetricForm() {
  const database = useDatabase();
  // No form ref: focus-on-open is for dialogs; this form sits on the page and must not take the focus.
  const form = useSaveForm();
  const offerUndo = useOfferUndo();
  const [name, setName] = useState('');
  const [unit, setUnit] = useState('');

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    const saved = await form.save(() => addMetric({ name, unit }, database), {
      shownFields: ['name', 'unit'],
    });
    if (saved) {
      offerUndo(`Added ${saved.metric.name}: it has a column in the readings.`, saved.undo);
      setName('');
      setUnit('');
    }
  };

  return (
    <form className="card metric-add-form" onSubmit={(e) => void submit(e)} noValidate>
      <h2>Add a metric</h2>
      <p className="muted">Your own speeds and feeds beside the deck’s, e.g. “CPU cores” in cores.</p>
      <div className="metric-add-fields">
        <Field label="Name" error={form.errors.name}>
          <input value={name} onChange={(e) => setName(e.target.value)} />
        </Field>
        <Field label="Unit" error={form.errors.unit} hint="GB, per day, nodes…">
          <input value={unit} onChange={(e) => setUnit(e.target.value)} />
        </Field>
        <button type="submit" className="primary" disabled={form.saving}>
          Add metric
        </button>
      </div>
      <FormError message={form.formError} />
    </form>
  );
}
