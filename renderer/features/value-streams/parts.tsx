/** Small pieces the Value streams screens share: how times, shares and changes read. */
import type { FigureChange, ValueStreamStats } from '../../../shared/domain';

const MINUTES_PER_DAY = 24 * 60;

/** A duration in minutes as people say it: "45 min", "3.5 h", "4.2 d". */
export function formatDuration(minutes: number): string {
  if (minutes < 60) return `${round1(minutes)} min`;
  if (minutes < MINUTES_PER_DAY) return `${round1(minutes / 60)} h`;
  return `${round1(minutes / MINUTES_PER_DAY)} d`;
}

function round1(value: number): string {
  return (Math.round(value * 10) / 10).toLocaleString('en');
}

/** A share 0–100 as "36 %" (one decimal below 10). */
export function formatPct(pct: number | undefined): string {
  if (pct === undefined) return 'not defined';
  return `${pct < 10 ? round1(pct) : Math.round(pct)} %`;
}

/** A change in percent with its sign: "−62 %", "+8 %", "no base" when there is nothing to compare with. */
export function formatChange(change: FigureChange): string {
  if (change.changePct === undefined) return change.before === undefined ? 'new' : 'no base';
  const rounded = Math.round(change.changePct);
  if (rounded === 0) return '±0 %';
  return `${rounded > 0 ? '+' : '−'}${Math.abs(rounded)} %`;
}

/** Whether a change is good news: lower times, higher ratios and % C&A. */
export function changeTone(change: FigureChange, lowerIsBetter: boolean): 'better' | 'worse' | 'same' {
  const pct = change.changePct;
  if (pct === undefined || Math.round(pct) === 0) return 'same';
  return pct < 0 === lowerIsBetter ? 'better' : 'worse';
}

/** The derived figures of a map, as a definition list. */
export function StatsList({ stats }: { stats: ValueStreamStats }) {
  return (
    <dl className="vs-stats">
      <div>
        <dt>Lead time</dt>
        <dd>{formatDuration(stats.leadMinutes)}</dd>
      </div>
      <div>
        <dt>Process time</dt>
        <dd>{formatDuration(stats.processMinutes)}</dd>
      </div>
      <div>
        <dt>Activity ratio</dt>
        <dd title={stats.activityRatio === undefined ? 'Not defined: the lead time is zero' : undefined}>
          {stats.activityRatio === undefined
            ? 'not defined (no lead time)'
            : formatPct(stats.activityRatio * 100)}
        </dd>
      </div>
      <div>
        <dt>Rolled % C&amp;A</dt>
        <dd>{formatPct(stats.rolledPctCompleteAccurate)}</dd>
      </div>
      <div>
        <dt>Longest wait</dt>
        <dd>
          {stats.longestWait
            ? `${stats.longestWait.name} (${formatDuration(stats.longestWait.waitMinutes)})`
            : 'no step waits'}
        </dd>
      </div>
    </dl>
  );
}

/** "Before onboarding · 2026-03-02" */
export function versionName(map: { label: string; date: string }): string {
  return `${map.label} · ${map.date}`;
}
