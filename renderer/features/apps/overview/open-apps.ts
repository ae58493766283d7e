/**
 * The overview's drill-down into the Apps area: opens the apps table filtered to exactly the
 * apps a number counts (those that reached a step by a day, of a team), every other filter
 * cleared so that the table's count is the number clicked.
 */
import type { AppReachedFilter } from '../../../../shared/domain/app-table';
import { openAppsTable } from '../../../store/apps';

function openReached(reached: AppReachedFilter, teamId: string | null): void {
  openAppsTable({ reached, teamId: teamId ?? '' });
}

export function useOpenApps(): (reached: AppReachedFilter, teamId: string | null) => void {
  return openReached;
}
