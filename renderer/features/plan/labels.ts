/** Words and badge styles for cycle phases and statuses, shared by the Plan screen's parts. */
import type { CycleStatus, Phase } from '../../../shared/domain';

export const STATUS_LABELS: Record<CycleStatus, string> = {
  planned: 'Planned',
  active: 'Active',
  closed: 'Closed',
};

export const PHASE_LABELS: Record<Phase, string> = {
  initial: 'Initial phase',
  scaling: 'Scaling phase',
};

export const STATUS_BADGE: Record<CycleStatus, string> = {
  planned: 'badge',
  active: 'badge badge-active',
  closed: 'badge badge-closed',
};

export function pluralApps(n: number): string {
  return `${n} ${n === 1 ? 'app' : 'apps'}`;
}
