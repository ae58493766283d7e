/**
 * The readings: add a date, choose where "Production apps" comes from, and the grid by date.
 * With `metric` (a drill-down from the overview) only that metric's readings are listed, and
 * `date` is brought into view.
 */
import { useMemo, useState, type FormEvent } from 'react';
import {
  formatIsoDate,
  isIsoDate,
  PRODUCTION_APPS_KEY,
  todayIso,
  type IsoDate,
  type MetricSnapshot,
} from '../../../shared/domain';
import { productionAppsSeries, snapshotRows, type MetricColumn } from '../../../shared/domain/metric-series';
import { useDatabase } from '../../db/DatabaseContext';
import { useProductionDates } from '../../db/workspace-queries';
import { useOfferUndo } from '../../ui/undo';
import { memoizeLast } from '../../ui/memoize-last';
import { useAction } from '../../ui/use-save';
import { setProductionAppsSource } from './data/metrics';
import { useMetricColumns, useSnapshots } from './data/queries';
import { readingsHref } from './route';
import { SnapshotGrid } from './SnapshotGrid';

/** The rows by date and the cells of each date, kept across openings over the same snapshots. */
type Rows = ReturnType<typeof snapshotRows<MetricSnapshot>>;
const keptRows = memoizeLast((snapshots: readonly MetricSnapshot[]): Rows => snapshotRows(snapshots));
const keptByDate = memoizeLast((rows: Rows) => new Map(rows.map((r) => [r.date, r.cells])));
const NO_ROWS: Rows = [];

export function ReadingsView({ metric, date }: { metric: string | null; date: IsoDate | null }) {
  const columns = useMetricColumns();
  const snapshots = useSnapshots();
  const productionDates = useProductionDates(columns?.some((c) => c.source === 'apps') ?? false);
  const today = todayIso();
  const [pending, setPending] = useState<IsoDate[]>([]);
  const [newDate, setNewDate] = useState(today);
  const [dateError, setDateError] = useState<string | null>(null);
  const [focusDate, setFocusDate] = useState<IsoDate | null>(date);
  const offerUndo = useOfferUndo();
  const database = useDatabase();
  const action = useAction();

  const rows = snapshots ? keptRows(snapshots) : NO_ROWS;
  const byDate = keptByDate(rows);
  const productionSeries = useMemo(
    () => (productionDates ? productionAppsSeries(productionDates) : null),
    [productionDates],
  );
  const only = metric ? columns?.find((c) => c.key === metric) : undefined;
  const shown: MetricColumn[] = useMemo(
    () => (only ? [only] : (columns ?? []).filter((c) => !c.retired)),
    [only, columns],
  );
  const dates = useMemo(() => {
    if (only) {
      if (only.source === 'apps') return (productionSeries ?? []).map((p) => p.date).reverse();
      return rows.filter((r) => only.id && r.cells.has(only.id)).map((r) => r.date);
    }
    const all = new Set(rows.map((r) => r.date));
    for (const d of pending) all.add(d);
    return [...all].sort().reverse();
  }, [rows, pending, only, productionSeries]);

  if (!columns || !snapshots || !productionDates) {
    return (
      <div role="status" className="empty">
        Loading the readings…
      </div>
    );
  }
  if (metric && !only) {
    return (
      <div className="card empty" role="status">
        <h2>There is no metric “{metric}”</h2>
        <a href="#/metrics">See every metric’s readings</a>
      </div>
    );
  }

  const addDate = (event: FormEvent) => {
    event.preventDefault();
    const value = newDate.trim();
    if (!isIsoDate(value)) return setDateError('Date must be a calendar date (yyyy-MM-dd)');
    if (value > today)
      return setDateError('Date cannot be in the future: a reading is of a day that has been');
    setDateError(null);
    if (!dates.includes(value)) setPending((p) => [...p, value]);
    setFocusDate(value);
  };

  const production = columns.find((c) => c.key === PRODUCTION_APPS_KEY);
  const readings = snapshots.length;
  const chooseSource = (source: 'manual' | 'apps') =>
    void action.run(async () => {
      const { undo } = await setProductionAppsSource(source, database);
      offerUndo(
        source === 'apps'
          ? 'Production apps are now counted from the Apps area.'
          : 'Production apps are now typed in.',
        undo,
      );
    }, 'The choice was not saved');

  return (
    <>
      <div className="card metric-toolbar">
        {only ? (
          <p className="metric-only">
            Showing <strong>{only.name}</strong> only ({dates.length.toLocaleString('en-US')} readings
            {only.unit ? `, in ${only.unit}` : ''}
            {only.retired ? '; retired' : ''}). <a href={readingsHref()}>Show every metric</a>
          </p>
        ) : (
          <form className="metric-add-date" onSubmit={addDate} noValidate>
            <div className={`field${dateError ? ' field-invalid' : ''}`}>
              <label htmlFor="metric-new-date">New date</label>
              <input
                id="metric-new-date"
                type="date"
                value={newDate}
                max={today}
                aria-invalid={dateError ? true : undefined}
                aria-describedby={dateError ? 'metric-new-date-error' : undefined}
                onChange={(e) => setNewDate(e.target.value)}
              />
              {dateError && (
                <small id="metric-new-date-error" className="field-error" role="alert">
                  {dateError}
                </small>
              )}
            </div>
            <button type="submit">Add date row</button>
          </form>
        )}
        {production && (!only || only.key === PRODUCTION_APPS_KEY) && (
          <fieldset className="metric-source">
            <legend>Production apps</legend>
            <label>
              <input
                type="radio"
                name="production-source"
                checked={production.source === 'manual'}
                onChange={() => chooseSource('manual')}
              />{' '}
              Typed in
            </label>
            <label>
              <input
                type="radio"
                name="production-source"
                checked={production.source === 'apps'}
                onChange={() => chooseSource('apps')}
              />{' '}
              Counted from the Apps area
            </label>
          </fieldset>
        )}
        {!only && (
          <p className="muted metric-summary">
            {dates.length.toLocaleString('en-US')} dates · {readings.toLocaleString('en-US')} readings
            {dates[0] ? ` · latest ${formatIsoDate(dates[0])}` : ''}
          </p>
        )}
      </div>
      <p className="muted metric-keys" id="metric-grid-keys">
        Arrows move; Enter, F2 or a digit edits; Enter saves and goes down, Tab saves and goes right; Esc
        cancels; Delete clears a value, or on a date deletes its row (each with Undo).
      </p>
      <SnapshotGrid
        columns={shown}
        dates={dates}
        cellsOf={(d) => byDate.get(d)}
        productionSeries={productionSeries}
        today={today}
        focusDate={focusDate}
        onForgetDate={(d) => setPending((p) => p.filter((x) => x !== d))}
      />
    </>
  );
}
