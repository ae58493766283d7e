/** Small pieces the Blockers views share: labels, badges, "today", counts and day spans. */
import {
  BLOCKER_CATEGORIES,
  BLOCKER_SEVERITY_LABELS,
  BLOCKER_STATUS_LABELS,
  todayIso,
  type BlockerCategory,
  type BlockerSeverity,
  type BlockerStatus,
} from '../../../shared/domain';
import './badges.css';

export function categoryLabel(category: BlockerCategory): string {
  return BLOCKER_CATEGORIES[category].label;
}

export function SeverityBadge({ severity }: { severity: BlockerSeverity }) {
  return (
    <span className={`badge severity-badge severity-${severity}`}>{BLOCKER_SEVERITY_LABELS[severity]}</span>
  );
}

export function StatusBadge({ status }: { status: BlockerStatus }) {
  return <span className={`badge status-badge status-${status}`}>{BLOCKER_STATUS_LABELS[status]}</span>;
}

/** The calendar day changes are dated with. A function: the app stays open overnight. */
export function today(): string {
  return todayIso();
}

/** "1 blocker", "3 blockers". */
export function count(n: number, one: string, many = `${one}s`): string {
  return `${n.toLocaleString('en')} ${n === 1 ? one : many}`;
}

/** "0 days", "1 day", "12.5 days"; '—' when there is none. */
export function days(value: number | null | undefined): string {
  if (value === null || value === undefined) return '—';
  const rounded = Math.round(value * 10) / 10;
  return `${rounded.toLocaleString('en')} ${rounded === 1 ? 'day' : 'days'}`;
}
