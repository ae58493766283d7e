/**
 * One headline number on the leadership overview (the overviewTiles slot): a label, the value,
 * a line of context (its change, its share) and, when given, a sparkline of its recent values.
 * With `onOpen` the whole tile is a button that opens the records behind the number, so each
 * number leads to its records by mouse and by keyboard.
 */
import type { ReactNode } from 'react';
import './chart.css';

export interface StatTileProps {
  label: string;
  /** The number, already formatted ("42", "61 %", "3.5 d"). */
  value: string;
  /** One line under the value: its change, its share, what it counts. */
  detail?: ReactNode;
  /** Recent values, oldest first, drawn as a sparkline (two or more points). */
  trend?: readonly number[];
  /** Opens the records behind the number. */
  onOpen?: () => void;
  /** The accessible name of the tile's button, e.g. "Open the 42 apps on the platform". */
  openLabel?: string;
  /** Its figures are still being read: the tile says so (aria-busy, the detail as a status). */
  busy?: boolean;
}

export function StatTile({ label, value, detail, trend, onOpen, openLabel, busy }: StatTileProps) {
  const body = (
    <>
      <span className="stat-tile-label">{label}</span>
      <span className="stat-tile-value">{value}</span>
      {detail !== undefined && (
        <span className="stat-tile-detail" {...(busy ? { role: 'status' } : {})}>
          {detail}
        </span>
      )}
      {trend && trend.length >= 2 && <Sparkline values={trend} />}
    </>
  );
  return onOpen ? (
    <button type="button" className="card stat-tile stat-tile-open" aria-label={openLabel} onClick={onOpen}>
      {body}
    </button>
  ) : (
    <div className="card stat-tile" aria-busy={busy || undefined}>
      {body}
    </div>
  );
}

const WIDTH = 120;
const HEIGHT = 28;

/** A line through the values scaled to the tile; decorative (the value and detail carry the facts). */
export function Sparkline({ values }: { values: readonly number[] }) {
  const min = Math.min(...values);
  const max = Math.max(...values);
  const span = max - min || 1;
  const step = WIDTH / (values.length - 1);
  const points = values
    .map((v, i) => `${(i * step).toFixed(1)},${(HEIGHT - 2 - ((v - min) / span) * (HEIGHT - 4)).toFixed(1)}`)
    .join(' ');
  return (
    <svg
      className="stat-tile-spark"
      width={WIDTH}
      height={HEIGHT}
      viewBox={`0 0 ${WIDTH} ${HEIGHT}`}
      aria-hidden="true"
    >
      <polyline points={points} fill="none" stroke="currentColor" strokeWidth={1.5} />
    </svg>
  );
}
