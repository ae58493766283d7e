/** Small pieces the Toil audits screens share: names of groups, how scores and changes read. */
import { AGREEMENT_LABELS, type AnswerCounts, type ToilAudit } from '../../../shared/domain';
import type { ToilData } from './data/queries';

/** The team's name, else the app's. */
export function groupName(
  data: Pick<ToilData, 'teams' | 'apps'>,
  audit: Pick<ToilAudit, 'teamId' | 'appId'>,
) {
  if (audit.teamId) return data.teams.get(audit.teamId)?.name ?? 'Unknown team';
  return audit.appId ? (data.apps.get(audit.appId)?.name ?? 'Unknown app') : 'No team';
}

/** A mean score as "3.4". */
export function formatScore(score: number | null | undefined): string {
  return score === null || score === undefined ? '—' : score.toFixed(1);
}

/** A change of mean with its sign: "+0.8", "−1.2", "±0.0". */
export function formatChange(change: number | null): string {
  if (change === null) return '—';
  const rounded = Math.round(change * 10) / 10;
  if (rounded === 0) return '±0.0';
  return `${rounded > 0 ? '+' : '−'}${Math.abs(rounded).toFixed(1)}`;
}

export function plural(n: number, one: string, many = `${one}s`): string {
  return `${n.toLocaleString('en')} ${n === 1 ? one : many}`;
}

/** The heat colour class of a mean 1–5: 1 (toil) … 5 (smooth). */
export function heatClass(score: number | null): string {
  if (score === null) return 'heat-none';
  return `heat-${Math.min(5, Math.max(1, Math.round(score)))}`;
}

/** Answers 1…5 as a stacked bar, with the counts in its accessible name. */
export function DistributionBar({ counts, notApplicable }: { counts: AnswerCounts; notApplicable: number }) {
  const total = counts.reduce((a, b) => a + b, 0) + notApplicable;
  const label = [
    ...counts.map((c, i) => `${AGREEMENT_LABELS[i]} ${c}`),
    `Not applicable ${notApplicable}`,
  ].join(', ');
  return (
    <div className="toil-dist" role="img" aria-label={label} title={label}>
      {counts.map((c, i) =>
        c > 0 ? <span key={i} className={`agree-${i + 1}`} style={{ flexGrow: c }} /> : null,
      )}
      {notApplicable > 0 && <span className="agree-na" style={{ flexGrow: notApplicable }} />}
      {total === 0 && <span className="agree-na" style={{ flexGrow: 1 }} />}
    </div>
  );
}
