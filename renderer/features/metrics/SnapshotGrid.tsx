/**
 * The grid of readings: one row a date (newest first), one column a metric, typed in like a
 * spreadsheet. Only the rows in view are drawn (renderer/ui/use-virtual-rows), so ten years of
 * daily readings scroll as quickly as a month. The grid is one stop in the Tab order: arrows,
 * Page Up/Down and Home/End move between cells; Enter, F2 or a typed digit edits a cell; Enter
 * saves and goes down, Tab saves and goes right, Escape cancels; Delete clears a cell, or on the
 * date deletes the whole row, each with Undo. A value that cannot be saved stays in its cell with
 * the reason beside the grid. "Production apps" counted from the Apps area shows its counts,
 * read-only.
 */
import { memo, useEffect, useRef, useState, type KeyboardEvent } from 'react';
import { formatIsoDate, type IsoDate, type MetricSnapshot } from '../../../shared/domain';
import {
  formatMetricValue,
  productionAppsOn,
  type MetricColumn,
  type MetricPoint,
} from '../../../shared/domain/metric-series';
import { parseMetricValue } from '../../../shared/import/metrics/csv';
import { useDatabase } from '../../db/DatabaseContext';
import { describeError } from '../../db/errors';
import { useOfferUndo } from '../../ui/undo';
import { SpacerRow, useVirtualRows } from '../../ui/use-virtual-rows';
import { deleteDate, setCell } from './data/metrics';
import { cellAfterKey, cellAfterSave, startsEdit, type CellPosition } from './grid-keys';

export const ROW_HEIGHT = 36;

export interface GridProps {
  /** The metric columns shown, in order. */
  columns: readonly MetricColumn[];
  /** The dates shown, newest first. */
  dates: readonly IsoDate[];
  /** Each date's readings, by metric id. */
  cellsOf(date: IsoDate): ReadonlyMap<string, MetricSnapshot> | undefined;
  /** The apps-in-production series, when "Production apps" is counted from the apps. */
  productionSeries: readonly MetricPoint[] | null;
  today: IsoDate;
  /** A row to bring into view and focus first (a drill-down's date). */
  focusDate?: IsoDate | null;
  /** A date row with no readings was deleted (it only existed on screen). */
  onForgetDate(date: IsoDate): void;
}

interface Editing extends CellPosition {
  text: string;
  /** The value the cell showed when editing began (refused on save when it changed meanwhile). */
  expected: number | null;
  error: string | null;
}

const cellId = (gridId: string, at: CellPosition) => `${gridId}-${at.row}-${at.col}`;

