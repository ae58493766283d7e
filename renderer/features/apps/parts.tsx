/** Small pieces the Apps views share: the stage badge, score and duration formats, and "today". */
import { APP_STAGE_LABELS, todayIso, type AppStage } from '../../../shared/domain';
import './stage-badge.css';

export function StageBadge({ stage }: { stage: AppStage }) {
  return <span className={`badge stage-badge stage-${stage}`}>{APP_STAGE_LABELS[stage]}</span>;
}

/** A 1–5 score with one decimal, or a dash when the app has none. */
export function formatScore(score: number | null | undefined): string {
  return score === null || score === undefined ? '—' : score.toFixed(1);
}

/** "12 days", "1 day", or '' when unknown. */
export function formatDays(days: number | null | undefined): string {
  if (days === null || days === undefined) return '';
  const rounded = Math.round(days * 10) / 10;
  return `${rounded} ${rounded === 1 ? 'day' : 'days'}`;
}

/** The calendar day moves are stamped with. A function, not a constant: the app stays open overnight. */
export function today(): string {
  return todayIso();
}

/** Plural helper: "1 app", "3 apps". */
export function count(n: number, one: string, many = `${one}s`): string {
  return `${n.toLocaleString('en')} ${n === 1 ? one : many}`;
}
