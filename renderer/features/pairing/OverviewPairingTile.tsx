/**
 * The Pairing area's headline on the leadership overview (overviewTiles slot): the hours paired
 * in the cycle that holds the scope's "as of" day, up to that day (of the scope's team when one
 * is chosen), with a sparkline of the cycles before it. The tile opens the session log filtered
 * to that cycle (and team, and up to that day when it is a past one).
 */
import { useMemo } from 'react';
import { cycleLabel, formatHours, formatIsoDate, todayIso } from '../../../shared/domain';
import { shortCycleLabel } from '../../../shared/domain/adoption';
import { useUi } from '../../store/ui';
import { StatTile } from '../../ui/chart/StatTile';
import { usingScope, type OverviewScope } from '../../ui/contributions';
import { useCycleHours, useCycles } from './data/queries';
import { usePairingUi } from './pairing-store';

/** Cycles the sparkline goes back over, this one included. */
const SPARK_CYCLES = 8;

const FIELDS = ['asOf', 'teamId'] as const;

function OverviewPairingTile({ asOf, teamId }: Pick<OverviewScope, 'asOf' | 'teamId'>) {
  const today = todayIso();
  const navigate = useUi((s) => s.navigate);
  const showSessions = usePairingUi((s) => s.showSessions);
  const cycles = useCycles();
  const at = cycles ? cycles.findIndex((c) => c.startDate <= asOf && asOf < c.endDate) : -1;
  const cycle = cycles?.[at];
  const ids = useMemo(
    () =>
      cycles && at >= 0 ? cycles.slice(Math.max(0, at - SPARK_CYCLES + 1), at + 1).map((c) => c.id) : [],
    [cycles, at],
  );
  const hours = useCycleHours(ids, asOf, teamId, today);

  if (!cycles || !hours) return <StatTile label="Pairing hours this cycle" value="…" detail="Adding up…" />;
  if (!cycle) {
    return (
      <StatTile
        label="Pairing hours this cycle"
        value="—"
        detail={`No cycle runs on ${formatIsoDate(asOf)}`}
      />
    );
  }
  const now = hours.at(-1)!;
  const past = asOf < today;
  return (
    <StatTile
      label="Pairing hours this cycle"
      value={`${formatHours(now.minutes)} h`}
      detail={`${now.sessions.toLocaleString('en')} session${now.sessions === 1 ? '' : 's'} in ${shortCycleLabel(cycle)}${past ? ` to ${formatIsoDate(asOf)}` : ' so far'}`}
      trend={hours.map((h) => h.minutes / 60)}
      onOpen={() => {
        showSessions({ cycleId: cycle.id, teamId, to: past ? asOf : null });
        navigate('pairing');
      }}
      openLabel={`Pairing hours this cycle: list the ${now.sessions.toLocaleString('en')} sessions of ${cycleLabel(cycle)}`}
    />
  );
}

/** Drawn again only when one of FIELDS changes (not the granularity, say). */
export default usingScope(FIELDS, OverviewPairingTile);
