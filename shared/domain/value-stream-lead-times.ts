/**
 * "Lead time before and after per app", the value streams' chart on the leadership overview: for
 * each app mapped at least twice, its first map (the path to production before onboarding) against
 * its latest (after), and over those apps together how the lead time changed.
 *
 * The overview can be shown as it stood on a past day ("as of"): only maps dated on or before it
 * count, so a map drawn later neither adds an app nor changes an app's "after". A team filter
 * keeps the apps of that team.
 */
import { mapVersions, valueStreamStats, changePercent } from './value-stream-stats';
import type { ValueStreamMap } from './value-stream';

type VersionedMap = Pick<ValueStreamMap, 'id' | 'appId' | 'label' | 'date' | 'createdAt' | 'steps'>;

/** One app's lead time on its first map and on its latest. */
export interface LeadTimeChange<M extends VersionedMap = VersionedMap> {
  appId: string;
  /** The app's first map by date (the path before onboarding). */
  before: M;
  /** The app's latest map by date on or before "as of". */
  after: M;
  /** How many maps the app has by "as of" (at least two). */
  versions: number;
  beforeMinutes: number;
  afterMinutes: number;
  /** (after − before) ÷ before in percent: −50 when halved; undefined when before is zero. */
  changePct: number | undefined;
}

export interface LeadTimesBeforeAfter<M extends VersionedMap = VersionedMap> {
  /** Largest cut first (a rise last, an undefined change after every defined one), then by app id. */
  rows: LeadTimeChange<M>[];
  /** The mean lead time of those apps before and after, in minutes; 0 when there is no app. */
  meanBeforeMinutes: number;
  meanAfterMinutes: number;
  /**
   * The change of the mean (equally, of the apps' lead times added up) in percent: what leadership
   * reads as "lead time fell 38 % across 9 apps"; undefined without apps or when before is zero.
   */
  changePct: number | undefined;
}

export interface LeadTimeOptions {
  /** Only maps dated on or before this day (yyyy-MM-dd) count. */
  asOf: string;
  /** Only these apps, when given (a team's). */
  appIds?: ReadonlySet<string>;
}

/** Each app's first and latest map by "as of", their lead times, and the change over all of them. */
export function leadTimesBeforeAfter<M extends VersionedMap>(
  maps: readonly M[],
  { asOf, appIds }: LeadTimeOptions,
): LeadTimesBeforeAfter<M> {
  const byApp = new Map<string, M[]>();
  for (const map of maps) {
    if (map.date > asOf || (appIds && !appIds.has(map.appId))) continue;
    const list = byApp.get(map.appId);
    if (list) list.push(map);
    else byApp.set(map.appId, [map]);
  }
  const rows: LeadTimeChange<M>[] = [];
  let totalBefore = 0;
  let totalAfter = 0;
  for (const [appId, list] of byApp) {
    if (list.length < 2) continue;
    const versions = mapVersions(list);
    const before = versions[0]!;
    const after = versions[versions.length - 1]!;
    const beforeMinutes = valueStreamStats(before.steps).leadMinutes;
    const afterMinutes = valueStreamStats(after.steps).leadMinutes;
    totalBefore += beforeMinutes;
    totalAfter += afterMinutes;
    rows.push({
      appId,
      before,
      after,
      versions: versions.length,
      beforeMinutes,
      afterMinutes,
      changePct: changePercent(beforeMinutes, afterMinutes),
    });
  }
  const order = (r: LeadTimeChange<M>) => r.changePct ?? Infinity;
  rows.sort((x, y) => order(x) - order(y) || x.appId.localeCompare(y.appId));
  const n = rows.length;
  return {
    rows,
    meanBeforeMinutes: n ? totalBefore / n : 0,
    meanAfterMinutes: n ? totalAfter / n : 0,
    changePct: n ? changePercent(totalBefore, totalAfter) : undefined,
  };
}

/**
 * The chart's reading: "Lead time fell 38 % across 9 apps", "… rose 12 % across 1 app",
 * "… unchanged across 3 apps" (under half a percent either way); null without apps.
 */
export function leadTimeHeadline(result: Pick<LeadTimesBeforeAfter, 'rows' | 'changePct'>): string | null {
  const n = result.rows.length;
  if (n === 0) return null;
  const across = `across ${n.toLocaleString('en')} ${n === 1 ? 'app' : 'apps'}`;
  const pct = result.changePct;
  if (pct === undefined) return `Lead time not comparable ${across}: no time on the first maps`;
  const rounded = Math.round(Math.abs(pct));
  if (rounded === 0) return `Lead time unchanged ${across}`;
  return `Lead time ${pct < 0 ? 'fell' : 'rose'} ${rounded} % ${across}`;
}
