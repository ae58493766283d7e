/**
 * The overview's drill-down into the Apps area: opens the apps table filtered to exactly the
 * apps a number counts (those that reached a step by a day, of a team), every other filter
 * cleared so that the table's count is the number clicked.
 */
import { useCallback } from 'react';
import { EMPTY_FILTERS, type AppReachedFilter } from '../../../../shared/domain/app-table';
import { useAppsUi } from '../../../store/apps';
import { useUi } from '../../../store/ui';

export function useOpenApps(): (reached: AppReachedFilter, teamId: string | null) => void {
  const navigate = useUi((s) => s.navigate);
  return useCallback(
    (reached, teamId) => {
      useAppsUi.setState({ filters: { ...EMPTY_FILTERS, reached, teamId: teamId ?? '' } });
      navigate('apps');
    },
    [navigate],
  );
}
