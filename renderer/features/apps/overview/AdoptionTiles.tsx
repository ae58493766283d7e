/**
 * The Apps area's headline numbers on the leadership overview: apps on the platform with their
 * share of the eligible population and how they stand against the plan, and the median time from
 * selection to hello world — both as they stood at the scope's "as of" day. Each tile opens the
 * apps it counts in the apps table.
 */
import { useMemo } from 'react';
import { medianHelloWorldAsOf, medianHelloWorldOnEach } from '../../../../shared/domain/adoption';
import { formatIsoDate } from '../../../../shared/domain';
import { useLeadDrawn, type OverviewScope } from '../../../ui/contributions';
import { StatTile } from '../../../ui/chart/StatTile';
import { useOpenApps } from './open-apps';
import { useAdoption } from './use-adoption';

/** The sparkline shows the last few steps of the chosen granularity. */
const TREND_POINTS = 12;

function percent(rate: number): string {
  return `${(rate * 100).toLocaleString('en', { maximumFractionDigits: rate < 0.1 ? 1 : 0 })} %`;
}

function plural(n: number, one: string): string {
  return `${n.toLocaleString('en')} ${n === 1 ? one : `${one}s`}`;
}

export default function AdoptionTiles(scope: OverviewScope) {
  const adoption = useAdoption(scope);
  // The overview's lead: the other areas' tiles and charts follow once this has its figures.
  useLeadDrawn(adoption !== undefined);
  const openApps = useOpenApps();
  // Each app's time to hello world, gathered once per change of the apps or the team.
  const times = adoption?.helloWorld;
  const helloWorld = useMemo(() => {
    if (!adoption || !times) return undefined;
    const now = medianHelloWorldAsOf(times, scope.asOf);
    // The median as it stood at the end of each of the last steps shown: how it is moving.
    const days = adoption.series
      .filter((p) => p.production !== null)
      .slice(-TREND_POINTS)
      .map((p) => p.date);
    const trend = medianHelloWorldOnEach(times, days).filter((d): d is number => d !== null);
    return { ...now, trend };
  }, [adoption, times, scope.asOf]);

  if (!adoption) return null;
  const { headline, program, team } = adoption;
  const asOf = formatIsoDate(scope.asOf);
  const trend = adoption.series
    .map((p) => p.production)
    .filter((n): n is number => n !== null)
    .slice(-TREND_POINTS);
  const versus =
    team || headline.versusPlan === null
      ? null
      : headline.versusPlan === 0
        ? 'on plan'
        : `${Math.abs(headline.versusPlan).toLocaleString('en')} ${headline.versusPlan > 0 ? 'ahead of' : 'behind'} plan`;

  return (
    <>
      <StatTile
        label={team ? `Apps on the platform, ${team.name}` : 'Apps on the platform'}
        value={headline.onPlatform.toLocaleString('en')}
        detail={
          `${percent(headline.rate)} of ${program.eligibleApps.toLocaleString('en')} eligible` +
          (versus ? ` · ${versus}` : '')
        }
        trend={trend}
        onOpen={() => openApps({ step: 'production', after: null, onOrBefore: scope.asOf }, scope.teamId)}
        openLabel={`Open the ${plural(headline.onPlatform, 'app')} on the platform by ${asOf}`}
      />
      {helloWorld ? (
        <StatTile
          label="Median time to hello world"
          value={helloWorld.days === null ? '—' : `${helloWorld.days.toLocaleString('en')} d`}
          detail={
            helloWorld.days === null
              ? `No app had reached hello world by ${asOf}`
              : `From selection to first deploy, over ${plural(helloWorld.apps, 'app')}`
          }
          trend={helloWorld.trend}
          {...(helloWorld.apps > 0
            ? {
                onOpen: () =>
                  openApps({ step: 'helloWorld', after: null, onOrBefore: scope.asOf }, scope.teamId),
                openLabel: `Open the apps that had reached hello world by ${asOf}`,
              }
            : {})}
        />
      ) : (
        // The times to hello world are read after the days reached (use-adoption.ts).
        <StatTile
          label="Median time to hello world"
          value="…"
          detail="Reading the apps' times to hello world…"
          busy
        />
      )}
    </>
  );
}
