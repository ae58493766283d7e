/**
 * The frame every chart of the app sits in: a title, a one-line reading of what the chart shows,
 * the chart itself, and a toggle to the same data as a table (for screen readers, and to copy).
 * When the caller passes `onOpen`, every row of the table opens the records behind it, so each
 * number leads to its records; the chart's own marks should call the same function.
 *
 * The chart is drawn by the caller (Recharts or SVG) as `children`. The reading and the table
 * carry the same facts for assistive technology; marks that open records should also be
 * reachable by keyboard (Recharts' accessibilityLayer) or leave that to the table.
 *
 * Every chart saves its picture as PNG (drawn from its SVG at twice the size, with the title, on
 * the theme's background) and its table as CSV, with the two buttons beside the toggle.
 */
import { useId, useRef, useState, type ReactNode } from 'react';
import { todayIso } from '../../../shared/domain';
import { describeError } from '../../db/errors';
import { desktop } from '../../desktop';
import { useUi } from '../../store/ui';
import { useCsvExport } from '../csv-export';
import { chartCsv, chartFileName, saveChartPng } from './chart-export';
import './chart.css';

export interface ChartColumn<R> {
  /** The column's header. */
  label: string;
  /** The cell's value as text or number: shown, and what "Copy" puts on the clipboard. */
  value: (row: R) => string | number;
  /** Right-aligned, for numbers. */
  numeric?: boolean;
}

interface ChartCardProps<R> {
  title: string;
  /** One line that says what the chart shows, e.g. "42 apps on the platform, 6 ahead of plan". */
  reading: ReactNode;
  columns: readonly ChartColumn<R>[];
  rows: readonly R[];
  rowKey: (row: R) => string;
  /** Opens the records behind a row (drill-down). */
  onOpen?: (row: R) => void;
  /** Whether a row has records to open (a projected row may have none); every row when absent. */
  canOpen?: (row: R) => boolean;
  /** The accessible name of a row's open button, e.g. "Open the 12 blockers of People & Culture". */
  openLabel?: (row: R) => string;
  /** Shown instead of the chart and table when there are no rows: say why. */
  empty?: ReactNode;
  /** Controls beside the title (a metric picker, a range). */
  actions?: ReactNode;
  /** Start on the table instead of the chart. */
  initialView?: 'chart' | 'table';
  className?: string;
  /** The chart. */
  children: ReactNode;
}

export function ChartCard<R>({
  title,
  reading,
  columns,
  rows,
  rowKey,
  onOpen,
  canOpen,
  openLabel,
  empty,
  actions,
  initialView = 'chart',
  className,
  children,
}: ChartCardProps<R>) {
  const [view, setView] = useState(initialView);
  const [copied, setCopied] = useState(false);
  const titleId = useId();
  const readingId = useId();
  const cardRef = useRef<HTMLElement>(null);
  const toast = useUi((s) => s.toast);
  const exportCsv = useCsvExport();
  const isEmpty = rows.length === 0;

  const saveCsv = () =>
    exportCsv({
      fileName: chartFileName(title, todayIso(), 'csv'),
      build: (format) => chartCsv(columns, rows, format),
      what: `the data of “${title}” (${rows.length.toLocaleString('en')} ${rows.length === 1 ? 'row' : 'rows'})`,
    });

  const savePng = async () => {
    const card = cardRef.current;
    if (!card) return;
    try {
      const result = await saveChartPng(desktop, card, title, chartFileName(title, todayIso(), 'png'));
      if (result.status === 'saved') {
        toast({
          kind: 'success',
          text: `Saved “${title}” as PNG${result.path ? ` to ${result.path}` : ''}.`,
        });
      }
    } catch (error) {
      toast({ kind: 'error', text: `“${title}” was not saved as PNG: ${describeError(error)}` });
    }
  };

  const copy = async () => {
    const lines = [columns.map((c) => c.label), ...rows.map((r) => columns.map((c) => String(c.value(r))))];
    const text = lines.map((cells) => cells.join('\t')).join('\n');
    try {
      await navigator.clipboard.writeText(text);
      setCopied(true);
    } catch {
      setCopied(false);
    }
  };

  return (
    <section
      ref={cardRef}
      className={`card chart-card${className ? ` ${className}` : ''}`}
      // How many rows (points, bars) the chart draws: for tests and the benchmark, which wait for
      // a change of range or granularity to be drawn.
      data-rows={rows.length}
      aria-labelledby={titleId}
      aria-describedby={readingId}
    >
      <header className="chart-card-header">
        <h3 id={titleId}>{title}</h3>
        <div className="chart-card-actions">
          {actions}
          {!isEmpty && (
            <button
              type="button"
              className="chart-card-toggle"
              aria-pressed={view === 'table'}
              onClick={() => {
                setView(view === 'chart' ? 'table' : 'chart');
                setCopied(false);
              }}
            >
              {view === 'chart' ? 'Show as table' : 'Show as chart'}
            </button>
          )}
          {!isEmpty && view === 'chart' && (
            <button
              type="button"
              className="chart-card-export"
              aria-label={`Save PNG of ${title}`}
              title="Save the chart as a PNG picture"
              onClick={() => void savePng()}
            >
              Save PNG
            </button>
          )}
          {!isEmpty && (
            <button
              type="button"
              className="chart-card-export"
              aria-label={`Save CSV of ${title}`}
              title="Save the chart's data as CSV"
              onClick={() => void saveCsv()}
            >
              Save CSV
            </button>
          )}
        </div>
      </header>
      <p id={readingId} className="chart-card-reading">
        {reading}
      </p>
      {isEmpty ? (
        <div className="chart-card-empty">{empty ?? 'Nothing to show yet.'}</div>
      ) : view === 'chart' ? (
        <div className="chart-card-chart">{children}</div>
      ) : (
        <div className="chart-card-table">
          <div className="chart-card-table-actions">
            <button type="button" className="link" onClick={() => void copy()}>
              Copy table
            </button>
            <span role="status" className="muted">
              {copied ? 'Copied, tab-separated.' : ''}
            </span>
          </div>
          {/* Focusable so that a long table scrolls by keyboard too. */}
          <div className="chart-card-scroll" tabIndex={0} role="region" aria-label={`${title}: data`}>
            <table className="data">
              <caption className="visually-hidden">{title}</caption>
              <thead>
                <tr>
                  {columns.map((c) => (
                    <th key={c.label} scope="col" className={c.numeric ? 'numeric' : undefined}>
                      {c.label}
                    </th>
                  ))}
                  {onOpen && (
                    <th scope="col">
                      <span className="visually-hidden">Records</span>
                    </th>
                  )}
                </tr>
              </thead>
              <tbody>
                {rows.map((row) => (
                  <tr key={rowKey(row)}>
                    {columns.map((c, i) =>
                      i === 0 ? (
                        <th key={c.label} scope="row" className={c.numeric ? 'numeric' : undefined}>
                          {c.value(row)}
                        </th>
                      ) : (
                        <td key={c.label} className={c.numeric ? 'numeric' : undefined}>
                          {c.value(row)}
                        </td>
                      ),
                    )}
                    {onOpen && (
                      <td>
                        {(canOpen?.(row) ?? true) && (
                          <button
                            type="button"
                            className="link"
                            aria-label={openLabel?.(row)}
                            onClick={() => onOpen(row)}
                          >
                            Open
                          </button>
                        )}
                      </td>
                    )}
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        </div>
      )}
    </section>
  );
}
