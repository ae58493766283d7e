/**
 * The Blockers area's headline on the leadership overview (overviewTiles slot): the blockers
 * unresolved at the end of the scope's "as of" day, by category, with a sparkline of the total
 * over the scope's range. The tile opens the register listing exactly those blockers (the
 * register's "unresolved on" filter, of the scope's team when one is chosen).
 */
import { useMemo } from 'react';
import { BLOCKER_CATEGORY_IDS, formatIsoDate } from '../../../shared/domain';
import { bucketsBetween } from '../../../shared/domain/adoption';
import { openBlockersAtPoints, pointsAsOf } from '../../../shared/domain/area-overview';
import { openPerCategoryOver } from '../../../shared/domain/blocker-stats';
import { useCycles } from '../../db/workspace-queries';
import { useUi } from '../../store/ui';
import { StatTile } from '../../ui/chart/StatTile';
import type { OverviewScope } from '../../ui/contributions';
import { useBlockersOpenedBy } from './data/queries';
import { categoryLabel, count } from './parts';
import { viewRoute } from './route';

/** Points the sparkline draws at most. */
const SPARK_POINTS = 24;

export default function OverviewBlockersTile(scope: OverviewScope) {
  const { asOf, from, to, granularity, teamId } = scope;
  const navigate = useUi((s) => s.navigate);
  const blockers = useBlockersOpenedBy(asOf, teamId);
  const cycles = useCycles();
  const now = useMemo(
    () => (blockers ? openPerCategoryOver(blockers, [asOf])[0]! : undefined),
    [blockers, asOf],
  );
  const trend = useMemo(() => {
    if (!blockers || !cycles) return undefined;
    const points = pointsAsOf(bucketsBetween(from, to, granularity, cycles), asOf, SPARK_POINTS);
    return openBlockersAtPoints(blockers, points).map((p) => p.total);
  }, [blockers, cycles, from, to, granularity, asOf]);

  if (!now) return <StatTile label="Open blockers" value="…" detail="Counting the blockers…" />;
  const detail = now.total
    ? BLOCKER_CATEGORY_IDS.filter((c) => now.counts[c] > 0)
        .map((c) => `${now.counts[c].toLocaleString('en')} ${categoryLabel(c)}`)
        .join(' · ')
    : `None unresolved on ${formatIsoDate(asOf)}`;
  return (
    <StatTile
      label="Open blockers"
      value={now.total.toLocaleString('en')}
      detail={detail}
      trend={trend}
      onOpen={() => navigate(viewRoute('register', { openOn: asOf, teamId: teamId ?? '' }))}
      openLabel={`Open blockers: list the ${count(now.total, 'blocker')} unresolved on ${formatIsoDate(asOf)}`}
    />
  );
}
