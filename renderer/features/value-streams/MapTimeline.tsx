/**
 * A map drawn as a timeline of process and wait: one row per step, starting where the previous
 * step ended, its wait first and then its hands-on time, on one time axis from the first step to
 * production. The table beside it holds the same numbers.
 */
import { valueStreamStats, type ValueStreamStep } from '../../../shared/domain';
import { ChartCard, type ChartColumn } from '../../ui/chart/ChartCard';
import { formatDuration, formatPct } from './parts';

interface Row {
  key: string;
  position: number;
  step: ValueStreamStep;
  /** Minutes from the start of the stream to the start of the step's wait. */
  startsAt: number;
}

const COLUMNS: readonly ChartColumn<Row>[] = [
  { label: 'Step', value: (r) => `${r.position}. ${r.step.name}` },
  { label: 'Wait', value: (r) => formatDuration(r.step.waitMinutes), numeric: true },
  { label: 'Process', value: (r) => formatDuration(r.step.processMinutes), numeric: true },
  { label: 'Starts after', value: (r) => formatDuration(r.startsAt), numeric: true },
  { label: '% C&A', value: (r) => formatPct(r.step.pctCompleteAccurate), numeric: true },
];

const ROW_HEIGHT = 26;
const LABEL_WIDTH = 180;
const PLOT_WIDTH = 600;

export function timelineRows(steps: readonly ValueStreamStep[]): Row[] {
  let at = 0;
  return steps.map((step, i) => {
    const row = { key: String(i), position: i + 1, step, startsAt: at };
    at += step.waitMinutes + step.processMinutes;
    return row;
  });
}

export function MapTimeline({
  steps,
  title = 'Timeline of process and wait',
}: {
  steps: readonly ValueStreamStep[];
  title?: string;
}) {
  const rows = timelineRows(steps);
  const stats = valueStreamStats(steps);
  const scale = stats.leadMinutes > 0 ? PLOT_WIDTH / stats.leadMinutes : 0;
  const height = rows.length * ROW_HEIGHT + 8;
  const reading = stats.longestWait
    ? `${formatDuration(stats.leadMinutes)} from start to production, ${formatDuration(stats.waitMinutes)} of it waiting; the longest wait is before ${stats.longestWait.name}.`
    : `${formatDuration(stats.leadMinutes)} from start to production, none of it waiting.`;
  return (
    <ChartCard
      title={title}
      reading={reading}
      columns={COLUMNS}
      rows={rows}
      rowKey={(r) => r.key}
      empty="No steps yet: add the first step of the path to production."
      className="vs-timeline"
    >
      <svg
        viewBox={`0 0 ${LABEL_WIDTH + PLOT_WIDTH + 8} ${height}`}
        role="img"
        aria-label={`${title}: ${reading}`}
        className="vs-timeline-svg"
      >
        {rows.map((r, i) => {
          const y = i * ROW_HEIGHT + 4;
          const waitX = LABEL_WIDTH + r.startsAt * scale;
          const waitW = r.step.waitMinutes * scale;
          const processW = Math.max(r.step.processMinutes * scale, r.step.processMinutes > 0 ? 1 : 0);
          return (
            <g key={r.key}>
              <text x={LABEL_WIDTH - 8} y={y + ROW_HEIGHT / 2} className="vs-timeline-label" textAnchor="end">
                {r.step.name.length > 24 ? `${r.step.name.slice(0, 23)}…` : r.step.name}
              </text>
              <rect x={waitX} y={y + 4} width={waitW} height={ROW_HEIGHT - 10} className="vs-wait">
                <title>{`${r.step.name}: waits ${formatDuration(r.step.waitMinutes)}`}</title>
              </rect>
              <rect
                x={waitX + waitW}
                y={y + 4}
                width={processW}
                height={ROW_HEIGHT - 10}
                className="vs-process"
              >
                <title>{`${r.step.name}: process ${formatDuration(r.step.processMinutes)}`}</title>
              </rect>
            </g>
          );
        })}
      </svg>
      <p className="vs-legend" aria-hidden="true">
        <span className="vs-swatch vs-wait" /> Wait <span className="vs-swatch vs-process" /> Process
      </p>
    </ChartCard>
  );
}