export function SnapshotGrid({
  columns,
  dates,
  cellsOf,
  productionSeries,
  today,
  focusDate,
  onForgetDate,
}: GridProps) {
  const database = useDatabase();
  const offerUndo = useOfferUndo();
  const gridId = 'metric-grid';
  const cols = columns.length + 1;
  const [active, setActive] = useState<CellPosition>({ row: 0, col: 1 });
  const [editing, setEditingState] = useState<Editing | null>(null);
  // The cell being edited as events see it now: a blur that follows Escape or a save in progress
  // must not save again (the state of the render they were bound in may be stale).
  const editRef = useRef<Editing | null>(null);
  const saving = useRef(false);
  const setEditing = (next: Editing | null) => {
    editRef.current = next;
    setEditingState(next);
  };
  const [message, setMessage] = useState<string | null>(null);
  const focusPending = useRef(false);
  const virtual = useVirtualRows(dates.length, ROW_HEIGHT, () => undefined);
  const at: CellPosition = {
    row: Math.min(active.row, Math.max(0, dates.length - 1)),
    col: Math.min(active.col, cols - 1),
  };

  const isDerived = (col: number) => columns[col - 1]?.source === 'apps';
  const valueAt = (row: number, col: number): number | null => {
    const column = columns[col - 1];
    const date = dates[row];
    if (!column || !date) return null;
    if (column.source === 'apps') return productionSeries ? productionAppsOn(productionSeries, date) : null;
    return column.id ? (cellsOf(date)?.get(column.id)?.value ?? null) : null;
  };

  const moveTo = (next: CellPosition) => {
    setActive(next);
    focusPending.current = true;
    virtual.scrollToIndex(next.row);
  };

  // A drill-down's date: bring its row into view and put the focus there.
  const focusIndex = focusDate ? dates.indexOf(focusDate) : -1;
  useEffect(() => {
    if (focusIndex < 0) return;
    setActive((a) => ({ row: focusIndex, col: Math.max(1, a.col) }));
    virtual.scrollToIndex(focusIndex);
    focusPending.current = true;
    // Only when the asked-for row changes, not on every render.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [focusIndex]);

  // After a move the target cell may exist only once the rows around it are drawn.
  useEffect(() => {
    if (!focusPending.current || editing) return;
    const cell = document.getElementById(cellId(gridId, at));
    if (cell) {
      cell.focus({ preventScroll: true });
      focusPending.current = false;
    }
  });

  const startEdit = (pos: CellPosition, text?: string) => {
    if (pos.col === 0) return;
    const column = columns[pos.col - 1]!;
    if (column.source === 'apps') {
      setMessage(
        `${column.name} is counted from the Apps area here; choose “typed in” above to type its values.`,
      );
      return;
    }
    const value = valueAt(pos.row, pos.col);
    setMessage(null);
    setEditing({
      ...pos,
      text: text ?? (value === null ? '' : String(value)),
      expected: value,
      error: null,
    });
  };

  /** Saves the cell being edited; then moves the focus by `then` (or stays). */
  const save = async (then: 'Enter' | 'Tab' | 'ShiftTab' | 'stay') => {
    const editing = editRef.current;
    if (!editing || saving.current) return;
    saving.current = true;
    try {
      await saveEditing(editing, then);
    } finally {
      saving.current = false;
    }
  };

  const saveEditing = async (editing: Editing, then: 'Enter' | 'Tab' | 'ShiftTab' | 'stay') => {
    const column = columns[editing.col - 1]!;
    const date = dates[editing.row]!;
    const text = editing.text.trim();
    const pos: CellPosition = { row: editing.row, col: editing.col };
    let value: number | null = null;
    if (text !== '') {
      const read = parseMetricValue(text);
      if ('problem' in read) {
        setEditing({ ...editing, error: `${column.name} on ${formatIsoDate(date)}: ${read.problem}.` });
        return;
      }
      value = read.value;
    }
    if (value !== editing.expected) {
      try {
        const { undo } = await setCell(
          { metricKey: column.key, date, value, expected: editing.expected, today },
          database,
        );
        if (value === null) offerUndo(`Cleared ${column.name} on ${formatIsoDate(date)}.`, undo);
      } catch (error) {
        setEditing({
          ...editing,
          error: `${column.name} on ${formatIsoDate(date)}: ${describeError(error)}`,
        });
        return;
      }
    }
    setEditing(null);
    moveTo(then === 'stay' ? pos : cellAfterSave(then, pos, dates.length, cols));
  };

  const clearCell = async (pos: CellPosition) => {
    const date = dates[pos.row];
    if (!date) return;
    if (pos.col === 0) {
      const { deleted, undo } = await deleteDate(date, database);
      if (deleted === 0) onForgetDate(date);
      else
        offerUndo(
          `Deleted the ${deleted} ${deleted === 1 ? 'reading' : 'readings'} of ${formatIsoDate(date)}.`,
          undo,
        );
      return;
    }
    const column = columns[pos.col - 1]!;
    if (column.source === 'apps') {
      setMessage(`${column.name} is counted from the Apps area here; there is nothing to clear.`);
      return;
    }
    const expected = valueAt(pos.row, pos.col);
    if (expected === null) return;
    try {
      const { undo } = await setCell({ metricKey: column.key, date, value: null, expected, today }, database);
      offerUndo(`Cleared ${column.name} on ${formatIsoDate(date)}.`, undo);
    } catch (error) {
      setMessage(describeError(error));
    }
  };

  const onCellKeyDown = (event: KeyboardEvent<HTMLElement>, pos: CellPosition) => {
    if (editing) return;
    const page = Math.max(1, Math.floor((virtual.scrollRef.current?.clientHeight ?? 400) / ROW_HEIGHT) - 1);
    const next = cellAfterKey(event.key, pos, dates.length, cols, page, event.ctrlKey || event.metaKey);
    if (next) {
      event.preventDefault();
      moveTo(next);
    } else if (event.key === 'Enter' || event.key === 'F2') {
      event.preventDefault();
      startEdit(pos);
    } else if (event.key === 'Delete' || event.key === 'Backspace') {
      event.preventDefault();
      void clearCell(pos);
    } else if (startsEdit(event.key) && !event.ctrlKey && !event.metaKey && !event.altKey) {
      event.preventDefault();
      startEdit(pos, event.key);
    }
  };

  const onEditKeyDown = (event: KeyboardEvent<HTMLInputElement>) => {
    if (event.key === 'Enter') {
      event.preventDefault();
      void save('Enter');
    } else if (event.key === 'Tab') {
      event.preventDefault();
      void save(event.shiftKey ? 'ShiftTab' : 'Tab');
    } else if (event.key === 'Escape') {
      event.preventDefault();
      event.stopPropagation();
      const current = editRef.current;
      setEditing(null);
      if (!current) return;
      const pos = { row: current.row, col: current.col };
      moveTo(pos);
    }
  };

  if (dates.length === 0) {
    return (
      <div className="card empty" role="status">
        No readings yet. Add a date above to type the first ones, or import a CSV.
      </div>
    );
  }

  const error = editing?.error ?? message;
  return (
    <>
      <p className={error ? 'form-error metric-grid-message' : 'visually-hidden'} role="alert">
        {error ?? ''}
      </p>
      <div className="metric-grid-scroll" ref={virtual.scrollRef}>
        <table
          className="metric-grid"
          role="grid"
          aria-label={`Metric readings by date, ${dates.length.toLocaleString('en-US')} dates`}
          aria-rowcount={dates.length + 1}
          aria-colcount={cols}
        >
          <thead>
            <tr role="row" aria-rowindex={1}>
              <th scope="col" role="columnheader" className="metric-grid-date">
                Date
              </th>
              {columns.map((c) => (
                <th key={c.key} scope="col" role="columnheader" className="numeric">
                  <span className="metric-grid-name">{c.name}</span>
                  <span className="metric-grid-unit">
                    {c.source === 'apps' ? 'counted from Apps' : c.unit || '\u00a0'}
                  </span>
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            <SpacerRow height={virtual.padTop} columns={cols} />
            {virtual.items.map((item) => {
              const row = item.index;
              const date = dates[row]!;
              return (
                <GridRowView
                  key={date}
                  gridId={gridId}
                  row={row}
                  date={date}
                  values={columns.map((_, i) => valueAt(row, i + 1))}
                  derived={columns.map((_, i) => isDerived(i + 1))}
                  names={columns.map((c) => c.name)}
                  activeCol={row === at.row ? at.col : -1}
                  editing={editing && editing.row === row ? editing : null}
                  onFocusCell={(col) => setActive({ row, col })}
                  onKeyDown={onCellKeyDown}
                  onStartEdit={(col) => startEdit({ row, col })}
                  onEditText={(text) =>
                    editRef.current && setEditing({ ...editRef.current, text, error: null })
                  }
                  onEditKeyDown={onEditKeyDown}
                  onEditBlur={() => void save('stay')}
                  onDeleteRow={() => void clearCell({ row, col: 0 })}
                />
              );
            })}
            <SpacerRow height={virtual.padBottom} columns={cols} />
          </tbody>
        </table>
      </div>
    </>
  );
}

interface RowViewProps {
  gridId: string;
  row: number;
  date: IsoDate;
  values: (number | null)[];
  derived: boolean[];
  names: string[];
  /** The column of the row's cell in the Tab order; -1 when another row has it. */
  activeCol: number;
  editing: Editing | null;
  onFocusCell(col: number): void;
  onKeyDown(event: KeyboardEvent<HTMLElement>, pos: CellPosition): void;
  onStartEdit(col: number): void;
  onEditText(text: string): void;
  onEditKeyDown(event: KeyboardEvent<HTMLInputElement>): void;
  onEditBlur(): void;
  onDeleteRow(): void;
}

const GridRowView = memo(function GridRowView({
  gridId,
  row,
  date,
  values,
  derived,
  names,
  activeCol,
  editing,
  onFocusCell,
  onKeyDown,
  onStartEdit,
  onEditText,
  onEditKeyDown,
  onEditBlur,
  onDeleteRow,
}: RowViewProps) {
  const shown = formatIsoDate(date, 'EEE d MMM yyyy');
  return (
    <tr role="row" aria-rowindex={row + 2} data-index={row} style={{ height: ROW_HEIGHT }}>
      <th
        scope="row"
        role="rowheader"
        id={cellId(gridId, { row, col: 0 })}
        className="metric-grid-date"
        tabIndex={activeCol === 0 ? 0 : -1}
        onFocus={() => onFocusCell(0)}
        onKeyDown={(e) => onKeyDown(e, { row, col: 0 })}
      >
        <span>{shown}</span>
        <button
          type="button"
          className="icon-button metric-grid-delete"
          tabIndex={-1}
          aria-label={`Delete the readings of ${shown}`}
          title="Delete this date’s readings (Delete key on the date)"
          onClick={onDeleteRow}
        >
          ×
        </button>
      </th>
      {values.map((value, i) => {
        const col = i + 1;
        const pos = { row, col };
        if (editing && editing.col === col) {
          return (
            <td key={col} role="gridcell" className="numeric metric-grid-editing">
              <input
                // The cell being typed in takes the focus as it opens.
                autoFocus
                inputMode="decimal"
                aria-label={`${names[i]} on ${shown}`}
                aria-invalid={editing.error ? true : undefined}
                value={editing.text}
                onChange={(e) => onEditText(e.target.value)}
                onKeyDown={onEditKeyDown}
                onBlur={onEditBlur}
                onFocus={(e) => {
                  if (editing.text.length > 1) e.target.select();
                }}
              />
            </td>
          );
        }
        return (
          <td
            key={col}
            role="gridcell"
            id={cellId(gridId, pos)}
            className={`numeric${derived[i] ? ' metric-grid-derived' : ''}`}
            tabIndex={activeCol === col ? 0 : -1}
            aria-readonly={derived[i] ? true : undefined}
            aria-label={`${names[i]} on ${shown}: ${value === null ? 'empty' : formatMetricValue(value)}${derived[i] ? ', counted from the apps' : ''}`}
            onFocus={() => onFocusCell(col)}
            onKeyDown={(e) => onKeyDown(e, pos)}
            onDoubleClick={() => onStartEdit(col)}
          >
            {value === null ? '' : formatMetricValue(value)}
          </td>
        );
      })}
    </tr>
  );
});
