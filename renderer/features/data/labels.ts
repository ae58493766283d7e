/** What each data table is called on the Data screen and in the restore dialog. */
import type { BackupTableName } from '../../../shared/backup/backup';
import { formatBytes } from '../../../shared/import/file-checks';

export const TABLE_LABELS: Record<BackupTableName, string> = {
  program: 'Program',
  cycles: 'Cycles',
  teams: 'Teams',
  people: 'People',
  apps: 'Apps',
  criteria: 'Feasibility criteria',
  goldenPaths: 'Golden paths',
  assignments: 'Assignments',
  pairingSessions: 'Pairing sessions',
  blockers: 'Blockers',
  toilItems: 'Toil items',
  toilAudits: 'Toil audits',
  toilResponses: 'Toil responses',
  valueStreamMaps: 'Value stream maps',
  marketingActivities: 'Marketing activities',
  metrics: 'Metrics',
  metricSnapshots: 'Metric snapshots',
  dxScores: 'Self-assessment scores',
};

const numberFormat = new Intl.NumberFormat('en-US');

export function formatCount(n: number): string {
  return numberFormat.format(n);
}

/** "1 record", "2,310 records". */
export function records(n: number): string {
  return `${formatCount(n)} record${n === 1 ? '' : 's'}`;
}

/** "1.8 MB", "10.0 GB": storage sizes, which run far past what formatBytes (file sizes) covers. */
export function formatStorage(bytes: number): string {
  if (bytes >= 1024 ** 3) return `${(bytes / 1024 ** 3).toFixed(1)} GB`;
  return formatBytes(bytes);
}
